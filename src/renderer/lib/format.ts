import { formatYearNumber } from '../../shared/domain/protocol-number';
import { romeDateTimeLabel, italianDate } from '../../shared/domain/time';
import type { Direction } from '../../shared/contract';

/**
 * "2026/0000042"; an emergency entry still awaiting its ordinary number shows its emergency
 * number (art. 63), never something that looks like an ordinary one.
 */
export function entryNumberLabel(e: { year: number; number: number | null; emergency?: { emergencyNumber: string } | null }): string {
  if (e.number !== null) return formatYearNumber(e.year, e.number);
  return e.emergency ? e.emergency.emergencyNumber : `${e.year}/in attesa di numero`;
}

/** Bytes as an Italian size: "1,5 MB", "820 byte". */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toLocaleString('it-IT', { maximumFractionDigits: 1 })} ${units[u]}`;
}

export const directionLabels: Record<Direction, string> = { entrata: 'Entrata', uscita: 'Uscita', interno: 'Interno' };
/** One-letter direction as printed on labels (E/U/I). */
export const directionLetters: Record<Direction, string> = { entrata: 'E', uscita: 'U', interno: 'I' };

export { meansLabels } from '../../shared/contract';

/** Rome date and time of an ISO instant, or a dash. */
export function dateTimeLabel(iso: string | null | undefined): string {
  return iso ? romeDateTimeLabel(iso) : '—';
}

export function dayLabel(isoDay: string | null | undefined): string {
  return isoDay ? italianDate(isoDay) : '—';
}

/** A SHA-256 split in groups of 8 so a clerk can compare it by eye. */
export function fingerprintLabel(sha256: string): string {
  return sha256.match(/.{1,8}/g)?.join(' ') ?? sha256;
}

/** Any history value as readable text (strings, codes, lists of assignments). */
export function historyValueLabel(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(historyValueLabel).join('; ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.assigneeName === 'string') return `${o.assigneeName} (${String(o.kind ?? '')})`;
    return Object.entries(o)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${k}: ${historyValueLabel(v)}`)
      .join(', ');
  }
  return String(value);
}
