/**
 * Fan-out under Discord's global rate limit: 1,000 servers sharing one posting minute, against
 * the emulator with its global limit at Discord's real 50 requests per second. Every server gets
 * its post, the emulator answers no 429 at all (the pacer stays under the limit before
 * discord.js ever has to back off), and the event loop stays responsive for interactions.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.js';
import { createDiscordClient } from '../../src/discord/client.js';
import { runDueTick } from '../../src/scheduler/daily-post.js';
import { createDiscordPostSender } from '../../src/scheduler/discord-sender.js';
import { createPacer, DEFAULT_RATE_PER_SECOND } from '../../src/scheduler/pacer.js';
import { openStore } from '../../src/storage/open-store.js';
import { startBotHarness, type BotHarness } from '../emulator/harness.js';
import { silentLogger } from '../storage/backends.js';
import { dailyDeps, settings, utc } from './helpers.js';

const GUILDS = 1_000;

describe(`GIVEN ${GUILDS} servers posting in the same minute`, () => {
	let harness: BotHarness;
	let store: Store;
	beforeAll(async () => {
		harness = await startBotHarness({
			emulator: { guilds: Array.from({ length: GUILDS }, () => ({})) },
			client: ({ api, recommendedOptions }) => createDiscordClient({ apiUrl: api, overrides: recommendedOptions }),
			readyTimeoutMs: 20_000,
		});
		store = await openStore(`memory://fanout-${Math.random()}`, silentLogger);
		const zones = ['Europe/London', 'Europe/Lisbon', 'Africa/Accra', 'Atlantic/Reykjavik'];
		let i = 0;
		for (const guild of harness.emu.state.guilds.values()) {
			// Every zone here is UTC+0 in January, so all posts fall in one UTC minute.
			await store.settings.set(
				guild.id,
				settings({ channelId: guild.channelIds[0] ?? '', time: '09:00', timezone: zones[i++ % zones.length] ?? 'UTC' }),
			);
		}
	}, 60_000);
	afterAll(async () => {
		await store.close();
		await harness.teardown();
	});

	it("THEN with Discord's 50/s global limit every server gets its post, with no 429 and no second over the limit (timings are reported, not asserted: npm run bench measures them)", async () => {
		const { emu, client } = harness;
		emu.enableGlobalRateLimit(50, 1_000);
		let rateLimited = 0;
		client.rest.on('rateLimited', () => rateLimited++);
		const delay = monitorEventLoopDelay({ resolution: 10 });
		delay.enable();
		const started = performance.now();
		const report = await runDueTick(
			dailyDeps(store, createDiscordPostSender(client), {
				pacer: createPacer({ ratePerSecond: DEFAULT_RATE_PER_SECOND }),
			}),
			utc('2026-01-15T09:00:00Z'),
		);
		const seconds = (performance.now() - started) / 1_000;
		delay.disable();
		const posts = emu.requests('POST', /^\/channels\/\d+\/messages$/);
		const tooMany = emu.requests('*', /.*/).filter((r) => r.status === 429);
		const peakDelayMs = delay.max / 1e6;
		expect(report.due).toBe(GUILDS);
		expect([...report.outcomes.values()].filter((o) => o.status === 'posted')).toHaveLength(GUILDS);
		expect(posts.filter((r) => r.status === 200)).toHaveLength(GUILDS);
		expect(tooMany).toHaveLength(0);
		expect(rateLimited).toBe(0);
		// No one-second window of arrivals reaches Discord's 50 (starts are spaced at 45/s; network jitter adds one or two).
		const times = posts.map((r) => r.receivedAt).sort((a, b) => a - b);
		let peak = 0;
		for (let lo = 0, hi = 0; hi < times.length; hi++) {
			while ((times[hi] ?? 0) - (times[lo] ?? 0) >= 1_000) lo++;
			peak = Math.max(peak, hi - lo + 1);
		}
		// The measurements the README quotes.
		console.info(
			`fan-out: ${GUILDS} posts in ${seconds.toFixed(1)} s, ${tooMany.length} 429s, ${rateLimited} rateLimited events, busiest second ${peak} requests, peak event-loop delay ${peakDelayMs.toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`,
		);
		expect(peak).toBeLessThan(50);
		harness.assertNoErrors();
	}, 90_000);
});

describe('GIVEN 300 servers with discussion threads in the same minute (three requests a post)', () => {
	it('THEN at a limit scaled by five (250/s, paced at 225/s) posts, threads and prompts all land with no 429', async () => {
		const harness = await startBotHarness({
			emulator: { guilds: Array.from({ length: 300 }, () => ({})) },
			// discord.js paces itself at 50 requests a second by default; scale it with the limit.
			client: ({ api, recommendedOptions }) =>
				createDiscordClient({
					apiUrl: api,
					overrides: { ...recommendedOptions, rest: { ...recommendedOptions.rest, globalRequestsPerSecond: 250 } },
				}),
			readyTimeoutMs: 20_000,
		});
		const store = await openStore(`memory://fanout-threads-${Math.random()}`, silentLogger);
		try {
			for (const guild of harness.emu.state.guilds.values()) {
				await store.settings.set(
					guild.id,
					settings({ channelId: guild.channelIds[0] ?? '', thread: { enabled: true, autoArchiveMinutes: 1440 } }),
				);
			}
			harness.emu.enableGlobalRateLimit(250, 1_000);
			const started = performance.now();
			const report = await runDueTick(
				dailyDeps(store, createDiscordPostSender(harness.client), { pacer: createPacer({ ratePerSecond: 225 }) }),
				utc('2026-01-15T09:00:00Z'),
			);
			const seconds = (performance.now() - started) / 1_000;
			const all = harness.emu.requests('POST', /^\/channels\/\d+\/(messages|messages\/\d+\/threads)$/);
			const at = all.map((r) => r.receivedAt).sort((a, b) => a - b);
			console.info(
				`fan-out with threads: 300 posts, ${all.length} requests in ${seconds.toFixed(1)} s; first at ${((at[0] ?? 0) - started).toFixed(0)} ms, last at ${((at.at(-1) ?? 0) - started).toFixed(0)} ms`,
			);
			expect([...report.outcomes.values()].filter((o) => o.status === 'posted')).toHaveLength(300);
			expect(harness.emu.state.threads).toHaveLength(300);
			expect(all).toHaveLength(900);
			expect(harness.emu.requests('*', /.*/).filter((r) => r.status === 429)).toHaveLength(0);
			harness.assertNoErrors();
		} finally {
			await store.close();
			await harness.teardown();
		}
	}, 60_000);
});
