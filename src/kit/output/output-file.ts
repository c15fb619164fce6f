import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes an output's bytes, its folder made if needed. */
export async function writeOutputFile(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, bytes);
}
