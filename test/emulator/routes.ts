import {
	ApplicationCommandType,
	ApplicationIntegrationType,
	ChannelType,
	GatewayDispatchEvents,
	GatewayIntentBits,
	InteractionResponseType,
	InteractionType,
	MessageFlags,
	MessageType,
	PermissionFlagsBits,
	type APIApplicationCommand,
	type APIApplicationCommandOption,
	type APIInteraction,
	type APIMessage,
	type APIMessageInteractionMetadata,
	type APIThreadChannel,
	type RESTGetAPIGatewayBotResult,
	type RESTPostAPIInteractionCallbackWithResponseResult,
	type ThreadAutoArchiveDuration,
	type ThreadMemberFlags,
} from 'discord-api-types/v10';
import type { Gateway } from './gateway.js';
import { asRecord, DiscordHttpError, Errors } from './http.js';
import {
	checkAutocompleteLimits,
	checkCommandLimits,
	checkCommandListLimits,
	checkMessageLimits,
	DISCORD_LIMITS,
} from './limits.js';
import type { HttpMethod } from './openapi.js';
import { isRecord, toDiscordErrors, type ValidationIssue } from './schema-validator.js';
import { isThread, messageFlags, type EmulatedChannel, type EmulatorState } from './state.js';
import type { InjectedInteraction, RecordedCallback, RecordedFile, RecordedRequest } from './types.js';

/** What a handler sees of one request. */
export interface RouteContext {
	readonly method: HttpMethod;
	readonly path: string;
	readonly params: Readonly<Record<string, string>>;
	readonly query: URLSearchParams;
	readonly body: unknown;
	readonly files: readonly RecordedFile[];
	readonly record: RecordedRequest;
}

/** A handler's answer. */
export interface RouteReply {
	readonly status: number;
	readonly body?: unknown;
	/** Runs once the response is recorded and written, e.g. to settle an awaited callback. */
	readonly after?: () => void;
}

/** One REST route, keyed by the spec's own path template. */
export interface RouteDefinition {
	readonly method: HttpMethod;
	/** The path template exactly as Discord's OpenAPI description writes it. */
	readonly template: string;
	/** Whether the route needs `Authorization: Bot <token>` (interaction routes don't). */
	readonly auth: boolean;
	/** Discord's documented limits for the body, beyond the schema. */
	readonly limits?: (ctx: RouteContext) => ValidationIssue[];
	readonly handle: (ctx: RouteContext) => Promise<RouteReply> | RouteReply;
}

/** An interaction the emulator sent, with the bookkeeping its routes need. */
export interface InteractionRecord extends InjectedInteraction {
	readonly payload: APIInteraction;
	/** Set again once the payload is written to the gateway socket. */
	sentAt: number;
	readonly guildId: string;
	readonly channelId: string;
	/** Wall-clock send time, for the response window and the 15-minute token lifetime. */
	readonly sentAtWall: number;
	acknowledged: boolean;
	/** For a modal submission: the interaction that opened the modal. */
	readonly trigger?: InteractionRecord;
	settle(callback: RecordedCallback): void;
}

// Discord sends 0 for "no flags", which the enum has no member for.
const NO_THREAD_MEMBER_FLAGS = 0 as ThreadMemberFlags;
const TOKEN_LIFETIME_MS = 15 * 60 * 1000;
const NONCE_WINDOW_MS = 2 * 60 * 1000;

/** Everything the routes need from the emulator. */
export interface RouteDeps {
	readonly state: EmulatorState;
	readonly gateway: Gateway;
	readonly interactions: Map<string, InteractionRecord>;
	/** The same interactions keyed by token, for webhook routes. */
	readonly interactionsByToken: Map<string, InteractionRecord>;
	readonly origin: () => string;
	readonly responseTimeoutMs: number;
	readonly recommendedShards: number;
}

/**
 * Builds the REST routes the emulator serves.
 *
 * @param deps - emulator state and gateway
 * @returns route definitions, most specific first
 */
