import type { DeskEvent, DocumentRef } from '../../shared/contract';
import type { RpcReply } from '../../shared/contract/bridge';
import type { ErrorEnvelope } from '../../shared/contract/errors';

export type UploadReply = { ok: true; data: DocumentRef } | { ok: false; error: ErrorEnvelope };

/** What the api client needs from a transport: Electron's port or HTTP to the web host. */
export interface Transport {
  readonly kind: 'electron' | 'http';
  rpc(name: string, input: unknown): Promise<RpcReply>;
  upload(bytes: ArrayBuffer, fileName: string, mimeType: string): Promise<UploadReply>;
  /** Subscribes to desk events; returns the unsubscribe function. */
  subscribe(listener: (event: DeskEvent) => void): () => void;
}
