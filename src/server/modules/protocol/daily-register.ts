import { createHash } from 'node:crypto';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { AppError } from '../../../shared/contract/errors';
import type { GeneratedFile } from '../../../shared/contract/common';
import type { DailyRegister, DailyRegisterJson } from '../../../shared/contract/protocol';
import { buildDailyRegisterPdf } from '../../../shared/documents/daily-register-pdf';
import { dailyRegisterFileId } from '../../../shared/domain/protocol-number';
import { romeDate, romeDayBounds } from '../../../shared/domain/time';
import type { Db } from '../../db/client';
import { dailyRegisters, protocolEntries, protocolHistory } from '../../db/schema';
import { requireOrganisation } from '../organisation/setup';
import { toProtocolEntry } from './mappers';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function file(fileName: string, mimeType: string, bytes: Uint8Array): GeneratedFile {
  return { fileName, mimeType, sha256: sha256(bytes), base64: Buffer.from(bytes).toString('base64') };
}

/**
 * Registro giornaliero (Linee guida AgID; DOMAIN.md): the day's registrations in numeric order,
 * then the annulments and modifications made that day to entries of earlier days.
 */
export async function buildDailyRegisterJson(db: Db, date: string, now: Date): Promise<DailyRegisterJson> {
  const org = await requireOrganisation(db);
  const { start, end } = romeDayBounds(date);
  const rows = await db
    .select()
    .from(protocolEntries)
    .where(and(gte(protocolEntries.registeredAt, start), lt(protocolEntries.registeredAt, end)))
    .orderBy(asc(protocolEntries.year), asc(protocolEntries.number));
  const entries = rows.map(toProtocolEntry).map((e) => ({
    year: e.year,
    number: e.number,
    registeredAt: e.registeredAt,
    direction: e.direction,
    oggetto: e.oggetto,
    classificationCode: e.classificationCode,
    riservato: e.riservato,
    status: e.status,
    correspondents: e.correspondents.map((c) => c.name),
    documents: e.documents.map((d) => ({ fileName: d.fileName, sha256: d.sha256 })),
  }));
  const changed = await db
    .select({ h: protocolHistory, year: protocolEntries.year, number: protocolEntries.number })
    .from(protocolHistory)
    .innerJoin(protocolEntries, eq(protocolEntries.id, protocolHistory.entryId))
    .where(and(gte(protocolHistory.at, start), lt(protocolHistory.at, end), lt(protocolEntries.registeredAt, start)))
    .orderBy(asc(protocolHistory.at), asc(protocolHistory.id));
  const numbers = entries.map((e) => e.number).filter((n): n is number => n !== null);
  return {
    fileId: dailyRegisterFileId(org.ipaCode, org.aooCode, date),
    date,
    administration: { name: org.administrationName, ipaCode: org.ipaCode },
    aoo: { code: org.aooCode, name: org.aooName },
    registerCode: org.registerCode,
    firstNumber: numbers.length ? Math.min(...numbers) : null,
    lastNumber: numbers.length ? Math.max(...numbers) : null,
    count: entries.length,
    entries,
    changesToEarlierEntries: changed.map(({ h, year, number }) => ({
      year,
      number,
      at: h.at.toISOString(),
      by: h.byName,
      field: h.field as DailyRegisterJson['changesToEarlierEntries'][number]['field'],
      oldValue: h.oldValue ?? null,
      newValue: h.newValue ?? null,
    })),
    generatedAt: now.toISOString(),
  };
}

function fromRecord(r: typeof dailyRegisters.$inferSelect, fileId: string): DailyRegister {
  return {
    date: r.date,
    json: file(`${fileId}.json`, 'application/json', r.json),
    pdf: file(`${fileId}.pdf`, 'application/pdf', r.pdf),
    firstNumber: r.firstNumber,
    lastNumber: r.lastNumber,
    count: r.count,
  };
}

/**
 * The daily register of a day. A closed day (before today, Rome time) is produced once and
 * recorded with its fingerprints, and the recorded files are returned from then on: the
 * register is unchangeable after it is sent to conservation. Today gives a provisional copy.
 */
export async function dailyRegister(db: Db, date: string, now: Date): Promise<DailyRegister> {
  const today = romeDate(now);
  if (date > today) throw new AppError('INVALID_STATE', 'Il registro giornaliero di un giorno futuro non esiste ancora.');
  const org = await requireOrganisation(db);
  const fileId = dailyRegisterFileId(org.ipaCode, org.aooCode, date);
  const [recorded] = await db.select().from(dailyRegisters).where(eq(dailyRegisters.date, date));
  if (recorded) return fromRecord(recorded, fileId);
  const json = await buildDailyRegisterJson(db, date, now);
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json, null, 2));
  const pdfBytes = await buildDailyRegisterPdf(json);
  const record = {
    date,
    json: jsonBytes,
    jsonSha256: sha256(jsonBytes),
    pdf: pdfBytes,
    pdfSha256: sha256(pdfBytes),
    firstNumber: json.firstNumber,
    lastNumber: json.lastNumber,
    count: json.count,
    generatedAt: now,
  };
  if (date === today) return fromRecord(record, fileId);
  // Two producers racing on the same closed day: the first record wins, the other reads it.
  await db.insert(dailyRegisters).values(record).onConflictDoNothing();
  const [stored] = await db.select().from(dailyRegisters).where(eq(dailyRegisters.date, date));
  return fromRecord(stored!, fileId);
}

/** Produces the register of every closed day since setup that has none yet (at most a year back). */
export async function produceMissingDailyRegisters(db: Db, now: Date): Promise<number> {
  const org = await requireOrganisation(db).catch(() => null);
  if (!org) return 0;
  const today = romeDate(now);
  const oldest = new Date(Math.max(org.createdAt.getTime(), now.getTime() - 366 * 86400_000));
  const have = new Set((await db.select({ date: dailyRegisters.date }).from(dailyRegisters).where(gte(dailyRegisters.date, romeDate(oldest)))).map((r) => r.date));
  let produced = 0;
  for (let day = romeDate(oldest); day < today; day = nextDay(day)) {
    if (have.has(day)) continue;
    await dailyRegister(db, day, now);
    produced++;
  }
  return produced;
}

function nextDay(isoDay: string): string {
  const d = new Date(`${isoDay}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
