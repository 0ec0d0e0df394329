/** `npm run validate [data-dir]`: check every collection, the timeline and the prompts, naming every problem. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from './check.js';
import { DataError, DEFAULT_DATA_DIR, validateDataDir } from './load.js';
import { loadPrompts } from './prompts.js';

const dir = process.argv[2] ?? DEFAULT_DATA_DIR;
const { data, problems } = validateDataDir(dir);
// The daily post's discussion prompts, when the folder has them (a community collection need not).
let promptCount: number | undefined;
if (existsSync(join(dir, 'prompts.json'))) {
	try {
		promptCount = loadPrompts(dir).length;
	} catch (error: unknown) {
		if (!(error instanceof DataError)) throw error;
		problems.push(...error.problems);
	}
}
if (problems.length > 0) {
	for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
	process.stderr.write(`validate: ${problems.length} problem${problems.length === 1 ? '' : 's'} found\n`);
	process.exitCode = 1;
} else {
	for (const c of data.collections) {
		process.stdout.write(`${c.collection.id}: ${c.letters.length} letters, ${c.people.length} people: ok\n`);
	}
	process.stdout.write(`timeline: ${data.timeline.length} events: ok\n`);
	if (promptCount !== undefined) process.stdout.write(`prompts: ${promptCount}: ok\n`);
}
