import fs from 'node:fs';
import path from 'node:path';
import type { RegisterServer } from '../server/app';
import { openDesk, type Desk, type Logger } from './core/desk';
import { StartupError } from './core/errors';
import { startEmbeddedDesk } from './embedded';
import { parseServerUrl, readRemoteConfig, REMOTE_CONFIG_FILE, writeRemoteConfig } from './remote-config';

/**
 * A desk of a town hall (issue 3): the desk core in `<dataRoot>/desk` talking to the AOO's
 * register server at a URL, with no embedded server. `startDesk` picks between this and the
 * one-desk office of embedded.ts.
 */
export interface StartedDesk {
  mode: 'embedded' | 'remote';
  desk: Desk;
  serverUrl: string;
  /** The embedded register server; null on a remote desk. */
  server: RegisterServer | null;
  close(): Promise<void>;
}

export interface StartDeskOptions {
  dataRoot: string;
  /** `--server URL` or GONFALONE_SERVER_URL; absent: the remembered server, else embedded. */
  serverUrl?: string | null;
  appVersion?: string;
  clock?: () => Date;
  logger?: Logger;
}

export type DeskServerChoice = { mode: 'embedded' } | { mode: 'remote'; serverUrl: string; remember: boolean };

const deskDirOf = (dataRoot: string) => path.join(dataRoot, 'desk');

/**
 * Decides which register server the desk in `dataRoot` uses. A desk's local copy, cursor and
 * outbox belong to one register: binding it to another server would send its pending work to
 * the wrong AOO, so a different URL is refused (use another data folder) rather than obeyed.
 */
export function chooseDeskServer(opts: { dataRoot: string; serverUrl?: string | null }): DeskServerChoice {
  const deskDir = deskDirOf(opts.dataRoot);
  const remembered = readRemoteConfig(deskDir);
  const given = opts.serverUrl ? parseServerUrl(opts.serverUrl) : null;
  if (!given) return remembered ? { mode: 'remote', serverUrl: remembered.serverUrl, remember: false } : { mode: 'embedded' };
  if (remembered && remembered.serverUrl !== given) {
    throw new StartupError(
      path.join(deskDir, REMOTE_CONFIG_FILE),
      `Questa postazione è collegata al server del registro ${remembered.serverUrl}: i suoi dati e le modifiche non ancora inviate appartengono a quel registro. ` +
        `Per usare ${given} avvia Gonfalone con un\u2019altra cartella dati (--data).`,
    );
  }
  const database = path.join(deskDir, 'gonfalone.db');
  if (!remembered && fs.existsSync(database)) {
    throw new StartupError(
      database,
      `La cartella dati contiene una postazione con il server del registro integrato: non può essere collegata a ${given}. ` +
        'Avvia Gonfalone con un\u2019altra cartella dati (--data) per questa postazione.',
    );
  }
  return { mode: 'remote', serverUrl: given, remember: !remembered };
}

/** Opens the desk core against a remote register server (no server in this process). */
export async function startRemoteDesk(opts: Omit<StartDeskOptions, 'serverUrl'> & { serverUrl: string }): Promise<StartedDesk> {
  const serverUrl = parseServerUrl(opts.serverUrl);
  const desk = await openDesk({
    dataDir: deskDirOf(opts.dataRoot),
    serverUrl,
    ...(opts.appVersion ? { appVersion: opts.appVersion } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  return { mode: 'remote', desk, serverUrl, server: null, close: () => desk.close() };
}

/**
 * Starts the desk of `dataRoot`: remote when a server URL is given or remembered (and then
 * remembered for the next start), embedded otherwise, as the foundation did.
 */
export async function startDesk(opts: StartDeskOptions): Promise<StartedDesk> {
  const choice = chooseDeskServer(opts);
  if (choice.mode === 'embedded') {
    const embedded = await startEmbeddedDesk({ dataRoot: opts.dataRoot, ...(opts.appVersion ? { appVersion: opts.appVersion } : {}) });
    return { mode: 'embedded', ...embedded };
  }
  // The binding is written before the database exists, so no desk folder is ever unbound.
  if (choice.remember) writeRemoteConfig(deskDirOf(opts.dataRoot), { serverUrl: choice.serverUrl, connectedAt: (opts.clock?.() ?? new Date()).toISOString() });
  return startRemoteDesk({ ...opts, serverUrl: choice.serverUrl });
}
