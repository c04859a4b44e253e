import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../src/main/core/desk';
import type { GeneratedFile, LoginResult, ProtocolEntry, RegisterResult, ReviewItem, ReviewList, ReviewResolveResult, SyncStatus } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/contract';
import { isClockSkewed } from '../../../src/shared/domain/sync-health';
import { startTestServer, type TestServer } from '../server/harness';

/**
 * The "Da verificare" inbox against the real register server: a mutation the server refuses
 * appears with its payload and the row's current state; "Scarta" keeps it in the log with who
 * and when; "Risolvi" writes it again as a new mutation. Plus the diagnostic bundle.
 */

let server: TestServer;
const desks: Desk[] = [];

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
  await server.close();
});

async function newDesk(clock?: () => Date): Promise<Desk> {
  const desk = await openDesk({ dataDir: ':memory:', serverUrl: server.url, live: false, ...(clock ? { clock } : {}) });
  desks.push(desk);
  return desk;
}

async function login(desk: Desk, role: keyof TestServer['users']): Promise<string> {
  const u = server.users[role];
  return ((await desk.call('auth.login', { username: u.username, password: u.password }, {})) as LoginResult).token;
}

async function register(desk: Desk, token: string): Promise<ProtocolEntry> {
  const input = {
    direction: 'entrata',
    oggetto: 'Richiesta di patrocinio per la festa del quartiere',
    correspondents: [{ newContact: { kind: 'persona', name: 'Rossi Mario', email: 'mario.rossi@example.it' } }],
    means: 'email',
  };
  return ((await desk.call('protocol.register', input, { token })) as RegisterResult).entry;
}

