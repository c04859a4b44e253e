import { useState } from 'react';
import type { ReviewItem, ReviewLine } from '../../../shared/contract';
import { dateTimeLabel } from '../../lib/format';

/** Fields a clerk may correct before a retry: top-level texts, never the row's identity. */
function editableFields(args: unknown): Array<[string, string]> {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return [];
  return Object.entries(args).filter((e): e is [string, string] => typeof e[1] === 'string' && !['id', 'code', 'conflictId'].includes(e[0]));
}

function Lines(props: { lines: ReviewLine[] }) {
  return (
    <dl className="g-dl">
      {props.lines.map((l, i) => (
        <div key={`${l.label}-${i}`} className="g-dl-row">
          <dt>{l.label}</dt>
          <dd>{l.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One refused change: what was asked, why the server refused it, the row as it is now, actions. */
export function ReviewItemCard(props: {
  item: ReviewItem;
  busy: boolean;
  onResolve?: (edits?: Record<string, string>) => void;
  onDiscard?: () => void;
}) {
  const { item } = props;
  const fields = editableFields(item.args);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const changed = Object.fromEntries(Object.entries(edits).filter(([k, v]) => fields.some(([fk, fv]) => fk === k && fv !== v)));
  const headingId = `g-review-${item.mutationId}`;
  return (
    <article className="g-panel g-review-item" aria-labelledby={headingId}>
      <h3 id={headingId} className="h6">
        {item.title}
      </h3>
      <p className="mb-1">
        Di {item.authorName}, {dateTimeLabel(item.createdAt)}
        {item.state !== 'rejected' && item.decidedAt && (
          <>
            {' '}
            · {item.state === 'discarded' ? 'scartata' : 'inviata di nuovo'} da {item.decidedByName} il {dateTimeLabel(item.decidedAt)}
            {item.note ? ` («${item.note}»)` : ''}
          </>
        )}
      </p>
      <p className="text-danger">
        <strong>Motivo del rifiuto:</strong> {item.error.message}
      </p>
      <div className="row">
        <section aria-label="Modifica richiesta" className="col-md-6">
          <h4 className="h6">Modifica richiesta</h4>
          <Lines lines={item.payload} />
        </section>
        {item.target && (
          <section aria-label="Stato attuale sul server" className="col-md-6">
            <h4 className="h6">Stato attuale: {item.target.label}</h4>
            {item.target.current ? <Lines lines={item.target.current} /> : <p>La riga non è presente su questa postazione.</p>}
          </section>
        )}
      </div>
      {item.state === 'rejected' && props.onResolve && props.onDiscard && (
        <>
          {fields.length > 0 && (
            <details className="mb-2">
              <summary>Correggi prima di inviare di nuovo</summary>
              {fields.map(([key, value]) => {
                const id = `${headingId}-${key}`;
                const label = item.payload.find((l) => l.value === value)?.label ?? key;
                return (
                  <div key={key} className="g-field">
                    <label htmlFor={id} className="g-label">
                      {label}
                    </label>
                    <input id={id} className="form-control" value={edits[key] ?? value} onChange={(e) => setEdits({ ...edits, [key]: e.target.value })} />
                  </div>
                );
              })}
            </details>
          )}
          <div className="g-row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={props.busy}
              onClick={() => props.onResolve?.(Object.keys(changed).length ? changed : undefined)}
            >
              {Object.keys(changed).length ? 'Risolvi con le correzioni' : 'Risolvi (invia di nuovo)'}
            </button>
            <button type="button" className="btn btn-outline-secondary" disabled={props.busy} onClick={props.onDiscard}>
              Scarta
            </button>
          </div>
        </>
      )}
    </article>
  );
}
