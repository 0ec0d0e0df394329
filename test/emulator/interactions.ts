import { randomBytes } from 'node:crypto';
import {
	ApplicationCommandOptionType,
	ApplicationCommandType,
	ApplicationIntegrationType,
	ChannelType,
	ComponentType,
	InteractionContextType,
	InteractionType,
	type APIApplicationCommand,
	type APIApplicationCommandInteractionDataBasicOption,
	type APIApplicationCommandInteractionDataOption,
	type APIApplicationCommandOption,
	type APIBaseInteraction,
	type APIChatInputApplicationCommandGuildInteraction,
	type APIApplicationCommandAutocompleteGuildInteraction,
	type APIInteractionDataResolved,
	type APIMessage,
	type APIMessageComponentButtonInteraction,
	type APIMessageComponentSelectMenuInteraction,
	type APIMessageStringSelectInteractionData,
	type Locale,
	type APIMessageTopLevelComponent,
	type APIComponentInActionRow,
	type APIInteraction,
	type APIModalSubmissionComponent,
	type APIModalSubmitGuildInteraction,
	type APIModalSubmitTextInputComponent,
} from 'discord-api-types/v10';
import { isRecord } from './schema-validator.js';
import { isThread, type EmulatedChannel, type EmulatorState } from './state.js';

/** A value a test passes for a command option; ids for user, channel, role and mentionable options. */
export type OptionValue = boolean | number | string;

/** Where an interaction happens and who triggers it. */
export interface InteractionTarget {
	/** Defaults to the guild of `channelId`, or the first guild. */
	readonly guildId?: string;
	/** Defaults to the guild's first text or announcement channel. */
	readonly channelId?: string;
	/** Defaults to the emulator's default member (`emu.state.defaultUser`). */
	readonly userId?: string;
	/** The user's client locale; defaults to the guild's. */
	readonly locale?: Locale;
}

/** What to inject for a chat-input (slash) command. */
export interface ChatInputInjection extends InteractionTarget {
	/** The command name; it must be registered globally or in the guild. */
	readonly name: string;
	readonly subcommandGroup?: string;
	readonly subcommand?: string;
	/** Option values by name; types come from the registered command definition. */
	readonly options?: Readonly<Record<string, OptionValue>>;
}

/** What to inject for an autocomplete request. */
export interface AutocompleteInjection extends ChatInputInjection {
	/** The option being typed; its value is sent as the partial text typed so far. */
	readonly focused: string;
}

/** What to inject for a button press. */
export interface ButtonInjection {
	/** The message carrying the button, or its id. */
	readonly message: APIMessage | string;
	readonly customId: string;
	readonly userId?: string;
	readonly locale?: Locale;
}

/** What to inject for a string-select choice. */
export interface SelectInjection extends ButtonInjection {
	readonly values: readonly string[];
}

/** What to submit in a modal the bot opened. */
export interface ModalSubmitInjection {
	/** The interaction the bot answered with the modal (callback type 9). */
	readonly interaction: { readonly id: string };
	/** Text input values (or select values) by the input's custom id. */
	readonly values: Readonly<Record<string, string | readonly string[]>>;
	readonly userId?: string;
	readonly locale?: Locale;
}

/** The base every interaction payload shares, built from emulator state. */
type BaseFields = Omit<APIBaseInteraction<InteractionType, unknown>, 'data' | 'type'> & {
	channel: EmulatedChannel;
	channel_id: string;
	guild_id: string;
	member: NonNullable<APIBaseInteraction<InteractionType, unknown>['member']>;
};

/**
 * Resolves the guild and channel of an interaction target.
 *
 * @param state - emulator state
 * @param target - the test's target
 * @returns guild and channel ids
 */
