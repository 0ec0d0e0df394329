import { describe, expect, it } from 'vitest';
import {
	ActionRowBuilder,
	ApplicationCommandOptionType,
	ButtonBuilder,
	ButtonStyle,
	ChannelSelectMenuBuilder,
	ContainerBuilder,
	ContextMenuCommandBuilder,
	EmbedBuilder,
	SeparatorBuilder,
	SlashCommandBuilder,
	StringSelectMenuBuilder,
	TextDisplayBuilder,
} from 'discord.js';
import {
	AllowedMentionsTypes,
	ApplicationCommandType,
	ApplicationIntegrationType,
	ChannelType,
	ComponentType,
	InteractionContextType,
	MessageFlags,
	PermissionFlagsBits,
	InteractionResponseType,
	type APIEmbed,
	type RESTPostAPIChannelMessageJSONBody,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
	type RESTPostAPIInteractionCallbackJSONBody,
} from 'discord-api-types/v10';
import { checkAutocompleteLimits, checkCommandListLimits, checkMessageLimits, mergeIssues } from './limits.js';
import { loadOpenApi, validateRequestBody, type HttpMethod } from './openapi.js';
import { codePointLength, toDiscordErrors, type ValidationIssue } from './schema-validator.js';

const spec = loadOpenApi();

/** What the emulator does for a request body: explicit limits, then the spec. */
function validate(
	template: string,
	method: HttpMethod,
	body: unknown,
	limits: (body: unknown) => ValidationIssue[],
): ValidationIssue[] {
	return mergeIssues(limits(body), validateRequestBody(spec, template, method, body));
}

const channelMessage = (body: RESTPostAPIChannelMessageJSONBody): ValidationIssue[] =>
	validate('/channels/{channel_id}/messages', 'post', body, (b) => checkMessageLimits(b, []));

const callback = (body: RESTPostAPIInteractionCallbackJSONBody): ValidationIssue[] =>
	validate('/interactions/{interaction_id}/{interaction_token}/callback', 'post', body, (b) => {
		const data = typeof b === 'object' && b !== null && 'data' in b ? b.data : undefined;
		return body.type === InteractionResponseType.ApplicationCommandAutocompleteResult
			? checkAutocompleteLimits(data, ['data'])
			: checkMessageLimits(data, ['data']);
	});

const commandsPut = (body: RESTPostAPIChatInputApplicationCommandsJSONBody[]): ValidationIssue[] =>
	validate('/applications/{application_id}/commands', 'put', body, checkCommandListLimits);

const codes = (issues: readonly ValidationIssue[]): string[] => issues.map((i) => `${i.path.join('.')}:${i.code}`);

describe('GIVEN bodies discord.js builders produce', () => {
	it('THEN a rich reply with embed, buttons and select validates cleanly', () => {
		const body: RESTPostAPIInteractionCallbackJSONBody = {
			type: InteractionResponseType.ChannelMessageWithSource,
			data: {
				content: 'x'.repeat(2000),
				embeds: [
					new EmbedBuilder()
						.setTitle('t'.repeat(256))
						.setDescription('d'.repeat(4096))
						.setURL('https://example.org')
						.setTimestamp(0)
						.toJSON(),
				],
				components: [
					new ActionRowBuilder<ButtonBuilder>()
						.addComponents(
							new ButtonBuilder().setCustomId('a'.repeat(100)).setLabel('Next').setStyle(ButtonStyle.Primary),
							new ButtonBuilder().setURL('https://example.org').setLabel('Open').setStyle(ButtonStyle.Link),
						)
						.toJSON(),
					new ActionRowBuilder<StringSelectMenuBuilder>()
						.addComponents(new StringSelectMenuBuilder().setCustomId('pick').addOptions({ label: 'A', value: 'a' }))
						.toJSON(),
				],
				allowed_mentions: { parse: [] },
			},
		};
		expect(callback(body)).toEqual([]);
	});

	it('THEN slash commands from SlashCommandBuilder validate, permissions as strings included', () => {
		const command = new SlashCommandBuilder()
			.setName('letter')
			.setDescription('Show a letter')
			.setDefaultMemberPermissions('8')
			.addStringOption((o) => o.setName('date').setDescription('MM-DD').setAutocomplete(true))
			.toJSON();
		const grouped = new SlashCommandBuilder()
			.setName('thread')
			.setDescription('Threads')
			.addSubcommand((s) =>
				s
					.setName('today')
					.setDescription('Today')
					.addIntegerOption((o) => o.setName('n').setDescription('n').setMinValue(1)),
			)
			.toJSON();
		expect(commandsPut([{ name: 'random', description: 'Random letter' }])).toEqual([]);
		expect(validateRequestBody(spec, '/applications/{application_id}/commands', 'put', [command, grouped])).toEqual([]);
		expect(checkCommandListLimits([command, grouped])).toEqual([]);
	});
});

