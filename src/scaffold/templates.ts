// What `npm run nouveau -- <sorte> <nom>` writes: one template per kind of content, every field present
// and explained in French, the unknowns written « à compléter » (the build and the pages show them as
// such) so that the new file passes `npm run check` at once and appears in the build.

/** The kinds of content the command creates, by their French name on the command line. */
export const SCAFFOLD_KINDS = ['signataire', 'interlocuteur', 'fiche', 'exemple', 'actualite'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

/** A file to create, relative to the kit's root. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

/** What a kind needs to know to write its files. */
export interface ScaffoldContext {
  slug: string;
  /** Today, `AAAA-MM-JJ` (a news item's date and file name). */
  today: string;
  /** The passages the letters ask each recipient type for (`{{ accroche }}` → `accroche`), in order. */
  letterPassages: string[];
}

const signatory = ({ slug }: ScaffoldContext): ScaffoldFile[] => [
  {
    path: `content/signataires/${slug}/index.yaml`,
    content: `# yaml-language-server: $schema=../../../schemas/signataire.schema.json
# Signataire « ${slug} » : son nom, son logo et ses coordonnées figurent sur chacun de ses documents
# (courriers, plaquette, fiches, présentation). Remplacez chaque « à compléter ».
# Nom complet, tel qu’il s’imprime en tête des courriers.
nom: Nom de la structure (à compléter)
# Nom court, pour les diapositives et les titres de fichiers (24 caractères au plus).
nomCourt: ${slug}
# Si le nom commence par un nom commun (« Société… », « Agence… »), son article : la, le, l’ ou les.
# article: la
# Le logo, dans ce dossier : de préférence un SVG ; sinon un PNG d’au moins 600 px de large.
# Le fichier logo.svg posé ici est provisoire (« logo à remplacer ») : remplacez-le par le vôtre.
logo: logo.svg
# Site web, avec https:// (sans lui, « site web à compléter » s’imprime, surligné).
# siteWeb: https://www.exemple.fr
# Adresse électronique de contact.
# courriel: contact@exemple.fr
# Téléphone, tel qu’il doit s’imprimer.
# telephone: 01 23 45 67 89
# Adresse postale, une ligne par élément.
# adresse:
#   - 1 rue de l’Exemple
#   - 69000 Lyon
# Paragraphe qui ouvre les courriers (sans lui, celui du courrier type).
# presentation: >-
#   Notre structure accompagne…
# La personne qui signe les courriers (sans elle, « nom à compléter » et « fonction à compléter »).
signature: {}
#   nom: Prénom Nom
#   fonction: Gérante
`,
  },
];

const recipient = ({ slug, letterPassages }: ScaffoldContext): ScaffoldFile[] => [
  {
    path: `content/interlocuteurs/${slug}.md`,
    content: `---
# Type d’interlocuteur « ${slug} » : un courrier de demande de rendez-vous par signataire lui est adressé.
# Vérifiez chaque formule dans un guide de protocole et citez-le ici (# Source : …).
# Nom du type, dans les listes et les fichiers : « Maire ou élu·e municipal·e ».
libelle: Interlocuteur à compléter
# Place dans les listes (la plus petite d’abord).
ordre: 100
# Formule d’appel, selon la civilité de la personne (jamais devinée).
appel:
  madame: Madame (à compléter)
  monsieur: Monsieur (à compléter)
# Bloc d’adresse quand la personne n’est pas encore nommée, une ligne par élément.
destinataire:
  - Madame, Monsieur (à compléter)
  - Organisme de ……………
  - Adresse ……………
# Objet du courrier.
objet: Demande de rendez-vous — habitat participatif dans les quartiers prioritaires (à compléter)
# Formule finale, qui reprend la formule d’appel ({{ appel }}) : « considération distinguée », ou « haute considération »
# pour un élu ou un membre du corps préfectoral (docs/protocole-courrier.md).
formuleFinale: Je vous prie d’agréer, {{ appel }}, l’expression de ma considération distinguée.
---
${letterPassages.map((name) => `## ${name}\n\nPassage « ${name} » du courrier pour cet interlocuteur : à compléter.\n`).join('\n')}`,
  },
];

const sheet = ({ slug }: ScaffoldContext): ScaffoldFile[] => [
  {
    path: `content/fiches/${slug}.md`,
    content: `---
# Fiche « réponse possible » « ${slug} » : une page du site (/fiches/${slug}/) et un PDF de 2 pages par signataire.
# Titre de la fiche : « La SCIAPP ».
titre: Titre de la fiche (à compléter)
# Nom développé, sous le titre.
sousTitre: Nom développé du montage (à compléter)
# Une ou deux phrases, pour les listes et la description de la page.
resume: Résumé de la fiche en une ou deux phrases (à compléter).
# Place parmi les fiches (la plus petite d’abord).
ordre: 100
# Sources, imprimées à la fin : un titre et une adresse chacune. Chaque fait de la fiche vient d’une source.
sources: []
#   - titre: Nom de la source — titre de la page
#     url: https://www.exemple.fr/page
---
## Ce que c’est

À compléter.

## Pour qui

À compléter.

## Un exemple

À compléter.
`,
  },
];

const example = ({ slug }: ScaffoldContext): ScaffoldFile[] => [
  {
    path: `content/exemples/${slug}.md`,
    content: `---
# Exemple « ${slug} » : un projet réalisé (page /exemples/${slug}/). Des faits sourcés seulement.
# Nom du projet.
titre: Nom du projet (à compléter)
# Commune.
ville: Commune à compléter
# Quartier ou opération, s’il est connu.
# quartier: Nom du quartier
# Date clé, en toutes lettres, telle que la source la donne : « livré à l’été 2015 ».
date: à compléter
# Montage, tel que la source le décrit : « coopérative d’habitants ».
montage: à compléter
# La fiche qu’il illustre, s’il y en a une (nom de fichier dans content/fiches/, sans .md).
# fiche: cooperative-habitants
# Taille, telle que la source la donne : « 16 logements ».
# logements: 16 logements
# L’un des six projets de l’étude 2016-2018 : true ; sinon false.
etudie: false
# Une phrase pour les listes.
resume: Résumé du projet en une phrase (à compléter).
# La photo : le fichier, posé à côté de ce fichier ; tant qu’il manque, « photo à fournir » s’affiche.
photo:
  # fichier: photo.jpg
  legende: Légende de la photo (à compléter)
  credit: à compléter
# Place dans les listes (la plus petite d’abord).
ordre: 100
# Sources : un titre et une adresse chacune.
sources: []
#   - titre: Nom de la source — titre de la page
#     url: https://www.exemple.fr/page
---
Présentation du projet : à compléter, à partir des sources.
`,
  },
];

const news = ({ slug, today }: ScaffoldContext): ScaffoldFile[] => [
  {
    path: `content/actualites/${today}-${slug}.md`,
    content: `---
# Actualité « ${slug} » : page /actualites/${slug}/, dans la liste des actualités et dans le fil RSS.
# Le jour dans le nom du fichier et dans « date » doit être le même : celui de l’événement.
titre: Titre de l’actualité (à compléter)
date: ${today}
# Une ou deux phrases, pour la liste, le fil et les moteurs de recherche.
description: Résumé de l’actualité en une ou deux phrases (à compléter).
# public : sur le site et dans le fil ; amo : dans l’espace des AMO seulement.
audience: public
# L’actualité d’un réseau partenaire, résumée avec nos mots (jamais recopiée) : qui l’a publiée, le lien, sa date.
# source:
#   nom: Nom du partenaire
#   url: https://www.exemple.fr/article
#   date: ${today}
---
Texte de l’actualité : à compléter.
`,
  },
];

/** The files of each kind. */
export const TEMPLATES: Record<ScaffoldKind, (context: ScaffoldContext) => ScaffoldFile[]> = {
  signataire: signatory,
  interlocuteur: recipient,
  fiche: sheet,
  exemple: example,
  actualite: news,
};

/** Where to look once the files exist: the page or the documents that show the new content. */
export const NEXT_STEPS: Record<ScaffoldKind, (slug: string) => string> = {
  signataire: (slug) => `remplacez logo.svg par votre logo ; puis, après npm run build, ses documents sont à /kit/${slug}/`,
  interlocuteur: () => 'vérifiez les formules dans un guide de protocole ; chaque signataire aura son courrier pour cet interlocuteur (PDF et Word)',
  fiche: (slug) => `la fiche est à /fiches/${slug}/, et en PDF dans les documents de chaque signataire`,
  exemple: (slug) => `la page est à /exemples/${slug}/ ; posez la photo à côté du fichier et indiquez-la dans « photo.fichier »`,
  actualite: (slug) => `l’actualité est à /actualites/${slug}/ et dans le fil RSS`,
};
