// The Marp engine of the kit's decks: Marp Core plus French typography (src/typography/french.mjs).
import { markdownItFrenchTypography } from './french.mjs';

/** @param {{ marp: any }} constructorOptions */
export default ({ marp }) => marp.use(markdownItFrenchTypography);