describe('GIVEN every builder discord.js offers, at once', () => {
	it('THEN no false positive: messages, components v2, commands and callbacks all validate', () => {
		const embed = new EmbedBuilder()
			.setTitle('T')
			.setURL('https://example.org/c')
			.setAuthor({ name: 'A', iconURL: 'https://example.org/i.png', url: 'https://example.org' })
			.setDescription('D')
			.setThumbnail('attachment://t.png')
			.setImage('https://example.org/i.png')
			.setFooter({ text: 'F', iconURL: 'https://example.org/f.png' })
			.setColor(0x5865f2)
			.setTimestamp(new Date())
			.addFields({ name: 'n', value: 'v', inline: true })
			.toJSON();
		const rows = [
			new ActionRowBuilder<ButtonBuilder>()
				.addComponents(
					new ButtonBuilder().setCustomId('a').setLabel('A').setStyle(ButtonStyle.Primary).setEmoji('📬'),
					new ButtonBuilder().setCustomId('b').setLabel('B').setStyle(ButtonStyle.Secondary).setDisabled(true),
					new ButtonBuilder()
						.setCustomId('c')
						.setEmoji({ id: '123456789012345678', name: 'x' })
						.setStyle(ButtonStyle.Danger),
					new ButtonBuilder().setURL('https://example.org').setLabel('L').setStyle(ButtonStyle.Link),
				)
				.toJSON(),
			new ActionRowBuilder<StringSelectMenuBuilder>()
				.addComponents(
					new StringSelectMenuBuilder()
						.setCustomId('s')
						.setPlaceholder('p')
						.setMinValues(1)
						.setMaxValues(2)
						.addOptions(
							{ label: 'x', value: 'x', description: 'd', default: true, emoji: { name: '📬' } },
							{ label: 'y', value: 'y' },
						),
				)
				.toJSON(),
			new ActionRowBuilder<ChannelSelectMenuBuilder>()
				.addComponents(new ChannelSelectMenuBuilder().setCustomId('ch').setChannelTypes(ChannelType.GuildText))
				.toJSON(),
		];
		const message: RESTPostAPIChannelMessageJSONBody = {
			content: 'hi',
			tts: false,
			nonce: '1234567890123456789',
			enforce_nonce: true,
			embeds: [embed],
			components: rows,
			allowed_mentions: { parse: [AllowedMentionsTypes.User], replied_user: false },
			flags: MessageFlags.SuppressNotifications,
			message_reference: { message_id: '123456789012345678', fail_if_not_exists: false },
			attachments: [{ id: '0', description: 'x' }],
		};
		const v2: RESTPostAPIChannelMessageJSONBody = {
			flags: MessageFlags.IsComponentsV2,
			components: [
				new ContainerBuilder()
					.setAccentColor(0xff0000)
					.addTextDisplayComponents(new TextDisplayBuilder().setContent('x'))
					.addSeparatorComponents(new SeparatorBuilder())
					.toJSON(),
				new TextDisplayBuilder().setContent('y').toJSON(),
			],
		};
		for (const body of [message, v2]) {
			expect(channelMessage(body)).toEqual([]);
			expect(validateRequestBody(spec, '/webhooks/{webhook_id}/{webhook_token}', 'post', body)).toEqual([]);
			expect(validateRequestBody(spec, '/channels/{channel_id}/messages/{message_id}', 'patch', body)).toEqual([]);
		}
		expect(callback({ type: InteractionResponseType.ChannelMessageWithSource, data: message })).toEqual([]);
		expect(
			callback({
				type: InteractionResponseType.DeferredChannelMessageWithSource,
				data: { flags: MessageFlags.Ephemeral },
			}),
		).toEqual([]);
		expect(callback({ type: InteractionResponseType.DeferredMessageUpdate })).toEqual([]);
		expect(
			callback({
				type: InteractionResponseType.ApplicationCommandAutocompleteResult,
				data: { choices: [{ name: 'one', value: 1 }] },
			}),
		).toEqual([]);

		const schedule = new SlashCommandBuilder()
			.setName('schedule')
			.setDescription('d')
			.setNameLocalizations({ fr: 'planifier' })
			.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
			.setContexts(InteractionContextType.Guild)
			.setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
			.addSubcommand((sub) =>
				sub
					.setName('set')
					.setDescription('x')
					.addChannelOption((o) =>
						o.setName('c').setDescription('c').addChannelTypes(ChannelType.GuildText).setRequired(true),
					)
					.addStringOption((o) => o.setName('tz').setDescription('tz').setAutocomplete(true).setMaxLength(40))
					.addIntegerOption((o) =>
						o.setName('h').setDescription('h').setMinValue(0).setMaxValue(23).addChoices({ name: 'nine', value: 9 }),
					)
					.addNumberOption((o) => o.setName('n').setDescription('n').setMinValue(0.5))
					.addBooleanOption((o) => o.setName('b').setDescription('b'))
					.addUserOption((o) => o.setName('u').setDescription('u'))
					.addRoleOption((o) => o.setName('r').setDescription('r'))
					.addMentionableOption((o) => o.setName('m').setDescription('m'))
					.addAttachmentOption((o) => o.setName('a').setDescription('a')),
			)
			.toJSON();
		const quote = new ContextMenuCommandBuilder()
			.setName('Quote Letter')
			.setType(ApplicationCommandType.Message)
			.toJSON();
		const commands = [schedule, quote];
		expect(
			mergeIssues(
				checkCommandListLimits(commands),
				validateRequestBody(spec, '/applications/{application_id}/commands', 'put', commands),
			),
		).toEqual([]);
	});
});

