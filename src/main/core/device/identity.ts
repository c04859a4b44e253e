import { eq } from 'drizzle-orm';
import type { DeviceCredentials, DeviceIdentity } from '../../../shared/contract';
import type { Db } from '../db/open';
import { deviceIdentity } from '../db/schema';

/**
 * This desk's enrollment (issue 3). Other slices read the device code from here (emergency
 * numbers E/<year>/<code>/<n>, DPR 445/2000 art. 63).
 */
export function loadDeviceCredentials(db: Db): DeviceCredentials | null {
  const row = db.select().from(deviceIdentity).where(eq(deviceIdentity.id, 1)).get();
  return row ? { deviceId: row.deviceId, deviceCode: row.deviceCode, deviceSecret: row.deviceSecret } : null;
}

/** The public part of the enrollment, safe to show on the page. */
export function deviceIdentityOf(db: Db): DeviceIdentity {
  const c = loadDeviceCredentials(db);
  return { enrolled: c !== null, deviceId: c?.deviceId ?? null, deviceCode: c?.deviceCode ?? null };
}

/** Stores the credentials (a new enrollment replaces the previous one). */
export function saveDeviceCredentials(db: Db, creds: DeviceCredentials, now: Date): void {
  const values = { deviceId: creds.deviceId, deviceCode: creds.deviceCode, deviceSecret: creds.deviceSecret, enrolledAt: now.toISOString() };
  db.insert(deviceIdentity)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: deviceIdentity.id, set: values })
    .run();
}

/** The proof sent with login and refresh, or nothing on an unenrolled desk. */
export function deviceProof(db: Db): { deviceId: string; deviceSecret: string } | Record<string, never> {
  const c = loadDeviceCredentials(db);
  return c ? { deviceId: c.deviceId, deviceSecret: c.deviceSecret } : {};
}
