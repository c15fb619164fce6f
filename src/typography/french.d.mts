export declare const NBSP: string;
export declare const NNBSP: string;
/** French typography for a text or an HTML document (tags, code, scripts and styles left as they are). */
export declare function frenchTypography(text: string): string;
/** markdown-it plugin (for Marp): typography on text tokens and on speaker notes. */
export declare function markdownItFrenchTypography(md: unknown): void;
