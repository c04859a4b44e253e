export const monthNames = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

/** "marzo 2026" or "l'anno 2026". */
export function periodLabel(p: { year: number; month: number | null }): string {
  return p.month ? `${monthNames[p.month - 1] ?? p.month} ${p.year}` : `l'anno ${p.year}`;
}

/** Average days in Italian: "12,5 giorni", "—" when nothing was closed. */
export function averageDaysLabel(days: number | null): string {
  if (days === null) return '—';
  return `${days.toLocaleString('it-IT', { maximumFractionDigits: 1 })} ${days === 1 ? 'giorno' : 'giorni'}`;
}
