/**
 * Reading the data directory: every collection under `collections/`, and `timeline.json`.
 * The only module that touches the data files at run time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { checkDataSet, formatProblem, type CheckedDataSet, type Problem, type RawDataSet } from './check.js';

/**
 * The package's root: the nearest directory holding a `package.json`, going up from `from`. From
 * this module that is the repository, whether it runs from `src/data/` (tsx) or from the build in
 * `dist/src/data/` (`npm start`).
 */
export function packageRoot(from: string = import.meta.dirname): string {
	for (let dir = from; ; dir = dirname(dir)) {
		if (existsSync(join(dir, 'package.json'))) return dir;
		if (dirname(dir) === dir) throw new Error(`no package.json in ${from} or above it`);
	}
}

/** The repository's own data directory. */
export const DEFAULT_DATA_DIR = join(packageRoot(), 'data');

/** Raised when the data cannot be used; its message lists every problem, one per line. */
export class DataError extends Error {
	constructor(readonly problems: readonly Problem[]) {
		super(`the letter data has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`);
		this.name = 'DataError';
	}
}

function readJson(path: string, shown: string, problems: Problem[]): unknown {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		const message = error instanceof SyntaxError ? `not valid JSON: ${error.message}` : `cannot be read: ${String(error)}`;
		problems.push({ file: shown, field: '(file)', message });
		return undefined;
	}
}

/** Read the raw JSON of every data file, noting files that are missing or are not JSON. */
export function readDataSet(dataDir: string = DEFAULT_DATA_DIR): { raw: RawDataSet; problems: Problem[] } {
	const problems: Problem[] = [];
	const shown = (path: string): string => relative(join(dataDir, '..'), path);
	const dir = join(dataDir, 'collections');
	const names = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
	if (names.length === 0) problems.push({ file: shown(dir), field: '(directory)', message: 'holds no collections' });
	const collections = names.map((name) => {
		const file = (f: string): { file: string; json: unknown } => {
			const path = join(dir, name, f);
			return { file: shown(path), json: readJson(path, shown(path), problems) };
		};
		return { collection: file('collection.json'), people: file('people.json'), letters: file('letters.json') };
	});
	const timelinePath = join(dataDir, 'timeline.json');
	const timeline = existsSync(timelinePath) ? { file: shown(timelinePath), json: readJson(timelinePath, shown(timelinePath), problems) } : undefined;
	return { raw: { collections, ...(timeline ? { timeline } : {}) }, problems };
}

/** Read and check the data directory; returns the checked data and every problem found. */
export function validateDataDir(dataDir: string = DEFAULT_DATA_DIR): { data: CheckedDataSet; problems: Problem[] } {
	const read = readDataSet(dataDir);
	const checked = checkDataSet(read.raw);
	return { data: checked.data, problems: [...read.problems, ...checked.problems] };
}

/** Load the data for use, failing with every problem named when any is found. */
export function loadDataSet(dataDir: string = DEFAULT_DATA_DIR): CheckedDataSet {
	const { data, problems } = validateDataDir(dataDir);
	if (problems.length > 0) throw new DataError(problems);
	return data;
}
