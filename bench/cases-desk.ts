import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openLocalDatabase, type Db } from '../src/main/core/db/open';
import { putDoc } from '../src/main/core/db/doc-tables';
import { putRow } from '../src/main/core/modules/cases/repository';
import { installWriteGate, throughWriteGate } from '../src/main/core/db/write-gate';
import { computeIndicators } from '../src/main/core/modules/cases/indicators';
import { casesForEntry, listCases } from '../src/main/core/modules/cases/reads';
import { caseTypes } from '../src/main/core/modules/cases/repository';
import { caseListInput, type CaseAssignment, type CaseDto, type SessionUser } from '../src/shared/contract';
import { addDays, caseTypeCodes, computeTerm, defaultCaseSettings, defaultCaseTypes, patronageChecklist, type CaseState } from '../src/shared/domain/cases';
import { machineLine, percentile, printTable, type BenchRow } from './lib';

/**
 * Issue 4: "My desk" (cases.list, view mine, first page + counts) and the indicators of a year
 * over 100,000 cases (+ their timeline events) in a desk database, target ≤ 200 ms each; the
 * cases of a protocol entry (cases.forEntry, the entry's detail) through the local link index,
 * target ≤ 20 ms (a scan of the cases' JSON took about 350 ms).
 * The cases span 2023 – mid 2026; most older ones are closed, the recent ones open, as in an
 * office that works its mail. The desk's clock is fixed on 2026-06-15.
 */

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const TODAY = '2026-06-15';
const START = '2023-01-01';
const OFFICES = 12;
const USERS = 60;

