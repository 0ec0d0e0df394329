import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
	GatewayDispatchEvents,
	GatewayIntentBits,
	InteractionResponseType,
	type APIApplicationCommand,
	type APIApplicationCommandAutocompleteGuildInteraction,
	type APIChatInputApplicationCommandGuildInteraction,
	type APIInteraction,
	type APIMessage,
	type APIMessageComponentButtonInteraction,
	type APIMessageComponentSelectMenuInteraction,
	type APIModalSubmitGuildInteraction,
	type APIRole,
	type GatewayIntentBits as IntentBits,
} from 'discord-api-types/v10';
import { Gateway } from './gateway.js';
import { DiscordHttpError, Errors, parseBody, readBody, sendJson } from './http.js';
import {
	buildAutocomplete,
	buildButton,
	buildChatInput,
	buildModalSubmit,
	buildSelect,
	type AutocompleteInjection,
	type ButtonInjection,
	type ChatInputInjection,
	type ModalSubmitInjection,
	type SelectInjection,
} from './interactions.js';
import { mergeIssues } from './limits.js';
import { loadOpenApi, validateRequestBody, type OpenApiDocument } from './openapi.js';
import { ALL_PERMISSIONS } from './permissions.js';
import { RateLimiter } from './rate-limits.js';
import {
	buildRoutes,
	setThreadArchived,
	deleteChannel,
	registerCommands,
	type InteractionRecord,
	type RouteContext,
	type RouteDefinition,
} from './routes.js';
import { toDiscordErrors } from './schema-validator.js';
import { isSnowflake, SnowflakeGenerator } from './snowflake.js';
import { EmulatorState, type EmulatedGuild, type EmulatedGuildChannel } from './state.js';
import type {
	ChannelSeed,
	EmulatorOptions,
	FaultOptions,
	GuildSeed,
	InjectedInteraction,
	MemberSeed,
	RecordedCallback,
	RecordedRequest,
	RequestMatcher,
	RoleSeed,
} from './types.js';

interface CompiledRoute {
	readonly definition: RouteDefinition;
	readonly pattern: RegExp;
	readonly params: readonly string[];
}

// Path parameters that are not snowflakes.
const FREE_PARAMS = new Set(['interaction_token', 'webhook_token', 'emoji_name']);

/**
 * A local Discord: one HTTP + WebSocket server on 127.0.0.1 that the unmodified discord.js
 * client can log in to. Start it with {@link startEmulator}.
 */
export class Emulator {
	/** Everything the emulator knows and recorded: guilds, channels, messages, threads, commands, requests, callbacks. */
	public readonly state: EmulatorState;
	readonly #server: Server;
	readonly #gateway: Gateway;
	readonly #limiter = new RateLimiter();
	readonly #spec: OpenApiDocument;
	readonly #routes: CompiledRoute[];
	readonly #interactions = new Map<string, InteractionRecord>();
	readonly #interactionsByToken = new Map<string, InteractionRecord>();
	readonly #timers = new Set<NodeJS.Timeout>();
	/** Rejecters of callbacks still awaited, so stop() can release waiting tests. */
	readonly #pending = new Set<(error: Error) => void>();
	readonly #options: EmulatorOptions;
	#port = 0;
	#stopped = false;

