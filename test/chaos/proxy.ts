import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRng, type Rng } from './rng';

/**
 * A loopback HTTP proxy in front of the register server that injures traffic on purpose,
 * driven by a seed. Faults are decided per request:
 * - `down`: every connection is cut at once (network away);
 * - `drop`: the request is swallowed and the connection cut, the server never sees it;
 * - `delay`: the request waits before being forwarded;
 * - `duplicate`: the request is forwarded twice in a row, the client sees the second answer
 *   (a retry the client did not make: the server must answer it from the stored result);
 * - `cutResponse`: the request reaches the server, which commits, and the answer is cut
 *   before the client reads it (the "commit without response" case).
 * SSE (`/sync/events`) is streamed through untouched unless the proxy is down.
 */
export interface FaultRates {
  drop: number;
  delay: number;
  duplicate: number;
  cutResponse: number;
  /** Maximum delay in ms when a request is delayed. */
  maxDelayMs: number;
}

export const noFaults: FaultRates = { drop: 0, delay: 0, duplicate: 0, cutResponse: 0, maxDelayMs: 0 };

export interface ProxyStats {
  forwarded: number;
  dropped: number;
  delayed: number;
  duplicated: number;
  cut: number;
  refused: number;
}

export interface ChaosProxy {
  url: string;
  port: number;
  stats: ProxyStats;
  /** Network away: open connections are cut, new ones closed at once. */
  down(): void;
  up(): void;
  isUp(): boolean;
  setFaults(rates: Partial<FaultRates>, paths?: RegExp): void;
  /** Points the proxy at another upstream port (a restarted server). */
  retarget(port: number): void;
  /** The next `n` requests matching `path` are forwarded and their answers cut. */
  cutNext(path: RegExp, n?: number): void;
  /** Holds requests matching `path` until `release()`; returns a promise resolved when one is held. */
  hold(path: RegExp): Promise<void>;
  release(): void;
  close(): Promise<void>;
}

export async function startChaosProxy(opts: { targetPort: number; seed: number }): Promise<ChaosProxy> {
  const rng: Rng = seededRng(opts.seed);
  let targetPort = opts.targetPort;
  let isUp = true;
  let rates: FaultRates = { ...noFaults };
  let faultPaths = /^\/(sync|auth|blobs)\//;
  const cutQueue: Array<{ path: RegExp; n: number }> = [];
  let holdRule: { path: RegExp; onHeld: () => void } | null = null;
  let held: Array<() => void> = [];
  const stats: ProxyStats = { forwarded: 0, dropped: 0, delayed: 0, duplicated: 0, cut: 0, refused: 0 };
  const sockets = new Set<Socket>();

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const up = http.request(
        { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: { ...req.headers, connection: 'close' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });

  const streamThrough = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const up = http.request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.pipe(res);
    });
    up.on('error', () => res.destroy());
    res.on('close', () => up.destroy());
    req.pipe(up);
  };

  const server = http.createServer((req, res) => {
    if (!isUp) {
      stats.refused += 1;
      return void req.socket.destroy();
    }
    const path = req.url ?? '/';
    if (path.startsWith('/sync/events')) return streamThrough(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, path, Buffer.concat(chunks)));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, path: string, body: Buffer): Promise<void> {
    try {
      const rule = cutQueue.find((c) => c.n > 0 && c.path.test(path));
      const faulty = faultPaths.test(path);
      if (holdRule?.path.test(path)) {
        const onHeld = holdRule.onHeld;
        await new Promise<void>((resolve) => {
          held.push(resolve);
          onHeld();
        });
      }
      if (!rule && faulty && rng.chance(rates.drop)) {
        stats.dropped += 1;
        return void req.socket.destroy();
      }
      if (faulty && rng.chance(rates.delay)) {
        stats.delayed += 1;
        await new Promise((r) => setTimeout(r, rng.int(1, Math.max(1, rates.maxDelayMs))));
      }
      if (!isUp) return void req.socket.destroy();
      let answer = await forward(req, body);
      stats.forwarded += 1;
      if (faulty && req.method !== 'GET' && rng.chance(rates.duplicate)) {
        stats.duplicated += 1;
        answer = await forward(req, body);
      }
      if (rule || (faulty && rng.chance(rates.cutResponse)) || !isUp) {
        if (rule) rule.n -= 1;
        stats.cut += 1;
        return void req.socket.destroy();
      }
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      headers['content-length'] = String(answer.body.length);
      res.writeHead(answer.status, headers);
      res.end(answer.body);
    } catch {
      // Upstream unreachable (server killed): the client sees a cut connection, as in real life.
      req.socket.destroy();
    }
  }

  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    if (!isUp) s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    down() {
      isUp = false;
      for (const s of sockets) s.destroy();
    },
    up() {
      isUp = true;
    },
    isUp: () => isUp,
    setFaults(r, paths) {
      rates = { ...rates, ...r };
      if (paths) faultPaths = paths;
    },
    retarget(p) {
      targetPort = p;
    },
    cutNext(path, n = 1) {
      cutQueue.push({ path, n });
    },
    hold(path) {
      return new Promise<void>((resolve) => {
        holdRule = { path, onHeld: resolve };
      });
    },
    release() {
      holdRule = null;
      const waiting = held;
      held = [];
      for (const r of waiting) r();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
