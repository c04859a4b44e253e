// Writes build/icon.png (512×512 RGBA): a white gonfalone (a banner with a swallow-tailed
// hem) with a gold crossbar on the blue of Bootstrap Italia. Plain zlib, no image library:
// `node build/make-icon.mjs` regenerates the committed file byte for byte.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const blue = [0x00, 0x66, 0xcc, 255];
const white = [255, 255, 255, 255];
const gold = [0xf2, 0xb7, 0x05, 255];
const clear = [0, 0, 0, 0];

function inRoundedSquare(x, y) {
  const r = 96;
  const cx = Math.min(Math.max(x, r), SIZE - 1 - r);
  const cy = Math.min(Math.max(y, r), SIZE - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function colourAt(x, y) {
  if (!inRoundedSquare(x, y)) return clear;
  if (y >= 92 && y < 116 && x >= 120 && x < 392) return gold; // the crossbar
  if (x >= 150 && x < 362 && y >= 116 && y < 420) {
    // Swallow-tail hem: a V cut rising from the bottom edge to 60 px above it.
    const depth = 60 - Math.abs(x - 256) * (60 / 106);
    if (y > 420 - depth) return blue;
    return white;
  }
  if (x >= 248 && x < 264 && y >= 60 && y < 92) return gold; // the finial
  return blue;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) Buffer.from(colourAt(x, y)).copy(raw, y * (SIZE * 4 + 1) + 1 + x * 4);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`${out}: ${png.length} byte`);
