import { it } from 'vitest';
import { chaosSeed } from './rng';
import { emergencyReconnection } from './emergency-scenario';

/**
 * The emergency scenario of issue 3 at full size (`npm run chaos`): 3 laptops × 50 emergency
 * entries offline while desks register 500 online, then all reconnect at once through faults.
 */
it('registro di emergenza: 3 portatili × 50 offline, 500 online, riconnessione con guasti', async () => {
  const seed = chaosSeed();
  console.log(`chaos seed ${seed}`);
  const long = process.env.CHAOS_LONG === '1';
  await emergencyReconnection(seed, { laptops: 3, perLaptop: 50, desks: 2, online: 500, flapSeconds: long ? 120 : 15 });
});
