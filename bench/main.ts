/**
 * `npm run bench`: how fast and how lean Letterday is, measured on the bundled corpus and on
 * synthetic corpora of 10,000 and 100,000 letters, and against the local Discord emulator.
 * Prints tables to stdout, progress to stderr, and writes every figure as JSON to
 * `bench/results/`. It asserts nothing: it reports, and marks the issue's targets pass or FAIL.
 *
 * Sections (`--only <section>[,<section>]`):
 * - `startup`: read, parse, validate and index each corpus in a fresh process; its memory after.
 * - `core`: median and p99 per call of the core queries and the autocomplete builders.
 * - `bot`: the bot (real client, router and commands, in its own process) logged in to the
 *   emulator; time from an interaction leaving the emulator to its callback arriving back, and
 *   where the slowest 1% spent it (into the bot, in it, back) and whether a collection fell in it.
 * - `memory`: `src/main.ts` itself, with the bundled corpus, logged in to an emulator of 1,000
 *   and 10,000 guilds; its resident memory.
 * - `fanout`: 1,000 and 10,000 servers due in the same minute, one scheduler tick against the
 *   emulator enforcing Discord's global limit of 50 requests a second: time, 429s, event-loop delay.
 *   10,000 posts cannot take less than 200 s, so a full run takes about eight minutes.
 *
 * `--quick`: the bundled corpus and 10,000 letters only, few samples, 1,000 guilds, a fan-out of
 * 100 servers: about half a minute.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType, type RESTPutAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { commands } from '../commands/index.js';
import { registrationBody } from '../src/discord/deploy.js';
import { collectionSchema } from '../src/core/format.js';
import { DEFAULT_DATA_DIR } from '../src/data/load.js';
import { startEmulator, type Emulator } from '../test/emulator/emulator.js';
import type { ChatInputInjection } from '../test/emulator/interactions.js';
import type { Inputs } from './core.js';
import { mib, overlapMs, summarise, type MemorySnapshot, type Span, type Summary } from './stats.js';
import { formatTable, micros, num, verdict, type Cell } from './table.js';
import { DEFAULT_SEED, GENERATOR_VERSION } from './synthetic.js';
import { spawnStart, startCommand } from '../scripts/start-command.js';

const ROOT = join(import.meta.dirname, '..');
/** How `npm start` runs the bot; the bot's benchmark children run with its environment and Node flags. */
const START = startCommand(ROOT);
/** `NAME=value … node --flag …`, as the start script has it. */
const START_NODE = [
	...Object.entries(START.env).map(([name, value]) => `${name}=${value}`),
	'node',
	...START.flags,
].join(' ');

/** The commands as the bot registers them, with the collections of `dataDir` as `collection` choices. */
function registration(dataDir: string): RESTPutAPIApplicationCommandsJSONBody {
	const dir = join(dataDir, 'collections');
	const collections = readdirSync(dir)
		.sort()
		.map((name) => collectionSchema.parse(JSON.parse(readFileSync(join(dir, name, 'collection.json'), 'utf8'))));
	return registrationBody(commands, collections);
}
const TSX = fileURLToPath(import.meta.resolve('tsx'));
const SECTIONS = ['startup', 'core', 'bot', 'memory', 'fanout'] as const;
type Section = (typeof SECTIONS)[number];

/** Targets from the issue. */
const TARGETS = {
	commandP99Ms: 5,
	autocompleteP99Ms: 2,
	/** The targets are set for this size; smaller corpora are shown against them too. */
	atLetters: 100_000,
	memoryMiB: 150,
	memoryAtGuilds: 10_000,
} as const;

function usage(message: string): never {
	process.stderr.write(
		`bench: ${message}\nusage: npm run bench -- [--quick] [--only ${SECTIONS.join('|')}[,…]] [--out DIR]\n`,
	);
	process.exit(2);
}

function parseArgs(argv: readonly string[]): { quick: boolean; only: Set<Section>; out: string } {
	let quick = false;
	let out = join(ROOT, 'bench', 'results');
	let only = new Set<Section>(SECTIONS);
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--quick') quick = true;
		else if (arg === '--only') {
			const value = argv[++i];
			if (value === undefined) usage('--only needs a section');
			const names = value.split(',');
			for (const name of names) if (!(SECTIONS as readonly string[]).includes(name)) usage(`unknown section "${name}"`);
			only = new Set(names as Section[]);
		} else if (arg === '--out') {
			const value = argv[++i];
			if (value === undefined) usage('--out needs a directory');
			out = value;
		} else usage(`unknown argument "${arg}"`);
	}
	return { quick, only, out };
}

const started = performance.now();
function progress(message: string): void {
	process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
}

/** A corpus to measure: the bundled data, or a synthetic one of `letters` letters. */
interface CorpusSize {
	readonly label: string;
	readonly dir: string;
	readonly synthetic: boolean;
}

