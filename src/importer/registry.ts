/**
 * Every collection that `npm run import` builds, and how. Each importer gets the text of its
 * sources through `read` and the collection's people, and returns the finished letters.
 */
import type { Letter, Person } from '../core/format.js';
import { importBigThree } from './big-three/index.js';
import { importLincoln } from './lincoln/index.js';
import { importVictoria } from './victoria/index.js';
import { importAdams } from './adams/index.js';
import { importNapoleonJosephine } from './napoleon-josephine/index.js';

export interface ImportContext {
	/** The text of a repository file; `latin1` for Project Gutenberg's ISO-8859-1 files. */
	read: (file: string, encoding?: 'utf8' | 'latin1') => string;
	/** The collection's people, from its people.json. */
	people: readonly Person[];
}

export interface CollectionImporter {
	/** The collection id, which is also its folder under data/collections/. */
	id: string;
	run: (context: ImportContext) => Letter[];
}

export const IMPORTERS: readonly CollectionImporter[] = [
	{ id: 'big-three', run: ({ read, people }) => importBigThree((file) => read(file), people) },
	{ id: 'lincoln', run: importLincoln },
	{ id: 'victoria', run: importVictoria },
	{ id: 'adams', run: importAdams },
	{ id: 'napoleon-josephine', run: importNapoleonJosephine },
];
