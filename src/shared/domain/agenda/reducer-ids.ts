/**
 * Ids of the rows a mutation creates besides the one the desk names (an override of one
 * occurrence, the new series of "questo e i successivi"). The desk applies the mutation
 * optimistically and the server applies it again: both must arrive at the SAME ids, so they are
 * derived from the mutation's id, never drawn at random.
 */

/** 32-bit FNV-1a of a string with a seed, then a final avalanche (murmur3 fmix32). */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
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

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * A valid UUID (version 7 layout) for the `index`-th row created by mutation `mutationId`.
 * The first 48 bits are the mutation's own (its UUIDv7 timestamp), so derived rows sort with the
 * time of the action; the other 74 bits come from a hash of mutation id and index.
 */
export function derivedId(mutationId: string, index: number): string {
  const key = `${mutationId.toLowerCase()}#${index}`;
  const digits = hex8(hash32(key, 1)) + hex8(hash32(key, 2)) + hex8(hash32(key, 3)) + hex8(hash32(key, 4));
  const own = mutationId.toLowerCase().replace(/-/g, '');
  const time = /^[0-9a-f]{12}/.test(own) ? own.slice(0, 12) : digits.slice(0, 12);
  const variant = ((parseInt(digits.charAt(16), 16) & 0x3) | 0x8).toString(16);
  const hex = `${time}7${digits.slice(13, 16)}${variant}${digits.slice(17, 32)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