export function resolveTarget(state: EmulatorState, target: InteractionTarget): { guildId: string; channelId: string } {
	if (target.channelId !== undefined) {
		const channel = state.requireChannel(target.channelId);
		return { guildId: channel.guild_id ?? '', channelId: channel.id };
	}
	const guild = target.guildId !== undefined ? state.requireGuild(target.guildId) : state.guilds.values().next().value;
	if (!guild) throw new Error('Emulator: no guild to inject into');
	const channelId = guild.channelIds.find((id) => {
		const channel = state.channels.get(id);
		return channel?.type === ChannelType.GuildText || channel?.type === ChannelType.GuildAnnouncement;
	});
	if (channelId === undefined) throw new Error(`Emulator: guild ${guild.id} has no text channel`);
	return { guildId: guild.id, channelId };
}

function base(
	state: EmulatorState,
	guildId: string,
	channelId: string,
	userId: string | undefined,
	locale: Locale | undefined,
): BaseFields {
	const guild = state.requireGuild(guildId);
	const channel = state.requireChannel(channelId);
	const user = userId ?? state.defaultUser.id;
	const member = guild.members.get(user) ?? state.addMember(guildId, { id: user });
	return {
		id: state.ids.next(),
		application_id: state.applicationId,
		token: `aW50ZXJhY3Rpb246${randomBytes(72).toString('base64url')}`,
		version: 1,
		guild_id: guildId,
		guild: { id: guildId, locale: guild.locale, features: [] },
		channel: structuredClone(channel),
		channel_id: channelId,
		member: { ...state.memberPayload(member), permissions: state.permissionsOf(guildId, user, channelId).toString() },
		locale: locale ?? guild.locale,
		guild_locale: guild.locale,
		app_permissions: state.botPermissionsIn(channelId).toString(),
		entitlements: [],
		authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
		context: InteractionContextType.Guild,
		attachment_size_limit: 10_485_760,
	};
}

/**
 * @param state - emulator state
 * @param guildId - the guild the user is in
 * @param name - a chat-input command name
 * @returns the command as registered (guild commands take precedence, as in Discord's client)
 * @throws when no such command is registered, since Discord only sends registered commands
 */
export function findCommand(state: EmulatorState, guildId: string, name: string): APIApplicationCommand {
	const isMatch = (command: APIApplicationCommand): boolean =>
		command.name === name && command.type === ApplicationCommandType.ChatInput;
	const command = state.commands.guilds.get(guildId)?.find(isMatch) ?? state.commands.global.find(isMatch);
	if (!command) {
		throw new Error(
			`Emulator: no chat-input command "/${name}" is registered globally or in guild ${guildId}; Discord only sends registered commands`,
		);
	}
	return command;
}

/**
 * Discord's client hides a command whose `default_member_permissions` the member lacks (in
 * the guild, before channel overwrites), so such a member can never send it.
 *
 * @param state - emulator state
 * @param guildId - the guild
 * @param command - the registered command
 * @param userId - the member
 * @throws when the member may not use the command
 */
function assertMayUse(state: EmulatorState, guildId: string, command: APIApplicationCommand, userId: string): void {
	if (command.default_member_permissions === null || command.default_member_permissions === undefined) return;
	const needed = BigInt(command.default_member_permissions);
	const guild = state.requireGuild(guildId);
	if (!guild.members.has(userId)) state.addMember(guildId, { id: userId });
	const has = state.permissionsOf(guildId, userId);
	if ((has & needed) !== needed) {
		throw new Error(
			`Emulator: user ${userId} lacks default_member_permissions ${needed} for /${command.name}; Discord would not show them the command`,
		);
	}
}

