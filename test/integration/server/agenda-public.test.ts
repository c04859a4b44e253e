import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebHost } from '../../../src/main/web/host';
import { startTestServer, type TestServer } from './harness';
import { addRoom, agendaDesk, eventArgs, mayorOf, type EventResult } from './agenda-harness';

/**
 * The public agenda published without login: the ICS feed read back by a real iCalendar parser,
 * and the static page, both free of any private or internal detail.
 */

let t: TestServer;
const now = new Date('2031-04-01T08:00:00Z');
const secrets = ['Visita specialistica', 'Ospedale', 'Riunione di staff', 'nota interna', 'Autista Luca', 'riservato', 'Dott. Verdi'];

beforeAll(async () => {
  t = await startTestServer({ clock: () => now });
  const desk = await agendaDesk(t, 'segreteria');
  const mayor = await mayorOf(desk);
  const room = await addRoom(desk);
  const weekly = await desk.ok<EventResult>('agenda.create', eventArgs({ kind: 'evento_pubblico', title: 'Ricevimento dei cittadini', start: '2031-04-02T09:00', end: '2031-04-02T12:00', rrule: 'FREQ=WEEKLY;BYDAY=WE', agendaOf: mayor.id, roomId: room.id }));
  const id = weekly.event.id;
  await desk.ok('agenda.update', { id, recurrenceId: '2031-04-09T09:00', scope: 'solo_questo', changes: { start: '2031-04-09T15:00', end: '2031-04-09T18:00' } });
  await desk.ok('agenda.delete', { id, recurrenceId: '2031-04-16T09:00', scope: 'solo_questo' });
  await desk.ok('agenda.update', { id, recurrenceId: '2031-04-23T09:00', scope: 'solo_questo', changes: { visibility: 'privato', title: 'Ricevimento riservato' } });
  await desk.ok('agenda.create', eventArgs({ kind: 'impegno_privato', title: 'Visita specialistica', notes: 'Ospedale S. Anna', counterpart: 'Dott. Verdi', start: '2031-04-03T10:00', end: '2031-04-03T11:00' }));
  await desk.ok('agenda.create', eventArgs({ kind: 'appuntamento', title: 'Riunione di staff', start: '2031-04-04T10:00', end: '2031-04-04T11:00' }));
  await desk.ok('agenda.create', eventArgs({
    kind: 'evento_pubblico',
    title: 'Concerto <b>"Voci"</b> & coro',
    counterpart: 'Corale San Marco',
    address: 'Teatro Comunale',
    notes: 'nota interna: biglietti omaggio',
    staffContact: 'Autista Luca',
    start: '2031-04-05T21:00',
    end: '2031-04-05T23:00',
    agendaOf: mayor.id,
  }));
});

afterAll(async () => {
  await t?.close();
});

function vevents(ics: string): ICAL.Component[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  const vtz = root.getFirstSubcomponent('vtimezone');
  if (vtz) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return root.getAllSubcomponents('vevent');
}

describe('GET /public/agenda.ics', () => {
  it('publishes only public engagements, series with their exceptions, and no private detail', async () => {
    const res = await fetch(`${t.url}/public/agenda.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await res.text();
    for (const s of secrets) expect(ics).not.toContain(s);
    const events = vevents(ics);
    expect([...new Set(events.map((e) => String(e.getFirstPropertyValue('summary'))))].sort()).toEqual(['Concerto <b>"Voci"</b> & coro', 'Ricevimento dei cittadini']);

    const series = events.filter((e) => e.getFirstPropertyValue('summary') === 'Ricevimento dei cittadini');
    const master = series.find((e) => !e.hasProperty('recurrence-id'))!;
    const event = new ICAL.Event(master, { exceptions: series.filter((e) => e !== master) });
    expect(event.location).toBe('Sala Alessi');
    const it = event.iterator();
    const april: string[] = [];
    for (let next = it.next(); next && april.length < 4; next = it.next()) {
      april.push(event.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
    }
    // 2 April 09:00, 9 April moved to 15:00, 16 deleted, 23 private (left out), 30 April 09:00 CEST.
    expect(april).toEqual(['2031-04-02T07:00:00.000Z', '2031-04-09T13:00:00.000Z', '2031-04-30T07:00:00.000Z', '2031-05-07T07:00:00.000Z']);
    const concert = new ICAL.Event(events.find((e) => String(e.getFirstPropertyValue('summary')).startsWith('Concerto'))!);
    expect(concert.location).toBe('Teatro Comunale');
    expect(concert.description).toContain('Corale San Marco');
  });
});

describe('GET /public/agenda.html', () => {
  it('is a static Italian page by day, escaped, with no script, no external asset and no private detail', async () => {
    const res = await fetch(`${t.url}/public/agenda.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="it">/);
    expect(html).toContain('<h1>Agenda pubblica del Sindaco – Comune di Prova</h1>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
    for (const s of secrets) expect(html).not.toContain(s);
    expect(html).toContain('Concerto &lt;b&gt;&quot;Voci&quot;&lt;/b&gt; &amp; coro');
    expect(html).not.toContain('<b>"Voci"</b>');
    const days = [...html.matchAll(/<h2 id="g-([\d-]+)">([^<]+)<\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(days.slice(0, 4)).toEqual([
      ['2031-04-02', 'Mercoledì 2 aprile 2031'],
      ['2031-04-05', 'Sabato 5 aprile 2031'],
      ['2031-04-09', 'Mercoledì 9 aprile 2031'],
      ['2031-04-30', 'Mercoledì 30 aprile 2031'],
    ]);
    expect(html).toContain('<time datetime="2031-04-09T15:00">15:00</time>');
  });

  it('is proxied by the web host to its register server, without login', async () => {
    const host = await createWebHost({ desk: null, staticDir: '/nonexistent', registerUrl: t.url });
    try {
      const direct = await (await fetch(`${t.url}/public/agenda.ics`)).text();
      const ics = await host.inject({ method: 'GET', url: '/public/agenda.ics' });
      expect(ics.statusCode).toBe(200);
      expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
      expect(ics.body).toBe(direct);
      const html = await host.inject({ method: 'GET', url: '/public/agenda.html' });
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('<html lang="it">');
    } finally {
      await host.close();
    }
  });
});
