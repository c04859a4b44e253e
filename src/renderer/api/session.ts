/**
 * The bearer token of the web transport, kept in sessionStorage: it dies with the tab, so a
 * shared front-desk computer does not keep a clerk logged in after the browser is closed.
 * (In Electron the shell keeps the token and the page never sees it.)
 */
const KEY = 'gonfalone.token';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return storage()?.getItem(KEY) ?? null;
}

export function setToken(token: string | null): void {
  const s = storage();
  if (!s) return;
  if (token) s.setItem(KEY, token);
  else s.removeItem(KEY);
}
