import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { forgetSession, send } from '../api/client';
import { connectDeskEvents } from '../api/events';
import { queryKeys } from '../api/query-keys';
import { isTypingTarget, matchesShortcut } from '../lib/shortcuts';
import { routeHref, type Route } from '../lib/route';
import { roleLabels } from '../../shared/domain/roles';
import type { Organisation, SessionUser } from '../../shared/contract';
import { navigate, useRoute } from './use-route';
import { StatusBar } from './StatusBar';
import { ShortcutsDialog } from './ShortcutsDialog';
import { RegisterScreen } from '../features/protocol/RegisterScreen';
import { RegistroScreen } from '../features/protocol/RegistroScreen';
import { EntryDetailScreen } from '../features/protocol/EntryDetailScreen';
import { DirectoryScreen } from '../features/directory/DirectoryScreen';
import { DailyRegisterScreen } from '../features/daily/DailyRegisterScreen';
import { AdminScreen } from '../features/admin/AdminScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { StatusBanners } from '../features/review/StatusBanners';

const sections: Array<{ route: Route; label: string; adminOnly?: boolean }> = [
  { route: { screen: 'registra' }, label: 'Registra' },
  { route: { screen: 'registro' }, label: 'Registro' },
  { route: { screen: 'rubrica' }, label: 'Rubrica' },
  { route: { screen: 'giornaliero' }, label: 'Registro giornaliero' },
  { route: { screen: 'amministrazione', tab: 'utenti' }, label: 'Amministrazione', adminOnly: true },
  { route: { screen: 'verifica' }, label: 'Da verificare' },
];

/** Header, navigation, the current screen and the status bar; global shortcuts live here. */
export function AppShell(props: { user: SessionUser; organisation: Organisation | null }) {
  const qc = useQueryClient();
  const route = useRoute();
  const [help, setHelp] = useState(false);
  const isAdmin = props.user.roles.includes('amministratore');
  const visible = sections.filter((s) => !s.adminOnly || isAdmin);

  useEffect(() => connectDeskEvents(qc), [qc]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1' || (matchesShortcut(e, '?') && !isTypingTarget(e.target as HTMLElement | null))) {
        e.preventDefault();
        setHelp(true);
        return;
      }
      const digit = /^[1-6]$/.test(e.key) && e.altKey && !e.ctrlKey && !e.shiftKey ? Number(e.key) : 0;
      const target = digit ? visible[digit - 1] : undefined;
      if (target) {
        e.preventDefault();
        navigate(target.route);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible]);

  const logout = async () => {
    try {
      await send('auth.logout', {});
    } catch {
      /* the session may already be gone: log out locally anyway */
    }
    forgetSession();
    // Session first, then drop every other query: clear() would also detach App's session
    // observer from the cache, and the desk would stay on screen after "Esci".
    qc.setQueryData(queryKeys.session, null);
    qc.removeQueries({ predicate: (q) => q.queryHash !== JSON.stringify(queryKeys.session) });
  };

  const current = route.screen === 'dettaglio' ? 'registro' : route.screen;
  return (
    <div className="g-app">
      <a href="#main" className="g-skip" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Vai al contenuto principale
      </a>
      <header className="g-header">
        <div className="g-brand">
          <span className="g-app-name">Gonfalone</span>
          {props.organisation && (
            <span className="g-org">
              {props.organisation.administrationName} · AOO {props.organisation.aooCode} – {props.organisation.aooName}
            </span>
          )}
        </div>
        <div className="g-user">
          <span>
            {props.user.fullName} <small>({props.user.roles.map((r) => roleLabels[r]).join(', ')})</small>
          </span>
          <button type="button" className="btn btn-sm btn-outline-light" onClick={() => setHelp(true)}>
            Scorciatoie (?)
          </button>
          <button type="button" className="btn btn-sm btn-light" onClick={() => void logout()}>
            Esci
          </button>
        </div>
      </header>
      <nav className="g-nav" aria-label="Sezioni">
        <ul>
          {visible.map((s, i) => {
            const key = s.route.screen;
            return (
              <li key={key}>
                <a href={routeHref(s.route)} aria-current={current === key ? 'page' : undefined} title={`Alt+${i + 1}`}>
                  {s.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className="g-main" tabIndex={-1}>
        <StatusBanners />
        <Screen route={route} user={props.user} isAdmin={isAdmin} />
      </main>
      <StatusBar />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}

function Screen(props: { route: Route; user: SessionUser; isAdmin: boolean }) {
  const r = props.route;
  switch (r.screen) {
    case 'registra':
      return <RegisterScreen />;
    case 'registro':
      return <RegistroScreen />;
    case 'dettaglio':
      return <EntryDetailScreen id={r.id} user={props.user} />;
    case 'rubrica':
      return <DirectoryScreen />;
    case 'giornaliero':
      return <DailyRegisterScreen />;
    case 'verifica':
      return <ReviewScreen userId={props.user.id} />;
    case 'amministrazione':
      return props.isAdmin ? <AdminScreen tab={r.tab} /> : <p role="alert">Sezione riservata agli amministratori.</p>;
  }
}
