import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createRegisterServer, type RegisterServer } from '../src/server/app';
import type { LoginResult } from '../src/shared/contract';

/**
 * A register server for the sync benchmarks, in this process: PostgreSQL (a fresh database
 * created from DATABASE_URL and dropped at the end) when DATABASE_URL is set, PGlite on a temp
 * folder otherwise. Set up with one protocollista; register entries are seeded by bulk SQL
 * (entries, change log and counter in one statement per chunk), not by a million pushes.
 */
export const clerk = { username: 'protocollista', password: 'password-protocollista-bench' };
const admin = { username: 'admin', password: 'password-amministratore-bench' };

export interface BenchServer {
  url: string;
  server: RegisterServer;
  backend: 'PostgreSQL' | 'PGlite';
  clerkId: string;
  close(): Promise<void>;
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function startBenchServer(): Promise<BenchServer> {
  let dropDatabase: (() => Promise<void>) | null = null;
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  if (process.env.DATABASE_URL) {
    const name = `gonfalone_bench_${randomBytes(4).toString('hex')}`;
    const adminDb = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await adminDb.connect();
    await adminDb.query(`CREATE DATABASE ${name}`);
    await adminDb.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-bench-server-'));
  }
  const server = await createRegisterServer({ dataDir, databaseUrl, dailyRegisterJob: false, logger: false });
  const url = await server.listen({ port: 0 });
  await post(`${url}/setup`, {
    administration: { name: 'Comune di Prova', ipaCode: 'c_x000' },
    aoo: { code: 'AOO1', name: 'Segreteria del Sindaco' },
    registerCode: 'REG',
    admin: { username: admin.username, fullName: 'Anna Amministratrice', password: admin.password },
  });
  const adminLogin = await post<LoginResult>(`${url}/auth/login`, admin);
  await post(`${url}/api/users.create`, { username: clerk.username, fullName: 'Paola Protocollista', password: clerk.password, roles: ['protocollista'] }, adminLogin.token);
  const clerkLogin = await post<LoginResult>(`${url}/auth/login`, clerk);
  return {
    url,
    server,
    backend: databaseUrl ? 'PostgreSQL' : 'PGlite',
    clerkId: clerkLogin.user.id,
    async close() {
      await server.close();
      await dropDatabase?.();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const subjects = ['Richiesta contributo manifestazione', 'Invito inaugurazione', 'Istanza di patrocinio', 'Convocazione conferenza dei servizi', 'Segnalazione buche via Roma'];

/**
 * Appends `count` registrations of `year` to the register, each as its own change-log
 * transaction (as real registrations are), in chunks of 50,000: the entries, their change-log
 * rows (the same JSON the server writes) and the counter, so numbering continues gaplessly.
 */
export async function seedEntries(b: BenchServer, count: number, year = new Date().getUTCFullYear()): Promise<void> {
  const db = b.server.context.db;
  const chunk = 50_000;
  const subjectArray = `array[${subjects.map((s) => `'${s}'`).join(',')}]`;
  for (let done = 0; done < count; done += chunk) {
    const n = Math.min(chunk, count - done);
    // The numbering trigger would renumber row by row (and update the counter a million times):
    // this bulk load sets the numbers and the counter itself, with triggers off for its transaction.
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw('set local session_replication_role = replica'));
      await tx.execute(sql.raw(`
      with counter as (
        insert into protocol_counters (aoo_code, register_code, year, last, last_at) values ('AOO1', 'REG', ${year}, ${n}, now())
        on conflict (aoo_code, register_code, year) do update set last = protocol_counters.last + ${n}, last_at = now()
        returning last - ${n} as first
      ), head as (
        update change_log_head set last = last + ${n} where id = 1 returning last - ${n} as first
      ), gen as (
        select g, (select first from counter) + g as number, (select first from head) + g as seq,
               '01900000-0000-7000-8' || lpad(to_hex(${year}), 3, '0') || '-' || lpad(to_hex((select first from counter) + g), 12, '0') as id,
               timestamptz '${year}-01-01 08:00:00+00' + ((select first from counter) + g) * interval '1 second' as at
          from generate_series(1, ${n}) as g
      ), entries as (
        insert into protocol_entries (id, aoo_code, register_code, year, number, registered_at, direction, oggetto, correspondents, means,
          received_doc_date, received_doc_number, classification_code, assignments, documents, paper_attachments, riservato, notes, status,
          annulment, registered_by, registered_by_name, version)
        select id, 'AOO1', 'REG', ${year}, number, at, case when g % 2 = 0 then 'uscita' else 'entrata' end,
               (${subjectArray})[1 + g % 5] || ' n. ' || number,
               jsonb_build_array(jsonb_build_object('contactId', null, 'name', 'Bianchi Anna ' || (g % 997), 'kind', 'persona', 'pec', null, 'email', null, 'ipaCode', null, 'address', null)),
               'pec', null, null, 'I.13', '[]'::jsonb, '[]'::jsonb, '{"count":0,"description":""}'::jsonb, false, null, 'registrato', null,
               '${b.clerkId}', 'Paola Protocollista', 1
          from gen
        returning id, number, registered_at, direction, oggetto, correspondents
      )
      insert into change_log (seq, tx_last, table_name, row_key, row, version)
      select gen.seq, gen.seq, 'protocol_entries', e.id, jsonb_build_object(
               'id', e.id, 'aooCode', 'AOO1', 'registerCode', 'REG', 'year', ${year}, 'number', e.number,
               'registeredAt', to_char(e.registered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'direction', e.direction, 'oggetto', e.oggetto, 'correspondents', e.correspondents, 'means', 'pec',
               'receivedDocDate', null, 'receivedDocNumber', null, 'classificationCode', 'I.13', 'assignments', '[]'::jsonb,
               'documents', '[]'::jsonb, 'paperAttachments', '{"count":0,"description":""}'::jsonb, 'riservato', false, 'notes', null,
               'status', 'registrato', 'annulment', null, 'registeredBy', '${b.clerkId}', 'registeredByName', 'Paola Protocollista', 'version', 1),
             1
        from entries e join gen on gen.id = e.id
    `));
    });
  }
}
