import { recipientSchema, type RecipientData } from '../../schemas/recipient.ts';
import { letterSchema, type LetterData } from '../../schemas/document.ts';
import { letterPlaceholders, placeholderNamePattern, RESERVED_PLACEHOLDERS, splitPassages } from '../../letter/passages.ts';
import type { Entry, LoadContext } from './context.ts';

export interface Recipient extends RecipientData {
  id: string;
  file: string;
  /** Letter passages specific to this recipient type, by name (`## accroche` → `accroche`). */
  passages: Record<string, string>;
}

export interface Letter extends Entry<LetterData> {
  body: string;
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineContaining(text: string, needle: string): number | undefined {
  const index = text.indexOf(needle);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}

/** `content/interlocuteurs/<id>.md`: frontmatter and named passages, in their declared order. */
export async function loadRecipients(context: LoadContext): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  for (const { id, file } of await context.listEntries('content/interlocuteurs', /\.md$/)) {
    const source = await context.attempt(() => context.readMarkdown(file));
    const data = source && context.validated(recipientSchema, source.data, file, source.lineOf);
    const passages = source && (await context.attempt(() => splitPassages(source.body, file, source.bodyLine)));
    // Inside a passage, only the letter's own placeholders make sense ({{ appel }}…).
    for (const text of Object.values(passages ?? {})) {
      for (const placeholder of letterPlaceholders(text).filter((p) => !RESERVED_PLACEHOLDERS.includes(p.name))) {
        context.report(`emplacement « {{ ${placeholder.name} }} » inconnu dans un passage`, { code: 'emplacement-inconnu', file, line: lineContaining(source!.text, `{{ ${placeholder.name}`), hint: `Dans un passage, seuls ${RESERVED_PLACEHOLDERS.map((n) => `{{ ${n} }}`).join(' et ')} sont remplacés.` });
      }
    }
    // Protocol: the closing repeats the form of address word for word, so it must hold {{ appel }}.
    if (data && !letterPlaceholders(data.formuleFinale).some((p) => p.name === 'appel')) {
      context.report('{{ appel }} manquant : la formule finale doit reprendre la formule d’appel', {
        code: 'formule-sans-appel',
        file,
        line: source!.lineOf(['formuleFinale']),
        field: 'formuleFinale',
        hint: 'Écrivez {{ appel }} à la place de la formule d’appel (le courrier y mettra celle du destinataire), par ex. « Je vous prie d’agréer, {{ appel }}, l’expression de ma considération distinguée. »',
      });
    }
    if (data && passages) recipients.push({ id, file, ...data, passages });
  }
  return recipients.sort((a, b) => a.ordre - b.ordre || a.id.localeCompare(b.id));
}

/** `letters/<id>.md`: each placeholder must be a passage of every recipient type the letter is for. */
export async function loadLetters(context: LoadContext, recipients: Recipient[]): Promise<Letter[]> {
  const letters: Letter[] = [];
  for (const { id, file } of await context.listEntries('letters', /\.md$/)) {
    const source = await context.attempt(() => context.readMarkdown(file));
    const data = source && context.validated(letterSchema, source.data, file, source.lineOf);
    if (!source || !data) continue;
    data.interlocuteurs?.forEach((recipientId, index) => {
      if (!recipients.some((r) => r.id === recipientId)) {
        context.report(`type d’interlocuteur inconnu : « ${recipientId} »`, { code: 'interlocuteur-inconnu', file, line: source.lineOf(['interlocuteurs', index]), field: `interlocuteurs.${index}`, hint: `Utilisez le nom d’un fichier de content/interlocuteurs/ : ${recipients.map((r) => r.id).join(', ')}.` });
      }
    });
    const addressed = recipients.filter((r) => !data.interlocuteurs || data.interlocuteurs.includes(r.id));
    for (const placeholder of letterPlaceholders(source.body)) {
      if (!placeholderNamePattern.test(placeholder.name)) {
        context.report(`emplacement invalide « {{ ${placeholder.name} }} »`, {
          code: 'emplacement-invalide',
          file,
          line: source.bodyLine + placeholder.line - 1,
          hint: `Un emplacement porte le nom d’un passage des interlocuteurs, en minuscules (ex. {{ accroche }}), ou ${RESERVED_PLACEHOLDERS.map((n) => `{{ ${n} }}`).join(', ')}.`,
        });
        continue;
      }
      if (RESERVED_PLACEHOLDERS.includes(placeholder.name)) continue;
      for (const recipient of addressed) {
        if (!(placeholder.name in recipient.passages)) {
          context.report(`passage « ${placeholder.name} » manquant (utilisé par ${file}, ligne ${source.bodyLine + placeholder.line - 1})`, {
            code: 'passage-manquant',
            file: recipient.file,
            hint: `Ajoutez une section « ## ${placeholder.name} » dans ${recipient.file}, ou retirez {{ ${placeholder.name} }} du courrier.`,
          });
        }
      }
    }
    letters.push({ id, file, data, body: source.body, source: { text: source.text, body: source.body, bodyLine: source.bodyLine } });
  }
  return letters;
}
