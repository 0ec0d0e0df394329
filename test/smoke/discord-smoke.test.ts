import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ActionRowBuilder,
	ApplicationCommandOptionType,
	ButtonBuilder,
	ButtonStyle,
	ChannelType,
	EmbedBuilder,
	Events,
} from 'discord.js';
import {
	InteractionResponseType,
	MessageType,
	type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { startBotHarness, type BotHarness } from '../emulator/harness.js';

const commands = [
	{
		name: 'letter',
		description: 'Show the letter sent on a given day',
		options: [{ type: ApplicationCommandOptionType.String, name: 'date', description: 'MM-DD', required: false }],
	},
] satisfies RESTPutAPIApplicationCommandsJSONBody;

describe('GIVEN the real discord.js client logged in to the emulator', () => {
	let harness: BotHarness;

	beforeAll(async () => {
		harness = await startBotHarness({
			beforeLogin: (client) => {
				client.on(Events.InteractionCreate, async (interaction) => {
					if (!interaction.isChatInputCommand()) return;
					const date = interaction.options.getString('date') ?? 'today';
					await interaction.reply({
						embeds: [new EmbedBuilder().setTitle(`Letter for ${date}`).setDescription('Dear friend, …')],
						components: [
							new ActionRowBuilder<ButtonBuilder>().addComponents(
								new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
							),
						],
					});
				});
			},
		});
	});

	afterAll(async () => {
		await harness?.teardown();
	});

	it('THEN it registers commands, answers a slash command and posts a channel message, all recorded', async () => {
		const { client, emu } = harness;
		expect(client.isReady()).toBe(true);
		expect(client.guilds.cache.get(emu.firstGuild.id)?.available).toBe(true);

		await client.application.commands.set(commands);
		expect(emu.commands().map((c) => c.name)).toEqual(['letter']);
		expect(emu.requests('PUT', /^\/applications\/\d+\/commands$/)[0]?.status).toBe(200);

		const injected = emu.injectChatInput({ name: 'letter', options: { date: '11-23' } });
		const callback = await injected.callback;
		expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
		expect(callback.data?.embeds?.[0]?.title).toBe('Letter for 11-23');
		expect(callback.receivedAt).toBeGreaterThan(injected.sentAt);
		const reply = emu.messages(emu.firstChannelId).at(-1);
		expect(reply?.type).toBe(MessageType.ChatInputCommand);
		expect(reply?.interaction_metadata?.id).toBe(injected.id);

		const channel = await client.channels.fetch(emu.firstChannelId);
		if (channel?.type !== ChannelType.GuildText) throw new Error('expected the text channel');
		const sent = await channel.send('Today’s letter is ready.');
		expect(sent.id).toBe(emu.messages(emu.firstChannelId).at(-1)?.id);
		expect(emu.requests('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);

		harness.assertNoErrors();
	});
});
