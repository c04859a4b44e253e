import { describe, expect, it } from 'vitest';
import { addCorrespondent, buildRegisterInput, emptyDraft } from '../../../src/renderer/features/protocol/register-draft';
import { nextCursor, PAGE_SIZE, searchInputOf, emptyFilters } from '../../../src/renderer/features/protocol/registro-filters';
import { parseInput, registerInput } from '../../../src/shared/contract';

describe('register draft', () => {
  it('builds a valid contract input from a typed draft, omitting empty optional fields', () => {
    const d = {
      ...emptyDraft(),
      oggetto: 'Richiesta di patrocinio',
      correspondents: [{ key: 'n1', newContact: { name: 'Rossi Mario', kind: 'persona' as const, pec: '', email: 'mario@example.it', ipaCode: '' }, name: 'Rossi Mario', detail: '' }],
      means: 'pec' as const,
      receivedDocDate: '2026-03-02',
      paperCount: '2',
      paperDescription: 'planimetrie',
    };
    const input = parseInput(registerInput, buildRegisterInput(d));
    expect(input.id).toBe(d.id);
    expect(input.correspondents[0]).toEqual({ newContact: { name: 'Rossi Mario', kind: 'persona', email: 'mario@example.it' } });
    expect(input.paperAttachments).toEqual({ count: 2, description: 'planimetrie' });
    expect(input.receivedDocDate).toBe('2026-03-02');
  });

  it('drops received-document data for outgoing mail', () => {
    const d = { ...emptyDraft(), direction: 'uscita' as const, receivedDocDate: '2026-03-02', receivedDocNumber: '12' };
    const input = buildRegisterInput(d);
    expect(input.receivedDocDate).toBeNull();
    expect(input.receivedDocNumber).toBeNull();
  });

  it('keeps one sender for entrata and adds recipients for uscita', () => {
    const a = { key: 'a', contactId: 'a', name: 'A', detail: '' };
    const b = { key: 'b', contactId: 'b', name: 'B', detail: '' };
    const entrata = { ...emptyDraft(), correspondents: [a] };
    expect(addCorrespondent(entrata, b)).toEqual([b]);
    const uscita = { ...emptyDraft(), direction: 'uscita' as const, correspondents: [a] };
    expect(addCorrespondent(uscita, b)).toEqual([a, b]);
    expect(addCorrespondent(uscita, a)).toEqual([a]);
  });

  it('refuses an invalid paper attachment count instead of guessing', () => {
    const d = { ...emptyDraft(), oggetto: 'x', paperCount: 'abc', correspondents: [{ key: 'a', contactId: '0190a5a0-0000-7000-8000-000000000000', name: 'A', detail: '' }] };
    expect(() => parseInput(registerInput, buildRegisterInput(d))).toThrow(/paperAttachments/);
  });

  it('gives each new draft its own client id (retries reuse it)', () => {
    expect(emptyDraft().id).not.toBe(emptyDraft().id);
  });
});

describe('registro paging', () => {
  it('builds the search input from filters', () => {
    expect(searchInputOf({ ...emptyFilters, text: ' rossi ', year: '2026', annulled: 'escludi' }, { year: 2026, number: 10 })).toEqual({
      text: 'rossi',
      year: 2026,
      annulled: false,
      before: { year: 2026, number: 10 },
      limit: PAGE_SIZE,
    });
  });

  it('continues from the last number of a full page and stops on a short one', () => {
    const full = Array.from({ length: PAGE_SIZE }, (_, i) => ({ year: 2026, number: 500 - i }));
    expect(nextCursor(full)).toEqual({ year: 2026, number: 401 });
    expect(nextCursor(full.slice(0, 10))).toBeUndefined();
  });
});
