import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, describe, expect, test } from 'vitest';

import type { Store } from '../../src/core/ports.js';
import { newGuildSettings, type GuildSettings } from '../../src/core/settings.js';
import { createLogger } from '../../src/logger.js';
import { postNonce } from '../../src/storage/keys.js';
import { openStore, StoreUrlError } from '../../src/storage/open-store.js';
import { memoryCase, postgresCase, redisCase, silentLogger, sqliteCase } from './backends.js';

const CHANNEL = '123456789012345678';

function settings(): GuildSettings {
	const made = newGuildSettings({ channelId: CHANNEL });
	if (!made.ok) throw new Error(made.error.message);
	return made.value;
}

describe('openStore', () => {
	test.each([
		['an unknown scheme', 'mysql://localhost/letterday'],
		['no scheme', 'letterday.sqlite'],
	])('GIVEN %s THEN it refuses the URL', async (_why, url) => {
		await expect(openStore(url, silentLogger)).rejects.toBeInstanceOf(StoreUrlError);
	});

	test('GIVEN a table name that is not a plain identifier THEN it refuses it', async () => {
		await expect(openStore('memory://', silentLogger, { table: 'keyv; drop table x' })).rejects.toThrow(/table/);
	});

	test.each([
		['Redis', 'redis://127.0.0.1:1'],
		['PostgreSQL', 'postgresql://postgres@127.0.0.1:1/test'],
	])('GIVEN %s that does not answer THEN opening fails at once', async (_name, url) => {
		const started = performance.now();
		await expect(openStore(url, silentLogger)).rejects.toThrow();
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	test('GIVEN memory:// twice THEN two private stores; memory://name twice THEN one shared store', async () => {
		const [p, q] = [await openStore('memory://', silentLogger), await openStore('memory://', silentLogger)];
		await p.settings.set('1', settings());
		expect(await q.settings.get('1')).toBeUndefined();
		const shared = memoryCase();
		const [r, s] = [await shared.open(), await shared.open()];
		await r.settings.set('1', settings());
		expect(await s.settings.get('1')).toEqual(settings());
	});
});

describe('stores', () => {
	const cases = [sqliteCase(), redisCase(), postgresCase()];
	afterAll(async () => {
		await Promise.all(cases.map((c) => c.cleanup()));
	});

	test.each(cases.map((backend) => ({ name: backend.name, backend })))(
		'GIVEN an unreadable settings record on $name THEN list and get leave it out and log it',
		async ({ backend }) => {
			const lines: string[] = [];
			const logger = createLogger({
				level: 'warn',
				destination: new Writable({
					write(chunk: Buffer, _encoding, done) {
						lines.push(chunk.toString());
						done();
					},
				}),
			});
			const store = await backend.open(logger);
			try {
				await store.settings.set('300000000000000001', settings());
				// A record from a broken writer: JSON that is not valid settings.
				const corrupt: GuildSettings = JSON.parse('{"channelId":"not-an-id","time":"25:99"}');
				await store.settings.set('300000000000000002', corrupt);
				const listed = await store.settings.list();
				expect(listed.map((entry) => entry.guildId)).toEqual(['300000000000000001']);
				expect(await store.settings.get('300000000000000002')).toBeUndefined();
				expect(lines.join('')).toContain('300000000000000002');
			} finally {
				await store.close();
			}
		},
	);

	test('GIVEN a closed SQLite store THEN reads fail loudly instead of answering "no settings"', async () => {
		const backend = cases[0];
		if (backend === undefined) throw new Error('no sqlite case');
		const store = await backend.open();
		await store.close();
		await expect(store.settings.get('300000000000000001')).rejects.toThrow();
	});
});

describe('a Redis server that goes away', () => {
	// A private server on a spare port, started and stopped by this test only.
	const port = 20_000 + (process.pid % 10_000);
	let server: ChildProcess | undefined;

	afterAll(() => {
		server?.kill();
	});

	test('GIVEN Redis stops mid-run THEN reads and claims fail at once instead of answering "nothing stored"', async () => {
		server = spawn(
			'redis-server',
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{
				stdio: 'ignore',
			},
		);
		const url = `redis://127.0.0.1:${port}`;
		let store: Store | undefined;
		for (let i = 0; i < 40 && store === undefined; i++) {
			store = await openStore(url, silentLogger).catch(() => sleep(100).then(() => undefined));
		}
		if (store === undefined) throw new Error('private redis-server did not start');
		try {
			await store.settings.set('300000000000000001', settings());
			expect(await store.settings.get('300000000000000001')).toEqual(settings());
			server.kill();
			await new Promise((resolve) => server?.once('exit', resolve));
			await sleep(100);
			await expect(store.settings.get('300000000000000001')).rejects.toThrow();
			await expect(store.settings.list()).rejects.toThrow();
			await expect(store.postLog.claim('300000000000000001', '2026-07-23', 'me', 60_000)).rejects.toThrow();
		} finally {
			await store.close().catch(() => {});
		}
	});
});

describe('postNonce', () => {
	test.each([
		['the largest snowflake', '18446744073709551615', '2026-07-23', 'ld202607233w5e11264sgsf'],
		['a small id', '17', '1999-01-01', 'ld19990101h'],
	])('GIVEN %s THEN a readable nonce within 25 characters', (_why, guildId, localDate, expected) => {
		expect(postNonce(guildId, localDate)).toBe(expected);
		expect(expected.length).toBeLessThanOrEqual(25);
	});

	test('GIVEN an id that is not a snowflake THEN a hashed nonce, still within 25 characters', () => {
		expect(postNonce('test-guild', '2026-07-23')).toMatch(/^ld20260723[\w-]{13}$/);
	});
});
