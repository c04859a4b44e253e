import fs from 'node:fs';
import path from 'node:path';
import { createRegisterServer, type RegisterServer } from '../server/app';
import { openDesk, type Desk } from './core/desk';

/**
 * A one-desk office: the register server embedded in the workstation (PGlite in a data folder)
 * and the desk core talking to it over loopback, exactly as a remote desk would. Used by the
 * Electron shell and by the web host.
 */
export interface EmbeddedDesk {
  desk: Desk;
  server: RegisterServer;
  serverUrl: string;
  close(): Promise<void>;
}

export async function startEmbeddedDesk(opts: { dataRoot: string; appVersion?: string }): Promise<EmbeddedDesk> {
  const databaseUrl = process.env.GONFALONE_SERVER_DATABASE_URL;
  // PGlite does not create missing parent folders: a first start on a new data folder must work.
  fs.mkdirSync(path.join(opts.dataRoot, 'server'), { recursive: true });
  fs.mkdirSync(path.join(opts.dataRoot, 'desk'), { recursive: true });
  const server = await createRegisterServer({
    dataDir: path.join(opts.dataRoot, 'server'),
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  const serverUrl = await server.listen({ port: 0, host: '127.0.0.1' });
  try {
    const desk = await openDesk({ dataDir: path.join(opts.dataRoot, 'desk'), serverUrl, ...(opts.appVersion ? { appVersion: opts.appVersion } : {}) });
    return {
      desk,
      server,
      serverUrl,
      async close() {
        await desk.close();
        await server.close();
      },
    };
  } catch (err) {
    await server.close();
    throw err;
  }
}
