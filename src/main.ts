/**
 * The composition root of the Discord bot (`npm start`): configuration, data, the indexes, the
 * settings store and the client are built once here, then the bot logs in. Invalid configuration
 * or data stops it at once with a clear message and exit code 1.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { commands } from '../commands/index.js';
import { composeBot } from './compose.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { buildCorpus } from './core/corpus.js';
import { buildSearch, buildSuggestions } from './core/search.js';
import { DataError, loadDataSet } from './data/load.js';
import { loadPrompts } from './data/prompts.js';
import { startBot } from './discord/bot.js';
import { createLogger } from './logger.js';
import { startScheduler, type Scheduler } from './scheduler/cron.js';
import { openStore } from './storage/open-store.js';

function fatal(message: string): never {
	process.stderr.write(`letterday: ${message}\n`);
	process.exit(1);
}

// `.env` fills in what the environment does not set (Node 20.12+).
if (existsSync('.env')) process.loadEnvFile('.env');

let config: Config;
try {
	config = loadConfig(process.env, ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID']);
} catch (error: unknown) {
	if (error instanceof ConfigError) fatal(error.message);
	throw error;
}
const token = config.discord.token ?? fatal('DISCORD_TOKEN is required');
const logger = createLogger({ level: config.logLevel, secrets: [token] });

let data: ReturnType<typeof loadDataSet>;
let prompts: ReturnType<typeof loadPrompts>;
try {
	data = loadDataSet();
	prompts = loadPrompts();
} catch (error: unknown) {
	if (error instanceof DataError) fatal(error.message);
	throw error;
}
const started = performance.now();
const corpus = buildCorpus(data);
const search = buildSearch(corpus);
const suggestions = buildSuggestions(corpus);
logger.info(
	{
		letters: corpus.letters.length,
		collections: corpus.collections.length,
		ms: Math.round(performance.now() - started),
	},
	'letters indexed',
);

const store = await openStore(config.storeUrl, logger).catch((error: unknown) =>
	fatal(`cannot open the store (STORE_URL): ${error instanceof Error ? error.message : String(error)}`),
);
const composed = composeBot({
	corpus,
	search,
	suggestions,
	prompts,
	store,
	logger,
	postRatePerSecond: config.postRatePerSecond,
	owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
});
let bot: Awaited<ReturnType<typeof startBot>>;
try {
	bot = await startBot({
		token,
		apiUrl: config.discord.apiUrl,
		commands,
		deps: composed.deps,
		logger,
	});
} catch (error: unknown) {
	logger.fatal({ err: error }, 'could not log in to Discord');
	await store.close();
	process.exit(1);
}

// After ready, so the cache knows every server and channel; the first tick is the catch-up.
const daily = composed.daily();
const scheduler: Scheduler | undefined = daily === undefined ? undefined : startScheduler(daily);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	logger.info({ signal }, 'shutting down');
	try {
		await scheduler?.stop();
		await bot.stop();
		await store.close();
	} catch (error: unknown) {
		logger.error({ err: error }, 'error while shutting down');
		process.exitCode = 1;
	}
	process.exit();
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
