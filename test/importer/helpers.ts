import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { peopleFileSchema, personSchema, type Person } from '../../src/core/format.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Read a repository file as text. */
export function readRepoFile(file: string): string {
	return readFileSync(join(ROOT, file), 'utf8');
}

/** The people of the big-three collection, as the importer sees them. */
export function bigThreePeople(): Person[] {
	const json: unknown = JSON.parse(readRepoFile('data/collections/big-three/people.json'));
	return peopleFileSchema.parse(json).people.map((p) => personSchema.parse(p));
}
