/**
 * The daily post end to end: the real discord.js client and the bot's own sender against the
 * local Discord emulator, with an injected clock for the schedule (never fake timers around the
 * live client). Exactly once through a crash between sending and recording, and with two bot
 * processes (two clients, two store connections, two claim owners) sharing real Redis,
 * PostgreSQL and SQLite stores; permissions, deleted channels and removed servers.
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { capturedLogger } from '../fixtures/logging.js';
import type { Store } from '../../src/core/ports.js';
import { createDiscordClient } from '../../src/discord/client.js';
import { deliverPost, runDueTick, type PostSender } from '../../src/scheduler/daily-post.js';
import { attachCleanup, checkChannel, createDiscordPostSender } from '../../src/scheduler/discord-sender.js';
import { openStore } from '../../src/storage/open-store.js';
import { startBotHarness, type BotHarness } from '../emulator/harness.js';
import { startEmulator, type Emulator } from '../emulator/emulator.js';
import type { GuildSeed } from '../emulator/types.js';
import { postgresCase, redisCase, silentLogger, sqliteCase, type BackendCase } from '../storage/backends.js';
import { dailyDeps, settings, utc } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A bot process: a client logged in to the emulator. */
async function botOn(emu: Emulator): Promise<BotHarness> {
	const harness = await startBotHarness({
		emulator: emu,
		client: ({ api, recommendedOptions }) => createDiscordClient({ apiUrl: api, overrides: recommendedOptions }),
	});
	// The harness stops the emulator on teardown; here several bots share one, so only destroy.
	cleanups.push(() => harness.client.destroy());
	return harness;
}

async function emulatorWith(guilds: readonly GuildSeed[]): Promise<Emulator> {
	const emu = await startEmulator({ guilds });
	cleanups.push(() => emu.stop());
	return emu;
}

async function memory(): Promise<Store> {
	const store = await openStore(`memory://e2e-${Math.random()}`, silentLogger);
	cleanups.push(() => store.close());
	return store;
}

const botMessages = (emu: Emulator, channelId: string) =>
	emu.messages(channelId).filter((m) => m.author.id === emu.applicationId);

/**
 * A sender whose process "dies" right after Discord created the message: the send reaches
 * Discord, and nothing after it (recording the post) ever runs. `sentId` is the message made.
 */
function dyingAfterSend(real: PostSender): PostSender & { readonly sentId: string | undefined } {
	let sentId: string | undefined;
	return {
		...real,
		send: async (...args) => {
			sentId = await real.send(...args);
			return new Promise<string>(() => undefined);
		},
		get sentId() {
			return sentId;
		},
	};
}

describe('GIVEN a server with the daily post set up', () => {
	it('THEN the post lands in its channel at the local minute, with its thread and prompt, mentioning only its role', async () => {
		const emu = await emulatorWith([{ roles: [{ name: 'history' }] }]);
		const bot = await botOn(emu);
		const store = await memory();
		const guild = emu.firstGuild;
		const channelId = emu.firstChannelId;
		const roleId = [...guild.roles.keys()].find((id) => id !== guild.id && id !== guild.botRoleId) ?? '';
		await store.settings.set(
			guild.id,
			settings({
				channelId,
				time: '07:30',
				timezone: 'Asia/Tokyo',
				roleId,
				thread: { enabled: true, autoArchiveMinutes: 1440 },
			}),
		);
		const deps = dailyDeps(store, createDiscordPostSender(bot.client));
		await runDueTick(deps, utc('2026-08-12T22:29:00Z'));
		expect(botMessages(emu, channelId)).toHaveLength(0);
		const report = await runDueTick(deps, utc('2026-08-12T22:30:00Z'));
		expect(report.outcomes.get(guild.id)).toMatchObject({ status: 'posted' });
		const [post] = botMessages(emu, channelId);
		expect(post?.content).toMatch(new RegExp(`^<@&${roleId}> 📜 \\*\\*On this day, 13 August\\*\\*`));
		expect(post?.embeds).toHaveLength(1);
		const sent = emu.requests('POST', `/channels/${channelId}/messages`)[0]?.body as Record<string, unknown>;
		expect(sent.allowed_mentions).toEqual({ parse: [], roles: [roleId] });
		expect(sent.enforce_nonce).toBe(true);
		expect(sent.nonce).toBe(store.postLog.nonce(guild.id, '2026-08-13'));
		const [thread] = emu.state.threads;
		expect(thread?.id).toBe(post?.id);
		expect(thread?.name.length).toBeLessThanOrEqual(100);
		expect(emu.messages(thread?.id ?? '')[0]?.content).toMatch(/^💬 .{10,200}$/);
		bot.assertNoErrors();
	});
});

