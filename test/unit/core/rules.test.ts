import { describe, expect, it } from 'vitest';
import { parseNumberQuery, toFtsQuery, tokenize } from '../../../src/main/core/modules/protocol/fts-query';
import { duplicateKeysOf, isLikelyDuplicate } from '../../../src/main/core/modules/directory/duplicates';
import { takeBatch, MAX_BATCH_BYTES, type OutboxRow } from '../../../src/main/core/sync/outbox';
import { backoffDelay, pokeCursor } from '../../../src/main/core/sync/live';
import { referencedHashes } from '../../../src/main/core/sync/engine';
import { normaliseName, sortKeyOf } from '../../../src/main/core/db/rows';
import { redact } from '../../../src/main/core/logger';

describe('FTS query sanitiser', () => {
  it('quotes every word so FTS syntax is plain text', () => {
    expect(toFtsQuery('NEAR(a b) "x" -y *z')).toBe('"NEAR" AND "a" AND "b" AND "x" AND "y" AND "z"');
    expect(toFtsQuery("comune AND OR NOT")).toBe(`"comune" AND "AND" AND "OR" AND "NOT"*`);
    expect(toFtsQuery("richiesta contributo")).toBe(`"richiesta" AND "contributo"`);
    expect(toFtsQuery("ab")).toBe(`"ab"`);
  });
  it('splits numbers like the tokenizer and never prefixes a number', () => {
    expect(toFtsQuery('2026/0000042')).toBe('("2026" OR "0002026") AND "0000042"');
    expect(toFtsQuery('42')).toBe('("42" OR "0000042")');
    expect(toFtsQuery('12345678')).toBe('"12345678"');
  });
  it('returns null when nothing searchable is left', () => {
    expect(toFtsQuery('  "*()-:^ ')).toBeNull();
    expect(toFtsQuery('')).toBeNull();
  });
  it('keeps accented letters and caps the number of words', () => {
    expect(tokenize("richiesta dell'ufficio città")).toEqual(['richiesta', 'dell', 'ufficio', 'città']);
    expect(tokenize('a '.repeat(50))).toHaveLength(12);
  });
});

describe('number matching', () => {
  it('reads the forms a clerk types', () => {
    expect(parseNumberQuery('42')).toEqual({ year: null, number: 42 });
    expect(parseNumberQuery('0000042')).toEqual({ year: null, number: 42 });
    expect(parseNumberQuery('2026/0000042')).toEqual({ year: 2026, number: 42 });
    expect(parseNumberQuery('42/2026')).toEqual({ year: 2026, number: 42 });
    expect(parseNumberQuery('richiesta 42')).toBeNull();
  });
  it('orders sort keys by year then number', () => {
    expect(sortKeyOf(2026, 1)).toBeGreaterThan(sortKeyOf(2025, 9_999_999));
    expect(sortKeyOf(2026, 42)).toBe(202600000042);
  });
});

describe('duplicate detection', () => {
  const base = { name: 'Rossi Mario' };
  it('matches normalised names, case and accents aside', () => {
    expect(normaliseName('  Rossì   MARIO ')).toBe('rossi mario');
    expect(isLikelyDuplicate(duplicateKeysOf(base), duplicateKeysOf({ name: 'ROSSI  mario' }))).toBe(true);
  });
  it('matches fiscal code, PEC, e-mail, IPA code', () => {
    const a = duplicateKeysOf({ name: 'A', fiscalCode: 'RSSMRA80A01H501U' });
    expect(isLikelyDuplicate(a, duplicateKeysOf({ name: 'B', fiscalCode: 'rssmra80a01h501u' }))).toBe(true);
    expect(isLikelyDuplicate(duplicateKeysOf({ name: 'A', pec: 'X@PEC.IT' }), duplicateKeysOf({ name: 'B', pec: 'x@pec.it' }))).toBe(true);
    expect(isLikelyDuplicate(duplicateKeysOf({ name: 'A', email: 'a@b.it' }), duplicateKeysOf({ name: 'B', email: 'a@b.it' }))).toBe(true);
    expect(isLikelyDuplicate(duplicateKeysOf({ name: 'A', ipaCode: 'c_h501' }), duplicateKeysOf({ name: 'B', ipaCode: 'C_H501' }))).toBe(true);
  });
  it('does not match different contacts', () => {
    expect(isLikelyDuplicate(duplicateKeysOf({ name: 'Rossi Mario', email: 'a@b.it' }), duplicateKeysOf({ name: 'Rossi Maria', email: 'c@b.it' }))).toBe(false);
  });
});

describe('outbox ordering', () => {
  const row = (seq: number, userId: string, size = 10): OutboxRow => ({
    seq, mutationId: `m${seq}`, name: 'directory.create', version: 1, args: 'x'.repeat(size), baseVersions: '{}', userId, createdAt: '2026-01-01T00:00:00Z', status: 'pending', error: null,
  });
  it('takes a run of one author in seq order', () => {
    expect(takeBatch([row(1, 'a'), row(2, 'a'), row(3, 'b'), row(4, 'a')]).map((r) => r.seq)).toEqual([1, 2]);
  });
  it('caps the batch at about 1 MB but always takes one', () => {
    const big = Math.floor(MAX_BATCH_BYTES * 0.6);
    expect(takeBatch([row(1, 'a', big), row(2, 'a', big)]).map((r) => r.seq)).toEqual([1]);
    expect(takeBatch([row(1, 'a', MAX_BATCH_BYTES * 2)]).map((r) => r.seq)).toEqual([1]);
  });
});

describe('sync helpers', () => {
  it('backs off exponentially with jitter, capped at 15 s', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1000);
    expect(backoffDelay(4, () => 1)).toBe(8000);
    expect(backoffDelay(30, () => 1)).toBe(15000);
  });
  it('reads the cursor of a server poke, refusing anything else', () => {
    expect(pokeCursor('{"cursor":42}')).toBe(42);
    expect(pokeCursor(' {"cursor": 7}')).toBe(7);
    expect(pokeCursor('{"cursor":"42"}')).toBeUndefined();
    expect(pokeCursor('not json')).toBeUndefined();
  });
  it('finds the documents a mutation references', () => {
    const sha = 'a'.repeat(64);
    const other = 'b'.repeat(64);
    expect([...referencedHashes({ primaryDocument: { sha256: sha }, attachments: [{ sha256: other }, { sha256: sha }] })].sort()).toEqual([sha, other]);
  });
  it('redacts secrets in logged arguments', () => {
    expect(redact({ username: 'mario', password: 'segreta123', nested: { token: 't' } })).toEqual({ username: 'mario', password: '[redatto]', nested: { token: '[redatto]' } });
  });
});
