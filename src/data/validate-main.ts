/** `npm run validate [data-dir]`: check every collection and the timeline, naming every problem. */
import { formatProblem } from './check.js';
import { DEFAULT_DATA_DIR, validateDataDir } from './load.js';

const dir = process.argv[2] ?? DEFAULT_DATA_DIR;
const { data, problems } = validateDataDir(dir);
if (problems.length > 0) {
	for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
	process.stderr.write(`validate: ${problems.length} problem${problems.length === 1 ? '' : 's'} found\n`);
	process.exitCode = 1;
} else {
	for (const c of data.collections) {
		process.stdout.write(`${c.collection.id}: ${c.letters.length} letters, ${c.people.length} people: ok\n`);
	}
	process.stdout.write(`timeline: ${data.timeline.length} events: ok\n`);
}
