import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DiscordjsError, DiscordjsErrorCodes } from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { startEmulator } from './emulator.js';
import { attachDemoHandlers, commands } from './demo-bot.js';
import { emulatorClientOptions, startBotHarness, type BotHarness } from './harness.js';

describe('GIVEN gateway trouble', () => {
	let harness: BotHarness;
	beforeAll(async () => {
		harness = await startBotHarness({ emulator: { commands: { global: commands } }, beforeLogin: attachDemoHandlers });
	});
	afterAll(async () => {
		await harness?.teardown();
	});

	it('WHEN the connection drops THEN the client resumes and missed events are replayed', async () => {
		const { emu, client } = harness;
		emu.dropGateway();
		const created = emu.addChannel(emu.firstGuild.id, { name: 'while-down' });
		await expect.poll(() => emu.gatewayCounts.resume, { timeout: 3000 }).toBe(1);
		await expect.poll(() => client.channels.cache.has(created.id)).toBe(true);
		const injected = emu.injectChatInput({ name: 'letter' });
		expect((await injected.callback).type).toBe(InteractionResponseType.ChannelMessageWithSource);
	});

	it('WHEN RECONNECT is requested THEN the client resumes', async () => {
		const { emu } = harness;
		const before = emu.gatewayCounts.resume;
		emu.reconnect();
		await expect.poll(() => emu.gatewayCounts.resume, { timeout: 3000 }).toBe(before + 1);
	});

	it('WHEN the session is invalidated THEN the client identifies again and keeps working', async () => {
		const { emu } = harness;
		const before = emu.gatewayCounts.identify;
		emu.invalidateSession();
		await expect.poll(() => emu.gatewayCounts.identify, { timeout: 3000 }).toBe(before + 1);
		await expect
			.poll(() => emu.state.gatewayLog.filter((e) => e.t === 'GUILD_CREATE').length, { timeout: 3000 })
			.toBeGreaterThanOrEqual(2);
		const injected = await vitestRetry(() => emu.injectChatInput({ name: 'letter' }));
		expect((await injected.callback).type).toBe(InteractionResponseType.ChannelMessageWithSource);
		harness.assertNoErrors();
	});
});

describe('GIVEN 1,000 guilds', () => {
	it('THEN the client is ready quickly with every guild available', async () => {
		const started = performance.now();
		const harness = await startBotHarness({ emulator: { guilds: Array.from({ length: 1000 }, () => ({})) } });
		try {
			const elapsed = performance.now() - started;
			expect(harness.client.guilds.cache.size).toBe(1000);
			expect(harness.client.guilds.cache.every((g) => g.available)).toBe(true);
			expect(elapsed).toBeLessThan(3000);
		} finally {
			await harness.teardown();
		}
	});
});

async function vitestRetry<T>(action: () => T, attempts = 50): Promise<T> {
	for (let i = 0; ; i += 1) {
		try {
			return action();
		} catch (error) {
			if (i >= attempts) throw error;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}
}

describe('GIVEN a wrong token', () => {
	it('THEN login rejects with TokenInvalid and nothing is left running', async () => {
		const emu = await startEmulator();
		const client = new Client(emulatorClientOptions(emu));
		try {
			const error = await client.login('not-the-token').catch((e: unknown) => e);
			expect(error instanceof DiscordjsError ? error.code : error).toBe(DiscordjsErrorCodes.TokenInvalid);
			expect(emu.requests('GET', '/gateway/bot')[0]?.status).toBe(401);
		} finally {
			await client.destroy();
			await emu.stop();
		}
	});
});

describe('GIVEN Discord recommends two shards', () => {
	it('THEN a client with shards: auto runs both, and each guild’s interactions reach its shard', async () => {
		const harness = await startBotHarness({
			emulator: {
				guilds: Array.from({ length: 12 }, () => ({})),
				recommendedShards: 2,
				commands: { global: commands },
			},
			client: ({ recommendedOptions }) => new Client({ ...recommendedOptions, shards: 'auto' }),
			beforeLogin: attachDemoHandlers,
		});
		try {
			expect(harness.emu.gatewayCounts.identify).toBe(2);
			expect(harness.client.guilds.cache.size).toBe(12);
			const answered = await Promise.all(
				[...harness.emu.state.guilds.keys()].map(
					(guildId) => harness.emu.injectChatInput({ guildId, name: 'letter' }).callback,
				),
			);
			expect(answered.every((c) => c.type === InteractionResponseType.ChannelMessageWithSource)).toBe(true);
			harness.assertNoErrors();
		} finally {
			await harness.teardown();
		}
	});
});

describe('GIVEN a client built before the harness', () => {
	it('THEN it drives that client against a running emulator, and refuses one pointed elsewhere', async () => {
		const emu = await startEmulator();
		const client = new Client(emulatorClientOptions(emu));
		const harness = await startBotHarness({ emulator: emu, client });
		try {
			expect(harness.client).toBe(client);
			expect(client.isReady()).toBe(true);
		} finally {
			await harness.teardown();
		}
		const stray = new Client({ intents: [] });
		await expect(startBotHarness({ client: stray })).rejects.toThrow(/refusing to log in/);
		await stray.destroy();
	});
});
