/**
 * Turns what the clerk typed into a safe FTS5 MATCH expression. Every word becomes a quoted
 * string, so FTS syntax (`"`, `*`, `NEAR`, `AND`, `(`, `-`, `:`) is read as plain words and can
 * never raise an SQL error. Words are split like the unicode61 tokenizer does (letters and
 * digits), so each is one token of the index (detail=none has no phrases, 0012_fts_lean.sql).
 * The index holds an entry's number in its 7-digit form only: a typed number asks for itself
 * (an oggetto may quote it) or for that form, so "42" still finds entry 42 and "2026/0000042"
 * finds only that entry. Terms are joined by an explicit AND, which FTS5 needs around a group.
 * The last word is a prefix (typing "prot" finds "protocollo") when it has 3–6 letters, the
 * lengths the FTS table keeps prefix indexes for: longer prefixes would merge whole doclists
 * and cost tens of milliseconds on a million entries. Numbers are never prefixes.
 */
export function toFtsQuery(text: string): string | null {
  const words = tokenize(text);
  if (words.length === 0) return null;
  return words
    .map((w, i) => {
      const quoted = quote(w);
      if (/^\d+$/.test(w)) {
        const padded = w.length < NUMBER_DIGITS ? w.padStart(NUMBER_DIGITS, '0') : w;
        return padded === w ? quoted : `(${quoted} OR ${quote(padded)})`;
      }
      const prefix = i === words.length - 1 && [...w].length >= 3 && [...w].length <= 6;
      return prefix ? `${quoted}*` : quoted;
    })
    .join(' AND ');
}

/** Digits of a protocol number as the index and the segnatura write it (art. 57). */
const NUMBER_DIGITS = 7;

function quote(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/**
 * Characters that are letters for JavaScript but separators for SQLite's unicode61 tables
 * (New Tai Lue vowel signs, two Vedic signs; test/unit/core/fts-tokens.test.ts scans them all).
 */
const UNICODE61_SEPARATORS = /[\u19b0-\u19c0\u19c8\u19c9\u1cf2\u1cf3]/gu;

/** Letters and digits runs, at most 12 words, each at most 64 characters. */
export function tokenize(text: string): string[] {
  return (text.normalize('NFC').replace(UNICODE61_SEPARATORS, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map((w) => w.slice(0, 64));
}

/**
 * A pure number reference ("42", "0000042", "2026/0000042", "42/2026"): the year and number
 * it names, used to put the exact entry first.
 */
export function parseNumberQuery(text: string): { year: number | null; number: number } | null {
  const t = text.trim();
  let m = /^(\d{1,9})$/.exec(t);
  if (m) return { year: null, number: Number(m[1]) };
  m = /^(\d{4})\s*[/-]\s*(\d{1,9})$/.exec(t);
  if (m) return { year: Number(m[1]), number: Number(m[2]) };
  m = /^(\d{1,9})\s*\/\s*(\d{4})$/.exec(t);
  if (m) return { year: Number(m[2]), number: Number(m[1]) };
  return null;
}
