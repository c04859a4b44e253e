import { createHash } from 'node:crypto';
import { AppError, type GeneratedFile, type ProtocolEntry, type RegisterInput, type RegisterResult, type SessionUser } from '../../../../shared/contract';
import { uuidv7 } from '../../../../shared/domain/ids';
import { formatYearNumber, segnatura } from '../../../../shared/domain/protocol-number';
import { buildLabelPdf } from '../../../../shared/documents/label-pdf';
import type { DeskDeps } from '../../deps';
import { applyMutation } from '../../write/apply-mutation';
import type { AnnulArgs, RegisterArgs, RequestAnnulmentArgs, UpdateArgs } from './effects';
import { findEntry, getEntry, localOrganisation } from './repository';
import { emergencyLabel } from '../emergency/service';
import { throughWriteGate } from '../../db/write-gate';
import { protocolEntries } from '../../db/schema';
import { entryToRow } from '../../db/rows';

/**
 * protocol.register: the number and date are the register server's (DPR 445/2000 artt. 53, 57),
 * so the desk first checks the server answers, then writes the mutation, pushes it at once and
 * waits for its number. Offline registration goes through the emergency register (art. 63).
 */
export async function register(d: DeskDeps, input: RegisterInput, user: SessionUser): Promise<RegisterResult> {
  try {
    await d.client.health();
  } catch {
    // A round now records the failure, so the status bar says "Non in linea" at once.
    void d.engine.round();
    throw new AppError('OFFLINE', 'Il server del registro non è raggiungibile: la registrazione non è stata effettuata. Riprova quando torna disponibile.');
  }
  const now = d.clock();
  const args: RegisterArgs = {
    ...input,
    id: input.id ?? uuidv7(now.getTime()),
    // Inline contacts get their id here, so desk and server create the same row.
    correspondents: input.correspondents.map((c) => ('newContact' in c ? { newContact: { ...c.newContact, id: c.newContact.id ?? uuidv7(now.getTime()) } } : c)),
  };
  const { mutationId } = applyMutation(d.db, 'protocol.register', args, user, { now });
  d.emit({ type: 'data-changed', domains: ['directory'] });
  let result;
  try {
    result = await d.engine.syncMutation(mutationId);
  } catch {
    throw new AppError('OFFLINE', 'Il server non ha risposto: la registrazione resta in attesa e sarà completata appena il server risponde.', { mutationId, entryId: args.id });
  }
  if (!result) throw new AppError('OFFLINE', 'La registrazione è in attesa di conferma dal server e sarà completata appena risponde.', { mutationId, entryId: args.id });
  if (result.status === 'rejected') {
    const e = result.error ?? { code: 'INTERNAL' as const, message: 'Registrazione rifiutata dal server.' };
    throw new AppError(e.code, e.message, e.details);
  }
  const sent = (result.result as RegisterResult | null | undefined)?.entry;
  if (sent && sent.number !== null && sent.id === args.id) keepRegistered(d, sent);
  const entry = findEntry(d.db, args.id) ?? sent;
  if (!entry || entry.number === null) throw new AppError('INTERNAL', 'Il server ha registrato il documento ma la risposta è incompleta: aggiorna la lista.');
  return { entry, segnatura: segnaturaOf(d, entry) };
}

/**
 * The entry as the server registered it (number and date are the server's, art. 53), stored at
 * once so lists show it before the pull that follows; a row the pull already brought stays.
 */
function keepRegistered(d: DeskDeps, entry: ProtocolEntry): void {
  throughWriteGate(d.db.$client, () => d.db.insert(protocolEntries).values(entryToRow(entry)).onConflictDoNothing().run());
  d.emit({ type: 'data-changed', domains: ['protocol'] });
}

function segnaturaOf(d: DeskDeps, e: ProtocolEntry): string {
  const org = localOrganisation(d.db);
  if (!org || e.number === null) return formatYearNumber(e.year, e.number ?? 0);
  return segnatura({ ipaCode: org.ipaCode, aooCode: e.aooCode, registerCode: e.registerCode, year: e.year, number: e.number });
}

/** Classification and assignment are the only fields that change after registration (art. 53). */
export function update(d: DeskDeps, input: UpdateArgs & { baseVersion?: number | undefined }, user: SessionUser): ProtocolEntry {
  const current = getEntry(d.db, input.id);
  if (current.status === 'annullato') throw new AppError('INVALID_STATE', 'Una registrazione annullata non si modifica.');
  const { baseVersion, ...args } = input;
  applyMutation(d.db, 'protocol.update', args, user, { now: d.clock(), baseVersions: { [`protocol_entries:${input.id}`]: baseVersion ?? current.version } });
  return afterLocalWrite(d, input.id);
}

export function requestAnnulment(d: DeskDeps, args: RequestAnnulmentArgs, user: SessionUser): ProtocolEntry {
  const current = getEntry(d.db, args.id);
  if (current.status !== 'registrato') throw new AppError('INVALID_STATE', 'Annullamento già richiesto o già eseguito.');
  applyMutation(d.db, 'protocol.requestAnnulment', args, user, { now: d.clock(), baseVersions: { [`protocol_entries:${args.id}`]: current.version } });
  return afterLocalWrite(d, args.id);
}

/** Art. 54: only the responsabile annuls (checked by the permission table); the entry stays. */
export function annul(d: DeskDeps, args: AnnulArgs, user: SessionUser): ProtocolEntry {
  const current = getEntry(d.db, args.id);
  if (current.status === 'annullato') throw new AppError('INVALID_STATE', 'La registrazione è già annullata.');
  applyMutation(d.db, 'protocol.annul', args, user, { now: d.clock(), baseVersions: { [`protocol_entries:${args.id}`]: current.version } });
  return afterLocalWrite(d, args.id);
}

function afterLocalWrite(d: DeskDeps, id: string): ProtocolEntry {
  d.emit({ type: 'data-changed', domains: ['protocol'] });
  void d.engine.round();
  return getEntry(d.db, id);
}

/** The label for the paper letter, built from the local organisation row and entry. */
export async function label(d: DeskDeps, id: string): Promise<GeneratedFile> {
  const e = getEntry(d.db, id);
  const org = localOrganisation(d.db);
  if (!org) throw new AppError('NOT_INITIALIZED');
  // Art. 63: before recovery the label is the emergency register's.
  if (e.number === null) return emergencyLabel(d, id);
  const bytes = await buildLabelPdf({
    administrationName: org.administrationName,
    ipaCode: org.ipaCode,
    aooCode: e.aooCode,
    registerCode: e.registerCode,
    year: e.year,
    number: e.number,
    registeredAt: e.registeredAt,
    direction: e.direction,
  });
  return {
    fileName: `etichetta-${e.year}-${String(e.number).padStart(7, '0')}.pdf`,
    mimeType: 'application/pdf',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    base64: Buffer.from(bytes).toString('base64'),
  };
}
