import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { syncState } from '../../db/schema';

/** The embedded single desk's code until the device is enrolled (issue 3, devices slice). */
export const FALLBACK_DEVICE_CODE = 'POST01';

export interface DeviceIdentity {
  deviceId: string;
  deviceCode: string;
}

/**
 * Who this desk is, for the emergency numbering (`E/<year>/<device code>/<n>`, art. 63: unique
 * within the AOO). The ONE place that reads it: when the devices slice stores the enrolled
 * device in the desk database, read it here. Until then the sync client id stands for the
 * device id and the code is the embedded desk's.
 */
export function deviceIdentity(db: Db): DeviceIdentity {
  const enrolled = enrolledDevice(db);
  if (enrolled) return enrolled;
  const state = db.select({ clientId: syncState.clientId }).from(syncState).where(eq(syncState.id, 1)).get();
  return { deviceId: state?.clientId ?? 'desk', deviceCode: FALLBACK_DEVICE_CODE };
}

/** The enrolled device, if the devices slice's table exists and holds one. */
function enrolledDevice(db: Db): DeviceIdentity | null {
  const sqlite = db.$client;
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'device_identity'").pluck().get();
  if (!table) return null;
  const row = sqlite.prepare('SELECT device_id AS deviceId, device_code AS deviceCode FROM device_identity LIMIT 1').get() as DeviceIdentity | undefined;
  return row?.deviceId && row.deviceCode ? row : null;
}
