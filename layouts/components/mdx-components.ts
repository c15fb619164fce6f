// Components an MDX page or document may use without importing them: <EtapesAmi />, <ReponsesPossibles />,
// <ProjetsEtudies />, <FormulaireContact />, <TraitementContact />.
import AmiSteps from './AmiSteps.astro';
import AnswerCards from './AnswerCards.astro';
import StudiedProjects from './StudiedProjects.astro';
import ContactForm from './ContactForm.astro';
import ContactNotice from './ContactNotice.astro';
import type { MdxComponentName } from './mdx-component-names.ts';

/** On the site. */
export const siteComponents = { EtapesAmi: AmiSteps, ReponsesPossibles: AnswerCards, ProjetsEtudies: StudiedProjects, FormulaireContact: ContactForm, TraitementContact: ContactNotice } satisfies Record<MdxComponentName, unknown>;

/** In printed documents: the AMI steps, the answers' cards and the studied projects across the page; a form has nothing to do on paper. */
export const printComponents = { EtapesAmi: AmiSteps, ReponsesPossibles: AnswerCards, ProjetsEtudies: StudiedProjects, FormulaireContact: () => null, TraitementContact: ContactNotice } satisfies Record<MdxComponentName, unknown>;
