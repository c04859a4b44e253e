import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import type { DeviceCredentials, DeviceSummary, EnrollmentCreated, PendingEnrollment } from '../../shared/contract/devices';
import { uuidv7 } from '../../shared/domain/ids';
import type { Db } from '../db/client';
import { deviceEnrollments, deviceReview, devices } from '../db/schema';
import { hashSecret, newDeviceSecret, newEnrollmentCode } from './credentials';

/** The device code given to the desk that initialises the AOO (the one-desk office). */
export const FIRST_DEVICE_CODE = 'POST01';

function toSummary(d: typeof devices.$inferSelect, pendingReview: number): DeviceSummary {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    enrolledAt: d.enrolledAt.toISOString(),
    revokedAt: d.revokedAt?.toISOString() ?? null,
    lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
    pendingReview,
  };
}

/**
 * A device code is never reused, even after revocation: emergency numbers carry it and must stay
 * unique in the AOO for the year (DPR 445/2000 art. 63).
 */
async function assertCodeFree(db: Db, code: string, now: Date): Promise<void> {
  const [taken] = await db.select({ id: devices.id }).from(devices).where(eq(devices.code, code));
  if (taken) throw new AppError('CONFLICT', `Il codice postazione ${code} è già assegnato: scegline un altro.`);
  const [pending] = await db
    .select({ code: deviceEnrollments.deviceCode })
    .from(deviceEnrollments)
    .where(and(eq(deviceEnrollments.deviceCode, code), isNull(deviceEnrollments.usedAt), gt(deviceEnrollments.expiresAt, now)));
  if (pending) throw new AppError('CONFLICT', `Esiste già un codice di abilitazione in attesa per la postazione ${code}.`);
}

/** Creates a one-time enrollment code; only its hash is stored. */
export async function createEnrollment(
  db: Db,
  input: { code: string; name: string; validHours: number },
  adminId: string,
  now: Date,
): Promise<EnrollmentCreated> {
  await assertCodeFree(db, input.code, now);
  const enrollmentCode = newEnrollmentCode();
  const expiresAt = new Date(now.getTime() + input.validHours * 3600_000);
  await db.insert(deviceEnrollments).values({
    codeHash: hashSecret(enrollmentCode),
    deviceCode: input.code,
    name: input.name,
    createdBy: adminId,
    createdAt: now,
    expiresAt,
  });
  return { enrollmentCode, deviceCode: input.code, name: input.name, expiresAt: expiresAt.toISOString() };
}

async function insertDevice(tx: Db, code: string, name: string, enrolledBy: string | null, now: Date): Promise<DeviceCredentials> {
  const deviceId = uuidv7(now.getTime());
  const deviceSecret = newDeviceSecret();
  await tx.insert(devices).values({ id: deviceId, code, name, secretHash: hashSecret(deviceSecret), enrolledAt: now, enrolledBy });
  return { deviceId, deviceCode: code, deviceSecret };
}

const invalidCode = () => new AppError('NOT_FOUND', 'Codice di abilitazione non valido, già usato o scaduto: chiedine uno nuovo all\u2019amministratore.');

/** Spends a one-time enrollment code and creates the device; the secret is returned once. */
export async function enroll(db: Db, enrollmentCode: string, now: Date): Promise<DeviceCredentials> {
  return db.transaction(async (tx) => {
    // The conditional update is the one-time guarantee: of two concurrent uses only one wins.
    const [spent] = await tx
      .update(deviceEnrollments)
      .set({ usedAt: now })
      .where(and(eq(deviceEnrollments.codeHash, hashSecret(enrollmentCode)), isNull(deviceEnrollments.usedAt), gt(deviceEnrollments.expiresAt, now)))
      .returning();
    if (!spent) throw invalidCode();
    const [taken] = await tx.select({ id: devices.id }).from(devices).where(eq(devices.code, spent.deviceCode));
    if (taken) throw new AppError('CONFLICT', `Il codice postazione ${spent.deviceCode} è già assegnato.`);
    const creds = await insertDevice(tx, spent.deviceCode, spent.name, spent.createdBy, now);
    await tx.update(deviceEnrollments).set({ deviceId: creds.deviceId }).where(eq(deviceEnrollments.codeHash, spent.codeHash));
    return creds;
  });
}

/**
 * The desk that initialises the AOO is enrolled with it, so a one-desk office needs no ceremony.
 * Called right after a successful first-run setup (which can happen only once).
 */
export async function enrollFirstDevice(db: Db, now: Date): Promise<DeviceCredentials> {
  const [any] = await db.select({ n: count() }).from(devices);
  const code = (any?.n ?? 0) === 0 ? FIRST_DEVICE_CODE : `POST${String((any?.n ?? 0) + 1).padStart(2, '0')}`;
  return insertDevice(db, code, 'Postazione di configurazione', null, now);
}

export async function listDevices(db: Db, now: Date): Promise<{ devices: DeviceSummary[]; pending: PendingEnrollment[] }> {
  const [rows, reviewCounts, pending] = await Promise.all([
    db.select().from(devices).orderBy(asc(devices.code)),
    db.select({ deviceId: deviceReview.deviceId, n: count() }).from(deviceReview).where(isNull(deviceReview.resolvedAt)).groupBy(deviceReview.deviceId),
    db
      .select()
      .from(deviceEnrollments)
      .where(and(isNull(deviceEnrollments.usedAt), gt(deviceEnrollments.expiresAt, now)))
      .orderBy(asc(deviceEnrollments.deviceCode)),
  ]);
  const byDevice = new Map(reviewCounts.map((r) => [r.deviceId, Number(r.n)]));
  return {
    devices: rows.map((d) => toSummary(d, byDevice.get(d.id) ?? 0)),
    pending: pending.map((p) => ({ deviceCode: p.deviceCode, name: p.name, expiresAt: p.expiresAt.toISOString() })),
  };
}

/** Revokes a device (idempotent): from now on its pushes go to the review list. */
export async function revokeDevice(db: Db, id: string, adminId: string, now: Date): Promise<DeviceSummary> {
  const [row] = await db.select().from(devices).where(eq(devices.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'Postazione non trovata.');
  const updated = row.revokedAt
    ? row
    : (await db.update(devices).set({ revokedAt: now, revokedBy: adminId }).where(eq(devices.id, id)).returning())[0]!;
  const [pending] = await db.select({ n: count() }).from(deviceReview).where(and(eq(deviceReview.deviceId, id), isNull(deviceReview.resolvedAt)));
  return toSummary(updated, Number(pending?.n ?? 0));
}
