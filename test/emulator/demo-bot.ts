import {
	ActionRowBuilder,
	ApplicationCommandOptionType,
	AttachmentBuilder,
	ButtonBuilder,
	ButtonStyle,
	EmbedBuilder,
	Events,
	LabelBuilder,
	ModalBuilder,
	StringSelectMenuBuilder,
	TextInputBuilder,
	TextInputStyle,
	type Client,
	type Interaction,
} from 'discord.js';
import { MessageFlags, type RESTPutAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';

/** Commands of the small demo bot the emulator's own tests drive. */
export const commands = [
	{
		name: 'letter',
		description: 'Show a letter',
		options: [
			{
				type: ApplicationCommandOptionType.String,
				name: 'date',
				description: 'MM-DD',
				required: false,
				autocomplete: true,
			},
			{ type: ApplicationCommandOptionType.Integer, name: 'page', description: 'Page', required: false },
		],
	},
	{ name: 'slow', description: 'Defers, edits and follows up with a file' },
	{ name: 'menu', description: 'Shows a select menu' },
	{ name: 'feedback', description: 'Opens a feedback form' },
] satisfies RESTPutAPIApplicationCommandsJSONBody;

/**
 * The demo bot: plain discord.js handlers, no mocks, covering reply, autocomplete, button
 * update, select, defer + edit + follow-up with a file.
 *
 * @param client - the client to attach to
 */
export function attachDemoHandlers(client: Client): void {
	client.on(Events.InteractionCreate, async (interaction: Interaction) => {
		if (interaction.isAutocomplete()) {
			const typed = interaction.options.getFocused();
			await interaction.respond(
				['11-23', '11-24', '12-01'].filter((d) => d.startsWith(typed)).map((d) => ({ name: d, value: d })),
			);
			return;
		}
		if (interaction.isButton()) {
			await interaction.update({ content: `page ${interaction.customId.split(':')[1] ?? '?'}`, components: [] });
			return;
		}
		if (interaction.isModalSubmit()) {
			await interaction.reply({ content: `thanks: ${interaction.fields.getTextInputValue('text')}` });
			return;
		}
		if (interaction.isStringSelectMenu()) {
			await interaction.reply({ content: `picked ${interaction.values.join(',')}`, flags: MessageFlags.Ephemeral });
			return;
		}
		if (!interaction.isChatInputCommand()) return;
		if (interaction.commandName === 'slow') {
			await interaction.deferReply();
			await interaction.editReply({ content: 'done' });
			await interaction.followUp({
				content: 'sources attached',
				files: [new AttachmentBuilder(Buffer.from('line 1\nline 2\n'), { name: 'sources.txt' })],
			});
			return;
		}
		if (interaction.commandName === 'feedback') {
			await interaction.showModal(
				new ModalBuilder()
					.setCustomId('fb')
					.setTitle('Feedback')
					.addLabelComponents(
						new LabelBuilder()
							.setLabel('Your note')
							.setTextInputComponent(
								new TextInputBuilder().setCustomId('text').setStyle(TextInputStyle.Short).setMaxLength(50),
							),
					),
			);
			return;
		}
		if (interaction.commandName === 'menu') {
			await interaction.reply({
				content: 'Choose',
				components: [
					new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
						new StringSelectMenuBuilder()
							.setCustomId('pick')
							.addOptions({ label: 'A', value: 'a' }, { label: 'B', value: 'b' }),
					),
				],
			});
			return;
		}
		await interaction.reply({
			embeds: [new EmbedBuilder().setTitle(`Letter ${interaction.options.getString('date') ?? 'today'}`)],
			components: [
				new ActionRowBuilder<ButtonBuilder>().addComponents(
					new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
				),
			],
		});
	});
}
