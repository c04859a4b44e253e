import type { ErrorEnvelope } from './errors';
import type { DeskEvent } from './events';
import type { DocumentRef } from './protocol';

/**
 * What the Electron preload exposes on `window.gonfalone`: one RPC port for every data call and
 * a narrow native object. Never raw ipcRenderer (STYLE.md, "Two bridges, never one big one").
 */
export type RpcReply = { ok: true; data: unknown } | { ok: false; error: ErrorEnvelope };

export interface DeskBridge {
  /** Calls a contract procedure; the session token is kept by the shell, not by the page. */
  rpc(name: string, input: unknown): Promise<RpcReply>;
  /** Subscribes to push events; returns the unsubscribe function. */
  onEvent(listener: (event: DeskEvent) => void): () => void;
  /** Stores a document in the desk's blob store and returns its fingerprint. */
  uploadFile(bytes: ArrayBuffer, fileName: string, mimeType: string): Promise<{ ok: true; data: DocumentRef } | { ok: false; error: ErrorEnvelope }>;
  native: NativeBridge;
}

export interface NativeBridge {
  /** Prints a PDF (label, daily register) through the system print dialog. */
  printPdf(base64: string, title: string): Promise<void>;
  /** Saves a generated file with the native save dialog. */
  saveFile(base64: string, suggestedName: string): Promise<boolean>;
}
