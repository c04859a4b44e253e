import { sql } from 'drizzle-orm';
import { AppError, type DocumentRef, type GeneratedFile, type SessionUser } from '../../../shared/contract';
import { canSeeEntry } from '../../../shared/domain/scopes';
import { entryFromRow } from '../db/rows';
import { protocolEntries } from '../db/schema';
import type { DeskDeps } from '../deps';
import { downloadBlob } from '../sync/blob-transfer';

/** Per-device budget of documents downloaded on demand (issue 3): 2 GB, least recently used out first. */
export const DEFAULT_DOWNLOAD_BUDGET_BYTES = 2 * 1024 ** 3;

/** The entry document with this impronta that `user` may see, if any (desk-side scope check). */
function visibleRef(d: DeskDeps, sha256: string, user: SessionUser): DocumentRef | null {
  const rows = d.db
    .select()
    .from(protocolEntries)
    .where(sql`exists (select 1 from json_each(${protocolEntries.documents}) j where json_extract(j.value, '$.sha256') = ${sha256})`)
    .limit(50)
    .all();
  for (const r of rows) {
    const e = entryFromRow(r);
    if (canSeeEntry(user, e)) return e.documents.find((doc) => doc.sha256 === sha256) ?? null;
  }
  return null;
}

/**
 * documents.open: from the local store, or downloaded on demand (verified by hash) and kept
 * within the budget. Offline and not held here: OFFLINE, with a message that says why.
 */
export async function openDocument(d: DeskDeps, sha256: string, user: SessionUser, token: string | undefined, budget = DEFAULT_DOWNLOAD_BUDGET_BYTES): Promise<GeneratedFile> {
  const ref = visibleRef(d, sha256, user);
  if (!ref && !d.blobs.isLocal(sha256)) throw new AppError('NOT_FOUND', 'Documento non trovato tra le registrazioni che puoi consultare.');
  const now = d.clock().toISOString();
  let bytes = d.blobs.read(sha256);
  if (bytes) d.blobs.touch(sha256, now);
  else {
    if (!token) throw new AppError('UNAUTHENTICATED');
    try {
      bytes = await downloadBlob(d.settings.serverUrl, sha256, await d.client.accessTokenFor(token));
    } catch (err) {
      if (err instanceof AppError && err.code === 'OFFLINE') {
        throw new AppError('OFFLINE', 'Il documento non è ancora su questa postazione: serve il collegamento con il server del registro.');
      }
      throw err;
    }
    if (!bytes) throw new AppError('NOT_FOUND', 'Documento non presente sul server del registro.');
    d.blobs.putDownloaded(bytes, now, budget);
  }
  return {
    fileName: ref?.fileName ?? `${sha256.slice(0, 12)}.bin`,
    mimeType: ref?.mimeType ?? 'application/octet-stream',
    sha256,
    base64: Buffer.from(bytes).toString('base64'),
  };
}
