import type { DeskEvent } from '../../shared/contract';

/**
 * Query keys start with the domain name, so a `data-changed` event invalidates exactly the
 * queries of the domains it names (react-query matches keys by prefix).
 */
export const queryKeys = {
  setup: ['setup', 'status'] as const,
  session: ['auth', 'session'] as const,
  syncStatus: ['sync', 'status'] as const,
  systemInfo: ['system', 'info'] as const,
  titolario: ['titolario', 'list'] as const,
  offices: ['offices', 'list'] as const,
  users: ['users', 'list'] as const,
  protocolSearch: (filters: object) => ['protocol', 'search', filters] as const,
  protocolEntry: (id: string) => ['protocol', 'get', id] as const,
  directorySearch: (query: string, kind?: string) => ['directory', 'search', query, kind ?? ''] as const,
};

export type EventEffect = { kind: 'invalidate'; keys: Array<readonly string[]> } | { kind: 'sync-status'; status: Extract<DeskEvent, { type: 'sync-status' }>['status'] };

/** What the renderer does with a desk event: invalidate domains, or update the status bar. */
export function effectOfEvent(event: DeskEvent): EventEffect {
  if (event.type === 'sync-status') return { kind: 'sync-status', status: event.status };
  const keys = [...new Set(event.domains)].map((d) => [d] as const);
  // Setup changes rename the administration shown in the header: the session shows it too.
  return { kind: 'invalidate', keys };
}
