import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { send, onSessionLost, transportKind } from '../api/client';
import { getToken } from '../api/session';
import { queryKeys } from '../api/query-keys';
import { SetupScreen } from '../features/setup/SetupScreen';
import { EnrollScreen } from '../features/setup/EnrollScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { AppShell } from './AppShell';
import { ErrorAlert } from '../components/Alert';
import { AppError } from '../../shared/contract/errors';
import type { SessionUser } from '../../shared/contract';

/** First run → setup; unenrolled desk → "Collega questa postazione"; no session → login; otherwise the desk. */
export function App() {
  const queryClient = useQueryClient();
  const [sessionNote, setSessionNote] = useState<string | null>(null);
  const [enrollSkipped, setEnrollSkipped] = useState(false);
  const setup = useQuery({ queryKey: queryKeys.setup, queryFn: () => send('setup.status', {}) });
  // Issue 3: a desk joining an initialised register server must be enrolled before login.
  const device = useQuery({ queryKey: ['devices', 'identity'], enabled: !!setup.data?.initialized, queryFn: () => send('devices.identity', {}) });
  const canAskSession = transportKind() === 'electron' || getToken() !== null;
  const session = useQuery<SessionUser | null>({
    queryKey: queryKeys.session,
    enabled: !!setup.data?.initialized,
    retry: false,
    queryFn: async () => {
      if (!(transportKind() === 'electron' || getToken() !== null)) return null;
      try {
        return await send('auth.session', {});
      } catch (err) {
        if (err instanceof AppError && (err.code === 'UNAUTHENTICATED' || err.code === 'SESSION_EXPIRED')) return null;
        throw err;
      }
    },
  });

  useEffect(
    () =>
      onSessionLost(() => {
        setSessionNote('La sessione è scaduta o è stata chiusa: accedi di nuovo. I dati non salvati restano nel modulo fino al nuovo accesso.');
        queryClient.setQueryData(queryKeys.session, null);
      }),
    [queryClient],
  );

  if (setup.isPending) return <Loading />;
  if (setup.error) return <Fatal error={setup.error} retry={() => void setup.refetch()} />;
  if (!setup.data.initialized) return <SetupScreen serverReachable={setup.data.serverReachable} onRetry={() => void setup.refetch()} onDone={() => void setup.refetch()} />;
  if (session.isPending && canAskSession) return <Loading />;
  if (session.error) return <Fatal error={session.error} retry={() => void session.refetch()} />;
  if (!session.data && device.isPending) return <Loading />;
  if (!session.data && device.data?.enrolled === false && !enrollSkipped) {
    return (
      <EnrollScreen
        organisation={setup.data.organisation}
        onSkip={() => setEnrollSkipped(true)}
        onEnrolled={(identity) => {
          setSessionNote(`Postazione collegata al server del registro come ${identity.deviceCode ?? ''}: ora accedi.`);
          queryClient.setQueryData(['devices', 'identity'], identity);
        }}
      />
    );
  }
  if (!session.data) {
    return (
      <LoginScreen
        organisation={setup.data.organisation}
        note={sessionNote}
        onLoggedIn={(user) => {
          setSessionNote(null);
          queryClient.setQueryData(queryKeys.session, user);
        }}
      />
    );
  }
  return <AppShell user={session.data} organisation={setup.data.organisation} />;
}

function Loading() {
  return (
    <main id="main" className="container py-5" aria-busy="true">
      <p role="status">Caricamento di Gonfalone…</p>
    </main>
  );
}

function Fatal(props: { error: unknown; retry: () => void }) {
  return (
    <main id="main" className="container py-5">
      <h1 className="h3">Gonfalone non risponde</h1>
      <ErrorAlert error={props.error} />
      <button type="button" className="btn btn-primary" onClick={props.retry}>
        Riprova
      </button>
    </main>
  );
}
