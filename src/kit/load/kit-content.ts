import { resolve } from 'node:path';
import type { Kit } from './load-kit.ts';

/**
 * The validated kit of a root, read once by the integration and handed to every consumer: the variant
 * matrix, `virtual:kit` for pages, and the content collections that give Astro the Markdown to render
 * (src/content.config.ts). Astro evaluates the integration and the collections as separate module
 * instances, so the holder lives on `globalThis`, one per kit root.
 */
interface Holder {
  kit?: Kit;
  listeners: Set<(kit: Kit) => void>;
}

const holders: Map<string, Holder> = ((globalThis as Record<symbol, unknown>)[Symbol.for('kit-qpv.content')] ??= new Map()) as Map<string, Holder>;

function holderOf(root: string): Holder {
  const key = resolve(root); // « /kit/ » and « /kit » are one root
  let holder = holders.get(key);
  if (!holder) holders.set(key, (holder = { listeners: new Set() }));
  return holder;
}

/** Makes `kit` the current content of its root and tells the collections (in `astro dev`, after an edit). */
export function publishKit(kit: Kit): void {
  const holder = holderOf(kit.root);
  holder.kit = kit;
  for (const listener of holder.listeners) listener(kit);
}

/** The kit last published for `root`, if the integration has read it. */
export function publishedKit(root: string): Kit | undefined {
  return holderOf(root).kit;
}

/** Calls `listener` with each new kit of `root`; returns a function that stops listening. */
export function onKitPublished(root: string, listener: (kit: Kit) => void): () => void {
  const { listeners } = holderOf(root);
  listeners.add(listener);
  return () => listeners.delete(listener);
}