function buildOptions(
	state: EmulatorState,
	guildId: string,
	command: APIApplicationCommand,
	injection: ChatInputInjection,
	focused: string | undefined,
): { options: APIApplicationCommandInteractionDataOption[]; resolved: APIInteractionDataResolved | undefined } {
	let definitions: readonly APIApplicationCommandOption[] = command.options ?? [];
	const wrap: {
		name: string;
		type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup;
	}[] = [];
	if (injection.subcommandGroup !== undefined) {
		const group = definitions.find(
			(o) => o.type === ApplicationCommandOptionType.SubcommandGroup && o.name === injection.subcommandGroup,
		);
		if (!group || group.type !== ApplicationCommandOptionType.SubcommandGroup) {
			throw new Error(`Emulator: /${command.name} has no subcommand group "${injection.subcommandGroup}"`);
		}
		wrap.push({ name: group.name, type: ApplicationCommandOptionType.SubcommandGroup });
		definitions = group.options ?? [];
	}
	if (injection.subcommand !== undefined) {
		const sub = definitions.find(
			(o) => o.type === ApplicationCommandOptionType.Subcommand && o.name === injection.subcommand,
		);
		if (!sub || sub.type !== ApplicationCommandOptionType.Subcommand) {
			throw new Error(`Emulator: /${command.name} has no subcommand "${injection.subcommand}"`);
		}
		wrap.push({ name: sub.name, type: ApplicationCommandOptionType.Subcommand });
		definitions = sub.options ?? [];
	}
	const resolved: APIInteractionDataResolved = {};
	const basic: APIApplicationCommandInteractionDataBasicOption[] = [];
	for (const [name, value] of Object.entries(injection.options ?? {})) {
		const definition = definitions.find((o) => o.name === name);
		if (!definition) throw new Error(`Emulator: /${command.name} has no option "${name}"`);
		basic.push(toDataOption(state, guildId, definition, value, name === focused, resolved));
	}
	if (focused === undefined) {
		for (const definition of definitions) {
			if (
				'required' in definition &&
				definition.required === true &&
				injection.options?.[definition.name] === undefined
			) {
				throw new Error(
					`Emulator: /${command.name} needs option "${definition.name}"; Discord's client will not send the command without it`,
				);
			}
		}
	} else if (injection.options?.[focused] === undefined) {
		throw new Error(`Emulator: focused option "${focused}" needs a (partial) value in options`);
	}
	let options: APIApplicationCommandInteractionDataOption[] = basic;
	for (const level of wrap.reverse()) {
		if (level.type === ApplicationCommandOptionType.Subcommand) {
			options = [{ name: level.name, type: level.type, options: basic }];
		} else {
			const inner = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
			options = [{ name: level.name, type: level.type, options: inner }];
		}
	}
	return { options, resolved: Object.keys(resolved).length > 0 ? resolved : undefined };
}

function toDataOption(
	state: EmulatorState,
	guildId: string,
	definition: APIApplicationCommandOption,
	value: OptionValue,
	focused: boolean,
	resolved: APIInteractionDataResolved,
): APIApplicationCommandInteractionDataBasicOption {
	const name = definition.name;
	const mismatch = (): Error =>
		new Error(`Emulator: option "${name}" (type ${definition.type}) cannot take ${JSON.stringify(value)}`);
	if ('choices' in definition && definition.choices && definition.choices.length > 0 && !focused) {
		const choices: readonly { value: number | string }[] = definition.choices;
		if (!choices.some((choice) => choice.value === value)) {
			throw new Error(
				`Emulator: option "${name}" only offers the choices ${JSON.stringify(choices.map((c) => c.value))}`,
			);
		}
	}
	switch (definition.type) {
		case ApplicationCommandOptionType.String: {
			if (typeof value !== 'string') throw mismatch();
			if (focused) return { name, type: definition.type, value, focused };
			// Discord's client enforces these before it sends anything.
			const min = definition.min_length ?? 0;
			const max = definition.max_length ?? 6000;
			if ([...value].length < min || [...value].length > max) {
				throw new Error(`Emulator: option "${name}" takes ${min}–${max} characters; Discord's client would refuse`);
			}
			return { name, type: definition.type, value };
		}
		case ApplicationCommandOptionType.Integer:
		case ApplicationCommandOptionType.Number:
			// While typing, Discord sends the raw text of a numeric option.
			if (focused) return { name, type: definition.type, value: String(value), focused };
			if (
				typeof value !== 'number' ||
				(definition.type === ApplicationCommandOptionType.Integer && !Number.isInteger(value))
			)
				throw mismatch();
			if (
				(definition.min_value !== undefined && value < definition.min_value) ||
				(definition.max_value !== undefined && value > definition.max_value)
			) {
				throw new Error(
					`Emulator: option "${name}" takes ${definition.min_value ?? '-∞'}–${definition.max_value ?? '∞'}; Discord's client would refuse`,
				);
			}
			return { name, type: definition.type, value };
		case ApplicationCommandOptionType.Boolean:
			if (typeof value !== 'boolean') throw mismatch();
			return { name, type: definition.type, value };
		case ApplicationCommandOptionType.User:
		case ApplicationCommandOptionType.Mentionable:
		case ApplicationCommandOptionType.Role:
		case ApplicationCommandOptionType.Channel: {
			if (typeof value !== 'string') throw mismatch();
			if (definition.type === ApplicationCommandOptionType.Channel && definition.channel_types) {
				const type = state.requireChannel(value).type;
				if (!definition.channel_types.some((allowed) => allowed === type)) {
					throw new Error(
						`Emulator: option "${name}" only offers channels of types ${JSON.stringify(definition.channel_types)}`,
					);
				}
			}
			resolveId(state, guildId, definition.type, value, resolved);
			return { name, type: definition.type, value };
		}
		default:
			throw new Error(`Emulator: option type ${definition.type} of "${name}" is not supported by the injector`);
	}
}

