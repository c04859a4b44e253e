import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/contract';
import { romeDate } from '../../../shared/domain/time';

/** Case types and settings change rarely (administrators only): cached for five minutes. */
export function useCaseTypes() {
  return useQuery({ queryKey: queryKeys.caseTypes, queryFn: () => send('cases.types', {}), staleTime: 300_000 });
}

export function useCaseSettings() {
  return useQuery({ queryKey: queryKeys.caseSettings, queryFn: () => send('cases.settings', {}), staleTime: 300_000 });
}

export function useOffices() {
  return useQuery({ queryKey: queryKeys.offices, queryFn: () => send('offices.list', {}), staleTime: 300_000 });
}

/** Only some profiles may list users: for the others `data` stays undefined, without retries. */
export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => send('users.list', {}), staleTime: 300_000, retry: false });
}

/** The Rome calendar day on this desk: terms are counted in Italian days. */
export function useToday(): string {
  return romeDate(new Date());
}

/**
 * One write on a case (or the libro firma): calls the procedure and refreshes every 'cases'
 * query, so list, counts, detail and timeline show the new state together.
 */
export function useCaseAction<K extends ProcedureName>(name: K, onDone?: (result: OutputOf<K>) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<K>) => send(name, input),
    onSuccess: (result) => {
      void qc.invalidateQueries({ queryKey: ['cases'] });
      onDone?.(result);
    },
  });
}
