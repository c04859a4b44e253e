import { dateTimeLabel } from '../../lib/format';
import type { CaseEventDto } from '../../../shared/contract';

/** Every event of the case, newest first (the order is said in the heading, not only shown). */
export function CaseTimeline(props: { events: CaseEventDto[] }) {
  // The desk sends them oldest first (time, then the order they were written): reverse both.
  const events = props.events.map((e, i) => ({ e, i })).sort((a, b) => b.e.at.localeCompare(a.e.at) || b.i - a.i).map((x) => x.e);
  return (
    <section aria-labelledby="g-case-timeline">
      <h2 id="g-case-timeline" className="h5">
        Cronologia <small className="g-muted">(dal più recente)</small>
      </h2>
      {events.length === 0 ? (
        <p>Nessun evento.</p>
      ) : (
        <ol className="g-timeline" reversed aria-label="Eventi della pratica, dal più recente">
          {events.map((e) => (
            <li key={e.id} data-kind={e.kind}>
              <time dateTime={e.at}>{dateTimeLabel(e.at)}</time>
              <span>{e.text}</span> <small className="g-muted">— {e.byName}</small>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
