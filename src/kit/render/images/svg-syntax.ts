import sax from 'sax';

/** What sax says, in French words an editor can act on. */
const REASONS: [RegExp, string][] = [
  [/entity/i, 'un « & » seul dans le texte ou un attribut (écrivez « &amp; », ou « et »)'],
  [/unexpected close tag|unmatched closing tag/i, 'une balise fermante ne correspond pas à la balise ouverte'],
  [/unclosed root tag|unexpected end/i, 'le fichier s’arrête avant la fin (une balise n’est pas fermée)'],
  [/non-whitespace before first tag|text data outside of root node/i, 'du texte hors de la balise <svg> (le fichier n’est peut-être pas un SVG)'],
  [/unquoted attribute|attribute without value|invalid attribute name|duplicate attribute/i, 'un attribut mal écrit (guillemets manquants ou attribut répété)'],
  [/invalid tagname|invalid closing tag|unencoded </i, 'un « < » qui n’ouvre pas une balise (écrivez « &lt; »)'],
];

/** Whether `text` is well-formed XML; if not, the line (from 1) of the first fault and its cause in French. */
export function svgSyntaxError(text: string): { line: number; reason: string } | undefined {
  const parser = sax.parser(true, { xmlns: false });
  let fault: { line: number; reason: string } | undefined;
  parser.onerror = (error) => {
    fault ??= { line: parser.line + 1, reason: REASONS.find(([pattern]) => pattern.test(error.message))?.[1] ?? 'le XML est mal formé' };
    // Carry on to the end: sax throws if an error is left set.
    (parser as unknown as { error: null }).error = null;
  };
  try {
    parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  } catch {
    fault ??= { line: parser.line + 1, reason: 'le XML est mal formé' };
  }
  return fault;
}
