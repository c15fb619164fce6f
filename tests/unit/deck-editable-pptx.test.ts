import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit, type Signatory } from '../../src/kit/load/load-kit.ts';
import { prepareLogos } from '../../src/kit/render/images/logos.ts';
import { buildVariantMatrix } from '../../src/kit/matrix/matrix.ts';
import { prepareDeckSources } from '../../src/kit/render/decks/decks.ts';
import { editableDeckPptx, type EditableDeckInput } from '../../src/kit/render/decks/editable-pptx/editable-deck-pptx.ts';
import { markdownItFrenchTypography } from '../../src/typography/french.mjs';
import { displayUrl } from '../../src/kit/render/display.ts';
import { logoAlt } from '../../src/logo/logo-alt.ts';
import { projectRoot } from '../support/fixture.ts';

type Files = Record<string, Uint8Array>;

const decode = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#x?[0-9a-f]+);/gi, (_, name: string) =>
    name[0] === '#' ? String.fromCodePoint(Number.parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10)) : { lt: '<', gt: '>', quot: '"', apos: '\'', amp: '&' }[name.toLowerCase()]!,
  );
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const xml = (files: Files, name: string) => strFromU8(files[name]);
/** Each paragraph of a part: its text (the runs' `<a:t>` joined) and its XML. */
const paragraphs = (part: string) => [...part.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, inner]) => ({ inner, text: squash(decode([...inner.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''))) }));
const slideXml = (files: Files, number: number) => xml(files, `ppt/slides/slide${number}.xml`);
const slideCount = (files: Files) => Object.keys(files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
/** What a part's relationships point to, by id. */
const relations = (files: Files, part: string) => {
  const rels = xml(files, part.replace(/([^/]+)$/, '_rels/$1.rels'));
  return new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map(([, id, target]) => [id, join(part, '..', target).replace(/\\/g, '/')]));
};
/** The pictures of a part: their alt text and bytes. */
const pictures = (files: Files, part: string) => {
  const targets = relations(files, part);
  return [...xml(files, part).matchAll(/<p:pic>[\s\S]*?descr="([^"]*)"[\s\S]*?r:embed="([^"]+)"[\s\S]*?<\/p:pic>/g)].map(([whole, descr, id]) => ({ alt: decode(descr), bytes: files[targets.get(id)!], xml: whole }));
};
const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a).equals(Buffer.from(b));

/** Marp as the build's renderMarp configures it: the slides' HTML and their notes. */
function marpRender(markdown: string, themes: string[]) {
  const marp = new Marp({ html: false, inlineSVG: true }).use(markdownItFrenchTypography);
  for (const css of themes) marp.themeSet.add(css);
  const { html, comments } = marp.render(markdown);
  // A slide with a background image is drawn as layered sections: its content is the one not marked background or pseudo.
  const sections = [...html.matchAll(/<section\b([^>]*)>([\s\S]*?)<\/section>/g)].filter(([, attributes]) => !/data-marpit-advanced-background="(background|pseudo)"/.test(attributes)).map((match) => match[2]);
  const texts = (section: string, tag: string) => [...section.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => squash(decode(match[1].replace(/<[^>]+>/g, ''))));
  return { slides: sections.map((section) => ({ titles: texts(section, 'h1'), items: texts(section, 'li') })), notes: comments.map((parts) => parts.join('\n\n')) };
}

/** The real deck of one signatory, filled as the build fills it, and its editable PPTX unzipped. */
let deck: { input: EditableDeckInput; signatory: Signatory; files: Files; marp: ReturnType<typeof marpRender> };

beforeAll(async () => {
  const kit = await loadKit(projectRoot);
  const { logos } = await prepareLogos(kit);
  const variants = buildVariantMatrix(kit).decks;
  const sources = await prepareDeckSources(kit, variants, logos.pngs);
  const variant = variants.find((v) => v.signatory === 'cahp-idf' && v.deckId === 'presentation')!;
  const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
  const input: EditableDeckInput = {
    markdown: await sources.fill(variant),
    themes: [...sources.themes.values()],
    signatoryLogo: { png: logos.pngs[signatory.id], alt: logoAlt(signatory.nom) },
    partnerLogos: kit.site.partners.filter((p) => p.id !== signatory.id).map((p) => ({ png: logos.pngs[`partenaire:${p.id}`], alt: logoAlt(p.nom) })),
    properties: { title: variant.title, author: signatory.nom, subject: 'Présentation' },
  };
  deck = { input, signatory, files: unzipSync(await editableDeckPptx(input)), marp: marpRender(input.markdown, input.themes) };
}, 60_000);

