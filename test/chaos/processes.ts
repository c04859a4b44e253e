import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Real processes for the chaos tests: the register server and desk cores, each a child Node
 * process running TypeScript through tsx, killed with SIGKILL when a scenario says so.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

function spawnTs(script: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(here, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `gonfalone-chaos-${prefix}-`));
}

/** Waits for the process to exit; resolves at once if it already has. */
function exited(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => p.once('exit', () => resolve()));
}

export interface ServerProcess {
  url: string;
  port: number;
  /** kill -9: no cleanup, no flush beyond what the database already made durable. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the process has exited by itself (e.g. the kill-after-commit hook). */
  exited: Promise<void>;
}

/** Starts `test/chaos/server-process.ts` on a data folder (PGlite) or DATABASE_URL. */
export async function startServerProcess(opts: { dataDir: string; killAfterPush?: number }): Promise<ServerProcess> {
  const env: Record<string, string> = opts.killAfterPush ? { GONFALONE_CHAOS_KILL_AFTER_PUSH: String(opts.killAfterPush) } : {};
  const p = spawnTs('server-process.ts', ['--data', opts.dataDir], env);
  let stderr = '';
  p.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: p.stdout! });
    rl.on('line', (line) => {
      const m = /^LISTENING (\S+)/.exec(line);
      if (m) resolve(m[1]!);
    });
    p.once('exit', (code) => reject(new Error(`server-process uscito (${code}): ${stderr}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    exited: exited(p),
    async kill9() {
      p.kill('SIGKILL');
      await exited(p);
    },
    async stop() {
      p.kill('SIGTERM');
      await exited(p);
    },
  };
}

export interface Answer<T = unknown> {
  ok: boolean;
  result?: T;
  error?: { code: string; message: string; details?: unknown };
}

/** One desk-core process, talking JSON lines; an answer never arrives from a killed process. */
export class DeskProcess {
  private proc: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (a: Answer) => void>();
  stderr = '';

  constructor(
    readonly name: string,
    readonly dataDir: string,
    readonly serverUrl: string,
    readonly skewMs = 0,
  ) {}

  async start(): Promise<void> {
    const p = spawnTs('desk-process.ts', ['--data', this.dataDir, '--server', this.serverUrl, `--skew-ms=${this.skewMs}`]);
    this.proc = p;
    p.stderr!.on('data', (c: Buffer) => (this.stderr += c.toString()));
    const rl = readline.createInterface({ input: p.stdout! });
    await new Promise<void>((resolve, reject) => {
      rl.on('line', (line) => {
        let msg: { ready?: boolean; id?: number } & Answer;
        try {
          msg = JSON.parse(line) as typeof msg;
        } catch {
          return;
        }
        if (msg.ready) return resolve();
        const waiter = msg.id === undefined ? undefined : this.pending.get(msg.id);
        if (waiter && msg.id !== undefined) {
          this.pending.delete(msg.id);
          waiter(msg);
        }
      });
      p.once('exit', () => {
        for (const w of this.pending.values()) w({ ok: false, error: { code: 'KILLED', message: 'processo terminato' } });
        this.pending.clear();
        reject(new Error(`desk ${this.name} terminato: ${this.stderr}`));
      });
    }).catch((err: unknown) => {
      if (this.proc === p && p.exitCode !== null) throw err;
    });
    p.once('exit', () => {
      for (const w of this.pending.values()) w({ ok: false, error: { code: 'KILLED', message: 'processo terminato' } });
      this.pending.clear();
    });
  }

  send<T = unknown>(cmd: Record<string, unknown>): Promise<Answer<T>> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return Promise.resolve({ ok: false, error: { code: 'KILLED', message: 'processo non attivo' } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (a: Answer) => void);
      p.stdin!.write(`${JSON.stringify({ ...cmd, id })}\n`);
    });
  }

  /** Sends and throws unless the answer is ok. */
  async must<T = unknown>(cmd: Record<string, unknown>): Promise<T> {
    const a = await this.send<T>(cmd);
    if (!a.ok) throw new Error(`${this.name} ${JSON.stringify(cmd).slice(0, 200)}: ${a.error?.code} ${a.error?.message}`);
    return a.result as T;
  }

  async kill9(): Promise<void> {
    const p = this.proc;
    if (!p) return;
    p.kill('SIGKILL');
    await exited(p);
    this.proc = null;
  }

  async restart(): Promise<void> {
    await this.kill9();
    await this.start();
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p) return;
    p.stdin!.end();
    const timer = setTimeout(() => p.kill('SIGKILL'), 10_000);
    await exited(p);
    clearTimeout(timer);
    this.proc = null;
  }
}
