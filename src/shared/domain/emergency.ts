import { romeDate, romeYear } from './time';

/**
 * The emergency register (DPR 445/2000 art. 63). Emergency numbers identify a document
 * uniquely within the AOO across outages: one sequence per device and year, gapless, written
 * `E/<year>/<device code>/<7 digits>` (e.g. `E/2026/SEGR01/0000012`).
 */

/** Prefilled cause when the register server does not answer. */
export const DEFAULT_EMERGENCY_CAUSE = 'Indisponibilità del server del registro di protocollo';

/** Device codes as issued at enrollment: 2–12 upper-case letters and digits. */
export const DEVICE_CODE_PATTERN = /^[A-Z0-9]{2,12}$/;

export interface EmergencyNumberParts {
  year: number;
  deviceCode: string;
  seq: number;
}

/** `E/2026/SEGR01/0000012`: at least seven digits, like the ordinary numbers (art. 57). */
export function formatEmergencyNumber(p: EmergencyNumberParts): string {
  if (!Number.isInteger(p.seq) || p.seq < 1) throw new RangeError(`Numero di emergenza non valido: ${p.seq}`);
  if (!DEVICE_CODE_PATTERN.test(p.deviceCode)) throw new RangeError(`Codice postazione non valido: ${p.deviceCode}`);
  if (!Number.isInteger(p.year) || p.year < 1900 || p.year > 2999) throw new RangeError(`Anno non valido: ${p.year}`);
  return `E/${p.year}/${p.deviceCode}/${String(p.seq).padStart(7, '0')}`;
}

export function parseEmergencyNumber(text: string): EmergencyNumberParts | null {
  const m = /^E\/(\d{4})\/([A-Z0-9]{2,12})\/(\d{7,})$/.exec(text.trim());
  if (!m) return null;
  const seq = Number(m[3]);
  return seq >= 1 ? { year: Number(m[1]), deviceCode: m[2]!, seq } : null;
}

/**
 * Year-boundary policy (docs/decisions/0002-emergency-year-boundary.md): the ordinary number
 * is taken from the sequence of the year in which the register server registers the entry on
 * recovery (art. 57: progressive per year of registration, restarting on 1 January; the closed
 * year's daily registers are already sealed), while the emergency date stays the legal date
 * for the terms of the procedure (art. 63 and municipal manuals).
 */
export function recoveryPolicy(emergencyAt: Date | string, recoveredAt: Date | string): { ordinaryYear: number; legalDate: string; emergencyYear: number } {
  return { ordinaryYear: romeYear(recoveredAt), legalDate: romeDate(emergencyAt), emergencyYear: romeYear(emergencyAt) };
}

/** Registrations per day of emergency (art. 63: "il numero di registrazioni per ogni giorno"). */
export function dailyCounts(registeredAts: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const at of registeredAts) {
    const day = romeDate(at);
    out[day] = (out[day] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export const EMERGENCY_FIRST_PERIOD_MS = 24 * 3600_000;
export const EMERGENCY_FURTHER_PERIOD_MS = 7 * 24 * 3600_000;

/**
 * Art. 63 c.2: beyond 24 hours the emergency continues only by further authorisations of at
 * most one week each. Returns a warning for the banner, never a blocker: the clerk must keep
 * registering while the server is down.
 */
export function emergencyDurationWarning(startedAt: string, now: Date): string | null {
  const elapsed = now.getTime() - Date.parse(startedAt);
  if (elapsed <= EMERGENCY_FIRST_PERIOD_MS) return null;
  return "Il registro di emergenza è aperto da più di 24 ore: serve un ulteriore provvedimento di autorizzazione (art. 63, periodi di al massimo una settimana).";
}
