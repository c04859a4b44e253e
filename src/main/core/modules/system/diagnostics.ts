import { createHash } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { GeneratedFile, SessionUser } from '../../../../shared/contract';
import { PROTOCOL_VERSION } from '../../../../shared/sync/protocol';
import type { DeskDeps } from '../../deps';
import { outbox, reviewLog, syncState } from '../../db/schema';
import { CLIENT_SCHEMA_VERSION } from '../../db/version';
import { redactSecrets } from './redact-secrets';
import type { SyncLog } from './sync-log';

/** Bump when the bundle's shape changes, so support tools know what they read. */
export const DIAGNOSTICS_FORMAT = 1;

/**
 * The diagnostic bundle for support (issue 3): versions, client id, cursors, the whole outbox
 * (pending and refused) and the review log with secrets redacted, the recent sync log and the
 * status. Read-only: exporting it changes nothing on the desk.
 */
export function buildDiagnostics(d: DeskDeps, log: SyncLog, user: SessionUser): Record<string, unknown> {
  const state = d.db.select().from(syncState).where(eq(syncState.id, 1)).get();
  const pending = d.db.select().from(outbox).orderBy(asc(outbox.seq)).all();
  const decisions = d.db.select().from(reviewLog).orderBy(desc(reviewLog.decidedAt)).limit(200).all();
  return {
    format: DIAGNOSTICS_FORMAT,
    generatedAt: d.clock().toISOString(),
    generatedBy: { id: user.id, username: user.username },
    versions: { app: d.settings.appVersion, schema: CLIENT_SCHEMA_VERSION, protocol: PROTOCOL_VERSION, node: process.versions.node },
    desk: { clientId: state?.clientId ?? null, serverUrl: d.settings.serverUrl, dataDir: d.settings.dataDir },
    cursors: { cursor: state?.cursor ?? 0, ackedSeq: state?.ackedSeq ?? 0, lastSyncAt: state?.lastSyncAt ?? null, lastError: state?.lastError ?? null },
    status: log.decorate(d.engine.status()),
    outbox: pending.map((m) => ({
      seq: m.seq,
      mutationId: m.mutationId,
      name: m.name,
      version: m.version,
      status: m.status,
      userId: m.userId,
      createdAt: m.createdAt,
      baseVersions: parseJson(m.baseVersions),
      args: redactSecrets(parseJson(m.args)),
      error: m.error ? parseJson(m.error) : null,
    })),
    reviewLog: decisions.map((r) => ({ ...r, args: redactSecrets(parseJson(r.args)), error: r.error ? parseJson(r.error) : null, baseVersions: parseJson(r.baseVersions) })),
    syncLog: log.list(),
  };
}

/** The bundle as a downloadable JSON file, named with the desk's client id and the time. */
export function diagnosticsFile(bundle: Record<string, unknown>, now: Date): GeneratedFile {
  const text = JSON.stringify(bundle, null, 2);
  const bytes = Buffer.from(text, 'utf8');
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return {
    fileName: `gonfalone-diagnostica-${stamp}.json`,
    mimeType: 'application/json',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    base64: bytes.toString('base64'),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
