// The part of `hyphen` (no types of its own) that french-hyphenation.ts uses.
declare module 'hyphen/fr' {
  const hyphenFrench: {
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
  };
  export default hyphenFrench;
}
