import type { ProtocolEntry } from '../../../shared/contract';
import { dateTimeLabel, directionLetters, directionLabels, entryNumberLabel } from '../../lib/format';
import { routeHref } from '../../lib/route';

export const ROW_HEIGHT = 44;

/** One entry of the list; annulled entries carry the word ANNULLATO, not only a colour (WCAG 1.4.1). */
export function RegistroRow(props: { entry: ProtocolEntry; start: number; index: number; total: number }) {
  const e = props.entry;
  const annulled = e.status === 'annullato';
  return (
    <li
      className={`g-row-item ${annulled ? 'g-annulled' : ''}`}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${props.start}px)` }}
      aria-setsize={props.total}
      aria-posinset={props.index + 1}
    >
      <a href={routeHref({ screen: 'dettaglio', id: e.id })} className="g-row-link">
        <span className="g-num">{entryNumberLabel(e)}</span>
        <span>{dateTimeLabel(e.registeredAt)}</span>
        <span title={directionLabels[e.direction]}>
          <abbr title={directionLabels[e.direction]}>{directionLetters[e.direction]}</abbr>
        </span>
        <span className="g-ellipsis">
          {annulled && <strong className="g-badge-annulled">ANNULLATO</strong>}
          {e.status === 'annullamento_richiesto' && <strong className="g-badge-request">ANNULLAMENTO RICHIESTO</strong>}
          {e.riservato && <strong className="g-badge-riservato">RISERVATO</strong>} {e.oggetto}
        </span>
        <span className="g-ellipsis">{e.correspondents.map((c) => c.name).join(', ')}</span>
        <span>{e.classificationCode ?? '—'}</span>
      </a>
    </li>
  );
}
