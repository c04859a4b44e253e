import type { CaseDto, CaseEventDto } from '../../../src/shared/contract/cases';
import type { UserSummary } from '../../../src/shared/contract/auth';
import type { RegisterResult } from '../../../src/shared/contract/protocol';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { MutationDesk } from './mutation-desk';
import { http, registerArgs, startTestServer, type TestServer } from './harness';

/**
 * Helpers of the case tests: a register server on a controllable clock (terms are about dates),
 * an office with two clerks in it, and a desk that pushes one mutation at a time and pulls.
 */

export class CaseDesk extends MutationDesk {
  /** Applied, or the test fails with the server's message; a case by default. */
  override ok<T = CaseDto>(name: string, args: unknown, baseVersions: Record<string, number> = {}): Promise<T> {
    return super.ok<T>(name, args, baseVersions);
  }


  /** The timeline of a case as the desks receive it, in order. */
  async events(caseId: string): Promise<CaseEventDto[]> {
    const all = [...(await this.rows<CaseEventDto>('case_events')).values()];
    return all.filter((e): e is CaseEventDto => e !== null && e.caseId === caseId).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  }

  /** A registered incoming letter (number and date are the server's). */
  async register(overrides: Record<string, unknown> = {}): Promise<RegisterResult['entry']> {
    return (await this.ok<RegisterResult>('protocol.register', registerArgs(overrides))).entry;
  }
}

export interface CaseWorld {
  t: TestServer;
  clock: { now: Date; set(iso: string): void };
  officeId: string;
  users: Record<'segreteria' | 'protocollista' | 'cerimoniale', UserSummary>;
  desk(username: string): Promise<CaseDesk>;
}

/** A server whose clock starts at `start`; segreteria and protocollista work in the Ufficio Gabinetto. */
export async function startCaseWorld(start = '2025-03-03T09:00:00.000Z'): Promise<CaseWorld> {
  const clock = { now: new Date(start), set(iso: string) { this.now = new Date(iso); } };
  const t = await startTestServer({ clock: () => clock.now });
  const admin = new CaseDesk(t.url, await t.login('admin'));
  const officeId = uuidv7();
  await admin.ok('offices.upsert', { id: officeId, code: 'GAB', name: 'Ufficio Gabinetto' });
  const list = await http<UserSummary[]>(t.url, 'POST', '/api/users.list', { token: admin.token, body: {} });
  const byName = (u: string) => list.body.find((x) => x.username === u)!;
  for (const u of ['segreteria', 'protocollista']) {
    const res = await http(t.url, 'POST', '/api/users.update', { token: admin.token, body: { id: byName(u).id, officeId } });
    if (res.status !== 200) throw new Error(`ufficio non assegnato a ${u}: ${JSON.stringify(res.body)}`);
  }
  return {
    t,
    clock,
    officeId,
    users: { segreteria: { ...byName('segreteria'), officeId }, protocollista: { ...byName('protocollista'), officeId }, cerimoniale: byName('cerimoniale') },
    desk: async (username) => new CaseDesk(t.url, await t.login(username)),
  };
}
