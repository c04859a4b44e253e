import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { devices } from '../db/schema';

/** Enrollment codes avoid look-alike characters (0/O, 1/I) because people read them out. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ENROLLMENT_CODE_LENGTH = 10;

/** A random one-time enrollment code, e.g. `K7QM-2XHP-RB` without dashes (~50 bits). */
export function newEnrollmentCode(): string {
  let s = '';
  for (let i = 0; i < ENROLLMENT_CODE_LENGTH; i += 1) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** The device secret: 256 random bits, so a plain SHA-256 is a sufficient stored form. */
export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The device whose id and secret match (revoked or not), or null. Constant-time comparison. */
export async function verifyDevice(db: Db, deviceId: string, secret: string): Promise<typeof devices.$inferSelect | null> {
  const [device] = await db.select().from(devices).where(eq(devices.id, deviceId));
  if (!device) return null;
  const a = Buffer.from(device.secretHash, 'hex');
  const b = Buffer.from(hashSecret(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? device : null;
}