export function buildRoutes(deps: RouteDeps): RouteDefinition[] {
	const { state, gateway } = deps;

	const visibleChannel = (channelId: string | undefined): EmulatedChannel => {
		const channel = channelId === undefined ? undefined : state.channels.get(channelId);
		if (!channel) throw Errors.unknownChannel();
		const guild = state.guilds.get(channel.guild_id ?? '');
		if (!guild?.botPresent) throw Errors.missingAccess();
		if ((state.botPermissionsIn(channel.id) & PermissionFlagsBits.ViewChannel) === 0n) throw Errors.missingAccess();
		return channel;
	};

	const requirePermissions = (channelId: string, bits: bigint): void => {
		if ((state.botPermissionsIn(channelId) & bits) !== bits) throw Errors.missingPermissions();
	};

	const messageIn = (channelId: string, messageId: string | undefined): APIMessage => {
		const message = messageId === undefined ? undefined : state.messageById.get(messageId);
		if (!message || message.channel_id !== channelId) throw Errors.unknownMessage();
		return message;
	};

	const emitMessage = (
		t: GatewayDispatchEvents.MessageCreate | GatewayDispatchEvents.MessageUpdate,
		message: APIMessage,
	): void => {
		if ((message.flags ?? 0) & MessageFlags.Ephemeral) return;
		const channel = state.channels.get(message.channel_id);
		const guildId = channel?.guild_id;
		gateway.dispatch(
			t,
			{ ...state.snapshot(message), guild_id: guildId },
			{ guildId, intent: GatewayIntentBits.GuildMessages },
		);
	};

	const emitDelete = (message: APIMessage): void => {
		const guildId = state.channels.get(message.channel_id)?.guild_id;
		gateway.dispatch(
			GatewayDispatchEvents.MessageDelete,
			{ id: message.id, channel_id: message.channel_id, guild_id: guildId },
			{ guildId, intent: GatewayIntentBits.GuildMessages },
		);
	};

	const deleteMessage = (message: APIMessage): void => {
		const list = state.messages.get(message.channel_id) ?? [];
		const index = list.indexOf(message);
		if (index !== -1) list.splice(index, 1);
		state.messageById.delete(message.id);
		emitDelete(message);
	};

	const hasSendableContent = (payload: Record<string, unknown>, files: readonly RecordedFile[]): boolean =>
		(typeof payload.content === 'string' && payload.content.length > 0) ||
		(Array.isArray(payload.embeds) && payload.embeds.length > 0) ||
		(Array.isArray(payload.components) && payload.components.length > 0) ||
		(Array.isArray(payload.sticker_ids) && payload.sticker_ids.length > 0) ||
		isRecord(payload.poll) ||
		files.length > 0;

	const messageLimits = (ctx: RouteContext): ValidationIssue[] => checkMessageLimits(ctx.body, []);

	const interactionByToken = (webhookId: string | undefined, token: string | undefined): InteractionRecord => {
		if (webhookId !== state.applicationId) throw Errors.unknownWebhook();
		const record = token === undefined ? undefined : deps.interactionsByToken.get(token);
		if (!record) throw Errors.unknownWebhook();
		if (Date.now() - record.sentAtWall > TOKEN_LIFETIME_MS) throw Errors.invalidWebhookToken();
		return record;
	};

	const interactionMessage = (record: InteractionRecord, messageId: string | undefined): APIMessage => {
		const id = messageId === '@original' ? record.originalMessageId : messageId;
		if (
			id === undefined ||
			(messageId !== '@original' && !record.followUpIds.includes(id) && id !== record.originalMessageId)
		) {
			throw Errors.unknownMessage();
		}
		const message = state.messageById.get(id);
		if (!message) throw Errors.unknownMessage();
		return message;
	};

	const interactionMessageType = (record: InteractionRecord): MessageType =>
		record.payload.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;

	const metadataOf = (record: InteractionRecord): APIMessageInteractionMetadata => {
		const user = state.ensureUser(record.payload.member?.user.id ?? state.defaultUser.id);
		const owners = { [ApplicationIntegrationType.GuildInstall]: record.guildId };
		const base = { id: record.id, user, authorizing_integration_owners: owners };
		const payload = record.payload;
		if (payload.type === InteractionType.MessageComponent) {
			return { ...base, type: InteractionType.MessageComponent, interacted_message_id: payload.message.id };
		}
		if (payload.type === InteractionType.ModalSubmit && record.trigger) {
			const trigger = metadataOf(record.trigger);
			if (trigger.type !== InteractionType.ModalSubmit) {
				return { ...base, type: InteractionType.ModalSubmit, triggering_interaction_metadata: trigger };
			}
		}
		return { ...base, type: InteractionType.ApplicationCommand };
	};

	const interactionMetadata = (record: InteractionRecord): Partial<APIMessage> => ({
		application_id: state.applicationId,
		interaction_metadata: metadataOf(record),
	});

	const createInteractionMessage = (
		record: InteractionRecord,
		payload: Record<string, unknown>,
		files: readonly RecordedFile[],
		extraFlags: number,
	): APIMessage => {
		const message = state.createMessage({
			channelId: record.channelId,
			author: state.botUser,
			payload,
			files,
			type: interactionMessageType(record),
			flags: extraFlags,
			webhookId: state.applicationId,
			extra: interactionMetadata(record),
			baseUrl: deps.origin(),
		});
		emitMessage(GatewayDispatchEvents.MessageCreate, message);
		return message;
	};

	const callbackTypesFor = (type: InteractionType): readonly InteractionResponseType[] => {
		switch (type) {
			case InteractionType.ApplicationCommandAutocomplete:
				return [InteractionResponseType.ApplicationCommandAutocompleteResult];
			case InteractionType.MessageComponent:
				return [
					InteractionResponseType.ChannelMessageWithSource,
					InteractionResponseType.DeferredChannelMessageWithSource,
					InteractionResponseType.DeferredMessageUpdate,
					InteractionResponseType.UpdateMessage,
					InteractionResponseType.Modal,
				];
			case InteractionType.ModalSubmit:
				return [
					InteractionResponseType.ChannelMessageWithSource,
					InteractionResponseType.DeferredChannelMessageWithSource,
					InteractionResponseType.DeferredMessageUpdate,
					InteractionResponseType.UpdateMessage,
				];
			case InteractionType.ApplicationCommand:
				return [
					InteractionResponseType.ChannelMessageWithSource,
					InteractionResponseType.DeferredChannelMessageWithSource,
					InteractionResponseType.Modal,
				];
			default:
				return [InteractionResponseType.Pong];
		}
	};

	const handleCallback = (ctx: RouteContext): RouteReply => {
		const record = deps.interactions.get(ctx.params.interaction_id ?? '');
		if (!record || record.token !== ctx.params.interaction_token) throw Errors.unknownInteraction();
		if (record.acknowledged) throw Errors.alreadyAcknowledged();
		if (Date.now() - record.sentAtWall > deps.responseTimeoutMs) throw Errors.unknownInteraction();
		const body = asRecord(ctx.body);
		const type = Number(body.type);
		const allowed = callbackTypesFor(record.payload.type);
		const callbackType = allowed.find((t) => t === type);
		if (callbackType === undefined) throw invalidResponseType(type, record.payload.type);
		const data = isRecord(body.data) ? body.data : {};
		let message: APIMessage | undefined;
		let loading = false;
		switch (callbackType) {
			case InteractionResponseType.ChannelMessageWithSource:
				if (!hasSendableContent(data, ctx.files)) throw Errors.emptyMessage();
				message = createInteractionMessage(record, data, ctx.files, 0);
				record.originalMessageId = message.id;
				break;
			case InteractionResponseType.DeferredChannelMessageWithSource: {
				// discord.js's editReply after deferReply needs @original to exist already.
				const ephemeral = Number(data.flags ?? 0) & MessageFlags.Ephemeral;
				message = createInteractionMessage(record, {}, [], MessageFlags.Loading | ephemeral);
				record.originalMessageId = message.id;
				loading = true;
				break;
			}
			case InteractionResponseType.DeferredMessageUpdate:
			case InteractionResponseType.UpdateMessage: {
				// Only a component (or a modal opened from one) has a message to update.
				const targetId = record.payload.message?.id;
				if (targetId === undefined) throw invalidResponseType(type, record.payload.type);
				const target = state.messageById.get(targetId);
				if (!target) throw Errors.unknownMessage();
				record.originalMessageId = target.id;
				if (callbackType === InteractionResponseType.UpdateMessage) {
					state.applyPayload(target, data, ctx.files, deps.origin(), record.guildId);
					target.edited_timestamp = new Date().toISOString();
					emitMessage(GatewayDispatchEvents.MessageUpdate, target);
				}
				message = target;
				break;
			}
			default:
				break;
		}
		record.acknowledged = true;
		const callback: RecordedCallback = {
			interactionId: record.id,
			type: callbackType,
			data: isRecord(body.data) ? body.data : undefined,
			files: ctx.files,
			receivedAt: ctx.record.receivedAt,
			message: message ? state.snapshot(message) : undefined,
		};
		state.callbacks.push(callback);
		const after = (): void => record.settle(callback);
		if (ctx.query.get('with_response') !== 'true') return { status: 204, after };
		const result: RESTPostAPIInteractionCallbackWithResponseResult = {
			interaction: {
				id: record.id,
				type: record.payload.type,
				...(message
					? {
							response_message_id: message.id,
							response_message_loading: loading,
							response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
						}
					: {}),
			},
			resource: { type: callbackType, ...(message ? { message: state.snapshot(message) } : {}) },
		};
		return { status: 200, body: result, after };
	};

	const handleFollowUp = (ctx: RouteContext): RouteReply => {
		const record = interactionByToken(ctx.params.webhook_id, ctx.params.webhook_token);
		// Discord only knows the interaction's webhook once the interaction was acknowledged.
		if (!record.acknowledged) throw Errors.unknownWebhook();
		const body = asRecord(ctx.body);
		if (!hasSendableContent(body, ctx.files)) throw Errors.emptyMessage();
		const message = createInteractionMessage(record, body, ctx.files, 0);
		record.followUpIds.push(message.id);
		// For interaction follow-ups Discord treats `wait` as always true.
		return { status: 200, body: state.snapshot(message) };
	};

	const handleWebhookMessage = (ctx: RouteContext): RouteReply => {
		const record = interactionByToken(ctx.params.webhook_id, ctx.params.webhook_token);
		const messageId = ctx.path.endsWith('/@original') ? '@original' : ctx.params.message_id;
		const message = interactionMessage(record, messageId);
		if (ctx.method === 'get') return { status: 200, body: state.snapshot(message) };
		if (ctx.method === 'delete') {
			deleteMessage(message);
			return { status: 204 };
		}
		const draft = state.snapshot(message);
		state.applyPayload(draft, asRecord(ctx.body), ctx.files, deps.origin(), record.guildId);
		if (
			!hasSendableContent({ content: draft.content, embeds: draft.embeds, components: draft.components }, []) &&
			draft.attachments.length === 0
		) {
			throw Errors.emptyMessage();
		}
		// The first edit of a deferred reply replaces the "thinking…" state; later ones are edits.
		if (((draft.flags ?? 0) & MessageFlags.Loading) !== 0) {
			draft.flags = messageFlags((draft.flags ?? 0) & ~MessageFlags.Loading);
		} else {
			draft.edited_timestamp = new Date().toISOString();
		}
		Object.assign(message, draft);
		emitMessage(GatewayDispatchEvents.MessageUpdate, message);
		return { status: 200, body: state.snapshot(message) };
	};

	const handleCreateMessage = (ctx: RouteContext): RouteReply => {
		const channel = visibleChannel(ctx.params.channel_id);
		if (channel.type === ChannelType.GuildCategory) throw Errors.nonTextChannel();
		const body = asRecord(ctx.body);
		let needed = isThread(channel) ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
		if (Array.isArray(body.embeds) && body.embeds.length > 0) needed |= PermissionFlagsBits.EmbedLinks;
		if (ctx.files.length > 0) needed |= PermissionFlagsBits.AttachFiles;
		requirePermissions(channel.id, needed);
		if (!hasSendableContent(body, ctx.files)) throw Errors.emptyMessage();
		if (isThread(channel) && channel.thread_metadata?.archived === true) {
			// Discord reopens an archived thread for a new message, unless it is locked and the
			// sender cannot manage threads.
			const canManage = (state.botPermissionsIn(channel.id) & PermissionFlagsBits.ManageThreads) !== 0n;
			if (channel.thread_metadata.locked === true && !canManage) throw Errors.archivedThread();
			setThreadArchived(state, gateway, channel.id, false, channel.thread_metadata.locked === true);
		}
		const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
		const nonceKey = nonce === undefined ? undefined : `${channel.id}:${state.botUser.id}:${nonce}`;
		if (nonceKey !== undefined && body.enforce_nonce === true) {
			const seen = state.nonces.get(nonceKey);
			const original =
				seen && Date.now() - seen.at < NONCE_WINDOW_MS ? state.messageById.get(seen.messageId) : undefined;
			if (original) return { status: 200, body: state.snapshot(original) };
		}
		let extra: Partial<APIMessage> = {};
		let type = MessageType.Default;
		if (isRecord(body.message_reference)) {
			const reference = body.message_reference;
			const referencedId = typeof reference.message_id === 'string' ? reference.message_id : undefined;
			const referenced = referencedId === undefined ? undefined : state.messageById.get(referencedId);
			if (!referenced || referenced.channel_id !== String(reference.channel_id ?? channel.id)) {
				if (reference.fail_if_not_exists !== false) {
					throw new DiscordHttpError(400, 50035, 'Invalid Form Body', {
						errors: toDiscordErrors([
							{ path: ['message_reference'], code: 'REPLIES_UNKNOWN_MESSAGE', message: 'Unknown message' },
						]),
					});
				}
			} else {
				type = MessageType.Reply;
				extra = {
					message_reference: {
						type: 0,
						message_id: referenced.id,
						channel_id: referenced.channel_id,
						guild_id: channel.guild_id,
					},
					referenced_message: state.snapshot(referenced),
				};
			}
		}
		const message = state.createMessage({
			channelId: channel.id,
			author: state.botUser,
			payload: body,
			files: ctx.files,
			type,
			extra,
			baseUrl: deps.origin(),
		});
		if (nonceKey !== undefined) state.nonces.set(nonceKey, { messageId: message.id, at: Date.now() });
		emitMessage(GatewayDispatchEvents.MessageCreate, message);
		return { status: 200, body: state.snapshot(message) };
	};

	const handleMessage = (ctx: RouteContext): RouteReply => {
		const channel = visibleChannel(ctx.params.channel_id);
		const message = messageIn(channel.id, ctx.params.message_id);
		if (ctx.method === 'get') {
			requirePermissions(channel.id, PermissionFlagsBits.ReadMessageHistory);
			return { status: 200, body: state.snapshot(message) };
		}
		const own = message.author.id === state.botUser.id;
		if (ctx.method === 'delete') {
			if (!own) requirePermissions(channel.id, PermissionFlagsBits.ManageMessages);
			deleteMessage(message);
			return { status: 204 };
		}
		const body = asRecord(ctx.body);
		if (
			!own &&
			(body.content !== undefined || body.embeds !== undefined || body.components !== undefined || ctx.files.length > 0)
		) {
			throw Errors.otherAuthor();
		}
		const draft = state.snapshot(message);
		state.applyPayload(draft, body, ctx.files, deps.origin(), channel.guild_id);
		if (
			!hasSendableContent({ content: draft.content, embeds: draft.embeds, components: draft.components }, []) &&
			draft.attachments.length === 0
		) {
			throw Errors.emptyMessage();
		}
		draft.edited_timestamp = new Date().toISOString();
		Object.assign(message, draft);
		emitMessage(GatewayDispatchEvents.MessageUpdate, message);
		return { status: 200, body: state.snapshot(message) };
	};

	const crosspost = (ctx: RouteContext): RouteReply => {
		const channel = visibleChannel(ctx.params.channel_id);
		if (channel.type !== ChannelType.GuildAnnouncement) throw Errors.wrongChannelType();
		const message = messageIn(channel.id, ctx.params.message_id);
		const own = message.author.id === state.botUser.id;
		requirePermissions(channel.id, own ? PermissionFlagsBits.SendMessages : PermissionFlagsBits.ManageMessages);
		if (((message.flags ?? 0) & MessageFlags.Crossposted) !== 0) throw Errors.alreadyCrossposted();
		message.flags = messageFlags((message.flags ?? 0) | MessageFlags.Crossposted);
		emitMessage(GatewayDispatchEvents.MessageUpdate, message);
		return { status: 200, body: state.snapshot(message) };
	};

	const listMessages = (ctx: RouteContext): RouteReply => {
		const channel = visibleChannel(ctx.params.channel_id);
		requirePermissions(channel.id, PermissionFlagsBits.ReadMessageHistory);
		const limit = Math.min(100, Math.max(1, Number(ctx.query.get('limit') ?? 50)));
		const before = ctx.query.get('before');
		const after = ctx.query.get('after');
		const around = ctx.query.get('around');
		const all = state.messagesIn(channel.id);
		let picked: APIMessage[];
		if (after !== null) {
			picked = all.filter((m) => BigInt(m.id) > BigInt(after)).slice(0, limit);
		} else if (around !== null) {
			const older = all.filter((m) => BigInt(m.id) < BigInt(around)).slice(-Math.floor(limit / 2));
			const newer = all.filter((m) => BigInt(m.id) >= BigInt(around)).slice(0, limit - older.length);
			picked = [...older, ...newer];
		} else {
			picked = all.filter((m) => before === null || BigInt(m.id) < BigInt(before)).slice(-limit);
		}
		// Discord lists newest first.
		return { status: 200, body: [...picked].reverse().map((m) => state.snapshot(m)) };
	};

	const ownReaction = (ctx: RouteContext): RouteReply => {
		const channel = visibleChannel(ctx.params.channel_id);
		requirePermissions(channel.id, PermissionFlagsBits.ReadMessageHistory);
		const message = messageIn(channel.id, ctx.params.message_id);
		const raw = ctx.params.emoji_name ?? '';
		const custom = /^(?:a:)?([^:]+):(\d+)$/.exec(raw);
		const emoji = custom ? { id: custom[2] ?? null, name: custom[1] ?? null } : { id: null, name: raw };
		const reactions = message.reactions ?? [];
		const index = reactions.findIndex((r) => r.emoji.id === emoji.id && r.emoji.name === emoji.name);
		const existing = reactions[index];
		if (ctx.method === 'put') {
			if (existing?.me) return { status: 204 };
			// Adding a new emoji needs ADD_REACTIONS; joining an existing one does not.
			if (!existing) requirePermissions(channel.id, PermissionFlagsBits.AddReactions);
			const next = existing
				? {
						...existing,
						me: true,
						count: existing.count + 1,
						count_details: { ...existing.count_details, normal: existing.count_details.normal + 1 },
					}
				: { emoji, count: 1, count_details: { burst: 0, normal: 1 }, me: true, me_burst: false, burst_colors: [] };
			message.reactions = existing ? reactions.map((r, i) => (i === index ? next : r)) : [...reactions, next];
		} else if (existing?.me) {
			const count = existing.count - 1;
			message.reactions =
				count === 0
					? reactions.filter((_, i) => i !== index)
					: reactions.map((r, i) =>
							i === index
								? { ...r, me: false, count, count_details: { ...r.count_details, normal: r.count_details.normal - 1 } }
								: r,
						);
		}
		return { status: 204 };
	};

	const makeThread = (
		parent: EmulatedChannel,
		id: string,
		body: Record<string, unknown>,
		type: ChannelType.AnnouncementThread | ChannelType.PrivateThread | ChannelType.PublicThread,
	): APIThreadChannel => {
		const now = new Date().toISOString();
		const duration = Number(
			body.auto_archive_duration ??
				('default_auto_archive_duration' in parent ? parent.default_auto_archive_duration : undefined) ??
				1440,
		);
		const thread: APIThreadChannel = {
			id,
			guild_id: parent.guild_id,
			parent_id: parent.id,
			owner_id: state.botUser.id,
			type,
			name: String(body.name),
			last_message_id: null,
			rate_limit_per_user: Number(body.rate_limit_per_user ?? 0),
			message_count: 0,
			member_count: 1,
			total_message_sent: 0,
			thread_metadata: {
				archived: false,
				auto_archive_duration: threadDuration(duration),
				archive_timestamp: now,
				locked: false,
				create_timestamp: now,
				...(type === ChannelType.PrivateThread ? { invitable: body.invitable !== false } : {}),
			},
			member: { id, user_id: state.botUser.id, join_timestamp: now, flags: NO_THREAD_MEMBER_FLAGS },
		};
		state.channels.set(id, thread);
		state.guildOf(parent).threadIds.push(id);
		gateway.dispatch(
			GatewayDispatchEvents.ThreadCreate,
			{ ...thread, newly_created: true },
			{ guildId: parent.guild_id, intent: GatewayIntentBits.Guilds },
		);
		return thread;
	};

	const handleThreadFromMessage = (ctx: RouteContext): RouteReply => {
		const channel = visibleChannel(ctx.params.channel_id);
		if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)
			throw Errors.wrongChannelType();
		const message = messageIn(channel.id, ctx.params.message_id);
		if (message.thread || state.channels.has(message.id)) throw Errors.threadExists();
		requirePermissions(channel.id, PermissionFlagsBits.CreatePublicThreads);
		const type =
			channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread;
		// Discord gives a thread started from a message the message's own id.
		const thread = makeThread(channel, message.id, asRecord(ctx.body), type);
		message.thread = state.snapshotChannel(thread);
		message.flags = messageFlags((message.flags ?? 0) | MessageFlags.HasThread);
		return { status: 201, body: thread };
	};

	const handleThreadWithoutMessage = (ctx: RouteContext): RouteReply => {
		const channel = visibleChannel(ctx.params.channel_id);
		if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)
			throw Errors.wrongChannelType();
		const body = asRecord(ctx.body);
		// Without `type`, Discord still defaults to a private thread.
		const requested = Number(body.type ?? ChannelType.PrivateThread);
		let type: ChannelType.AnnouncementThread | ChannelType.PrivateThread | ChannelType.PublicThread;
		if (channel.type === ChannelType.GuildAnnouncement) {
			type = ChannelType.AnnouncementThread;
		} else if (requested === ChannelType.PublicThread) {
			type = ChannelType.PublicThread;
		} else if (requested === ChannelType.PrivateThread) {
			type = ChannelType.PrivateThread;
		} else {
			throw Errors.wrongChannelType();
		}
		requirePermissions(
			channel.id,
			type === ChannelType.PrivateThread
				? PermissionFlagsBits.CreatePrivateThreads
				: PermissionFlagsBits.CreatePublicThreads,
		);
		return { status: 201, body: makeThread(channel, state.ids.next(), body, type) };
	};

	const handleChannel = (ctx: RouteContext): RouteReply => {
		const channel = visibleChannel(ctx.params.channel_id);
		if (ctx.method === 'get') return { status: 200, body: state.snapshotChannel(channel) };
		requirePermissions(
			channel.id,
			isThread(channel) ? PermissionFlagsBits.ManageThreads : PermissionFlagsBits.ManageChannels,
		);
		return { status: 200, body: deleteChannel(state, gateway, channel.id) };
	};

	const commandScope = (ctx: RouteContext): string | undefined => {
		if (ctx.params.application_id !== state.applicationId) throw Errors.missingAccess();
		const guildId = ctx.params.guild_id;
		if (guildId !== undefined && state.guilds.get(guildId)?.botPresent !== true) throw Errors.missingAccess();
		return guildId;
	};

	const putCommands = (ctx: RouteContext): RouteReply => {
		const guildId = commandScope(ctx);
		const incoming = Array.isArray(ctx.body) ? ctx.body.filter(isRecord) : [];
		const chatInput = incoming.filter(
			(c) => (c.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput,
		).length;
		if (chatInput > DISCORD_LIMITS.chatInputCommands) {
			throw new DiscordHttpError(
				400,
				30032,
				`Maximum number of application commands reached (${DISCORD_LIMITS.chatInputCommands})`,
			);
		}
		const list = state.commandsFor(guildId);
		const next = incoming.map((body) => toCommand(state, body, guildId, list));
		list.splice(0, list.length, ...next);
		return { status: 200, body: next };
	};

	const postCommand = (ctx: RouteContext): RouteReply => {
		const guildId = commandScope(ctx);
		const list = state.commandsFor(guildId);
		const body = asRecord(ctx.body);
		const command = toCommand(state, body, guildId, list);
		const index = list.findIndex((c) => c.id === command.id);
		if (index === -1) list.push(command);
		else list[index] = command;
		return { status: index === -1 ? 201 : 200, body: command };
	};

	const commandById = (ctx: RouteContext): RouteReply => {
		const guildId = commandScope(ctx);
		const list = state.commandsFor(guildId);
		const index = list.findIndex((c) => c.id === ctx.params.command_id);
		const command = list[index];
		if (!command) throw Errors.unknownCommand();
		if (ctx.method === 'delete') {
			list.splice(index, 1);
			return { status: 204 };
		}
		return { status: 200, body: command };
	};

	const guildFor = (ctx: RouteContext) => {
		const guild = state.guilds.get(ctx.params.guild_id ?? '');
		if (!guild) throw Errors.unknownGuild();
		if (!guild.botPresent) throw Errors.missingAccess();
		return guild;
	};

	return [
		{
			method: 'get',
			template: '/gateway/bot',
			auth: true,
			handle: () => {
				const result: RESTGetAPIGatewayBotResult = {
					url: `${deps.origin().replace(/^http/, 'ws')}/gateway`,
					shards: deps.recommendedShards,
					session_start_limit: {
						total: 1000,
						remaining: Math.max(0, 1000 - gateway.counts.identify),
						reset_after: 14_400_000,
						max_concurrency: 1,
					},
				};
				return { status: 200, body: result };
			},
		},
		{
			method: 'get',
			template: '/gateway',
			auth: false,
			handle: () => ({ status: 200, body: { url: `${deps.origin().replace(/^http/, 'ws')}/gateway` } }),
		},
		{ method: 'get', template: '/users/@me', auth: true, handle: () => ({ status: 200, body: state.botUser }) },
		{
			method: 'get',
			template: '/applications/@me',
			auth: true,
			handle: () => ({
				status: 200,
				body: {
					id: state.applicationId,
					name: state.botUser.username,
					icon: null,
					description: '',
					bot_public: true,
					bot_require_code_grant: false,
					verify_key: '0'.repeat(64),
					flags: 0,
					bot: state.botUser,
					owner: state.users.get(state.defaultUser.id),
				},
			}),
		},
		{
			method: 'get',
			template: '/applications/{application_id}/commands',
			auth: true,
			handle: (ctx) => ({ status: 200, body: state.commandsFor(commandScope(ctx)) }),
		},
		{
			method: 'put',
			template: '/applications/{application_id}/commands',
			auth: true,
			limits: (ctx) => checkCommandListLimits(ctx.body),
			handle: putCommands,
		},
		{
			method: 'post',
			template: '/applications/{application_id}/commands',
			auth: true,
			limits: (ctx) => checkCommandLimits(ctx.body, []),
			handle: postCommand,
		},
		{
			method: 'get',
			template: '/applications/{application_id}/commands/{command_id}',
			auth: true,
			handle: commandById,
		},
		{
			method: 'delete',
			template: '/applications/{application_id}/commands/{command_id}',
			auth: true,
			handle: commandById,
		},
		{
			method: 'get',
			template: '/applications/{application_id}/guilds/{guild_id}/commands',
			auth: true,
			handle: (ctx) => ({ status: 200, body: state.commandsFor(commandScope(ctx)) }),
		},
		{
			method: 'put',
			template: '/applications/{application_id}/guilds/{guild_id}/commands',
			auth: true,
			limits: (ctx) => checkCommandListLimits(ctx.body),
			handle: putCommands,
		},
		{
			method: 'post',
			template: '/applications/{application_id}/guilds/{guild_id}/commands',
			auth: true,
			limits: (ctx) => checkCommandLimits(ctx.body, []),
			handle: postCommand,
		},
		{
			method: 'get',
			template: '/applications/{application_id}/guilds/{guild_id}/commands/{command_id}',
			auth: true,
			handle: commandById,
		},
		{
			method: 'delete',
			template: '/applications/{application_id}/guilds/{guild_id}/commands/{command_id}',
			auth: true,
			handle: commandById,
		},
		{
			method: 'post',
			template: '/interactions/{interaction_id}/{interaction_token}/callback',
			auth: false,
			limits: (ctx) => {
				const body = asRecord(ctx.body);
				switch (body.type) {
					case InteractionResponseType.ApplicationCommandAutocompleteResult:
						return checkAutocompleteLimits(body.data, ['data']);
					case InteractionResponseType.ChannelMessageWithSource:
					case InteractionResponseType.UpdateMessage:
						return checkMessageLimits(body.data, ['data']);
					default:
						return [];
				}
			},
			handle: handleCallback,
		},
		{
			method: 'post',
			template: '/webhooks/{webhook_id}/{webhook_token}',
			auth: false,
			limits: messageLimits,
			handle: handleFollowUp,
		},
		{
			method: 'get',
			template: '/webhooks/{webhook_id}/{webhook_token}/messages/@original',
			auth: false,
			handle: handleWebhookMessage,
		},
		{
			method: 'patch',
			template: '/webhooks/{webhook_id}/{webhook_token}/messages/@original',
			auth: false,
			limits: messageLimits,
			handle: handleWebhookMessage,
		},
		{
			method: 'delete',
			template: '/webhooks/{webhook_id}/{webhook_token}/messages/@original',
			auth: false,
			handle: handleWebhookMessage,
		},
		{
			method: 'get',
			template: '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
			auth: false,
			handle: handleWebhookMessage,
		},
		{
			method: 'patch',
			template: '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
			auth: false,
			limits: messageLimits,
			handle: handleWebhookMessage,
		},
		{
			method: 'delete',
			template: '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
			auth: false,
			handle: handleWebhookMessage,
		},
		{ method: 'get', template: '/channels/{channel_id}', auth: true, handle: handleChannel },
		{ method: 'delete', template: '/channels/{channel_id}', auth: true, handle: handleChannel },
		{ method: 'get', template: '/channels/{channel_id}/messages', auth: true, handle: listMessages },
		{
			method: 'post',
			template: '/channels/{channel_id}/messages',
			auth: true,
			limits: messageLimits,
			handle: handleCreateMessage,
		},
		{ method: 'get', template: '/channels/{channel_id}/messages/{message_id}', auth: true, handle: handleMessage },
		{
			method: 'patch',
			template: '/channels/{channel_id}/messages/{message_id}',
			auth: true,
			limits: messageLimits,
			handle: handleMessage,
		},
		{ method: 'delete', template: '/channels/{channel_id}/messages/{message_id}', auth: true, handle: handleMessage },
		{
			method: 'put',
			template: '/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me',
			auth: true,
			handle: ownReaction,
		},
		{
			method: 'delete',
			template: '/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me',
			auth: true,
			handle: ownReaction,
		},
		{
			method: 'post',
			template: '/channels/{channel_id}/typing',
			auth: true,
			handle: (ctx) => {
				const channel = visibleChannel(ctx.params.channel_id);
				requirePermissions(
					channel.id,
					isThread(channel) ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages,
				);
				return { status: 204 };
			},
		},
		{
			method: 'post',
			template: '/channels/{channel_id}/messages/{message_id}/crosspost',
			auth: true,
			handle: crosspost,
		},
		{
			method: 'post',
			template: '/channels/{channel_id}/messages/{message_id}/threads',
			auth: true,
			handle: handleThreadFromMessage,
		},
		{ method: 'post', template: '/channels/{channel_id}/threads', auth: true, handle: handleThreadWithoutMessage },
		{
			method: 'get',
			template: '/guilds/{guild_id}',
			auth: true,
			handle: (ctx) => ({ status: 200, body: state.guildCreatePayload(guildFor(ctx)) }),
		},
		{
			method: 'get',
			template: '/guilds/{guild_id}/channels',
			auth: true,
			handle: (ctx) => {
				const guild = guildFor(ctx);
				const channels = guild.channelIds
					.map((id) => state.channels.get(id))
					.filter((c): c is EmulatedChannel => c !== undefined);
				return { status: 200, body: channels.map((c) => state.snapshotChannel(c)) };
			},
		},
		{
			method: 'get',
			template: '/guilds/{guild_id}/threads/active',
			auth: true,
			handle: (ctx) => {
				const guild = guildFor(ctx);
				const threads = guild.threadIds
					.map((id) => state.channels.get(id))
					.filter((c): c is APIThreadChannel => c !== undefined && isThread(c) && c.thread_metadata?.archived !== true);
				const members = threads.map((t) => t.member).filter((m) => m !== undefined);
				return { status: 200, body: { threads: threads.map((t) => state.snapshotChannel(t)), members } };
			},
		},
		{
			method: 'get',
			template: '/guilds/{guild_id}/roles',
			auth: true,
			handle: (ctx) => ({ status: 200, body: [...guildFor(ctx).roles.values()] }),
		},
		{
			method: 'get',
			template: '/guilds/{guild_id}/members/{user_id}',
			auth: true,
			handle: (ctx) => {
				const member = guildFor(ctx).members.get(ctx.params.user_id ?? '');
				if (!member) throw Errors.unknownMember();
				return { status: 200, body: state.memberPayload(member) };
			},
		},
	];
}

