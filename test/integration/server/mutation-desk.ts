import type { ErrorEnvelope } from '../../../src/shared/contract/errors';
import type { Change, MutationEnvelope, MutationResult, PullResponse, PushResponse } from '../../../src/shared/sync/protocol';
import { http, TestClient } from './harness';

/** A desk of the server tests that pushes one mutation at a time and pulls everything it may see. */
export class MutationDesk extends TestClient {
  async run<T = unknown>(name: string, args: unknown, baseVersions: Record<string, number> = {}): Promise<MutationResult & { result?: T }> {
    return this.pushOne<T>({ ...this.mutation(name, args), baseVersions });
  }

  async pushOne<T = unknown>(m: MutationEnvelope): Promise<MutationResult & { result?: T }> {
    const res = await this.push<PushResponse>([m]);
    if (res.status !== 200) throw new Error(`push ${m.name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.results[0] as MutationResult & { result?: T };
  }

  /** Applied, or the test fails with the server's message. */
  async ok<T = unknown>(name: string, args: unknown, baseVersions: Record<string, number> = {}): Promise<T> {
    const r = await this.run<T>(name, args, baseVersions);
    if (r.status !== 'applied') throw new Error(`${name} rifiutata: ${JSON.stringify(r.error)}`);
    return r.result as T;
  }

  async refused(name: string, args: unknown): Promise<ErrorEnvelope> {
    const r = await this.run(name, args);
    if (r.status !== 'rejected' || !r.error) throw new Error(`${name} accettata, attesa un rifiuto`);
    return r.error;
  }

  /** Every change this desk receives from 0 (its scope applied by the server). */
  async pullAll(): Promise<Change[]> {
    const res = await http<PullResponse>(this.url, 'GET', `/sync/pull?cursor=0&limit=10000&clientId=${this.clientId}`, { token: this.token });
    if (res.status !== 200) throw new Error(`pull: ${res.status}`);
    return res.body.changes;
  }

  /** The newest row per key of a table (null: tombstone). */
  async rows<T>(table: string): Promise<Map<string, T | null>> {
    const out = new Map<string, T | null>();
    for (const c of await this.pullAll()) if (c.table === table) out.set(c.key, c.row as T | null);
    return out;
  }
}
