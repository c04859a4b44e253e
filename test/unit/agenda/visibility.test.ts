import { describe, expect, it } from 'vitest';
import { buildIcs, icsEventsForSeries } from '../../../src/shared/domain/agenda/ics';
import { isPublic, publicFields, redactForViewer, type VisibleFields } from '../../../src/shared/domain/agenda/visibility';

interface Engagement extends VisibleFields {
  id: string;
  start: string;
  end: string;
}

const privateVisit: Engagement = {
  id: 'p1',
  start: '2025-05-12T18:00',
  end: '2025-05-12T19:00',
  title: 'Visita medica',
  visibility: 'privato',
  notes: 'Portare referti',
  place: 'Studio dott. Rossi, via Roma 3',
  counterpart: 'Dott. Rossi',
  participants: [{ name: 'Sindaco' }],
  staffContact: 'Bianchi, 333 1234567',
};

const ceremony: Engagement = {
  id: 'c1',
  start: '2025-04-25T10:00',
  end: '2025-04-25T12:00',
  title: 'Festa della Liberazione',
  visibility: 'pubblico',
  notes: 'Scorta: due agenti; corona ordinata presso fioraio Verdi',
  place: 'Monumento ai caduti',
  counterpart: 'ANPI sezione locale',
  participants: [{ name: 'Sindaco' }, { name: 'Mario Neri', role: 'autista' }],
  staffContact: 'Gialli, 333 7654321',
};

describe('visibility of engagements', () => {
  it('shows a private engagement to a user without permission as "Occupato" only, keeping its time', () => {
    const seen = redactForViewer(privateVisit, { canSeePrivate: false });
    expect(seen).toEqual({
      ...privateVisit,
      title: 'Occupato',
      notes: null,
      place: null,
      counterpart: null,
      participants: [],
      staffContact: null,
    });
    expect(JSON.stringify(seen)).not.toMatch(/Rossi|referti|Bianchi|Sindaco/);
  });

  it('shows everything to a user with permission and never redacts internal or public items', () => {
    expect(redactForViewer(privateVisit, { canSeePrivate: true })).toEqual(privateVisit);
    const internal = { ...ceremony, visibility: 'interno' as const };
    expect(redactForViewer(internal, { canSeePrivate: false })).toEqual(internal);
  });

  it('gives the public agenda only public items, with title, place and counterpart', () => {
    expect(isPublic(ceremony)).toBe(true);
    expect(isPublic(privateVisit)).toBe(false);
    expect(isPublic({ visibility: 'interno' })).toBe(false);
    expect(publicFields(privateVisit)).toBeNull();
    expect(publicFields({ ...ceremony, visibility: 'interno' })).toBeNull();
    expect(publicFields(ceremony)).toEqual({ title: 'Festa della Liberazione', place: 'Monumento ai caduti', counterpart: 'ANPI sezione locale' });
  });

  it('builds a public ICS export with no private detail, notes, staff or participants', () => {
    const events = [privateVisit, ceremony].flatMap((e) => {
      const pub = publicFields(e);
      if (!pub) return [];
      const master = { id: e.id, start: e.start, end: e.end, rrule: null, exdates: [] };
      return icsEventsForSeries(master, [], { title: pub.title, location: pub.place, description: pub.counterpart, updatedAt: '2025-04-01T08:00:00Z' });
    });
    const ics = buildIcs(events, { calendarName: 'Agenda pubblica del Sindaco', now: '2025-04-20T10:00:00Z' });
    expect(ics).toContain('SUMMARY:Festa della Liberazione');
    expect(ics).toContain('LOCATION:Monumento ai caduti');
    for (const secret of ['Visita medica', 'Rossi', 'referti', 'Bianchi', 'Gialli', 'Scorta', 'fioraio', 'Neri', 'autista', 'p1@gonfalone']) {
      expect(ics).not.toContain(secret);
    }
  });
});
