import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { Emulator, startEmulator } from './emulator.js';
import type { EmulatorOptions } from './types.js';

/** What a client factory gets to build a discord.js Client that talks to the emulator. */
export interface HarnessClientContext {
	/** REST base for `rest.api`, e.g. `http://127.0.0.1:PORT/api`. */
	readonly api: string;
	/** The token to log in with. */
	readonly token: string;
	readonly applicationId: string;
	/** The options the harness would use itself: spread them into your own. */
	readonly recommendedOptions: ClientOptions;
}

/** Options for {@link startBotHarness}. */
export interface BotHarnessOptions {
	/**
	 * Options for {@link startEmulator}, or an emulator already running (needed when the
	 * client is built beforehand and so must know `emu.url`); either way teardown stops it.
	 */
	readonly emulator?: Emulator | EmulatorOptions;
	/**
	 * The client to drive: a factory (e.g. the bot's own client factory from `src/discord/`)
	 * or an already-constructed Client whose `rest.api` is the emulator's `url`. Defaults to a
	 * Client with the Guilds intent.
	 */
	readonly client?: Client | ((context: HarnessClientContext) => Client | Promise<Client>);
	/** Called after the client exists and before login, e.g. to register the bot's handlers. */
	readonly beforeLogin?: (client: Client, emulator: Emulator) => void | Promise<void>;
	/** How long to wait for `clientReady`; defaults to 5000 ms. */
	readonly readyTimeoutMs?: number;
}

/** A running emulator with a logged-in, ready discord.js client. */
export interface BotHarness {
	readonly emu: Emulator;
	readonly client: Client<true>;
	/** Errors the client emitted (`'error'`), including rejected async event handlers. */
	readonly errors: Error[];
	/** Throws (and clears) the recorded client errors, if any; call it at the end of a test. */
	assertNoErrors(): void;
	/** Destroys the client, then stops the emulator: the only order that lets the process exit. */
	teardown(): Promise<void>;
}

/**
 * @param emulator - a running emulator
 * @returns Client options that point discord.js at the emulator and drop the real-Discord
 *   safety delays (identify throttle, 50 ms rate-limit offset), with the Guilds intent
 */
export function emulatorClientOptions(emulator: Emulator): ClientOptions {
	return {
		intents: [GatewayIntentBits.Guilds],
		rest: { api: emulator.url, offset: 0 },
		ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: () => Promise.resolve() }) },
		waitGuildTimeout: 1_000,
	};
}

/**
 * Starts an emulator and a discord.js client, logs in and waits for `clientReady`.
 *
 * @param options - emulator options, the client (or a factory), a pre-login hook
 * @returns the harness; call `teardown()` in `afterEach`/`afterAll`
 */
export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
	const emu = options.emulator instanceof Emulator ? options.emulator : await startEmulator(options.emulator);
	const recommendedOptions = emulatorClientOptions(emu);
	let client: Client | undefined;
	const errors: Error[] = [];
	const teardown = async (): Promise<void> => {
		// Client first: with the server gone first, @discordjs/ws keeps reconnecting forever.
		if (client) await client.destroy();
		await emu.stop();
	};
	try {
		const source = options.client;
		client =
			source === undefined
				? new Client(recommendedOptions)
				: source instanceof Client
					? source
					: await source({ api: emu.url, token: emu.token, applicationId: emu.applicationId, recommendedOptions });
		const live = client;
		// A client pointed elsewhere would log in to the real Discord with the test token.
		if (live.rest.options.api !== emu.url) {
			throw new Error(
				`Client rest.api is ${String(live.rest.options.api)}, not the emulator's ${emu.url}; refusing to log in`,
			);
		}
		live.on(Events.Error, (error) => errors.push(error));
		await options.beforeLogin?.(live, emu);
		const ready = waitForReady(live, options.readyTimeoutMs ?? 5_000);
		await live.login(emu.token);
		const readyClient = await ready;
		return {
			emu,
			client: readyClient,
			errors,
			assertNoErrors: () => {
				const first = errors[0];
				// Cleared, so one failing test does not fail every later one in the file.
				const count = errors.splice(0).length;
				if (first)
					throw new Error(`discord.js client emitted ${count} error(s); first: ${first.message}`, { cause: first });
			},
			teardown,
		};
	} catch (error) {
		await teardown();
		throw error;
	}
}

function waitForReady(client: Client, timeoutMs: number): Promise<Client<true>> {
	const ready = new Promise<Client<true>>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`discord.js client not ready after ${timeoutMs} ms`)), timeoutMs);
		timer.unref();
		client.once(Events.ClientReady, (readyClient) => {
			clearTimeout(timer);
			resolve(readyClient);
		});
	});
	// If login() fails first, nobody awaits this promise; its later timeout must not surface
	// as an unhandled rejection.
	ready.catch(() => undefined);
	return ready;
}
