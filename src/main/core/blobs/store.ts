import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { asc, eq, ne, sum } from 'drizzle-orm';
import type { Db } from '../db/open';
import { downloadedBlobs, localBlobs } from '../db/schema';

/**
 * Documents stored by SHA-256, the legal impronta (DPR 445/2000 art. 53), under
 * `<root>/<aa>/<sha>`: written to a temporary file then renamed, so a crash never leaves a
 * half-written document under a valid name; identical files are stored once.
 */
export class BlobStore {
  constructor(
    private readonly root: string,
    private readonly db: Db,
  ) {}

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  put(bytes: Uint8Array): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomUUID()}.tmp`;
      fs.writeFileSync(tmp, bytes);
      fs.renameSync(tmp, target);
    }
    this.db.insert(localBlobs).values({ sha256, size: bytes.byteLength, uploaded: false }).onConflictDoNothing().run();
    return sha256;
  }

  read(sha256: string): Uint8Array | null {
    const p = this.pathOf(sha256);
    return fs.existsSync(p) ? fs.readFileSync(p) : null;
  }

  isUploaded(sha256: string): boolean {
    return this.db.select({ u: localBlobs.uploaded }).from(localBlobs).where(eq(localBlobs.sha256, sha256)).get()?.u ?? false;
  }

  /** True for a document created on this desk (never evicted). */
  isLocal(sha256: string): boolean {
    return this.db.select({ s: localBlobs.sha256 }).from(localBlobs).where(eq(localBlobs.sha256, sha256)).get() !== undefined;
  }

  /**
   * Keeps a document downloaded on demand, then evicts the least recently used downloaded ones
   * beyond `budgetBytes` (documents created on this desk are never evicted: they may not be on
   * the server yet). The document just opened is kept even if alone it exceeds the budget.
   */
  putDownloaded(bytes: Uint8Array, now: string, budgetBytes: number): string {
    const target = (sha: string) => this.pathOf(sha);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!fs.existsSync(target(sha256))) {
      fs.mkdirSync(path.dirname(target(sha256)), { recursive: true });
      const tmp = `${target(sha256)}.${randomUUID()}.tmp`;
      fs.writeFileSync(tmp, bytes);
      fs.renameSync(tmp, target(sha256));
    }
    if (!this.isLocal(sha256)) {
      this.db.insert(downloadedBlobs).values({ sha256, size: bytes.byteLength, lastUsedAt: now }).onConflictDoUpdate({ target: downloadedBlobs.sha256, set: { lastUsedAt: now } }).run();
      this.evict(budgetBytes, sha256);
    }
    return sha256;
  }

  /** Marks a downloaded document as just used (LRU order). */
  touch(sha256: string, now: string): void {
    this.db.update(downloadedBlobs).set({ lastUsedAt: now }).where(eq(downloadedBlobs.sha256, sha256)).run();
  }

  /** Bytes of downloaded documents held now. */
  downloadedBytes(): number {
    return Number(this.db.select({ n: sum(downloadedBlobs.size) }).from(downloadedBlobs).get()?.n ?? 0);
  }

  private evict(budgetBytes: number, keep: string): void {
    let total = this.downloadedBytes();
    if (total <= budgetBytes) return;
    const lru = this.db.select().from(downloadedBlobs).where(ne(downloadedBlobs.sha256, keep)).orderBy(asc(downloadedBlobs.lastUsedAt)).all();
    for (const b of lru) {
      if (total <= budgetBytes) break;
      fs.rmSync(this.pathOf(b.sha256), { force: true });
      this.db.delete(downloadedBlobs).where(eq(downloadedBlobs.sha256, b.sha256)).run();
      total -= b.size;
    }
  }

  markUploaded(sha256: string, size: number): void {
    this.db.insert(localBlobs).values({ sha256, size, uploaded: true }).onConflictDoUpdate({ target: localBlobs.sha256, set: { uploaded: true } }).run();
  }
}
