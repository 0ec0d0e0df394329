import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('GIVEN the environment', () => {
	test('WHEN it is empty THEN the defaults need no server', () => {
		expect(loadConfig({})).toEqual({
			discord: { apiUrl: 'https://discord.com/api' },
			storeUrl: 'sqlite://letterday.sqlite',
			logLevel: 'info',
			timezone: 'UTC',
			postRatePerSecond: 45,
		});
	});

	test("WHEN POST_RATE_PER_SECOND is given THEN it must be above 0 and at most Discord's 50", () => {
		expect(loadConfig({ POST_RATE_PER_SECOND: '22.5' }).postRatePerSecond).toBe(22.5);
		expect(() => loadConfig({ POST_RATE_PER_SECOND: '60' })).toThrow(
			"POST_RATE_PER_SECOND must be at most 50 (Discord's global limit)",
		);
		expect(() => loadConfig({ POST_RATE_PER_SECOND: '0' })).toThrow('POST_RATE_PER_SECOND must be above 0');
		expect(() => loadConfig({ POST_RATE_PER_SECOND: 'fast' })).toThrow('POST_RATE_PER_SECOND must be a number');
	});

	test('WHEN the bot settings are given THEN they are parsed and frozen', () => {
		const config = loadConfig({
			DISCORD_TOKEN: TOKEN,
			DISCORD_APPLICATION_ID: '123456789012345678',
			STORE_URL: 'redis://127.0.0.1:6379',
			TZ: 'Europe/London',
			LOG_LEVEL: '',
		});
		expect(config.discord.token).toBe(TOKEN);
		expect(config.storeUrl).toBe('redis://127.0.0.1:6379');
		expect(config.timezone).toBe('Europe/London');
		expect(Object.isFrozen(config.discord)).toBe(true);
	});

	test('WHEN several values are wrong THEN every one is named in one error', () => {
		const attempt = (): unknown =>
			loadConfig(
				{
					DISCORD_APPLICATION_ID: 'abc',
					STORE_URL: 'mysql://x',
					LOG_LEVEL: 'loud',
					TZ: 'Mars/Olympus',
					DISCORD_API_URL: 'ftp://x',
				},
				['DISCORD_TOKEN'],
			);
		expect(attempt).toThrow(ConfigError);
		const problems = (() => {
			try {
				attempt();
				return [];
			} catch (error) {
				return error instanceof ConfigError ? [...error.problems] : [];
			}
		})();
		expect(problems).toEqual([
			'DISCORD_APPLICATION_ID must be a Discord id (17 to 20 digits)',
			'DISCORD_API_URL must be an http(s) URL',
			'STORE_URL must start with sqlite://, redis://, postgresql:// or memory://',
			'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
			'TZ is not an IANA time zone (e.g. Europe/London)',
			'DISCORD_TOKEN is required (see .env.example)',
		]);
	});
});

describe('GIVEN a logger that knows the token', () => {
	test('WHEN the token is logged as a field or inside a message THEN it never reaches the output', () => {
		const lines: string[] = [];
		const destination = new Writable({
			write(chunk: Buffer, _encoding, done) {
				lines.push(chunk.toString());
				done();
			},
		});
		const logger = createLogger({ level: 'info', secrets: [TOKEN], destination });
		logger.info({ token: TOKEN, request: { headers: { authorization: `Bot ${TOKEN}` } } }, 'login');
		logger.error({ err: new Error(`request failed for Bot ${TOKEN}`) }, `retrying with ${TOKEN}`);
		const output = lines.join('');
		expect(lines).toHaveLength(2);
		expect(output).not.toContain(TOKEN);
		expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'info', msg: 'login', token: '[redacted]' });
		expect(output).toContain('retrying with [redacted]');
	});
});
