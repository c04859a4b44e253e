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
  // Cases (issue 4). The libro firma lives under 'cases' too: its rows change with the 'cases'
  // domain of `data-changed` (there is no separate 'signature' domain in DeskEvent).
  casesList: (filters: object) => ['cases', 'list', filters] as const,
  caseDetail: (id: string) => ['cases', 'get', id] as const,
  casesForEntry: (entryId: string) => ['cases', 'forEntry', entryId] as const,
  caseReminders: ['cases', 'reminders'] as const,
  caseTypes: ['cases', 'types'] as const,
  caseSettings: ['cases', 'settings'] as const,
  caseAudit: ['cases', 'audit'] as const,
  caseIndicators: (year: number, month: number | null) => ['cases', 'indicators', year, month ?? 0] as const,
  signatureList: (state: string) => ['cases', 'signature', state] as const,
  // Agenda, rooms and invitations (issue 5): all under 'agenda', the one domain `data-changed`
  // names for them, so a change from any desk refreshes the calendar, the rooms and the inbox.
  agendaRange: (input: object) => ['agenda', 'range', input] as const,
  agendaEvent: (id: string) => ['agenda', 'get', id] as const,
  agendaPeople: ['agenda', 'people'] as const,
  agendaRooms: ['agenda', 'rooms'] as const,
  agendaRoomsView: (day: string, days: number) => ['agenda', 'roomsView', day, days] as const,
  agendaTemplates: ['agenda', 'templates'] as const,
  agendaConflicts: (input: object) => ['agenda', 'conflicts', input] as const,
  invitations: (state: string) => ['agenda', 'invitations', state] as const,
};

export type EventEffect = { kind: 'invalidate'; keys: Array<readonly string[]> } | { kind: 'sync-status'; status: Extract<DeskEvent, { type: 'sync-status' }>['status'] };

/** What the renderer does with a desk event: invalidate domains, or update the status bar. */
export function effectOfEvent(event: DeskEvent): EventEffect {
  if (event.type === 'sync-status') return { kind: 'sync-status', status: event.status };
  const keys = [...new Set(event.domains)].map((d) => [d] as const);
  // Setup changes rename the administration shown in the header: the session shows it too.
  return { kind: 'invalidate', keys };
}
