import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, root, startWebDesk } from '../test/e2e/harness';
import type { AgendaPersonDto, LoginResult, SyncStatus } from '../src/shared/contract';
import type { Desk } from '../src/main/core/desk';
import { machineLine, percentile, printTable, type BenchRow } from './lib';

/**
 * The agenda in Chromium (issue 5): a year of 5,000 engagements and 10 rooms on a desk, written
 * through the desk core (agenda.create, the one write path), then the web desk opened in Debian's
 * Chromium with the harness's flags. Measured in the page: from the click on "Successivo" or
 * "Precedente" until the new window's occurrences are in the calendar and a frame has been
 * painted, in the week and in the month view. Target p95 ≤ 300 ms.
 */
const EVENTS = Number(process.env.BENCH_AGENDA_EVENTS ?? 5_000);
const ROOMS = 10;
// Steps stay inside the seeded year, so every window measured is a full one.
const WEEK_STEPS = Number(process.env.BENCH_AGENDA_STEPS ?? 24);
const MONTH_STEPS = 10;
const password = 'Gonfalone2026!';
const kinds = ['appuntamento', 'giunta', 'udienza', 'evento_pubblico', 'visita_delegazione', 'cerimonia', 'missione', 'impegno_privato'] as const;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const two = (n: number) => String(n).padStart(2, '0');

async function call<T>(desk: Desk, name: string, input: unknown, token?: string): Promise<T> {
  return (await desk.call(name, input, token ? { token } : {})) as T;
}

