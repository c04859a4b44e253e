import { describe, expect, it } from 'vitest';
import { AppError, contract, isProcedureName, parseInput, registerInput, searchInput, toErrorEnvelope, httpStatusOf } from '../../../src/shared/contract';
import { isAllowed } from '../../../src/shared/domain/permissions';

describe('the RPC contract', () => {
  it('names every procedure domain.verb and includes the issue surface', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    for (const name of ['setup.initialize', 'auth.login', 'protocol.register', 'protocol.get', 'protocol.search', 'protocol.update', 'protocol.requestAnnulment', 'protocol.annul', 'protocol.dailyRegister', 'directory.search', 'directory.create']) {
      expect(isProcedureName(name)).toBe(true);
    }
    expect(isProcedureName('constructor')).toBe(false);
    expect(isProcedureName('protocol.delete')).toBe(false);
  });

  it('turns invalid input into an Italian VALIDATION envelope naming the field', () => {
    try {
      parseInput(registerInput, { direction: 'entrata', oggetto: '', correspondents: [] });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      const env = (err as AppError).toEnvelope();
      expect(env.code).toBe('VALIDATION');
      expect(env.message).toMatch(/oggetto|correspondents/);
      expect(httpStatusOf[env.code]).toBe(400);
    }
  });

  it('refuses impossible dates and overlong fields', () => {
    const base = { direction: 'entrata', oggetto: 'Richiesta', correspondents: [{ contactId: '0190a0b0-0000-7000-8000-000000000000' }] };
    expect(() => parseInput(registerInput, { ...base, receivedDocDate: '2025-02-30' })).toThrow(/Data inesistente/);
    expect(() => parseInput(registerInput, { ...base, oggetto: 'x'.repeat(1001) })).toThrow(/1000/);
    expect(parseInput(registerInput, base).paperAttachments).toEqual({ count: 0, description: '' });
  });

  it('allows only one sender on an incoming entry', () => {
    const two = [{ contactId: '0190a0b0-0000-7000-8000-000000000000' }, { contactId: '0190a0b0-0000-7000-8000-000000000001' }];
    expect(() => parseInput(registerInput, { direction: 'entrata', oggetto: 'x', correspondents: two })).toThrow(/un solo mittente/);
    expect(parseInput(registerInput, { direction: 'uscita', oggetto: 'x', correspondents: two }).correspondents).toHaveLength(2);
  });

  it('keeps search defaults and bounds', () => {
    expect(parseInput(searchInput, {})).toMatchObject({ text: '', limit: 100 });
    expect(() => parseInput(searchInput, { limit: 100000 })).toThrow(AppError);
  });

  it('never leaks internal errors', () => {
    expect(toErrorEnvelope(new Error('SQLITE_CORRUPT at /secret/path'))).toEqual({ code: 'INTERNAL', message: expect.not.stringContaining('secret') });
  });
});

describe('the permission table', () => {
  it('lets only the responsabile execute an annulment, any clerk request it (art. 54)', () => {
    expect(isAllowed('protocol.annul', ['responsabile'])).toBe(true);
    expect(isAllowed('protocol.annul', ['protocollista'])).toBe(false);
    expect(isAllowed('protocol.annul', ['amministratore'])).toBe(false);
    expect(isAllowed('protocol.requestAnnulment', ['protocollista'])).toBe(true);
  });

  it('keeps the ceremonial office out of the register and users to administrators', () => {
    expect(isAllowed('protocol.register', ['cerimoniale'])).toBe(false);
    expect(isAllowed('users.create', ['responsabile'])).toBe(false);
    expect(isAllowed('users.create', ['amministratore'])).toBe(true);
  });
});