describe('GIVEN a post whose thread was opened before a crash', () => {
	it('THEN opening it again is not an error and posts no second prompt', async () => {
		const emu = await emulatorWith([{}]);
		const bot = await botOn(emu);
		const sender = createDiscordPostSender(bot.client);
		const body = { content: 'a post', embeds: [], components: [], allowed_mentions: { parse: [] } };
		const messageId = await sender.send(emu.firstGuild.id, emu.firstChannelId, body);
		const thread = { name: 'A letter', autoArchiveMinutes: 1440 };
		expect(await sender.startThread(emu.firstChannelId, messageId, thread)).toBe(messageId);
		expect(await sender.startThread(emu.firstChannelId, messageId, thread)).toBeUndefined();
		expect(emu.state.threads).toHaveLength(1);
		bot.assertNoErrors();
	});
});

describe('GIVEN a crash between sending and recording', () => {
	it.each([
		['sqlite', sqliteCase],
		['redis', redisCase],
		['postgres', postgresCase],
	] as const)('THEN on %s the next process does not post a second message', async (_name, makeCase) => {
		const backend: BackendCase = makeCase();
		cleanups.push(() => backend.cleanup());
		const emu = await emulatorWith([{}]);
		const guildId = emu.firstGuild.id;
		const channelId = emu.firstChannelId;
		let clock = Date.now();
		const open = () => openStore(backend.url, silentLogger, { ...backend.options, now: () => clock });

		// Process 1 sends, then "dies" before complete: its send resolves, and nothing after it runs.
		const first = await open();
		cleanups.push(() => first.close());
		await first.settings.set(guildId, settings({ channelId }));
		const bot1 = await botOn(emu);
		const dying = dyingAfterSend(createDiscordPostSender(bot1.client));
		const now = utc('2026-05-05T09:00:00Z');
		const stored = await first.settings.get(guildId);
		if (!stored) throw new Error('no settings');
		// A short lease: Redis expires it by its own clock, so the test waits for it in real time.
		const leaseMs = 300;
		void deliverPost(
			dailyDeps(first, dying, { owner: 'process-1', leaseMs, guildTimeoutMs: 3_600_000 }),
			guildId,
			stored,
			{ localDate: '2026-05-05', scheduledUtc: now, late: false },
			now,
		).catch(() => undefined);
		await expect.poll(() => dying.sentId, { timeout: 3_000 }).toBeDefined();
		await bot1.client.destroy();
		expect(await first.postLog.get(guildId, '2026-05-05')).toMatchObject({ state: 'claimed', owner: 'process-1' });

		// Process 2, after the lease ran out, over a new connection to the same store.
		await new Promise((resolve) => setTimeout(resolve, leaseMs + 50));
		clock += leaseMs + 50;
		const second = await open();
		cleanups.push(() => second.close());
		const bot2 = await botOn(emu);
		const report = await runDueTick(
			dailyDeps(second, createDiscordPostSender(bot2.client), { owner: 'process-2' }),
			now.plus({ minutes: 1 }),
		);
		expect(report.outcomes.get(guildId)).toEqual({ status: 'posted', messageId: dying.sentId });
		expect(botMessages(emu, channelId)).toHaveLength(1);
		// Either Discord answered the re-send with the original (the nonce), or the takeover found it first.
		expect(emu.requests('POST', `/channels/${channelId}/messages`).length).toBeLessThanOrEqual(2);
		expect(await second.postLog.get(guildId, '2026-05-05')).toMatchObject({ state: 'done', messageId: dying.sentId });
		const posts = emu.requests('POST', `/channels/${channelId}/messages`).length;
		await runDueTick(
			dailyDeps(second, createDiscordPostSender(bot2.client), { owner: 'process-2' }),
			now.plus({ minutes: 2 }),
		);
		expect(emu.requests('POST', `/channels/${channelId}/messages`)).toHaveLength(posts);
	});
});

