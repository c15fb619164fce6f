// French typography, applied identically to the site, the print pages (hence the PDFs) and the slides.
// Typograf supplies the engine that leaves tags, attributes, URLs, comments, <code>, <pre>, <script> and
// <style> alone; its French locale only does quotes and even deletes the space before « : ; ! ? », so
// the rules below are ours. They only turn spaces the author typed into the right no-break space, and
// never add a space where none was typed (URLs, times, query strings stay intact).
import Typograf from 'typograf';

const spaces = '[ \\u00a0\\u202f\\t]';
export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

/** @type {{ name: string, handler: (text: string) => string }[]} */
const rules = [
  // « texte » : no-break spaces inside French quotes, typed or not.
  { name: 'fr/kit/guillemets', handler: (text) => text.replace(new RegExp(`«${spaces}*`, 'g'), `«${NBSP}`).replace(new RegExp(`${spaces}*»`, 'g'), `${NBSP}»`) },
  // "texte" → « texte » (straight double quotes paired in the same text).
  { name: 'fr/kit/straightQuotes', handler: (text) => text.replace(/"([^"\n]+?)"/g, `«${NBSP}$1${NBSP}»`) },
  // Narrow no-break space before ; ! ? where a space was typed.
  { name: 'fr/kit/highPunctuation', handler: (text) => text.replace(new RegExp(`${spaces}+([;!?])`, 'g'), `${NNBSP}$1`) },
  // No-break space before : where a space was typed.
  { name: 'fr/kit/colon', handler: (text) => text.replace(new RegExp(`${spaces}+:`, 'g'), `${NBSP}:`) },
  // l'AMI → l’AMI
  { name: 'fr/kit/apostrophe', handler: (text) => text.replace(/(\p{L})'(?=\p{L})/gu, '$1’') },
  // ... → …
  { name: 'fr/kit/ellipsis', handler: (text) => text.replace(/(?<!\.)\.\.\.(?!\.)/g, '…') },
  // 2016-2018 : a range of numbers never breaks at its hyphen (non-breaking hyphen).
  { name: 'fr/kit/numberRange', handler: (text) => text.replace(/(\d)-(?=\d)/g, '$1\u2011') },
  // 600 € · 20 % : the unit stays with its number.
  { name: 'fr/kit/units', handler: (text) => text.replace(new RegExp(`(\\d)${spaces}+(€|%|m²)`, 'g'), `$1${NBSP}$2`) },
  // 1 362 QPV: a narrow no-break space between groups of three digits.
  { name: 'fr/kit/thousands', handler: (text) => text.replace(new RegExp(`(?<![\\d,.])(\\d{1,3})${spaces}(\\d{3})(?![\\d])`, 'g'), `$1${NNBSP}$2`) },
];

for (const rule of rules) Typograf.addRule(rule);

const typograf = new Typograf({ locale: ['fr'], htmlEntity: { type: 'default' } });
typograf.disableRule('*');
typograf.enableRule('fr/kit/*');

/** French typography for a text or an HTML document (tags, code, scripts and styles left as they are). */
export function frenchTypography(text) {
  return typograf.execute(text);
}

/**
 * markdown-it plugin (for Marp): typography on text tokens and on speaker notes (Marp comments that are
 * not directives), before Marp collects the notes.
 * @param {any} md
 */
export function markdownItFrenchTypography(md) {
  const rule = (state) => {
    for (const token of state.tokens) {
      if (token.type === 'inline') {
        for (const child of token.children ?? []) if (child.type === 'text') child.content = frenchTypography(child.content);
      } else if (token.type === 'marpit_comment' && token.meta?.marpitCommentParsed !== 'directive') {
        token.content = frenchTypography(token.content);
      }
    }
  };
  // Before Marp collects the notes, so the notes are typeset too.
  if (md.core.ruler.__find__('marpit_collect') >= 0) md.core.ruler.before('marpit_collect', 'kit_french_typography', rule);
  else md.core.ruler.push('kit_french_typography', rule);
}
