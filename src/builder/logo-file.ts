// A logo from the visitor's disk, made ready for the letter in the browser: checked (type, weight), an SVG
// sanitised, then drawn into a canvas and read back as a PNG of print size. The file is never sent.
import { sanitiseSvg } from '../logo/svg-sanitise.ts';
import { SvgError } from '../logo/svg-reader.ts';
import { isSvgFile, logoFileProblem } from './validate.ts';

/** Long side of the logo's PNG: sharp at 300 dpi on the letter's 60 mm header (src/logo/logo-placement.ts). */
export const LOGO_LONG_SIDE = 900;

/** A logo refused, with the French message to show next to the field. */
export class LogoError extends Error {}

export interface LogoPng {
  /** PNG data URI. */
  src: string;
  /** What the SVG sanitiser took out, in French (empty for bitmaps). */
  removed: string[];
}

const unreadable = (name: string) => new LogoError(`« ${name} » ne peut pas être lu comme une image : choisissez un logo en SVG, PNG, JPEG ou WebP.`);

function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  return image.decode().then(() => image);
}

function canvasPng(draw: (context: CanvasRenderingContext2D) => void, width: number, height: number): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  draw(context);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('canvas'));
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    }, 'image/png');
  });
}

async function svgToPng(file: File): Promise<LogoPng> {
  let sanitised;
  try {
    sanitised = sanitiseSvg(await file.text(), LOGO_LONG_SIDE);
  } catch (error) {
    throw error instanceof SvgError ? new LogoError(`« ${file.name} » : ${error.message}`) : unreadable(file.name);
  }
  const url = URL.createObjectURL(new Blob([sanitised.svg], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url).catch(() => Promise.reject(unreadable(file.name)));
    const src = await canvasPng((context) => context.drawImage(image, 0, 0, sanitised.width, sanitised.height), sanitised.width, sanitised.height);
    return { src, removed: sanitised.removed };
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function bitmapToPng(file: File): Promise<LogoPng> {
  const bitmap = await createImageBitmap(file).catch(() => Promise.reject(unreadable(file.name)));
  const scale = Math.min(1, LOGO_LONG_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  try {
    return { src: await canvasPng((context) => context.drawImage(bitmap, 0, 0, width, height), width, height), removed: [] };
  } finally {
    bitmap.close();
  }
}

/** The logo of `file` as a PNG data URI (long side at most 900 px); a `LogoError` says why it is refused. */
export async function logoFromFile(file: File): Promise<LogoPng> {
  const problem = logoFileProblem(file);
  if (problem) throw new LogoError(problem);
  return isSvgFile(file) ? svgToPng(file) : bitmapToPng(file);
}

