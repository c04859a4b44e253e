import type { TermStatus } from '../../../shared/domain/cases/deadlines';
import { termBadgeClass, termSymbols, termText } from './case-format';
import './cases.css';

/** The term of a case as a badge: symbol and words, the colour only repeats them. */
export function TermBadge(props: { status: TermStatus; daysLeft: number | null }) {
  return (
    <span className={termBadgeClass[props.status]}>
      <span aria-hidden="true">{termSymbols[props.status]} </span>
      {termText(props.status, props.daysLeft)}
    </span>
  );
}
