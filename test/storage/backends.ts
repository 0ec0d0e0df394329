/**
 * The stores under test, each at a location unique to this test run and removed afterwards:
 * a named memory store, a SQLite file in a temporary folder, a key prefix in the local Redis and a
 * table in the local PostgreSQL (see .ci/run and scripts/services.sh, which start both).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

import { createClient } from '@keyv/redis';
import pg from 'pg';

import type { Store } from '../../src/core/ports.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { openStore, type OpenStoreOptions } from '../../src/storage/open-store.js';

export const REDIS_URL = process.env.LETTERDAY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const POSTGRES_URL = process.env.LETTERDAY_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export const silentLogger: Logger = createLogger({ level: 'silent' });

/** One backend at one location: `open` may be called several times, like several processes would. */
export interface BackendCase {
	readonly name: string;
	readonly url: string;
	readonly options: OpenStoreOptions;
	open(logger?: Logger): Promise<Store>;
	/** Remove everything this case wrote. */
	cleanup(): Promise<void>;
}

const runId = (): string => `${process.pid}_${randomBytes(4).toString('hex')}`;

function makeCase(name: string, url: string, options: OpenStoreOptions, cleanup: () => Promise<void>): BackendCase {
	return { name, url, options, open: (logger = silentLogger) => openStore(url, logger, options), cleanup };
}

export function memoryCase(): BackendCase {
	return makeCase('memory', `memory://test-${runId()}`, {}, async () => {});
}

export function sqliteCase(): BackendCase {
	const dir = mkdtempSync(join(tmpdir(), 'letterday-store-'));
	return makeCase('sqlite', `sqlite://${join(dir, 'store.sqlite')}`, {}, async () =>
		rmSync(dir, { recursive: true, force: true }),
	);
}

export function redisCase(): BackendCase {
	const prefix = `letterday-test-${runId()}:`;
	return makeCase('redis', REDIS_URL, { prefix }, async () => {
		const client = createClient({ url: REDIS_URL });
		await client.connect();
		try {
			for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
				if (batch.length > 0) await client.del(batch);
			}
		} finally {
			await client.close();
		}
	});
}

export function postgresCase(): BackendCase {
	const table = `letterday_test_${runId()}`;
	return makeCase('postgres', POSTGRES_URL, { table }, async () => {
		const pool = new pg.Pool({ connectionString: POSTGRES_URL });
		try {
			await pool.query(`DROP TABLE IF EXISTS ${table}`);
		} finally {
			await pool.end();
		}
	});
}
