/**
 * Legal dates are Italian dates: the day and year of a registration are those of Europe/Rome,
 * whatever the server's time zone (a letter registered at 00:30 on 1 January, Rome time, is
 * number 1 of the new year — DPR 445/2000 art. 57).
 */
const romeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(at: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of romeParts.formatToParts(at)) out[p.type] = p.value;
  return out;
}

/** 'YYYY-MM-DD' of an instant in Europe/Rome. */
export function romeDate(at: Date | string): string {
  const p = parts(typeof at === 'string' ? new Date(at) : at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Year of an instant in Europe/Rome. */
export function romeYear(at: Date | string): number {
  return Number(romeDate(at).slice(0, 4));
}

/** 'DD/MM/YYYY HH:MM' in Europe/Rome, as printed on labels and registers. */
export function romeDateTimeLabel(at: Date | string): string {
  const p = parts(typeof at === 'string' ? new Date(at) : at);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 'DD/MM/YYYY' from 'YYYY-MM-DD'. */
export function italianDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

/** The UTC instants bounding a Rome calendar day: [start, end). */
export function romeDayBounds(isoDay: string): { start: Date; end: Date } {
  return { start: romeMidnight(isoDay), end: romeMidnight(nextDay(isoDay)) };
}

function nextDay(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function romeMidnight(isoDay: string): Date {
  // Rome is UTC+1 or UTC+2: try both offsets and keep the one that lands on local midnight.
  for (const offset of [1, 2]) {
    const guess = new Date(`${isoDay}T00:00:00Z`);
    guess.setUTCHours(guess.getUTCHours() - offset);
    const p = parts(guess);
    if (`${p.year}-${p.month}-${p.day}` === isoDay && p.hour === '00') return guess;
  }
  throw new RangeError(`Giorno non valido: ${isoDay}`);
}
