// The fixes pptxgenjs 4.0.1's XML needs before PowerPoint opens it without a repair prompt, and the re-zip.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { reproducibleZip } from '../../../output/reproducible-zip.ts';

/**
 * Fixes what pptxgenjs 4.0.1 writes against the Office schema, which PowerPoint answers with a repair
 * prompt: a paragraph gets an `<a:pPr>` before each of its runs (only one is allowed, first: the one
 * with the bullet), and a colour background lacks its `<a:effectLst/>`.
 */
function schemaValid(xml: string): string {
  const paragraphProperties = /<a:pPr\b(?:[^>]*\/>|[^>]*>[\s\S]*?<\/a:pPr>)/g;
  return xml
    .replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_whole, inner: string) => {
      const first = inner.startsWith('<a:pPr') ? (inner.match(paragraphProperties)?.[0] ?? '') : '';
      return `<a:p>${first}${inner.slice(first.length).replace(paragraphProperties, '')}</a:p>`;
    })
    .replace(/(<\/a:solidFill>)<\/p:bgPr>/g, '$1<a:effectLst/></p:bgPr>');
}

/**
 * A bullet takes the colour of its paragraph's text, not of a bold first run (the theme colours only
 * `strong`): the colour of the first run that is not bold, written as the bullet's own.
 */
function bulletsInTextColour(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (paragraph: string) => {
    if (!paragraph.includes('<a:buSzPct')) return paragraph;
    const runs = [...paragraph.matchAll(/<a:rPr\b([^>]*)>\s*<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/g)];
    const colour = (runs.find((run) => !/\bb="1"/.test(run[1])) ?? runs[0])?.[2];
    return colour ? paragraph.replace('<a:buSzPct', `<a:buClr><a:srgbClr val="${colour}"/></a:buClr><a:buSzPct`) : paragraph;
  });
}

/** The date pptxgenjs gave the file, kept for its zip entries (the build re-dates everything later). */
function writtenAt(entries: Record<string, Uint8Array>): Date {
  const created = /<dcterms:created\b[^>]*>([^<]+)</.exec(strFromU8(entries['docProps/core.xml'] ?? new Uint8Array()))?.[1];
  const date = new Date(created ?? Date.now());
  return Number.isNaN(date.getTime()) ? new Date() : date;
}

/**
 * The file pptxgenjs wrote, made right: its slides, layouts and masters fixed (schemaValid, then
 * bulletsInTextColour) and the whole re-zipped in a stable order, dated as pptxgenjs dated it.
 */
export function fixedPptx(written: Uint8Array): Uint8Array {
  return reproducibleZip(written, writtenAt(unzipSync(written)), (name, data) => (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name) ? strToU8(bulletsInTextColour(schemaValid(strFromU8(data)))) : data));
}
