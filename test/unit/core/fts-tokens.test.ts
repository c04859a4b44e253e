import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toFtsQuery, tokenize } from '../../../src/main/core/modules/protocol/fts-query';

/**
 * The register's FTS table keeps no positions (detail=none, drizzle/client/0012_fts_lean.sql),
 * so a quoted word that SQLite would split into two tokens is a phrase query and an SQL error.
 * Every letter or digit JavaScript knows must therefore be one token for unicode61 too, or be
 * a separator for tokenize(): checked here against the SQLite build we ship.
 */
describe('search words and the unicode61 tokenizer', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(body, content='', contentless_delete=1, detail=none, prefix='3 4 5 6', tokenize='unicode61 remove_diacritics 2')`);
  db.exec(`INSERT INTO f(rowid, body) VALUES (1, 'Città di Castello, protocollo 0000042 del 2026')`);
  const match = db.prepare('SELECT rowid FROM f WHERE f MATCH ?').pluck();

  it('never builds a query SQLite refuses, for any letter or digit', () => {
    const refused: string[] = [];
    for (let cp = 0x21; cp < 0x30000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const ch = String.fromCodePoint(cp);
      if (!/[\p{L}\p{N}]/u.test(ch)) continue;
      const query = toFtsQuery(`a${ch}b`);
      if (query === null) continue;
      try {
        match.all(query);
      } catch {
        refused.push(cp.toString(16));
      }
    }
    expect(refused).toEqual([]);
  });

  it('finds words, prefixes and numbers in either form', () => {
    expect(match.all(toFtsQuery('citta'))).toEqual([1]);
    expect(match.all(toFtsQuery('castel'))).toEqual([1]);
    expect(match.all(toFtsQuery('2026/0000042'))).toEqual([1]);
    expect(match.all(toFtsQuery('0000043'))).toEqual([]);
    expect(match.all(toFtsQuery('42 castello'))).toEqual([1]);
    expect(tokenize('a\u19b0b')).toEqual(['a', 'b']);
  });
});