/**
 * Deletes a channel (or thread) and tells the gateway, as Discord does when a channel goes away.
 *
 * @param state - emulator state
 * @param gateway - the gateway to notify
 * @param channelId - the channel to delete
 * @returns the deleted channel
 */
export function deleteChannel(state: EmulatorState, gateway: Gateway, channelId: string): EmulatedChannel {
	const channel = state.requireChannel(channelId);
	state.channels.delete(channelId);
	state.deletedChannels.add(channelId);
	const guild = state.guilds.get(channel.guild_id ?? '');
	if (guild) {
		const list = isThread(channel) ? guild.threadIds : guild.channelIds;
		const index = list.indexOf(channelId);
		if (index !== -1) list.splice(index, 1);
	}
	if (isThread(channel)) {
		gateway.dispatch(
			GatewayDispatchEvents.ThreadDelete,
			{ id: channel.id, guild_id: channel.guild_id, parent_id: channel.parent_id, type: channel.type },
			{ guildId: channel.guild_id, intent: GatewayIntentBits.Guilds },
		);
	} else {
		gateway.dispatch(GatewayDispatchEvents.ChannelDelete, state.snapshotChannel(channel), {
			guildId: channel.guild_id,
			intent: GatewayIntentBits.Guilds,
		});
		for (const thread of state.threads) {
			if (thread.parent_id === channelId) deleteChannel(state, gateway, thread.id);
		}
	}
	return channel;
}

