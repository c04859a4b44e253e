import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openDesk } from '../../src/main/core/desk';
import { AppError, type LoginResult } from '../../src/shared/contract';

/**
 * A desk core as a real process, driven over stdin/stdout with JSON lines, for the chaos tests.
 * `--data DIR --server URL [--skew-ms N] [--live]`; the clock is skewed by N ms (a desk whose
 * clock is wrong). Commands, one JSON object per line, each answered by `{id, ok, result|error}`:
 * - `{id, cmd: "login", username, password}` — logs in (the token is kept for later calls);
 * - `{id, cmd: "call", name, input}` — any contract procedure with the session's token;
 * - `{id, cmd: "sync"}` — one sync round, answers the SyncStatus;
 * - `{id, cmd: "state"}` — client id, outbox, outbox sequence high-water and the synced rows.
 * Prints `{"ready": true}` once the desk is open.
 */
const { values } = parseArgs({
  options: { data: { type: 'string' }, server: { type: 'string' }, 'skew-ms': { type: 'string', default: '0' }, live: { type: 'boolean', default: false } },
});
if (!values.data || !values.server) {
  process.stderr.write('uso: desk-process --data DIR --server URL [--skew-ms N] [--live]\n');
  process.exit(2);
}
const skew = Number(values['skew-ms']);
const dataDir = values.data;
const desk = await openDesk({ dataDir, serverUrl: values.server, clock: () => new Date(Date.now() + skew), live: values.live });
const reader = new Database(path.join(dataDir, 'gonfalone.db'), { readonly: true, fileMustExist: true });
let token: string | undefined;

type Command =
  | { id: number; cmd: 'login'; username: string; password: string }
  | { id: number; cmd: 'call'; name: string; input: unknown }
  | { id: number; cmd: 'sync' }
  | { id: number; cmd: 'state' };

/** The rows of the synced tables, as `key → version` (history rows are immutable: version 1). */
function syncedRows(): Record<string, Record<string, number>> {
  const q = (sql: string) => Object.fromEntries((reader.prepare(sql).all() as Array<{ k: string; v: number }>).map((r) => [r.k, r.v]));
  return {
    protocol_entries: q('select id as k, version as v from protocol_entries'),
    protocol_history: q('select id as k, 1 as v from protocol_history'),
    contacts: q('select id as k, version as v from contacts'),
    users: q('select id as k, version as v from users'),
    offices: q('select id as k, version as v from offices'),
    titolario: q('select code as k, version as v from titolario'),
  };
}

/** The enrolled device's credentials, if any: the test reads the server's results as this device. */
function deviceProof(): { deviceId: string; deviceSecret: string } | null {
  const table = reader.prepare("select name from sqlite_master where type = 'table' and name = 'device_identity'").get();
  if (!table) return null;
  const row = reader.prepare('select device_id as deviceId, device_secret as deviceSecret from device_identity where id = 1').get() as
    | { deviceId: string; deviceSecret: string }
    | undefined;
  return row ?? null;
}

function state() {
  const sync = reader.prepare('select client_id as clientId, cursor, acked_seq as ackedSeq from sync_state where id = 1').get();
  const outbox = reader.prepare('select seq, mutation_id as mutationId, name, status, error from outbox order by seq').all();
  const high = reader.prepare("select seq from sqlite_sequence where name = 'outbox'").get() as { seq: number } | undefined;
  const numbers = reader.prepare('select id, year, number from protocol_entries').all();
  return { sync, outbox, outboxHighSeq: high?.seq ?? 0, tables: syncedRows(), entries: numbers, device: deviceProof() };
}

async function run(c: Command): Promise<unknown> {
  switch (c.cmd) {
    case 'login': {
      const res = (await desk.call('auth.login', { username: c.username, password: c.password }, {})) as LoginResult;
      token = res.token;
      return { userId: res.user.id };
    }
    case 'call':
      return desk.call(c.name, c.input, { token });
    case 'sync':
      return desk.syncNow();
    case 'state':
      return state();
  }
}

const write = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (!line.trim()) return;
  const c = JSON.parse(line) as Command;
  run(c).then(
    (result) => write({ id: c.id, ok: true, result }),
    (err: unknown) =>
      write({ id: c.id, ok: false, error: err instanceof AppError ? { code: err.code, message: err.message, details: err.details } : { code: 'INTERNAL', message: String(err) } }),
  );
});
lines.on('close', () => void desk.close().then(() => process.exit(0)));
write({ ready: true });
