import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { send } from '../../api/client';
import { Field } from '../../components/Field';
import { Alert, ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { LoginResult, Organisation, SessionUser } from '../../../shared/contract';

/** Login (unique identification of users, Linee guida AgID); errors incl. rate limiting. */
export function LoginScreen(props: { organisation: Organisation | null; note: string | null; onLoggedIn: (u: SessionUser) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [offline, setOffline] = useState<LoginResult | null>(null);
  const m = useMutation({
    mutationFn: () => send('auth.login', { username, password }),
    // An offline login (issue 3) is announced before the desk opens: registering needs the server.
    onSuccess: (r) => (r.offline ? setOffline(r) : props.onLoggedIn(r.user)),
    onError: () => setPassword(''),
  });
  if (offline) {
    return (
      <main id="main" className="container py-5 g-narrow">
        <h1 className="h2">Accesso offline</h1>
        <Alert kind="warning" title="Il server del registro non è raggiungibile">
          <p>
            Hai effettuato l&apos;accesso offline con le credenziali verificate su questa postazione. Puoi consultare e modificare i dati locali: le modifiche
            saranno inviate appena il server torna raggiungibile.
          </p>
          <p className="mb-0">Per protocollare serve il server oppure il registro di emergenza (DPR 445/2000, art. 63).</p>
        </Alert>
        <button type="button" className="btn btn-primary" autoFocus onClick={() => props.onLoggedIn(offline.user)}>
          Continua offline
        </button>
      </main>
    );
  }
  const fe = fieldErrorsOf(m.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <main id="main" className="container py-5 g-narrow">
      <h1 className="h2">Accesso a Gonfalone</h1>
      {props.organisation && (
        <p className="lead">
          {props.organisation.administrationName} — {props.organisation.aooName}
        </p>
      )}
      {props.note && <Alert kind="warning">{props.note}</Alert>}

      <form onSubmit={submit} noValidate>
        <Field label="Nome utente" error={fe.username}>
          {(ids) => (
            <input id={ids.id} className="form-control" autoComplete="username" autoFocus aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={username} onChange={(e) => setUsername(e.target.value)} />
          )}
        </Field>
        <Field label="Password" error={fe.password}>
          {(ids) => (
            <input id={ids.id} type="password" className="form-control" autoComplete="current-password" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <ErrorAlert error={m.error} />
        <button type="submit" className="btn btn-primary" disabled={m.isPending}>
          {m.isPending ? 'Accesso in corso…' : 'Accedi'}
        </button>
      </form>
    </main>
  );
}
