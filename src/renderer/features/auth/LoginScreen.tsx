import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { send } from '../../api/client';
import { Field } from '../../components/Field';
import { Alert, ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { Organisation, SessionUser } from '../../../shared/contract';

/** Login (unique identification of users, Linee guida AgID); errors incl. rate limiting. */
export function LoginScreen(props: { organisation: Organisation | null; note: string | null; onLoggedIn: (u: SessionUser) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const m = useMutation({
    mutationFn: () => send('auth.login', { username, password }),
    onSuccess: (r) => props.onLoggedIn(r.user),
    onError: () => setPassword(''),
  });
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
