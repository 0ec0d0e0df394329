/**
 * One corpus size in its own process, so sizes never share a heap. First start-up, measured as
 * `src/main.ts` does it: read and parse the data directory, validate it, build the corpus, the
 * full-text index and the suggestion tables; then the memory held once that is done. Then,
 * when asked, the bot itself (the real client, router and commands) logged in to the emulator named
 * by the environment, and, after it, the core benchmark on the same indexes.
 *
 * Each result is one JSON line on stdout: `{"type":"startup",…}`, `{"type":"bot-ready",…}`,
 * `{"type":"bot-gc",…}` (the bot's garbage collections while it was measured, by kind),
 * `{"type":"core",…}`. Progress goes to stderr.
 *
 * Usage: `node --expose-gc --import tsx bench/startup-child.ts <data-dir> [--core quick|full] [--bot]`
 * (`--bot` reads `DISCORD_API_URL` and `DISCORD_TOKEN`, and keeps the bot logged in until a line
 * arrives on stdin; the core runs after it).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { mulberry32 } from '../src/core/rng.js';
import { checkDataSet } from '../src/data/check.js';
import { readDataSet } from '../src/data/load.js';
import { buildIndexes, drawInputs, runCore, threadSizes } from './core.js';
import { memorySnapshot, type SampleOptions, type Span } from './stats.js';

const [dataDir, ...flags] = process.argv.slice(2);
if (dataDir === undefined) {
	process.stderr.write('usage: startup-child.ts <data-dir> [--core quick|full] [--bot]\n');
	process.exit(2);
}
const coreMode = flags.includes('--core') ? flags[flags.indexOf('--core') + 1] : undefined;
const withBot = flags.includes('--bot');

/** The id of an INTERACTION_CREATE gateway dispatch; undefined for any other packet. */
function interactionIdOf(packet: unknown): string | undefined {
	if (typeof packet !== 'object' || packet === null || !('t' in packet) || packet.t !== 'INTERACTION_CREATE')
		return undefined;
	const data = 'd' in packet ? packet.d : undefined;
	return typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string' ? data.id : undefined;
}

function emit(line: Record<string, unknown>): void {
	process.stdout.write(`${JSON.stringify(line)}\n`);
}

const before = memorySnapshot();
const t0 = performance.now();
const read = readDataSet(dataDir);
const t1 = performance.now();
const checked = checkDataSet(read.raw);
const t2 = performance.now();
const problems = [...read.problems, ...checked.problems];
if (problems.length > 0) {
	process.stderr.write(`startup-child: ${problems.length} data problems, e.g. ${JSON.stringify(problems[0])}\n`);
	process.exit(1);
}
// Start-up as the bot does it; the indexes are what the commands read.
const tCorpus = performance.now();
const indexed = buildIndexes(checked.data);
const t5 = performance.now();
const loaded = memorySnapshot();
// The raw JSON is garbage once checked, as in the running bot.
read.raw.collections.length = 0;
globalThis.gc?.();
const settled = memorySnapshot();
const threads = threadSizes(indexed.corpus);
emit({
	type: 'startup',
	letters: indexed.corpus.letters.length,
	people: indexed.corpus.people.size,
	collections: indexed.corpus.collections.length,
	words: indexed.suggestions.tables.word.keys.length,
	replyPairs: indexed.corpus.replyPairs.length,
	largestThreads: threads.slice(0, 3),
	ms: { readParse: t1 - t0, validate: t2 - t1, index: t5 - tCorpus, total: t5 - t0 },
	memory: { before, loaded, settled, gcAvailable: typeof globalThis.gc === 'function' },
});

