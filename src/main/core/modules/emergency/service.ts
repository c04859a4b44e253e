import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  AppError,
  type emergencyOpenInput,
  type EmergencyOpenArgs,
  type EmergencyPreauthorisation,
  type EmergencyRegisterResult,
  type EmergencySession,
  type EmergencyStatus,
  type GeneratedFile,
  type RegisterInput,
  type SessionUser,
} from '../../../../shared/contract';
import { uuidv7 } from '../../../../shared/domain/ids';
import { emergencyDurationWarning, formatEmergencyNumber } from '../../../../shared/domain/emergency';
import { romeYear } from '../../../../shared/domain/time';
import { buildLabelPdf } from '../../../../shared/documents/label-pdf';
import type { DeskDeps } from '../../deps';
import { applyMutation } from '../../write/apply-mutation';
import { getEntry, localOrganisation } from '../protocol/repository';
import type { RegisterEmergencyMutation } from './effects';
import { deviceIdentity } from './identity';
import { nextEmergencySeq } from './counter';
import { findPreauthorisation, findSession, linkOf, openSessionOf, pendingRecoveryCount, validPreauthorisation } from './repository';

export function status(d: DeskDeps): EmergencyStatus {
  const device = deviceIdentity(d.db);
  const now = d.clock();
  const open = openSessionOf(d.db, device.deviceId);
  return {
    device,
    open,
    preauthorisation: validPreauthorisation(d.db, device.deviceId, now),
    pendingRecovery: pendingRecoveryCount(d.db),
    warning: open ? emergencyDurationWarning(open.startedAt, now) : null,
  };
}

/**
 * Opens the emergency register on this device (art. 63): cause, start date and time, and the
 * authoriser — a pre-authorisation the responsabile gave this device, or name and act typed in.
 * A local record, synced to the server when it returns.
 */
export function open(d: DeskDeps, input: z.output<typeof emergencyOpenInput>, user: SessionUser): EmergencySession {
  const device = deviceIdentity(d.db);
  const now = d.clock();
  if (openSessionOf(d.db, device.deviceId)) throw new AppError('INVALID_STATE', 'Il registro di emergenza è già aperto su questa postazione.');
  const startedAt = input.startedAt ? new Date(input.startedAt) : now;
  if (startedAt.getTime() > now.getTime() + 5 * 60_000) throw new AppError('VALIDATION', "L'inizio dell'emergenza non può essere nel futuro.");
  let authoriser: EmergencyOpenArgs['authoriser'];
  if ('preauthorisationId' in input.authoriser) {
    const p = findPreauthorisation(d.db, input.authoriser.preauthorisationId);
    if (!p || p.deviceId !== device.deviceId) throw new AppError('VALIDATION', 'La pre-autorizzazione indicata non riguarda questa postazione.');
    if (Date.parse(p.validUntil) < startedAt.getTime()) throw new AppError('VALIDATION', 'La pre-autorizzazione è scaduta: indica nome e provvedimento di chi autorizza.');
    authoriser = { kind: 'preautorizzazione', name: p.authorisedByName, act: p.act, preauthorisationId: p.id };
  } else {
    authoriser = { kind: 'manuale', name: input.authoriser.name, act: input.authoriser.act, preauthorisationId: null };
  }
  const args: EmergencyOpenArgs = { id: uuidv7(now.getTime()), ...device, cause: input.cause, startedAt: startedAt.toISOString(), authoriser };
  applyMutation(d.db, 'emergency.open', args, user, { now });
  afterWrite(d);
  return findSession(d.db, args.id)!;
}

/** Closes the open period: end date and time and the total are recorded (art. 63). */
export function close(d: DeskDeps, input: { endedAt?: string | undefined }, user: SessionUser): EmergencySession {
  const device = deviceIdentity(d.db);
  const now = d.clock();
  const current = openSessionOf(d.db, device.deviceId);
  if (!current) throw new AppError('INVALID_STATE', 'Il registro di emergenza non è aperto su questa postazione.');
  const endedAt = input.endedAt ? new Date(input.endedAt) : now;
  if (endedAt.getTime() < Date.parse(current.startedAt)) throw new AppError('VALIDATION', "La chiusura non può precedere l'apertura dell'emergenza.");
  applyMutation(d.db, 'emergency.close', { id: current.id, endedAt: endedAt.toISOString(), total: current.total }, user, { now });
  afterWrite(d);
  return findSession(d.db, current.id)!;
}

