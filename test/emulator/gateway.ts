import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import {
	ApplicationFlags,
	GatewayCloseCodes,
	GatewayDispatchEvents,
	GatewayIntentBits,
	GatewayOpcodes,
	type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isRecord } from './schema-validator.js';
import type { EmulatorState } from './state.js';

/** Intents Discord gates behind the developer portal. */
const PRIVILEGED_INTENTS =
	GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

/** A gateway session: what RESUME needs to pick up where a dropped connection left off. */
export interface GatewaySession {
	readonly id: string;
	readonly shard: readonly [number, number];
	readonly intents: number;
	/** Last sequence number sent. */
	seq: number;
	/** The open socket, if any. */
	socket: WebSocket | undefined;
	/** Sent dispatch frames, oldest first, for replay on RESUME. */
	readonly buffer: { readonly s: number; readonly frame: string }[];
}

interface Connection {
	readonly socket: WebSocket;
	session: GatewaySession | undefined;
}

/** Options the gateway takes from the emulator. */
export interface GatewayOptions {
	readonly heartbeatIntervalMs: number;
	readonly allowedPrivilegedIntents: number;
	readonly resumeBufferSize: number;
	/** The URL READY advertises as `resume_gateway_url`. */
	readonly resumeUrl: () => string;
}

/**
 * The Gateway side of the emulator: HELLO, IDENTIFY (token, intents and shard checks), READY
 * plus one GUILD_CREATE per guild, heartbeat ACKs, RESUME with replay, and on-demand RECONNECT,
 * INVALID_SESSION and dropped connections.
 */
export class Gateway {
	readonly #state: EmulatorState;
	readonly #options: GatewayOptions;
	readonly #server = new WebSocketServer({ noServer: true, perMessageDeflate: false });
	readonly #connections = new Set<Connection>();
	/** Live sessions by id. */
	public readonly sessions = new Map<string, GatewaySession>();
	/** While true, heartbeats get no ACK, so the client sees a zombie connection. */
	public withholdHeartbeatAcks = false;
	/** How many IDENTIFYs and RESUMEs the gateway has accepted. */
	public readonly counts = { identify: 0, resume: 0 };
	/** `performance.now()` just before the latest dispatch frame was written to a socket. */
	#lastWriteAt: number | undefined;

	public constructor(state: EmulatorState, options: GatewayOptions) {
		this.#state = state;
		this.#options = options;
	}

