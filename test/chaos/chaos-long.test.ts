import { describe, expect, it } from 'vitest';
import { chaosSeed } from './rng';
import { flappingNetwork, killDeskAroundPush, killServerAfterCommit, skewedClocks } from './scenarios';

/**
 * The chaos scenarios at length (`CHAOS_LONG=1 npm run chaos`); without CHAOS_LONG a medium
 * form. Each prints its seed; CHAOS_SEED=<seed> replays one.
 */
const long = process.env.CHAOS_LONG === '1';
const flappingSeconds = Number(process.env.CHAOS_FLAP_SECONDS ?? (long ? 300 : 30));

describe(`chaos (${long ? 'forma lunga' : 'forma media'}, processi reali)`, () => {
  it('kill -9 del desk prima, durante e dopo il commit, ripetuto', async () => {
    const seed = chaosSeed();
    console.log(`chaos seed ${seed}`);
    await killDeskAroundPush(seed, long ? 10 : 3);
  });

  it('il server muore più volte tra commit e risposta', async () => {
    const seed = chaosSeed();
    console.log(`chaos seed ${seed}`);
    await killServerAfterCommit(seed, long ? 6 : 2);
  });

  it(`rete intermittente per ${flappingSeconds} s con 3 desk (uno con l'orologio sfasato)`, async () => {
    const seed = chaosSeed();
    console.log(`chaos seed ${seed}`);
    const totals = await flappingNetwork(seed, { desks: 3, seconds: flappingSeconds, skewsMs: [0, -36 * 3600_000, 0] });
    console.log(`chaos: ${totals.entries} registrazioni, ${totals.mutations} mutazioni`);
    expect(totals.entries).toBeGreaterThan(0);
  });

  it('orologi sfasati di ±36 ore', async () => {
    const seed = chaosSeed();
    console.log(`chaos seed ${seed}`);
    await skewedClocks(seed, long ? 20 : 5);
  });
});
