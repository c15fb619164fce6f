import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47 language of the text, e.g. `fr-FR`. */
  language: string;
  /** Creation and modification date: the build's source date, so rebuilding a commit gives the same bytes. */
  date: Date;
  /** What made the document; by default the print pipeline. */
  creator?: string;
  /** Which build of the kit (`buildVersion`): « version a86c50e du 3 décembre 2026 », in the producer. */
  version?: string;
  /** The document's headings as the page has them (`headingTexts`), to mend the bookmarks' titles. */
  headings?: string[];
}

/** Runs in the page: the text of every heading, in document order (what Chromium makes bookmarks of). */
export function headingTexts(): string[] {
  return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => heading.textContent ?? '');
}

/** White space, and the invisible soft hyphen: what may differ between a heading and its bookmark. */
const SPACING = /[\s\u00ad]/g;

/**
 * Chromium builds each bookmark's title from the heading's laid-out lines and drops the space where the
 * heading wraps (« Habitat participatif enquartiers prioritaires »). A title that is a heading without
 * its spaces gets the heading's text back.
 */
function mendOutlineTitles(document: PDFDocument, headings: string[]): void {
  const byLetters = new Map(headings.map((heading) => [heading.replace(SPACING, ''), heading.replace(/\u00ad/g, '').replace(/[ \t\r\n]+/g, ' ').trim()]));
  const mend = (item: PDFDict | undefined) => {
    for (let current = item; current; current = current.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = current.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        const text = title.decodeText();
        const heading = byLetters.get(text.replace(SPACING, ''));
        if (heading && heading !== text) current.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      }
      mend(current.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  mend(document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
}

/** Sets title, author, language, producer and dates after printing (Chromium only sets the title from <title>), and mends the bookmarks' titles. */
export async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  if (metadata.subject) document.setSubject(metadata.subject);
  if (metadata.keywords) document.setKeywords(metadata.keywords);
  document.setLanguage(metadata.language);
  document.setCreator(metadata.creator ?? 'Kit QPV (Astro, Paged.js)');
  document.setProducer(metadata.version ? `Kit QPV, ${metadata.version}` : 'Kit QPV');
  pinDates(document, metadata.date);
  renumberStructureIds(document);
  if (metadata.headings) mendOutlineTitles(document, metadata.headings);
  return { bytes: await document.save(), pageCount: document.getPageCount() };
}

/** Chromium's name for a tagged element's /ID (table headers): the browser's own node number, which varies from run to run. */
const NODE_ID = /^node\d+$/;

/** Replaces, in place, every string of `object` (and the dictionaries and arrays inside it) that `rename` gives a new value. */
function renameStrings(object: PDFObject | undefined, rename: (text: string) => string | undefined): PDFObject | undefined {
  if (object instanceof PDFString || object instanceof PDFHexString) {
    const renamed = rename(object.decodeText());
    return renamed === undefined ? undefined : PDFString.of(renamed);
  }
  if (object instanceof PDFArray) {
    for (let index = 0; index < object.size(); index++) {
      const next = renameStrings(object.get(index), rename);
      if (next) object.set(index, next);
    }
  }
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const next = renameStrings(value, rename);
      if (next) object.set(key, next);
    }
  }
  return undefined;
}

/** Every (name, value) pair of a name tree, however it is split into kids; the kids are removed from the file. */
function takeNameTreePairs(node: PDFDict): [PDFObject, PDFObject][] {
  const names = node.lookup(PDFName.of('Names'));
  const kids = node.lookup(PDFName.of('Kids'));
  const pairs: [PDFObject, PDFObject][] = [];
  if (names instanceof PDFArray) for (let index = 0; index + 1 < names.size(); index += 2) pairs.push([names.get(index), names.get(index + 1)]);
  if (kids instanceof PDFArray) {
    for (const kid of kids.asArray()) {
      pairs.push(...takeNameTreePairs(node.context.lookup(kid, PDFDict)));
      if (kid instanceof PDFRef) node.context.delete(kid);
    }
  }
  return pairs;
}

/**
 * Chromium gives table header cells of a tagged PDF an /ID made of its internal DOM node number, which
 * depends on how many nodes the page made before (Paged.js's timing): the same page can print with other
 * numbers. The IDs are renamed in the order the elements come (node00000001, …), every reference
 * (/Headers) follows, and the ID tree is written again, sorted, in one node.
 */
function renumberStructureIds(document: PDFDocument): void {
  const objects = document.context.enumerateIndirectObjects().map(([, object]) => object);
  const renamed = new Map<string, string>();
  const rank = (text: string) => {
    if (!NODE_ID.test(text)) return undefined;
    if (!renamed.has(text)) renamed.set(text, `node${String(renamed.size + 1).padStart(8, '0')}`);
    return renamed.get(text);
  };
  const tree = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  for (const object of objects) renameStrings(object, rank);
  if (renamed.size === 0 || !tree) return;
  const pairs = takeNameTreePairs(tree).sort(([a], [b]) => ((a as PDFString).decodeText() < (b as PDFString).decodeText() ? -1 : 1));
  tree.delete(PDFName.of('Kids'));
  tree.delete(PDFName.of('Limits'));
  tree.set(PDFName.of('Names'), document.context.obj(pairs.flat()));
}

// The browser writes the time of printing; the source date makes the file depend on the commit only.
// Neither Chromium nor pdf-lib writes a trailer /ID here, so there is no random identifier to pin.
function pinDates(document: PDFDocument, date: Date): void {
  document.setCreationDate(date);
  document.setModificationDate(date);
}
