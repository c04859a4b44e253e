import { lazy, Suspense, useEffect, useState } from 'react';
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
import { CasesScreen } from '../features/cases/CasesScreen';
import { CaseDetailScreen } from '../features/cases/CaseDetailScreen';
import { CaseReminders } from '../features/cases/CaseReminders';
import { SignatureBookScreen } from '../features/signature/SignatureBookScreen';
import { isAllowed } from '../../shared/domain/permissions';

// Indicatori carries the chart library: loaded when first opened, not at start-up.
const IndicatorsScreen = lazy(() => import('../features/cases/IndicatorsScreen').then((m) => ({ default: m.IndicatorsScreen })));
// The agenda screens carry the calendar library: loaded when first opened, not at start-up.
const AgendaScreen = lazy(() => import('../features/agenda/AgendaScreen').then((m) => ({ default: m.AgendaScreen })));
const RoomsScreen = lazy(() => import('../features/agenda/RoomsScreen').then((m) => ({ default: m.RoomsScreen })));
const InvitationsScreen = lazy(() => import('../features/invitations/InvitationsScreen').then((m) => ({ default: m.InvitationsScreen })));

const sections: Array<{ route: Route; label: string; adminOnly?: boolean }> = [
  { route: { screen: 'registra' }, label: 'Registra' },
  { route: { screen: 'registro' }, label: 'Registro' },
  { route: { screen: 'rubrica' }, label: 'Rubrica' },
  { route: { screen: 'giornaliero' }, label: 'Registro giornaliero' },
  { route: { screen: 'amministrazione', tab: 'utenti' }, label: 'Amministrazione', adminOnly: true },
  { route: { screen: 'verifica' }, label: 'Da verificare' },
  { route: { screen: 'pratiche' }, label: 'Pratiche' },
  { route: { screen: 'libro-firma' }, label: 'Libro firma' },
  { route: { screen: 'indicatori' }, label: 'Indicatori' },
  { route: { screen: 'agenda' }, label: 'Agenda' },
  { route: { screen: 'sale' }, label: 'Sale' },
  { route: { screen: 'inviti' }, label: 'Inviti' },
];

/** Alt+1…9, then Alt+0 for the tenth section; later ones have none. */
const shortcutOf = (i: number): string | undefined => (i < 9 ? `Alt+${i + 1}` : i === 9 ? 'Alt+0' : undefined);

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
      const digit = /^[0-9]$/.test(e.key) && e.altKey && !e.ctrlKey && !e.shiftKey ? Number(e.key) || 10 : 0;
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

  const current = route.screen === 'dettaglio' ? 'registro' : route.screen === 'pratica' ? 'pratiche' : route.screen;
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
                <a href={routeHref(s.route)} aria-current={current === key ? 'page' : undefined} title={shortcutOf(i)}>
                  {s.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className="g-main" tabIndex={-1}>
        <StatusBanners />
        <CaseReminders />
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
    case 'pratiche':
      return <CasesScreen canWork={isAllowed('cases.open', props.user.roles)} />;
    case 'pratica':
      return <CaseDetailScreen id={r.id} user={props.user} canWork={isAllowed('cases.assign', props.user.roles)} />;
    case 'indicatori':
      return (
        <Suspense fallback={<p role="status">Caricamento…</p>}>
          <IndicatorsScreen />
        </Suspense>
      );
    case 'libro-firma':
      return <SignatureBookScreen canDecide={isAllowed('signature.decide', props.user.roles)} />;
    case 'agenda':
    case 'sale':
    case 'inviti':
      return (
        <Suspense fallback={<p role="status">Caricamento…</p>}>
          {r.screen === 'agenda' ? <AgendaScreen user={props.user} /> : r.screen === 'sale' ? <RoomsScreen user={props.user} /> : <InvitationsScreen user={props.user} />}
        </Suspense>
      );
    case 'amministrazione':
      return props.isAdmin ? <AdminScreen tab={r.tab} /> : <p role="alert">Sezione riservata agli amministratori.</p>;
  }
}
