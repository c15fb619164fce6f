// The size of a PNG, read from its header: no decoder, so it runs in Node and in the browser alike.

/** Width and height of a PNG (its IHDR chunk, bytes 16 to 24). */
export function pngSize(data: Uint8Array): { width: number; height: number } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width ÷ height of a PNG data URI, from the first bytes of its base64 text. */
export function pngDataUriAspect(dataUri: string): number {
  const start = dataUri.indexOf(',') + 1;
  const size = pngSize(Uint8Array.from(atob(dataUri.slice(start, start + 44)), (char) => char.charCodeAt(0)));
  return size.width / size.height;
}
