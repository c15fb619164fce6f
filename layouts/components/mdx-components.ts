// Components an MDX page or document may use without importing them: <EtapesAmi />, <FormulaireContact />, <TraitementContact />.
import AmiSteps from './AmiSteps.astro';
import ContactForm from './ContactForm.astro';
import ContactNotice from './ContactNotice.astro';
import type { MdxComponentName } from './mdx-component-names.ts';

/** On the site. */
export const siteComponents = { EtapesAmi: AmiSteps, FormulaireContact: ContactForm, TraitementContact: ContactNotice } satisfies Record<MdxComponentName, unknown>;

/** In printed documents: the AMI steps across the page (over both columns of the brochure); a form has nothing to do on paper. */
export const printComponents = { EtapesAmi: AmiSteps, FormulaireContact: () => null, TraitementContact: ContactNotice } satisfies Record<MdxComponentName, unknown>;
