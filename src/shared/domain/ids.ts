/**
 * UUIDv7 (RFC 9562): time-ordered ids generated on the client, so rows exist locally before the
 * server has them and sort by creation. Uses Web Crypto, available in Node, Electron and browsers.
 */
let lastMs = 0;
let counter = 0;

export function uuidv7(now: number = Date.now()): string {
  // A 12-bit counter in rand_a keeps ids from one process monotonic within a millisecond.
  if (now <= lastMs) {
    counter = (counter + 1) & 0xfff;
    if (counter === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    counter = 0;
  }
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** 32-bit FNV-1a with a seed, finished with a murmur-style avalanche so close inputs spread. */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

const UUID_TIME = /^([0-9a-f]{8})-([0-9a-f]{4})-/i;

/**
 * A valid UUID (version 8, RFC 9562 "custom") that is a pure function of the mutation and an
 * index: the desk's optimistic rows and the server's authoritative ones get the same ids. The
 * first 48 bits are copied from a UUIDv7 mutation id, so derived ids still sort by time.
 */
export function derivedId(mutationId: string, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 0xfff) throw new RangeError(`Indice non valido: ${index}`);
  const key = `${mutationId.toLowerCase()}#${index}`;
  const m = UUID_TIME.exec(mutationId);
  const time = m ? `${m[1]}${m[2]}`.toLowerCase() : hash32(key, 7).toString(16).padStart(8, '0') + hash32(key, 8).toString(16).padStart(8, '0').slice(0, 4);
  const rand = [1, 2, 3].map((seed) => hash32(key, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(rand[3]!, 16) & 0x3) | 0x8).toString(16);
  // The index sits right after the time, so the rows of one action sort in the order it made them
  // (timeline events of one mutation share their time).
  const hex = `${time}8${index.toString(16).padStart(3, '0')}${variant}${rand.slice(4, 19)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
