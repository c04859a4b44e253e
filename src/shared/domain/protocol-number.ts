/**
 * Protocol numbers: progressive per AOO and year, at least seven digits (DPR 445/2000 art. 57;
 * the Segnatura XSD enforces `[0-9]{7,}`).
 */
export function formatNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Numero di protocollo non valido: ${n}`);
  return String(n).padStart(7, '0');
}

/** "2026/0000042" as shown on screens and labels. */
export function formatYearNumber(year: number, n: number): string {
  return `${year}/${formatNumber(n)}`;
}

/** The registration mark: administration, AOO, register, year and number. */
export function segnatura(p: { ipaCode: string; aooCode: string; registerCode: string; year: number; number: number }): string {
  return `${p.ipaCode}-${p.aooCode}-${p.registerCode}-${p.year}-${formatNumber(p.number)}`;
}

/** Payload of the label barcode: year and number, 11 digits, e.g. "20260000042". */
export function barcodePayload(year: number, n: number): string {
  return `${year}${formatNumber(n)}`;
}

export function parseBarcodePayload(payload: string): { year: number; number: number } | null {
  const m = /^(\d{4})(\d{7,})$/.exec(payload);
  return m ? { year: Number(m[1]), number: Number(m[2]) } : null;
}

/** Daily register file id: `<codiceIPA><AOO>-YYYYMMDD-NNN` (common practice, see DOMAIN.md). */
export function dailyRegisterFileId(ipaCode: string, aooCode: string, date: string, progressive = 1): string {
  return `${ipaCode}${aooCode}-${date.replaceAll('-', '')}-${String(progressive).padStart(3, '0')}`;
}
