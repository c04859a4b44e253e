import { routeHref, type Route } from '../../lib/route';
import { UsersAdmin } from './UsersAdmin';
import { OfficesAdmin } from './OfficesAdmin';
import { TitolarioAdmin } from './TitolarioAdmin';
import { DevicesAdmin } from './DevicesAdmin';
import { CasesAdmin } from './CasesAdmin';
import { RoomsAdmin } from './RoomsAdmin';
import { AgendaPeopleAdmin } from './AgendaPeopleAdmin';
import { TemplatesAdmin } from './TemplatesAdmin';

const tabs = [
  { tab: 'utenti', label: 'Utenti' },
  { tab: 'uffici', label: 'Uffici' },
  { tab: 'titolario', label: 'Titolario' },
  { tab: 'postazioni', label: 'Postazioni' },
  { tab: 'pratiche', label: 'Pratiche' },
  { tab: 'sale', label: 'Sale' },
  { tab: 'agende', label: 'Agende' },
  { tab: 'cerimonie', label: 'Cerimonie' },
] as const;

/** Amministrazione: users, offices, titolario (administrators only). */
export function AdminScreen(props: { tab: Extract<Route, { screen: 'amministrazione' }>['tab'] }) {
  return (
    <section aria-labelledby="g-admin-title">
      <h1 id="g-admin-title" className="h3">
        Amministrazione
      </h1>
      <nav aria-label="Sezioni di amministrazione" className="g-subnav">
        {tabs.map((t) => (
          <a key={t.tab} href={routeHref({ screen: 'amministrazione', tab: t.tab })} aria-current={props.tab === t.tab ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {props.tab === 'utenti' && <UsersAdmin />}
      {props.tab === 'uffici' && <OfficesAdmin />}
      {props.tab === 'titolario' && <TitolarioAdmin />}
      {props.tab === 'postazioni' && <DevicesAdmin />}
      {props.tab === 'pratiche' && <CasesAdmin />}
      {props.tab === 'sale' && <RoomsAdmin />}
      {props.tab === 'agende' && <AgendaPeopleAdmin />}
      {props.tab === 'cerimonie' && <TemplatesAdmin />}
    </section>
  );
}