function resolveId(
	state: EmulatorState,
	guildId: string,
	type: ApplicationCommandOptionType,
	id: string,
	resolved: APIInteractionDataResolved,
): void {
	const guild = state.requireGuild(guildId);
	const role = guild.roles.get(id);
	if ((type === ApplicationCommandOptionType.Role || type === ApplicationCommandOptionType.Mentionable) && role) {
		resolved.roles = { ...resolved.roles, [id]: role };
		return;
	}
	if (type === ApplicationCommandOptionType.Channel) {
		const channel = state.requireChannel(id);
		const entry = {
			id,
			name: channel.name,
			permissions: state.permissionsOf(guildId, state.defaultUser.id, id).toString(),
		};
		resolved.channels = {
			...resolved.channels,
			[id]: isThread(channel)
				? { ...entry, type: channel.type, parent_id: channel.parent_id, thread_metadata: channel.thread_metadata }
				: { ...entry, type: channel.type },
		};
		return;
	}
	const user = state.users.get(id);
	if (!user) throw new Error(`Emulator: unknown user or role ${id}`);
	resolved.users = { ...resolved.users, [id]: user };
	const member = guild.members.get(id);
	if (member) {
		const payload = state.memberPayload(member);
		resolved.members = {
			...resolved.members,
			[id]: {
				roles: payload.roles,
				joined_at: payload.joined_at,
				nick: payload.nick,
				avatar: null,
				banner: null,
				premium_since: null,
				pending: false,
				flags: payload.flags,
				communication_disabled_until: null,
				permissions: state.permissionsOf(guildId, id).toString(),
			},
		};
	}
}

/**
 * Builds a complete, realistic chat-input INTERACTION_CREATE payload.
 *
 * @param state - emulator state
 * @param injection - what the user typed
 * @returns the payload
 */
export function buildChatInput(
	state: EmulatorState,
	injection: ChatInputInjection,
): APIChatInputApplicationCommandGuildInteraction {
	const { guildId, channelId } = resolveTarget(state, injection);
	const command = findCommand(state, guildId, injection.name);
	assertMayUse(state, guildId, command, injection.userId ?? state.defaultUser.id);
	const { options, resolved } = buildOptions(state, guildId, command, injection, undefined);
	return {
		...base(state, guildId, channelId, injection.userId, injection.locale),
		type: InteractionType.ApplicationCommand,
		data: {
			id: command.id,
			name: command.name,
			type: ApplicationCommandType.ChatInput,
			...(command.guild_id !== undefined ? { guild_id: command.guild_id } : {}),
			...(options.length > 0 ? { options } : {}),
			...(resolved ? { resolved } : {}),
		},
	};
}

/**
 * Builds a complete autocomplete INTERACTION_CREATE payload.
 *
 * @param state - emulator state
 * @param injection - what the user is typing, and in which option
 * @returns the payload
 */
