/**
 * Pure rules of the desk's status display (issue 3, "always visible"): the age of the oldest
 * pending change and the clock-skew warning. Shared by core (status, diagnostics) and renderer.
 */

/** Beyond this difference between desk and server clocks the desk shows a warning (never blocks). */
export const CLOCK_SKEW_WARNING_MS = 2 * 60_000;

/**
 * Desk clock minus server clock, estimating the server's time at the middle of the round trip
 * (the answer was produced somewhere between sending and receiving).
 */
export function clockSkewOf(sentAtMs: number, receivedAtMs: number, serverTimeIso: string): number | null {
  const server = Date.parse(serverTimeIso);
  if (Number.isNaN(server)) return null;
  return Math.round((sentAtMs + receivedAtMs) / 2 - server);
}

/** Whether the skew deserves the warning banner. Dates and times of registration are the server's anyway (art. 57). */
export function isClockSkewed(skewMs: number | null | undefined): skewMs is number {
  return typeof skewMs === 'number' && Math.abs(skewMs) > CLOCK_SKEW_WARNING_MS;
}

/** "12 min", "3 h 5 min", "2 giorni": a coarse, readable duration. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'meno di un minuto';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 giorno' : `${days} giorni`;
}

/** "in attesa da 12 min" for the oldest pending change; null when nothing is pending. */
export function pendingAgeLabel(oldestPendingAt: string | null, now: Date): string | null {
  if (!oldestPendingAt) return null;
  const t = Date.parse(oldestPendingAt);
  if (Number.isNaN(t)) return null;
  return `in attesa da ${formatDuration(now.getTime() - t)}`;
}

/** The banner's sentence: which way the desk clock is off and by how much. */
export function clockSkewMessage(skewMs: number): string {
  const way = skewMs > 0 ? 'avanti' : 'indietro';
  return `L'orologio di questa postazione è ${way} di ${formatDuration(Math.abs(skewMs))} rispetto al server del registro. Data e ora delle registrazioni restano quelle del server; fai correggere l'orologio del computer.`;
}
