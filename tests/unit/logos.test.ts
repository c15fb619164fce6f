import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { Kit } from '../../src/kit/load/load-kit.ts';
import { prepareLogos } from '../../src/kit/render/images/logos.ts';
import { fitLogo, LOGO_SLOTS } from '../../src/logo/logo-placement.ts';
import { isKitError, formatErrors } from '../../src/kit/errors.ts';

const folder = mkdtempSync(join(tmpdir(), 'kit-logos-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A kit with one signatory whose logo file is `name` holding `bytes`. */
function kitWithLogo(name: string, bytes: Buffer | string, nom = 'Alpha AMO Conseil'): Kit {
  const logoPath = join(folder, name);
  writeFileSync(logoPath, bytes);
  return { root: folder, signatories: [{ id: 'alpha', nom, logoPath, file: 'content/signataires/alpha/index.yaml' }], site: { partners: [] } } as unknown as Kit;
}

/** A transparent canvas with an opaque red rectangle drawn at (left, top). */
async function markOnCanvas(canvas: [number, number], mark: [number, number], at: [number, number]): Promise<Buffer> {
  const rectangle = await sharp({ create: { width: mark[0], height: mark[1], channels: 4, background: { r: 200, g: 30, b: 30, alpha: 1 } } }).png().toBuffer();
  return sharp({ create: { width: canvas[0], height: canvas[1], channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: rectangle, left: at[0], top: at[1] }])
    .png()
    .toBuffer();
}

const bytesOf = async (kit: Kit, url: string) => (await prepareLogos(kit)).logos.files.get(url)!;

describe('logo normalisation', () => {
  it('trims the transparent margins of a bitmap, so the mark fills its box (800 × 800 canvas, 400 × 300 mark)', async () => {
    const kit = kitWithLogo('marges.png', await markOnCanvas([800, 800], [400, 300], [100, 250]));
    const { logos } = await prepareLogos(kit);
    const image = logos.images.alpha;
    expect(image.aspect).toBeCloseTo(400 / 300, 3);
    const print = await sharp(logos.files.get(image.print)!).metadata();
    expect([print.width, print.height]).toEqual([400, 300]);
    // The site's copy is lighter, never larger than twice the site's box.
    const web = await sharp(logos.files.get(image.web)!).metadata();
    expect(web.width!).toBeLessThanOrEqual(2 * LOGO_SLOTS.siteSignatory.maxWidth);
    expect(web.height!).toBeLessThanOrEqual(2 * LOGO_SLOTS.siteSignatory.maxHeight);
  });

  it('names each file by a hash of its bytes: another logo, another name', async () => {
    const first = (await prepareLogos(kitWithLogo('a.png', await markOnCanvas([300, 100], [300, 100], [0, 0])))).logos.images.alpha.print;
    const second = (await prepareLogos(kitWithLogo('b.png', await markOnCanvas([300, 100], [290, 100], [0, 0])))).logos.images.alpha.print;
    expect(first).toMatch(/^\/_kit\/logos\/alpha-[0-9a-f]{10}\.png$/);
    expect(second).not.toBe(first);
  });

  it('gives an SVG without viewBox one, trimmed to what it draws', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect x="100" y="150" width="200" height="50" fill="#123"/></svg>';
    const { logos } = await prepareLogos(kitWithLogo('sans-viewbox.svg', svg));
    const file = (await bytesOf(kitWithLogo('sans-viewbox.svg', svg), logos.images.alpha.print)).toString();
    const viewBox = /viewBox="([^"]+)"/.exec(file)![1].split(' ').map(Number);
    expect(viewBox[0]).toBeCloseTo(100, 0);
    expect(viewBox[1]).toBeCloseTo(150, 0);
    expect(viewBox[2]).toBeCloseTo(200, 0);
    expect(viewBox[3]).toBeCloseTo(50, 0);
    expect(logos.images.alpha.aspect).toBeCloseTo(4, 1);
    // Formats that need a bitmap get a PNG of the same mark.
    const png = await sharp(logos.pngs.alpha).metadata();
    expect(png.width! / png.height!).toBeCloseTo(4, 1);
  });

  it('sanitises a hostile SVG and says what it removed', async () => {
    const hostile = [
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 200 100" onload="alert(1)">',
      '<script>fetch("https://tracker.example/x")</script>',
      '<style>@import url("https://fonts.example/f.css"); rect { fill: url(https://evil.example/p.svg#g) }</style>',
      '<foreignObject width="10" height="10"><iframe src="https://evil.example/"></iframe></foreignObject>',
      '<a xlink:href="javascript:alert(2)"><rect width="200" height="100" fill="#0a0"/></a>',
      '<image href="https://evil.example/pixel.png" width="1" height="1"/>',
      '</svg>',
    ].join('');
    const kit = kitWithLogo('hostile.svg', hostile);
    const { logos, warnings } = await prepareLogos(kit);
    const file = logos.files.get(logos.images.alpha.print)!.toString();
    for (const gone of ['<script', 'onload', 'foreignObject', 'iframe', 'javascript:', 'https://', '@import']) expect(file).not.toContain(gone);
    expect(file).toContain('<rect');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^hostile\.svg : le logo d’Alpha AMO Conseil contenait .*un script.*: retiré de toutes les sorties/);
  });

  it('warns, naming the signatory and the file, when a bitmap is too small to print sharp (40 × 20 px)', async () => {
    const { warnings } = await prepareLogos(kitWithLogo('minuscule.png', await markOnCanvas([40, 20], [40, 20], [0, 0]), 'Bêta & Fils'));
    expect(warnings).toEqual([
      'minuscule.png : le logo de Bêta & Fils est trop petit pour l’impression (40 × 20 px utiles) : imprimé sur 44 mm de large, il ne fait que 23 ppp au lieu de 300, il sera flou. Fournissez-le en SVG, ou en PNG d’au moins 520 px de large.',
    ]);
  });

  it('stays silent for a bitmap sharp enough for its largest printed box', async () => {
    const { warnings } = await prepareLogos(kitWithLogo('net.png', await markOnCanvas([900, 300], [900, 300], [0, 0])));
    expect(warnings).toEqual([]);
  });

  it('refuses an SVG that is not well-formed XML, with the line and the cause', async () => {
    const broken = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<title>Dupont</title>\n<text>Dupont & Fils</text>\n</svg>';
    const error = await prepareLogos(kitWithLogo('casse.svg', broken)).catch((e: unknown) => e);
    expect(isKitError(error)).toBe(true);
    expect(formatErrors(error)).toContain('casse.svg, ligne 3 — le logo d’Alpha AMO Conseil est illisible : ce n’est pas un SVG valide : un « & » seul');
  });
});

describe('logo placement', () => {
  const header = LOGO_SLOTS.letterHeader;
  it('gives a very wide logo the full width of its box', () => {
    expect(fitLogo(10, header)).toEqual({ width: 60, height: 6 });
  });
  it('gives a very tall logo the full height of its box', () => {
    expect(fitLogo(0.25, header)).toEqual({ width: 5.5, height: 22 });
  });
  it('keeps a squat logo from outweighing a wide one (area cap)', () => {
    const squat = fitLogo(2.5, header);
    expect(squat.height).toBeLessThan(header.maxHeight);
    expect(squat.width * squat.height).toBeLessThanOrEqual(2.2 * header.maxHeight ** 2 + 1);
  });
  it('shows a square logo at the box height', () => {
    expect(fitLogo(1, header)).toEqual({ width: 22, height: 22 });
  });
});
