/**
 * Turns what the clerk typed into a safe FTS5 MATCH expression. Every word becomes a quoted
 * string, so FTS syntax (`"`, `*`, `NEAR`, `AND`, `(`, `-`, `:`) is read as plain words and can
 * never raise an SQL error. Words are split like the unicode61 tokenizer does (letters and
 * digits), so "2026/0000042" becomes "2026" "0000042", both indexed for entry 42.
 * The last word is a prefix (typing "prot" finds "protocollo") when it has 3–6 letters, the
 * lengths the FTS table keeps prefix indexes for: longer prefixes would merge whole doclists
 * and cost tens of milliseconds on a million entries. Numbers are never prefixes.
 */
export function toFtsQuery(text: string): string | null {
  const words = tokenize(text);
  if (words.length === 0) return null;
  return words
    .map((w, i) => {
      const quoted = `"${w.replaceAll('"', '""')}"`;
      const prefix = i === words.length - 1 && !/^\d+$/.test(w) && [...w].length >= 3 && [...w].length <= 6;
      return prefix ? `${quoted}*` : quoted;
    })
    .join(' ');
}

/** Letters and digits runs, at most 12 words, each at most 64 characters. */
export function tokenize(text: string): string[] {
  return (text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map((w) => w.slice(0, 64));
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
