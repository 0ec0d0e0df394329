/**
 * `npm run import [collection ...]`: rebuild collections' letters.json from the sources in
 * data/sources (all of them when none is named). Deterministic: the same sources give
 * byte-identical output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { peopleFileSchema, personSchema } from '../core/format.js';
import { ImportError } from './errors.js';
import { IMPORTERS } from './registry.js';
import { serialiseLetters } from './serialise.js';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string, encoding: 'utf8' | 'latin1' = 'utf8'): string => readFileSync(join(root, file), encoding);

function main(names: readonly string[]): number {
	const unknown = names.filter((n) => !IMPORTERS.some((i) => i.id === n));
	if (unknown.length > 0) {
		process.stderr.write(
			`import: no importer for ${unknown.join(', ')} (known: ${IMPORTERS.map((i) => i.id).join(', ')})\n`,
		);
		return 1;
	}
	const chosen = names.length === 0 ? IMPORTERS : IMPORTERS.filter((i) => names.includes(i.id));
	for (const [n, importer] of chosen.entries()) {
		const dir = `data/collections/${importer.id}`;
		const started = performance.now();
		try {
			const people = peopleFileSchema
				.parse(JSON.parse(read(`${dir}/people.json`)))
				.people.map((p) => personSchema.parse(p));
			const letters = importer.run({ read, people });
			writeFileSync(join(root, dir, 'letters.json'), serialiseLetters(importer.id, letters));
			const ms = Math.round(performance.now() - started);
			process.stdout.write(
				`[${n + 1}/${chosen.length}] ${importer.id}: ${letters.length} letters written to ${dir}/letters.json (${ms} ms)\n`,
			);
		} catch (error) {
			if (!(error instanceof ImportError)) throw error;
			process.stderr.write(`import failed: ${importer.id}: ${error.message}\n`);
			return 1;
		}
	}
	return 0;
}

process.exitCode = main(process.argv.slice(2));
