import type { DeviceCredentials, Handlers, SetupStatus } from '../../../shared/contract';
import type { DeskContext, DeskDeps } from '../deps';
import { forward } from '../modules/forward';
import { deviceIdentityOf, saveDeviceCredentials } from './identity';

type DeviceHandlers = Pick<
  Handlers<DeskContext>,
  'devices.createEnrollment' | 'devices.list' | 'devices.revoke' | 'devices.reviewList' | 'devices.reviewResolve' | 'devices.enroll' | 'devices.identity'
>;

/** Devices: administration lives on the register server; enrollment is stored on this desk. */
export function deviceHandlers(d: DeskDeps): DeviceHandlers {
  return {
    'devices.createEnrollment': (input, ctx) => forward(d, 'devices.createEnrollment', input, ctx),
    'devices.list': (input, ctx) => forward(d, 'devices.list', input, ctx),
    'devices.revoke': (input, ctx) => forward(d, 'devices.revoke', input, ctx),
    'devices.reviewList': (input, ctx) => forward(d, 'devices.reviewList', input, ctx),
    'devices.reviewResolve': (input, ctx) => forward(d, 'devices.reviewResolve', input, ctx),
    'devices.enroll': async (input) => {
      const creds = await d.client.request<DeviceCredentials>('POST', '/devices/enroll', { body: input });
      saveDeviceCredentials(d.db, creds, d.clock());
      d.logger.log('info', 'device enrolled', { deviceCode: creds.deviceCode });
      return deviceIdentityOf(d.db);
    },
    'devices.identity': () => deviceIdentityOf(d.db),
  };
}

/** `POST /setup` answers the first desk's credentials once; they are kept here, never shown. */
export function adoptSetupDevice(d: DeskDeps, answer: SetupStatus & { device?: DeviceCredentials }): SetupStatus {
  const { device, ...status } = answer;
  if (device) saveDeviceCredentials(d.db, device, d.clock());
  return status;
}
