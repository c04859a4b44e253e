import type { QueryClient } from '@tanstack/react-query';
import { subscribeEvents } from './client';
import { effectOfEvent, queryKeys } from './query-keys';

/** Connects desk push events to react-query: invalidations and the live status bar. */
export function connectDeskEvents(queryClient: QueryClient): () => void {
  return subscribeEvents((event) => {
    const effect = effectOfEvent(event);
    if (effect.kind === 'sync-status') {
      queryClient.setQueryData(queryKeys.syncStatus, effect.status);
      return;
    }
    for (const key of effect.keys) void queryClient.invalidateQueries({ queryKey: key });
  });
}