function lines(child: ChildProcess, onLine: (line: Record<string, unknown>) => void): void {
	let buffer = '';
	child.stdout?.on('data', (chunk: Buffer) => {
		buffer += chunk.toString();
		for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
			const line = buffer.slice(0, end).trim();
			buffer = buffer.slice(end + 1);
			if (line.startsWith('{')) onLine(JSON.parse(line) as Record<string, unknown>);
		}
	});
}

function exited(child: ChildProcess): Promise<number | null> {
	return new Promise((resolve) => {
		if (child.exitCode !== null) resolve(child.exitCode);
		else child.once('exit', (code) => resolve(code));
	});
}

/** Run `node --import tsx <script> …args` and collect its JSON lines until it exits. */
async function runScript(
	script: string,
	args: readonly string[],
	nodeFlags: readonly string[] = [],
): Promise<Record<string, unknown>[]> {
	const child = spawn(process.execPath, [...nodeFlags, '--import', TSX, join(ROOT, script), ...args], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const out: Record<string, unknown>[] = [];
	lines(child, (line) => out.push(line));
	const code = await exited(child);
	if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${code}`);
	return out;
}

/** Resident set and its peak from /proc, for any process of ours (bytes). */
function procMemory(pid: number): { rss: number; peakRss: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string): number =>
		Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
	return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
}

// ---------------------------------------------------------------------------------------------
// Bot: interaction latency against the emulator

interface BotCase {
	readonly name: string;
	readonly autocomplete: boolean;
	readonly inject: (
		emu: Emulator,
		i: number,
	) => ReturnType<Emulator['injectChatInput']> | ReturnType<Emulator['injectAutocomplete']>;
}

function botCases(inputs: Inputs): BotCase[] {
	const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
	const chat = (injection: ChatInputInjection) => (emu: Emulator) => emu.injectChatInput(injection);
	const mmdd = (i: number): string => {
		const d = new Date(Date.UTC(2024, 0, 1 + ((i * 37) % 366)));
		return `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
	};
	return [
		{ name: '/today', autocomplete: false, inject: chat({ name: 'today' }) },
		{
			name: '/today date',
			autocomplete: false,
			inject: (emu, i) => emu.injectChatInput({ name: 'today', options: { date: mmdd(i) } }),
		},
		{
			name: '/letter',
			autocomplete: false,
			inject: (emu, i) => emu.injectChatInput({ name: 'letter', options: { letter: at(inputs.ids, i) } }),
		},
		{ name: '/random', autocomplete: false, inject: chat({ name: 'random' }) },
		{
			name: '/random from',
			autocomplete: false,
			inject: (emu, i) => emu.injectChatInput({ name: 'random', options: { from: at(inputs.names, i) } }),
		},
		{
			name: '/thread',
			autocomplete: false,
			inject: (emu, i) => emu.injectChatInput({ name: 'thread', options: { letter: at(inputs.threadIds, i) } }),
		},
		{
			name: '/search',
			autocomplete: false,
			inject: (emu, i) => emu.injectChatInput({ name: 'search', options: { query: at(inputs.oneWord, i) } }),
		},
		{
			name: '/who',
			autocomplete: false,
			inject: (emu, i) => emu.injectChatInput({ name: 'who', options: { person: at(inputs.names, i) } }),
		},
		{
			name: '/cite',
			autocomplete: false,
			inject: (emu, i) => emu.injectChatInput({ name: 'cite', options: { letter: at(inputs.ids, i) } }),
		},
		{ name: '/about', autocomplete: false, inject: chat({ name: 'about' }) },
		{
			name: 'autocomplete /letter',
			autocomplete: true,
			inject: (emu, i) =>
				emu.injectAutocomplete({ name: 'letter', options: { letter: at(inputs.typedLetters, i) }, focused: 'letter' }),
		},
		{
			name: 'autocomplete /who',
			autocomplete: true,
			inject: (emu, i) =>
				emu.injectAutocomplete({ name: 'who', options: { person: at(inputs.prefixes, i) }, focused: 'person' }),
		},
		{
			name: 'autocomplete /random from',
			autocomplete: true,
			inject: (emu, i) =>
				emu.injectAutocomplete({
					name: 'random',
					options: { from: at(inputs.names, i).slice(0, 1 + (i % 4)) },
					focused: 'from',
				}),
		},
		{
			name: 'autocomplete /today timezone',
			autocomplete: true,
			inject: (emu, i) =>
				emu.injectAutocomplete({
					name: 'today',
					options: { timezone: at(['Eur', 'America/N', 'lon', 'Asia', 'UTC', 'pa'], i) },
					focused: 'timezone',
				}),
		},
	];
}

/** The bot's garbage collections while it was measured, by kind (from bench/startup-child.ts). */
type BotGc = Record<string, { readonly count: number; readonly totalMs: number; readonly maxMs: number }>;

interface BotResult extends Summary {
	readonly interaction: string;
	readonly autocomplete: boolean;
	/** Answers that were deferred (type 5) rather than answered at once. */
	readonly deferred: number;
	/** Answers only the asker saw (a notice such as "no letter matches"). */
	readonly ephemeral: number;
}

