/**
 * Open the store named by `STORE_URL`: settings, rotation and the post log behind one connection.
 *
 * | URL | backend | shared by processes |
 * |---|---|---|
 * | `sqlite://letterday.sqlite` (default), `sqlite:///abs/path.sqlite` | a SQLite file | yes, on one machine |
 * | `redis://host:port/db`, `rediss://...` | Redis | yes |
 * | `postgresql://user@host:port/db`, `postgres://...` | PostgreSQL | yes |
 * | `memory://`, `memory://<name>` | this process's memory | no (named ones within the process) |
 *
 * Settings and rotation go through keyv; the post log uses each backend's atomic primitive on the
 * same connection (see each backend's module comment for why keyv alone cannot do it).
 */
import type { Store } from '../core/ports.js';
import type { Logger } from '../logger.js';
import type { Backend, BackendOptions } from './backend.js';
import { DEFAULT_PREFIX, keyScheme } from './keys.js';
import { keyvRotationStore, keyvSettingsStore } from './keyv-stores.js';
import { openMemoryBackend } from './memory-backend.js';

export interface OpenStoreOptions {
	/** Prefix of every key (default `letterday:`); tests use a unique one per run. */
	readonly prefix?: string;
	/** SQL backends: the table (default `keyv`, as @keyv/sqlite and @keyv/postgres create it). */
	readonly table?: string;
	/** Wall clock for post-log leases, epoch milliseconds (default `Date.now`). */
	readonly now?: () => number;
}

/** Raised when a store URL names no supported backend or a bad option is given. */
export class StoreUrlError extends Error {
	override readonly name = 'StoreUrlError';
}

/** The URL with any password masked, for logs. */
function safeUrl(url: string): string {
	return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

/**
 * Open a store. Connects (and creates the SQL table if needed) before returning, so a bad URL or
 * an unreachable server fails here, at start-up, not at the first post.
 *
 * @param url - The store URL (see the module comment).
 * @param logger - Receives connection errors and unreadable records.
 */
export async function openStore(url: string, logger: Logger, options: OpenStoreOptions = {}): Promise<Store> {
	const table = options.table ?? 'keyv';
	if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) throw new StoreUrlError(`bad table name ${JSON.stringify(table)}`);
	const backendOptions: BackendOptions = {
		keys: keyScheme(options.prefix ?? DEFAULT_PREFIX),
		logger,
		now: options.now ?? Date.now,
		table,
	};
	const scheme = /^([a-z]+):/.exec(url)?.[1];
	let backend: Backend;
	switch (scheme) {
		case 'memory':
			backend = openMemoryBackend(url, backendOptions);
			break;
		case 'sqlite':
			// Each backend's client library is loaded only when it is used (they add some 20 MB together).
			backend = await (await import('./sqlite-backend.js')).openSqliteBackend(url, backendOptions);
			break;
		case 'redis':
		case 'rediss':
			backend = await (await import('./redis-backend.js')).openRedisBackend(url, backendOptions);
			break;
		case 'postgres':
		case 'postgresql':
			backend = await (await import('./postgres-backend.js')).openPostgresBackend(url, backendOptions);
			break;
		default:
			throw new StoreUrlError(
				`unsupported store URL ${safeUrl(url)}: use sqlite://, redis://, postgresql:// or memory://`,
			);
	}
	logger.info({ store: safeUrl(url), prefix: backendOptions.keys.prefix }, 'store opened');
	const settings = keyvSettingsStore(backend.keyv, backendOptions.keys, backend.listKeys, logger);
	const rotation = keyvRotationStore(backend.keyv, backendOptions.keys, logger);
	return {
		settings,
		rotation,
		postLog: backend.postLog,
		async forgetGuild(guildId) {
			await Promise.all([settings.delete(guildId), rotation.delete(guildId)]);
		},
		close: () => backend.close(),
	};
}