/** 5,000 one-hour engagements over the year from this week's Monday, 8:00–21:00, a third in a room. */
async function seed(desk: Desk, firstDay: string): Promise<void> {
  await call(desk, 'setup.initialize', {
    administration: { name: 'Comune di Roccabella', ipaCode: 'c_r999' },
    aoo: { code: 'SEGR', name: 'Segreteria del Sindaco' },
    registerCode: 'PG',
    admin: { username: 'admin', fullName: 'Laura Bianchi', password },
  });
  const admin = await call<LoginResult>(desk, 'auth.login', { username: 'admin', password });
  await call(desk, 'users.create', { username: 'sbruni', fullName: 'Sara Bruni', password, roles: ['segreteria'] }, admin.token);
  const { token } = await call<LoginResult>(desk, 'auth.login', { username: 'sbruni', password });
  let people: AgendaPersonDto[] = [];
  for (let i = 0; i < 100 && !people.some((p) => p.role === 'sindaco'); i++) {
    await call(desk, 'sync.now', {}, token);
    people = await call<AgendaPersonDto[]>(desk, 'agenda.people', {}, token);
  }
  const sindaco = people.find((p) => p.role === 'sindaco');
  const assessore = await call<AgendaPersonDto>(desk, 'agenda.upsertPerson', { name: 'Elena Conti', role: 'assessore', title: 'Assessore alla Cultura' }, token);
  const rooms: string[] = [];
  for (let r = 0; r < ROOMS; r++) rooms.push((await call<{ id: string }>(desk, 'agenda.upsertRoom', { name: `Sala ${r + 1}`, capacity: 20 + r * 10 }, token)).id);
  const perDay = 14;
  for (let i = 0; i < EVENTS; i++) {
    const day = addDays(firstDay, Math.floor(i / perDay) % 365);
    const hour = 8 + (i % perDay);
    const kind = kinds[i % kinds.length]!;
    await call(desk, 'agenda.create', {
      kind,
      title: `${kind === 'giunta' ? 'Giunta' : 'Incontro'} n. ${i + 1}`,
      start: `${day}T${two(hour)}:00`,
      end: `${day}T${two(hour)}:50`,
      agendaOf: i % 2 ? (sindaco?.id ?? null) : assessore.id,
      roomId: i % 3 === 0 ? rooms[i % ROOMS] : null,
    }, token);
  }
  // Let the outbox drain: the measure is the calendar's, not the sync's.
  for (let i = 0; i < 600; i++) {
    const s = await call<SyncStatus>(desk, 'sync.now', {}, token);
    if (s.pendingCount === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * One navigation, timed inside the page: click → new window loaded → next frame painted. Kept as
 * plain text: tsx would wrap a function's inner names with a helper the page does not have.
 */
const stepScript = `(async (label) => {
  const el = document.querySelector('.g-agenda-cal');
  const btn = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label);
  if (!el || !btn) throw new Error('Agenda non pronta');
  const before = el.dataset.range;
  const done = () => el.dataset.range !== before && !!el.dataset.range && el.dataset.range === el.dataset.loaded;
  const t0 = performance.now();
  btn.click();
  await new Promise((resolve) => {
    if (done()) return resolve();
    const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); resolve(); } });
    obs.observe(el, { attributes: true, attributeFilter: ['data-range', 'data-loaded'] });
  });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
})`;

async function step(page: Page, button: 'Successivo ›' | '‹ Precedente'): Promise<number> {
  return page.evaluate<number>(`${stepScript}(${JSON.stringify(button)})`);
}

async function measure(page: Page, view: 'Settimana' | 'Mese', steps: number): Promise<number[]> {
  await page.getByRole('group', { name: 'Vista' }).getByRole('button', { name: view, exact: true }).click();
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLElement>('.g-agenda-cal');
    return !!el && !!el.dataset.range && el.dataset.range === el.dataset.loaded;
  });
  const samples: number[] = [];
  // Forward through the year, then back: each window is new on the way out, cached on the way back.
  for (let i = 0; i < steps; i++) samples.push(await step(page, 'Successivo ›'));
  for (let i = 0; i < steps; i++) samples.push(await step(page, '‹ Precedente'));
  return samples.slice(2);
}

export async function run(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) throw new Error('Manca dist/renderer: esegui prima `npm run build:renderer`.');
  // BENCH_AGENDA_DIR keeps the seeded desk between runs (seeding takes minutes: every engagement
  // goes through agenda.create and is pushed to the register server).
  const keep = process.env.BENCH_AGENDA_DIR;
  const reuse = !!keep && fs.existsSync(path.join(keep, 'seeded'));
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const web = await startWebDesk(keep ? { dataDir: keep } : {});
  const browser = await launchBrowser();
  try {
    const embedded = web.embedded;
    if (!embedded) throw new Error('La scrivania non è partita');
    const today = new Date().toISOString().slice(0, 10);
    const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
    const t0 = performance.now();
    if (!reuse) await seed(embedded.desk, monday);
    if (keep) fs.writeFileSync(path.join(keep, 'seeded'), monday);
    const seedSeconds = (performance.now() - t0) / 1000;

    const { page } = browser;
    page.setDefaultTimeout(30_000);
    await page.goto(`${web.url}/#/agenda`);
    await page.getByLabel('Nome utente').fill('sbruni');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.locator('.g-agenda-cal .fc-event').first().waitFor();
    const events = await page.locator('.g-agenda-cal .fc-event').count();

    // The desk's own share: agenda.range for a week and for a month grid (6 weeks), no browser.
    const token = await page.evaluate(() => sessionStorage.getItem('gonfalone.token'));
    const rangeTimes = async (days: number): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < 20; i++) {
        const from = addDays(monday, 7 * i);
        const s0 = performance.now();
        await call(embedded.desk, 'agenda.range', { from: `${from}T00:00`, to: `${addDays(from, days)}T00:00` }, token ?? undefined);
        out.push(performance.now() - s0);
      }
      return out;
    };
    const deskWeek = await rangeTimes(7);
    const deskMonth = await rangeTimes(42);

    const week = await measure(page, 'Settimana', WEEK_STEPS);
    const month = await measure(page, 'Mese', MONTH_STEPS);
    if (process.env.BENCH_AGENDA_SAMPLES) console.log({ week: week.map(Math.round), month: month.map(Math.round) });
    const row = (name: string, samples: number[], p: number): BenchRow => {
      const value = percentile(samples, p);
      return { name: `${name} p${p}`, value, unit: 'ms', target: p === 95 ? '≤ 300 ms' : 'informativo', pass: p !== 95 || value <= 300 };
    };
    return [
      { name: reuse ? `semina riusata (${keep})` : `semina ${EVENTS} impegni e ${ROOMS} sale (agenda.create)`, value: seedSeconds, unit: 's', target: 'informativo', pass: true },
      { name: 'impegni disegnati nella settimana corrente', value: events, unit: '', target: 'informativo', pass: true },
      { name: 'agenda.range sul desk, settimana p50', value: percentile(deskWeek, 50), unit: 'ms', target: 'informativo', pass: true },
      { name: 'agenda.range sul desk, 6 settimane p50', value: percentile(deskMonth, 50), unit: 'ms', target: 'informativo', pass: true },
      row('settimana successiva/precedente', week, 50),
      row('settimana successiva/precedente', week, 95),
      row('mese successivo/precedente', month, 50),
      row('mese successivo/precedente', month, 95),
    ];
  } finally {
    await browser.close();
    await web.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(machineLine());
  printTable('Agenda in Chromium: cambio di settimana e di mese (5.000 impegni, 10 sale)', await run());
}
