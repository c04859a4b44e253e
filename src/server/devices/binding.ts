import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import type { Db } from '../db/client';
import { deviceClients } from '../db/schema';
import type { Principal } from '../auth/sessions';

const foreign = () =>
  new AppError('FORBIDDEN', 'Questo identificativo di sincronizzazione appartiene a un\u2019altra postazione: le modifiche non sono state accettate.', {
    clientOfAnotherDevice: true,
  });

/**
 * A sync client id belongs to the device that first pushed with it (recorded at that push); a
 * token issued to any other device, or to no device, may not push or pull as that client.
 */
export async function bindClient(db: Db, clientId: string, principal: Principal, now: Date): Promise<void> {
  await db
    .insert(deviceClients)
    .values({ clientId, deviceId: principal.deviceId, firstUserId: principal.user.id, boundAt: now })
    .onConflictDoNothing();
  await checkClient(db, clientId, principal);
}

/** Refuses a client id bound to another device; an unknown client id passes (nothing to see). */
export async function checkClient(db: Db, clientId: string, principal: Principal): Promise<void> {
  const [row] = await db.select({ deviceId: deviceClients.deviceId }).from(deviceClients).where(eq(deviceClients.clientId, clientId));
  if (row && row.deviceId !== principal.deviceId) throw foreign();
}
