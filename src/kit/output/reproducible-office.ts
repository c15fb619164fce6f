import { reproducibleZip } from './reproducible-zip.ts';

/** `2026-11-23T14:48:37Z`: the W3CDTF form Office writes in docProps/core.xml. */
const w3cdtf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Sets `dcterms:created` and `dcterms:modified` of an Office core.xml to `date`. */
export function pinCoreXmlDates(xml: string, date: Date): string {
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${w3cdtf(date)}$3`);
}

/** An Office file (PPTX, DOCX) written again with its properties and zip entries dated `date`, entries in a fixed order. */
export function reproducibleOfficeFile(file: Uint8Array, date: Date): Uint8Array {
  return reproducibleZip(file, date, (name, data) =>
    name === 'docProps/core.xml' ? new TextEncoder().encode(pinCoreXmlDates(new TextDecoder().decode(data), date)) : data,
  );
}
