/**
 * Hash routes: they work both under file:// (Electron) and http (web host) without a server
 * rewrite, and the browser history gives the Back key for free.
 */
export type Route =
  | { screen: 'registra' }
  | { screen: 'registro' }
  | { screen: 'dettaglio'; id: string }
  | { screen: 'rubrica' }
  | { screen: 'giornaliero' }
  | { screen: 'verifica' }
  | { screen: 'amministrazione'; tab: 'utenti' | 'uffici' | 'titolario' | 'postazioni' | 'pratiche' | 'sale' | 'agende' | 'cerimonie' }
  | { screen: 'pratiche' }
  | { screen: 'pratica'; id: string }
  | { screen: 'indicatori' }
  | { screen: 'libro-firma' }
  | { screen: 'agenda' }
  | { screen: 'sale' }
  | { screen: 'inviti' };

const adminTabs = ['utenti', 'uffici', 'titolario', 'postazioni', 'pratiche', 'sale', 'agende', 'cerimonie'] as const;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, arg] = parts;
  switch (head) {
    case 'registro':
      return arg ? { screen: 'dettaglio', id: arg } : { screen: 'registro' };
    case 'rubrica':
      return { screen: 'rubrica' };
    case 'giornaliero':
      return { screen: 'giornaliero' };
    case 'verifica':
      return { screen: 'verifica' };
    case 'pratiche':
      return arg ? { screen: 'pratica', id: arg } : { screen: 'pratiche' };
    case 'indicatori':
      return { screen: 'indicatori' };
    case 'libro-firma':
      return { screen: 'libro-firma' };
    case 'agenda':
      return { screen: 'agenda' };
    case 'sale':
      return { screen: 'sale' };
    case 'inviti':
      return { screen: 'inviti' };
    case 'amministrazione': {
      const tab = adminTabs.find((t) => t === arg) ?? 'utenti';
      return { screen: 'amministrazione', tab };
    }
    default:
      return { screen: 'registra' };
  }
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'dettaglio':
      return `#/registro/${encodeURIComponent(route.id)}`;
    case 'amministrazione':
      return `#/amministrazione/${route.tab}`;
    case 'pratica':
      return `#/pratiche/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.screen}`;
  }
}
