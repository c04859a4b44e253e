import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, registerArgs, http, type TestServer, type ErrorBody } from './harness';
import type { PushResponse } from '../../../src/shared/sync/protocol';
import type { DailyRegister, DailyRegisterJson, RegisterResult } from '../../../src/shared/contract/protocol';
import { produceMissingDailyRegisters } from '../../../src/server/modules/protocol/daily-register';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('registro giornaliero', () => {
  it("lists the day's entries in order, then that day's changes to earlier entries, and records closed days", async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    t = await startTestServer({ clock: () => now });
    const clerk = new TestClient(t.url, await t.login('protocollista'));
    const day1 = await clerk.push<PushResponse>([clerk.mutation('protocol.register', registerArgs()), clerk.mutation('protocol.register', registerArgs({ direction: 'uscita', oggetto: 'Risposta' }))]);
    const [e1] = day1.body.results.map((r) => (r.result as RegisterResult).entry);
    now = new Date('2026-03-03T09:00:00Z');
    // Yesterday's sessions have expired: the desks log in again.
    const clerk2 = new TestClient(t.url, await t.login('protocollista'));
    const boss = new TestClient(t.url, await t.login('responsabile'));
    const day2 = await clerk2.push<PushResponse>([clerk2.mutation('protocol.register', registerArgs({ oggetto: 'Invito' })), clerk2.mutation('protocol.update', { id: e1!.id, classificationCode: 'I.13' })]);
    expect(day2.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await boss.push([boss.mutation('protocol.annul', { id: e1!.id, reason: 'Errore', act: 'Provv. n. 3' })]);
    now = new Date('2026-03-04T10:00:00Z');

    const token = await t.login('protocollista');
    const res = await http<DailyRegister>(t.url, 'POST', '/api/protocol.dailyRegister', { token, body: { date: '2026-03-03' } });
    expect(res.status).toBe(200);
    const jsonBytes = Buffer.from(res.body.json.base64, 'base64');
    expect(res.body.json.sha256).toBe(sha(jsonBytes));
    const pdfBytes = Buffer.from(res.body.pdf.base64, 'base64');
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.body.pdf.sha256).toBe(sha(pdfBytes));
    const json = JSON.parse(jsonBytes.toString('utf8')) as DailyRegisterJson;
    expect(json.fileId).toBe('c_x000AOO1-20260303-001');
    expect(json.entries.map((e) => [e.number, e.oggetto])).toEqual([[3, 'Invito']]);
    expect([json.firstNumber, json.lastNumber, json.count]).toEqual([3, 3, 1]);
    expect(json.changesToEarlierEntries.map((c) => [c.number, c.field])).toEqual([
      [1, 'classificazione'],
      [1, 'annullamento'],
    ]);

    // A closed day is recorded once: asking again returns the very same files.
    now = new Date('2026-03-05T10:00:00Z');
    const again = await http<DailyRegister>(t.url, 'POST', '/api/protocol.dailyRegister', { token: await t.login('responsabile'), body: { date: '2026-03-03' } });
    expect(again.body.json.sha256).toBe(res.body.json.sha256);
    expect(again.body.pdf.sha256).toBe(res.body.pdf.sha256);

    const firstDay = await http<DailyRegister>(t.url, 'POST', '/api/protocol.dailyRegister', { token: await t.login('admin'), body: { date: '2026-03-02' } });
    expect([firstDay.body.firstNumber, firstDay.body.lastNumber, firstDay.body.count]).toEqual([1, 2, 2]);
  });

  it('produces the missing registers of closed days automatically', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    t = await startTestServer({ clock: () => now });
    const clerk = new TestClient(t.url, await t.login('protocollista'));
    await clerk.push([clerk.mutation('protocol.register', registerArgs())]);
    now = new Date('2026-03-05T08:00:00Z');
    expect(await produceMissingDailyRegisters(t.server.context.db, now)).toBe(3);
    expect(await produceMissingDailyRegisters(t.server.context.db, now)).toBe(0);
  });

  it('refuses future days, bad dates and profiles without permission', async () => {
    t = await startTestServer({ clock: () => new Date('2026-03-02T08:00:00Z') });
    const token = await t.login('protocollista');
    const future = await http<ErrorBody>(t.url, 'POST', '/api/protocol.dailyRegister', { token, body: { date: '2026-03-09' } });
    expect(future.body.code).toBe('INVALID_STATE');
    const bad = await http<ErrorBody>(t.url, 'POST', '/api/protocol.dailyRegister', { token, body: { date: '2026-02-30' } });
    expect(bad.body.code).toBe('VALIDATION');
    const other = await http<ErrorBody>(t.url, 'POST', '/api/protocol.dailyRegister', { token: await t.login('cerimoniale'), body: { date: '2026-03-01' } });
    expect(other.body.code).toBe('FORBIDDEN');
  });
});