/** One timed interaction, on the machine's clock (ms since the epoch). */
interface Sample {
	readonly interaction: string;
	readonly id: string;
	/** The emulator wrote its gateway frame. */
	readonly sent: number;
	/** The emulator received its callback request. */
	readonly answered: number;
}

/** What the bot noted of one interaction (from bench/startup-child.ts), on the machine's clock. */
interface BotMark {
	readonly id: string;
	/** Its gateway frame was parsed. */
	readonly received: number;
	/** Its callback was handed to discord.js's REST client. */
	readonly handedOver: number;
}

/**
 * Where the slowest 1% of one corpus's interactions spent their time (means, ms): the trip in
 * (frame written → parsed by the bot), the bot's own work (→ callback handed to its REST
 * client), the trip back (→ request received); and how many of them had a garbage collection
 * of the bot, or of the emulator's process, inside them.
 */
interface Tail {
	readonly samples: number;
	readonly totalMs: number;
	readonly inMs: number;
	readonly botMs: number;
	readonly backMs: number;
	readonly withBotGc: number;
	readonly withEmulatorGc: number;
	/** Per interaction, the p99 of the samples with no collection in either process. */
	readonly p99WithoutGcMs: Record<string, number>;
}

function tailOf(
	samples: readonly Sample[],
	marks: readonly BotMark[],
	botGc: readonly Span[],
	emuGc: readonly Span[],
): Tail {
	const byId = new Map(marks.map((m) => [m.id, m]));
	const parts = samples.map((s) => {
		const mark = byId.get(s.id);
		return {
			...s,
			totalMs: s.answered - s.sent,
			inMs: (mark?.received ?? NaN) - s.sent,
			botMs: (mark?.handedOver ?? NaN) - (mark?.received ?? NaN),
			backMs: s.answered - (mark?.handedOver ?? NaN),
			botGc: overlapMs(botGc, s.sent, s.answered) > 0,
			emuGc: overlapMs(emuGc, s.sent, s.answered) > 0,
		};
	});
	const slowest = [...parts].sort((a, b) => b.totalMs - a.totalMs).slice(0, Math.ceil(parts.length / 100));
	const mean = (key: 'totalMs' | 'inMs' | 'botMs' | 'backMs'): number =>
		slowest.reduce((sum, p) => sum + p[key], 0) / slowest.length;
	const clean = new Map<string, number[]>();
	for (const p of parts) {
		if (p.botGc || p.emuGc) continue;
		const list = clean.get(p.interaction) ?? [];
		list.push(p.totalMs);
		clean.set(p.interaction, list);
	}
	return {
		samples: slowest.length,
		totalMs: mean('totalMs'),
		inMs: mean('inMs'),
		botMs: mean('botMs'),
		backMs: mean('backMs'),
		withBotGc: slowest.filter((p) => p.botGc).length,
		withEmulatorGc: slowest.filter((p) => p.emuGc).length,
		p99WithoutGcMs: Object.fromEntries([...clean].map(([name, ms]) => [name, summarise(ms).p99Ms])),
	};
}

/**
 * Send each case's interactions one at a time (the next once the previous is answered).
 * A case stops early, after at least 20 timed interactions, once it has taken `capMs`.
 * Each timed interaction is added to `timed`.
 */
async function measureBot(
	emu: Emulator,
	inputs: Inputs,
	options: { samples: number; warmup: number; capMs: number },
	report: (name: string) => void,
	timed: Sample[],
): Promise<BotResult[]> {
	const { samples, warmup, capMs } = options;
	const results: BotResult[] = [];
	for (const c of botCases(inputs)) {
		report(c.name);
		const latencies: number[] = [];
		let deferred = 0;
		let ephemeral = 0;
		const t0 = performance.now();
		for (let i = 0; i < warmup + samples; i++) {
			const injected = c.inject(emu, i);
			const callback = await injected.callback;
			// Keep the emulator's heap (and so its collections) from growing with the samples.
			emu.forgetHistory();
			if (i < warmup) continue;
			if (latencies.length >= 20 && performance.now() - t0 > capMs) break;
			latencies.push(callback.receivedAt - injected.sentAt);
			timed.push({
				interaction: c.name,
				id: injected.id,
				sent: performance.timeOrigin + injected.sentAt,
				answered: performance.timeOrigin + callback.receivedAt,
			});
			if (callback.type === InteractionResponseType.DeferredChannelMessageWithSource) deferred++;
			if (((callback.data?.flags ?? 0) & 64) === 64) ephemeral++;
		}
		results.push({ interaction: c.name, autocomplete: c.autocomplete, deferred, ephemeral, ...summarise(latencies) });
	}
	return results;
}

// ---------------------------------------------------------------------------------------------
// One corpus size: start-up, core and bot in one child process