function invalidResponseType(type: number, interactionType: InteractionType): DiscordHttpError {
	return new DiscordHttpError(400, 50035, 'Invalid Form Body', {
		errors: toDiscordErrors([
			{
				path: ['type'],
				code: 'INTERACTION_RESPONSE_TYPE_INVALID',
				message: `Interaction response type ${type} is not valid for interaction type ${interactionType}.`,
			},
		]),
	});
}

/**
 * Registers commands as a bulk overwrite would, without a request (for seeding).
 *
 * @param state - emulator state
 * @param commands - command bodies as the bot would PUT them
 * @param guildId - a guild, or undefined for global commands
 * @returns the registered commands
 */
export function registerCommands(
	state: EmulatorState,
	commands: readonly unknown[],
	guildId: string | undefined,
): APIApplicationCommand[] {
	const list = state.commandsFor(guildId);
	const next = commands.filter(isRecord).map((body) => toCommand(state, body, guildId, list));
	list.splice(0, list.length, ...next);
	return next;
}

/**
 * Archives or reopens a thread and sends THREAD_UPDATE, as Discord does.
 *
 * @param state - emulator state
 * @param gateway - the gateway to notify
 * @param threadId - the thread
 * @param archived - the new archived state
 * @param locked - whether it is locked (only moderators may reopen it)
 * @returns the thread
 */
