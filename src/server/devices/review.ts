import { and, asc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import type { DeviceReviewItem } from '../../shared/contract/devices';
import type { PushRequest } from '../../shared/sync/protocol';
import { uuidv7 } from '../../shared/domain/ids';
import type { Db } from '../db/client';
import { deviceReview, devices, users } from '../db/schema';

/**
 * A revoked device's push is never applied: every mutation is kept, with who sent it and when,
 * for an administrator to review. A retried push stores nothing twice (unique mutation id).
 */
export async function recordRevokedPush(db: Db, req: PushRequest, deviceId: string, userId: string, now: Date): Promise<number> {
  if (req.mutations.length === 0) return 0;
  const rows = req.mutations.map((m) => ({
    id: uuidv7(now.getTime()),
    deviceId,
    clientId: req.clientId,
    userId,
    mutationId: m.id,
    name: m.name,
    payload: { seq: m.seq, version: m.version, args: m.args, baseVersions: m.baseVersions, createdAt: m.createdAt },
    receivedAt: now,
  }));
  const inserted = await db.insert(deviceReview).values(rows).onConflictDoNothing().returning({ id: deviceReview.id });
  return inserted.length;
}

const select = {
  review: deviceReview,
  deviceCode: devices.code,
  userName: users.fullName,
};

function toItem(r: { review: typeof deviceReview.$inferSelect; deviceCode: string | null; userName: string | null }): DeviceReviewItem {
  const v = r.review;
  return {
    id: v.id,
    deviceId: v.deviceId,
    deviceCode: r.deviceCode ?? '',
    clientId: v.clientId,
    userId: v.userId,
    userName: r.userName ?? '',
    mutationId: v.mutationId,
    name: v.name,
    payload: v.payload,
    receivedAt: v.receivedAt.toISOString(),
    resolvedAt: v.resolvedAt?.toISOString() ?? null,
    resolvedBy: v.resolvedBy,
    resolution: v.resolution,
  };
}

export async function listReview(db: Db, includeResolved: boolean): Promise<DeviceReviewItem[]> {
  const q = db
    .select(select)
    .from(deviceReview)
    .leftJoin(devices, eq(devices.id, deviceReview.deviceId))
    .leftJoin(users, eq(users.id, deviceReview.userId));
  const rows = await (includeResolved ? q : q.where(isNull(deviceReview.resolvedAt))).orderBy(asc(deviceReview.receivedAt), asc(deviceReview.id));
  return rows.map(toItem);
}

/** Marks a review item handled; resolving twice keeps the first resolution. */
export async function resolveReview(db: Db, id: string, resolution: string, adminId: string, now: Date): Promise<DeviceReviewItem> {
  await db
    .update(deviceReview)
    .set({ resolvedAt: now, resolvedBy: adminId, resolution })
    .where(and(eq(deviceReview.id, id), isNull(deviceReview.resolvedAt)));
  const [row] = await db
    .select(select)
    .from(deviceReview)
    .leftJoin(devices, eq(devices.id, deviceReview.deviceId))
    .leftJoin(users, eq(users.id, deviceReview.userId))
    .where(eq(deviceReview.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'Elemento da verificare non trovato.');
  return toItem(row);
}
