import { createHash } from 'node:crypto';
import { AppError, isErrorEnvelope } from '../../../shared/contract';

/**
 * Documents to and from the register server (ARCHITECTURE.md, "Blobs"): uploads resume where an
 * interruption left them (`HEAD` answers `upload-offset`, parts go with `Content-Range`);
 * downloads are verified against the impronta before they are kept.
 */

/** Size of one upload part: a dropped connection costs at most this much again. */
export const UPLOAD_PART_BYTES = 4 * 1024 * 1024;

async function send(baseUrl: string, method: string, sha256: string, token: string, init: { body?: Uint8Array; headers?: Record<string, string> } = {}): Promise<Response> {
  try {
    return await fetch(new URL(`/blobs/${sha256}`, baseUrl), {
      method,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
      body: init.body ? init.body.slice() : undefined,
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    throw new AppError('OFFLINE');
  }
}

async function failure(res: Response): Promise<AppError> {
  const payload: unknown = await res.json().catch(() => null);
  if (isErrorEnvelope(payload)) return new AppError(payload.code, payload.message, payload.details);
  return new AppError(res.status >= 500 ? 'OFFLINE' : 'INTERNAL', `Trasferimento del documento non riuscito (${res.status}).`);
}

/** Uploads a document unless the server has it, resuming an interrupted upload. */
export async function uploadBlob(baseUrl: string, sha256: string, bytes: Uint8Array, token: string, partBytes = UPLOAD_PART_BYTES): Promise<void> {
  const head = await send(baseUrl, 'HEAD', sha256, token);
  if (head.ok) return;
  if (head.status !== 404) throw await failure(head);
  let offset = Number(head.headers.get('upload-offset') ?? 0);
  if (!Number.isInteger(offset) || offset < 0 || offset > bytes.byteLength) offset = 0;
  const total = bytes.byteLength;
  while (offset < total) {
    const end = Math.min(total, offset + partBytes);
    const res = await send(baseUrl, 'PUT', sha256, token, {
      body: bytes.subarray(offset, end),
      headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${offset}-${end - 1}/${total}` },
    });
    if (res.status === 409) {
      // The server holds a different amount (a part we thought lost did arrive): resume there.
      const err = await failure(res);
      const received = (err.details as { received?: unknown } | undefined)?.received;
      if (typeof received !== 'number') throw err;
      offset = received;
      continue;
    }
    if (!res.ok) throw await failure(res);
    await res.arrayBuffer().catch(() => undefined);
    offset = end;
  }
}

/** Downloads a document and checks its impronta; null when the server does not have it (or not for this user). */
export async function downloadBlob(baseUrl: string, sha256: string, token: string): Promise<Uint8Array | null> {
  const res = await send(baseUrl, 'GET', sha256, token);
  if (res.status === 404) return null;
  if (!res.ok) throw await failure(res);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new AppError('HASH_MISMATCH');
  return bytes;
}
