import type { DeviceCredentials, EnrollmentCreated, LoginResult } from '../../../src/shared/contract';
import { http, TestClient, type TestServer } from '../server/harness';

/** Enrolls a device in one call: an administrator creates the code, the "desk" spends it. */
export async function enrollDevice(t: TestServer, code: string, name = `Postazione ${code}`): Promise<DeviceCredentials> {
  const admin = await t.login('admin');
  const created = await http<EnrollmentCreated>(t.url, 'POST', '/api/devices.createEnrollment', { token: admin, body: { code, name } });
  if (created.status !== 200) throw new Error(`abilitazione non creata: ${JSON.stringify(created.body)}`);
  const enrolled = await http<DeviceCredentials>(t.url, 'POST', '/devices/enroll', { body: { enrollmentCode: created.body.enrollmentCode } });
  if (enrolled.status !== 200) throw new Error(`abilitazione non riuscita: ${JSON.stringify(enrolled.body)}`);
  return enrolled.body;
}

/** Logs a harness user in on an enrolled device. */
export async function deviceLogin(t: TestServer, username: string, device: DeviceCredentials): Promise<LoginResult> {
  const user = Object.values(t.users).find((u) => u.username === username);
  const res = await http<LoginResult>(t.url, 'POST', '/auth/login', {
    body: { username, password: user?.password ?? '', deviceId: device.deviceId, deviceSecret: device.deviceSecret },
  });
  if (res.status !== 200) throw new Error(`login di ${username} fallito: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A push client on an enrolled device: the harness TestClient with a device-bound token. */
export async function enrolledClient(t: TestServer, username: string, code: string): Promise<{ client: TestClient; device: DeviceCredentials; login: LoginResult }> {
  const device = await enrollDevice(t, code);
  const login = await deviceLogin(t, username, device);
  return { client: new TestClient(t.url, login.token), device, login };
}
