import { describe, expect, it } from 'vitest';
import { entryNumberLabel, fileSizeLabel, fingerprintLabel, historyValueLabel, dateTimeLabel } from '../../../src/renderer/lib/format';
import { parseRoute, routeHref } from '../../../src/renderer/lib/route';
import { filterTitolario } from '../../../src/renderer/features/protocol/ClassificationPicker';

describe('formatting', () => {
  it('shows the number with seven digits (art. 57) or the emergency pending mark', () => {
    expect(entryNumberLabel({ year: 2026, number: 42 })).toBe('2026/0000042');
    expect(entryNumberLabel({ year: 2026, number: null })).toBe('2026/in attesa di numero');
    expect(entryNumberLabel({ year: 2026, number: null, emergency: { emergencyNumber: 'E/2026/POST01/0000003' } })).toBe('E/2026/POST01/0000003');
    expect(entryNumberLabel({ year: 2026, number: 7, emergency: { emergencyNumber: 'E/2026/POST01/0000003' } })).toBe('2026/0000007');
  });

  it('formats sizes in Italian', () => {
    expect(fileSizeLabel(820)).toBe('820 byte');
    expect(fileSizeLabel(1536)).toBe('1,5 KB');
    expect(fileSizeLabel(5 * 1024 * 1024)).toBe('5 MB');
  });

  it('groups a SHA-256 by 8 characters', () => {
    const sha = 'a'.repeat(8) + 'b'.repeat(56);
    const label = fingerprintLabel(sha);
    expect(label.split(' ')).toHaveLength(8);
    expect(label.replaceAll(' ', '')).toBe(sha);
  });

  it('prints Rome time, also across daylight saving', () => {
    expect(dateTimeLabel('2026-01-01T00:30:00Z')).toBe('01/01/2026 01:30');
    expect(dateTimeLabel('2026-07-01T10:00:00Z')).toBe('01/07/2026 12:00');
    expect(dateTimeLabel(null)).toBe('—');
  });

  it('renders history values readably', () => {
    expect(historyValueLabel(null)).toBe('—');
    expect(historyValueLabel('I.13')).toBe('I.13');
    expect(historyValueLabel([{ assigneeName: 'Ufficio Segreteria', kind: 'competenza' }])).toBe('Ufficio Segreteria (competenza)');
  });
});

describe('routes', () => {
  it('parses and builds hash routes', () => {
    expect(parseRoute('')).toEqual({ screen: 'registra' });
    expect(parseRoute('#/registro')).toEqual({ screen: 'registro' });
    expect(parseRoute('#/registro/abc')).toEqual({ screen: 'dettaglio', id: 'abc' });
    expect(parseRoute('#/amministrazione/titolario')).toEqual({ screen: 'amministrazione', tab: 'titolario' });
    expect(parseRoute('#/amministrazione/boh')).toEqual({ screen: 'amministrazione', tab: 'utenti' });
    expect(parseRoute('#/sconosciuta')).toEqual({ screen: 'registra' });
    expect(parseRoute(routeHref({ screen: 'dettaglio', id: 'x/y' }))).toEqual({ screen: 'dettaglio', id: 'x/y' });
  });
});

describe('titolario filter', () => {
  const nodes = [
    { code: 'I', title: 'Amministrazione generale', parentCode: null, active: true, version: 1 },
    { code: 'I.13', title: 'Cerimoniale, attività di rappresentanza', parentCode: 'I', active: true, version: 1 },
    { code: 'II.1', title: 'Sindaco', parentCode: 'II', active: true, version: 1 },
    { code: 'II.9', title: 'Segretario e Vice-segretario', parentCode: 'II', active: false, version: 1 },
  ];
  it('finds by code prefix or by words, skipping inactive classes', () => {
    expect(filterTitolario(nodes, 'I.1').map((n) => n.code)).toEqual(['I.13']);
    expect(filterTitolario(nodes, 'sindaco').map((n) => n.code)).toEqual(['II.1']);
    expect(filterTitolario(nodes, 'segretario')).toEqual([]);
    expect(filterTitolario(nodes, '')).toHaveLength(3);
  });
});