	/** @internal use {@link startEmulator} */
	public constructor(options: EmulatorOptions) {
		this.#options = options;
		const applicationId = options.applicationId ?? new SnowflakeGenerator(2).next();
		// Real tokens are base64(user id) + timestamp + HMAC; the shape matters only for logs.
		const token =
			options.token ??
			`${Buffer.from(applicationId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`;
		const state = new EmulatorState(applicationId, token, options.botUsername ?? 'Letterday');
		this.state = state;
		for (const seed of options.guilds ?? [{}]) state.addGuild(seed);
		if (options.commands?.global) registerCommands(state, options.commands.global, undefined);
		for (const [guildId, commands] of Object.entries(options.commands?.guilds ?? {}))
			registerCommands(state, commands, guildId);
		this.#spec = loadOpenApi();
		this.#gateway = new Gateway(state, {
			heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
			allowedPrivilegedIntents:
				options.allowedPrivilegedIntents ??
				GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent,
			resumeBufferSize: options.resumeBufferSize ?? 50_000,
			resumeUrl: () => `ws://127.0.0.1:${this.#port}/gateway`,
		});
		this.#routes = buildRoutes({
			state,
			gateway: this.#gateway,
			interactions: this.#interactions,
			interactionsByToken: this.#interactionsByToken,
			origin: () => this.origin,
			responseTimeoutMs: options.interactionResponseTimeoutMs ?? 3_000,
			recommendedShards: options.recommendedShards ?? 1,
		}).map(compileRoute);
		this.#server = createServer((request, response) => {
			void this.#handle(request, response);
		});
		this.#server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
			if (new URL(request.url ?? '/', 'http://localhost').pathname === '/gateway') {
				this.#gateway.handleUpgrade(request, socket, head);
			} else {
				socket.destroy();
			}
		});
	}

	/** Binds 127.0.0.1 on an ephemeral port; {@link startEmulator} calls it. */
	public async listen(): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			this.#server.once('error', reject);
			this.#server.listen(0, '127.0.0.1', () => resolve());
		});
		const address: AddressInfo | string | null = this.#server.address();
		if (address === null || typeof address === 'string') throw new Error('Emulator: no TCP address');
		this.#port = address.port;
	}

	/** `http://127.0.0.1:PORT`: the server origin. */
	public get origin(): string {
		return `http://127.0.0.1:${this.#port}`;
	}

	/** `http://127.0.0.1:PORT/api`: pass as `rest.api` to discord.js. */
	public get url(): string {
		return `${this.origin}/api`;
	}

	/** `ws://127.0.0.1:PORT/gateway`: what `GET /gateway/bot` advertises. */
	public get gatewayUrl(): string {
		return `ws://127.0.0.1:${this.#port}/gateway`;
	}

	/** The bot token the emulator accepts. */
	public get token(): string {
		return this.state.token;
	}

	/** The application id (also the bot user's id). */
	public get applicationId(): string {
		return this.state.applicationId;
	}

	/** Gateway counters: accepted IDENTIFYs and RESUMEs. */
	public get gatewayCounts(): Readonly<{ identify: number; resume: number }> {
		return this.#gateway.counts;
	}

	async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const receivedAt = performance.now();
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const method = (request.method ?? 'GET').toUpperCase();
		const attachment = /^\/attachments\/\d+\/(\d+)\//.exec(url.pathname);
		if (method === 'GET' && attachment) {
			const stored = this.state.attachments.get(attachment[1] ?? '');
			if (!stored) {
				sendJson(response, 404, { message: '404: Not Found', code: 0 }, {});
				return;
			}
			response.writeHead(200, {
				'Content-Type': stored.file.contentType,
				'Content-Length': stored.file.content.length,
			});
			response.end(stored.file.content);
			return;
		}
		// @discordjs/rest percent-encodes `@original`, so decode segments before routing.
		const versioned = /^\/api(?:\/v(\d+))?(\/.*)$/.exec(url.pathname);
		const path = (versioned?.[2] ?? url.pathname)
			.split('/')
			.map((segment) => safeDecode(segment))
			.join('/');
		const record: RecordedRequest = {
			method,
			path,
			route: undefined,
			query: url.searchParams,
			headers: { ...request.headers },
			body: undefined,
			files: [],
			receivedAt,
			status: 0,
			responseBody: undefined,
		};
		this.state.requests.push(record);
		for (const pending of this.#interactionsFor(path)) pending.requests.push(record);
		let headers: Record<string, string> = {};
		try {
			const raw = await readBody(request);
			if (!versioned) throw Errors.notFound(method, url.pathname);
			const parsed = await parseBody(request.headers['content-type'], raw);
			record.body = parsed.json;
			record.files = parsed.files;
			const delay = this.#limiter.takeDelay(method, path);
			if (delay !== undefined) await sleep(delay);
			const match = this.#match(method, path);
			if (!match) {
				headers = this.#limiter.consume(method, path, undefined, path).headers;
				throw Errors.notFound(method, path);
			}
			const { route, params } = match;
			const definition = route.definition;
			record.route = definition.template;
			const major =
				params.channel_id ??
				params.guild_id ??
				(params.webhook_id !== undefined ? `${params.webhook_id}/${params.webhook_token ?? ''}` : undefined);
			const fault = this.#limiter.takeFault(method, path);
			if (fault && (fault.status ?? 429) === 429) {
				headers = this.#limiter.faultHeaders(fault, method, definition.template);
				throw new DiscordHttpError(429, 0, 'You are being rate limited.', {
					retry_after: fault.retryAfter ?? 0.1,
					global: fault.global === true,
				});
			}
			const decision = this.#limiter.consume(method, definition.template, major, path);
			headers = decision.headers;
			if (fault) {
				const status = fault.status ?? 500;
				const text = fault.message ?? `${status}: ${status >= 500 ? 'Internal Server Error' : 'Error'}`;
				throw new DiscordHttpError(status, fault.code ?? 0, text);
			}
			if (decision.limited) {
				throw new DiscordHttpError(429, 0, 'You are being rate limited.', {
					retry_after: decision.limited.retryAfter,
					global: decision.limited.global,
				});
			}
			if (definition.auth && request.headers.authorization !== `Bot ${this.state.token}`) throw Errors.unauthorized();
			this.#checkParams(params);
			if (parsed.files.reduce((total, file) => total + file.content.length, 0) > 10_485_760) throw Errors.tooLarge();
			const ctx: RouteContext = {
				method: definition.method,
				path,
				params,
				query: url.searchParams,
				body: parsed.json,
				files: parsed.files,
				record,
			};
			const explicit = definition.limits ? definition.limits(ctx) : [];
			const issues = mergeIssues(
				explicit,
				validateRequestBody(this.#spec, definition.template, definition.method, parsed.json),
			);
			if (issues.length > 0)
				throw new DiscordHttpError(400, 50035, 'Invalid Form Body', { errors: toDiscordErrors(issues) });
			const reply = await definition.handle(ctx);
			record.status = reply.status;
			record.responseBody = reply.body;
			sendJson(response, reply.status, reply.status === 204 ? undefined : reply.body, headers);
			reply.after?.();
		} catch (error) {
			const failure =
				error instanceof DiscordHttpError
					? error
					: new DiscordHttpError(500, 0, `500: Internal Server Error (${String(error)})`);
			record.status = failure.status;
			record.responseBody = failure.body;
			sendJson(response, failure.status, failure.body, headers);
		}
	}

	#match(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | undefined {
		const lower = method.toLowerCase();
		for (const route of this.#routes) {
			if (route.definition.method !== lower) continue;
			const found = route.pattern.exec(path);
			if (!found) continue;
			const params: Record<string, string> = {};
			route.params.forEach((name, index) => {
				params[name] = found[index + 1] ?? '';
			});
			return { route, params };
		}
		return undefined;
	}

	#checkParams(params: Readonly<Record<string, string>>): void {
		const issues = Object.entries(params)
			.filter(([name, value]) => !FREE_PARAMS.has(name) && !isSnowflake(value) && !/^\d+$/.test(value))
			.map(([name, value]) => ({
				path: [name],
				code: 'NUMBER_TYPE_COERCE',
				message: `Value "${value}" is not snowflake.`,
			}));
		if (issues.length > 0)
			throw new DiscordHttpError(400, 50035, 'Invalid Form Body', { errors: toDiscordErrors(issues) });
	}

	#interactionsFor(path: string): InteractionRecord[] {
		const token = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(path)?.[1];
		const record = token === undefined ? undefined : this.#interactionsByToken.get(token);
		return record ? [record] : [];
	}

	#inject<T extends APIInteraction>(
		payload: T & { guild_id: string; channel_id: string },
		trigger?: InteractionRecord,
	): InjectedInteraction<T> {
		if (this.#stopped) throw new Error('Emulator: stopped');
		if (!this.#gateway.hasLiveSessionFor(payload.guild_id)) {
			throw new Error(
				`Emulator: no gateway session is connected for guild ${payload.guild_id}; wait for clientReady first`,
			);
		}
		let settle: (callback: RecordedCallback) => void = () => undefined;
		let fail: (error: Error) => void = () => undefined;
		const callback = new Promise<RecordedCallback>((resolve, reject) => {
			settle = resolve;
			fail = reject;
		});
		// A test that never awaits `callback` must not see an unhandled rejection.
		callback.catch(() => undefined);
		const timeoutMs = this.#options.interactionResponseTimeoutMs ?? 3_000;
		this.#pending.add(fail);
		const timer = setTimeout(() => {
			this.#timers.delete(timer);
			this.#pending.delete(fail);
			if (!record.acknowledged)
				fail(
					new Error(
						`Emulator: interaction ${payload.id} got no callback within ${timeoutMs} ms (Discord shows "This interaction failed")`,
					),
				);
		}, timeoutMs + 50);
		timer.unref();
		this.#timers.add(timer);
		const record: InteractionRecord & { payload: T } = {
			id: payload.id,
			token: payload.token,
			payload,
			guildId: payload.guild_id,
			channelId: payload.channel_id,
			sentAt: performance.now(),
			sentAtWall: Date.now(),
			callback,
			requests: [],
			originalMessageId: undefined,
			followUpIds: [],
			response: undefined,
			acknowledged: false,
			...(trigger ? { trigger } : {}),
			settle: (value) => {
				clearTimeout(timer);
				this.#timers.delete(timer);
				this.#pending.delete(fail);
				record.response = value;
				settle(value);
			},
		};
		this.#interactions.set(record.id, record);
		this.#interactionsByToken.set(record.token, record);
		const { writtenAt } = this.#gateway.dispatchTimed(GatewayDispatchEvents.InteractionCreate, payload, {
			guildId: payload.guild_id,
		});
		// The latency clock starts at the socket write, after the emulator serialised the frame.
		if (writtenAt !== undefined) record.sentAt = writtenAt;
		return record;
	}

	/**
	 * Sends a chat-input command as a member would type it.
	 *
	 * @param injection - guild/channel/user (all optional), command name, subcommand, options by name
	 * @returns ids, the exact payload, send time and a promise for the first callback
	 */
	public injectChatInput(
		injection: ChatInputInjection,
	): InjectedInteraction<APIChatInputApplicationCommandGuildInteraction> {
		return this.#inject(buildChatInput(this.state, injection));
	}

	/**
	 * Sends an autocomplete request for the `focused` option.
	 *
	 * @param injection - as for chat input, plus the focused option name
	 * @returns ids, payload and a promise for the callback (type 8 with `data.choices`)
	 */
	public injectAutocomplete(
		injection: AutocompleteInjection,
	): InjectedInteraction<APIApplicationCommandAutocompleteGuildInteraction> {
		const payload = buildAutocomplete(this.state, injection);
		return this.#inject({ ...payload, channel_id: payload.channel_id ?? '' });
	}

	/**
	 * Presses a button on a stored message.
	 *
	 * @param injection - the message (or id), the button's custom id, optionally the user
	 * @returns ids, payload and a promise for the callback
	 */
	public injectButton(injection: ButtonInjection): InjectedInteraction<APIMessageComponentButtonInteraction> {
		const payload = buildButton(this.state, injection);
		return this.#inject({ ...payload, guild_id: payload.guild_id ?? '', channel_id: payload.channel_id });
	}

	/**
	 * Picks values in a string select on a stored message.
	 *
	 * @param injection - the message, the select's custom id and the values
	 * @returns ids, payload and a promise for the callback
	 */
	public injectSelect(injection: SelectInjection): InjectedInteraction<APIMessageComponentSelectMenuInteraction> {
		const payload = buildSelect(this.state, injection);
		return this.#inject({ ...payload, guild_id: payload.guild_id ?? '', channel_id: payload.channel_id });
	}

	/**
	 * Submits the modal the bot opened (callback type 9) in answer to an earlier interaction.
	 *
	 * @param injection - the interaction answered with the modal, and values by input custom id
	 * @returns ids, payload and a promise for the callback
	 * @throws when that interaction was not answered with a modal, or a required input is missing
	 */
	public injectModalSubmit(injection: ModalSubmitInjection): InjectedInteraction<APIModalSubmitGuildInteraction> {
		const trigger = this.#interactions.get(injection.interaction.id);
		const modal = trigger?.response;
		if (!trigger || modal?.type !== InteractionResponseType.Modal) {
			throw new Error(`Emulator: interaction ${injection.interaction.id} was not answered with a modal`);
		}
		const payload = buildModalSubmit(this.state, trigger.payload, modal.data, injection);
		return this.#inject({ ...payload, channel_id: payload.channel_id ?? '' }, trigger);
	}

	/**
	 * Timings of every injected interaction, for latency benchmarks: when the payload went out
	 * on the gateway and when its first callback request arrived (`performance.now()` values).
	 *
	 * @returns one entry per interaction, in injection order; `latencyMs` is undefined while unanswered
	 */
	public interactionTimings(): {
		id: string;
		sentAt: number;
		callbackAt: number | undefined;
		latencyMs: number | undefined;
	}[] {
		return [...this.#interactions.values()].map((record) => {
			const callbackAt = record.response?.receivedAt;
			return {
				id: record.id,
				sentAt: record.sentAt,
				callbackAt,
				latencyMs: callbackAt === undefined ? undefined : callbackAt - record.sentAt,
			};
		});
	}

	/**
	 * @param id - an injected interaction's id
	 * @returns its record (callbacks, follow-ups, `@original`)
	 */
	public interaction(id: string): InjectedInteraction | undefined {
		return this.#interactions.get(id);
	}

	/**
	 * Answers the next matching request(s) with a failure instead: a 429 (route or global, with
	 * Discord's headers and body) by default, or any status such as 500/502.
	 *
	 * @param method - HTTP method or `*`
	 * @param path - a regex or exact decoded path (after `/api/v10`)
	 * @param fault - status, retry-after seconds, global flag, error code, repeat count
	 */
	public failNext(method: RequestMatcher['method'], path: RegExp | string, fault: FaultOptions = {}): void {
		this.#limiter.addFault({ method, path }, fault);
	}

	/**
	 * Delays the next matching request(s) before they are handled.
	 *
	 * @param method - HTTP method or `*`
	 * @param path - a regex or exact decoded path
	 * @param delayMs - how long
	 * @param times - how many requests; defaults to 1
	 */
	public slowNext(method: RequestMatcher['method'], path: RegExp | string, delayMs: number, times = 1): void {
		this.#limiter.addDelay({ method, path }, delayMs, times);
	}

	/**
	 * Makes the next matching success report `X-RateLimit-Remaining: 0` and really exhausts the
	 * bucket for `resetAfter` seconds, so a well-behaved client waits instead of getting a 429.
	 *
	 * @param method - HTTP method or `*`
	 * @param path - a regex or exact decoded path
	 * @param resetAfter - seconds
	 */
	public exhaustNext(method: RequestMatcher['method'], path: RegExp | string, resetAfter: number): void {
		this.#limiter.addExhaust({ method, path }, resetAfter);
	}

	/**
	 * Switches on the global limit (interaction callbacks and webhooks are exempt, as on Discord).
	 *
	 * @param perSecond - requests per window; defaults to Discord's 50
	 * @param windowMs - the sliding window; defaults to Discord's one second (shorten it to keep a test fast)
	 */
	public enableGlobalRateLimit(perSecond = 50, windowMs = 1_000): void {
		this.#limiter.enableGlobal(perSecond, windowMs);
	}

	/** Switches the global limit off again. */
	public disableGlobalRateLimit(): void {
		this.#limiter.disableGlobal();
	}

	/**
	 * Switches on a per-channel limit on every `/channels/{id}/…` route.
	 *
	 * @param options - requests per window and window length; defaults to 5 per 5 s
	 */
	public enablePerChannelRateLimit(options: { readonly limit?: number; readonly windowMs?: number } = {}): void {
		this.#limiter.enablePerChannel(options.limit ?? 5, options.windowMs ?? 5_000);
	}

	/** Switches the per-channel limit off again (and forgets bucket counts). */
	public disablePerChannelRateLimit(): void {
		this.#limiter.disablePerChannel();
	}

	/**
	 * Drops the gateway connection(s): abruptly by default (the client then RESUMEs), or with
	 * a close code.
	 *
	 * @param code - optional close code
	 */
	public dropGateway(code?: number): void {
		this.#gateway.drop(code);
	}

	/**
	 * Sends INVALID_SESSION; with `resumable` false (default) the session is gone and the client
	 * must IDENTIFY again.
	 *
	 * @param resumable - the `d` of op 9
	 */
	public invalidateSession(resumable = false): void {
		this.#gateway.invalidateSessions(resumable);
	}

	/** Sends RECONNECT (op 7); the client reconnects and RESUMEs (about 500 ms in @discordjs/ws). */
	public reconnect(): void {
		this.#gateway.requestReconnect();
	}

	/**
	 * @param withhold - while true, heartbeats go unanswered (a zombie connection)
	 */
	public withholdHeartbeatAcks(withhold: boolean): void {
		this.#gateway.withholdHeartbeatAcks = withhold;
	}

	/**
	 * Sends any dispatch event to the sessions that should see it.
	 *
	 * @param t - event name
	 * @param d - event data
	 * @param scope - guild (for shard routing) and required intent
	 * @returns how many sessions got it
	 */
	public dispatch(
		t: string,
		d: unknown,
		scope: { readonly guildId?: string; readonly intent?: IntentBits } = {},
	): number {
		return this.#gateway.dispatch(t, d, scope);
	}

	/**
	 * Adds a guild (the bot joins it): GUILD_CREATE is sent.
	 *
	 * @param seed - the guild
	 * @returns the guild
	 */
	public addGuild(seed: GuildSeed = {}): EmulatedGuild {
		const guild = this.state.addGuild(seed);
		this.#gateway.dispatch(GatewayDispatchEvents.GuildCreate, this.state.guildCreatePayload(guild), {
			guildId: guild.id,
			intent: GatewayIntentBits.Guilds,
		});
		return guild;
	}

	/**
	 * Removes the bot from a guild: GUILD_DELETE without `unavailable`, and its routes answer 403.
	 *
	 * @param guildId - the guild
	 */
	public removeGuild(guildId: string): void {
		const guild = this.state.requireGuild(guildId);
		guild.botPresent = false;
		this.#gateway.dispatch(
			GatewayDispatchEvents.GuildDelete,
			{ id: guildId },
			{ guildId, intent: GatewayIntentBits.Guilds },
		);
	}

	/**
	 * Simulates an outage: GUILD_DELETE with `unavailable: true`.
	 *
	 * @param guildId - the guild
	 */
	public guildOutage(guildId: string): void {
		const guild = this.state.requireGuild(guildId);
		guild.unavailable = true;
		this.#gateway.dispatch(
			GatewayDispatchEvents.GuildDelete,
			{ id: guildId, unavailable: true },
			{ guildId, intent: GatewayIntentBits.Guilds },
		);
	}

	/**
	 * Ends an outage: GUILD_CREATE again.
	 *
	 * @param guildId - the guild
	 */
	public restoreGuild(guildId: string): void {
		const guild = this.state.requireGuild(guildId);
		guild.unavailable = false;
		this.#gateway.dispatch(GatewayDispatchEvents.GuildCreate, this.state.guildCreatePayload(guild), {
			guildId,
			intent: GatewayIntentBits.Guilds,
		});
	}

	/**
	 * Creates a channel: CHANNEL_CREATE is sent.
	 *
	 * @param guildId - the guild
	 * @param seed - the channel
	 * @returns the channel
	 */
	public addChannel(guildId: string, seed: ChannelSeed = {}): EmulatedGuildChannel {
		const channel = this.state.addChannel(guildId, seed);
		this.#gateway.dispatch(GatewayDispatchEvents.ChannelCreate, this.state.snapshotChannel(channel), {
			guildId,
			intent: GatewayIntentBits.Guilds,
		});
		return channel;
	}

	/**
	 * Deletes a channel or thread (someone else did it): CHANNEL_DELETE / THREAD_DELETE is sent,
	 * and `GET /channels/{id}` answers 404 / 10003 from now on.
	 *
	 * @param channelId - the channel
	 */
	public deleteChannel(channelId: string): void {
		deleteChannel(this.state, this.#gateway, channelId);
	}

	/**
	 * Archives (or reopens) a thread, as Discord's auto-archive or a moderator would:
	 * THREAD_UPDATE is sent. A bot message to an archived thread reopens it unless it is locked.
	 *
	 * @param threadId - the thread
	 * @param options - `locked` to lock it too; `archived: false` to reopen
	 */
	public archiveThread(
		threadId: string,
		options: { readonly locked?: boolean; readonly archived?: boolean } = {},
	): void {
		setThreadArchived(this.state, this.#gateway, threadId, options.archived ?? true, options.locked ?? false);
	}

	/** The REST routes served, as method and the spec's path template. */
	public get routes(): readonly { readonly method: string; readonly template: string }[] {
		return this.#routes.map((route) => ({ method: route.definition.method, template: route.definition.template }));
	}

	/**
	 * Sets the bot's effective permissions in a channel with a member overwrite, and sends
	 * CHANNEL_UPDATE so discord.js's `permissionsFor` agrees.
	 *
	 * @param channelId - a guild channel (a thread's parent is changed)
	 * @param bits - the permissions the bot should have there
	 */
	public setBotPermissions(channelId: string, bits: bigint): void {
		const channel = this.state.setBotOverwrite(channelId, bits);
		this.#gateway.dispatch(GatewayDispatchEvents.ChannelUpdate, this.state.snapshotChannel(channel), {
			guildId: channel.guild_id,
			intent: GatewayIntentBits.Guilds,
		});
	}

	/**
	 * Takes permissions away from the bot in one channel, keeping the rest.
	 *
	 * @param channelId - a guild channel
	 * @param bits - the permissions to deny, e.g. `PermissionFlagsBits.SendMessages`
	 */
	public denyBotPermissions(channelId: string, bits: bigint): void {
		this.setBotPermissions(channelId, this.state.botPermissionsIn(channelId) & ~bits & ALL_PERMISSIONS);
	}

	/**
	 * Sets the permissions of the bot's managed role (guild-wide): GUILD_ROLE_UPDATE is sent.
	 *
	 * @param guildId - the guild
	 * @param bits - the role's permissions
	 */
	public setBotGuildPermissions(guildId: string, bits: bigint): void {
		const guild = this.state.requireGuild(guildId);
		const role = guild.roles.get(guild.botRoleId);
		if (!role) throw new Error('Emulator: bot role missing');
		role.permissions = bits.toString();
		this.#gateway.dispatch(
			GatewayDispatchEvents.GuildRoleUpdate,
			{ guild_id: guildId, role },
			{ guildId, intent: GatewayIntentBits.Guilds },
		);
	}

	/**
	 * Adds a role: GUILD_ROLE_CREATE is sent.
	 *
	 * @param guildId - the guild
	 * @param seed - the role
	 * @returns the role
	 */
	public addRole(guildId: string, seed: RoleSeed = {}): APIRole {
		const role = this.state.addRole(guildId, seed);
		this.#gateway.dispatch(
			GatewayDispatchEvents.GuildRoleCreate,
			{ guild_id: guildId, role },
			{ guildId, intent: GatewayIntentBits.Guilds },
		);
		return role;
	}

	/**
	 * Adds a member (no event: GUILD_MEMBER_ADD needs a privileged intent the bot does not use).
	 *
	 * @param guildId - the guild
	 * @param seed - the member
	 * @returns the user id
	 */
	public addMember(guildId: string, seed: MemberSeed = {}): string {
		return this.state.addMember(guildId, seed).userId;
	}

	/**
	 * Posts a message as a (non-bot) user, e.g. to start a thread from or reply to.
	 *
	 * @param channelId - the channel
	 * @param content - message text
	 * @param userId - defaults to the default member
	 * @returns the stored message
	 */
	public postUserMessage(channelId: string, content: string, userId: string = this.state.defaultUser.id): APIMessage {
		const channel = this.state.requireChannel(channelId);
		const message = this.state.createMessage({
			channelId,
			author: this.state.ensureUser(userId),
			payload: { content },
			files: [],
			baseUrl: this.origin,
		});
		this.#gateway.dispatch(
			GatewayDispatchEvents.MessageCreate,
			{ ...this.state.snapshot(message), guild_id: channel.guild_id },
			{ guildId: channel.guild_id, intent: GatewayIntentBits.GuildMessages },
		);
		return message;
	}

	/**
	 * @param channelId - a channel or thread
	 * @returns its messages, oldest first
	 */
	public messages(channelId: string): readonly APIMessage[] {
		return this.state.messagesIn(channelId);
	}

	/**
	 * @param method - HTTP method or `*`
	 * @param path - regex or exact decoded path
	 * @returns the recorded requests that match
	 */
	public requests(method: RequestMatcher['method'] = '*', path: RegExp | string = /.*/): RecordedRequest[] {
		return this.state.requests.filter(
			(r) =>
				(method === '*' || r.method === method.toUpperCase()) &&
				(typeof path === 'string' ? r.path === path : path.test(r.path)),
		);
	}

	/**
	 * @param guildId - a guild id, or undefined for global commands
	 * @returns the registered commands
	 */
	public commands(guildId?: string): readonly APIApplicationCommand[] {
		return guildId === undefined ? this.state.commands.global : (this.state.commands.guilds.get(guildId) ?? []);
	}

	/** @returns the first guild (handy in single-guild tests) */
	public get firstGuild(): EmulatedGuild {
		const guild = this.state.guilds.values().next().value;
		if (!guild) throw new Error('Emulator: no guilds');
		return guild;
	}

	/** @returns the first guild's first channel id */
	public get firstChannelId(): string {
		const id = this.firstGuild.channelIds[0];
		if (id === undefined) throw new Error('Emulator: first guild has no channel');
		return id;
	}

	/**
	 * Forgets what was recorded so far: the request, callback and gateway logs, messages (with
	 * their attachments and nonces) and every answered interaction, which can then no longer be
	 * followed up or edited. Guilds, channels, roles, members and commands stay. For long
	 * benchmarks: tens of thousands of kept records grow this process's heap, and its garbage
	 * collections then fall inside the latencies being measured.
	 */
	public forgetHistory(): void {
		const { state } = this;
		state.requests.length = 0;
		state.callbacks.length = 0;
		state.gatewayLog.length = 0;
		state.messages.clear();
		state.messageById.clear();
		state.attachments.clear();
		state.nonces.clear();
		for (const [id, record] of this.#interactions) {
			if (record.response === undefined) continue;
			this.#interactions.delete(id);
			this.#interactionsByToken.delete(record.token);
		}
	}

	/**
	 * Stops the server: terminates WebSocket clients, closes every HTTP connection, then closes
	 * the listener. Destroy discord.js clients first (see the harness), or @discordjs/ws keeps
	 * reconnecting.
	 */
	public async stop(): Promise<void> {
		if (this.#stopped) return;
		this.#stopped = true;
		for (const timer of this.#timers) clearTimeout(timer);
		for (const reject of this.#pending) reject(new Error('Emulator: stopped before the interaction was answered'));
		this.#pending.clear();
		this.#timers.clear();
		this.#gateway.close();
		this.#server.closeAllConnections();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
	}
}

function compileRoute(definition: RouteDefinition): CompiledRoute {
	const params: string[] = [];
	const source = definition.template
		.split('/')
		.map((segment) => {
			const param = /^\{(\w+)\}$/.exec(segment);
			if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			params.push(param[1]);
			return '([^/]+)';
		})
		.join('/');
	return { definition, pattern: new RegExp(`^${source}/?$`), params };
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/**
 * Starts an emulator on 127.0.0.1 with an ephemeral port.
 *
 * @param options - token, application id, guilds, commands, timings
 * @returns the running emulator
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const emulator = new Emulator(options);
	await emulator.listen();
	return emulator;
}