const uuid = (prefix: number, i: number) => `${prefix.toString(16).padStart(8, '0')}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
const officeIds = Array.from({ length: OFFICES }, (_, i) => uuid(1, i));
const userIds = Array.from({ length: USERS }, (_, i) => uuid(2, i));
const names = ['Rossi Mario', 'Bianchi Anna', 'Comitato di quartiere', 'Verdi Giuseppe', 'Associazione Pro Loco', 'Esposito Lucia', 'Consigliere Russo', 'Ferrari Giulia'];
const subjects = ['Richiesta di contributo', 'Accesso agli atti del cantiere', 'Segnalazione buche in via Roma', 'Patrocinio per la sagra', 'Interrogazione sul trasporto scolastico', 'Richiesta di udienza', 'Invito alla cerimonia'];

export function generate(file: string): Db {
  const db = openLocalDatabase(file);
  installWriteGate(db.$client);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const span = (Date.parse(TODAY) - Date.parse(START)) / 86_400_000;
  const settings = { ...defaultCaseSettings, id: 'singleton' as const, version: 1 };
  throughWriteGate(db.$client, () => {
    db.$client.prepare("INSERT INTO offices (id, code, name) VALUES (?, ?, ?)").run(officeIds[0], 'GAB', 'Gabinetto del Sindaco');
    for (let i = 1; i < OFFICES; i++) db.$client.prepare('INSERT INTO offices (id, code, name) VALUES (?, ?, ?)').run(officeIds[i], `U${i}`, `Ufficio ${i}`);
    for (const t of defaultCaseTypes) putDoc(db, 'case_types', { ...t, id: t.code, version: 1 }, 1);
    putDoc(db, 'case_settings', settings, 1);
    for (let i = 0; i < CASES; i++) {
      const typeCode = pick(caseTypeCodes);
      const rule = defaultCaseTypes.find((t) => t.code === typeCode)!;
      const receivedOn = addDays(START, Math.floor((i / CASES) * span));
      const age = (Date.parse(TODAY) - Date.parse(receivedOn)) / 86_400_000;
      // Recent cases are open; older ones closed, a few forgotten (overdue).
      const open = age < 45 ? rnd() < 0.9 : rnd() < 0.02;
      const closeAfter = 3 + Math.floor(rnd() * 60);
      const state: CaseState = open ? pick(['ricevuta', 'assegnata', 'in_istruttoria', 'in_istruttoria', 'sospesa', 'risposta_in_preparazione'] as const) : 'chiusa';
      const officeId = state === 'ricevuta' ? null : pick(officeIds);
      const ownerId = state === 'ricevuta' || state === 'assegnata' ? null : pick(userIds);
      const assignments: CaseAssignment[] = officeId
        ? [{ id: uuid(3, i), kind: 'competenza', assigneeType: 'ufficio', assigneeId: officeId, assigneeName: 'Ufficio', state: ownerId ? 'preso_in_carico' : 'assegnato', reason: null, at: `${receivedOn}T09:00:00.000Z`, by: userIds[0]!, byName: 'Paola Protocollista' }]
        : [];
      if (rnd() < 0.2) assignments.push({ id: uuid(4, i), kind: 'conoscenza', assigneeType: 'utente', assigneeId: pick(userIds), assigneeName: 'Collega', state: 'assegnato', reason: null, at: `${receivedOn}T09:00:00.000Z`, by: userIds[0]!, byName: 'Paola Protocollista' });
      const suspensions = state === 'sospesa' ? [{ from: addDays(receivedOn, 2), to: null, reason: 'parere' as const }] : [];
      const term = computeTerm({ receivedOn, termDays: rule.termDays, suspensions, settings, maxSuspensionDays: rule.maxSuspensionDays });
      const closedOn = state === 'chiusa' ? addDays(receivedOn, closeAfter) : null;
      const c: CaseDto = {
        id: uuid(5, i), typeCode, title: `${pick(subjects)} n. ${i}`, requester: { contactId: null, name: pick(names) }, receivedOn, state,
        stateBeforeSuspension: state === 'sospesa' ? 'in_istruttoria' : null, dueOn: term.dueOn, suspensions, suspendedDays: term.suspendedDays,
        ownerId, ownerName: ownerId ? 'Collega' : null, officeId, officeName: officeId ? 'Ufficio' : null, assignments,
        links: [{ entryId: uuid(6, i), role: 'richiesta', label: `2026/${String(i).padStart(7, '0')}`, direction: 'entrata', at: `${receivedOn}T09:00:00.000Z` }],
        replyEntryId: closedOn ? uuid(7, i) : null, repliedOn: closedOn, closedOn, closingNote: null, priority: rnd() < 0.1 ? 'urgente' : 'normale', notes: null,
        patronage: typeCode === 'patrocinio' ? { eventTitle: 'Sagra', eventDate: addDays(receivedOn, 30), place: 'Piazza', checklist: Object.fromEntries(patronageChecklist.map((p) => [p.key, rnd() < 0.8])), staffReport: null, decision: null, outcomeEntryId: null } : null,
        hearing: null, createdBy: userIds[0]!, createdByName: 'Paola Protocollista', createdAt: `${receivedOn}T09:00:00.000Z`, updatedAt: `${receivedOn}T09:00:00.000Z`, version: 3,
      };
      putRow(db, 'cases', c, 3);
      const events = closedOn ? ['aperta', 'assegnata', 'chiusa'] : ['aperta', 'assegnata'];
      events.forEach((kind, k) => putDoc(db, 'case_events', { id: uuid(8 + k, i), caseId: c.id, at: `${receivedOn}T09:0${k}:00.000Z`, by: userIds[0], byName: 'Paola Protocollista', kind, text: `Evento ${kind}`, data: {}, version: 1 }, 1));
    }
  });
  return db;
}

export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-bench-cases-'));
  try {
    const t0 = performance.now();
    // BENCH_DB reuses a database generated by an earlier run (generation takes about a minute).
    const reuse = process.env.BENCH_DB;
    const db = reuse && fs.existsSync(reuse) ? openLocalDatabase(reuse) : generate(reuse ?? path.join(dir, 'cases.db'));
    const genSeconds = (performance.now() - t0) / 1000;
    db.$client.pragma('optimize');
    const clock = () => new Date(`${TODAY}T10:00:00Z`);
    // A clerk of the Mayor's cabinet: his office gets a twelfth of the open cases.
    const me: SessionUser = { id: userIds[1]!, username: 'sara', fullName: 'Sara Segreteria', roles: ['segreteria'], officeId: officeIds[0]! };
    const myDesk = () => listCases({ db, clock }, caseListInput.parse({ view: 'mine' }), me);
    const types = caseTypes(db);
    const indicators = () => computeIndicators(db, types, 2025);
    const time = (fn: () => unknown) => {
      const s = performance.now();
      fn();
      return performance.now() - s;
    };
    for (let i = 0; i < 5; i++) {
      myDesk();
      indicators();
    }
    const desk: number[] = [];
    const ind: number[] = [];
    for (let i = 0; i < 40; i++) {
      desk.push(time(myDesk));
      ind.push(time(indicators));
    }
    const all = Array.from({ length: 10 }, () => time(() => listCases({ db, clock }, caseListInput.parse({ view: 'all' }), me)));
    // Entries spread over the whole register (each case gathers its request entry).
    const entries = Array.from({ length: 200 }, (_, k) => uuid(6, (k * 7919) % CASES));
    const forEntry = entries.map((e) => time(() => casesForEntry({ db, clock }, e)));
    const gathered = casesForEntry({ db, clock }, entries[0]!).length;
    const sample = myDesk();
    db.$client.close();
    const row = (name: string, samples: number[], p: number, target = 200): BenchRow => {
      const v = percentile(samples, p);
      return { name, value: v, unit: 'ms', target: `≤ ${target} ms`, pass: v <= target };
    };
    return [
      { name: `generazione di ${CASES.toLocaleString('it-IT')} pratiche (+ eventi)`, value: genSeconds, unit: 's', target: 'informativo', pass: true },
      { name: "La mia scrivania: pratiche aperte dell'utente", value: sample.counts.open, unit: 'pratiche', target: 'informativo', pass: true },
      row('La mia scrivania p50', desk, 50),
      row('La mia scrivania p95', desk, 95),
      row('Indicatori 2025 p50', ind, 50),
      row('Indicatori 2025 p95', ind, 95),
      { name: 'Tutte le pratiche, prima pagina p50', value: percentile(all, 50), unit: 'ms', target: 'informativo', pass: true },
      row(`Pratiche di una registrazione (cases.forEntry, ${gathered} trovata) p50`, forEntry, 50, 20),
      row('Pratiche di una registrazione (cases.forEntry) p95', forEntry, 95, 20),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(machineLine());
  printTable('Pratiche sul desk: 100.000 pratiche', await run());
}
