import { describe, expect, it } from 'vitest';
import { chaosSeed } from '../../chaos/rng';
import { flappingNetwork, killDeskAroundPush, killServerAfterCommit, skewedClocks } from '../../chaos/scenarios';

/**
 * Short, seeded forms of the chaos scenarios with real processes (server, desks, fault proxy).
 * The long forms run with `CHAOS_LONG=1 npm run chaos`; replay a failure with CHAOS_SEED=<seed>.
 */
// Real processes on a shared 2-core machine: generous per-test limits, never timed assertions.
const TIMEOUT = 180_000;

describe('chaos (forma breve, processi reali)', () => {
  it('kill -9 del desk prima, durante e dopo il commit del push: nulla perso né doppio', async () => {
    const seed = chaosSeed();
    console.log(`chaos seed ${seed}`);
    await killDeskAroundPush(seed, 1);
  }, TIMEOUT);

  it('il server muore tra il commit e la risposta, riparte: il desk svuota la coda', async () => {
    const seed = chaosSeed();
    console.log(`chaos seed ${seed}`);
    await killServerAfterCommit(seed, 1);
  }, TIMEOUT);

  it('rete intermittente con perdite, ritardi, duplicati e risposte tagliate: i desk convergono', async () => {
    const seed = chaosSeed();
    console.log(`chaos seed ${seed}`);
    const totals = await flappingNetwork(seed, { desks: 2, seconds: 4 });
    expect(totals.mutations).toBeGreaterThan(0);
  }, TIMEOUT);

  it('orologi dei desk sfasati di ±36 ore: avviso, mai blocco; data e ora sono del server', async () => {
    const seed = chaosSeed();
    console.log(`chaos seed ${seed}`);
    await skewedClocks(seed, 2);
  }, TIMEOUT);
});
