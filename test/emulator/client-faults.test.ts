import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChannelType, RateLimitError, type RateLimitData } from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { attachDemoHandlers, commands } from './demo-bot.js';
import { startBotHarness, type BotHarness } from './harness.js';

describe('GIVEN rate limits and faults', () => {
	let harness: BotHarness;
	const limited: RateLimitData[] = [];

	beforeAll(async () => {
		harness = await startBotHarness({ emulator: { commands: { global: commands } }, beforeLogin: attachDemoHandlers });
		harness.client.rest.on('rateLimited', (info) => limited.push(info));
	});
	afterAll(async () => {
		await harness?.teardown();
	});
	afterEach(() => harness.assertNoErrors());

	const textChannel = () => {
		const channel = harness.client.channels.cache.get(harness.emu.firstChannelId);
		if (channel?.type !== ChannelType.GuildText) throw new Error('expected text channel');
		return channel;
	};

	it('WHEN one route 429 is injected THEN discord.js waits retry_after and retries once', async () => {
		harness.emu.failNext('POST', /\/channels\/\d+\/messages$/, { retryAfter: 0.1 });
		const started = performance.now();
		await textChannel().send('after a 429');
		expect(performance.now() - started).toBeGreaterThanOrEqual(95);
		const attempts = harness.emu.requests('POST', /\/channels\/\d+\/messages$/).slice(-2);
		expect(attempts.map((r) => r.status)).toEqual([429, 200]);
		expect(attempts.map((r) => r.body)).toEqual(
			[
				{ content: 'after a 429', tts: false },
				{ content: 'after a 429', tts: false },
			].map((b) => expect.objectContaining(b)),
		);
		expect(limited.at(-1)?.route).toBe('/channels/:id/messages');
	});

	it('WHEN a global 429 is injected THEN the client waits and retries', async () => {
		harness.emu.failNext('*', /\/channels\/\d+\/messages$/, { retryAfter: 0.1, global: true });
		await textChannel().send('after a global 429');
		expect(limited.at(-1)?.global).toBe(true);
	});

	it('WHEN the interaction callback gets a 429 THEN the reply is retried', async () => {
		harness.emu.failNext('POST', /^\/interactions\//, { retryAfter: 0.1 });
		const injected = harness.emu.injectChatInput({ name: 'letter' });
		expect((await injected.callback).type).toBe(InteractionResponseType.ChannelMessageWithSource);
		expect(injected.requests.map((r) => r.status)).toEqual([429, 204]);
	});

	it('WHEN a 502 is injected THEN discord.js retries the request', async () => {
		harness.emu.failNext('POST', /\/channels\/\d+\/messages$/, { status: 502 });
		await textChannel().send('after a 502');
		expect(
			harness.emu
				.requests('POST', /\/channels\/\d+\/messages$/)
				.slice(-2)
				.map((r) => r.status),
		).toEqual([502, 200]);
	});

	it('WHEN the per-channel limit is on THEN the sixth message in the window waits for the reset', async () => {
		harness.emu.enablePerChannelRateLimit({ limit: 5, windowMs: 300 });
		try {
			const started = performance.now();
			for (let i = 0; i < 6; i += 1) await textChannel().send(`burst ${i}`);
			expect(performance.now() - started).toBeGreaterThanOrEqual(200);
			const recent = harness.emu.requests('POST', /\/channels\/\d+\/messages$/).slice(-6);
			expect(recent.every((r) => r.status === 200)).toBe(true);
		} finally {
			harness.emu.disablePerChannelRateLimit();
		}
	});

	it('WHEN the global limit is on THEN a burst beyond it is retried after a global 429', async () => {
		// 5 per 200 ms rather than Discord's 50 per second, so the burst certainly exceeds it quickly.
		harness.emu.enableGlobalRateLimit(5, 200);
		try {
			const before = harness.emu.state.requests.length;
			await Promise.all(Array.from({ length: 8 }, (_, i) => textChannel().send(`g${i}`)));
			const statuses = harness.emu.state.requests.slice(before).map((r) => r.status);
			expect(statuses.filter((s) => s === 200)).toHaveLength(8);
			expect(statuses).toContain(429);
			expect(limited.some((info) => info.global)).toBe(true);
		} finally {
			harness.emu.disableGlobalRateLimit();
		}
	});

	it('WHEN a response is slow THEN the client just waits', async () => {
		harness.emu.slowNext('POST', /\/channels\/\d+\/messages$/, 120);
		const started = performance.now();
		await textChannel().send('slow');
		expect(performance.now() - started).toBeGreaterThanOrEqual(110);
	});
});

describe('GIVEN rejectOnRateLimit', () => {
	let harness: BotHarness;
	beforeAll(async () => {
		harness = await startBotHarness({
			client: async ({ recommendedOptions }) => {
				const { Client } = await import('discord.js');
				return new Client({
					...recommendedOptions,
					rest: { ...recommendedOptions.rest, rejectOnRateLimit: ['/channels'] },
				});
			},
		});
	});
	afterAll(async () => {
		await harness?.teardown();
	});

	it('WHEN a 429 arrives THEN send rejects with RateLimitError', async () => {
		harness.emu.failNext('POST', /\/channels\/\d+\/messages$/, { retryAfter: 1 });
		const channel = harness.client.channels.cache.get(harness.emu.firstChannelId);
		if (channel?.type !== ChannelType.GuildText) throw new Error('expected text channel');
		await expect(channel.send('x')).rejects.toBeInstanceOf(RateLimitError);
	});
});
