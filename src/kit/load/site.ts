import { existsSync } from 'node:fs';
import { siteSchema, type SiteData } from '../../schemas/site.ts';
import type { LoadContext } from './context.ts';

export interface Site extends SiteData {
  partners: (SiteData['partenaires'][number] & { logoPath: string })[];
}

export const SITE_FILE = 'content/site.yaml';

/** `content/site.yaml`, with each partner logo found and every partner reference resolved. */
export async function loadSite(context: LoadContext): Promise<Site | undefined> {
  const data = await context.loadYamlFile(SITE_FILE, siteSchema, 'Créez content/site.yaml (titre, description, url, partenaires, contact).');
  if (!data) return undefined;
  const partners = data.partenaires.map((partner, index) => {
    const logoPath = context.path('content', partner.logo);
    if (!existsSync(logoPath)) {
      context.report(`fichier introuvable : ${partner.logo}`, { code: 'fichier-introuvable', file: SITE_FILE, field: `partenaires.${index}.logo`, hint: `Ajoutez le logo dans content/${partner.logo} ou corrigez le chemin (relatif à content/).` });
    }
    return { ...partner, logoPath };
  });
  for (const key of ['logosPiedDeCourrier', 'logosCouverture'] as const) {
    data[key].forEach((id, index) => {
      if (!partners.some((p) => p.id === id)) {
        context.report(`partenaire inconnu : « ${id} »`, { code: 'partenaire-inconnu', file: SITE_FILE, field: `${key}.${index}`, hint: `Utilisez un identifiant déclaré dans « partenaires » : ${partners.map((p) => p.id).join(', ')}.` });
      }
    });
  }
  return { ...data, partners };
}