describe('the editable PPTX of the real deck', () => {
  it('has one slide per Marp slide', () => {
    expect(deck.marp.slides.length).toBeGreaterThan(10);
    expect(slideCount(deck.files)).toBe(deck.marp.slides.length);
  });

  it('has every slide title and every bullet as real text of that slide', () => {
    deck.marp.slides.forEach(({ titles, items }, index) => {
      const texts = paragraphs(slideXml(deck.files, index + 1)).map((p) => p.text);
      for (const text of [...titles, ...items]) expect(texts, `diapositive ${index + 1}`).toContain(text);
    });
  });

  it('keeps bold runs bold (b="1") and the rest of the line plain', () => {
    const bullet = paragraphs(slideXml(deck.files, 3)).find((p) => p.text.startsWith('Habitat Participatif France (HPF)'))!;
    expect(bullet.inner).toMatch(/<a:rPr\b[^>]*\bb="1"[^>]*>[\s\S]*?<a:t>Habitat Participatif France \(HPF\)<\/a:t>/);
    expect(bullet.inner).toMatch(/<a:rPr\b(?![^>]*\bb="1")[^>]*>[\s\S]*?<a:t> porte la démarche<\/a:t>/);
    expect(bullet.inner).toContain('<a:buChar');
  });

  it('gives each slide its own speaker notes, and only its own', () => {
    const notesOf = (number: number) => {
      const target = [...relations(deck.files, `ppt/slides/slide${number}.xml`).values()].find((t) => t.includes('notesSlide'))!;
      // The notes pane's text, without the page number field of the notes page.
      const notes = xml(deck.files, target).replace(/<a:fld\b[\s\S]*?<\/a:fld>/g, '');
      return squash(decode([...notes.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(' ')));
    };
    const expected = deck.marp.notes.map(squash);
    expected.forEach((notes, index) => {
      expect(notes, `diapositive ${index + 1}`).not.toBe('');
      expect(notesOf(index + 1)).toBe(notes);
    });
    expect(new Set(expected).size).toBe(expected.length);
  });

  it('shows the signatory\'s logo on the title slide, with its alt text', () => {
    const logo = pictures(deck.files, 'ppt/slides/slide1.xml').find((p) => sameBytes(p.bytes, deck.input.signatoryLogo.png));
    expect(logo?.alt).toBe(logoAlt(deck.signatory.nom));
  });

  it('carries the signatory\'s and the partners\' logos on the content slides\' master', () => {
    const layouts = Object.keys(deck.files).filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name));
    const master = layouts.find((name) => xml(deck.files, name).includes('name="KIT_QPV_LOGOS"'))!;
    const onMaster = pictures(deck.files, master);
    for (const logo of [deck.input.signatoryLogo, ...deck.input.partnerLogos]) {
      expect(onMaster.find((p) => sameBytes(p.bytes, logo.png))?.alt, logo.alt).toBe(logo.alt);
    }
    expect(deck.input.partnerLogos.length).toBeGreaterThan(0);
    // A content slide uses it: slide 3 (« Qui sommes-nous ? ») points to that layout.
    expect([...relations(deck.files, 'ppt/slides/slide3.xml').values()]).toContain(master);
  });

  it('ends with the contact lines on the closing slide', () => {
    const texts = paragraphs(slideXml(deck.files, slideCount(deck.files))).map((p) => p.text);
    expect(texts).toContain(deck.signatory.nom);
    expect(texts.some((text) => text.includes(displayUrl(deck.signatory.siteWeb!)))).toBe(true);
  });

  it('keeps every text at 18 pt or more', () => {
    for (let number = 1; number <= slideCount(deck.files); number++) {
      const sizes = [...slideXml(deck.files, number).matchAll(/<a:rPr\b[^>]*\bsz="(\d+)"/g)].map((match) => Number(match[1]));
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes), `diapositive ${number}`).toBeGreaterThanOrEqual(1800);
    }
  });

  it('keeps the AMI diagram\'s proportions', async () => {
    const number = deck.marp.slides.findIndex((slide) => slide.titles.includes('Les étapes de l’AMI')) + 1;
    const diagram = pictures(deck.files, `ppt/slides/slide${number}.xml`).find((p) => p.alt === 'Les étapes de l’AMI')!;
    const [, cx, cy] = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(diagram.xml)!.map(Number);
    const { width, height } = await sharp(diagram.bytes).metadata();
    expect(cx / cy).toBeCloseTo(width! / height!, 2);
    // Within the slide (13.33 × 7.5 in, 914 400 EMU an inch).
    expect(cx).toBeLessThanOrEqual(13.333 * 914400);
  });

  it('writes what PowerPoint opens without a repair prompt: one paragraph property first in a paragraph, colour backgrounds complete', () => {
    for (const [name, data] of Object.entries(deck.files).filter(([name]) => /^ppt\/(slides|slideLayouts)\/[^/]+\.xml$/.test(name))) {
      for (const { inner } of paragraphs(strFromU8(data))) {
        expect(inner.match(/<a:pPr\b/g)?.length ?? 0, name).toBeLessThanOrEqual(1);
        if (inner.includes('<a:pPr')) expect(inner.startsWith('<a:pPr'), name).toBe(true);
      }
      expect(strFromU8(data), name).not.toMatch(/<\/a:solidFill><\/p:bgPr>/);
    }
  });

  it('gives the same file for the same deck, but for the dates pptxgenjs writes', async () => {
    const again = unzipSync(await editableDeckPptx(deck.input));
    expect(Object.keys(again)).toEqual(Object.keys(deck.files));
    for (const name of Object.keys(again).filter((name) => name !== 'docProps/core.xml')) expect(sameBytes(again[name], deck.files[name]), name).toBe(true);
  });
});