interface SizeResult {
	readonly label: string;
	startup?: Record<string, unknown>;
	core?: Record<string, unknown>;
	bot?: {
		results: BotResult[];
		readyMemory: unknown;
		rssAfter: { rss: number; peakRss: number };
		gc?: BotGc;
		tail?: Tail;
	};
}

async function measureSize(size: CorpusSize, only: Set<Section>, quick: boolean): Promise<SizeResult> {
	const result: SizeResult = { label: size.label };
	const withBot = only.has('bot');
	let emu: Emulator | undefined;
	const env: Record<string, string> = { ...START.env, PATH: process.env.PATH ?? '' };
	if (withBot) {
		emu = await startEmulator({ commands: { global: registration(size.dir) } });
		env.DISCORD_API_URL = emu.url;
		env.DISCORD_TOKEN = emu.token;
	}
	const args = [
		size.dir,
		...(only.has('core') ? ['--core', quick ? 'quick' : 'full'] : []),
		...(withBot ? ['--bot'] : []),
	];
	const child = spawn(
		process.execPath,
		// The Node flags `npm start` runs the bot with, so the latencies are production's.
		[...START.flags, '--expose-gc', '--import', TSX, join(ROOT, 'bench/startup-child.ts'), ...args],
		{
			cwd: ROOT,
			env,
			stdio: ['pipe', 'pipe', 'inherit'],
		},
	);
	if (!withBot) child.stdin?.end();
	let botTrace: Record<string, unknown> | undefined;
	const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
		lines(child, (line) => {
			if (line.type === 'startup') {
				result.startup = line;
				progress(`${size.label}: start-up ${num(Number((line.ms as Record<string, number>).total))} ms`);
			}
			if (line.type === 'core') result.core = line;
			if (line.type === 'bot-gc') botTrace = line;
			if (line.type === 'bot-ready') resolve(line);
		});
		child.once('exit', (code) =>
			withBot ? reject(new Error(`startup-child exited with ${code} before the bot was ready`)) : resolve({}),
		);
	});
	try {
		const line = await ready;
		const timed: Sample[] = [];
		// This process's own collections (the emulator's) while it measures.
		const emulatorGc: Span[] = [];
		const observer = new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				emulatorGc.push({ start: performance.timeOrigin + e.startTime, durationMs: e.duration });
		});
		if (withBot && emu) {
			progress(`${size.label}: bot ready; measuring interactions`);
			const options = quick ? { samples: 30, warmup: 5, capMs: 2_000 } : { samples: 1_000, warmup: 50, capMs: 8_000 };
			observer.observe({ entryTypes: ['gc'] });
			const results = await measureBot(
				emu,
				line.inputs as Inputs,
				options,
				(name) => process.stderr.write(`  bot ${size.label}: ${name}\n`),
				timed,
			);
			observer.disconnect();
			const rssAfter = procMemory(child.pid ?? 0);
			result.bot = { results, readyMemory: line.memory, rssAfter };
			// The bot logs out and the child goes on to the core benchmark.
			child.stdin?.end('continue\n');
		}
		const code = await exited(child);
		if (code !== 0) throw new Error(`startup-child for ${size.label} exited with ${code}`);
		if (result.bot && botTrace) {
			result.bot.gc = botTrace.gc as BotGc;
			result.bot.tail = tailOf(timed, botTrace.marks as BotMark[], botTrace.gcSpans as Span[], emulatorGc);
		}
	} finally {
		if (child.exitCode === null) child.kill('SIGKILL');
		await emu?.stop();
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// Memory: src/main.ts itself with many guilds

interface MemoryResult {
	readonly guilds: number;
	readonly shards: number;
	readonly readyMs: number;
	readonly rssReady: number;
	readonly rssAfterInteractions: number;
	readonly peakRss: number;
	readonly interactions: number;
}

let built: Promise<void> | undefined;
/** `npm run build`, once per benchmark run, before the first memory measurement. */
async function buildForStart(): Promise<void> {
	progress('memory: npm run build');
	const child = spawn('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const code = await exited(child);
	if (code !== 0) throw new Error(`npm run build exited with ${code}`);
}

async function measureMemory(guilds: number, interactions: number): Promise<MemoryResult> {
	// What `npm start` runs: the build, by plain node with the start script's flags.
	built ??= buildForStart();
	await built;
	// Discord requires a shard per 2,500 guilds; the bot connects to as many as /gateway/bot says.
	const shards = Math.ceil(guilds / 2_500);
	const emu = await startEmulator({
		commands: { global: registration(DEFAULT_DATA_DIR) },
		guilds: Array.from({ length: guilds }, (_, i) => ({ name: `Server ${i + 1}` })),
		recommendedShards: shards,
	});
	// A directory without a .env, so only the environment given here counts.
	const cwd = mkdtempSync(join(tmpdir(), 'letterday-bench-run-'));
	const child = spawnStart(emu, cwd);
	child.stderr.pipe(process.stderr);
	const t0 = performance.now();
	try {
		await new Promise<void>((resolve, reject) => {
			lines(child, (line) => {
				if (line.msg === 'ready') resolve();
			});
			child.once('exit', (code) => reject(new Error(`${START.entry} exited with ${code} before it was ready`)));
		});
		const readyMs = performance.now() - t0;
		// Let start-up's garbage go before reading the resident set.
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		const pid = child.pid ?? 0;
		const atReady = procMemory(pid);
		const guildIds = [...emu.state.guilds.keys()];
		for (let i = 0; i < interactions; i++) {
			const guildId = guildIds[(i * 7919) % guildIds.length] ?? '';
			const channelId = emu.state.guilds.get(guildId)?.channelIds[0];
			const name = ['today', 'random', 'about'][i % 3] ?? 'about';
			await emu.injectChatInput({ name, guildId, ...(channelId === undefined ? {} : { channelId }) }).callback;
		}
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		const after = procMemory(pid);
		child.kill('SIGTERM');
		await exited(child);
		return {
			guilds,
			shards,
			readyMs,
			rssReady: atReady.rss,
			rssAfterInteractions: after.rss,
			peakRss: after.peakRss,
			interactions,
		};
	} finally {
		if (child.exitCode === null) child.kill('SIGKILL');
		await emu.stop();
		rmSync(cwd, { recursive: true, force: true });
	}
}

/** The resident set of an idle Node process, with and without the tsx loader, for comparison. */
async function measureIdle(withTsx: boolean): Promise<number> {
	const script =
		'setTimeout(() => process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }) + "\\n"), 1000)';
	const child = spawn(process.execPath, [...(withTsx ? ['--import', TSX] : []), '-e', script], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let rss = Number.NaN;
	lines(child, (line) => (rss = Number(line.rss)));
	await exited(child);
	return rss;
}

// ---------------------------------------------------------------------------------------------
// Daily fan-out: every server due in the same minute, under Discord's global limit

interface FanoutResult {
	readonly guilds: number;
	readonly shards: number;
	readonly due: number;
	readonly statuses: Record<string, number>;
	/** The tick, as the bot timed it (ms). */
	readonly tickMs: number;
	/** Servers / 50 per second, the fastest Discord's global limit allows (ms). */
	readonly idealMs: number;
	/** Posts the emulator created (200 to POST /channels/{id}/messages). */
	readonly posts: number;
	readonly responses429: number;
	readonly rateLimitedEvents: number;
	/** The most posts the emulator received in any one-second window. */
	readonly peakPerSecond: number;
	readonly eventLoopDelayMs: { readonly max: number; readonly p99: number; readonly mean: number };
	/** The longest gap of a 10 ms timer in the bot, and when in the tick it began (ms). */
	/**
	 * The longest gap of a 10 ms timer in the bot, when in the tick it began (ms), and how much of
	 * it the bot's main thread spent on the CPU (the rest is waiting for a core); and the gap in
	 * which the main thread ran longest.
	 */
	readonly worstStall: {
		readonly ms: number;
		readonly atMs: number;
		readonly cpuMs: number;
		readonly longestCpu: { readonly ms: number; readonly atMs: number };
	};
	/** Garbage-collection pauses in the bot during the tick. */
	readonly gc: { readonly count: number; readonly totalMs: number; readonly maxMs: number };
	/** `/today` sent every 250 ms while the posts went out. */
	readonly interactionsDuring: Summary;
}

async function measureFanout(guilds: number): Promise<FanoutResult> {
	const shards = Math.ceil(guilds / 2_500);
	const emu = await startEmulator({
		commands: { global: registration(DEFAULT_DATA_DIR) },
		guilds: Array.from({ length: guilds }, (_, i) => ({ name: `Server ${i + 1}` })),
		recommendedShards: shards,
	});
	const child = spawn(process.execPath, [...START.flags, '--import', TSX, join(ROOT, 'bench/fanout-child.ts')], {
		cwd: ROOT,
		env: { ...START.env, PATH: process.env.PATH ?? '', DISCORD_API_URL: emu.url, DISCORD_TOKEN: emu.token },
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	try {
		let onDone: (line: Record<string, unknown>) => void = () => undefined;
		const done = new Promise<Record<string, unknown>>((resolve) => (onDone = resolve));
		const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
			lines(child, (line) => {
				if (line.type === 'fanout-ready') resolve(line);
				if (line.type === 'fanout-done') onDone(line);
			});
			child.once('exit', (code) => reject(new Error(`fanout-child exited with ${code} before it was ready`)));
		});
		const readyLine = await ready;
		progress(`fan-out ${num(guilds)}: ${String(readyLine.scheduled)} servers scheduled; ticking`);
		emu.enableGlobalRateLimit(50, 1_000);
		const from = emu.state.requests.length;
		child.stdin?.end('go\n');
		let finished: Record<string, unknown> | undefined;
		void done.then((line) => (finished = line));
		// Members keep using the bot while the posts go out.
		const latencies: number[] = [];
		const guildIds = [...emu.state.guilds.keys()];
		for (let i = 0; finished === undefined; i++) {
			const guildId = guildIds[(i * 7919) % guildIds.length] ?? '';
			const injected = emu.injectChatInput({ name: 'today', guildId });
			const callback = await injected.callback;
			latencies.push(callback.receivedAt - injected.sentAt);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const line = finished;
		const requests = emu.state.requests.slice(from);
		const posts = requests.filter(
			(r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status === 200,
		);
		const times = posts.map((r) => r.receivedAt).sort((a, b) => a - b);
		let peak = 0;
		for (let lo = 0, hi = 0; hi < times.length; hi++) {
			while ((times[hi] ?? 0) - (times[lo] ?? 0) >= 1_000) lo++;
			peak = Math.max(peak, hi - lo + 1);
		}
		await exited(child);
		return {
			guilds,
			shards,
			due: Number(line.due),
			statuses: line.statuses as Record<string, number>,
			tickMs: Number(line.ms),
			idealMs: (guilds / 50) * 1_000,
			posts: posts.length,
			responses429: requests.filter((r) => r.status === 429).length,
			rateLimitedEvents: Number(line.rateLimitedEvents),
			peakPerSecond: peak,
			eventLoopDelayMs: line.eventLoopDelayMs as FanoutResult['eventLoopDelayMs'],
			worstStall: line.worstStall as FanoutResult['worstStall'],
			gc: line.gc as FanoutResult['gc'],
			interactionsDuring: summarise(latencies),
		};
	} finally {
		if (child.exitCode === null) child.kill('SIGKILL');
		await emu.stop();
	}
}

// ---------------------------------------------------------------------------------------------
// Report

function machine(): Record<string, unknown> {
	const cpu = cpus()[0]?.model ?? 'unknown';
	return {
		cpu,
		cores: cpus().length,
		memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
	};
}

function sizeOrder(label: string): number {
	return label === 'bundled' ? 0 : Number(label.replace(/\D/g, ''));
}

interface Run {
	readonly sizes: readonly SizeResult[];
	readonly memory: readonly MemoryResult[];
	readonly fanout: readonly FanoutResult[];
	readonly idle: { readonly node: number; readonly tsx: number } | undefined;
	readonly load: { readonly start: readonly number[]; readonly end: readonly number[] };
}

function printTables(run: Run, only: Set<Section>, quick: boolean): string {
	const { sizes, memory, idle } = run;
	const out: string[] = [];
	const m = machine();
	const load = (l: readonly number[]): string => l.map((v) => v.toFixed(2)).join(' ');
	out.push(
		`Letterday benchmark${quick ? ' (--quick)' : ''}: ${String(m.cpu)}, ${String(m.cores)} cores, ${String(m.memoryGiB)} GiB, Node ${String(m.node)}`,
		`Load average (1, 5, 15 min) at start ${load(run.load.start)}, at end ${load(run.load.end)}: other processes share the ${String(m.cores)} cores.`,
	);
	if (only.has('startup')) {
		out.push('', '## Start-up: read + parse, validate, index (fresh process per corpus)', '');
		const rows: Cell[][] = sizes.map((s) => {
			const st = s.startup ?? {};
			const ms = (st.ms ?? {}) as Record<string, number>;
			const mem = (st.memory ?? {}) as Record<string, MemorySnapshot>;
			return [
				s.label,
				num(Number(st.letters)),
				num(ms.readParse),
				num(ms.validate),
				num(ms.index),
				num(ms.total),
				num(mib(mem.before?.rss ?? NaN), 1),
				num(mib(mem.settled?.rss ?? NaN), 1),
				num(mib(mem.settled?.heapUsed ?? NaN), 1),
				num(mib(mem.settled?.maxRss ?? NaN), 1),
			];
		});
		out.push(
			formatTable(
				[
					'corpus',
					'letters>',
					'read+parse ms>',
					'validate ms>',
					'index ms>',
					'total ms>',
					'RSS before MiB>',
					'RSS after MiB>',
					'heapUsed MiB>',
					'peak RSS MiB>',
				],
				rows,
			),
			'',
			'RSS before: the process with the code loaded and no data; after: once indexed and garbage-collected (heapUsed likewise).',
		);
	}
	if (only.has('core')) {
		out.push('', '## Core: per call (µs)', '');
		const rows: Cell[][] = [];
		for (const s of sizes) {
			const results = ((s.core ?? {}).results ?? []) as (Summary & { operation: string })[];
			for (const r of results)
				rows.push([s.label, r.operation, micros(r.medianMs), micros(r.p99Ms), num(r.count), '', '']);
		}
		out.push(formatTable(['corpus', 'operation', 'median µs>', 'p99 µs>', 'ops>', 'target', 'result'], rows));
	}
	if (only.has('bot')) {
		out.push(
			'',
			'## Bot: interaction sent by the emulator → callback received (ms)',
			'',
			`The bot runs as \`npm start\` runs node (\`${START_NODE}\`), through tsx.`,
			'',
		);
		const rows: Cell[][] = [];
		for (const s of sizes) {
			for (const r of s.bot?.results ?? []) {
				const limit = r.autocomplete ? TARGETS.autocompleteP99Ms : TARGETS.commandP99Ms;
				const notes = [
					r.deferred > 0 ? `${r.deferred} deferred` : '',
					r.ephemeral > 0 ? `${r.ephemeral} private notices` : '',
				].filter((n) => n !== '');
				rows.push([
					s.label,
					r.interaction,
					num(r.medianMs, 2),
					num(r.p99Ms, 2),
					num(s.bot?.tail?.p99WithoutGcMs[r.interaction] ?? NaN, 2),
					num(r.count),
					`p99 < ${limit} ms`,
					verdict(r.p99Ms, limit),
					notes.join(', '),
				]);
			}
		}
		out.push(
			formatTable(
				['corpus', 'interaction', 'median ms>', 'p99 ms>', 'p99 without GC ms>', 'ops>', 'target', 'result', 'notes'],
				rows,
			),
			'',
			'p99 without GC: of the samples with no garbage collection in the bot or in the emulator while they ran.',
		);
		const tails: Cell[][] = sizes.flatMap((s) => {
			const t = s.bot?.tail;
			return t === undefined
				? []
				: [
						[
							s.label,
							num(t.samples),
							num(t.totalMs, 2),
							num(t.inMs, 2),
							num(t.botMs, 2),
							num(t.backMs, 2),
							num(t.withBotGc),
							num(t.withEmulatorGc),
						],
					];
		});
		if (tails.length > 0)
			out.push(
				'',
				"Where the slowest 1% of each corpus's interactions spent their time (means, ms): into the bot (frame written → parsed by the bot), in the bot (→ callback handed to its REST client), back (→ request received by the emulator); and how many had a garbage collection of the bot, or of the emulator's process, inside them:",
				'',
				formatTable(
					[
						'corpus',
						'samples>',
						'total>',
						'into the bot>',
						'in the bot>',
						'back>',
						'with a bot GC>',
						'with an emulator GC>',
					],
					tails,
				),
			);
		const mem: Cell[][] = sizes
			.filter((s) => s.bot)
			.map((s) => [s.label, num(mib(s.bot?.rssAfter.rss ?? NaN), 1), num(mib(s.bot?.rssAfter.peakRss ?? NaN), 1)]);
		out.push(
			'',
			'Bot process (1 guild) after the interactions above:',
			'',
			formatTable(['corpus', 'RSS MiB>', 'peak RSS MiB>'], mem),
		);
		const gcRows: Cell[][] = sizes.flatMap((s) =>
			Object.entries(s.bot?.gc ?? {}).map(([kind, g]) => [
				s.label,
				kind,
				num(g.count),
				num(g.totalMs, 1),
				num(g.maxMs, 1),
			]),
		);
		if (gcRows.length > 0)
			out.push(
				'',
				"The bot's garbage collections while the interactions above were measured (a pause inside an interaction is in its latency):",
				'',
				formatTable(['corpus', 'kind', 'count>', 'total ms>', 'longest ms>'], gcRows),
			);
	}
	if (only.has('memory')) {
		out.push('', '## Memory: the bot as `npm start` runs it (bundled corpus) with many guilds', '');
		const rows: Cell[][] = memory.map((r) => {
			const target = r.guilds === TARGETS.memoryAtGuilds ? TARGETS.memoryMiB : undefined;
			return [
				num(r.guilds),
				num(r.shards),
				num(r.readyMs),
				num(mib(r.rssReady), 1),
				num(mib(r.rssAfterInteractions), 1),
				num(mib(r.peakRss), 1),
				target === undefined ? '' : `< ${target} MB`,
				verdict(mib(r.rssAfterInteractions) * 1.048576, target),
			];
		});
		out.push(
			formatTable(
				['guilds>', 'shards>', 'ready ms>', 'RSS ready MiB>', 'RSS after MiB>', 'peak RSS MiB>', 'target', 'result'],
				rows,
			),
		);
		out.push('', `RSS after: after ${memory[0]?.interactions ?? 0} commands spread over the guilds. 1 MiB = 1.049 MB.`);
		if (idle)
			out.push(
				`\`npm start\` runs \`${START_NODE} ${START.entry}\` (built by \`npm run build\`). For comparison, an idle \`node\`: ${num(mib(idle.node), 1)} MiB; an idle \`node --import tsx\` (how the CLI and the tests run the TypeScript): ${num(mib(idle.tsx), 1)} MiB.`,
			);
	}
	if (only.has('fanout')) {
		out.push(
			'',
			"## Daily fan-out: every server due in the same minute, emulator enforcing Discord's 50 requests/s",
			'',
		);
		const rows: Cell[][] = run.fanout.map((r) => [
			num(r.guilds),
			num(r.shards),
			`${num(r.posts)} / ${num(r.due)}`,
			num(r.tickMs / 1_000, 1),
			num(r.idealMs / 1_000, 1),
			num(r.tickMs / r.idealMs, 2),
			num(r.responses429),
			num(r.peakPerSecond),
			num(r.eventLoopDelayMs.max, 1),
			num(r.eventLoopDelayMs.p99, 1),
			`${num(r.worstStall.ms)} (${num(r.worstStall.cpuMs)} CPU) at ${num(r.worstStall.atMs / 1_000, 1)} s`,
			`${num(r.worstStall.longestCpu.ms)} at ${num(r.worstStall.longestCpu.atMs / 1_000, 1)} s`,
			`${num(r.gc.maxMs, 1)} (${num(r.gc.count)})`,
			`${num(r.interactionsDuring.medianMs, 2)} / ${num(r.interactionsDuring.p99Ms, 2)} (${num(r.interactionsDuring.count)})`,
			r.responses429 === 0 ? 'pass' : 'FAIL',
		]);
		out.push(
			formatTable(
				[
					'servers>',
					'shards>',
					'posted / due>',
					'total s>',
					'ideal s>',
					'total / ideal>',
					'429s>',
					'peak posts/s>',
					'loop delay max ms>',
					'loop delay p99 ms>',
					'worst stall ms, into tick>',
					'most CPU in one gap ms, into tick>',
					'longest GC ms (GCs)>',
					'/today during, median / p99 ms (n)>',
					'0 429s',
				],
				rows,
			),
			'',
			"ideal: servers / 50 s (Discord's global limit). Loop delay: monitorEventLoopDelay in the bot during the tick; worst stall: how late a 10 ms timer there fired at its latest, the bot's main-thread CPU time over that whole interval (so it can exceed the lateness; the rest of the interval it waited for a core or slept), and when it began; most CPU in one gap: the gap in which the bot's own work ran longest.",
		);
	} else out.push('', '## Daily fan-out: not measured in this run (`--only` left it out).');
	return out.join('\n');
}

async function main(): Promise<void> {
	const { quick, only, out } = parseArgs(process.argv.slice(2));
	const needsCorpora = only.has('startup') || only.has('core') || only.has('bot');
	const synthetic = quick ? [10_000] : [10_000, 100_000];
	const work = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
	const sizes: SizeResult[] = [];
	const memory: MemoryResult[] = [];
	const fanout: FanoutResult[] = [];
	const generated: Record<string, unknown>[] = [];
	const loadStart = loadavg();
	let idle: Run['idle'];
	try {
		if (needsCorpora) {
			const corpora: CorpusSize[] = [{ label: 'bundled', dir: DEFAULT_DATA_DIR, synthetic: false }];
			for (const letters of synthetic) {
				progress(`generating ${num(letters)} synthetic letters (seed ${DEFAULT_SEED})`);
				const dir = join(work, String(letters));
				generated.push(...(await runScript('bench/generate.ts', [String(letters), dir, String(DEFAULT_SEED)])));
				corpora.push({ label: `${num(letters)}`, dir, synthetic: true });
			}
			for (const size of corpora) {
				progress(`corpus ${size.label}: ${[...only].filter((s) => s !== 'memory').join(', ')}`);
				sizes.push(await measureSize(size, only, quick));
			}
		}
		if (only.has('memory')) {
			for (const guilds of quick ? [1_000] : [1_000, 10_000]) {
				progress(`memory: src/main.ts with ${num(guilds)} guilds`);
				memory.push(await measureMemory(guilds, quick ? 60 : 300));
			}
			idle = { node: await measureIdle(false), tsx: await measureIdle(true) };
		}
		if (only.has('fanout')) {
			for (const guilds of quick ? [100] : [1_000, 10_000]) {
				progress(
					`fan-out: ${num(guilds)} servers due in the same minute (at least ${num(guilds / 50)} s under the global limit)`,
				);
				fanout.push(await measureFanout(guilds));
			}
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	sizes.sort((a, b) => sizeOrder(a.label) - sizeOrder(b.label));
	const load = { start: loadStart, end: loadavg() };
	const report = printTables({ sizes, memory, fanout, idle, load }, only, quick);
	process.stdout.write(`${report}\n`);

	const resultsDir = out;
	mkdirSync(resultsDir, { recursive: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const file = join(resultsDir, `${stamp}${quick ? '-quick' : ''}.json`);
	const json = {
		command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
		date: new Date().toISOString(),
		machine: machine(),
		quick,
		sections: [...only],
		generator: { version: GENERATOR_VERSION, seed: DEFAULT_SEED, generated },
		targets: TARGETS,
		corpora: sizes,
		memory,
		fanout,
		idle,
		load,
		durationMs: performance.now() - started,
	};
	writeFileSync(file, `${JSON.stringify(json, null, '\t')}\n`);
	writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(json, null, '\t')}\n`);
	progress(`done; figures written to ${file}`);
}

await main();
