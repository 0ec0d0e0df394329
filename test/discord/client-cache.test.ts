/**
 * The bot's client caches what the daily post reads (guilds, channels with their overwrites,
 * roles, its own member; threads in the client's channel cache only) and nothing else, and every cache limited to 0 entries is one shared,
 * empty collection rather than one per guild and channel (a few KB per guild at 10,000 guilds).
 */
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { Collection, Events, GuildMember, type Guild } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordClient } from '../../src/discord/client.js';
import { checkChannel } from '../../src/scheduler/discord-sender.js';
import { startBotHarness, type BotHarness } from '../emulator/harness.js';

describe('GIVEN the bot client logged in to three servers', () => {
	let bot: BotHarness;
	let guilds: Guild[];
	let closedChannel: string;
	beforeAll(async () => {
		bot = await startBotHarness({
			emulator: {
				guilds: [{ name: 'one' }, { name: 'two' }, { name: 'three', channels: [{}, {}] }],
				commands: { global: [{ name: 'ping', description: 'Who is asking' }] },
			},
			client: ({ api, recommendedOptions }) => createDiscordClient({ apiUrl: api, overrides: recommendedOptions }),
			beforeLogin: (client) => {
				client.on(Events.InteractionCreate, (interaction) => {
					if (!interaction.isChatInputCommand()) return;
					const member = interaction.member;
					const name = member instanceof GuildMember ? member.user.username : 'not a member';
					void interaction.reply({ content: name });
				});
			},
		});
		guilds = [...bot.client.guilds.cache.values()];
		const third = bot.emu.state.guilds.get(guilds[2]?.id ?? '');
		// The bot may not send in the third server's second channel.
		closedChannel = third?.channelIds[1] ?? '';
		bot.emu.denyBotPermissions(closedChannel, PermissionFlagsBits.SendMessages);
	});
	afterAll(() => bot?.teardown());

	it('THEN the caches the bot never reads are one empty collection shared by every server and channel', () => {
		expect(guilds).toHaveLength(3);
		const [a, b] = guilds;
		const unread = (g: Guild | undefined) => [
			g?.bans.cache,
			g?.invites.cache,
			g?.emojis.cache,
			g?.stickers.cache,
			g?.presences.cache,
			g?.voiceStates.cache,
			g?.stageInstances.cache,
			g?.scheduledEvents.cache,
			g?.autoModerationRules.cache,
			g?.commands.cache,
			g?.soundboardSounds.cache,
		];
		const shared = a?.bans.cache;
		for (const cache of [...unread(a), ...unread(b)]) {
			expect(cache).toBe(shared);
			expect(cache?.size).toBe(0);
		}
		const channel = a?.channels.cache.first();
		expect(channel?.type).toBe(ChannelType.GuildText);
		if (channel?.type !== ChannelType.GuildText) return;
		expect(channel.messages.cache).toBe(shared);
		expect(channel.threads.cache).toBe(shared);
	});

	it('WHEN the bot opens a thread THEN the client finds it by id, though its channel keeps no list of threads', async () => {
		const channel = guilds[0]?.channels.cache.first();
		if (channel?.type !== ChannelType.GuildText) throw new Error('expected a text channel');
		const message = await channel.send({ content: 'a letter' });
		const thread = await channel.threads.create({ name: 'Discuss', startMessage: message.id });
		expect(bot.client.channels.cache.get(thread.id)).toBe(thread);
		expect(channel.threads.cache.size).toBe(0);
	});

	it('THEN channels, overwrites, roles and its own member stay per server, and no other member is kept', () => {
		const [a, b, c] = guilds;
		expect(a?.channels.cache).not.toBe(b?.channels.cache);
		expect(a?.roles.cache).not.toBe(b?.roles.cache);
		expect(c?.channels.cache.size).toBe(2);
		expect(a?.roles.cache.size).toBeGreaterThanOrEqual(2);
		for (const g of guilds) {
			expect(g.members.cache).toBeInstanceOf(Collection);
			expect([...g.members.cache.keys()]).toEqual([bot.client.user.id]);
		}
		const overwrites = c?.channels.cache.get(closedChannel);
		expect(overwrites !== undefined && 'permissionOverwrites' in overwrites).toBe(true);
	});

	it('THEN the permission check reads them: a channel denying Send Messages is reported, the others pass', async () => {
		const [a, , c] = guilds;
		const open = a?.channels.cache.first()?.id ?? '';
		expect(checkChannel(bot.client, a?.id ?? '', open, true)).toEqual({ ok: true });
		await expect
			.poll(() => checkChannel(bot.client, c?.id ?? '', closedChannel, false))
			.toEqual({ ok: false, reason: 'missing', missing: ['Send Messages'] });
	});

	it('WHEN someone uses a command THEN the handler gets their member, which is not kept', async () => {
		const [a] = guilds;
		const injected = bot.emu.injectChatInput({ name: 'ping', guildId: a?.id ?? '' });
		const callback = await injected.callback;
		expect(JSON.stringify(callback)).toContain(bot.emu.state.defaultUser.username);
		expect([...(a?.members.cache.keys() ?? [])]).toEqual([bot.client.user.id]);
		bot.assertNoErrors();
	});
});
