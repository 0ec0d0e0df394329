/**
 * Running the bot: the error boundary, buttons that outlive the process that drew them, and
 * registering the commands, all against the emulator.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAPIError } from 'discord.js';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { commands } from '../../commands/index.js';
import type { SettingsStore } from '../../src/core/ports.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { discordClientOptions } from '../../src/discord/client.js';
import { deployCommands, registrationBody } from '../../src/discord/deploy.js';
import { GENERIC_ERROR } from '../../src/discord/router.js';
import { startEmulator, type Emulator } from '../emulator/emulator.js';
import { emulatorClientOptions } from '../emulator/harness.js';
import {
	capturedLogger,
	idOf,
	isEphemeral,
	messageOf,
	realDeps,
	startLetterday,
	type LetterdayHarness,
} from './bot-harness.js';

describe('GIVEN the bot answering commands and autocomplete', () => {
	let h: LetterdayHarness;
	beforeAll(async () => {
		h = await startLetterday();
	});
	afterAll(() => h?.teardown());
	afterEach(() => h.assertNoErrors());

	it('THEN each answer is its API JSON, mentions off, and a debug line names it', async () => {
		const about = h.emu.injectChatInput({ name: 'about' });
		const answered = await about.callback;
		expect(answered.type).toBe(InteractionResponseType.ChannelMessageWithSource);
		expect(answered.data?.allowed_mentions).toEqual({ parse: [] });
		expect(answered.data?.embeds?.[0]?.title).toBe('Letterday: historic letters, on this day');
		const zones = await h.emu.injectAutocomplete({
			name: 'today',
			options: { timezone: 'Europe/Lon' },
			focused: 'timezone',
		}).callback;
		expect(zones.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
		expect(zones.data?.choices).toContainEqual({ name: 'Europe/London', value: 'Europe/London' });
		await expect
			.poll(() => h.log.filter((l) => l.msg === 'interaction answered').map((l) => l.command))
			.toEqual(['about', 'today']);
		expect(h.log.find((l) => l.msg === 'interaction answered')).toMatchObject({ interactionId: about.id });
	});
});

describe('GIVEN a handler that fails unexpectedly', () => {
	const broken: SettingsStore = {
		get: () => Promise.reject(new Error('database on fire: password=hunter2')),
		set: () => Promise.resolve(),
		delete: () => Promise.resolve(false),
		list: () => Promise.resolve([]),
	};
	let h: LetterdayHarness;
	beforeAll(async () => {
		h = await startLetterday({ settings: broken });
	});
	afterAll(() => h?.teardown());
	afterEach(() => h.assertNoErrors());

	it('THEN the asker gets a generic ephemeral message and the log has the error with its context', async () => {
		const injected = h.emu.injectChatInput({ name: 'today' });
		const callback = await injected.callback;
		expect(callback.data?.content).toBe(GENERIC_ERROR);
		expect(isEphemeral(callback.data?.flags)).toBe(true);
		expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
		const line = h.log.find((l) => l.msg === 'interaction failed');
		expect(line).toMatchObject({
			level: 'error',
			command: 'today',
			guildId: h.guildId,
			interactionId: injected.id,
			err: { message: 'database on fire: password=hunter2' },
		});
	});

	it('WHEN Discord rejects the answer THEN the boundary logs it and still answers generically', async () => {
		h.emu.failNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, {
			status: 400,
			code: 50035,
			message: 'Invalid Form Body',
		});
		const injected = h.emu.injectChatInput({ name: 'about' });
		const callback = await injected.callback;
		expect(callback.data?.content).toBe(GENERIC_ERROR);
		expect(injected.requests.map((r) => r.status)).toEqual([400, 204]);
		expect(h.log.filter((l) => l.msg === 'interaction failed' && l.command === 'about')).toHaveLength(1);
	});
});

describe('GIVEN a command slowed down by its store', () => {
	const slow: SettingsStore = {
		get: () => new Promise((resolve) => setTimeout(() => resolve(undefined), 150)),
		set: () => Promise.resolve(),
		delete: () => Promise.resolve(false),
		list: () => Promise.resolve([]),
	};
	let h: LetterdayHarness;
	beforeAll(async () => {
		h = await startLetterday({ settings: slow, deferAfterMs: 30 });
	});
	afterAll(() => h?.teardown());
	afterEach(() => h.assertNoErrors());

	it('THEN the reply is deferred within the deadline and the answer replaces "thinking…"', async () => {
		const injected = h.emu.injectChatInput({ name: 'today', options: { date: '08-13' } });
		const callback = await injected.callback;
		expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
		await expect.poll(() => h.emu.state.messageById.get(injected.originalMessageId ?? '')?.embeds.length).toBe(1);
		const answer = h.emu.state.messageById.get(injected.originalMessageId ?? '');
		expect(answer?.content).toMatch(/^\*\*On this day, 13 August:\*\*/);
		expect(((answer?.flags ?? 0) & MessageFlags.Loading) === 0).toBe(true);
		const edit = injected.requests.find((r) => r.method === 'PATCH');
		expect(edit?.body).toMatchObject({ allowed_mentions: { parse: [] } });
		expect(h.log.find((l) => l.msg === 'slow command deferred')).toMatchObject({ command: 'today' });
	});

	it('WHEN the slow answer is private THEN the loading message goes and only the asker sees the answer', async () => {
		const injected = h.emu.injectChatInput({ name: 'today', options: { date: '02-30' } });
		expect((await injected.callback).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
		await expect.poll(() => injected.followUpIds.length).toBe(1);
		const followUp = h.emu.state.messageById.get(injected.followUpIds[0] ?? '');
		expect(followUp?.content).toBe('"02-30" is not a real date: February has only 29 days');
		expect(isEphemeral(followUp?.flags)).toBe(true);
		expect(injected.requests.map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
	});
});

