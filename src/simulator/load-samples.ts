import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const SAMPLE_FILE = /^response_(\d+)\.xml$/;

/** Reads `response_N.xml` files of `dir` in N order; there must be at least one. */
export async function loadSamples(dir: string): Promise<Buffer[]> {
  const files = (await readdir(dir))
    .map((file) => ({ file, number: Number(SAMPLE_FILE.exec(file)?.[1]) }))
    .filter(({ number }) => Number.isInteger(number))
    .sort((a, b) => a.number - b.number);
  if (files.length === 0) throw new Error(`no response_N.xml samples in ${dir}`);
  return Promise.all(files.map(({ file }) => readFile(path.join(dir, file))));
}
