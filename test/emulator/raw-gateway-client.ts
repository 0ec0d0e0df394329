import { GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import WebSocket from 'ws';
import { isRecord } from './schema-validator.js';

/** A received gateway frame, loosely typed for assertions. */
export interface RawFrame {
	readonly op: number;
	readonly t: string | null;
	readonly s: number | null;
	readonly d: unknown;
}

/**
 * A bare-bones gateway client for testing the emulator's gateway without discord.js: it
 * records every frame and lets a test await the next one that matches.
 */
export class RawGatewayClient {
	/** Every frame received, in order. */
	public readonly frames: RawFrame[] = [];
	/** Resolves with the close code once the server closes the socket. */
	public readonly closed: Promise<number>;
	readonly #socket: WebSocket;
	readonly #waiters: { match: (frame: RawFrame) => boolean; resolve: (frame: RawFrame) => void }[] = [];

	private constructor(socket: WebSocket) {
		this.#socket = socket;
		this.closed = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
		socket.on('message', (data) => {
			const parsed: unknown = JSON.parse(String(data));
			if (!isRecord(parsed) || typeof parsed.op !== 'number') return;
			const frame: RawFrame = {
				op: parsed.op,
				t: typeof parsed.t === 'string' ? parsed.t : null,
				s: typeof parsed.s === 'number' ? parsed.s : null,
				d: parsed.d,
			};
			this.frames.push(frame);
			for (const waiter of [...this.#waiters]) {
				if (waiter.match(frame)) {
					this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
					waiter.resolve(frame);
				}
			}
		});
	}

	/**
	 * @param url - the gateway URL, e.g. `emu.gatewayUrl`
	 * @returns a connected client (HELLO may already be in {@link RawGatewayClient.frames})
	 */
	public static async connect(url: string): Promise<RawGatewayClient> {
		const socket = new WebSocket(`${url}?v=10&encoding=json`);
		const client = new RawGatewayClient(socket);
		await new Promise<void>((resolve, reject) => {
			socket.once('open', () => resolve());
			socket.once('error', reject);
		});
		return client;
	}

	/**
	 * @param match - which frame
	 * @param timeoutMs - how long to wait
	 * @returns the first recorded or future frame that matches
	 */
	public next(match: (frame: RawFrame) => boolean, timeoutMs = 2_000): Promise<RawFrame> {
		const seen = this.frames.find(match);
		if (seen) return Promise.resolve(seen);
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('RawGatewayClient: no matching frame in time')), timeoutMs);
			this.#waiters.push({
				match,
				resolve: (frame) => {
					clearTimeout(timer);
					resolve(frame);
				},
			});
		});
	}

	/**
	 * @param op - opcode
	 * @param d - data
	 */
	public send(op: GatewayOpcodes, d: unknown): void {
		this.#socket.send(JSON.stringify({ op, d }));
	}

	/**
	 * Sends IDENTIFY and waits for READY.
	 *
	 * @param token - the bot token
	 * @param extra - intents or shard overrides
	 * @returns the READY frame
	 */
	public async identify(token: string, extra: { intents?: number; shard?: [number, number] } = {}): Promise<RawFrame> {
		this.send(GatewayOpcodes.Identify, {
			token,
			intents: extra.intents ?? GatewayIntentBits.Guilds,
			properties: { os: 'linux', browser: 'raw', device: 'raw' },
			...(extra.shard ? { shard: extra.shard } : {}),
		});
		return this.next((f) => f.t === 'READY');
	}

	/** Ends the connection the way a network failure does (no close frame). */
	public terminate(): void {
		this.#socket.terminate();
	}

	/**
	 * @param code - close code; 1000 ends the session on the server
	 */
	public close(code = 4000): void {
		this.#socket.close(code);
	}
}
