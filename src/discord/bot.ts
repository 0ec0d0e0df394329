/**
 * Running the bot: a client with the router attached, logged in and ready. The composition root
 * (`src/main.ts`) builds the dependencies; tests call this against the local emulator.
 */
import { Events, type Client, type ClientOptions } from 'discord.js';
import type { Logger } from '../logger.js';
import { createDiscordClient } from './client.js';
import type { Command, Deps } from './command.js';
import { createRouter } from './router.js';

/** What {@link startBot} needs. */
export interface BotOptions {
	readonly token: string;
	readonly apiUrl: string;
	readonly commands: readonly Command[];
	/** The handlers' dependencies, or a function of the client that builds them. */
	readonly deps: Deps | ((client: Client) => Deps);
	readonly logger: Logger;
	/** Extra discord.js client options (tests). */
	readonly clientOverrides?: Partial<ClientOptions>;
	/** How long to wait for the gateway to be ready (default 30 s). */
	readonly readyTimeoutMs?: number;
}

/** A running bot. */
export interface RunningBot {
	readonly client: Client<true>;
	/** Log out and close the gateway connection. */
	stop(): Promise<void>;
}

/**
 * Create the client, attach the router and log in; resolves once the client is ready.
 *
 * @throws What `login` throws (e.g. an invalid token), after destroying the client.
 */
export async function startBot(options: BotOptions): Promise<RunningBot> {
	const { logger } = options;
	const client = createDiscordClient({
		apiUrl: options.apiUrl,
		...(options.clientOverrides ? { overrides: options.clientOverrides } : {}),
	});
	const deps = typeof options.deps === 'function' ? options.deps(client) : options.deps;
	const route = createRouter({ commands: options.commands, deps, logger });
	client.on(Events.InteractionCreate, (interaction) => void route(interaction));
	client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
	client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
	client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
	client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
	const ready = new Promise<Client<true>>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error('the Discord gateway did not become ready in time')),
			options.readyTimeoutMs ?? 30_000,
		);
		client.once(Events.ClientReady, (readyClient) => {
			clearTimeout(timer);
			resolve(readyClient);
		});
	});
	try {
		await client.login(options.token);
		const readyClient = await ready;
		logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'ready');
		return { client: readyClient, stop: () => client.destroy() };
	} catch (error: unknown) {
		await client.destroy();
		throw error;
	}
}