/**
 * Registers into the emergency register. The per-device counter and the entry are written in
 * ONE SQLite transaction, so the emergency sequence has no gaps; the ordinary number arrives
 * with recovery (the outbox draining on reconnection).
 */
export function register(d: DeskDeps, input: RegisterInput, user: SessionUser): EmergencyRegisterResult {
  const device = deviceIdentity(d.db);
  const session = openSessionOf(d.db, device.deviceId);
  if (!session) throw new AppError('INVALID_STATE', 'Il registro di emergenza non è aperto: aprilo prima di registrare.');
  const now = d.clock();
  const year = romeYear(now);
  const id = input.id ?? uuidv7(now.getTime());
  const entry = {
    ...input,
    id,
    correspondents: input.correspondents.map((c) => ('newContact' in c ? { newContact: { ...c.newContact, id: c.newContact.id ?? uuidv7(now.getTime()) } } : c)),
  };
  const number = d.db.$client.transaction(() => {
    const seq = nextEmergencySeq(d.db, device.deviceCode, year);
    const emergencyNumber = formatEmergencyNumber({ year, deviceCode: device.deviceCode, seq });
    const args: RegisterEmergencyMutation = {
      entry,
      emergency: { number: emergencyNumber, year, deviceCode: device.deviceCode, seq, sessionId: session.id, registeredAt: now.toISOString() },
    };
    applyMutation(d.db, 'protocol.registerEmergency', args, user, { now });
    return emergencyNumber;
  })();
  afterWrite(d);
  const saved = getEntry(d.db, id);
  return { entry: { ...saved, emergency: linkOf(d.db, id) }, emergencyNumber: number };
}

/** The responsabile pre-authorises a device; synced to the server and from there to the desk. */
export function preauthorise(d: DeskDeps, input: { deviceId: string; validUntil: string; act: string }, user: SessionUser): EmergencyPreauthorisation {
  const now = d.clock();
  if (Date.parse(input.validUntil) <= now.getTime()) throw new AppError('VALIDATION', 'La scadenza della pre-autorizzazione deve essere futura.');
  const id = uuidv7(now.getTime());
  applyMutation(d.db, 'emergency.preauthorise', { ...input, id }, user, { now });
  afterWrite(d);
  return findPreauthorisation(d.db, id)!;
}

/** Label of an entry still without ordinary number: says REGISTRO DI EMERGENZA and its E/… number. */
export async function emergencyLabel(d: DeskDeps, entryId: string): Promise<GeneratedFile> {
  const e = getEntry(d.db, entryId);
  const link = linkOf(d.db, entryId);
  const org = localOrganisation(d.db);
  if (!org) throw new AppError('NOT_INITIALIZED');
  if (!link) throw new AppError('INVALID_STATE', 'La registrazione non ha ancora un numero di protocollo.');
  const bytes = await buildLabelPdf({
    administrationName: org.administrationName,
    ipaCode: org.ipaCode,
    aooCode: e.aooCode,
    registerCode: e.registerCode,
    year: link.year,
    number: link.seq,
    registeredAt: link.legalDate,
    direction: e.direction,
    emergency: { code: link.emergencyNumber },
  });
  return {
    fileName: `etichetta-emergenza-${link.year}-${link.deviceCode}-${String(link.seq).padStart(7, '0')}.pdf`,
    mimeType: 'application/pdf',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    base64: Buffer.from(bytes).toString('base64'),
  };
}

function afterWrite(d: DeskDeps): void {
  d.emit({ type: 'data-changed', domains: ['protocol'] });
  void d.engine.round();
}
