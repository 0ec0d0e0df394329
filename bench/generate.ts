/**
 * Write a synthetic data directory: `tsx bench/generate.ts <letters> <dir> [seed]`. Prints one
 * JSON line with what was written. The benchmark runs it as a child so its garbage stays out of
 * the process that measures.
 */
import { DEFAULT_SEED, generateDataSet, writeDataSet } from './synthetic.js';

const [letters, dir, seed] = process.argv.slice(2);
if (letters === undefined || dir === undefined || !/^\d+$/.test(letters)) {
	process.stderr.write('usage: generate.ts <letters> <dir> [seed]\n');
	process.exit(2);
}
const started = performance.now();
const data = generateDataSet(Number(letters), seed === undefined ? DEFAULT_SEED : Number(seed));
const bytes = writeDataSet(dir, data);
process.stdout.write(
	`${JSON.stringify({ letters: Number(letters), collections: data.collections.length, bytes, ms: performance.now() - started })}\n`,
);
