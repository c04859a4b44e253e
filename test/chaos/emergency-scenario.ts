import { expect } from 'vitest';
import type { EmergencyLink } from '../../src/shared/contract';
import { uuidv7 } from '../../src/shared/domain/ids';
import { startChaosProxy } from './proxy';
import { seededRng } from './rng';
import { ChaosWorld, httpJson } from './world';

/**
 * The emergency scenario (DPR 445/2000 art. 63): laptops cut off from the server open the
 * emergency register and register in it while desks keep registering online; then every laptop
 * reconnects at once through an injured network. Pass: the year's ordinary numbers are 1..N
 * contiguous, each emergency entry received exactly one ordinary number (its own entry's),
 * nothing lost or applied twice, every desk converged.
 */
export async function emergencyReconnection(
  seed: number,
  opts: { laptops: number; perLaptop: number; desks: number; online: number; flapSeconds: number },
): Promise<void> {
  const rng = seededRng(seed);
  const world = await ChaosWorld.create(seed);
  const field = await startChaosProxy({ targetPort: world.server.port, seed: seed + 1 });
  try {
    const admin = await world.adminToken();
    const laptops = await Promise.all(
      Array.from({ length: opts.laptops }, async (_, n) => {
        const code = `PORT0${n + 1}`;
        const laptop = await world.addDesk(code, 0, field);
        const enrollment = await httpJson<{ enrollmentCode: string }>(world.server.url, '/api/devices.createEnrollment', { code, name: `Portatile ${n + 1}` }, admin);
        await laptop.must({ cmd: 'call', name: 'devices.enroll', input: { enrollmentCode: enrollment.enrollmentCode } });
        await world.login(laptop);
        return laptop;
      }),
    );
    const desks = await Promise.all(
      Array.from({ length: opts.desks }, async (_, n) => {
        const desk = await world.addDesk(`SEGR0${n + 1}`);
        await world.login(desk);
        return desk;
      }),
    );

    // The laptops lose the server: emergency register opened, entries numbered E/<year>/<code>/n.
    field.down();
    const emergencyNumbers = new Map<string, string>();
    const offline = laptops.map(async (laptop) => {
      await laptop.must({ cmd: 'call', name: 'emergency.open', input: { authoriser: { name: 'Roberto Responsabile', act: 'Provvedimento n. 7' } } });
      for (let i = 0; i < opts.perLaptop; i++) {
        const id = uuidv7();
        const res = await laptop.must<{ emergencyNumber: string }>({
          cmd: 'call',
          name: 'emergency.register',
          input: { id, direction: 'entrata', oggetto: `Emergenza ${laptop.name} ${i}`, correspondents: [{ newContact: { kind: 'persona', name: `Cittadino ${i}` } }], means: 'a_mano' },
        });
        emergencyNumbers.set(id, res.emergencyNumber);
      }
    });
    const online = desks.map(async (desk) => {
      for (let i = 0; i < opts.online / desks.length; i++) {
        const intent = await world.register(desk, uuidv7(), `Ordinaria ${desk.name} ${i}`);
        expect(intent.outcome).toBe('ok');
      }
    });
    await Promise.all([...offline, ...online]);
    expect(new Set(emergencyNumbers.values()).size).toBe(opts.laptops * opts.perLaptop);

    // All laptops come back at once, through drops, delays, duplicates, cut answers and flaps.
    for (const p of [world.proxy, field]) p.setFaults({ drop: 0.08, delay: 0.3, duplicate: 0.15, cutResponse: 0.08, maxDelayMs: 250 });
    field.up();
    const until = Date.now() + opts.flapSeconds * 1000;
    await Promise.all([
      (async () => {
        while (Date.now() < until) {
          await new Promise((r) => setTimeout(r, rng.int(100, 600)));
          if (field.isUp()) field.down();
          else field.up();
        }
      })(),
      ...laptops.map(async (l) => {
        while (Date.now() < until) await l.send({ cmd: 'sync' });
      }),
    ]);
    await world.drain(120, [field]);

    await world.assertConverged();
    const entries = await world.serverRows<{ id: string; number: number | null; year: number }>('protocol_entries');
    expect(entries.size).toBe(opts.online + opts.laptops * opts.perLaptop);
    const links = await world.serverRows<EmergencyLink>('emergency_entries');
    expect(links.size).toBe(opts.laptops * opts.perLaptop);
    // The server's link ties the emergency number to the entry; the entry's number is the ordinary one.
    const ordinary = new Set<string>();
    const linkByEntry = new Map([...links.values()].map((l) => [l.entryId, l]));
    for (const [id, emergencyNumber] of emergencyNumbers) {
      expect(linkByEntry.get(id)?.emergencyNumber, `collegamento di ${emergencyNumber}`).toBe(emergencyNumber);
      const entry = entries.get(id);
      expect(entry?.number, `numero ordinario di ${emergencyNumber}`).toEqual(expect.any(Number));
      ordinary.add(`${entry!.year}/${entry!.number}`);
    }
    expect(ordinary.size, 'un numero ordinario per ogni registrazione di emergenza').toBe(emergencyNumbers.size);
    // And the laptop that registered it shows the link with the ordinary number (art. 63 c.5).
    for (const [i, laptop] of laptops.entries()) {
      const id = [...emergencyNumbers.keys()][i * opts.perLaptop]!;
      const link = await laptop.must<EmergencyLink | null>({ cmd: 'call', name: 'emergency.link', input: { entryId: id } });
      expect(link?.emergencyNumber).toBe(emergencyNumbers.get(id));
      expect(link?.ordinaryNumber).toBe(entries.get(id)?.number);
    }
  } catch (err) {
    throw new Error(`seed ${seed}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  } finally {
    await field.close();
    await world.close();
  }
}
