import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { isoDateTime, noInput, requiredText, shortText, uuid, year } from './common';
import { registerInput, type ProtocolEntry } from './protocol';
import { DEFAULT_EMERGENCY_CAUSE, DEVICE_CODE_PATTERN } from '../domain/emergency';

/** Who authorised the emergency register (art. 63: the responsabile). */
export interface EmergencyAuthoriser {
  kind: 'preautorizzazione' | 'manuale';
  name: string;
  /** The authorising act, e.g. "Provvedimento del Responsabile n. 3 del 12/01/2026". */
  act: string;
  preauthorisationId: string | null;
}

/** One period of emergency on one device: cause, start, end, authoriser, counts (art. 63). */
export interface EmergencySession {
  id: string;
  deviceId: string;
  deviceCode: string;
  cause: string;
  startedAt: string;
  endedAt: string | null;
  authoriser: EmergencyAuthoriser;
  /** Registrations per Rome calendar day, e.g. { "2026-03-02": 14 }. */
  dailyCounts: Record<string, number>;
  total: number;
  openedBy: string;
  openedByName: string;
  version: number;
}

/** The permanent link between an emergency number and the ordinary entry (art. 63 c.5). */
export interface EmergencyLink {
  entryId: string;
  /** `E/2026/SEGR01/0000012`. */
  emergencyNumber: string;
  year: number;
  deviceCode: string;
  seq: number;
  sessionId: string;
  /** Date and time of the emergency registration: the legal date for the terms. */
  legalDate: string;
  /** Year and number given on recovery; null while the entry waits for the server. */
  ordinaryYear: number | null;
  ordinaryNumber: number | null;
}

/** The responsabile pre-authorises a device to open the emergency register by itself. */
export interface EmergencyPreauthorisation {
  id: string;
  deviceId: string;
  validUntil: string;
  act: string;
  authorisedBy: string;
  authorisedByName: string;
  createdAt: string;
  version: number;
}

export interface EmergencyStatus {
  device: { deviceId: string; deviceCode: string };
  open: EmergencySession | null;
  /** A valid pre-authorisation of this device, if any. */
  preauthorisation: EmergencyPreauthorisation | null;
  /** Emergency entries still waiting for their ordinary number. */
  pendingRecovery: number;
  /** Art. 63 c.2 reminder when the period exceeds 24 hours. */
  warning: string | null;
}

export interface EmergencyRegisterResult {
  entry: ProtocolEntry;
  emergencyNumber: string;
}

const deviceCode = z.string().regex(DEVICE_CODE_PATTERN, { message: 'Codice postazione non valido' });
const deviceId = requiredText(100);

export const emergencyAuthoriserInput = z.union([
  z.object({ preauthorisationId: uuid }),
  z.object({ name: requiredText(200), act: requiredText(300) }),
]);

export const emergencyOpenInput = z.object({
  cause: requiredText(1000).default(DEFAULT_EMERGENCY_CAUSE),
  /** Start date and time; defaults to now. */
  startedAt: isoDateTime.optional(),
  authoriser: emergencyAuthoriserInput,
});

export const emergencyCloseInput = z.object({ endedAt: isoDateTime.optional() });

export const emergencyPreauthoriseInput = z.object({
  deviceId,
  validUntil: isoDateTime,
  act: requiredText(300),
});

export const emergencyLinkInput = z.object({ entryId: uuid });

/** Arguments of the mutations as pushed to the register server. */
export const emergencyOpenArgs = z.object({
  id: uuid,
  deviceId,
  deviceCode,
  cause: requiredText(1000),
  startedAt: isoDateTime,
  authoriser: z.object({
    kind: z.enum(['preautorizzazione', 'manuale']),
    name: requiredText(200),
    act: requiredText(300),
    preauthorisationId: uuid.nullable(),
  }),
});
export type EmergencyOpenArgs = z.infer<typeof emergencyOpenArgs>;

export const emergencyCloseArgs = z.object({ id: uuid, endedAt: isoDateTime, total: z.number().int().min(0) });
export type EmergencyCloseArgs = z.infer<typeof emergencyCloseArgs>;

export const emergencyPreauthoriseArgs = emergencyPreauthoriseInput.extend({ id: uuid });
export type EmergencyPreauthoriseArgs = z.infer<typeof emergencyPreauthoriseArgs>;

export const emergencyMark = z.object({
  number: z.string().regex(/^E\/\d{4}\/[A-Z0-9]{2,12}\/\d{7,}$/, { message: 'Numero di emergenza non valido' }),
  year,
  deviceCode,
  seq: z.number().int().min(1),
  sessionId: uuid,
  registeredAt: isoDateTime,
});
export const registerEmergencyArgs = z.object({ entry: registerInput, emergency: emergencyMark });
export type RegisterEmergencyArgs = z.infer<typeof registerEmergencyArgs>;

export const emergencyContract = defineDomain('emergency', {
  /** This device, its open emergency period (if any), a valid pre-authorisation, pending recoveries. */
  'emergency.status': procedure<typeof noInput, EmergencyStatus>(noInput),
  /** Opens the emergency register on this device (art. 63): cause, start, authoriser. */
  'emergency.open': procedure<typeof emergencyOpenInput, EmergencySession>(emergencyOpenInput),
  /** Closes the open period, recording end time and total. */
  'emergency.close': procedure<typeof emergencyCloseInput, EmergencySession>(emergencyCloseInput),
  /** Registers into the emergency register: an `E/…` number now, the ordinary one on recovery. */
  'emergency.register': procedure<typeof registerInput, EmergencyRegisterResult>(registerInput),
  /** Every emergency period known to this desk, newest first. */
  'emergency.sessions': procedure<typeof noInput, EmergencySession[]>(noInput),
  /** The link of an entry registered in emergency, or null. */
  'emergency.link': procedure<typeof emergencyLinkInput, EmergencyLink | null>(emergencyLinkInput),
  /** The responsabile pre-authorises a device to open the emergency register (synced to it). */
  'emergency.preauthorise': procedure<typeof emergencyPreauthoriseInput, EmergencyPreauthorisation>(emergencyPreauthoriseInput),
});
