/**
 * `sqlite://<file>` stores: zero set-up, the default. Several processes may share the file.
 *
 * keyv has no atomic set-if-absent, so the post log claims with one SQL statement on the very
 * connection @keyv/sqlite opened, in the same table: an `INSERT ... ON CONFLICT DO UPDATE ... WHERE`
 * (SQLite's upsert) that inserts the claim if there is no record, takes over only a claimed record
 * whose lease has expired, and leaves a live or completed one alone; `RETURNING` tells whether this
 * statement won. SQLite runs each statement under the database's write lock, so two connections,
 * in one process or two, can never both win. The busy timeout makes a writer wait for the lock
 * instead of failing, and WAL lets readers go on while a claim is written.
 */
import KeyvSqlite from '@keyv/sqlite';
import { Keyv } from 'keyv';

import type { ClaimResult, PostLog } from '../core/ports.js';
import { KEYV_OPTIONS, prefixEnd, type Backend, type BackendOptions } from './backend.js';
import { decodePostRecord, encodePostRecord, postNonce } from './keys.js';

const BUSY_TIMEOUT_MS = 10_000;

/** Rows from sqlite3's `all`, checked rather than trusted. */
function rows(result: unknown): Record<string, unknown>[] {
	if (!Array.isArray(result)) return [];
	return result.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null);
}

export async function openSqliteBackend(url: string, options: BackendOptions): Promise<Backend> {
	const { keys, now, table, logger } = options;
	const adapter = new KeyvSqlite({ uri: url, table, busyTimeout: BUSY_TIMEOUT_MS });
	const keyv = new Keyv({ store: adapter, ...KEYV_OPTIONS });
	keyv.on('error', (err: unknown) => logger.error({ err }, 'sqlite store error'));
	const query = async (sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> =>
		rows(await adapter.query(sql, params));
	await query('PRAGMA journal_mode = WAL');

	const postLog: PostLog = {
		async claim(guildId, localDate, owner, leaseMs): Promise<ClaimResult> {
			const key = keys.post(guildId, localDate);
			const at = now();
			const won = await query(
				`INSERT INTO ${table} (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value
				WHERE json_extract(${table}.value, '$.state') = 'claimed' AND json_extract(${table}.value, '$.leaseUntil') <= ?
				RETURNING key`,
				[key, encodePostRecord({ state: 'claimed', owner, leaseUntil: at + leaseMs }), at],
			);
			if (won.length > 0) return 'claimed';
			const current = await postLog.get(guildId, localDate);
			return current?.state === 'done' ? 'done' : 'taken';
		},
		async complete(guildId, localDate, messageId) {
			await query(
				`INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
				[keys.post(guildId, localDate), encodePostRecord({ state: 'done', messageId, at: now() })],
			);
		},
		async release(guildId, localDate, owner) {
			await query(
				`DELETE FROM ${table} WHERE key = ? AND json_extract(value, '$.state') = 'claimed' AND json_extract(value, '$.owner') = ?`,
				[keys.post(guildId, localDate), owner],
			);
		},
		async get(guildId, localDate) {
			const found = await query(`SELECT value FROM ${table} WHERE key = ?`, [keys.post(guildId, localDate)]);
			return decodePostRecord(found[0]?.value);
		},
		nonce: postNonce,
		async prune(beforeLocalDate) {
			const deleted = await query(`DELETE FROM ${table} WHERE key >= ? AND key < ? RETURNING key`, [
				keys.postPrefix,
				keys.postPrefix + beforeLocalDate,
			]);
			return deleted.length;
		},
	};

	return {
		keyv,
		postLog,
		async listKeys(prefix) {
			const found = await query(`SELECT key FROM ${table} WHERE key >= ? AND key < ?`, [prefix, prefixEnd(prefix)]);
			return found.map((row) => String(row.key));
		},
		async close() {
			await adapter.disconnect();
		},
	};
}
