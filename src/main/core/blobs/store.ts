import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { localBlobs } from '../db/schema';

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

  markUploaded(sha256: string, size: number): void {
    this.db.insert(localBlobs).values({ sha256, size, uploaded: true }).onConflictDoUpdate({ target: localBlobs.sha256, set: { uploaded: true } }).run();
  }
}
