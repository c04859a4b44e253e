import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisterResult, SearchResult } from '../../../src/shared/contract';
import type { Role } from '../../../src/shared/domain/roles';
import { createDesks, type Desks, type TestDesk } from './desks';
import { registration } from './fixtures';

let t: Desks;
const roles: Role[] = ['protocollista', 'segreteria', 'responsabile', 'protocollista'];
beforeEach(async () => {
  t = await createDesks(roles.length);
  for (const [i, d] of t.desks.entries()) await d.login(roles[i]!);
});
afterEach(async () => {
  await t.close();
});

describe('numbering with several desks registering at once (DPR 445/2000 art. 57)', () => {
  it('gives 1..N, gapless and unique, and every desk ends with the whole register', async () => {
    const perDesk = 5;
    const results = await Promise.all(
      t.desks.map(async (d: TestDesk, i) => {
        const out: RegisterResult[] = [];
        for (let k = 0; k < perDesk; k++) out.push(await d.call<RegisterResult>('protocol.register', registration(`Pratica ${i}-${k}`), roles[i]!));
        return out;
      }),
    );
    const numbers = results.flat().map((r) => r.entry.number!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: roles.length * perDesk }, (_, i) => i + 1));
    // Within one desk, numbers follow the order it registered in.
    for (const r of results) expect(r.map((x) => x.entry.number)).toEqual([...r.map((x) => x.entry.number!)].sort((a, b) => a - b));
    await t.syncAll();
    for (const [i, d] of t.desks.entries()) {
      const all = await d.call<SearchResult>('protocol.search', { limit: 100 }, roles[i]!);
      expect(all.items.map((e) => e.number).sort((a, b) => a! - b!)).toEqual(numbers);
    }
  });
});
