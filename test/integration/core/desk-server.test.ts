import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDesk, type Desk } from '../../../src/main/core/desk';
import type { Contact, ContactCreateResult, LoginResult, ProtocolEntry, ProtocolEntryDetail, RegisterResult, SearchResult, SetupStatus, GeneratedFile } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/contract';
import { startTestServer, type TestServer } from '../server/harness';

let server: TestServer;
let desk: Desk;

beforeEach(async () => {
  server = await startTestServer();
  desk = await openDesk({ dataDir: ':memory:', serverUrl: server.url, live: false });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await desk.close();
  await server.close();
});

async function login(role: keyof TestServer['users']): Promise<string> {
  const u = server.users[role];
  const res = (await desk.call('auth.login', { username: u.username, password: u.password }, {})) as LoginResult;
  return res.token;
}

const registration = (oggetto = 'Richiesta di patrocinio per la festa del quartiere') => ({
  direction: 'entrata',
  oggetto,
  correspondents: [{ newContact: { kind: 'persona', name: 'Rossi Mario', email: 'mario.rossi@example.it' } }],
  means: 'email',
});

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('desk against the real register server', () => {
  it('setup → login → register → search → update → annul by two roles → label', async () => {
    const status = (await desk.call('setup.status', {}, {})) as SetupStatus;
    expect(status.initialized).toBe(true);
    expect(await errorOf(desk.call('protocol.search', {}, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });

    const clerk = await login('protocollista');
    const doc = await desk.putFile(new TextEncoder().encode('%PDF-1.4 lettera'), 'lettera.pdf', 'application/pdf');
    const reg = (await desk.call('protocol.register', { ...registration(), primaryDocument: doc }, { token: clerk })) as RegisterResult;
    expect(reg.entry.number).toBe(1);
    expect(reg.segnatura).toBe(`c_x000-AOO1-REG-${reg.entry.year}-0000001`);
    expect(reg.entry.documents.map((d) => d.sha256)).toEqual([doc.sha256]);
    // The desk token stays inside the desk (issue 3): the server is asked with a token of its own.
    expect((await fetch(`${server.url}/blobs/${doc.sha256}`, { method: 'HEAD', headers: { authorization: `Bearer ${await server.login('protocollista')}` } })).status).toBe(200);

    const second = (await desk.call('protocol.register', registration('Convocazione della giunta comunale'), { token: clerk })) as RegisterResult;
    expect(second.entry.number).toBe(2);

    for (const text of ['patrocinio', '0000001', `${reg.entry.year}/0000001`]) {
      const found = (await desk.call('protocol.search', { text }, { token: clerk })) as SearchResult;
      expect(found.items[0]?.id, text).toBe(reg.entry.id);
    }

    const updated = (await desk.call('protocol.update', { id: reg.entry.id, classificationCode: 'I.13' }, { token: clerk })) as ProtocolEntry;
    expect(updated.classificationCode).toBe('I.13');
    expect(await errorOf(desk.call('protocol.annul', { id: reg.entry.id, reason: 'Errore', act: 'Provv. 1' }, { token: clerk }))).toMatchObject({ code: 'FORBIDDEN' });
    await desk.call('protocol.requestAnnulment', { id: reg.entry.id, reason: 'Registrata due volte' }, { token: clerk });
    const afterRequest = await desk.syncNow();
    expect(afterRequest.pendingCount).toBe(0);
    expect(afterRequest.rejectedCount).toBe(0);

    const boss = await login('responsabile');
    await desk.call('protocol.annul', { id: reg.entry.id, reason: 'Registrata due volte', act: 'Provvedimento n. 12' }, { token: boss });
    await desk.syncNow();
    const detail = (await desk.call('protocol.get', { id: reg.entry.id }, { token: boss })) as ProtocolEntryDetail;
    expect(detail.status).toBe('annullato');
    expect(detail.annulment?.act).toBe('Provvedimento n. 12');
    expect(detail.classificationCode).toBe('I.13');
    expect(detail.history.map((h) => h.field)).toEqual(expect.arrayContaining(['classificazione', 'richiesta_annullamento', 'annullamento']));
    const annulled = (await desk.call('protocol.search', { annulled: true }, { token: boss })) as SearchResult;
    expect(annulled.items.map((e) => e.id)).toEqual([reg.entry.id]);

    const label = (await desk.call('protocol.label', { id: second.entry.id }, { token: clerk })) as GeneratedFile;
    expect(Buffer.from(label.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(label.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('directory: create, duplicate warning, sync to the server', async () => {
    const clerk = await login('segreteria');
    const input = { kind: 'impresa', name: 'Edilnord S.r.l.', fiscalCode: '01234567890', pec: 'edilnord@pec.it' };
    const created = (await desk.call('directory.create', input, { token: clerk })) as ContactCreateResult;
    expect(created.created?.name).toBe('Edilnord S.r.l.');
    const found = (await desk.call('directory.search', { query: 'edil' }, { token: clerk })) as Contact[];
    expect(found.map((c) => c.id)).toEqual([created.created!.id]);
    const dup = (await desk.call('directory.create', { kind: 'impresa', name: 'EDILNORD srl', pec: 'EDILNORD@pec.it' }, { token: clerk })) as ContactCreateResult;
    expect(dup.created).toBeNull();
    expect(dup.duplicates.map((d) => d.id)).toEqual([created.created!.id]);
    const forced = (await desk.call('directory.create', { kind: 'impresa', name: 'EDILNORD srl', ignoreDuplicates: true }, { token: clerk })) as ContactCreateResult;
    expect(forced.created).not.toBeNull();

    const status = await desk.syncNow();
    expect(status).toMatchObject({ pendingCount: 0, rejectedCount: 0, online: true });
    // A second desk sees the contacts through the server.
    const other = await openDesk({ dataDir: ':memory:', serverUrl: server.url, live: false });
    try {
      const t2 = ((await other.call('auth.login', { username: server.users.segreteria.username, password: server.users.segreteria.password }, {})) as LoginResult).token;
      await other.syncNow();
      const there = (await other.call('directory.search', { query: 'edilnord' }, { token: t2 })) as Contact[];
      expect(there.map((c) => c.id).sort()).toEqual([created.created!.id, forced.created!.id].sort());
    } finally {
      await other.close();
    }
  });

  it('answers OFFLINE when the server is down, writing nothing', async () => {
    const clerk = await login('protocollista');
    await server.server.close();
    const err = await errorOf(desk.call('protocol.register', registration(), { token: clerk }));
    expect(err.code).toBe('OFFLINE');
    const status = (await desk.call('sync.status', {}, { token: clerk })) as { pendingCount: number };
    expect(status.pendingCount).toBe(0);
    expect((await errorOf(desk.call('users.create', { username: 'nuovo.utente', fullName: 'Nuovo Utente', password: 'password-lunga-9', roles: ['segreteria'] }, { token: clerk }))).code).toBe('FORBIDDEN');
    expect((await errorOf(desk.call('users.list', {}, { token: clerk }))).code).toBe('OFFLINE');
    const admin = await errorOf(desk.call('protocol.dailyRegister', { date: '2026-01-02' }, { token: clerk }));
    expect(admin.code).toBe('OFFLINE');
  });

  it('a push whose response is lost is retried without duplicating the registration', async () => {
    const clerk = await login('protocollista');
    await desk.syncNow(); // the round started by the login is over: the lost answer is the registration's
    const realFetch = globalThis.fetch;
    let lost = false;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const res = await realFetch(input, init);
      if (!lost && String(input).includes('/sync/push')) {
        lost = true;
        throw new TypeError('fetch failed'); // the server applied it; the answer never arrived
      }
      return res;
    });
    const err = await errorOf(desk.call('protocol.register', registration(), { token: clerk }));
    expect(err.code).toBe('OFFLINE');
    expect(err.message).toMatch(/sarà completata/);
    expect(((await desk.call('sync.status', {}, { token: clerk })) as { pendingCount: number }).pendingCount).toBe(1);

    const status = await desk.syncNow();
    expect(status.pendingCount).toBe(0);
    const all = (await desk.call('protocol.search', {}, { token: clerk })) as SearchResult;
    expect(all.items.map((e) => e.number)).toEqual([1]);
    const next = (await desk.call('protocol.register', registration('Seconda'), { token: clerk })) as RegisterResult;
    expect(next.entry.number).toBe(2);
  });

  it('validates input and refuses unknown procedures, empty and oversized files', async () => {
    const clerk = await login('protocollista');
    expect((await errorOf(desk.call('protocol.nope', {}, { token: clerk }))).code).toBe('UNKNOWN_PROCEDURE');
    expect((await errorOf(desk.call('protocol.register', { direction: 'entrata' }, { token: clerk }))).code).toBe('VALIDATION');
    expect((await errorOf(desk.putFile(new Uint8Array(0), 'vuoto.pdf', 'application/pdf'))).code).toBe('FILE_EMPTY');
    const small = await openDesk({ dataDir: ':memory:', serverUrl: server.url, live: false, maxUploadBytes: 10 });
    try {
      expect((await errorOf(small.putFile(new Uint8Array(11), 'grande.pdf', 'application/pdf'))).code).toBe('FILE_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});