export function setThreadArchived(
	state: EmulatorState,
	gateway: Gateway,
	threadId: string,
	archived: boolean,
	locked: boolean,
): APIThreadChannel {
	const thread = state.requireChannel(threadId);
	if (!isThread(thread) || !thread.thread_metadata) throw new Error(`Emulator: ${threadId} is not a thread`);
	thread.thread_metadata = { ...thread.thread_metadata, archived, locked, archive_timestamp: new Date().toISOString() };
	gateway.dispatch(GatewayDispatchEvents.ThreadUpdate, state.snapshotChannel(thread), {
		guildId: thread.guild_id,
		intent: GatewayIntentBits.Guilds,
	});
	return thread;
}

function threadDuration(minutes: number): ThreadAutoArchiveDuration {
	const durations: readonly ThreadAutoArchiveDuration[] = [60, 1440, 4320, 10080];
	return durations.find((d) => d === minutes) ?? 1440;
}

function isOptionList(value: unknown): value is APIApplicationCommandOption[] {
	return (
		Array.isArray(value) && value.every((o) => isRecord(o) && typeof o.type === 'number' && typeof o.name === 'string')
	);
}

function toCommand(
	state: EmulatorState,
	body: Record<string, unknown>,
	guildId: string | undefined,
	existing: readonly APIApplicationCommand[],
): APIApplicationCommand {
	const type = Number(body.type ?? ApplicationCommandType.ChatInput);
	const commandType =
		[
			ApplicationCommandType.ChatInput,
			ApplicationCommandType.User,
			ApplicationCommandType.Message,
			ApplicationCommandType.PrimaryEntryPoint,
		].find((t) => t === type) ?? ApplicationCommandType.ChatInput;
	const name = String(body.name);
	const previous = existing.find((c) => c.name === name && c.type === commandType);
	const permissions = body.default_member_permissions;
	return {
		id: previous?.id ?? state.ids.next(),
		application_id: state.applicationId,
		version: state.ids.next(),
		default_member_permissions: permissions === null || permissions === undefined ? null : String(permissions),
		type: commandType,
		name,
		...(isRecord(body.name_localizations)
			? {
					name_localizations: Object.fromEntries(
						Object.entries(body.name_localizations).map(([k, v]) => [k, String(v)]),
					),
				}
			: {}),
		description: typeof body.description === 'string' ? body.description : '',
		...(isRecord(body.description_localizations)
			? {
					description_localizations: Object.fromEntries(
						Object.entries(body.description_localizations).map(([k, v]) => [k, String(v)]),
					),
				}
			: {}),
		...(guildId !== undefined ? { guild_id: guildId } : {}),
		...(isOptionList(body.options) && body.options.length > 0 ? { options: body.options } : {}),
		nsfw: body.nsfw === true,
		integration_types: Array.isArray(body.integration_types)
			? body.integration_types.map(Number)
			: [ApplicationIntegrationType.GuildInstall],
		contexts: Array.isArray(body.contexts) ? body.contexts.map(Number) : null,
	};
}