	/**
	 * Takes over an HTTP upgrade for `/gateway`.
	 *
	 * @param request - the upgrade request
	 * @param socket - its socket
	 * @param head - bytes already read
	 */
	public handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
		this.#server.handleUpgrade(request, socket, head, (ws) =>
			this.#accept(ws, new URL(request.url ?? '/', 'http://localhost')),
		);
	}

	#accept(socket: WebSocket, url: URL): void {
		const connection: Connection = { socket, session: undefined };
		this.#connections.add(connection);
		socket.on('close', (code) => {
			this.#connections.delete(connection);
			const session = connection.session;
			if (!session || session.socket !== socket) return;
			session.socket = undefined;
			// Discord ends the session on a clean 1000/1001 close; anything else may RESUME.
			if (code === 1000 || code === 1001) this.sessions.delete(session.id);
		});
		socket.on('error', () => socket.terminate());
		const version = url.searchParams.get('v');
		if (version !== null && version !== '10' && version !== '9') {
			socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version.');
			return;
		}
		if ((url.searchParams.get('encoding') ?? 'json') !== 'json') {
			socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
			return;
		}
		this.#send(
			socket,
			{ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.#options.heartbeatIntervalMs } },
			null,
		);
		socket.on('message', (data) => this.#receive(connection, data));
	}

	#send(
		socket: WebSocket,
		payload: { op: GatewayOpcodes; d: unknown; t?: string; s?: number },
		t: string | null,
	): void {
		this.#log('out', payload.op, t);
		socket.send(JSON.stringify(payload));
	}

	#log(direction: 'in' | 'out', op: number, t: string | null): void {
		this.#state.gatewayLog.push({ direction, op, t, at: performance.now() });
	}

	#receive(connection: Connection, data: RawData): void {
		let payload: unknown;
		try {
			payload = JSON.parse(rawToString(data));
		} catch {
			connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
			return;
		}
		if (!isRecord(payload) || typeof payload.op !== 'number') {
			connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
			return;
		}
		this.#log('in', payload.op, null);
		const d = payload.d;
		switch (payload.op) {
			case GatewayOpcodes.Heartbeat:
				if (!this.withholdHeartbeatAcks)
					this.#send(connection.socket, { op: GatewayOpcodes.HeartbeatAck, d: null }, null);
				return;
			case GatewayOpcodes.Identify:
				this.#identify(connection, d);
				return;
			case GatewayOpcodes.Resume:
				this.#resume(connection, d);
				return;
			case GatewayOpcodes.PresenceUpdate:
			case GatewayOpcodes.VoiceStateUpdate:
			case GatewayOpcodes.RequestGuildMembers:
				if (!connection.session) connection.socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
				return;
			default:
				connection.socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
		}
	}

	#tokenMatches(token: unknown): boolean {
		return token === this.#state.token || token === `Bot ${this.#state.token}`;
	}

	#identify(connection: Connection, d: unknown): void {
		const socket = connection.socket;
		if (connection.session) {
			socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
			return;
		}
		if (!isRecord(d) || !this.#tokenMatches(d.token)) {
			socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
			return;
		}
		if (typeof d.intents !== 'number' && typeof d.intents !== 'string') {
			socket.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
			return;
		}
		const intents = Number(d.intents);
		if ((intents & PRIVILEGED_INTENTS & ~this.#options.allowedPrivilegedIntents) !== 0) {
			socket.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
			return;
		}
		const shardValue = Array.isArray(d.shard) ? d.shard : [0, 1];
		const shard: [number, number] = [Number(shardValue[0]), Number(shardValue[1])];
		if (
			!Number.isInteger(shard[0]) ||
			!Number.isInteger(shard[1]) ||
			shard[1] < 1 ||
			shard[0] < 0 ||
			shard[0] >= shard[1]
		) {
			socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
			return;
		}
		this.counts.identify += 1;
		const session: GatewaySession = {
			id: this.#state.ids.next().slice(-16),
			shard,
			intents,
			seq: 0,
			socket,
			buffer: [],
		};
		this.sessions.set(session.id, session);
		connection.session = session;

		const guilds = [...this.#state.guilds.values()].filter((guild) => guild.botPresent && inShard(guild.id, shard));
		const ready: GatewayReadyDispatchData = {
			v: 10,
			user: this.#state.botUser,
			guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
			session_id: session.id,
			resume_gateway_url: this.#options.resumeUrl(),
			shard,
			application: {
				id: this.#state.applicationId,
				flags: ApplicationFlags.GatewayPresenceLimited,
				flags_new: String(ApplicationFlags.GatewayPresenceLimited),
			},
		};
		this.#dispatchTo(session, GatewayDispatchEvents.Ready, ready);
		for (const guild of guilds) {
			if (!guild.unavailable)
				this.#dispatchTo(session, GatewayDispatchEvents.GuildCreate, this.#state.guildCreatePayload(guild));
		}
	}

	#resume(connection: Connection, d: unknown): void {
		const socket = connection.socket;
		const session = isRecord(d) && typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
		const seq = isRecord(d) && typeof d.seq === 'number' ? d.seq : -1;
		const oldest = session?.buffer[0]?.s ?? (session ? session.seq + 1 : 0);
		if (!isRecord(d) || !this.#tokenMatches(d.token) || !session || seq < oldest - 1 || seq > session.seq) {
			this.#send(socket, { op: GatewayOpcodes.InvalidSession, d: false }, null);
			return;
		}
		if (session.socket && session.socket !== socket) session.socket.terminate();
		session.socket = socket;
		connection.session = session;
		this.counts.resume += 1;
		for (const entry of session.buffer) {
			if (entry.s > seq) {
				this.#log('out', GatewayOpcodes.Dispatch, 'REPLAY');
				socket.send(entry.frame);
			}
		}
		this.#dispatchTo(session, GatewayDispatchEvents.Resumed, {});
	}

	#dispatchTo(session: GatewaySession, t: string, d: unknown): number {
		session.seq += 1;
		const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
		session.buffer.push({ s: session.seq, frame });
		if (session.buffer.length > this.#options.resumeBufferSize) session.buffer.shift();
		if (session.socket && session.socket.readyState === session.socket.OPEN) {
			this.#log('out', GatewayOpcodes.Dispatch, t);
			this.#lastWriteAt = performance.now();
			session.socket.send(frame);
		}
		return session.seq;
	}

	/**
	 * Sends a dispatch to every session that should see it, buffering it for sessions whose
	 * connection is currently down (so RESUME replays it).
	 *
	 * @param t - the event name
	 * @param d - the event data
	 * @param scope - the guild it concerns (for shard routing) and the intent it needs
	 * @returns how many sessions it went to
	 */
	public dispatch(
		t: string,
		d: unknown,
		scope: { readonly guildId?: string; readonly intent?: GatewayIntentBits } = {},
	): number {
		return this.dispatchTimed(t, d, scope).sent;
	}

	/**
	 * {@link dispatch}, also saying when the frame was written: `performance.now()` taken after it
	 * was serialised and buffered for RESUME, just before the first socket write, so a latency
	 * measured from it is the bot's and the wire's, not the emulator's own bookkeeping.
	 *
	 * @returns how many sessions it went to, and when it was first written (undefined if to none)
	 */
	public dispatchTimed(
		t: string,
		d: unknown,
		scope: { readonly guildId?: string; readonly intent?: GatewayIntentBits } = {},
	): { sent: number; writtenAt: number | undefined } {
		let writtenAt: number | undefined;
		let sent = 0;
		for (const session of this.sessions.values()) {
			if (scope.intent !== undefined && (session.intents & scope.intent) === 0) continue;
			if (scope.guildId !== undefined && !inShard(scope.guildId, session.shard)) continue;
			this.#lastWriteAt = undefined;
			this.#dispatchTo(session, t, d);
			writtenAt ??= this.#lastWriteAt;
			sent += 1;
		}
		return { sent, writtenAt };
	}

	/**
	 * @param guildId - the guild an event concerns
	 * @returns whether a session with an open socket would receive it now
	 */
	public hasLiveSessionFor(guildId: string | undefined): boolean {
		for (const session of this.sessions.values()) {
			if (session.socket?.readyState !== session.socket?.OPEN || !session.socket) continue;
			if (guildId === undefined || inShard(guildId, session.shard)) return true;
		}
		return false;
	}

	/**
	 * Drops every connection: abruptly (no close frame, as a network failure looks) by default,
	 * or with the given close code. Sessions stay resumable unless the code says otherwise.
	 *
	 * @param code - a close code, e.g. 4000 (resumable) or 4004 (fatal)
	 */
	public drop(code?: number): void {
		for (const connection of this.#connections) {
			if (code === undefined) connection.socket.terminate();
			else connection.socket.close(code);
		}
	}

	/**
	 * Sends INVALID_SESSION to every connection; when not resumable, the sessions are forgotten
	 * so a RESUME attempt fails too.
	 *
	 * @param resumable - the `d` of op 9
	 */
	public invalidateSessions(resumable: boolean): void {
		for (const connection of this.#connections) {
			const session = connection.session;
			this.#send(connection.socket, { op: GatewayOpcodes.InvalidSession, d: resumable }, null);
			if (!resumable && session) {
				this.sessions.delete(session.id);
				connection.session = undefined;
			}
		}
	}

	/** Sends RECONNECT (op 7) to every connection, as Discord does before moving a session. */
	public requestReconnect(): void {
		for (const connection of this.#connections)
			this.#send(connection.socket, { op: GatewayOpcodes.Reconnect, d: null }, null);
	}

	/** Terminates all sockets and stops accepting new ones. */
	public close(): void {
		for (const connection of this.#connections) connection.socket.terminate();
		this.#connections.clear();
		this.#server.close();
	}
}

/**
 * @param guildId - a guild id
 * @param shard - `[shard_id, num_shards]`
 * @returns whether the guild belongs to that shard (Discord's `(guild_id >> 22) % num_shards`)
 */
export function inShard(guildId: string, shard: readonly [number, number]): boolean {
	if (shard[1] === 1) return true;
	return Number((BigInt(guildId) >> 22n) % BigInt(shard[1])) === shard[0];
}

function rawToString(data: RawData): string {
	if (Buffer.isBuffer(data)) return data.toString('utf8');
	if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
	return Buffer.from(data).toString('utf8');
}
