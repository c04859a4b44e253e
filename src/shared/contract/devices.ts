import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { noInput, requiredText, uuid } from './common';

/**
 * Devices (issue 3): desks and laptops enrolled by an administrator with a one-time code. A
 * revoked device's pushes are never applied: they wait in the administrator's review list.
 */

/** Device codes appear in emergency numbers (E/<year>/<code>/<n>): short, upper-case, no slashes. */
export const deviceCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,12}$/, { message: 'Codice postazione non valido: da 2 a 12 lettere maiuscole o cifre (es. SEGR01)' });

/** One-time enrollment codes: 10 characters of an alphabet without look-alikes, dashes allowed. */
export const enrollmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{10}$/, { message: 'Codice di abilitazione non valido: controlla di averlo copiato per intero' }));

export const createEnrollmentInput = z.object({
  code: deviceCode,
  name: requiredText(80),
  /** Validity in hours (default 24, at most a week). */
  validHours: z.number().int().min(1).max(168).default(24),
});

export const enrollInput = z.object({ enrollmentCode });
export const revokeDeviceInput = z.object({ id: uuid });
export const reviewListInput = z.object({ includeResolved: z.boolean().default(false) });
export const reviewResolveInput = z.object({
  id: uuid,
  resolution: requiredText(500),
});

/** Shown once to the administrator, who reads it out or copies it to the new desk. */
export interface EnrollmentCreated {
  enrollmentCode: string;
  deviceCode: string;
  name: string;
  expiresAt: string;
}

/** What `POST /devices/enroll` gives the desk; the secret is never shown again. */
export interface DeviceCredentials {
  deviceId: string;
  deviceCode: string;
  deviceSecret: string;
}

export interface DeviceSummary {
  id: string;
  code: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  /** Mutations of this device waiting for review. */
  pendingReview: number;
}

/** Pending enrollment codes are listed with their device code, never with the code itself. */
export interface PendingEnrollment {
  deviceCode: string;
  name: string;
  expiresAt: string;
}

export interface DeviceReviewItem {
  id: string;
  deviceId: string;
  deviceCode: string;
  clientId: string;
  userId: string;
  userName: string;
  mutationId: string;
  name: string;
  payload: unknown;
  receivedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

/** This desk's own enrollment, as the desk knows it. */
export interface DeviceIdentity {
  enrolled: boolean;
  deviceId: string | null;
  deviceCode: string | null;
}

export const devicesContract = defineDomain('devices', {
  /** Creates a one-time enrollment code for a new desk; administrators only. */
  'devices.createEnrollment': procedure<typeof createEnrollmentInput, EnrollmentCreated>(createEnrollmentInput),
  /** Devices of the AOO with their state; administrators only. */
  'devices.list': procedure<typeof noInput, { devices: DeviceSummary[]; pending: PendingEnrollment[] }>(noInput),
  /** Revokes a device: its pushes go to the review list from now on; administrators only. */
  'devices.revoke': procedure<typeof revokeDeviceInput, DeviceSummary>(revokeDeviceInput),
  /** Mutations pushed by revoked devices, never applied; administrators only. */
  'devices.reviewList': procedure<typeof reviewListInput, DeviceReviewItem[]>(reviewListInput),
  /** Marks a review item as handled, with what was done about it; administrators only. */
  'devices.reviewResolve': procedure<typeof reviewResolveInput, DeviceReviewItem>(reviewResolveInput),
  /** Enrolls this desk with a one-time code (no login needed: the code is the credential). */
  'devices.enroll': procedure<typeof enrollInput, DeviceIdentity>(enrollInput, { auth: false }),
  /** This desk's enrollment. */
  'devices.identity': procedure<typeof noInput, DeviceIdentity>(noInput, { auth: false }),
});
