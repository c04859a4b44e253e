import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/domain/ids';

describe('UUIDv7', () => {
  it('has version 7 and the RFC 9562 variant', () => {
    const id = uuidv7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is monotonic within the same millisecond and across a clock step back', () => {
    const ids = [uuidv7(1_800_000_000_000), uuidv7(1_800_000_000_000), uuidv7(1_799_999_999_000), uuidv7(1_800_000_000_001)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('encodes the timestamp in the first 48 bits', () => {
    const id = uuidv7(1_800_000_000_123);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(1_800_000_000_123);
  });
});
