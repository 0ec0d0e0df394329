import {
	ChannelType,
	GuildDefaultMessageNotifications,
	type GuildMemberFlags,
	type RoleFlags,
	GuildExplicitContentFilter,
	GuildMFALevel,
	GuildNSFWLevel,
	GuildPremiumTier,
	GuildSystemChannelFlags,
	GuildVerificationLevel,
	Locale,
	MessageFlags,
	MessageType,
	OverwriteType,
	type APIApplicationCommand,
	type APIAttachment,
	type APIEmbed,
	type APIGuildCategoryChannel,
	type APIGuildMember,
	type APIMessage,
	type APIMessageTopLevelComponent,
	type APINewsChannel,
	type APIRole,
	type APITextChannel,
	type APIThreadChannel,
	type APIUser,
	type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';
import {
	ALL_PERMISSIONS,
	computePermissions,
	DEFAULT_BOT_PERMISSIONS,
	DEFAULT_EVERYONE_PERMISSIONS,
} from './permissions.js';
import { isRecord } from './schema-validator.js';
import { SnowflakeGenerator } from './snowflake.js';
import type {
	BotUser,
	ChannelSeed,
	CommandRegistry,
	GatewayLogEntry,
	GuildSeed,
	MemberSeed,
	RecordedCallback,
	RecordedFile,
	RecordedRequest,
	RoleSeed,
} from './types.js';

// Discord sends 0 for "no flags", which these enums have no member for.
const NO_ROLE_FLAGS = 0 as RoleFlags;
const NO_MEMBER_FLAGS = 0 as GuildMemberFlags;

/**
 * Discord's flag fields are bit sets, while the enum type only names single bits; this is the
 * one place a combined value is given the enum type.
 *
 * @param bits - OR-ed MessageFlags bits
 * @returns the same number, typed as message flags
 */
export function messageFlags(bits: number): MessageFlags {
	return bits as MessageFlags;
}

/** A guild channel the emulator models. */
export type EmulatedGuildChannel = APIGuildCategoryChannel | APINewsChannel | APITextChannel;
/** Any channel the emulator models: guild channels and threads. */
export type EmulatedChannel = APIThreadChannel | EmulatedGuildChannel;

/** A member of a guild: user id, roles and join time. */
export interface EmulatedMember {
	readonly userId: string;
	roles: string[];
	nick: string | null;
	readonly joinedAt: string;
}

/** A guild as the emulator holds it. */
export interface EmulatedGuild {
	readonly id: string;
	name: string;
	ownerId: string;
	readonly locale: Locale;
	readonly joinedAt: string;
	/** Roles by id; the `@everyone` role has the guild's id. */
	readonly roles: Map<string, APIRole>;
	readonly members: Map<string, EmulatedMember>;
	/** Guild channel ids (not threads), in creation order. */
	readonly channelIds: string[];
	/** Thread ids, in creation order. */
	readonly threadIds: string[];
	/** Id of the bot's managed role. */
	readonly botRoleId: string;
	/** False once the bot was removed from the guild. */
	botPresent: boolean;
	/** True during a simulated outage. */
	unavailable: boolean;
}

/** A stored attachment, with the bytes the bot uploaded. */
export interface StoredAttachment {
	readonly attachment: APIAttachment;
	readonly file: RecordedFile;
}

/** The emulator's whole state; tests read it through `emu.state`. */
export class EmulatorState {
	/** The snowflake source for everything the emulator creates. */
	public readonly ids = new SnowflakeGenerator(1);
	/** Every user the emulator knows, by id (bot, default member, owners, members). */
	public readonly users = new Map<string, APIUser>();
	/** Guilds by id, in creation (and READY) order. */
	public readonly guilds = new Map<string, EmulatedGuild>();
	/** Channels and threads by id; deleted ones are removed and listed in {@link deletedChannels}. */
	public readonly channels = new Map<string, EmulatedChannel>();
	/** Ids of channels and threads deleted so far. */
	public readonly deletedChannels = new Set<string>();
	/** Messages per channel id, oldest first (ephemeral interaction replies included, flagged 64). */
	public readonly messages = new Map<string, APIMessage[]>();
	/** The same messages by id (live objects: edits show up here). */
	public readonly messageById = new Map<string, APIMessage>();
	/** Registered application commands, global and per guild. */
	public readonly commands: CommandRegistry = { global: [], guilds: new Map() };
	/** Every HTTP request, in arrival order. */
	public readonly requests: RecordedRequest[] = [];
	/** Every interaction callback, in arrival order. */
	public readonly callbacks: RecordedCallback[] = [];
	/** Every gateway frame in and out (op, event name, time). */
	public readonly gatewayLog: GatewayLogEntry[] = [];
	/** Uploaded attachments by attachment id, with their bytes. */
	public readonly attachments = new Map<string, StoredAttachment>();
	/** `channelId:authorId:nonce` → message id and time, for `enforce_nonce`. */
	public readonly nonces = new Map<string, { messageId: string; at: number }>();
	/** The bot's user (its id is the application id). */
	public readonly botUser: BotUser;
	/** A member of every seeded guild who is not the bot: the default interaction user. */
	public readonly defaultUser: APIUser;
	/** The application id. */
	public readonly applicationId: string;
	/** The bot token the emulator accepts. */
	public readonly token: string;
	#ownerId: string;

	public constructor(applicationId: string, token: string, botUsername: string) {
		this.applicationId = applicationId;
		this.token = token;
		this.botUser = { ...this.#userShape(applicationId, botUsername), bot: true };
		this.users.set(applicationId, this.botUser);
		this.defaultUser = this.ensureUser(this.ids.next(), 'tester');
		this.#ownerId = this.ensureUser(this.ids.next(), 'owner').id;
	}

	#userShape(id: string, username: string): APIUser {
		return { id, username, discriminator: '0', global_name: username, avatar: null };
	}

	/**
	 * @param id - user id
	 * @param username - used when the user is new
	 * @returns the user, created if needed
	 */
	public ensureUser(id: string, username = `user${id.slice(-4)}`): APIUser {
		const existing = this.users.get(id);
		if (existing) return existing;
		const user = this.#userShape(id, username);
		this.users.set(id, user);
		return user;
	}

	/** @returns all threads, archived or not, that still exist */
	public get threads(): APIThreadChannel[] {
		return [...this.channels.values()].filter(isThread);
	}

	/**
	 * @param channelId - a channel or thread id
	 * @returns its messages, oldest first (empty when none)
	 */
	public messagesIn(channelId: string): APIMessage[] {
		return this.messages.get(channelId) ?? [];
	}

	/**
	 * Adds a guild the bot is in.
	 *
	 * @param seed - what to create
	 * @returns the guild
	 */
	public addGuild(seed: GuildSeed): EmulatedGuild {
		const id = seed.id ?? this.ids.next();
		const botRoleId = this.ids.next();
		const guild: EmulatedGuild = {
			id,
			name: seed.name ?? `Guild ${id.slice(-4)}`,
			ownerId: seed.ownerId ?? this.#ownerId,
			locale: toLocale(seed.locale),
			joinedAt: new Date().toISOString(),
			roles: new Map(),
			members: new Map(),
			channelIds: [],
			threadIds: [],
			botRoleId,
			botPresent: true,
			unavailable: false,
		};
		this.guilds.set(id, guild);
		guild.roles.set(
			id,
			this.#role(id, '@everyone', seed.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS, 0, false),
		);
		guild.roles.set(
			botRoleId,
			this.#role(botRoleId, this.botUser.username, seed.botPermissions ?? DEFAULT_BOT_PERMISSIONS, 1, true),
		);
		for (const role of seed.roles ?? []) this.addRole(id, role);
		this.ensureUser(guild.ownerId, 'owner');
		guild.members.set(guild.ownerId, { userId: guild.ownerId, roles: [], nick: null, joinedAt: guild.joinedAt });
		guild.members.set(this.botUser.id, {
			userId: this.botUser.id,
			roles: [botRoleId],
			nick: null,
			joinedAt: guild.joinedAt,
		});
		guild.members.set(this.defaultUser.id, {
			userId: this.defaultUser.id,
			roles: [],
			nick: null,
			joinedAt: guild.joinedAt,
		});
		for (const member of seed.members ?? []) this.addMember(id, member);
		const channels = seed.channels ?? [{ name: 'general' }];
		channels.forEach((channel, index) =>
			this.addChannel(id, { name: index === 0 ? 'general' : `channel-${index}`, ...channel }),
		);
		return guild;
	}

	#role(id: string, name: string, permissions: bigint, position: number, managed: boolean): APIRole {
		return {
			id,
			name,
			color: 0,
			colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
			hoist: false,
			icon: null,
			unicode_emoji: null,
			position,
			permissions: permissions.toString(),
			managed,
			mentionable: false,
			flags: NO_ROLE_FLAGS,
			...(managed ? { tags: { bot_id: this.botUser.id } } : {}),
		};
	}

	/**
	 * @param guildId - the guild
	 * @param seed - the role
	 * @returns the created role
	 */
	public addRole(guildId: string, seed: RoleSeed): APIRole {
		const guild = this.requireGuild(guildId);
		const id = seed.id ?? this.ids.next();
		const role = this.#role(id, seed.name ?? `role-${id.slice(-4)}`, seed.permissions ?? 0n, guild.roles.size, false);
		guild.roles.set(id, role);
		return role;
	}

	/**
	 * @param guildId - the guild
	 * @param seed - the member
	 * @returns the member
	 */
	public addMember(guildId: string, seed: MemberSeed): EmulatedMember {
		const guild = this.requireGuild(guildId);
		const user = this.ensureUser(seed.id ?? this.ids.next(), seed.username);
		const member: EmulatedMember = {
			userId: user.id,
			roles: [...(seed.roles ?? [])],
			nick: seed.nick ?? null,
			joinedAt: new Date().toISOString(),
		};
		guild.members.set(user.id, member);
		return member;
	}

	/**
	 * @param guildId - the guild
	 * @param seed - the channel
	 * @returns the created channel
	 */
	public addChannel(guildId: string, seed: ChannelSeed): EmulatedGuildChannel {
		const guild = this.requireGuild(guildId);
		const id = seed.id ?? this.ids.next();
		const common = {
			id,
			guild_id: guildId,
			name: seed.name ?? `channel-${guild.channelIds.length}`,
			position: guild.channelIds.length,
			permission_overwrites: [...(seed.permissionOverwrites ?? [])],
			nsfw: false,
			flags: 0,
		};
		let channel: EmulatedGuildChannel;
		if (seed.type === ChannelType.GuildCategory) {
			channel = { ...common, type: ChannelType.GuildCategory, parent_id: null };
		} else {
			const text = {
				...common,
				parent_id: seed.parentId ?? null,
				topic: seed.topic ?? null,
				last_message_id: null,
				rate_limit_per_user: 0,
				last_pin_timestamp: null,
			};
			channel =
				seed.type === ChannelType.GuildAnnouncement
					? { ...text, type: ChannelType.GuildAnnouncement }
					: { ...text, type: ChannelType.GuildText };
		}
		this.channels.set(id, channel);
		guild.channelIds.push(id);
		return channel;
	}

	/**
	 * @param guildId - a guild id
	 * @returns the guild
	 * @throws when the emulator has no such guild
	 */
	public requireGuild(guildId: string): EmulatedGuild {
		const guild = this.guilds.get(guildId);
		if (!guild) throw new Error(`Emulator: unknown guild ${guildId}`);
		return guild;
	}

	/**
	 * @param channelId - a channel or thread id
	 * @returns the channel
	 * @throws when the emulator has no such channel
	 */
	public requireChannel(channelId: string): EmulatedChannel {
		const channel = this.channels.get(channelId);
		if (!channel) throw new Error(`Emulator: unknown channel ${channelId}`);
		return channel;
	}

	/**
	 * @param channel - a channel or thread
	 * @returns the guild it belongs to
	 */
	public guildOf(channel: EmulatedChannel): EmulatedGuild {
		return this.requireGuild(channel.guild_id ?? '');
	}

	/**
	 * @param guildId - the guild
	 * @param userId - the member
	 * @param channelId - a channel or thread for channel-level permissions; omit for guild level
	 * @returns the member's effective permissions (0 when not a member)
	 */
	public permissionsOf(guildId: string, userId: string, channelId?: string): bigint {
		const guild = this.requireGuild(guildId);
		const member = guild.members.get(userId);
		if (!member) return 0n;
		let overwrites: APIThreadChannel['permission_overwrites'];
		let thread = false;
		if (channelId !== undefined) {
			const channel = this.requireChannel(channelId);
			thread = isThread(channel);
			const parent = thread && channel.parent_id ? this.channels.get(channel.parent_id) : channel;
			overwrites = parent?.permission_overwrites ?? [];
		}
		return computePermissions({
			guildId,
			ownerId: guild.ownerId,
			userId,
			memberRoleIds: member.roles,
			roles: guild.roles,
			overwrites,
			thread,
		});
	}

	/**
	 * @param channelId - a channel or thread
	 * @returns the bot's effective permissions there
	 */
	public botPermissionsIn(channelId: string): bigint {
		const channel = this.requireChannel(channelId);
		return this.permissionsOf(channel.guild_id ?? '', this.botUser.id, channelId);
	}

	/**
	 * Sets the bot's effective permissions in a channel with a member overwrite (allow = bits,
	 * deny = everything else), which is exactly what discord.js's `permissionsFor` reads.
	 *
	 * @param channelId - a guild channel (for a thread, its parent is changed)
	 * @param bits - the permissions the bot should end up with
	 * @returns the changed channel
	 */
	public setBotOverwrite(channelId: string, bits: bigint): EmulatedGuildChannel {
		const found = this.requireChannel(channelId);
		const channel = isThread(found) ? this.requireChannel(found.parent_id ?? '') : found;
		if (isThread(channel)) throw new Error('Emulator: a thread cannot be a thread parent');
		const others = (channel.permission_overwrites ?? []).filter((o) => o.id !== this.botUser.id);
		channel.permission_overwrites = [
			...others,
			{
				id: this.botUser.id,
				type: OverwriteType.Member,
				allow: bits.toString(),
				deny: (ALL_PERMISSIONS & ~bits).toString(),
			},
		];
		return channel;
	}

	/**
	 * @param member - a guild member
	 * @returns the member as Discord serialises it
	 */
	public memberPayload(member: EmulatedMember): APIGuildMember & { user: APIUser } {
		return {
			user: this.ensureUser(member.userId),
			nick: member.nick,
			avatar: null,
			banner: null,
			roles: [...member.roles],
			joined_at: member.joinedAt,
			premium_since: null,
			deaf: false,
			mute: false,
			flags: NO_MEMBER_FLAGS,
			pending: false,
			communication_disabled_until: null,
		};
	}

	/**
	 * @param guild - the guild
	 * @returns the GUILD_CREATE payload for it, channels without `guild_id` as Discord sends them
	 */
	public guildCreatePayload(guild: EmulatedGuild): GatewayGuildCreateDispatchData {
		const channels: GatewayGuildCreateDispatchData['channels'] = [];
		const threads: GatewayGuildCreateDispatchData['threads'] = [];
		for (const id of guild.channelIds) {
			const channel = this.channels.get(id);
			if (channel && !isThread(channel)) channels.push(withoutGuildId(channel));
		}
		for (const id of guild.threadIds) {
			const thread = this.channels.get(id);
			if (thread && isThread(thread) && thread.thread_metadata?.archived !== true) threads.push(thread);
		}
		const members: APIGuildMember[] = [];
		for (const userId of [this.botUser.id, guild.ownerId]) {
			const member = guild.members.get(userId);
			if (member) members.push(this.memberPayload(member));
		}
		return {
			id: guild.id,
			name: guild.name,
			icon: null,
			icon_hash: null,
			splash: null,
			discovery_splash: null,
			banner: null,
			description: null,
			owner_id: guild.ownerId,
			afk_channel_id: null,
			afk_timeout: 300,
			verification_level: GuildVerificationLevel.None,
			default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
			explicit_content_filter: GuildExplicitContentFilter.Disabled,
			roles: [...guild.roles.values()],
			emojis: [],
			stickers: [],
			features: [],
			mfa_level: GuildMFALevel.None,
			application_id: null,
			system_channel_id: null,
			system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
			rules_channel_id: null,
			vanity_url_code: null,
			premium_tier: GuildPremiumTier.None,
			premium_subscription_count: 0,
			preferred_locale: guild.locale,
			public_updates_channel_id: null,
			nsfw_level: GuildNSFWLevel.Default,
			premium_progress_bar_enabled: false,
			hub_type: null,
			safety_alerts_channel_id: null,
			incidents_data: null,
			max_members: 500000,
			joined_at: guild.joinedAt,
			large: guild.members.size > 250,
			unavailable: false,
			member_count: guild.members.size,
			voice_states: [],
			members,
			channels,
			threads,
			presences: [],
			stage_instances: [],
			guild_scheduled_events: [],
			soundboard_sounds: [],
		};
	}

	/**
	 * Stores a new message in a channel (its `last_message_id` and thread counters follow).
	 *
	 * @param input - the message parts; the payload is what the bot sent
	 * @returns the stored message
	 */
	public createMessage(input: {
		readonly channelId: string;
		readonly author: APIUser;
		readonly payload: Record<string, unknown>;
		readonly files: readonly RecordedFile[];
		readonly type?: MessageType;
		readonly flags?: number;
		readonly webhookId?: string;
		readonly extra?: Partial<APIMessage>;
		readonly baseUrl: string;
	}): APIMessage {
		const id = this.ids.next();
		const channel = this.requireChannel(input.channelId);
		const message: APIMessage = {
			id,
			channel_id: input.channelId,
			author: input.author,
			content: '',
			timestamp: new Date().toISOString(),
			edited_timestamp: null,
			tts: input.payload.tts === true,
			mention_everyone: false,
			mentions: [],
			mention_roles: [],
			attachments: [],
			embeds: [],
			components: [],
			pinned: false,
			type: input.type ?? MessageType.Default,
			flags: messageFlags(0),
			...input.extra,
		};
		if (input.webhookId !== undefined) message.webhook_id = input.webhookId;
		if (typeof input.payload.nonce === 'string' || typeof input.payload.nonce === 'number')
			message.nonce = input.payload.nonce;
		this.applyPayload(message, input.payload, input.files, input.baseUrl, channel.guild_id);
		message.flags = messageFlags((message.flags ?? 0) | (input.flags ?? 0));
		const list = this.messages.get(input.channelId) ?? [];
		list.push(message);
		this.messages.set(input.channelId, list);
		this.messageById.set(id, message);
		if (channel.type !== ChannelType.GuildCategory) channel.last_message_id = id;
		if (isThread(channel)) {
			channel.message_count = (channel.message_count ?? 0) + 1;
			channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
		}
		return message;
	}

	/**
	 * Applies a create/edit payload to a stored message the way Discord does: fields present in
	 * the payload replace the stored ones; absent fields stay.
	 *
	 * @param message - the stored message (changed in place)
	 * @param payload - the decoded body
	 * @param files - uploaded files
	 * @param baseUrl - the emulator's origin, for attachment URLs
	 * @param guildId - the guild, for mention parsing
	 */
	public applyPayload(
		message: APIMessage,
		payload: Record<string, unknown>,
		files: readonly RecordedFile[],
		baseUrl: string,
		guildId: string | undefined,
	): void {
		if (typeof payload.content === 'string') message.content = payload.content;
		if (payload.content === null) message.content = '';
		if (Array.isArray(payload.embeds)) message.embeds = payload.embeds.filter(isRecord).map(normaliseEmbed);
		if (payload.embeds === null) message.embeds = [];
		if (Array.isArray(payload.components)) message.components = payload.components.filter(isTopLevelComponent);
		if (payload.components === null) message.components = [];
		if (typeof payload.flags === 'number') {
			// Only these flags can be set by a bot; the rest are Discord's own.
			const settable =
				MessageFlags.SuppressEmbeds |
				MessageFlags.SuppressNotifications |
				MessageFlags.IsComponentsV2 |
				MessageFlags.Ephemeral;
			message.flags = messageFlags(((message.flags ?? 0) & ~settable) | (payload.flags & settable));
		}
		if (Array.isArray(payload.attachments) || files.length > 0) {
			message.attachments = this.#attachments(message, payload, files, baseUrl);
		}
		this.#mentions(message, payload, guildId);
	}

	#attachments(
		message: APIMessage,
		payload: Record<string, unknown>,
		files: readonly RecordedFile[],
		baseUrl: string,
	): APIAttachment[] {
		const kept: APIAttachment[] = [];
		const requested = Array.isArray(payload.attachments) ? payload.attachments.filter(isRecord) : [];
		const existing = new Map(message.attachments.map((a) => [a.id, a]));
		for (const entry of requested) {
			const old = typeof entry.id === 'string' ? existing.get(entry.id) : undefined;
			if (old) kept.push(old);
		}
		files.forEach((file, index) => {
			const entry = requested.find((e) => String(e.id) === String(index));
			const id = this.ids.next();
			const filename = typeof entry?.filename === 'string' ? entry.filename : file.filename;
			const url = `${baseUrl}/attachments/${message.channel_id}/${id}/${encodeURIComponent(filename)}`;
			const attachment: APIAttachment = {
				id,
				filename,
				size: file.content.length,
				url,
				proxy_url: url,
				content_type: file.contentType,
				...(typeof entry?.description === 'string' ? { description: entry.description } : {}),
			};
			this.attachments.set(id, { attachment, file });
			kept.push(attachment);
		});
		return kept;
	}

	#mentions(message: APIMessage, payload: Record<string, unknown>, guildId: string | undefined): void {
		const allowed = isRecord(payload.allowed_mentions) ? payload.allowed_mentions : undefined;
		const parse =
			allowed && Array.isArray(allowed.parse) ? allowed.parse : allowed ? [] : ['users', 'roles', 'everyone'];
		const allowedUsers = allowed && Array.isArray(allowed.users) ? allowed.users.map(String) : [];
		const allowedRoles = allowed && Array.isArray(allowed.roles) ? allowed.roles.map(String) : [];
		const content = message.content;
		const userIds = [...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] ?? '');
		const roleIds = [...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1] ?? '');
		message.mentions = [...new Set(userIds)]
			.filter((id) => parse.includes('users') || allowedUsers.includes(id))
			.map((id) => this.users.get(id))
			.filter((user): user is APIUser => user !== undefined);
		const guildRoles = guildId === undefined ? undefined : this.guilds.get(guildId)?.roles;
		message.mention_roles = [...new Set(roleIds)].filter(
			(id) => (parse.includes('roles') || allowedRoles.includes(id)) && guildRoles?.has(id) === true,
		);
		message.mention_everyone = parse.includes('everyone') && /@(everyone|here)/.test(content);
	}

	/**
	 * @param guildId - a guild id, or undefined for global commands
	 * @returns the registered commands (the live array)
	 */
	public commandsFor(guildId: string | undefined): APIApplicationCommand[] {
		if (guildId === undefined) return this.commands.global;
		const list = this.commands.guilds.get(guildId) ?? [];
		this.commands.guilds.set(guildId, list);
		return list;
	}

	/**
	 * @param message - a stored message
	 * @returns a deep copy, so a response can't be changed by later edits
	 */
	public snapshot(message: APIMessage): APIMessage {
		return structuredClone(message);
	}

	/**
	 * @param channel - a stored channel
	 * @returns a deep copy with `guild_id`, as REST answers carry it
	 */
	public snapshotChannel<T extends EmulatedChannel>(channel: T): T {
		return structuredClone(channel);
	}
}

/**
 * @param channel - any emulated channel
 * @returns whether it is a thread
 */
export function isThread(channel: EmulatedChannel): channel is APIThreadChannel {
	return (
		channel.type === ChannelType.PublicThread ||
		channel.type === ChannelType.PrivateThread ||
		channel.type === ChannelType.AnnouncementThread
	);
}

function withoutGuildId(channel: EmulatedGuildChannel): GatewayGuildCreateDispatchData['channels'][number] {
	const copy = { ...channel };
	delete copy.guild_id;
	return copy;
}

function normaliseEmbed(embed: Record<string, unknown>): APIEmbed {
	// Discord stores rich embeds with `type: 'rich'` and drops nulls.
	const clean: Record<string, unknown> = { type: 'rich' };
	for (const [key, value] of Object.entries(embed)) {
		if (value !== null && value !== undefined) clean[key] = value;
	}
	return clean;
}

function isTopLevelComponent(value: unknown): value is APIMessageTopLevelComponent {
	return isRecord(value) && typeof value.type === 'number';
}

function toLocale(value: string | undefined): Locale {
	return Object.values(Locale).find((locale) => locale === value) ?? Locale.EnglishUS;
}
