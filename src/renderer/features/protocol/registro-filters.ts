import type { Direction, InputOf } from '../../../shared/contract';

/** Filters as typed in the form (strings); converted to the contract's search input. */
export interface RegistroFilters {
  text: string;
  year: string;
  direction: Direction | '';
  dateFrom: string;
  dateTo: string;
  classificationCode: string;
  assigneeId: string;
  annulled: '' | 'solo' | 'escludi';
}

export const emptyFilters: RegistroFilters = { text: '', year: '', direction: '', dateFrom: '', dateTo: '', classificationCode: '', assigneeId: '', annulled: '' };

/** Page size of the keyset pagination: a screenful or two, cheap even on a million entries. */
export const PAGE_SIZE = 100;

export function searchInputOf(f: RegistroFilters, before?: { year: number; number: number }): InputOf<'protocol.search'> {
  const year = f.year.trim() ? Number(f.year) : undefined;
  return {
    text: f.text.trim(),
    ...(year !== undefined && Number.isInteger(year) ? { year } : {}),
    ...(f.direction ? { direction: f.direction } : {}),
    ...(f.dateFrom ? { dateFrom: f.dateFrom } : {}),
    ...(f.dateTo ? { dateTo: f.dateTo } : {}),
    ...(f.classificationCode.trim() ? { classificationCode: f.classificationCode.trim() } : {}),
    ...(f.assigneeId ? { assigneeId: f.assigneeId } : {}),
    ...(f.annulled === 'solo' ? { annulled: true } : f.annulled === 'escludi' ? { annulled: false } : {}),
    ...(before ? { before } : {}),
    limit: PAGE_SIZE,
  };
}

/** Keyset cursor of the next page: the last (year, number) of the page, if the page was full. */
export function nextCursor(items: Array<{ year: number; number: number | null }>): { year: number; number: number } | undefined {
  if (items.length < PAGE_SIZE) return undefined;
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i]!;
    if (it.number !== null) return { year: it.year, number: it.number };
  }
  return undefined;
}
