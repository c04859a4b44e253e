import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the register server that can be switched off: while "down"
 * every connection is dropped, as when the network or the server is gone. It records the
 * bodies of the pushes it forwarded, so a test can replay them.
 */
export interface SwitchableProxy {
  url: string;
  down(): void;
  up(): void;
  pushes: string[];
  close(): Promise<void>;
}

export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  let isDown = false;
  const pushes: string[] = [];
  const server = http.createServer((req, res) => {
    if (isDown) return void req.socket.destroy();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url?.startsWith('/sync/push')) pushes.push(body.toString('utf8'));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers[k] = v;
      fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers, body: body.length ? body : undefined })
        .then(async (r) => {
          const out = Buffer.from(await r.arrayBuffer());
          const h: Record<string, string> = {};
          r.headers.forEach((v, k) => {
            if (k !== 'content-encoding' && k !== 'transfer-encoding' && k !== 'connection') h[k] = v;
          });
          res.writeHead(r.status, h).end(out);
        })
        .catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    down: () => {
      isDown = true;
    },
    up: () => {
      isDown = false;
    },
    pushes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
