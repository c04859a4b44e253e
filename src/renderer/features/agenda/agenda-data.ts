import { useQuery, type QueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { AgendaOccurrenceDto, AgendaPersonDto, InputOf, RoomDto, SessionUser } from '../../../shared/contract';
import { isAllowed } from '../../../shared/domain/permissions';
import { agendaRoles } from '../../../shared/contract';

/** Queries of the agenda screens; every key sits under 'agenda' (see query-keys.ts). */

export function useAgendaPeople() {
  return useQuery({ queryKey: queryKeys.agendaPeople, queryFn: () => send('agenda.people', {}), staleTime: 60_000 });
}

export function useRooms() {
  return useQuery({ queryKey: queryKeys.agendaRooms, queryFn: () => send('agenda.rooms', {}), staleTime: 60_000 });
}

/** People in agenda order: Sindaco, Vicesindaco, Assessori…, then by name. */
export function sortPeople(people: readonly AgendaPersonDto[]): AgendaPersonDto[] {
  return [...people].sort((a, b) => agendaRoles.indexOf(a.role) - agendaRoles.indexOf(b.role) || a.name.localeCompare(b.name, 'it'));
}

export function activeRooms(rooms: readonly RoomDto[] | undefined): RoomDto[] {
  return (rooms ?? []).filter((r) => r.active).sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

export type RangeInput = InputOf<'agenda.range'>;

const RANGE_STALE_MS = 30_000;
const fetchRange = (input: RangeInput) => send('agenda.range', input);
const rangeQuery = (input: RangeInput) => ({ queryKey: queryKeys.agendaRange(input), queryFn: () => fetchRange(input), staleTime: RANGE_STALE_MS });

/** The occurrences of a window when the cache holds them fresh (no waiting), else null. */
export function cachedRange(qc: QueryClient, input: RangeInput): AgendaOccurrenceDto[] | null {
  const state = qc.getQueryState<AgendaOccurrenceDto[]>(queryKeys.agendaRange(input));
  return state?.data && !state.isInvalidated && Date.now() - state.dataUpdatedAt < RANGE_STALE_MS ? state.data : null;
}

/** Loads a window through the cache (one request for the same window at a time). */
export function loadRange(qc: QueryClient, input: RangeInput): Promise<AgendaOccurrenceDto[]> {
  return qc.fetchQuery(rangeQuery(input));
}

/** Fetches a window ahead, so "next" and "previous" usually paint from the cache. */
export function prefetchRange(qc: QueryClient, input: RangeInput): void {
  void qc.prefetchQuery(rangeQuery(input));
}

/** Calls `onChange` when a `data-changed` event (or a save) invalidates the agenda's windows. */
export function onRangesInvalidated(qc: QueryClient, onChange: () => void): () => void {
  return qc.getQueryCache().subscribe((e) => {
    if (e.type === 'updated' && e.action.type === 'invalidate' && e.query.queryKey[0] === 'agenda' && e.query.queryKey[1] === 'range') onChange();
  });
}

/** What the session user may do in the agenda (the desk checks again; this only shapes the UI). */
export function agendaRights(user: Pick<SessionUser, 'roles'>) {
  return {
    edit: isAllowed('agenda.create', user.roles),
    decide: isAllowed('invitations.decide', user.roles),
    configure: isAllowed('agenda.upsertRoom', user.roles),
  };
}