if (withBot) {
	const [{ Events }, { commands }, { startBot }, { openStore }, { createLogger }] = await Promise.all([
		import('discord.js'),
		import('../commands/index.js'),
		import('../src/discord/bot.js'),
		import('../src/storage/open-store.js'),
		import('../src/logger.js'),
	]);
	const token = process.env.DISCORD_TOKEN ?? '';
	const apiUrl = process.env.DISCORD_API_URL ?? '';
	if (!apiUrl.startsWith('http://127.0.0.1:')) {
		process.stderr.write(
			'startup-child: --bot runs only against a local emulator (DISCORD_API_URL=http://127.0.0.1:…)\n',
		);
		process.exit(2);
	}
	const logger = createLogger({ level: 'warn', secrets: [token], destination: process.stderr });
	const store = await openStore('memory://', logger);
	const bot = await startBot({
		token,
		apiUrl,
		commands,
		deps: { ...indexed, settings: store.settings, random: mulberry32(42) },
		logger,
		// As the emulator harness recommends: no identify throttle, no rate-limit safety offset.
		clientOverrides: {
			rest: { api: apiUrl, offset: 0 },
			ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: () => Promise.resolve() }) },
			waitGuildTimeout: 1_000,
		},
	});
	// The bot's garbage collections while it is measured, by kind: a pause that falls between an
	// interaction's gateway frame and its callback is in that interaction's latency.
	const gcKinds: Record<number, string> = { 1: 'scavenge', 2: 'markCompact', 4: 'incremental', 8: 'weakCallbacks' };
	const gc: Record<string, { count: number; totalMs: number; maxMs: number }> = {};
	const gcSpans: Span[] = [];
	const gcObserver = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			gcSpans.push({ start: performance.timeOrigin + entry.startTime, durationMs: entry.duration });
			const detail: unknown = 'detail' in entry ? entry.detail : undefined;
			const kind =
				typeof detail === 'object' && detail !== null && 'kind' in detail && typeof detail.kind === 'number'
					? (gcKinds[detail.kind] ?? String(detail.kind))
					: 'unknown';
			const tally = (gc[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
			tally.count++;
			tally.totalMs += entry.duration;
			tally.maxMs = Math.max(tally.maxMs, entry.duration);
		}
	});
	gcObserver.observe({ entryTypes: ['gc'] });
	// When each interaction reached the bot (its gateway frame parsed) and when the bot handed its
	// callback to discord.js's REST client, on the machine's clock, so the parent can split each
	// latency into the trip in, the bot's own work and the trip back.
	const marks = new Map<string, { received: number; handedOver?: number }>();
	const clock = (): number => performance.timeOrigin + performance.now();
	bot.client.on(Events.Raw, (packet: unknown) => {
		const id = interactionIdOf(packet);
		if (id !== undefined) marks.set(id, { received: clock() });
	});
	const post = bot.client.rest.post.bind(bot.client.rest);
	bot.client.rest.post = (route, options) => {
		const mark = marks.get(/^\/interactions\/(\d+)\//.exec(route)?.[1] ?? '');
		if (mark !== undefined) mark.handedOver ??= clock();
		return post(route, options);
	};
	const drawn = drawInputs(indexed.corpus, indexed.suggestions);
	emit({
		type: 'bot-ready',
		letters: indexed.corpus.letters.length,
		guilds: bot.client.guilds.cache.size,
		memory: memorySnapshot(),
		inputs: {
			ids: drawn.ids.slice(0, 200),
			threadIds: drawn.threadIds.slice(0, 200),
			names: drawn.names.slice(0, 100),
			oneWord: drawn.oneWord.slice(0, 200),
			typedLetters: drawn.typedLetters.slice(0, 200),
			prefixes: drawn.prefixes.slice(0, 200),
		},
	});
	// The parent measures, then writes a line to stdin: the bot logs out and the core runs, so the
	// core's garbage never sits in the heap of the bot being measured.
	await new Promise<void>((resolve) => {
		process.stdin.once('data', () => resolve());
		process.stdin.once('end', () => resolve());
	});
	process.stdin.pause();
	gcObserver.disconnect();
	emit({
		type: 'bot-gc',
		gc,
		gcSpans,
		marks: [...marks].map(([id, m]) => ({ id, received: m.received, handedOver: m.handedOver ?? Number.NaN })),
	});
	await bot.stop();
	await store.close();
	emit({ type: 'bot-stopped' });
}

if (coreMode !== undefined) {
	const options: SampleOptions =
		coreMode === 'quick'
			? { warmup: 20, samples: 300, budgetMs: 150, minSamples: 30, capMs: 1_000 }
			: { warmup: 100, samples: 5_000, budgetMs: 1_500, minSamples: 100, capMs: 5_000 };
	const results = runCore(indexed, options, (operation) =>
		process.stderr.write(`  core ${indexed.corpus.letters.length}: ${operation}\n`),
	);
	emit({ type: 'core', letters: indexed.corpus.letters.length, results });
}
