import type { Kit, Signatory } from '../../load/load-kit.ts';
import type { PrintVariant } from '../../matrix/matrix.ts';
import { composeLetter } from '../../../letter/compose-letter.ts';
import type { LetterModel } from '../../../letter/letter-model.ts';

/** The letter of one print variant (a signatory, a recipient type): generic, since the addressee is not known yet. */
export function variantLetter(kit: Kit, variant: PrintVariant): LetterModel {
  const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
  return composeLetter({
    letter: kit.letters.find((l) => l.id === variant.documentId)!,
    recipientType: kit.recipients.find((r) => r.id === variant.recipient)!,
    sender: signatory,
    pieceJointe: kit.brochures.find((b) => b.data.gabarit === 'plaquette')?.data.titre,
  });
}

/** The partners whose logos close every letter of `signatory` (not itself: HPF does not repeat its own logo). */
export function letterFooterPartners(kit: Kit, signatory: Signatory) {
  return kit.site.logosPiedDeCourrier.filter((id) => id !== signatory.id).map((id) => kit.site.partners.find((p) => p.id === id)!);
}
