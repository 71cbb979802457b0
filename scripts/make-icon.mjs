#!/usr/bin/env node
// The app icon, drawn with plain Node (no image tool on these machines): a rounded square in
// Veza Desk's blue with a white "V" and a key's ring at its foot. electron-builder makes the
// macOS .icns, the Windows .ico and Linux's sizes from this one 1024 x 1024 PNG.
//
//   node scripts/make-icon.mjs            writes build/icon.png
//
// The picture is a pure function of the size; test/unit/build/icon.test.ts redraws it and
// compares the pixels with build/icon.png, so the committed file is always this drawing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const iconSize = 1024;
export const iconFile = fileURLToPath(new URL('../build/icon.png', import.meta.url));

const top = [0x2f, 0x6b, 0xe0];
const bottom = [0x1a, 0x3f, 0x9a];

/** Distance from (px, py) to the segment (ax, ay)-(bx, by). */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Signed distance to a rounded square centred in the unit square (negative inside). */
function roundedSquare(x, y, half, radius) {
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** The colour at (x, y) in unit coordinates: [r, g, b, a], 0..255 (a 0..1). */
function shade(x, y) {
  // macOS's grid: the body is 824 of 1024 pixels, corners about 22 % of it.
  if (roundedSquare(x, y, 0.4023, 0.18) > 0) return [0, 0, 0, 0];
  const t = (y - 0.0977) / 0.8046;
  const base = top.map((value, i) => value + (bottom[i] - value) * t);
  const stroke = 0.052;
  const v = Math.min(
    segmentDistance(x, y, 0.3, 0.27, 0.5, 0.66),
    segmentDistance(x, y, 0.7, 0.27, 0.5, 0.66),
  );
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.735) - 0.05);
  if (v < stroke || ring < 0.022) return [255, 255, 255, 1];
  return [...base, 1];
}

/** RGBA pixels, row by row, 4 x 4 samples a pixel (so edges are smooth). */
export function drawIcon(size = iconSize) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const [cr, cg, cb, ca] = shade(
            (column + (sx + 0.5) / samples) / size,
            (row + (sy + 0.5) / samples) / size,
          );
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const at = (row * size + column) * 4;
      const n = samples * samples;
      pixels[at] = a === 0 ? 0 : Math.round(r / a);
      pixels[at + 1] = a === 0 ? 0 : Math.round(g / a);
      pixels[at + 2] = a === 0 ? 0 : Math.round(b / a);
      pixels[at + 3] = Math.round((a / n) * 255);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG (8-bit RGBA, no filter) of square RGBA pixels. */
export function encodePng(pixels, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row += 1) {
    pixels.copy(rows, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(iconFile, encodePng(drawIcon(iconSize), iconSize));
  console.log(`wrote ${path.relative(process.cwd(), iconFile)} (${iconSize} x ${iconSize})`);
}
