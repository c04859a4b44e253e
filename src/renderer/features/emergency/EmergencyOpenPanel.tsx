import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { errorMessage } from '../../lib/field-errors';
import { matchesShortcut } from '../../lib/shortcuts';
import { AppError } from '../../../shared/contract';
import { DEFAULT_EMERGENCY_CAUSE } from '../../../shared/domain/emergency';
import { useEmergencyStatus } from './use-emergency';

function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Offered when registration answers OFFLINE: opens the emergency register (art. 63) with cause,
 * start and authoriser (the device's pre-authorisation, or name and act typed in). Keyboard
 * first like the registration form: the cursor lands on the first thing to fill, Ctrl+Enter
 * opens the register and registers the letter already typed.
 */
export function EmergencyOpenPanel(props: { onOpened: () => void }) {
  const qc = useQueryClient();
  const status = useEmergencyStatus();
  const pre = status.data?.preauthorisation ?? null;
  const [cause, setCause] = useState(DEFAULT_EMERGENCY_CAUSE);
  const [start, setStart] = useState(() => localInputValue(new Date()));
  const [usePre, setUsePre] = useState(true);
  const [name, setName] = useState('');
  const [act, setAct] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const withPre = !!pre && usePre;
  const m = useMutation({
    mutationFn: () => {
      const startedAt = new Date(start);
      // An emptied or half-typed datetime-local gives an invalid date: say so in Italian.
      if (Number.isNaN(startedAt.getTime())) throw new AppError('VALIDATION', "Indica data e ora d'inizio dell'emergenza.");
      if (!cause.trim()) throw new AppError('VALIDATION', "Indica la causa dell'interruzione (art. 63).");
      // Art. 63: the responsabile authorises the emergency register; without a pre-authorisation
      // the clerk records who did and by which act (the contract's union would only say "non valido").
      if (!withPre && (!name.trim() || !act.trim())) {
        throw new AppError('VALIDATION', "Indica chi autorizza l'apertura del registro di emergenza e il provvedimento (art. 63).");
      }
      return send('emergency.open', {
        cause,
        startedAt: startedAt.toISOString(),
        authoriser: pre && withPre ? { preauthorisationId: pre.id } : { name, act },
      });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['protocol'] });
      props.onOpened();
    },
  });

  // The panel appears after a failed Ctrl+Enter in the form: move the cursor here, on the
  // authoriser's name (or on the button when a pre-authorisation covers this device).
  useEffect(() => {
    (withPre ? submitRef.current : nameRef.current)?.focus();
    // Only when the panel appears or the authoriser mode changes, not on every keystroke.
  }, [withPre]);

  const submit = () => {
    if (!m.isPending) m.mutate();
  };

  return (
    <form
      className="g-emergency-open border border-warning p-3 my-3"
      aria-labelledby="g-emergency-open-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (matchesShortcut(e, 'Ctrl+Enter')) {
          e.preventDefault();
          submit();
          return;
        }
        // As in the registration form, plain Enter in a text box must not open it by accident.
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
      }}
    >
      <h2 id="g-emergency-open-title" className="h5">
        Server del registro non raggiungibile: aprire il registro di emergenza?
      </h2>
      <p>Le registrazioni riceveranno un numero di emergenza e, al ritorno del server, il numero ordinario (DPR 445/2000, art. 63).</p>
      <label className="form-label" htmlFor="g-em-cause">Causa</label>
      <input id="g-em-cause" className="form-control" value={cause} onChange={(e) => setCause(e.target.value)} />
      <label className="form-label" htmlFor="g-em-start">Inizio (data e ora)</label>
      <input id="g-em-start" type="datetime-local" className="form-control" value={start} onChange={(e) => setStart(e.target.value)} />
      {pre && (
        <div className="form-check">
          <input id="g-em-pre" type="checkbox" className="form-check-input" checked={usePre} onChange={(e) => setUsePre(e.target.checked)} />
          <label className="form-check-label" htmlFor="g-em-pre">
            Pre-autorizzazione di {pre.authorisedByName} ({pre.act})
          </label>
        </div>
      )}
      {!withPre && (
        <>
          <label className="form-label" htmlFor="g-em-name">Autorizzato da</label>
          <input id="g-em-name" ref={nameRef} className="form-control" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
          <label className="form-label" htmlFor="g-em-act">Provvedimento di autorizzazione</label>
          <input id="g-em-act" className="form-control" autoComplete="off" value={act} onChange={(e) => setAct(e.target.value)} />
        </>
      )}
      <button type="submit" ref={submitRef} className="btn btn-warning mt-2" disabled={m.isPending} aria-keyshortcuts="Control+Enter">
        Apri registro di emergenza e registra <span className="g-kbd-hint" aria-hidden="true">(Ctrl+Invio)</span>
      </button>
      {m.error && (
        <p role="alert" className="alert alert-danger mt-2 mb-0">
          {errorMessage(m.error)}
        </p>
      )}
    </form>
  );
}
