/**
 * `postgresql://` (and `postgres://`) stores, shared by several bot processes.
 *
 * keyv has no atomic set-if-absent, so the post log claims with one SQL statement on the same
 * connection pool @keyv/postgres uses, in the same table: `INSERT ... ON CONFLICT (key) DO UPDATE
 * ... WHERE` inserts the claim if there is no record and takes over only a claimed record whose
 * lease has expired; `RETURNING` tells whether this statement won. PostgreSQL locks the conflicting
 * row and re-checks the `WHERE` against its latest committed version, so of any number of
 * concurrent claims, in any number of processes, exactly one wins.
 *
 * The store owns its `pg.Pool`. @keyv/postgres 2.x keeps one module-wide pool per URI and its
 * `disconnect()` ends that shared pool, so two stores in one process (or a test standing in for two
 * processes) would share connections and close each other's; {@link OwnPoolKeyvPostgres} hands it
 * this store's pool instead.
 */
import KeyvPostgres, { type KeyvPostgresOptions } from '@keyv/postgres';
import { Keyv } from 'keyv';
import pg from 'pg';

import type { ClaimResult, PostLog } from '../core/ports.js';
import { KEYV_OPTIONS, type Backend, type BackendOptions } from './backend.js';
import { decodePostRecord, encodePostRecord, postNonce } from './keys.js';

/** @keyv/postgres with its queries sent through a pool the store owns (see the module comment). */
class OwnPoolKeyvPostgres extends KeyvPostgres {
	constructor(options: KeyvPostgresOptions & { ownPool: pg.Pool }) {
		super(options);
	}

	// Called by the parent constructor, before this class's fields exist: the pool travels in opts.
	override async connect(): Promise<(sql: string, values?: unknown[]) => Promise<unknown[]>> {
		const pool = 'ownPool' in this.opts ? this.opts.ownPool : undefined;
		if (!(pool instanceof pg.Pool)) throw new Error('OwnPoolKeyvPostgres needs its pool');
		return async (sql, values) => (await pool.query(sql, values)).rows;
	}

	override async disconnect(): Promise<void> {
		// The pool belongs to the store, which ends it.
	}
}

const DUPLICATE_OBJECT_CODES = new Set(['23505', '42P07']);

function errorCode(error: unknown): unknown {
	return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

export async function openPostgresBackend(url: string, options: BackendOptions): Promise<Backend> {
	const { keys, now, table, logger } = options;
	// pg-pool's connection timeout also bounds the wait for a free client, so it must allow for a
	// burst of claims queueing behind the pool (thousands at a posting minute), not just a connect.
	const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 30_000 });
	pool.on('error', (err) => logger.error({ err }, 'postgres store error'));
	const query = async (sql: string, values: unknown[] = []): Promise<Record<string, unknown>[]> =>
		(await pool.query<Record<string, unknown>>(sql, values)).rows;

	// The same table @keyv/postgres would create, made here first so the post log can use it at once.
	try {
		await query(`CREATE TABLE IF NOT EXISTS ${table} (key VARCHAR(255) PRIMARY KEY, value TEXT)`);
	} catch (error) {
		// Two processes creating the table at once: one of them gets a duplicate error, which is fine.
		if (!DUPLICATE_OBJECT_CODES.has(String(errorCode(error)))) {
			await pool.end();
			throw error;
		}
	}
	const adapter = new OwnPoolKeyvPostgres({ uri: url, table, ownPool: pool });
	const keyv = new Keyv({ store: adapter, ...KEYV_OPTIONS });
	keyv.on('error', (err: unknown) => logger.error({ err }, 'postgres store error'));

	const postLog: PostLog = {
		async claim(guildId, localDate, owner, leaseMs): Promise<ClaimResult> {
			const at = now();
			const won = await query(
				`INSERT INTO ${table} (key, value) VALUES ($1, $2)
				ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
				WHERE ${table}.value::jsonb ->> 'state' = 'claimed' AND (${table}.value::jsonb ->> 'leaseUntil')::numeric <= $3
				RETURNING key`,
				[keys.post(guildId, localDate), encodePostRecord({ state: 'claimed', owner, leaseUntil: at + leaseMs }), at],
			);
			if (won.length > 0) return 'claimed';
			const current = await postLog.get(guildId, localDate);
			return current?.state === 'done' ? 'done' : 'taken';
		},
		async complete(guildId, localDate, messageId) {
			await query(
				`INSERT INTO ${table} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
				[keys.post(guildId, localDate), encodePostRecord({ state: 'done', messageId, at: now() })],
			);
		},
		async release(guildId, localDate, owner) {
			await query(
				`DELETE FROM ${table} WHERE key = $1 AND value::jsonb ->> 'state' = 'claimed' AND value::jsonb ->> 'owner' = $2`,
				[keys.post(guildId, localDate), owner],
			);
		},
		async get(guildId, localDate) {
			const found = await query(`SELECT value FROM ${table} WHERE key = $1`, [keys.post(guildId, localDate)]);
			return decodePostRecord(found[0]?.value);
		},
		nonce: postNonce,
		async prune(beforeLocalDate) {
			const deleted = await query(
				`DELETE FROM ${table} WHERE starts_with(key, $1) AND substr(key, $2, 10) COLLATE "C" < $3 RETURNING key`,
				[keys.postPrefix, keys.postPrefix.length + 1, beforeLocalDate],
			);
			return deleted.length;
		},
	};

	return {
		keyv,
		postLog,
		async listKeys(prefix) {
			const found = await query(`SELECT key FROM ${table} WHERE starts_with(key, $1)`, [prefix]);
			return found.map((row) => String(row.key));
		},
		async close() {
			await pool.end();
		},
	};
}
