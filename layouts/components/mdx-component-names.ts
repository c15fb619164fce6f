/** The components an MDX page or document may use without importing them. Checked when the content is read. */
export const MDX_COMPONENT_NAMES = ['EtapesAmi', 'ReponsesPossibles', 'ProjetsEtudies', 'FormulaireContact', 'TraitementContact'] as const;

export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];
