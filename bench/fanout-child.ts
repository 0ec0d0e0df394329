/**
 * The daily fan-out, in its own process: the bot as `src/main.ts` builds it (bundled corpus,
 * prompts, a memory store, the discord.js post sender and the pacer at its default rate) logged
 * in to the emulator named by the environment; every server it is in gets a post due at the
 * same minute, and one scheduler tick (`runDueTick`, what the cron job runs each minute) delivers
 * them while `monitorEventLoopDelay` watches the event loop.
 *
 * Lines on stdout: `{"type":"fanout-ready",…}` once the bot is ready and the schedules are set;
 * then, after a line arrives on stdin, `{"type":"fanout-done",…}`.
 *
 * Usage: `node --import tsx bench/fanout-child.ts` with `DISCORD_API_URL` and `DISCORD_TOKEN` set.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { ChannelType } from 'discord.js';
import { DateTime } from 'luxon';
import { commands } from '../commands/index.js';
import { composeBot } from '../src/compose.js';
import { buildCorpus } from '../src/core/corpus.js';
import { buildSearch, buildSuggestions } from '../src/core/search.js';
import { newGuildSettings } from '../src/core/settings.js';
import { loadDataSet } from '../src/data/load.js';
import { loadPrompts } from '../src/data/prompts.js';
import { startBot } from '../src/discord/bot.js';
import { createLogger } from '../src/logger.js';
import { runDueTick, type DailyPostDeps } from '../src/scheduler/daily-post.js';
import { openStore } from '../src/storage/open-store.js';

/** The minute every server posts at, and the instant the tick runs. */
const POST_TIME = '09:00';
const TICK_AT = DateTime.fromISO('2026-01-15T09:00:00Z', { zone: 'utc' });

function emit(line: Record<string, unknown>): void {
	process.stdout.write(`${JSON.stringify(line)}\n`);
}

const token = process.env.DISCORD_TOKEN ?? '';
const apiUrl = process.env.DISCORD_API_URL ?? '';
if (!apiUrl.startsWith('http://127.0.0.1:')) {
	process.stderr.write('fanout-child: runs only against a local emulator (DISCORD_API_URL=http://127.0.0.1:…)\n');
	process.exit(2);
}

const logger = createLogger({ level: 'warn', secrets: [token], destination: process.stderr });
const corpus = buildCorpus(loadDataSet());
const search = buildSearch(corpus);
const suggestions = buildSuggestions(corpus);
const prompts = loadPrompts();
const store = await openStore('memory://', logger);
const composed = composeBot({
	corpus,
	search,
	suggestions,
	prompts,
	store,
	logger,
	owner: `bench:${process.pid}:${randomUUID().slice(0, 8)}`,
});
const bot = await startBot({
	token,
	apiUrl,
	commands,
	deps: composed.deps,
	logger,
	// Only login is sped up (no identify throttle); REST keeps discord.js's defaults, as in production.
	clientOverrides: {
		ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: () => Promise.resolve() }) },
		waitGuildTimeout: 1_000,
	},
});
const daily = composed.daily();
if (daily === undefined) throw new Error('fanout-child: the bot built no daily-post dependencies');
const deps: DailyPostDeps = daily;

let scheduled = 0;
for (const guild of bot.client.guilds.cache.values()) {
	const channel = guild.channels.cache.find((c) => c.type === ChannelType.GuildText);
	if (!channel) continue;
	const settings = newGuildSettings({ channelId: channel.id, time: POST_TIME, timezone: 'UTC' });
	if (!settings.ok) throw new Error(settings.error.message);
	await store.settings.set(guild.id, settings.value);
	scheduled++;
}
let rateLimited = 0;
bot.client.rest.on('rateLimited', () => rateLimited++);
emit({ type: 'fanout-ready', guilds: bot.client.guilds.cache.size, scheduled });

await new Promise<void>((resolve) => {
	process.stdin.once('data', () => resolve());
	process.stdin.once('end', () => resolve());
});
process.stdin.pause();

const delay = monitorEventLoopDelay({ resolution: 10 });
// Where the worst stall falls in the tick, and how long the garbage collector paused, to tell a
// long synchronous stretch from a collection.
// On a machine shared with other work a gap also counts the time the OS ran someone else, so the
// main thread's own CPU time is read too (Linux): `cpuMs` is what the thread ran during the worst
// gap, and `longestCpu` the gap in which it ran the most, which is the bot's own doing.
const threadCpuMs = (): number | undefined => {
	try {
		return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
	} catch {
		return undefined;
	}
};
const tickStart = performance.now();
const worstStall = { ms: 0, atMs: 0, cpuMs: 0, longestCpu: { ms: 0, atMs: 0 } };
let lastBeat = tickStart;
let lastCpu = threadCpuMs();
const beat = setInterval(() => {
	const t = performance.now();
	const cpu = threadCpuMs();
	const ran = cpu === undefined || lastCpu === undefined ? 0 : cpu - lastCpu;
	if (t - lastBeat - 10 > worstStall.ms)
		Object.assign(worstStall, { ms: t - lastBeat - 10, atMs: lastBeat - tickStart, cpuMs: ran });
	if (ran > worstStall.longestCpu.ms) worstStall.longestCpu = { ms: ran, atMs: lastBeat - tickStart };
	lastBeat = t;
	lastCpu = cpu;
}, 10);
const gc = { count: 0, totalMs: 0, maxMs: 0 };
const gcObserver = new PerformanceObserver((list) => {
	for (const entry of list.getEntries() as PerformanceEntry[]) {
		gc.count++;
		gc.totalMs += entry.duration;
		gc.maxMs = Math.max(gc.maxMs, entry.duration);
	}
});
gcObserver.observe({ entryTypes: ['gc'] });
delay.enable();
const report = await runDueTick(deps, TICK_AT);
delay.disable();
clearInterval(beat);
gcObserver.disconnect();
const statuses: Record<string, number> = {};
for (const outcome of report.outcomes.values()) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
emit({
	type: 'fanout-done',
	due: report.due,
	ms: report.ms,
	statuses,
	rateLimitedEvents: rateLimited,
	eventLoopDelayMs: { max: delay.max / 1e6, p99: delay.percentile(99) / 1e6, mean: delay.mean / 1e6 },
	worstStall,
	gc,
	memory: process.memoryUsage(),
});
await bot.stop();
await store.close();