export function buildAutocomplete(
	state: EmulatorState,
	injection: AutocompleteInjection,
): APIApplicationCommandAutocompleteGuildInteraction {
	const { guildId, channelId } = resolveTarget(state, injection);
	const command = findCommand(state, guildId, injection.name);
	assertMayUse(state, guildId, command, injection.userId ?? state.defaultUser.id);
	const { options } = buildOptions(state, guildId, command, injection, injection.focused);
	return {
		...base(state, guildId, channelId, injection.userId, injection.locale),
		type: InteractionType.ApplicationCommandAutocomplete,
		data: {
			id: command.id,
			name: command.name,
			type: ApplicationCommandType.ChatInput,
			...(command.guild_id !== undefined ? { guild_id: command.guild_id } : {}),
			options,
		},
	};
}

/**
 * @param components - a message's top-level components
 * @param customId - the custom id to find
 * @returns the interactive component with that custom id, searched through rows
 */
export function findComponent(
	components: readonly APIMessageTopLevelComponent[] | undefined,
	customId: string,
): APIComponentInActionRow | undefined {
	for (const row of components ?? []) {
		if (row.type !== ComponentType.ActionRow) continue;
		for (const component of row.components) {
			if ('custom_id' in component && component.custom_id === customId) return component;
		}
	}
	return undefined;
}

function componentMessage(state: EmulatorState, reference: APIMessage | string): APIMessage {
	const id = typeof reference === 'string' ? reference : reference.id;
	const message = state.messageById.get(id);
	if (!message) throw new Error(`Emulator: unknown message ${id}`);
	return message;
}

/**
 * Builds a complete button INTERACTION_CREATE payload for a button on a stored message.
 *
 * @param state - emulator state
 * @param injection - the message and the button's custom id
 * @returns the payload
 * @throws when the message has no enabled button with that custom id (a user could not press it)
 */
export function buildButton(state: EmulatorState, injection: ButtonInjection): APIMessageComponentButtonInteraction {
	const message = componentMessage(state, injection.message);
	const component = findComponent(message.components, injection.customId);
	if (component?.type !== ComponentType.Button)
		throw new Error(`Emulator: message ${message.id} has no button "${injection.customId}"`);
	if (component.disabled === true) throw new Error(`Emulator: button "${injection.customId}" is disabled`);
	const channel = state.requireChannel(message.channel_id);
	return {
		...base(state, channel.guild_id ?? '', channel.id, injection.userId, injection.locale),
		type: InteractionType.MessageComponent,
		message: state.snapshot(message),
		data: { custom_id: injection.customId, component_type: ComponentType.Button },
	};
}

/**
 * Builds a complete string-select INTERACTION_CREATE payload.
 *
 * @param state - emulator state
 * @param injection - the message, the select's custom id and the chosen values
 * @returns the payload
 * @throws when the select does not exist or the values are not among its options
 */
export function buildSelect(
	state: EmulatorState,
	injection: SelectInjection,
): APIMessageComponentSelectMenuInteraction {
	const message = componentMessage(state, injection.message);
	const component = findComponent(message.components, injection.customId);
	if (component?.type !== ComponentType.StringSelect) {
		throw new Error(`Emulator: message ${message.id} has no string select "${injection.customId}"`);
	}
	const offered = component.options.map((o) => o.value);
	const unknown = injection.values.filter((v) => !offered.includes(v));
	if (unknown.length > 0)
		throw new Error(`Emulator: select "${injection.customId}" does not offer ${JSON.stringify(unknown)}`);
	const min = component.min_values ?? 1;
	const max = component.max_values ?? 1;
	if (injection.values.length < min || injection.values.length > max) {
		throw new Error(
			`Emulator: select "${injection.customId}" takes ${min}–${max} values, not ${injection.values.length}`,
		);
	}
	const channel = state.requireChannel(message.channel_id);
	const data: APIMessageStringSelectInteractionData = {
		custom_id: injection.customId,
		component_type: ComponentType.StringSelect,
		values: [...injection.values],
	};
	return {
		...base(state, channel.guild_id ?? '', channel.id, injection.userId, injection.locale),
		type: InteractionType.MessageComponent,
		message: state.snapshot(message),
		data,
	};
}

