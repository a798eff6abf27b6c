/**
 * Browser glue for the stats card (lib/marketplace/stats-card.ts): draw it on a canvas, turn it
 * into a PNG, and save a file through the browser's download of an <a download> link.
 */
import { drawStatsCard, LISTING_IMAGE, type StatsCardData } from '@/lib/marketplace/stats-card';

const { width: WIDTH, height: HEIGHT } = LISTING_IMAGE;

/** The stats card as a 700 × 467 PNG: on an OffscreenCanvas where there is one, else a detached <canvas>. */
export async function statsCardPng(data: StatsCardData): Promise<Blob> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(WIDTH, HEIGHT);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      drawStatsCard(ctx, data, LISTING_IMAGE);
      return canvas.convertToBlob({ type: 'image/png' });
    }
  }
  if (typeof document === 'undefined') throw new Error('The stats card cannot be drawn here: there is no canvas.');
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('The stats card cannot be drawn: this browser gave no 2D canvas.');
  drawStatsCard(ctx, data, LISTING_IMAGE);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The stats card could not be turned into a PNG.'))), 'image/png');
  });
}

/** The stats card as a `data:image/png;base64,…` address. */
export async function statsCardDataUrl(data: StatsCardData): Promise<string> {
  const blob = await statsCardPng(data);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // btoa takes a "binary string"; build it in chunks so a large image does not overflow the call stack.
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return `data:image/png;base64,${btoa(binary)}`;
}

/** How long the object URL lives after the click: the browser reads it when the download starts. */
const REVOKE_AFTER_MS = 60_000;

/** Save a blob as a file: an object URL on a detached-then-clicked <a download>, revoked a minute later. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  // No folders in a download name; the browser cleans the rest.
  a.download = (typeof fileName === 'string' ? fileName.replace(/[\\/]/g, '-').trim() : '') || 'download';
  a.rel = 'noopener';
  a.style.display = 'none';
  (document.body ?? document.documentElement).append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
