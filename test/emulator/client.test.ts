import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChannelType, DiscordAPIError, Events, PermissionFlagsBits } from 'discord.js';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { attachDemoHandlers, commands } from './demo-bot.js';
import { startBotHarness, type BotHarness } from './harness.js';

describe('GIVEN a ready client with commands registered', () => {
	let harness: BotHarness;

	beforeAll(async () => {
		harness = await startBotHarness({ emulator: { commands: { global: commands } }, beforeLogin: attachDemoHandlers });
	});
	afterAll(async () => {
		await harness?.teardown();
	});
	afterEach(() => harness.assertNoErrors());

	it('WHEN autocomplete is injected THEN the choices come back as callback type 8', async () => {
		const injected = harness.emu.injectAutocomplete({ name: 'letter', options: { date: '11' }, focused: 'date' });
		const callback = await injected.callback;
		expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
		expect(callback.data?.choices).toEqual([
			{ name: '11-23', value: '11-23' },
			{ name: '11-24', value: '11-24' },
		]);
	});

	it('WHEN interactions are answered THEN their gateway-to-callback latency is recorded', async () => {
		const { emu } = harness;
		const injected = emu.injectChatInput({ name: 'letter' });
		const callback = await injected.callback;
		const timing = emu.interactionTimings().find((t) => t.id === injected.id);
		expect(timing?.latencyMs).toBeCloseTo(callback.receivedAt - injected.sentAt, 6);
		expect(timing?.latencyMs).toBeGreaterThan(0);
	});

	it('WHEN an interaction is injected THEN its clock starts at the socket write, after the emulator built and logged the frame', async () => {
		const { emu } = harness;
		const injected = emu.injectChatInput({ name: 'letter' });
		const logged = emu.state.gatewayLog.filter((e) => e.t === 'INTERACTION_CREATE').at(-1);
		await injected.callback;
		expect(logged).toBeDefined();
		expect(injected.sentAt).toBeGreaterThanOrEqual(logged?.at ?? Number.POSITIVE_INFINITY);
	});

	it('WHEN a button on the reply is pressed THEN the message is updated in place', async () => {
		const { emu } = harness;
		const reply = await emu.injectChatInput({ name: 'letter', options: { date: '11-23', page: 1 } }).callback;
		const message = reply.message;
		if (!message) throw new Error('reply created no message');
		const press = emu.injectButton({ message, customId: 'page:2' });
		const update = await press.callback;
		expect(update.type).toBe(InteractionResponseType.UpdateMessage);
		const stored = emu.state.messageById.get(message.id);
		expect(stored?.content).toBe('page 2');
		expect(stored?.components).toEqual([]);
		expect(press.originalMessageId).toBe(message.id);
	});

	it('WHEN a select value is picked THEN the ephemeral reply is recorded with flag 64', async () => {
		const { emu } = harness;
		const menu = await emu.injectChatInput({ name: 'menu' }).callback;
		if (!menu.message) throw new Error('no menu message');
		const pick = await emu.injectSelect({ message: menu.message, customId: 'pick', values: ['b'] }).callback;
		expect(pick.message?.content).toBe('picked b');
		expect((pick.message?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
		expect(() => emu.injectSelect({ message: menu.message?.id ?? '', customId: 'pick', values: ['z'] })).toThrow(
			/does not offer/,
		);
	});

	it('WHEN the bot opens a modal and the user submits it THEN the submission reaches the bot', async () => {
		const { emu } = harness;
		const opened = emu.injectChatInput({ name: 'feedback' });
		expect((await opened.callback).type).toBe(InteractionResponseType.Modal);
		expect(() => emu.injectModalSubmit({ interaction: opened, values: {} })).toThrow(/required/);
		const submitted = emu.injectModalSubmit({ interaction: opened, values: { text: 'lovely' } });
		const reply = await submitted.callback;
		expect(reply.message?.content).toBe('thanks: lovely');
		expect(reply.message?.interaction_metadata).toMatchObject({
			type: 5,
			triggering_interaction_metadata: { id: opened.id },
		});
	});

	it('WHEN a command defers THEN editReply and a follow-up with a .txt file land, multipart parsed', async () => {
		const { emu } = harness;
		const injected = emu.injectChatInput({ name: 'slow' });
		expect((await injected.callback).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
		await expect.poll(() => injected.followUpIds.length).toBe(1);
		const original = emu.state.messageById.get(injected.originalMessageId ?? '');
		expect(original?.content).toBe('done');
		expect((original?.flags ?? 0) & MessageFlags.Loading).toBe(0);
		const followUp = emu.state.messageById.get(injected.followUpIds[0] ?? '');
		expect(followUp?.attachments[0]?.filename).toBe('sources.txt');
		const request = injected.requests.find((r) => r.method === 'POST' && r.path.startsWith('/webhooks/'));
		expect(request?.files[0]?.content.toString()).toBe('line 1\nline 2\n');
		expect(request?.body).toMatchObject({ content: 'sources attached', attachments: [{ id: '0' }] });
		const served = await fetch(followUp?.attachments[0]?.url ?? '');
		expect(await served.text()).toBe('line 1\nline 2\n');
		expect(injected.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 200', 'POST 200']);
	});

	it('WHEN the bot starts threads from a message and without one THEN both exist with THREAD_CREATE', async () => {
		const { client, emu } = harness;
		const channel = await client.channels.fetch(emu.firstChannelId);
		if (channel?.type !== ChannelType.GuildText) throw new Error('expected a text channel');
		const message = await channel.send({ content: 'Letter of the day', enforceNonce: true, nonce: '123456789' });
		const thread = await message.startThread({ name: 'Discuss' });
		expect(thread.id).toBe(message.id);
		expect(emu.state.threads.map((t) => t.name)).toContain('Discuss');
		const other = await channel.threads.create({ name: 'Standalone', type: ChannelType.PublicThread });
		expect(emu.state.channels.get(other.id)?.type).toBe(ChannelType.PublicThread);
		await thread.send('first reply');
		expect(emu.messages(thread.id).map((m) => m.content)).toEqual(['first reply']);
		await expect.poll(() => client.channels.cache.has(other.id)).toBe(true);
	});

	it('WHEN a channel is deleted THEN CHANNEL_DELETE reaches the client and fetch answers 10003', async () => {
		const { client, emu } = harness;
		const created = emu.addChannel(emu.firstGuild.id, { name: 'doomed' });
		await expect.poll(() => client.channels.cache.has(created.id)).toBe(true);
		emu.deleteChannel(created.id);
		await expect.poll(() => client.channels.cache.has(created.id)).toBe(false);
		const error = await client.channels.fetch(created.id).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DiscordAPIError);
		expect(error instanceof DiscordAPIError ? error.code : 0).toBe(10003);
	});

	it('WHEN the bot may not send in a channel THEN permissionsFor agrees and send fails with 50013', async () => {
		const { client, emu } = harness;
		const target = emu.addChannel(emu.firstGuild.id, { name: 'read-only' });
		emu.denyBotPermissions(target.id, PermissionFlagsBits.SendMessages);
		await expect
			.poll(() => {
				const channel = client.channels.cache.get(target.id);
				return channel && 'permissionsFor' in channel
					? channel.permissionsFor(client.user)?.has(PermissionFlagsBits.SendMessages)
					: undefined;
			})
			.toBe(false);
		const channel = client.channels.cache.get(target.id);
		if (channel?.type !== ChannelType.GuildText) throw new Error('expected text channel');
		const error = await channel.send('hello').catch((e: unknown) => e);
		expect(error instanceof DiscordAPIError ? [error.status, error.code] : error).toEqual([403, 50013]);
	});

	it('WHEN the bot sends an over-long embed title THEN Discord-shaped 50035 names the field', async () => {
		const { client, emu } = harness;
		const channel = client.channels.cache.get(emu.firstChannelId);
		if (channel?.type !== ChannelType.GuildText) throw new Error('expected text channel');
		const error = await channel.send({ embeds: [{ title: 'x'.repeat(257) }] }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DiscordAPIError);
		if (!(error instanceof DiscordAPIError)) return;
		expect(error.code).toBe(50035);
		expect(error.rawError).toEqual({
			message: 'Invalid Form Body',
			code: 50035,
			errors: {
				embeds: {
					0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } },
				},
			},
		});
	});

	it('WHEN a guild has an outage and comes back THEN discord.js sees it unavailable, then available', async () => {
		const { client, emu } = harness;
		const guild = emu.addGuild({ name: 'Flaky' });
		await expect.poll(() => client.guilds.cache.get(guild.id)?.available).toBe(true);
		emu.guildOutage(guild.id);
		await expect.poll(() => client.guilds.cache.get(guild.id)?.available).toBe(false);
		emu.restoreGuild(guild.id);
		await expect.poll(() => client.guilds.cache.get(guild.id)?.available).toBe(true);
	});

	it('WHEN the bot role loses a permission guild-wide THEN members.me reflects it and the API enforces it', async () => {
		const { client, emu } = harness;
		// @everyone grants only VIEW_CHANNEL here, so the bot's role is what decides.
		const guild = emu.addGuild({
			name: 'Strict',
			everyonePermissions: PermissionFlagsBits.ViewChannel,
			roles: [{ name: 'mods', permissions: PermissionFlagsBits.ManageMessages }],
		});
		await expect
			.poll(() => client.guilds.cache.get(guild.id)?.members.me?.permissions.has(PermissionFlagsBits.EmbedLinks))
			.toBe(true);
		emu.setBotGuildPermissions(guild.id, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
		await expect
			.poll(() => client.guilds.cache.get(guild.id)?.members.me?.permissions.has(PermissionFlagsBits.EmbedLinks))
			.toBe(false);
		const channel = client.channels.cache.get(guild.channelIds[0] ?? '');
		if (channel?.type !== ChannelType.GuildText) throw new Error('expected text channel');
		expect((await channel.send('plain text is fine')).content).toBe('plain text is fine');
		const error = await channel.send({ embeds: [{ title: 'no embeds here' }] }).catch((e: unknown) => e);
		expect(error instanceof DiscordAPIError ? error.code : error).toBe(50013);
		expect(client.guilds.cache.get(guild.id)?.roles.cache.find((r) => r.name === 'mods')).toBeDefined();
	});

	it('WHEN the bot is removed from a guild THEN guildDelete fires', async () => {
		const { client, emu } = harness;
		const guild = emu.addGuild({ name: 'Leaving' });
		await expect.poll(() => client.guilds.cache.has(guild.id)).toBe(true);
		const deleted = new Promise<string>((resolve) => client.once(Events.GuildDelete, (g) => resolve(g.id)));
		emu.removeGuild(guild.id);
		expect(await deleted).toBe(guild.id);
	});
});

describe('GIVEN a bot whose handler sends a body Discord would reject', () => {
	let harness: BotHarness;
	beforeAll(async () => {
		harness = await startBotHarness({
			emulator: { commands: { global: commands }, interactionResponseTimeoutMs: 200 },
			beforeLogin: (client) => {
				client.on(Events.InteractionCreate, async (interaction) => {
					if (interaction.isChatInputCommand()) await interaction.reply({ content: 'x'.repeat(2001) });
				});
			},
		});
	});
	afterAll(async () => {
		await harness?.teardown();
	});

	it('THEN the rejection surfaces as a client error and the interaction goes unanswered', async () => {
		const injected = harness.emu.injectChatInput({ name: 'letter' });
		await expect(injected.callback).rejects.toThrow(/no callback/);
		expect(injected.requests.map((r) => r.status)).toEqual([400]);
		await expect.poll(() => harness.errors.length).toBe(1);
		const error = harness.errors[0];
		expect(error instanceof DiscordAPIError ? error.code : undefined).toBe(50035);
		expect(() => harness.assertNoErrors()).toThrow(/emitted 1 error/);
	});
});

describe('GIVEN a client that has answered interactions', () => {
	let harness: BotHarness;

	beforeAll(async () => {
		harness = await startBotHarness({ emulator: { commands: { global: commands } }, beforeLogin: attachDemoHandlers });
	});
	afterAll(async () => {
		await harness?.teardown();
	});

	it('WHEN the emulator forgets its history THEN the logs, messages and answered interactions go, the guilds stay, and the next interaction is answered', async () => {
		const { emu } = harness;
		const answered = emu.injectChatInput({ name: 'letter' });
		await answered.callback;
		const guilds = emu.state.guilds.size;
		const channels = emu.state.channels.size;
		expect(emu.state.requests.length).toBeGreaterThan(0);
		expect(emu.state.messageById.size).toBeGreaterThan(0);

		emu.forgetHistory();

		expect(emu.state.requests).toEqual([]);
		expect(emu.state.callbacks).toEqual([]);
		expect(emu.state.gatewayLog).toEqual([]);
		expect(emu.state.messageById.size).toBe(0);
		expect(emu.interaction(answered.id)).toBeUndefined();
		expect([emu.state.guilds.size, emu.state.channels.size]).toEqual([guilds, channels]);
		const next = await emu.injectChatInput({ name: 'letter' }).callback;
		expect(next.type).toBe(InteractionResponseType.ChannelMessageWithSource);
		expect(emu.state.callbacks).toHaveLength(1);
		harness.assertNoErrors();
	});
});
