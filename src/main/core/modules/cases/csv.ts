import { createHash } from 'node:crypto';
import type { GeneratedFile, IndicatorsResult } from '../../../../shared/contract';

/**
 * The indicators as CSV for Italian spreadsheets: UTF-8 with BOM (so accents survive a double
 * click in Excel), ';' as separator and ',' as decimal mark, CRLF lines. One long table, one
 * measure per line, so a pivot table can regroup it.
 */

const monthNames = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

export const indicatorsCsvHeader = ['Indicatore', 'Tipo di pratica', 'Mese', 'Classe (giorni)', 'Valore'];

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v).replace('.', ',') : v;
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function periodLabel(p: IndicatorsResult['period']): string {
  return p.month === null ? String(p.year) : `${monthNames[p.month - 1]} ${p.year}`;
}

/** The rows of the CSV, header first. */
export function indicatorsRows(r: IndicatorsResult): Array<Array<string | number | null>> {
  const rows: Array<Array<string | number | null>> = [indicatorsCsvHeader];
  const line = (what: string, value: number | null, type: string | null = null, month: string | null = null, bucket: string | null = null) => rows.push([what, type, month, bucket, value]);
  line(`Periodo: ${periodLabel(r.period)}`, null);
  line('Richieste di patrocinio ricevute', r.patronage.received);
  line('Richieste di patrocinio con istruttoria completa', r.patronage.fullyInstructed);
  line('Interrogazioni consiliari ricevute', r.councilQuestions.received);
  line('Interrogazioni consiliari con risposta nei termini', r.councilQuestions.answeredWithinTerm);
  line('Richieste di accesso ricevute', r.accessRequests.received);
  line('Richieste di accesso con risposta nei termini', r.accessRequests.answeredWithinTerm);
  line('Delegazioni estere accolte', r.foreignDelegations);
  for (const t of r.closingTimes) {
    line('Pratiche chiuse', t.closed, t.typeName);
    line('Tempo medio di chiusura (giorni)', t.averageDays, t.typeName);
    for (const b of t.histogram) line('Pratiche chiuse per durata', b.count, t.typeName, null, b.label);
  }
  for (const m of r.monthly) {
    line(`Pratiche ricevute nel ${r.period.year}`, m.received, null, monthNames[m.month - 1]!);
    line(`Pratiche chiuse nel ${r.period.year}`, m.closed, null, monthNames[m.month - 1]!);
  }
  return rows;
}

export function indicatorsCsv(r: IndicatorsResult): GeneratedFile {
  const text = `\uFEFF${indicatorsRows(r).map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
  const bytes = Buffer.from(text, 'utf8');
  const suffix = r.period.month === null ? `${r.period.year}` : `${r.period.year}-${String(r.period.month).padStart(2, '0')}`;
  return {
    fileName: `indicatori-pratiche-${suffix}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    base64: bytes.toString('base64'),
  };
}
