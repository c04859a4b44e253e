import type { PDFFont } from 'pdf-lib';

/**
 * Text helpers for the PDFs drawn with pdf-lib's standard fonts. Those fonts speak WinAnsi
 * (Windows-1252) only: Italian accents, €, “smart” quotes and dashes are fine, emoji or Greek are
 * not. Anything outside is approximated (accents stripped) or replaced, never thrown on, so a
 * clerk's pasted text can never stop a label or a daily register from being produced.
 */

const charsetCache = new WeakMap<PDFFont, Set<number>>();

function charsetOf(font: PDFFont): Set<number> {
  let set = charsetCache.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsetCache.set(font, set);
  }
  return set;
}

/** Characters WinAnsi lacks that have an obvious plain spelling. */
const substitutes: Record<string, string> = {
  '\u2212': '-', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2015': '-',
  '\u2032': "'", '\u2033': '"', '\u00a0': ' ', '\u202f': ' ', '\u2007': ' ', '\u2009': ' ',
  '\u2192': '->', '\u2190': '<-', '\u2264': '<=', '\u2265': '>=', '\u2260': '!=', '\u2116': 'N.',
};

/** One line of text reduced to what the font can draw (tabs become spaces, controls go). */
export function toWinAnsi(text: string, font: PDFFont): string {
  const charset = charsetOf(font);
  let out = '';
  for (const ch of text.replace(/\t/g, ' ').normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    // Controls, zero-width joiners and emoji variation selectors carry nothing printable.
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || /[\p{Cf}\uFE00-\uFE0F]/u.test(ch)) continue;
    if (charset.has(cp)) {
      out += ch;
      continue;
    }
    const sub = substitutes[ch];
    if (sub !== undefined) {
      out += sub;
      continue;
    }
    // Strip combining accents (ő → o, ł stays unknown) before giving up with "?".
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += base.length > 0 && [...base].every((c) => charset.has(c.codePointAt(0)!)) ? base : '?';
  }
  return out;
}

/**
 * Wraps text to a width: paragraphs at newlines, lines at spaces, and words longer than the
 * width (fingerprints, URLs) cut between characters, so nothing is ever clipped.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  for (const paragraph of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const words = toWinAnsi(paragraph, font).split(' ').filter((w) => w.length > 0);
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (width(rest) > maxWidth) {
        let cut = 1;
        while (cut < rest.length && width(rest.slice(0, cut + 1)) <= maxWidth) cut++;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  // Drop trailing empty paragraphs but keep at least one line so a row has a height.
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Shrinks the font size until one line fits, down to a minimum; wraps beyond that. */
export function fitSize(text: string, font: PDFFont, size: number, minSize: number, maxWidth: number): number {
  let s = size;
  while (s > minSize && font.widthOfTextAtSize(toWinAnsi(text, font), s) > maxWidth) s -= 0.5;
  return s;
}
