import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// build/icon.png is drawn by scripts/make-icon.mjs (plain Node, no image tool): the committed
// file must be exactly that drawing, so anyone can make it again.
const root = path.resolve(__dirname, '../../..');

interface IconScript {
  iconSize: number;
  drawIcon(size?: number): Buffer;
  encodePng(pixels: Buffer, size: number): Buffer;
}

const script = (await import(
  pathToFileURL(path.join(root, 'scripts/make-icon.mjs')).href
)) as IconScript;

/** The chunks of a PNG file, in order. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  const list: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    list.push({
      type: png.toString('ascii', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return list;
}

/** RGBA pixels of a PNG whose rows all use filter 0 (as make-icon.mjs writes them). */
function pixelsOf(png: Buffer): { size: number; pixels: Buffer } {
  const parts = chunks(png);
  const header = parts.find((part) => part.type === 'IHDR')?.data;
  if (!header) throw new Error('no IHDR');
  const size = header.readUInt32BE(0);
  expect(header.readUInt32BE(4)).toBe(size);
  expect([header[8], header[9]]).toEqual([8, 6]);
  const rows = inflateSync(
    Buffer.concat(parts.filter((part) => part.type === 'IDAT').map((part) => part.data)),
  );
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    const start = row * (size * 4 + 1);
    expect(rows[start]).toBe(0);
    rows.copy(pixels, row * size * 4, start + 1, start + 1 + size * 4);
  }
  return { size, pixels };
}

describe('the app icon', () => {
  it('is a 1024 x 1024 RGBA PNG, as electron-builder needs for .icns, .ico and Linux', async () => {
    const png = await readFile(path.join(root, 'build/icon.png'));
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(pixelsOf(png).size).toBe(1024);
    expect(chunks(png).map((part) => part.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('is exactly what scripts/make-icon.mjs draws (node scripts/make-icon.mjs)', async () => {
    const committed = pixelsOf(await readFile(path.join(root, 'build/icon.png')));
    const drawn = script.drawIcon(script.iconSize);
    expect(committed.size).toBe(script.iconSize);
    expect(committed.pixels.equals(drawn)).toBe(true);
    // And the encoder round-trips.
    expect(pixelsOf(script.encodePng(drawn, script.iconSize)).pixels.equals(drawn)).toBe(true);
  });

  it('has a transparent margin and an opaque body (macOS’s icon grid)', () => {
    const size = 64;
    const pixels = script.drawIcon(size);
    const alpha = (x: number, y: number) => pixels[(y * size + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(size - 1, size - 1)).toBe(0);
    expect(alpha(size / 2, size / 2)).toBe(255);
    expect(alpha(size / 2, 8)).toBe(255);
  });
});