describe('GIVEN a crash long enough ago that Discord forgot the nonce', () => {
	it("THEN the next process finds the post among the channel's latest messages and records it", async () => {
		const emu = await emulatorWith([{}]);
		const guildId = emu.firstGuild.id;
		const channelId = emu.firstChannelId;
		const store = await memory();
		await store.settings.set(guildId, settings({ channelId }));
		const bot1 = await botOn(emu);
		const dying = dyingAfterSend(createDiscordPostSender(bot1.client));
		const now = utc(new Date().toISOString()).startOf('minute');
		await store.settings.set(guildId, settings({ channelId, time: now.toFormat('HH:mm') }));
		const stored = await store.settings.get(guildId);
		if (!stored) throw new Error('no settings');
		void deliverPost(
			dailyDeps(store, dying, { owner: 'process-1', leaseMs: 100, guildTimeoutMs: 3_600_000 }),
			guildId,
			stored,
			{ localDate: now.toISODate() ?? '', scheduledUtc: now, late: false },
			now,
		).catch(() => undefined);
		await expect.poll(() => dying.sentId, { timeout: 3_000 }).toBeDefined();
		await bot1.client.destroy();
		emu.state.nonces.clear();
		await new Promise((resolve) => setTimeout(resolve, 150));

		const bot2 = await botOn(emu);
		const report = await runDueTick(
			dailyDeps(store, createDiscordPostSender(bot2.client), { owner: 'process-2' }),
			now.plus({ minutes: 1 }),
		);
		expect(report.outcomes.get(guildId)).toEqual({ status: 'posted', messageId: dying.sentId });
		expect(botMessages(emu, channelId)).toHaveLength(1);
		expect(emu.requests('POST', `/channels/${channelId}/messages`)).toHaveLength(1);
		expect(emu.requests('GET', `/channels/${channelId}/messages`)).toHaveLength(1);
		bot2.assertNoErrors();
	});
});

describe('GIVEN two bot processes sharing one store', () => {
	it.each([
		['redis', redisCase],
		['postgres', postgresCase],
		['sqlite', sqliteCase],
	] as const)('THEN on %s, ticking concurrently, every server gets exactly one post a day', async (_name, makeCase) => {
		const backend: BackendCase = makeCase();
		cleanups.push(() => backend.cleanup());
		const guildCount = 30;
		const emu = await emulatorWith(Array.from({ length: guildCount }, () => ({})));
		const [bot1, bot2] = await Promise.all([botOn(emu), botOn(emu)]);
		const [store1, store2] = await Promise.all([backend.open(), backend.open()]);
		cleanups.push(
			() => store1.close(),
			() => store2.close(),
		);
		const guilds = [...emu.state.guilds.values()];
		const zones = ['Europe/London', 'America/New_York', 'Asia/Tokyo'];
		await Promise.all(
			guilds.map((g, i) =>
				store1.settings.set(
					g.id,
					settings({
						channelId: g.channelIds[0] ?? '',
						time: '09:00',
						timezone: zones[i % 3] ?? 'UTC',
						// 30 June is done, so the day below holds exactly one post per server.
						lastDelivery: { localDate: '2026-06-30', status: 'posted', at: '2026-06-30T12:00:00Z', attempts: 1 },
					}),
				),
			),
		);
		const deps1 = dailyDeps(store1, createDiscordPostSender(bot1.client), { owner: 'process-1' });
		const deps2 = dailyDeps(store2, createDiscordPostSender(bot2.client), { owner: 'process-2' });
		// A whole UTC day, hour by hour (both processes on every tick, at the same instant), then a restart mid-day.
		const sentBy = { 'process-1': 0, 'process-2': 0 };
		for (let hour = 0; hour < 24; hour++) {
			const at = utc('2026-07-01T00:00:00Z').plus({ hours: hour });
			const reports = await Promise.all([runDueTick(deps1, at), runDueTick(deps2, at), runDueTick(deps1, at)]);
			reports.forEach((report, i) => {
				const posted = [...report.outcomes.values()].filter((o) => o.status === 'posted').length;
				sentBy[i === 1 ? 'process-2' : 'process-1'] += posted;
			});
		}
		expect(sentBy['process-1'] + sentBy['process-2']).toBe(guildCount);
		for (const g of guilds) expect(botMessages(emu, g.channelIds[0] ?? '')).toHaveLength(1);
		expect(emu.requests('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(guildCount);
		const statuses = await Promise.all(
			guilds.map(async (g) => (await store2.settings.get(g.id))?.lastDelivery?.status),
		);
		expect(statuses.every((s) => s === 'posted' || s === 'late')).toBe(true);
		bot1.assertNoErrors();
		bot2.assertNoErrors();
	});
});

describe('GIVEN a server whose channel the bot cannot post in', () => {
	it('THEN the check names exactly what is missing, the post is skipped, reported in the settings and the log channel, and backs off', async () => {
		const emu = await emulatorWith([{ channels: [{ name: 'letters' }, { name: 'bot-log' }] }]);
		const bot = await botOn(emu);
		const store = await memory();
		const guild = emu.firstGuild;
		const [postChannel = '', logChannel = ''] = guild.channelIds;
		await store.settings.set(guild.id, settings({ channelId: postChannel, logChannelId: logChannel }));
		emu.denyBotPermissions(postChannel, PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks);
		await expect
			.poll(() => checkChannel(bot.client, guild.id, postChannel, true))
			.toEqual({ ok: false, reason: 'missing', missing: ['Send Messages', 'Embed Links'] });
		const deps = dailyDeps(store, createDiscordPostSender(bot.client));
		const report = await runDueTick(deps, utc('2026-06-01T09:00:00Z'));
		expect(report.outcomes.get(guild.id)).toMatchObject({ status: 'failed', kind: 'permissions' });
		expect(emu.requests('POST', `/channels/${postChannel}/messages`)).toHaveLength(0);
		const after = await store.settings.get(guild.id);
		expect(after?.lastDelivery?.error).toContain('missing Send Messages, Embed Links');
		expect(after?.backoffUntil).toBe('2026-06-01T09:05:00.000Z');
		const [note] = botMessages(emu, logChannel);
		expect(note?.content).toContain(`could not post today's letter in <#${postChannel}>`);
		expect(note?.content).toContain('missing Send Messages, Embed Links');
		await runDueTick(deps, utc('2026-06-01T09:03:00Z'));
		expect(botMessages(emu, logChannel)).toHaveLength(1);
		bot.assertNoErrors();
	});

	it('WHEN the cache was behind and Discord answers 50013 THEN it is reported as missing permissions', async () => {
		const emu = await emulatorWith([{}]);
		const bot = await botOn(emu);
		const store = await memory();
		await store.settings.set(emu.firstGuild.id, settings({ channelId: emu.firstChannelId }));
		emu.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 403, code: 50013, message: 'Missing Permissions' });
		const report = await runDueTick(dailyDeps(store, createDiscordPostSender(bot.client)), utc('2026-06-01T09:00:00Z'));
		expect(report.outcomes.get(emu.firstGuild.id)).toEqual({
			status: 'failed',
			kind: 'permissions',
			error: 'Missing Permissions',
		});
	});
});

