import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StartupError } from './core/errors';

/**
 * Which register server a desk belongs to (issue 3). A desk started once with `--server URL`
 * remembers the URL in `server.json` next to its database, so the next start reconnects to the
 * same register without options. No file: the desk runs its own embedded server.
 */
export const REMOTE_CONFIG_FILE = 'server.json';

export interface RemoteConfig {
  serverUrl: string;
  /** When this desk was first bound to the server (ISO). */
  connectedAt: string;
}

/**
 * Validates a register server address and returns its origin (`https://host:port`). The desk
 * calls absolute paths (`/sync/push`, `/blobs/…`), so a sub-path would silently be ignored:
 * it is refused instead (docs/deploy.md puts the server at the root of its host).
 */
export function parseServerUrl(raw: string): string {
  const text = raw.trim();
  const example = 'usa un indirizzo come https://protocollo.comune.example.it:8787';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`Indirizzo del server del registro non valido: «${text.slice(0, 200)}»; ${example}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Indirizzo del server del registro non valido: «${text.slice(0, 200)}» deve iniziare con https:// (o http:// in rete locale); ${example}.`);
  }
  if (url.username || url.password) throw new Error('L\u2019indirizzo del server del registro non deve contenere nome utente o password.');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new Error(`L\u2019indirizzo del server del registro deve essere la radice del server, senza percorso: ${url.origin}`);
  }
  return url.origin;
}

const configFile = z.object({
  serverUrl: z.string().min(1).max(2000),
  connectedAt: z.iso.datetime({ offset: true }),
});

/** Reads the remembered server; null when there is none. A damaged file stops the start-up, untouched. */
export function readRemoteConfig(deskDir: string): RemoteConfig | null {
  const file = path.join(deskDir, REMOTE_CONFIG_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return null;
    throw new StartupError(file, `Impossibile leggere il file di collegamento al server del registro: ${err instanceof Error ? err.message : String(err)}`);
  }
  const damaged = (why: string) =>
    new StartupError(
      file,
      `Il file di collegamento al server del registro è danneggiato (${why}). Correggilo indicando nel campo "serverUrl" l\u2019indirizzo del server a cui questa postazione è collegata: i suoi dati appartengono a quel registro.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged('non è un JSON valido');
  }
  const parsed = configFile.safeParse(json);
  if (!parsed.success) throw damaged(parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; '));
  try {
    return { serverUrl: parseServerUrl(parsed.data.serverUrl), connectedAt: parsed.data.connectedAt };
  } catch (err) {
    throw damaged(err instanceof Error ? err.message : String(err));
  }
}

/** Remembers the server (written to a temp file and renamed, so a crash never leaves half a file). */
export function writeRemoteConfig(deskDir: string, config: RemoteConfig): void {
  fs.mkdirSync(deskDir, { recursive: true });
  const file = path.join(deskDir, REMOTE_CONFIG_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, 'utf8');
  fs.renameSync(tmp, file);
}
