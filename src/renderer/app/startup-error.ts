import { desktopBridge } from '../api/electron-transport';

/**
 * The web host answers `GET /startup-error` with 200 `{message}` when the desk could not open its
 * database (corrupt or foreign file, left untouched): then the page shows only that error.
 */
export async function fetchStartupError(): Promise<string | null> {
  if (desktopBridge() || location.protocol === 'file:') return null;
  try {
    const res = await fetch('/startup-error', { headers: { Accept: 'application/json' } });
    if (res.status !== 200) return null;
    const body: unknown = await res.json();
    if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') return body.message;
    return null;
  } catch {
    return null;
  }
}
