// Components an MDX page or document may use without importing them: <EtapesAmi />, <FormulaireContact />.
import AmiSteps from './AmiSteps.astro';
import ContactForm from './ContactForm.astro';

/** On the site. */
export const siteComponents = { EtapesAmi: AmiSteps, FormulaireContact: ContactForm };

/** In printed documents: the AMI steps across the page (over both columns of the brochure); a form has nothing to do on paper. */
export const printComponents = { EtapesAmi: AmiSteps, FormulaireContact: () => null };
