import { Lexer, type Token } from 'marked';
import type { Run, Runs } from './letter-model.ts';

type Emphasis = Pick<Run, 'bold' | 'italic'>;

function inlineRuns(tokens: Token[] | undefined, emphasis: Emphasis): Run[] {
  return (tokens ?? []).flatMap((token): Run[] => {
    switch (token.type) {
      case 'strong':
        return inlineRuns(token.tokens, { ...emphasis, bold: true });
      case 'em':
        return inlineRuns(token.tokens, { ...emphasis, italic: true });
      case 'link':
        return inlineRuns(token.tokens, emphasis);
      case 'br':
        return [{ text: '\n', ...emphasis }];
      case 'text':
        return token.tokens ? inlineRuns(token.tokens, emphasis) : [{ text: decodeEntities(token.text), ...emphasis }];
      case 'escape':
      case 'codespan':
        return [{ text: decodeEntities(token.text), ...emphasis }];
      default:
        return 'text' in token && typeof token.text === 'string' ? [{ text: decodeEntities(token.text), ...emphasis }] : [];
    }
  });
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': '’' };
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity]);
}

/**
 * A letter's Markdown (paragraphs, **bold**, *italic*) as paragraphs of text runs. A letter has no
 * headings, lists or images: their text is kept as plain paragraphs.
 */
export function markdownParagraphs(markdown: string): Runs[] {
  return Lexer.lex(markdown, { gfm: true })
    .filter((token) => token.type !== 'space')
    .map((token) => inlineRuns('tokens' in token && token.tokens ? token.tokens : [{ type: 'text', raw: token.raw, text: token.raw } as Token], {}))
    .filter((runs) => runs.some((run) => run.text.trim() !== ''));
}