const listOf = async (desk: Desk, token: string, includeLog = false) => (await desk.call('review.list', { includeLog }, { token })) as ReviewList;

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('review inbox with the real server', () => {
  it('lists a refused change with payload and current state; Scarta keeps it in the log', async () => {
    const a = await newDesk();
    const clerk = await login(a, 'protocollista');
    const entry = await register(a, clerk);
    // A round now, so the deferred pull after the registration cannot fire later and bring the
    // annulment to A before its change (a race under load).
    await a.syncNow();

    // Another desk annuls the entry; desk A has not pulled yet and changes its classification.
    const b = await newDesk();
    const boss = await login(b, 'responsabile');
    await b.syncNow();
    await b.call('protocol.annul', { id: entry.id, reason: 'Registrata due volte', act: 'Provvedimento n. 3' }, { token: boss });
    expect((await b.syncNow()).pendingCount).toBe(0);

    await a.call('protocol.update', { id: entry.id, classificationCode: 'I.13' }, { token: clerk });
    const status = (await a.syncNow()) as SyncStatus;
    expect(status).toMatchObject({ rejectedCount: 1, pendingCount: 0 });

    const { open } = await listOf(a, clerk);
    expect(open).toHaveLength(1);
    const item = open[0]!;
    expect(item).toMatchObject({ name: 'protocol.update', title: 'Modifica di classificazione o assegnazione', authorName: 'Paola Protocollista', state: 'rejected' });
    expect(item.error.code).toBe('INVALID_STATE');
    expect(item.payload).toContainEqual({ label: 'Classificazione', value: 'I.13' });
    expect(item.target?.label).toMatch(/^Protocollo \d{4}\/0000001$/);
    expect(item.target?.current).toContainEqual({ label: 'Stato', value: 'Annullata' });
    expect(item.target?.current).toContainEqual({ label: 'Oggetto', value: entry.oggetto });

    const discarded = (await a.call('review.discard', { mutationId: item.mutationId, note: 'Già annullata' }, { token: clerk })) as ReviewItem;
    expect(discarded).toMatchObject({ state: 'discarded', decidedByName: 'Paola Protocollista', note: 'Già annullata' });
    expect(discarded.decidedAt).not.toBeNull();
    const after = await listOf(a, clerk, true);
    expect(after.open).toEqual([]);
    expect(after.log.map((l) => [l.mutationId, l.state])).toEqual([[item.mutationId, 'discarded']]);
    expect(after.log[0]!.payload).toEqual(item.payload);
    expect(((await a.call('sync.status', {}, { token: clerk })) as SyncStatus).rejectedCount).toBe(0);
    expect((await errorOf(a.call('review.discard', { mutationId: item.mutationId }, { token: clerk }))).code).toBe('INVALID_STATE');
  });

  it('Risolvi re-submits as a new mutation, unchanged or edited', async () => {
    const a = await newDesk();
    const clerk = await login(a, 'protocollista');
    const entry = await register(a, clerk);

    // A classification missing from the titolario: the server refuses it.
    await a.call('protocol.update', { id: entry.id, classificationCode: 'XIX.99' }, { token: clerk });
    await a.syncNow();
    const [refused] = (await listOf(a, clerk)).open;
    expect(refused?.error.code).toBe('VALIDATION');

    // Unchanged: a new mutation with a new id, refused again and listed again (never lost).
    const again = (await a.call('review.resolve', { mutationId: refused!.mutationId }, { token: clerk })) as ReviewResolveResult;
    expect(again.newMutationId).not.toBe(refused!.mutationId);
    expect(again.item).toMatchObject({ state: 'resubmitted', newMutationId: again.newMutationId });
    await a.syncNow();
    const second = (await listOf(a, clerk)).open;
    expect(second.map((i) => i.mutationId)).toEqual([again.newMutationId]);

    // Edited: the corrected classification is applied by the server.
    const fixed = (await a.call('review.resolve', { mutationId: again.newMutationId, edits: { classificationCode: 'I.13' } }, { token: clerk })) as ReviewResolveResult;
    const status = await a.syncNow();
    expect(status).toMatchObject({ pendingCount: 0, rejectedCount: 0 });
    const current = (await a.call('protocol.get', { id: entry.id }, { token: clerk })) as ProtocolEntry;
    expect(current.classificationCode).toBe('I.13');
    const log = (await listOf(a, clerk, true)).log;
    expect(log.map((l) => l.mutationId).sort()).toEqual([refused!.mutationId, again.newMutationId].sort());
    expect(log.find((l) => l.mutationId === again.newMutationId)?.newMutationId).toBe(fixed.newMutationId);

    // The row's identity cannot be edited, and invalid edits get the form's Italian message.
    await a.call('protocol.update', { id: entry.id, classificationCode: 'XIX.98' }, { token: clerk });
    await a.syncNow();
    const [third] = (await listOf(a, clerk)).open;
    expect((await errorOf(a.call('review.resolve', { mutationId: third!.mutationId, edits: { id: refused!.mutationId } }, { token: clerk }))).code).toBe('VALIDATION');
    expect((await errorOf(a.call('review.resolve', { mutationId: third!.mutationId, edits: { assignments: 'tutti' } }, { token: clerk }))).code).toBe('VALIDATION');
    expect((await errorOf(a.call('review.resolve', { mutationId: 'not-a-uuid' }, { token: clerk }))).code).toBe('VALIDATION');
  });

  it('exports a diagnostic bundle with outbox, cursors and sync log, without secrets', async () => {
    const a = await newDesk();
    const clerk = await login(a, 'protocollista');
    const entry = await register(a, clerk);
    await a.call('protocol.update', { id: entry.id, classificationCode: 'XIX.99' }, { token: clerk });
    await a.syncNow();

    const file = (await a.call('system.diagnostics', {}, { token: clerk })) as GeneratedFile;
    expect(file.mimeType).toBe('application/json');
    expect(file.fileName).toMatch(/^gonfalone-diagnostica-.*\.json$/);
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text).not.toContain(server.users.protocollista.password);
    expect(text).not.toContain(clerk);
    const bundle = JSON.parse(text) as {
      versions: { protocol: number; schema: number };
      desk: { clientId: string };
      cursors: { cursor: number };
      outbox: Array<{ name: string; status: string; args: { classificationCode: string } }>;
      syncLog: Array<{ kind: string; round: number; pushed?: number; pulled?: number }>;
      status: SyncStatus;
    };
    expect(bundle.desk.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(bundle.cursors.cursor).toBeGreaterThan(0);
    expect(bundle.outbox).toEqual([expect.objectContaining({ name: 'protocol.update', status: 'rejected', args: { id: entry.id, classificationCode: 'XIX.99' } })]);
    expect(bundle.syncLog.some((e) => e.kind === 'push' && e.pushed === 1)).toBe(true);
    expect(bundle.syncLog.some((e) => e.kind === 'pull')).toBe(true);
    expect(bundle.syncLog.some((e) => e.kind === 'round')).toBe(true);
    expect(bundle.status.rejectedCount).toBe(1);
    expect((await errorOf(a.call('system.diagnostics', {}, {}))).code).toBe('UNAUTHENTICATED');
  });

  it('reports the clock skew from the server time, as a warning only', async () => {
    const ahead = await newDesk(() => new Date(Date.now() + 10 * 60_000));
    const clerk = await login(ahead, 'protocollista');
    await register(ahead, clerk);
    const status = (await ahead.call('sync.status', {}, { token: clerk })) as SyncStatus;
    expect(status.clockSkewMs).toBeGreaterThan(9 * 60_000);
    expect(status.clockSkewMs).toBeLessThan(11 * 60_000);
    expect(isClockSkewed(status.clockSkewMs)).toBe(true);

    const onTime = await newDesk();
    const other = await login(onTime, 'segreteria');
    const s2 = await onTime.syncNow();
    expect(isClockSkewed(s2.clockSkewMs)).toBe(false);
    expect(((await onTime.call('sync.status', {}, { token: other })) as SyncStatus).upgradeRequired).toBe(false);
  });
});