describe('GIVEN bodies that break Discord limits', () => {
	it('THEN an embed title of 257 gives exactly Discord’s error tree under data', () => {
		const issues = callback({
			type: InteractionResponseType.ChannelMessageWithSource,
			data: { embeds: [{ title: 'x'.repeat(257) }] },
		});
		expect(toDiscordErrors(issues)).toEqual({
			data: {
				embeds: {
					0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } },
				},
			},
		});
	});

	it('THEN lengths count code points as Discord does: 256 emoji fit a title, 257 do not, a lone surrogate is one', () => {
		const title = (text: string) =>
			callback({ type: InteractionResponseType.ChannelMessageWithSource, data: { embeds: [{ title: text }] } });
		expect(title('📬'.repeat(256))).toEqual([]);
		expect(title(`${'📬'.repeat(255)}\ud83d`)).toEqual([]);
		expect(title(`${'📬'.repeat(255)}\ud83dx`).map((i) => i.code)).toEqual(['BASE_TYPE_MAX_LENGTH']);
		expect(title('📬'.repeat(257)).map((i) => i.code)).toEqual(['BASE_TYPE_MAX_LENGTH']);
		expect(codePointLength('a📬\udc00\ud83d')).toBe([...'a📬\udc00\ud83d'].length);
	});

	it.each<[string, RESTPostAPIChannelMessageJSONBody, string]>([
		['content over 2000 (the spec says 4000)', { content: 'x'.repeat(2001) }, 'content:BASE_TYPE_MAX_LENGTH'],
		[
			'description over 4096',
			{ embeds: [{ description: 'x'.repeat(4097) }] },
			'embeds.0.description:BASE_TYPE_MAX_LENGTH',
		],
		[
			'26 fields',
			{ embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
			'embeds.0.fields:BASE_TYPE_MAX_LENGTH',
		],
		[
			'an empty field value',
			{ embeds: [{ fields: [{ name: 'n', value: '' }] }] },
			'embeds.0.fields.0.value:BASE_TYPE_BAD_LENGTH',
		],
		[
			'11 embeds',
			{ embeds: Array.from({ length: 11 }, (): APIEmbed => ({ title: 't' })) },
			'embeds:BASE_TYPE_MAX_LENGTH',
		],
		[
			'6001 characters across embeds',
			{ embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }] },
			'embeds:MAX_EMBED_SIZE_EXCEEDED',
		],
		[
			'6 action rows',
			{
				components: Array.from({ length: 6 }, (_, i) => ({
					type: ComponentType.ActionRow,
					components: [{ type: ComponentType.Button, custom_id: `b${i}`, label: 'x', style: ButtonStyle.Primary }],
				})),
			},
			'components:BASE_TYPE_MAX_LENGTH',
		],
		[
			'a 101-character custom_id',
			{
				components: [
					{
						type: ComponentType.ActionRow,
						components: [
							{ type: ComponentType.Button, custom_id: 'x'.repeat(101), label: 'x', style: ButtonStyle.Primary },
						],
					},
				],
			},
			'components.0.components.0.custom_id:BASE_TYPE_BAD_LENGTH',
		],
		[
			'a duplicated custom_id',
			{
				components: [
					{
						type: ComponentType.ActionRow,
						components: [
							{ type: ComponentType.Button, custom_id: 'same', label: 'a', style: ButtonStyle.Primary },
							{ type: ComponentType.Button, custom_id: 'same', label: 'b', style: ButtonStyle.Primary },
						],
					},
				],
			},
			'components.0.components.1.custom_id:COMPONENT_CUSTOM_ID_DUPLICATED',
		],
		['a colour above 0xFFFFFF', { embeds: [{ color: 0x1000000 }] }, 'embeds.0.color:NUMBER_TYPE_MAX'],
		['a non-URL embed url', { embeds: [{ url: 'not a url' }] }, 'embeds.0.url:URL_TYPE_INVALID_URL'],
		[
			'users both parsed and listed',
			{ content: 'hi', allowed_mentions: { parse: [AllowedMentionsTypes.User], users: ['123456789012345678'] } },
			'allowed_mentions.users:MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
		],
	])('THEN %s is rejected', (_name, body, expected) => {
		expect(codes(channelMessage(body))).toContain(expected);
	});

	it('THEN the explicit 2000 limit wins over the spec’s looser 4000, without a duplicate', () => {
		const issues = channelMessage({ content: 'x'.repeat(4001) });
		expect(issues).toEqual([
			{ path: ['content'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' },
		]);
	});

	it('THEN 26 autocomplete choices and a 101-character choice value are rejected', () => {
		const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));
		expect(
			codes(callback({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } })),
		).toContain('data.choices:BASE_TYPE_MAX_LENGTH');
		const long = [{ name: 'long', value: 'x'.repeat(101) }];
		expect(
			codes(callback({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: long } })),
		).toEqual(['data.choices.0.value:BASE_TYPE_MAX_LENGTH']);
	});

	it.each<[string, RESTPostAPIChatInputApplicationCommandsJSONBody[], string]>([
		['an upper-case name', [{ name: 'Letter', description: 'x' }], '0.name:APPLICATION_COMMAND_INVALID_NAME'],
		['a 33-character name', [{ name: 'x'.repeat(33), description: 'x' }], '0.name:BASE_TYPE_BAD_LENGTH'],
		[
			'a 101-character description',
			[{ name: 'letter', description: 'x'.repeat(101) }],
			'0.description:BASE_TYPE_BAD_LENGTH',
		],
		['an empty description', [{ name: 'letter', description: '' }], '0.description:BASE_TYPE_BAD_LENGTH'],
		[
			'a duplicate name',
			[
				{ name: 'letter', description: 'a' },
				{ name: 'letter', description: 'b' },
			],
			'1.name:APPLICATION_COMMANDS_DUPLICATE_NAME',
		],
		[
			'a required option after an optional one',
			[
				{
					name: 'letter',
					description: 'x',
					options: [
						{ type: ApplicationCommandOptionType.String, name: 'a', description: 'a' },
						{ type: ApplicationCommandOptionType.String, name: 'b', description: 'b', required: true },
					],
				},
			],
			'0.options.1.required:APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
		],
		[
			'26 options',
			[
				{
					name: 'letter',
					description: 'x',
					options: Array.from({ length: 26 }, (_, i) => ({
						type: ApplicationCommandOptionType.String,
						name: `o${i}`,
						description: 'd',
					})),
				},
			],
			'0.options:BASE_TYPE_MAX_LENGTH',
		],
	])('THEN a command with %s is rejected', (_name, body, expected) => {
		expect(codes(commandsPut(body))).toContain(expected);
	});

	it('THEN a wrong type names the field with Discord’s type code', () => {
		const issues = validateRequestBody(spec, '/channels/{channel_id}/messages', 'post', {
			content: 42,
			tts: 'yes',
			embeds: {},
		});
		expect(codes(issues).sort()).toEqual([
			'content:BASE_TYPE_STRING',
			'embeds:LIST_TYPE_CONVERT',
			'tts:BASE_TYPE_BOOLEAN',
		]);
	});

	it('THEN an unknown callback type and a bad thread name are caught by the schema', () => {
		expect(
			codes(
				validateRequestBody(spec, '/interactions/{interaction_id}/{interaction_token}/callback', 'post', { type: 42 }),
			),
		).toEqual(['type:BASE_TYPE_CHOICES']);
		expect(
			codes(validateRequestBody(spec, '/channels/{channel_id}/messages/{message_id}/threads', 'post', { name: '' })),
		).toEqual(['name:BASE_TYPE_BAD_LENGTH']);
		expect(
			codes(
				validateRequestBody(spec, '/channels/{channel_id}/threads', 'post', { name: 'ok', auto_archive_duration: 5 }),
			),
		).toEqual(['auto_archive_duration:BASE_TYPE_CHOICES']);
	});
});
