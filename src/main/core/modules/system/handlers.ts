import type { DeviceCredentials, Handlers, SetupStatus } from '../../../../shared/contract';
import { PROTOCOL_VERSION } from '../../../../shared/sync/protocol';
import type { DeskContext, DeskDeps } from '../../deps';
import { CLIENT_SCHEMA_VERSION } from '../../db/version';
import { localOrganisation } from '../protocol/repository';
import { adoptSetupDevice } from '../../device/handlers';
import { requireUser } from '../../deps';
import { buildDiagnostics, diagnosticsFile } from './diagnostics';

type SystemHandlers = Pick<Handlers<DeskContext>, 'setup.status' | 'setup.initialize' | 'sync.status' | 'sync.now' | 'system.info' | 'system.diagnostics'>;

/** First-run setup, sync status and desk information. */
export function systemHandlers(d: DeskDeps): SystemHandlers {
  return {
    'setup.status': async () => {
      const local = localOrganisation(d.db);
      if (local) return { initialized: true, organisation: local, serverReachable: d.engine.status().online };
      try {
        return await d.client.request<SetupStatus>('GET', '/setup', { timeoutMs: 3000 });
      } catch {
        return { initialized: false, organisation: null, serverReachable: false };
      }
    },
    'setup.initialize': async (input) => {
      // Issue 3: the initialising desk is enrolled with the AOO (device POST01).
      const status = adoptSetupDevice(d, await d.client.request<SetupStatus & { device?: DeviceCredentials }>('POST', '/setup', { body: { ...input, enrollDevice: true } }));
      await d.engine.round();
      d.emit({ type: 'data-changed', domains: ['setup', 'titolario', 'offices', 'users'] });
      return status;
    },
    'sync.status': () => d.syncLog.decorate(d.engine.status()),
    'sync.now': async () => d.syncLog.decorate(await d.engine.round()),
    'system.info': () => ({
      appVersion: d.settings.appVersion,
      schemaVersion: CLIENT_SCHEMA_VERSION,
      protocolVersion: PROTOCOL_VERSION,
      dataDir: d.settings.dataDir,
      serverUrl: d.settings.serverUrl,
      maxUploadBytes: d.settings.maxUploadBytes,
    }),
    'system.diagnostics': (_input, ctx) => diagnosticsFile(buildDiagnostics(d, d.syncLog, requireUser(ctx)), d.clock()),
  };
}
