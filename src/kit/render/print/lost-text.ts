/**
 * Text Paged.js failed to lay out. When a block is taller than a page (a paragraph of a hundred line
 * breaks, say), Paged.js can stop, or lay the same lines out again, and drop everything after it: the
 * PDF would then be published with part of its text. The document's text, read before Paged.js runs, is
 * compared with the text of the paginated pages' content areas (running heads and page numbers live in
 * the margin boxes, outside them), ignoring white space and the hyphens Paged.js adds where it splits a
 * word. Paged.js takes `position: fixed` elements and footnotes out of the content areas: the kit's print
 * CSS uses neither; if it ever does, leave them out of the source text too.
 */

/** Elements whose text is not laid out (Paged.js drops scripts; styles are not text). */
export const NOT_LAID_OUT = 'script, style, template, noscript';

/** Where Paged.js puts the document's flow, one per page. */
export const PAGE_CONTENT = '.pagedjs_page_content';

/** What a print of a document lost: text missing from some point on, or text laid out twice. */
export type LostText = { kind: 'missing'; from: string } | { kind: 'repeated'; end: string };

/** White space (no-break spaces included), soft hyphens, zero-width spaces and Paged.js' break hyphen. */
const IGNORED = /[\s\u00ad\u200b\u2011]/g;

const WORDS = 8;

/** At most a few words of `text`, from its start or up to its end, white space folded. */
function excerpt(text: string, from: 'start' | 'end'): string {
  const words = text.trim().split(/\s+/);
  if (words.length <= WORDS) return words.join(' ');
  return from === 'start' ? `${words.slice(0, WORDS).join(' ')}…` : `…${words.slice(-WORDS).join(' ')}`;
}

/**
 * Compares the text nodes of the document before pagination (`source`) with those of the paginated
 * content areas (`paginated`), both in document order; `undefined` when every character is there, once.
 */
export function findLostText(source: string[], paginated: string[]): LostText | undefined {
  const expected = source.map((text) => text.replace(IGNORED, ''));
  const laidOut = paginated.map((text) => text.replace(IGNORED, '')).join('');
  const all = expected.join('');
  if (laidOut === all) return undefined;
  let same = 0;
  while (same < all.length && all[same] === laidOut[same]) same += 1;
  if (same === all.length) return { kind: 'repeated', end: excerpt(source.join(''), 'end') };
  // Find the text node holding the first character that is missing, then that character in its text.
  let node = 0;
  let offset = same;
  while (offset >= expected[node].length) offset -= expected[node++].length;
  const text = source[node];
  let at = 0;
  for (let kept = 0; at < text.length; at += 1) {
    if (text[at].replace(IGNORED, '') === '') continue;
    if (kept === offset) break;
    kept += 1;
  }
  // From the start of that word.
  while (at > 0 && !/\s/.test(text[at - 1])) at -= 1;
  return { kind: 'missing', from: excerpt(text.slice(at) + source.slice(node + 1).join(''), 'start') };
}

/**
 * Runs in the page: the text nodes under the elements matching `selector` (the body when `null`), in
 * document order, leaving out those that are not laid out. A text node that starts a new block or follows
 * a line break gets a leading line break, so quoted words do not run together across paragraphs.
 * Self-contained: puppeteer sends its source to the page.
 */
export function textNodesIn(selector: string | null, notLaidOut: string): string[] {
  const roots = selector ? Array.from(document.querySelectorAll(selector)) : [document.body];
  const texts: string[] = [];
  let previousBlock: Element | null = null;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest(notLaidOut)) continue;
      let block = node.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      const breaks = block !== previousBlock || node.previousSibling?.nodeName === 'BR';
      texts.push(`${breaks ? '\n' : ''}${node.textContent ?? ''}`);
      previousBlock = block;
    }
  }
  return texts;
}
