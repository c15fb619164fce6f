import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../src/typography/french.mjs';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('French typography', () => {
  it('puts a narrow no-break space before ; ! ? and a no-break space before :', () => {
    expect(frenchTypography('Vraiment ? Oui ! Donc ; voici : la suite')).toBe(`Vraiment${NNBSP}? Oui${NNBSP}! Donc${NNBSP}; voici${NBSP}: la suite`);
  });

  it('adds no space where none was typed (URLs, times, query strings)', () => {
    const text = 'Voir https://exemple.fr/a?b=c;d à 10:30, ou exemple.fr/?x=1';
    expect(frenchTypography(text)).toBe(text);
  });

  it('puts no-break spaces inside French quotes and turns straight quotes into them', () => {
    expect(frenchTypography('« bonjour »')).toBe(`«${NBSP}bonjour${NBSP}»`);
    expect(frenchTypography('«bonjour»')).toBe(`«${NBSP}bonjour${NBSP}»`);
    expect(frenchTypography('un "outil" ici')).toBe(`un «${NBSP}outil${NBSP}» ici`);
  });

  it('uses the typographic apostrophe and ellipsis', () => {
    expect(frenchTypography("l'AMI d'HPF...")).toBe('l’AMI d’HPF…');
  });

  it('keeps numbers with their unit, groups thousands and never breaks a range', () => {
    expect(frenchTypography('600 € HT, 20 %, 1 362 QPV, 2016-2018, L200-1')).toBe(`600${NBSP}€ HT, 20${NBSP}%, 1${NNBSP}362 QPV, 2016\u20112018, L200\u20111`);
  });

  it('leaves tags, attributes, code, scripts, styles and comments as they are', () => {
    const html = '<a href="/a ?b" title="x : y">lien ?</a><code>a ; b</code><script>a ? b : c</script><style>p{content:" : "}</style><!-- a : b -->';
    expect(frenchTypography(html)).toBe(`<a href="/a ?b" title="x : y">lien${NNBSP}?</a><code>a ; b</code><script>a ? b : c</script><style>p{content:" : "}</style><!-- a : b -->`);
  });
});