describe('GIVEN a message drawn by one bot process', () => {
	let emu: Emulator;
	let bot: RunningBot | undefined;
	beforeAll(async () => {
		emu = await startEmulator({ commands: { global: registrationBody(commands, realDeps().corpus.collections) } });
	});
	afterAll(async () => {
		await bot?.stop();
		await emu.stop();
	});

	const start = async (): Promise<RunningBot> => {
		const { logger } = capturedLogger();
		return startBot({
			token: emu.token,
			apiUrl: emu.url,
			commands,
			deps: { ...realDeps(), settings: { get: () => Promise.resolve(undefined) }, random: () => 0.5 },
			logger,
			clientOverrides: emulatorClientOptions(emu),
		});
	};

	it('WHEN the bot restarts THEN the buttons on that message still work (their state is in the custom_id)', async () => {
		bot = await start();
		const message = messageOf(
			await emu.injectChatInput({ name: 'letter', options: { letter: 'bt-1946-04-05-smith-to-byrnes' } }).callback,
		);
		await bot.stop();
		bot = await start();
		const next = messageOf(await emu.injectButton({ message, customId: idOf(message, 'Next ▶') }).callback);
		expect(next.id).toBe(message.id);
		expect(next.embeds[0]?.footer?.text).toContain('Page 2 of 4');
		const fullText = messageOf(await emu.injectButton({ message: next, customId: idOf(next, 'Full text') }).callback);
		expect(isEphemeral(fullText.flags)).toBe(true);
		expect(emu.gatewayCounts.identify).toBe(2);
	});

	it('WHEN the token is wrong THEN starting fails with the client cleaned up', async () => {
		const { logger } = capturedLogger();
		const starting = startBot({
			token: 'x'.repeat(60),
			apiUrl: emu.url,
			commands,
			deps: { ...realDeps(), settings: { get: () => Promise.resolve(undefined) }, random: () => 0.5 },
			logger,
			clientOverrides: emulatorClientOptions(emu),
		});
		await expect(starting).rejects.toThrow(/token/i);
	});
});

describe('GIVEN the bot client', () => {
	it('THEN it asks for the Guilds intent only, parses no mentions and talks to the configured API', () => {
		const options = discordClientOptions({ apiUrl: 'http://127.0.0.1:1/api' });
		expect(options.intents).toEqual([1]);
		expect(options.allowedMentions).toEqual({ parse: [] });
		expect(options.rest?.api).toBe('http://127.0.0.1:1/api');
		expect(options.makeCache).toBeTypeOf('function');
	});
});

describe('GIVEN the registry', () => {
	it('THEN names are unique, each command is the file of its name, and descriptions fit Discord', () => {
		const names = commands.map((c) => c.data.name);
		expect(names).toEqual(['today', 'letter', 'random', 'thread', 'search', 'who', 'cite', 'about', 'letterday']);
		expect(new Set(names).size).toBe(names.length);
		for (const c of commands) expect(c.data.description.length).toBeLessThanOrEqual(100);
		const files = readdirSync(join(import.meta.dirname, '..', '..', 'commands'))
			.filter((f) => f !== 'index.ts')
			.map((f) => f.replace(/\.ts$/, ''));
		expect([...files].sort()).toEqual([...names].sort());
	});

	it('WHEN deployed to a guild and globally THEN Discord holds exactly the registry', async () => {
		const emu = await startEmulator();
		try {
			const guildId = emu.firstGuild.id;
			const toGuild = await deployCommands({
				token: emu.token,
				applicationId: emu.applicationId,
				apiUrl: emu.url,
				guildId,
				commands,
				collections: realDeps().corpus.collections,
			});
			expect(toGuild).toEqual({ names: commands.map((c) => c.data.name), scope: `to guild ${guildId}` });
			expect(emu.commands(guildId).map((c) => c.name)).toEqual(toGuild.names);
			expect(emu.commands()).toEqual([]);
			const global = await deployCommands({
				token: emu.token,
				applicationId: emu.applicationId,
				apiUrl: emu.url,
				commands,
				collections: realDeps().corpus.collections,
			});
			expect(global.scope).toBe('globally');
			expect(emu.commands().map((c) => c.name)).toEqual(global.names);
			const error = await deployCommands({
				token: 'x'.repeat(60),
				applicationId: emu.applicationId,
				apiUrl: emu.url,
				commands,
				collections: realDeps().corpus.collections,
			}).catch((e: unknown) => e);
			expect(error instanceof DiscordAPIError ? error.status : error).toBe(401);
		} finally {
			await emu.stop();
		}
	});
});
