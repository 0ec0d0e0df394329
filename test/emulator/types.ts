import type {
	APIApplicationCommand,
	APIInteraction,
	APIInteractionResponseCallbackData,
	APIMessage,
	APIOverwrite,
	APIUser,
	ChannelType,
	InteractionResponseType,
	RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { HttpMethod } from './openapi.js';

/** A channel to create in a guild at start-up or later. */
export interface ChannelSeed {
	/** Defaults to a fresh snowflake. */
	readonly id?: string;
	/** Defaults to `general` for the first channel, `channel-N` after. */
	readonly name?: string;
	/** Text (default), announcement or category. */
	readonly type?: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.GuildCategory;
	/** Explicit overwrites; use the `setBotPermissions` hook for the common bot cases. */
	readonly permissionOverwrites?: readonly APIOverwrite[];
	/** The category this channel sits in. */
	readonly parentId?: string;
	readonly topic?: string;
}

/** A role to create in a guild. */
export interface RoleSeed {
	readonly id?: string;
	readonly name?: string;
	/** Permission bits; defaults to none. */
	readonly permissions?: bigint;
}

/** A member (a user plus guild roles) to create in a guild. */
export interface MemberSeed {
	/** The user's id; the user is created if the emulator does not know it yet. */
	readonly id?: string;
	readonly username?: string;
	/** Role ids (the `@everyone` role is implicit). */
	readonly roles?: readonly string[];
	readonly nick?: string;
}

/** A guild the bot is in when the emulator starts (or that it joins later). */
export interface GuildSeed {
	readonly id?: string;
	readonly name?: string;
	/** Defaults to a generated user who is not the bot. */
	readonly ownerId?: string;
	/** Defaults to one text channel named `general`. */
	readonly channels?: readonly ChannelSeed[];
	readonly roles?: readonly RoleSeed[];
	readonly members?: readonly MemberSeed[];
	/** Permission bits of `@everyone`; defaults to Discord's usual defaults. */
	readonly everyonePermissions?: bigint;
	/** Permission bits of the bot's managed role; defaults to {@link DEFAULT_BOT_PERMISSIONS}. */
	readonly botPermissions?: bigint;
	readonly locale?: string;
}

/** Options for {@link startEmulator}. */
export interface EmulatorOptions {
	/** The bot token the emulator accepts; defaults to a generated one. */
	readonly token?: string;
	/** The application id (also the bot user's id, as for real bots); defaults to a snowflake. */
	readonly applicationId?: string;
	readonly botUsername?: string;
	/** Guilds the bot is in; defaults to one guild with one text channel. */
	readonly guilds?: readonly GuildSeed[];
	/** HELLO's heartbeat interval; defaults to Discord's 41250 ms. */
	readonly heartbeatIntervalMs?: number;
	/** The initial-response window of an interaction; defaults to Discord's 3000 ms. */
	readonly interactionResponseTimeoutMs?: number;
	/** `shards` in `GET /gateway/bot`; defaults to 1. */
	readonly recommendedShards?: number;
	/** Intents the application may use without being verified for them; defaults to all. */
	readonly allowedPrivilegedIntents?: number;
	/** Commands registered before the bot starts, as if deployed earlier. */
	readonly commands?: {
		readonly global?: RESTPutAPIApplicationCommandsJSONBody;
		readonly guilds?: Readonly<Record<string, RESTPutAPIApplicationCommandsJSONBody>>;
	};
	/** How many gateway payloads each session keeps for RESUME replay; defaults to 50 000. */
	readonly resumeBufferSize?: number;
}

/** A file part of a multipart request, as received. */
export interface RecordedFile {
	/** The form field name, e.g. `files[0]`. */
	readonly field: string;
	readonly filename: string;
	readonly contentType: string;
	readonly content: Buffer;
}

/** One HTTP request the emulator received, with its answer. */
export interface RecordedRequest {
	readonly method: string;
	/** The decoded path after `/api/vN`, e.g. `/channels/1234…/messages`. */
	readonly path: string;
	/** The matched spec template, e.g. `/channels/{channel_id}/messages`, or undefined if unknown. */
	route: string | undefined;
	readonly query: URLSearchParams;
	readonly headers: Readonly<Record<string, string | string[] | undefined>>;
	/** The decoded JSON body (`payload_json` for multipart), or undefined. */
	body: unknown;
	files: readonly RecordedFile[];
	/** `performance.now()` when the request arrived. */
	readonly receivedAt: number;
	status: number;
	responseBody: unknown;
}

/** One interaction callback (`POST /interactions/{id}/{token}/callback`). */
export interface RecordedCallback {
	readonly interactionId: string;
	readonly type: InteractionResponseType;
	/** The callback's `data` (message payload, autocomplete choices, modal). */
	readonly data: (APIInteractionResponseCallbackData & Record<string, unknown>) | undefined;
	readonly files: readonly RecordedFile[];
	/** `performance.now()` when the callback request arrived. */
	readonly receivedAt: number;
	/** The message created or updated by this callback, if any. */
	readonly message: APIMessage | undefined;
}

/** An interaction the emulator sent, and what became of it. */
export interface InjectedInteraction<T extends APIInteraction = APIInteraction> {
	readonly id: string;
	readonly token: string;
	/** The exact INTERACTION_CREATE payload sent. */
	readonly payload: T;
	/** `performance.now()` just before the payload was written to the gateway socket. */
	readonly sentAt: number;
	/**
	 * Resolves with the first callback; rejects if none arrives within the response window
	 * (3 s, as on Discord). A rejection nobody awaits is not reported as unhandled.
	 */
	readonly callback: Promise<RecordedCallback>;
	/** Every callback and webhook request made with this interaction's token, in order. */
	readonly requests: RecordedRequest[];
	/** `@original`, once the interaction was answered with a message (or its component message). */
	originalMessageId: string | undefined;
	/** Follow-up message ids, in order. */
	readonly followUpIds: string[];
	/** The first callback, once it arrived (the same value `callback` resolves with). */
	response: RecordedCallback | undefined;
}

/** A one-shot failure to answer instead of the real response. */
export interface FaultOptions {
	/** HTTP status; defaults to 429. */
	readonly status?: number;
	/** Seconds, for 429s; defaults to 0.1. */
	readonly retryAfter?: number;
	/** For 429s: a global rate limit rather than a route one. */
	readonly global?: boolean;
	/** Discord error code in the body (non-429). */
	readonly code?: number;
	readonly message?: string;
	/** How many matching requests to fail; defaults to 1. */
	readonly times?: number;
}

/** A fault or delay rule matched against method and decoded path (after `/api/vN`). */
export interface RequestMatcher {
	/** Upper- or lower-case method, or `*` for any. */
	readonly method: HttpMethod | Uppercase<HttpMethod> | '*';
	readonly path: RegExp | string;
}

/** Registered commands, global and per guild. */
export interface CommandRegistry {
	readonly global: APIApplicationCommand[];
	readonly guilds: Map<string, APIApplicationCommand[]>;
}

/** One gateway frame, either way. */
export interface GatewayLogEntry {
	readonly direction: 'in' | 'out';
	readonly op: number;
	readonly t: string | null;
	readonly at: number;
}

/** The bot user, as the emulator knows it. */
export type BotUser = APIUser & { bot: true };
