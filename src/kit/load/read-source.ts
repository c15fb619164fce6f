import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { KitError } from '../errors.ts';
import type { LineOf } from './zod-errors.ts';

/** Parsed YAML data and the line of each of its fields, to point errors at the right line. */
export interface YamlSource {
  data: unknown;
  lineOf: LineOf;
}

/** A Markdown source: the raw text, its YAML frontmatter and its body. */
export interface MarkdownSource extends YamlSource {
  text: string;
  body: string;
  /** Line of the body's first line in the file (1-based), to report errors at the right line. */
  bodyLine: number;
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/;

/** What the YAML parser's error codes mean, for an editor. */
const yamlProblems: Record<string, string> = {
  BAD_INDENT: 'indentation incorrecte',
  TAB_AS_INDENT: 'tabulation utilisée pour l’indentation',
  DUPLICATE_KEY: 'champ écrit deux fois',
  BLOCK_AS_IMPLICIT_KEY: 'deux-points en trop sur la ligne',
  MULTILINE_IMPLICIT_KEY: 'nom de champ sur plusieurs lignes',
  MISSING_CHAR: 'caractère manquant (guillemet, crochet ou accolade non fermé)',
  UNEXPECTED_TOKEN: 'caractère inattendu',
  BAD_SCALAR_START: 'valeur qui commence par un caractère réservé',
};

const yamlHints: Record<string, string> = {
  TAB_AS_INDENT: 'Remplacez les tabulations par des espaces.',
  DUPLICATE_KEY: 'Gardez une seule fois ce champ dans le fichier.',
  BLOCK_AS_IMPLICIT_KEY: 'Mettez entre guillemets un texte qui contient « : » (ex. titre: "Un titre : la suite").',
  BAD_SCALAR_START: 'Mettez entre guillemets un texte qui commence par @, `, %, * ou &.',
};

/** Decodes UTF-8 strictly: a file saved in Latin-1 would print « � » in titles and letters. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.split('\n').findIndex((l) => l.includes('\uFFFD')) + 1;
    throw new KitError('le fichier n’est pas enregistré en UTF-8 (accents illisibles)', {
      code: 'encodage',
      file,
      line: line || undefined,
      hint: 'Enregistrez-le en UTF-8 : dans votre éditeur, « Enregistrer sous… » puis encodage « UTF-8 ».',
    });
  }
}

/** The line of the node at `path` (or of the deepest part of it that exists). */
function lineFinder(root: Node | null, lines: LineCounter, lineOffset: number): LineOf {
  return (path) => {
    let node: unknown = root;
    let offset: number | undefined = root?.range?.[0];
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        offset = (node as Node).range?.[0] ?? offset;
      } else break;
    }
    return offset === undefined ? undefined : lines.linePos(offset).line + lineOffset;
  };
}

/** Parses YAML text; a syntax error becomes a French error naming the file, the line and the problem. */
export function parseYaml(text: string, file: string, lineOffset = 0): YamlSource {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    // An unclosed [ or { is reported as an indentation problem where the file ends.
    const unclosed = /end with a ([\]}])/.exec(error.message)?.[1];
    const problem = unclosed ? `« ${unclosed === ']' ? '[' : '{'} » jamais fermé par « ${unclosed} »` : (yamlProblems[error.code] ?? 'syntaxe incorrecte');
    throw new KitError(`YAML illisible : ${problem}`, {
      code: 'yaml',
      file,
      line: (error.linePos?.[0].line ?? 0) + lineOffset || undefined,
      hint: yamlHints[error.code] ?? 'Vérifiez l’indentation (des espaces, pas de tabulations), les deux-points après chaque nom de champ, et mettez entre guillemets un texte qui contient « : ».',
      cause: error,
    });
  }
  return { data: document.toJS() ?? {}, lineOf: lineFinder(document.contents, lines, lineOffset) };
}

/** Splits a Markdown file into frontmatter data and body. */
export function parseMarkdown(text: string, file: string): MarkdownSource {
  const match = frontmatterPattern.exec(text);
  if (!match) return { text, data: {}, lineOf: () => undefined, body: text, bodyLine: 1 };
  // The frontmatter's first line is the file's second.
  const { data, lineOf } = parseYaml(match[1], file, 1);
  return { text, data, lineOf, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

