import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Field } from '../../components/Field';
import { Alert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import { AppError } from '../../../shared/contract/errors';
import type { DeviceIdentity, Organisation } from '../../../shared/contract';

/**
 * "Collega questa postazione" (issue 3): a desk of a town hall whose register server is set up
 * but which is not enrolled yet types the one-time code an administrator created in
 * Amministrazione → Postazioni. Only enrolled desks sync with a server that requires devices.
 */
export function EnrollScreen(props: { organisation: Organisation | null; onEnrolled: (identity: DeviceIdentity) => void; onSkip: () => void }) {
  const [code, setCode] = useState('');
  const info = useQuery({ queryKey: queryKeys.systemInfo, queryFn: () => send('system.info', {}) });
  // The typed code is kept on every error: the clerk corrects it or retries when the network is back.
  const m = useMutation({ mutationFn: () => send('devices.enroll', { enrollmentCode: code }), onSuccess: props.onEnrolled });
  const fe = fieldErrorsOf(m.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  const serverUrl = info.data?.serverUrl;
  return (
    <main id="main" className="container py-5 g-narrow">
      <h1 className="h2">Collega questa postazione</h1>
      {props.organisation && (
        <p className="lead">
          {props.organisation.administrationName} — {props.organisation.aooName}
        </p>
      )}
      <p>
        Il server del registro {serverUrl ? <strong>{serverUrl}</strong> : null} è configurato, ma questa postazione non è ancora abilitata. Inserisci il codice di
        abilitazione che l&apos;amministratore ha creato in <em>Amministrazione → Postazioni → Nuova postazione</em>: vale una sola volta.
      </p>
      <form onSubmit={submit} noValidate>
        <Field label="Codice di abilitazione" error={fe.enrollmentCode}>
          {(ids) => (
            <input
              id={ids.id}
              className="form-control text-uppercase font-monospace"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              autoFocus
              maxLength={40}
              aria-invalid={ids.invalid}
              aria-describedby={ids.describedBy}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        {m.error && !fe.enrollmentCode && <Alert kind="danger">{enrollErrorMessage(m.error, serverUrl)}</Alert>}
        <button type="submit" className="btn btn-primary" disabled={m.isPending}>
          {m.isPending ? 'Collegamento in corso…' : 'Collega la postazione'}
        </button>
      </form>
      <hr className="my-4" />
      <p className="small mb-1">Sei un amministratore e devi creare i codici di abilitazione, oppure il server accetta postazioni non abilitate?</p>
      <button type="button" className="btn btn-link px-0" onClick={props.onSkip}>
        Accedi senza collegare la postazione
      </button>
    </main>
  );
}

/** The server's own words for a wrong, used or expired code; a clearer one when it cannot be reached. */
export function enrollErrorMessage(error: unknown, serverUrl: string | undefined): string {
  if (error instanceof AppError && error.code === 'OFFLINE') {
    return `${error.message} Controlla la rete${serverUrl ? ` e l\u2019indirizzo ${serverUrl}` : ''}, poi riprova: il codice inserito resta nel modulo.`;
  }
  return error instanceof Error ? error.message : String(error);
}