function modalInputs(components: unknown): Record<string, unknown>[] {
	// Inputs sit in action rows (legacy) or in label components (type 18).
	const inputs: Record<string, unknown>[] = [];
	for (const top of Array.isArray(components) ? components : []) {
		if (!isRecord(top)) continue;
		if (top.type === ComponentType.ActionRow && Array.isArray(top.components))
			inputs.push(...top.components.filter(isRecord));
		if (top.type === ComponentType.Label && isRecord(top.component)) inputs.push(top.component);
	}
	return inputs;
}

/**
 * Builds a modal submission for the modal a bot sent in answer to `trigger`.
 *
 * @param state - emulator state
 * @param trigger - the interaction the bot answered with the modal
 * @param modal - the modal callback's `data` (custom_id, components)
 * @param injection - the values the user typed
 * @returns the payload
 * @throws when a value names no input, or a required text input is left empty
 */
export function buildModalSubmit(
	state: EmulatorState,
	trigger: APIInteraction,
	modal: Readonly<Record<string, unknown>> | undefined,
	injection: ModalSubmitInjection,
): APIModalSubmitGuildInteraction {
	if (!modal || typeof modal.custom_id !== 'string') throw new Error('Emulator: the modal has no custom_id');
	const inputs = modalInputs(modal.components);
	const known = new Set(inputs.map((input) => String(input.custom_id)));
	for (const key of Object.keys(injection.values)) {
		if (!known.has(key)) throw new Error(`Emulator: the modal has no input "${key}"`);
	}
	const submitted: APIModalSubmissionComponent[] = [];
	for (const top of Array.isArray(modal.components) ? modal.components : []) {
		if (!isRecord(top)) continue;
		const children =
			top.type === ComponentType.ActionRow && Array.isArray(top.components) ? top.components.filter(isRecord) : [];
		if (top.type === ComponentType.ActionRow) {
			submitted.push({
				type: ComponentType.ActionRow,
				components: children.map((input) => textInput(input, injection)),
			});
		} else if (top.type === ComponentType.Label && isRecord(top.component)) {
			const input = top.component;
			const value = injection.values[String(input.custom_id)];
			submitted.push({
				type: ComponentType.Label,
				component:
					input.type === ComponentType.StringSelect
						? {
								type: ComponentType.StringSelect,
								custom_id: String(input.custom_id),
								values: value === undefined ? [] : [value].flat(),
							}
						: textInput(input, injection),
			});
		}
	}
	const channelId = trigger.channel?.id ?? trigger.channel_id ?? '';
	const guildId = trigger.guild_id ?? '';
	return {
		...base(state, guildId, channelId, injection.userId ?? trigger.member?.user.id, injection.locale),
		type: InteractionType.ModalSubmit,
		data: { custom_id: modal.custom_id, components: submitted },
		...(trigger.message
			? { message: state.snapshot(state.messageById.get(trigger.message.id) ?? trigger.message) }
			: {}),
	};
}

function textInput(input: Record<string, unknown>, injection: ModalSubmitInjection): APIModalSubmitTextInputComponent {
	const customId = String(input.custom_id);
	const given = injection.values[customId];
	const value = typeof given === 'string' ? given : (given?.join(',') ?? '');
	if (input.required !== false && value.length === 0) {
		throw new Error(`Emulator: modal input "${customId}" is required; Discord will not submit it empty`);
	}
	const min = typeof input.min_length === 'number' ? input.min_length : 0;
	const max = typeof input.max_length === 'number' ? input.max_length : 4000;
	if (value.length > 0 && (value.length < min || value.length > max)) {
		throw new Error(`Emulator: modal input "${customId}" takes ${min}–${max} characters`);
	}
	return { type: ComponentType.TextInput, custom_id: customId, value };
}
