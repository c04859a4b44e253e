import { it } from 'vitest';
import { chaosSeed } from '../../chaos/rng';
import { emergencyReconnection } from '../../chaos/emergency-scenario';

/**
 * Short form of the emergency scenario (the full one: `npm run chaos`, test/chaos/emergency.test.ts):
 * 3 laptops register in emergency offline while desks register online, then reconnect through faults.
 */
it('registro di emergenza (forma breve): un numero ordinario per ogni registrazione di emergenza, 1..N senza buchi', async () => {
  const seed = chaosSeed();
  console.log(`chaos seed ${seed}`);
  await emergencyReconnection(seed, { laptops: 3, perLaptop: 4, desks: 1, online: 12, flapSeconds: 3 });
}, 180_000);
