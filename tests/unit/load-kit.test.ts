import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { kitCollection } from '../../src/kit/load/collection-loader.ts';
import { publishKit } from '../../src/kit/load/kit-content.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { fixtureKit } from '../support/fixture.ts';

describe('loadKit on a valid kit', () => {
  it('reads signatories, recipient types and documents in their declared order', async () => {
    const kit = await loadKit(fixtureKit);
    expect(kit.signatories.map((s) => s.id)).toEqual(['alpha-amo', 'atelier-eleonore', 'cooperative-grand-est', 'hpf']);
    expect(kit.recipients.map((r) => r.id)).toEqual(['elu', 'bailleur-social']);
    expect(kit.letters.map((l) => l.id)).toEqual(['courrier']);
    expect(kit.decks.map((d) => d.title)).toEqual(['Présentation d’essai']);
    expect(kit.site.partners.map((p) => p.id)).toEqual(['hpf', 'anct']);
  });

  it('splits each recipient file into its named passages', async () => {
    const kit = await loadKit(fixtureKit);
    expect(kit.recipients[0].passages).toEqual({
      accroche: 'Passage propre aux élus de la commune.',
      proposition: 'Nous proposons une rencontre avec les élus.',
    });
  });
});

describe('one read of the content', () => {
  it('keeps each entry’s text as read, body and first body line included', async () => {
    const kit = await loadKit(fixtureKit);
    const sheet = kit.sheets[0];
    const text = readFileSync(join(fixtureKit, sheet.file), 'utf8');
    expect(sheet.source.text).toBe(text);
    expect(text.split('\n')[sheet.source.bodyLine - 1]).toBe(sheet.source.body.split('\n')[0]);
  });

  it('hands the published entries to Astro’s collections without validating them again: .md rendered, .mdx deferred, unchanged ones kept', async () => {
    const kit = await loadKit(fixtureKit);
    publishKit(kit);
    const stored = new Map<string, Record<string, unknown>>();
    const rendered: string[] = [];
    const context = {
      config: { root: new URL(`file://${fixtureKit}/`) },
      store: {
        get: (id: string) => stored.get(id),
        set: (entry: Record<string, unknown>) => stored.set(entry.id as string, entry),
        keys: () => [...stored.keys()],
        delete: (id: string) => stored.delete(id),
        addModuleImport: () => {},
      },
      parseData: async ({ data }: { data: Record<string, unknown> }) => data,
      renderMarkdown: async (body: string) => {
        rendered.push(body);
        return { html: `<p>${body}</p>`, metadata: {} };
      },
      generateDigest: (text: string) => String(text.length),
    } as unknown as LoaderContext;
    const loader = kitCollection((k) => [...k.pages, ...k.brochures]);
    await loader.load(context);
    const plaquette = stored.get('plaquette')!;
    expect(plaquette).toMatchObject({ filePath: 'brochures/plaquette.mdx', deferredRender: true });
    expect(plaquette.data).toBe(kit.brochures.find((b) => b.id === 'plaquette')!.data);
    expect(stored.get('accueil')).toMatchObject({ filePath: 'content/pages/accueil.md', rendered: { html: `<p>${kit.pages[0].source.body}</p>` } });
    const renders = rendered.length;
    await loader.load(context);
    expect(rendered).toHaveLength(renders);
  });
});
