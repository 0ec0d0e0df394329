/**
 * The cron adapter and sharding. The scheduler's clock is injected; node-cron's own minute timer
 * is left alone (the first tick runs at start, which is the catch-up after downtime).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { capturedLogger } from '../fixtures/logging.js';
import { validate } from 'node-cron';
import type { Store } from '../../src/core/ports.js';
import { createDiscordClient } from '../../src/discord/client.js';
import { startScheduler } from '../../src/scheduler/cron.js';
import { ownsGuild } from '../../src/scheduler/discord-sender.js';
import { openStore } from '../../src/storage/open-store.js';
import { startBotHarness } from '../emulator/harness.js';
import { silentLogger } from '../storage/backends.js';
import { channelId, dailyDeps, FakeSender, guildId, settings, utc } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function memory(): Promise<Store> {
	const store = await openStore(`memory://cron-${Math.random()}`, silentLogger);
	cleanups.push(() => store.close());
	return store;
}

describe('GIVEN the scheduler', () => {
	it('THEN it ticks every minute, and at once on start: a post missed while down goes out, late', async () => {
		expect(validate('* * * * *')).toBe(true);
		const store = await memory();
		const sender = new FakeSender();
		await store.settings.set(guildId(1), settings({ channelId: channelId(1), time: '09:00', timezone: 'Europe/Rome' }));
		let now = utc('2026-09-01T10:30:00Z');
		const scheduler = startScheduler(dailyDeps(store, sender), { clock: () => now });
		cleanups.push(() => scheduler.stop());
		await expect.poll(() => sender.sent.length).toBe(1);
		expect(sender.sent[0]?.body.content).toContain('Posted late: this post was due at 09:00 (Europe/Rome)');
		now = now.plus({ minutes: 1 });
		await scheduler.tick();
		expect(sender.sent).toHaveLength(1);
	});

	it('THEN two ticks never overlap, and old post-log records are pruned once a day', async () => {
		const store = await memory();
		const sender = new FakeSender();
		const { logger, lines } = capturedLogger();
		await store.postLog.claim(guildId(1), '2026-08-01', 'old', 60_000);
		await store.postLog.complete(guildId(1), '2026-08-01', '300000000000000001');
		const scheduler = startScheduler(dailyDeps(store, sender, { logger }), {
			clock: () => utc('2026-09-01T10:30:00Z'),
		});
		cleanups.push(() => scheduler.stop());
		expect(await scheduler.tick()).toBeUndefined(); // the start-up tick is still running
		await expect.poll(() => lines.filter((l) => l.msg === 'post log pruned').length).toBe(1);
		expect(lines.find((l) => l.msg === 'post log pruned')).toMatchObject({ before: '2026-08-25', removed: 1 });
		await scheduler.tick();
		expect(lines.filter((l) => l.msg === 'post log pruned')).toHaveLength(1);
		expect(await store.postLog.get(guildId(1), '2026-08-01')).toBeUndefined();
	});
});

describe('GIVEN a bot run as two shards', () => {
	it('THEN each guild is owned by exactly the shard Discord sends it to, by (guild_id >> 22) % shards', async () => {
		const harness = await startBotHarness({
			emulator: {
				recommendedShards: 2,
				// Ids a millisecond apart, so (id >> 22) alternates between the shards.
				guilds: Array.from({ length: 12 }, (_, i) => ({ id: String((300_000_000_000n + BigInt(i)) << 22n) })),
			},
			client: ({ api, recommendedOptions }) =>
				createDiscordClient({ apiUrl: api, overrides: { ...recommendedOptions, shards: 'auto' } }),
		});
		cleanups.push(() => harness.teardown());
		const owns = ownsGuild(harness.client);
		const ids = [...harness.emu.state.guilds.keys()];
		expect(harness.client.options.shardCount).toBe(2);
		expect(ids.every((id) => owns(id))).toBe(true);
		for (const id of ids) {
			const shard = Number((BigInt(id) >> 22n) % 2n);
			expect(harness.client.guilds.cache.get(id)?.shardId).toBe(shard);
		}
		// A process running only shard 1 owns only shard 1's guilds.
		harness.client.options.shards = [1];
		expect(ids.filter((id) => owns(id))).toEqual(ids.filter((id) => (BigInt(id) >> 22n) % 2n === 1n));
		expect(ids.filter((id) => owns(id)).length).toBeGreaterThan(0);
		expect(ids.filter((id) => !owns(id)).length).toBeGreaterThan(0);
		harness.client.options.shards = [0, 1];
	});
});
