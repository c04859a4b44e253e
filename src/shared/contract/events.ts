import type { SyncStatus } from './system';

/**
 * Push events from core to renderer, over the same port as RPC (Electron) or an SSE stream
 * (web host `GET /events`). The renderer maps them to react-query invalidations.
 */
export type DeskEvent =
  /** Rows of these domains changed locally or arrived from the server. */
  | { type: 'data-changed'; domains: Array<'protocol' | 'directory' | 'titolario' | 'offices' | 'users' | 'setup' | 'conflicts' | 'cases' | 'agenda'> }
  | { type: 'sync-status'; status: SyncStatus };

export type DeskEventListener = (event: DeskEvent) => void;
