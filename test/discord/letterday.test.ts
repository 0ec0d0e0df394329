/**
 * `/letterday` end to end: the real client and router against the emulator, every subcommand
 * with good and bad input, as the server owner (the emulator enforces the command's default
 * member permissions, Manage Server); the run-time permission check called directly.
 */
import { Events, PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { letterdayCommand, letterdayData } from '../../commands/letterday.js';
import { onThisDayIn } from '../../src/core/on-this-day.js';
import type { Store } from '../../src/core/ports.js';
import { buildSearch, buildSuggestions } from '../../src/core/search.js';
import { createDiscordClient } from '../../src/discord/client.js';
import { decodeCustomId } from '../../src/discord/custom-id.js';
import type { Deps } from '../../src/discord/command.js';
import { createRouter } from '../../src/discord/router.js';
import { createDailyAdmin } from '../../src/scheduler/admin.js';
import { createDiscordPostSender } from '../../src/scheduler/discord-sender.js';
import { openStore } from '../../src/storage/open-store.js';
import { startBotHarness, type BotHarness } from '../emulator/harness.js';
import type { OptionValue } from '../emulator/interactions.js';
import { bigThreeCorpus } from '../fixtures/real-data.js';
import { dailyDeps, fullCorpus, settings, utc } from '../scheduler/helpers.js';
import { silentLogger } from '../storage/backends.js';
import { idOf, isEphemeral, messageOf, selectValues } from './bot-harness.js';

// 14 July 2026, 10:00 in London.
const NOW = utc('2026-07-14T09:00:00Z');
/** What a test that takes a permission away gives back: everything a daily post and its thread need. */
const POSTING_PERMISSIONS =
	PermissionFlagsBits.ViewChannel |
	PermissionFlagsBits.SendMessages |
	PermissionFlagsBits.EmbedLinks |
	PermissionFlagsBits.CreatePublicThreads |
	PermissionFlagsBits.SendMessagesInThreads |
	PermissionFlagsBits.ReadMessageHistory;

let harness: BotHarness;
let store: Store;
let guildId: string;
let ownerId: string;
let channelId: string;
let logChannelId: string;
let roleId: string;

beforeAll(async () => {
	store = await openStore(`memory://letterday-${Math.random()}`, silentLogger);
	const small = bigThreeCorpus();
	harness = await startBotHarness({
		emulator: {
			commands: { global: [letterdayData] },
			guilds: [{ channels: [{ name: 'letters' }, { name: 'mod-log' }], roles: [{ name: 'history buffs' }] }],
		},
		client: ({ api, recommendedOptions }) => createDiscordClient({ apiUrl: api, overrides: recommendedOptions }),
		beforeLogin: (client) => {
			const daily = dailyDeps(store, createDiscordPostSender(client));
			const deps: Deps = {
				corpus: fullCorpus(),
				search: buildSearch(small),
				suggestions: buildSuggestions(small),
				settings: store.settings,
				random: () => 0.5,
				daily: createDailyAdmin(daily, client, () => NOW),
			};
			const route = createRouter({
				commands: [letterdayCommand],
				deps,
				logger: silentLogger,
				now: () => NOW.toMillis(),
			});
			client.on(Events.InteractionCreate, (interaction) => void route(interaction));
		},
	});
	const guild = harness.emu.firstGuild;
	guildId = guild.id;
	ownerId = guild.ownerId;
	[channelId = '', logChannelId = ''] = guild.channelIds;
	roleId = [...guild.roles.keys()].find((id) => id !== guild.id && id !== guild.botRoleId) ?? '';
});
afterAll(async () => {
	await harness.teardown();
	await store.close();
});
afterEach(() => harness.assertNoErrors());

async function admin(subcommand: string, options: Record<string, OptionValue> = {}): Promise<string> {
	const injected = harness.emu.injectChatInput({ name: 'letterday', subcommand, options, userId: ownerId, channelId });
	const callback = await injected.callback;
	expect(isEphemeral(callback.data?.flags)).toBe(true);
	return callback.data?.content ?? '';
}

/** The channel's messages that everyone sees (the posts), oldest first. */
function posts(): APIMessage[] {
	return harness.emu.messages(channelId).filter((m) => !isEphemeral(m.flags));
}

/** The latest post in the channel. */
function lastPost(): APIMessage {
	const post = posts().at(-1);
	if (!post) throw new Error('no post');
	return post;
}

async function setUp(): Promise<void> {
	await store.forgetGuild(guildId);
	expect(await admin('setup', { channel: channelId, time: '09:00', timezone: 'Europe/London' })).toContain('✅');
}

describe('GIVEN /letterday setup', () => {
	it('THEN it stores the channel, time and zone, and says when the next post goes out', async () => {
		await store.forgetGuild(guildId);
		const said = await admin('setup', {
			channel: channelId,
			time: '18:30',
			timezone: 'America/New_York',
			log_channel: logChannelId,
		});
		// 18:30 EDT on 14 July is 22:30 UTC.
		expect(said).toBe(
			`✅ The letter of the day will be posted in <#${channelId}> at 18:30 (America/New_York); next post <t:${utc('2026-07-14T22:30:00Z').toSeconds()}:F>.\nProblems will be reported in <#${logChannelId}>.`,
		);
		expect(await store.settings.get(guildId)).toMatchObject({
			channelId,
			time: '18:30',
			timezone: 'America/New_York',
			logChannelId,
		});
	});

	it('WHEN the time or zone is bad THEN each problem is named and nothing is stored', async () => {
		await store.forgetGuild(guildId);
		const said = await admin('setup', { channel: channelId, time: '25:00', timezone: 'Mars/Olympus_Mons' });
		expect(said).toContain('"25:00" is not a time');
		expect(said).toContain('"Mars/Olympus_Mons" is not a time zone');
		expect(await store.settings.get(guildId)).toBeUndefined();
	});

	it('WHEN the bot lacks permissions in the channel THEN it names exactly which, and nothing is stored', async () => {
		await store.forgetGuild(guildId);
		harness.emu.denyBotPermissions(channelId, PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.CreatePublicThreads);
		try {
			await expect
				.poll(() => admin('setup', { channel: channelId, time: '09:00', timezone: 'UTC' }))
				.toBe(
					`Letterday is missing Embed Links, Create Public Threads in <#${channelId}>. Fix that and run \`/letterday setup\` again.`,
				);
			expect(await store.settings.get(guildId)).toBeUndefined();
		} finally {
			harness.emu.setBotPermissions(channelId, POSTING_PERMISSIONS);
		}
		await expect.poll(() => admin('setup', { channel: channelId, time: '09:00', timezone: 'UTC' })).toContain('✅');
	});

	it('THEN the timezone option autocompletes over the IANA zones', async () => {
		const injected = harness.emu.injectAutocomplete({
			name: 'letterday',
			subcommand: 'setup',
			options: { timezone: 'Lond' },
			focused: 'timezone',
			userId: ownerId,
		});
		const callback = await injected.callback;
		expect(callback.data?.choices).toEqual([{ name: 'Europe/London', value: 'Europe/London' }]);
	});
});

describe('GIVEN a server that has set up its daily letter', () => {
	it('THEN role sets and clears the one role posts mention', async () => {
		await setUp();
		expect(await admin('role', { role: roleId })).toBe(`Posts will mention <@&${roleId}>.`);
		expect((await store.settings.get(guildId))?.roleId).toBe(roleId);
		expect(await admin('role')).toBe('Posts will mention no one.');
		expect((await store.settings.get(guildId))?.roleId).toBeUndefined();
	});

	it('THEN thread turns the discussion thread on with its archive time, and off', async () => {
		await setUp();
		expect(await admin('thread', { enabled: true, archive_after: 4320 })).toBe(
			'Each post will open a discussion thread.',
		);
		expect((await store.settings.get(guildId))?.thread).toEqual({ enabled: true, autoArchiveMinutes: 4320 });
		expect(await admin('thread', { enabled: false })).toBe('Posts will not open a discussion thread.');
		expect((await store.settings.get(guildId))?.thread).toEqual({ enabled: false, autoArchiveMinutes: 4320 });
	});

	it('THEN collections chooses among the loaded collections, refuses unknown ones, and autocompletes', async () => {
		await setUp();
		expect(await admin('collections', { collections: 'lincoln, adams' })).toBe(
			'The daily letter will come from: lincoln, adams.',
		);
		expect((await store.settings.get(guildId))?.collections).toEqual(['lincoln', 'adams']);
		expect(await admin('collections', { collections: 'adams,narnia' })).toContain(
			'Unknown collection narnia; the collections are: all,',
		);
		expect((await store.settings.get(guildId))?.collections).toEqual(['lincoln', 'adams']);
		expect(await admin('collections', { collections: 'all' })).toBe('The daily letter will come from all collections.');
		expect((await store.settings.get(guildId))?.collections).toEqual([]);
		const injected = harness.emu.injectAutocomplete({
			name: 'letterday',
			subcommand: 'collections',
			options: { collections: 'adams,' },
			focused: 'collections',
			userId: ownerId,
		});
		const choices = ((await injected.callback).data?.choices ?? []) as { value: string }[];
		expect(choices.map((c) => c.value)).toEqual(expect.arrayContaining(['adams,lincoln', 'adams,victoria']));
		expect(choices.map((c) => c.value)).not.toContain('adams,adams');
	});

	it('THEN pause keeps the settings and stops the schedule; resume restarts it', async () => {
		await setUp();
		expect(await admin('pause')).toContain('Paused');
		expect((await store.settings.get(guildId))?.paused).toBe(true);
		expect(await admin('status')).toContain('**paused**');
		expect(await admin('resume')).toBe(
			`Resumed: <#${channelId}> at 09:00 (Europe/London); next post <t:${utc('2026-07-15T08:00:00Z').toSeconds()}:F>.`,
		);
	});

	it("THEN preview shows tomorrow's post privately, or a given day's, and refuses a bad date", async () => {
		await setUp();
		const injected = harness.emu.injectChatInput({ name: 'letterday', subcommand: 'preview', userId: ownerId });
		const callback = await injected.callback;
		expect(isEphemeral(callback.data?.flags)).toBe(true);
		expect(callback.data?.content).toContain('**Preview** of the post for 2026-07-15');
		expect(callback.data?.content).toContain('On this day, 15 July');
		expect(callback.data?.embeds).toHaveLength(1);
		const dated = await harness.emu.injectChatInput({
			name: 'letterday',
			subcommand: 'preview',
			options: { date: 'August 13' },
			userId: ownerId,
		}).callback;
		expect(dated.data?.content).toContain('post for 2026-08-13');
		expect(await admin('preview', { date: '31 February' })).toMatch(/not a date|no 31 February|February/);
	});

	it("THEN post-now posts today's letter once, and another day's as an extra", async () => {
		await setUp();
		const before = posts().length;
		expect(await admin('post-now')).toBe(`Posted in <#${channelId}>.`);
		expect(await admin('post-now')).toBe(`Today's letter is already posted in <#${channelId}>.`);
		const posted = posts();
		expect(posted).toHaveLength(before + 1);
		expect(posted.at(-1)?.content).toContain('On this day, 14 July');
		expect(await admin('post-now', { date: '12-25' })).toBe(`Posted in <#${channelId}>.`);
		expect(lastPost().content).toContain('25 December');
		await store.postLog.prune('2100-01-01');
	});

	it('THEN the "Other letters" button of a post answers with the day\'s letters, privately', async () => {
		await setUp();
		await store.postLog.prune('2100-01-01');
		await admin('post-now', { date: '08-13' });
		const post = lastPost();
		const customId = idOf(post, 'Other letters of this day');
		const pressed = await harness.emu.injectButton({ message: post, customId }).callback;
		expect(isEphemeral(pressed.data?.flags)).toBe(true);
		expect(messageOf(pressed).content).toContain('On this day, 13 August');
	});

	it('THEN a server that reads chosen collections gets an "Other letters" button that keeps to them and counts what it lists', async () => {
		await setUp();
		await store.postLog.prune('2100-01-01');
		await admin('collections', { collections: 'victoria, adams' });
		try {
			await admin('post-now', { date: '10-19' });
			const post = lastPost();
			const day = onThisDayIn(fullCorpus(), { month: 10, day: 19 }, ['victoria', 'adams']);
			expect(new Set(day.letters.map((l) => l.collection))).toEqual(new Set(['victoria', 'adams']));
			const button = idOf(post, `Other letters of this day (${day.letters.length - 1})`);
			const pressed = messageOf(await harness.emu.injectButton({ message: post, customId: button }).callback);
			expect(isEphemeral(pressed.flags)).toBe(true);
			const titles = ['victoria', 'adams'].map((id) => fullCorpus().collections.find((c) => c.id === id)?.shortTitle);
			expect(pressed.content?.startsWith(`**${titles.join(', ')}** · **On this day, 19 October:**`)).toBe(true);
			expect(selectValues(pressed)).toEqual(day.letters.map((l) => l.id));
			// Its day buttons keep to the two collections as well.
			const next = decodeCustomId(idOf(pressed, '20 October ▶'));
			expect(next).toMatchObject({ kind: 'day', collections: ['qv', 'ad'] });
		} finally {
			await admin('collections', { collections: 'all' });
		}
	});

	it('THEN status shows the schedule, the last delivery and a live permission check', async () => {
		await setUp();
		await store.settings.set(
			guildId,
			settings({
				channelId,
				time: '09:00',
				timezone: 'Europe/London',
				lastDelivery: {
					localDate: '2026-07-14',
					status: 'failed',
					at: '2026-07-14T08:00:00Z',
					attempts: 1,
					error: 'Missing Permissions',
				},
				backoffUntil: '2026-07-14T08:05:00.000Z',
			}),
		);
		const said = await admin('status');
		expect(said).toContain(`**Daily letter:** <#${channelId}> at 09:00 (Europe/London)`);
		expect(said).toContain('**Last delivery:** 2026-07-14, failed <t:');
		expect(said).toContain(': Missing Permissions.');
		expect(said).toContain('**Next retry:**');
		expect(said).toContain(`**Permissions:** ✅ Letterday can post in <#${channelId}>.`);
		harness.emu.denyBotPermissions(channelId, PermissionFlagsBits.SendMessages);
		try {
			await expect
				.poll(() => admin('status'))
				.toContain(`**Permissions:** ⚠️ Letterday is missing Send Messages in <#${channelId}>.`);
		} finally {
			harness.emu.setBotPermissions(channelId, POSTING_PERMISSIONS);
		}
	});

	it('THEN reset forgets everything, and later subcommands ask for setup first', async () => {
		await setUp();
		expect(await admin('reset')).toBe('Forgotten: this server has no daily letter now.');
		expect(await store.settings.get(guildId)).toBeUndefined();
		expect(await admin('status')).toBe('The daily letter is not set up here yet: use `/letterday setup`.');
		expect(await admin('pause')).toBe('The daily letter is not set up here yet: use `/letterday setup`.');
		expect(await admin('reset')).toBe('Nothing to forget: the daily letter was not set up.');
	});
});

describe('GIVEN someone without Manage Server', () => {
	it('THEN Discord does not even offer the command (default member permissions)', () => {
		expect(letterdayData.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
		expect(letterdayData.contexts).toEqual([0]);
		expect(() => harness.emu.injectChatInput({ name: 'letterday', subcommand: 'status' })).toThrow();
	});

	it('THEN the handler checks again at run time, and refuses outside a server', async () => {
		const deps: Deps = {
			corpus: fullCorpus(),
			search: buildSearch(bigThreeCorpus()),
			suggestions: buildSuggestions(bigThreeCorpus()),
			settings: store.settings,
			random: () => 0.5,
		};
		const options = { getString: () => null, getInteger: () => null, getSubcommand: () => 'reset' };
		const refused = await letterdayCommand.run(
			{ options, guildId, now: NOW.toMillis(), memberPermissions: PermissionFlagsBits.SendMessages },
			deps,
		);
		expect(refused).toMatchObject({
			type: 'message',
			ephemeral: true,
			body: { content: 'Only members with the Manage Server permission can use `/letterday`.' },
		});
		const dm = await letterdayCommand.run(
			{ options, guildId: null, now: NOW.toMillis(), memberPermissions: null },
			deps,
		);
		expect(dm).toMatchObject({ body: { content: '`/letterday` works only in a server.' } });
	});
});
