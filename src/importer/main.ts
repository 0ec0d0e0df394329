/**
 * `npm run import`: rebuild every collection's letters.json from the sources in data/sources.
 * Deterministic: the same sources give byte-identical output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { peopleFileSchema, personSchema } from '../core/format.js';
import { importBigThree } from './big-three/index.js';
import { ImportError } from './errors.js';
import { serialiseLetters } from './serialise.js';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

function main(): number {
	try {
		const dir = 'data/collections/big-three';
		const people = peopleFileSchema.parse(JSON.parse(read(`${dir}/people.json`))).people.map((p) => personSchema.parse(p));
		const letters = importBigThree(read, people);
		writeFileSync(join(root, dir, 'letters.json'), serialiseLetters('big-three', letters));
		process.stdout.write(`big-three: ${letters.length} letters written to ${dir}/letters.json\n`);
		return 0;
	} catch (error) {
		if (error instanceof ImportError) {
			process.stderr.write(`import failed: ${error.message}\n`);
			return 1;
		}
		throw error;
	}
}

process.exitCode = main();
