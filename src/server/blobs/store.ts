import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../../shared/contract/errors';

export const DEFAULT_MAX_BLOB_BYTES = 100 * 1024 * 1024;

/**
 * Documents stored by SHA-256, the legal fingerprint (impronta, DPR 445/2000 art. 53), outside
 * the database: `<dir>/ab/abcdef…`. A body is streamed to a temporary file while hashed and
 * kept only when the hash matches the name it was sent under.
 */
export class BlobStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number = DEFAULT_MAX_BLOB_BYTES,
  ) {}

  pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  async size(sha256: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch {
      return null;
    }
  }

  read(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  private partialPath(sha256: string): string {
    return path.join(this.dir, 'partial', sha256);
  }

  /** Bytes of an interrupted upload received so far (0 when none). */
  async received(sha256: string): Promise<number> {
    try {
      return (await stat(this.partialPath(sha256))).size;
    } catch {
      return 0;
    }
  }

  /**
   * Resumable upload: appends `body` at `start` of a `total`-byte document. A part that does not
   * start where the previous one ended is refused with the offset to resume from; the part that
   * completes the document verifies the hash (the impronta) before it is kept, once.
   */
  async putRange(sha256: string, start: number, total: number, body: Readable): Promise<{ received: number; complete: boolean; created: boolean }> {
    if (total > this.maxBytes) throw new AppError('FILE_TOO_LARGE', `Il file supera la dimensione massima di ${Math.round(this.maxBytes / 1048576)} MB.`);
    if (total === 0) throw new AppError('FILE_EMPTY');
    if ((await this.size(sha256)) !== null) return { received: total, complete: true, created: false };
    const partial = this.partialPath(sha256);
    await mkdir(path.dirname(partial), { recursive: true });
    const have = await this.received(sha256);
    if (start !== have) throw new AppError('CONFLICT', `Il server ha ricevuto ${have} byte di questo file: riprendi da lì.`, { received: have });
    let size = have;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > total) return done(new AppError('VALIDATION', 'Il trasferimento supera la dimensione dichiarata del file.'));
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(partial, { flags: 'a' }));
    } catch (err) {
      if (err instanceof AppError) {
        await rm(partial, { force: true });
        throw err;
      }
      // An interrupted part keeps what arrived: the desk asks HEAD and resumes from there.
      return { received: await this.received(sha256), complete: false, created: false };
    }
    if (size < total) return { received: size, complete: false, created: false };
    const { created } = await this.put(sha256, createReadStream(partial)).finally(() => rm(partial, { force: true }));
    return { received: total, complete: true, created };
  }

  /** Streams `body` in; returns the size. Refuses empty, oversized or mismatching content. */
  async put(sha256: string, body: Readable): Promise<{ size: number; created: boolean }> {
    const tmpDir = path.join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const max = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > max) return done(new AppError('FILE_TOO_LARGE', `Il file supera la dimensione massima di ${Math.round(max / 1048576)} MB.`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(tmp));
      if (size === 0) throw new AppError('FILE_EMPTY');
      if (hash.digest('hex') !== sha256) throw new AppError('HASH_MISMATCH');
      const target = this.pathOf(sha256);
      if ((await this.size(sha256)) !== null) {
        await rm(tmp, { force: true });
        return { size, created: false };
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tmp, target);
      return { size, created: true };
    } catch (err) {
      await rm(tmp, { force: true });
      if (err instanceof AppError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      // The client dropped the connection: nothing is kept, the desk uploads again.
      if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET') throw new AppError('VALIDATION', 'Trasferimento del file interrotto: riprova.');
      throw err;
    }
  }
}
