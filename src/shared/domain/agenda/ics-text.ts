/**
 * RFC 5545 content-line writing: TEXT escaping (§3.3.11), 75-octet folding (§3.1) that never
 * splits a UTF-8 character, CRLF line ends, and the date-time forms we emit.
 */

import type { LocalDateTime } from './time';

export const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and newlines (written as \n). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds one content line into chunks of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    // The leading space of a continuation line counts towards its 75 octets.
    const limit = chunks.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      chunks.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  chunks.push(current);
  return chunks.join(`${CRLF} `);
}

/** 'YYYY-MM-DDTHH:mm' → '20250324T090000' (local form, used with TZID). */
export function icsLocal(local: LocalDateTime): string {
  return `${local.slice(0, 4)}${local.slice(5, 7)}${local.slice(8, 10)}T${local.slice(11, 13)}${local.slice(14, 16)}00`;
}

/** 'YYYY-MM-DD…' → '20250425' (DATE form, all-day events). */
export function icsDate(local: string): string {
  return `${local.slice(0, 4)}${local.slice(5, 7)}${local.slice(8, 10)}`;
}

/** ISO instant → '20250324T080000Z'. */
export function icsUtc(isoInstant: string): string {
  const iso = new Date(isoInstant).toISOString();
  return `${icsDate(iso)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