describe('GIVEN a Discord outage in a server', () => {
	it('THEN the post fails as transient, backs off, keeps the settings, and goes out once the server is back', async () => {
		const emu = await emulatorWith([{}]);
		const bot = await botOn(emu);
		const store = await memory();
		const guildId = emu.firstGuild.id;
		await store.settings.set(guildId, settings({ channelId: emu.firstChannelId }));
		emu.guildOutage(guildId);
		await expect.poll(() => bot.client.guilds.cache.get(guildId)?.available).toBe(false);
		const deps = dailyDeps(store, createDiscordPostSender(bot.client));
		const report = await runDueTick(deps, utc('2026-06-01T09:00:00Z'));
		expect(report.outcomes.get(guildId)).toMatchObject({ status: 'failed', kind: 'transient' });
		expect((await store.settings.get(guildId))?.lastDelivery?.error).toBe('the server is unavailable (Discord outage)');
		emu.restoreGuild(guildId);
		await expect.poll(() => bot.client.guilds.cache.get(guildId)?.available).toBe(true);
		await runDueTick(deps, utc('2026-06-01T09:05:00Z'));
		expect(botMessages(emu, emu.firstChannelId)).toHaveLength(1);
		bot.assertNoErrors();
	});
});

describe('GIVEN servers that go away', () => {
	it('WHEN the post channel is deleted or the bot is removed THEN the settings are forgotten and it is logged', async () => {
		const emu = await emulatorWith([{}, {}, {}]);
		const bot = await botOn(emu);
		const store = await memory();
		const { logger, lines } = capturedLogger();
		attachCleanup(bot.client, store, logger);
		const [a, b, c] = [...emu.state.guilds.values()];
		if (!a || !b || !c) throw new Error('guilds missing');
		for (const g of [a, b, c]) await store.settings.set(g.id, settings({ channelId: g.channelIds[0] ?? '' }));
		emu.deleteChannel(a.channelIds[0] ?? '');
		emu.removeGuild(b.id);
		await expect.poll(async () => (await store.settings.list()).map((e) => e.guildId)).toEqual([c.id]);
		expect(lines.map((l) => l.msg)).toEqual(
			expect.arrayContaining([
				'daily post channel deleted; server settings forgotten',
				'removed from a server; its daily post settings forgotten',
			]),
		);
	});

	it('WHEN the channel vanished while the bot was offline THEN the scheduled post finds it gone and forgets the server', async () => {
		const emu = await emulatorWith([{}]);
		const bot = await botOn(emu);
		const store = await memory();
		await store.settings.set(emu.firstGuild.id, settings({ channelId: '123456789012345678' }));
		const report = await runDueTick(dailyDeps(store, createDiscordPostSender(bot.client)), utc('2026-06-01T09:00:00Z'));
		expect(report.outcomes.get(emu.firstGuild.id)).toMatchObject({ status: 'failed', kind: 'channel-gone' });
		expect(await store.settings.get(emu.firstGuild.id)).toBeUndefined();
	});
});
