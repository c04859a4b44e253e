import { describe, expect, it } from 'vitest';
import { AppError, type SyncStatus } from '../../../src/shared/contract';
import { CLOCK_SKEW_WARNING_MS, clockSkewMessage, clockSkewOf, formatDuration, isClockSkewed, pendingAgeLabel } from '../../../src/shared/domain/sync-health';
import { REDACTED, redactSecrets } from '../../../src/main/core/modules/system/redact-secrets';
import { SyncLog } from '../../../src/main/core/modules/system/sync-log';
import { describePayload, mutationTitle, targetOf } from '../../../src/main/core/modules/review/describe';

const status: SyncStatus = { online: true, pendingCount: 2, oldestPendingAt: null, lastSyncAt: null, lastError: null, rejectedCount: 0, cursor: 7 };

describe('age of the oldest pending change', () => {
  const now = new Date('2026-03-10T10:00:00Z');
  it.each([
    ['2026-03-10T09:59:30Z', 'in attesa da meno di un minuto'],
    ['2026-03-10T09:48:00Z', 'in attesa da 12 min'],
    ['2026-03-10T07:55:00Z', 'in attesa da 2 h 5 min'],
    ['2026-03-10T07:00:00Z', 'in attesa da 3 h'],
    ['2026-03-09T09:00:00Z', 'in attesa da 1 giorno'],
    ['2026-03-03T10:00:00Z', 'in attesa da 7 giorni'],
  ])('%s → %s', (oldest, label) => {
    expect(pendingAgeLabel(oldest, now)).toBe(label);
  });
  it('is absent when nothing is pending or the time is unreadable', () => {
    expect(pendingAgeLabel(null, now)).toBeNull();
    expect(pendingAgeLabel('ieri', now)).toBeNull();
  });
  it('never shows a negative age for a change stamped in the future', () => {
    expect(formatDuration(-5000)).toBe('meno di un minuto');
  });
});

describe('clock skew', () => {
  it('estimates the server time at the middle of the round trip', () => {
    const server = Date.parse('2026-03-10T10:00:00Z');
    expect(clockSkewOf(server + 600_000 - 100, server + 600_000 + 100, new Date(server).toISOString())).toBe(600_000);
    expect(clockSkewOf(server - 1000, server + 1000, new Date(server).toISOString())).toBe(0);
    expect(clockSkewOf(0, 0, 'non una data')).toBeNull();
  });
  it('warns only beyond two minutes, both ways', () => {
    expect(isClockSkewed(CLOCK_SKEW_WARNING_MS)).toBe(false);
    expect(isClockSkewed(CLOCK_SKEW_WARNING_MS + 1)).toBe(true);
    expect(isClockSkewed(-36 * 3_600_000)).toBe(true);
    expect(isClockSkewed(null)).toBe(false);
    expect(isClockSkewed(undefined)).toBe(false);
  });
  it('says which way and by how much', () => {
    expect(clockSkewMessage(36 * 3_600_000)).toContain('avanti di 1 giorno');
    expect(clockSkewMessage(-5 * 60_000)).toContain('indietro di 5 min');
  });
});

describe('redaction of the diagnostic bundle', () => {
  it('replaces passwords, tokens, secrets and verifiers at any depth, keeps the payload', () => {
    const out = redactSecrets({
      oggetto: 'Richiesta di patrocinio',
      password: 'segreta',
      nested: [{ accessToken: 'abc', refresh_token: 'def', passwordVerifier: 'x', enrollmentCode: 'K7Q2' }],
      header: 'Bearer eyJhbGciOi',
      documents: [{ fileName: 'a.pdf', base64: 'QUJD' }],
    });
    expect(out).toEqual({
      oggetto: 'Richiesta di patrocinio',
      password: REDACTED,
      nested: [{ accessToken: REDACTED, refresh_token: REDACTED, passwordVerifier: REDACTED, enrollmentCode: REDACTED }],
      header: REDACTED,
      documents: [{ fileName: 'a.pdf', base64: '[4 caratteri omessi]' }],
    });
    expect(JSON.stringify(out)).not.toMatch(/segreta|abc|def|K7Q2|eyJ/);
  });
});

describe('sync log ring buffer', () => {
  it('keeps the last N events in order and numbers rounds', () => {
    let t = Date.parse('2026-03-10T10:00:00Z');
    const log = new SyncLog(() => new Date(t), 3);
    log.record({ kind: 'push', pushed: 1 });
    log.endRound(status);
    for (let i = 2; i <= 4; i++) {
      t += 1000;
      log.record({ kind: 'pull', pulled: i });
    }
    const list = log.list();
    expect(list.map((e) => e.pulled)).toEqual([2, 3, 4]);
    expect(list.every((e) => e.round === 2)).toBe(true);
    expect(list[2]!.at).toBe('2026-03-10T10:00:03.000Z');
  });
  it('decorates the status with the observed skew and a VERSION_SKEW refusal', () => {
    const t = Date.parse('2026-03-10T10:00:00Z');
    const log = new SyncLog(() => new Date(t));
    expect(log.decorate(status)).toMatchObject({ clockSkewMs: null, upgradeRequired: false });
    log.observeServerTime(t, t, '2026-03-10T09:55:00Z');
    log.noteError(new AppError('VERSION_SKEW'));
    expect(log.decorate(status)).toMatchObject({ clockSkewMs: 300_000, upgradeRequired: true });
    log.noteSuccess();
    expect(log.decorate({ ...status, upgradeRequired: true }).upgradeRequired).toBe(true);
    expect(log.decorate(status).upgradeRequired).toBe(false);
  });
});

describe('readable refused mutations', () => {
  const lookup = { contactName: (id: string) => (id === '01900000-0000-7000-8000-000000000009' ? 'Edilnord S.r.l.' : null) };
  it('shows a registration by oggetto, direction and correspondents, without ids', () => {
    const lines = describePayload(
      'protocol.register',
      {
        id: '01900000-0000-7000-8000-000000000001',
        direction: 'entrata',
        means: 'pec',
        oggetto: 'Richiesta contributo',
        correspondents: [{ contactId: '01900000-0000-7000-8000-000000000009' }, { newContact: { kind: 'persona', name: 'Rossi Mario' } }],
        primaryDocument: { fileName: 'lettera.pdf', sha256: 'a'.repeat(64) },
      },
      lookup,
    );
    expect(lines.slice(0, 4)).toEqual([
      { label: 'Oggetto', value: 'Richiesta contributo' },
      { label: 'Direzione', value: 'In entrata' },
      { label: 'Corrispondenti', value: 'Edilnord S.r.l.; Rossi Mario (nuovo contatto)' },
      { label: 'Mezzo', value: 'PEC' },
    ]);
    expect(lines).toContainEqual({ label: 'Documento principale', value: 'lettera.pdf' });
    expect(lines.some((l) => l.value.includes('01900000-0000-7000-8000-000000000001'))).toBe(false);
  });
  it('names mutations in Italian and finds the row they touched', () => {
    expect(mutationTitle('protocol.annul')).toBe('Annullamento di una registrazione');
    expect(mutationTitle('agenda.move')).toBe('Operazione agenda.move');
    expect(targetOf('protocol.update', { id: 'x' })).toEqual({ table: 'protocol_entries', key: 'x' });
    expect(targetOf('directory.update', { id: 'c' })).toEqual({ table: 'contacts', key: 'c' });
    expect(targetOf('titolario.upsert', { code: 'I.1' })).toEqual({ table: 'titolario', key: 'I.1' });
    expect(targetOf('protocol.register', {})).toBeNull();
  });
});