describe('the editable PPTX of a small deck', () => {
  const logo = () => sharp({ create: { width: 300, height: 100, channels: 3, background: '#0f5c4d' } }).png().toBuffer();
  async function small(markdown: string): Promise<Files> {
    const png = await logo();
    return unzipSync(await editableDeckPptx({ markdown, themes: [], signatoryLogo: { png, alt: 'Logo de Alpha' }, partnerLogos: [{ png, alt: 'Logo du partenaire' }], properties: { title: 'Essai', author: 'Alpha', subject: 'Essai' } }));
  }

  it('keeps the levels of a nested list, its numbering, italics and links', async () => {
    const files = await small('---\nmarp: true\n---\n\n# Listes\n\n- niveau un\n  - niveau *deux* avec un [lien](https://exemple.fr/page)\n\n1. premier\n2. second\n');
    const texts = paragraphs(slideXml(files, 1));
    const first = texts.find((p) => p.text === 'niveau un')!;
    const nested = texts.find((p) => p.text === 'niveau deux avec un lien')!;
    expect(first.inner).not.toMatch(/\blvl="/);
    expect(nested.inner).toMatch(/<a:pPr\b[^>]*\blvl="1"/);
    expect(nested.inner).toMatch(/<a:rPr\b[^>]*\bi="1"[^>]*>[\s\S]*?<a:t>deux<\/a:t>/);
    const link = /<a:hlinkClick r:id="([^"]+)"/.exec(nested.inner)![1];
    expect(xml(files, 'ppt/slides/_rels/slide1.xml.rels')).toMatch(new RegExp(`Id="${link}"[^>]*Target="https://exemple.fr/page"`));
    expect(texts.find((p) => p.text === 'second')!.inner).toContain('<a:buAutoNum type="arabicPeriod"');
  });

  it('draws a caption (a paragraph in italics alone) muted, at 18 pt', async () => {
    const files = await small('---\nmarp: true\n---\n\n# Photo\n\nTexte.\n\n*Photo : crédit à compléter*\n');
    const caption = paragraphs(slideXml(files, 1)).find((p) => p.text === 'Photo : crédit à compléter')!;
    expect(caption.inner).toMatch(/sz="1800"[^>]*>\s*<a:solidFill><a:srgbClr val="4B5563"/);
  });

  it('puts a right split background on the right 38 % of the slide, the text in the rest', async () => {
    const photo = (await sharp({ create: { width: 400, height: 600, channels: 3, background: '#888' } }).png().toBuffer()).toString('base64');
    const files = await small(`---\nmarp: true\n---\n\n![bg right:38%](data:image/png;base64,${photo})\n\n# Côté\n\n- une ligne assez longue pour qu’elle passe à la ligne dans la colonne de gauche du texte\n`);
    const slide = slideXml(files, 1);
    const emu = (inches: number) => inches * 914400;
    const [, x, , cx] = /<p:pic>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)"/.exec(slide)!.map(Number);
    expect(x / emu(13.333)).toBeCloseTo(0.62, 2);
    expect(cx / emu(13.333)).toBeGreaterThanOrEqual(0.379);
    for (const [, left, width] of slide.matchAll(/<p:sp>[\s\S]*?<a:off x="(\d+)" y="\d+"\/>\s*<a:ext cx="(\d+)"[\s\S]*?<\/p:sp>/g)) {
      if (Number(left) < emu(13.333) - emu(2)) expect(Number(left) + Number(width)).toBeLessThanOrEqual(x);
    }
  });

  it('lays a slide of an unknown class out as a plain one', async () => {
    const files = await small('---\nmarp: true\n---\n\n<!-- _class: inconnue -->\n\n# Inconnue\n\n- point\n');
    expect(paragraphs(slideXml(files, 1)).map((p) => p.text)).toEqual(['Inconnue', 'point']);
  });
});
