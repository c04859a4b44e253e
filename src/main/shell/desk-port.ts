import { AppError, isProcedureName, toErrorEnvelope, type ErrorEnvelope } from '../../shared/contract';
import type { RpcReply } from '../../shared/contract/bridge';
import type { DocumentRef } from '../../shared/contract/protocol';

/** What the shell needs of the desk core (src/main/core/desk.ts `Desk`). */
export interface DeskPort {
  call(name: string, input: unknown, ctx: { token?: string }): Promise<unknown>;
  putFile(bytes: Uint8Array, fileName: string, mimeType: string): Promise<DocumentRef>;
}

export type UploadReply = { ok: true; data: DocumentRef } | { ok: false; error: ErrorEnvelope };

const hasToken = (v: unknown): v is { token: string } =>
  typeof v === 'object' && v !== null && 'token' in v && typeof v.token === 'string';

/**
 * The main-process end of the RPC port. Names are looked up in the contract; the session token
 * stays here and never reaches the page (STYLE.md: two bridges, no raw ipcRenderer).
 */
export function createDeskPort(desk: DeskPort) {
  let token: string | null = null;
  return {
    async rpc(name: unknown, input: unknown): Promise<RpcReply> {
      try {
        if (typeof name !== 'string' || !isProcedureName(name)) {
          throw new AppError('UNKNOWN_PROCEDURE', `Operazione sconosciuta: ${String(name).slice(0, 80)}`);
        }
        const data = await desk.call(name, input, token ? { token } : {});
        if (name === 'auth.logout') token = null;
        if (name === 'auth.login' && hasToken(data)) {
          token = data.token;
          return { ok: true, data: { ...data, token: '' } };
        }
        return { ok: true, data };
      } catch (err) {
        const error = toErrorEnvelope(err);
        if (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED') token = null;
        return { ok: false, error };
      }
    },
    async upload(bytes: unknown, fileName: unknown, mimeType: unknown): Promise<UploadReply> {
      try {
        if (!token) throw new AppError('UNAUTHENTICATED');
        if (!(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes)) || typeof fileName !== 'string' || typeof mimeType !== 'string') {
          throw new AppError('VALIDATION', 'File non valido.');
        }
        const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        return { ok: true, data: await desk.putFile(view, fileName, mimeType) };
      } catch (err) {
        return { ok: false, error: toErrorEnvelope(err) };
      }
    },
  };
}
