import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { AppError, type EnrollmentCreated, type LoginResult } from '../../../src/shared/contract';
import type { StartedDesk } from '../../../src/main/remote';
import { http, type TestServer } from '../server/harness';

/** A fresh data folder per desk, removed by `cleanup`. */
export function tempDataRoot(dirs: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-remote-'));
  dirs.push(dir);
  return dir;
}

/** What an administrator does in Amministrazione → Postazioni → Nuova postazione, over the API. */
export async function createEnrollmentCode(t: TestServer, code: string): Promise<string> {
  const admin = await t.login('admin');
  const res = await http<EnrollmentCreated>(t.url, 'POST', '/api/devices.createEnrollment', { token: admin, body: { code, name: `Postazione ${code}` } });
  expect(res.status).toBe(200);
  return res.body.enrollmentCode;
}

export async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

export const loginOn = async (d: StartedDesk, t: TestServer, role: keyof TestServer['users']) =>
  (await d.desk.call('auth.login', { username: t.users[role].username, password: t.users[role].password }, {})) as LoginResult;

export const registration = (oggetto: string) => ({
  direction: 'entrata',
  oggetto,
  correspondents: [{ newContact: { kind: 'persona', name: 'Esposito Gennaro' } }],
  means: 'pec',
});
