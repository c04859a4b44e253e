import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { send } from '../../api/client';
import { Field } from '../../components/Field';
import { Alert, ErrorAlert } from '../../components/Alert';
import { fieldErrorsOf } from '../../lib/field-errors';

/** First run: the administration, its AOO and register, and the first administrator. */
export function SetupScreen(props: { onDone: () => void; serverReachable?: boolean; onRetry?: () => void }) {
  const [v, setV] = useState({ adminName: '', ipa: '', aooCode: '', aooName: '', register: 'PROT', username: '', fullName: '', pw: '', pw2: '' });
  const [mismatch, setMismatch] = useState<string | undefined>();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const m = useMutation({
    mutationFn: () =>
      send('setup.initialize', {
        administration: { name: v.adminName, ipaCode: v.ipa },
        aoo: { code: v.aooCode, name: v.aooName },
        registerCode: v.register,
        admin: { username: v.username, fullName: v.fullName, password: v.pw },
      }),
    onSuccess: props.onDone,
  });
  const fe = fieldErrorsOf(m.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (v.pw !== v.pw2) return setMismatch('Le due password non coincidono');
    setMismatch(undefined);
    m.mutate();
  };
  const text = (label: string, k: keyof typeof v, err: string | undefined, type = 'text', auto = 'off') => (
    <Field label={label} error={err}>
      {(ids) => (
        <input id={ids.id} type={type} autoComplete={auto} className="form-control" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} value={v[k]} onChange={set(k)} />
      )}
    </Field>
  );
  return (
    <main id="main" className="container py-4 g-narrow">
      <h1 className="h2">Configurazione iniziale</h1>
      <p>Gonfalone non è ancora configurato. Inserisci i dati dell'amministrazione e del primo amministratore.</p>
      {props.serverReachable === false && (
        <Alert kind="warning" title="Il server del registro non risponde">
          <p>
            La configurazione si salva sul server del registro: controlla la rete prima di confermare. Se il server è già configurato, questa postazione si
            collegherà appena torna raggiungibile.
          </p>
          {props.onRetry && (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={props.onRetry}>
              Riprova a contattare il server
            </button>
          )}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend className="h5">Amministrazione</legend>
          {text("Denominazione dell'amministrazione", 'adminName', fe['administration.name'])}
          {text('Codice IPA', 'ipa', fe['administration.ipaCode'])}
        </fieldset>
        <fieldset>
          <legend className="h5">Area organizzativa omogenea e registro</legend>
          {text('Codice AOO', 'aooCode', fe['aoo.code'])}
          {text('Denominazione AOO', 'aooName', fe['aoo.name'])}
          {text('Codice del registro', 'register', fe.registerCode)}
        </fieldset>
        <fieldset>
          <legend className="h5">Primo amministratore</legend>
          {text('Nome utente', 'username', fe['admin.username'], 'text', 'username')}
          {text('Nome e cognome', 'fullName', fe['admin.fullName'], 'text', 'name')}
          {text('Password', 'pw', fe['admin.password'], 'password', 'new-password')}
          {text('Ripeti la password', 'pw2', mismatch, 'password', 'new-password')}
        </fieldset>
        <ErrorAlert error={m.error} />
        <button type="submit" className="btn btn-primary" disabled={m.isPending}>
          {m.isPending ? 'Configurazione in corso…' : 'Configura'}
        </button>
      </form>
    </main>
  );
}
