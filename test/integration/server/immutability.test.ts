import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/server/db/change-log';
import { startTestServer, TestClient, registerArgs, type TestServer } from './harness';
import type { PushResponse } from '../../../src/shared/sync/protocol';
import type { ProtocolEntry, RegisterResult } from '../../../src/shared/contract/protocol';
import type { Office } from '../../../src/shared/contract/organisation';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function registered(c: TestClient): Promise<ProtocolEntry> {
  const res = await c.push<PushResponse>([c.mutation('protocol.register', registerArgs())]);
  return (res.body.results[0]!.result as RegisterResult).entry;
}

function causeMessage(err: unknown): string {
  const e = err as { message?: string; cause?: { message?: string } };
  return `${e.message ?? ''} ${e.cause?.message ?? ''}`;
}

describe('immutability of registrations (DPR 445/2000 artt. 53, 54)', () => {
  it('refuses a direct SQL UPDATE of oggetto, number or correspondents and any DELETE', async () => {
    t = await startTestServer();
    const entry = await registered(new TestClient(t.url, await t.login('protocollista')));
    const db = t.server.context.db;
    for (const stmt of [
      sql`update protocol_entries set oggetto = 'altro' where id = ${entry.id}`,
      sql`update protocol_entries set number = 99 where id = ${entry.id}`,
      sql`update protocol_entries set correspondents = '[]'::jsonb where id = ${entry.id}`,
      sql`update protocol_entries set registered_at = now() where id = ${entry.id}`,
      sql`delete from protocol_entries where id = ${entry.id}`,
    ]) {
      const err = await db.execute(stmt).then(() => null, (e: unknown) => e);
      expect(err, 'il trigger deve rifiutare').not.toBeNull();
      expect(causeMessage(err)).toContain('IMMUTABLE_FIELD');
    }
    const [row] = rowsOf(await db.execute(sql`select oggetto, number from protocol_entries where id = ${entry.id}`));
    expect(row).toEqual({ oggetto: entry.oggetto, number: entry.number });
    // Classification may change: the guard lets it through.
    await db.execute(sql`update protocol_entries set classification_code = 'I.1' where id = ${entry.id}`);
  });

  it('changes classification and assignment with history, and annuls only by the responsabile', async () => {
    t = await startTestServer();
    const admin = new TestClient(t.url, await t.login('admin'));
    const office = (await admin.push<PushResponse>([admin.mutation('offices.upsert', { code: 'SEGR', name: 'Segreteria del Sindaco' })])).body.results[0]!
      .result as Office;
    const clerk = new TestClient(t.url, await t.login('protocollista'));
    const entry = await registered(clerk);
    const upd = await clerk.push<PushResponse>([
      clerk.mutation('protocol.update', {
        id: entry.id,
        classificationCode: 'II.1',
        assignments: [{ assigneeType: 'ufficio', assigneeId: office.id, kind: 'competenza' }],
      }),
      clerk.mutation('protocol.annul', { id: entry.id, reason: 'Doppia registrazione', act: 'Provv. n. 1' }),
      clerk.mutation('protocol.requestAnnulment', { id: entry.id, reason: 'Doppia registrazione' }),
    ]);
    expect(upd.body.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(upd.body.results[1]!.error!.code).toBe('FORBIDDEN');
    const updated = upd.body.results[0]!.result as ProtocolEntry;
    expect(updated.classificationCode).toBe('II.1');
    expect(updated.assignments[0]).toMatchObject({ assigneeName: 'Segreteria del Sindaco', state: 'assegnato' });
    expect((upd.body.results[2]!.result as ProtocolEntry).status).toBe('annullamento_richiesto');

    const boss = new TestClient(t.url, await t.login('responsabile'));
    const annul = await boss.push<PushResponse>([
      boss.mutation('protocol.annul', { id: entry.id, reason: 'Doppia registrazione', act: 'Provvedimento del Responsabile n. 12' }),
      boss.mutation('protocol.update', { id: entry.id, classificationCode: 'I.1' }),
    ]);
    const annulled = annul.body.results[0]!.result as ProtocolEntry;
    expect(annulled.status).toBe('annullato');
    expect(annulled.number).toBe(entry.number);
    expect(annulled.annulment).toMatchObject({ act: 'Provvedimento del Responsabile n. 12', annulledByName: 'Roberto Responsabile', requestReason: 'Doppia registrazione' });
    expect(annul.body.results[1]!.error!.code).toBe('INVALID_STATE');

    const history = rowsOf(await t.server.context.db.execute(sql`select field, old_value, new_value, by_name from protocol_history where entry_id = ${entry.id} order by at, id`));
    expect(history.map((h) => h.field)).toEqual(['classificazione', 'assegnazione', 'richiesta_annullamento', 'annullamento']);
    expect(history[0]).toMatchObject({ old_value: null, by_name: 'Paola Protocollista' });
    // The history is append-only too.
    const erase = await t.server.context.db.execute(sql`delete from protocol_history`).then(() => null, (e: unknown) => e);
    expect(causeMessage(erase)).toContain('IMMUTABLE_FIELD');
  });

  it('does not accept update fields other than classification and assignment', async () => {
    t = await startTestServer();
    const clerk = new TestClient(t.url, await t.login('protocollista'));
    const entry = await registered(clerk);
    const res = await clerk.push<PushResponse>([clerk.mutation('protocol.update', { id: entry.id, oggetto: 'Nuovo oggetto' })]);
    expect(res.body.results[0]!.status).toBe('rejected');
    expect(res.body.results[0]!.error!.code).toBe('VALIDATION');
  });
});
