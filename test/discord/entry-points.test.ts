/**
 * `npm start` and `npm run deploy-commands` as processes: they fail fast on bad configuration
 * with a clear message and no stack trace, and run against the emulator as they would against
 * Discord (`DISCORD_API_URL`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { registrationBody } from '../../src/discord/deploy.js';
import { startEmulator, type Emulator } from '../emulator/emulator.js';
import { bigThreeCorpus } from '../fixtures/real-data.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
// A directory without a .env, so only the environment given here counts.
const CWD = mkdtempSync(join(tmpdir(), 'letterday-run-'));

interface Run {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

function run(
	script: string,
	env: Record<string, string>,
	until?: (stdout: string) => boolean,
	then?: () => Promise<void>,
): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(TSX, [join(ROOT, script)], { cwd: CWD, env: { PATH: process.env.PATH ?? '', ...env } });
		let stdout = '';
		let stderr = '';
		let triggered = false;
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (!triggered && until?.(stdout)) {
				triggered = true;
				void (then?.() ?? Promise.resolve()).then(() => child.kill('SIGTERM'), reject);
			}
		});
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

// Each test is its own process, so they run side by side.
describe.concurrent('GIVEN invalid configuration', () => {
	it.each(['src/main.ts', 'src/deploy-commands.ts'])(
		'WHEN %s starts THEN it exits 1 naming every problem, without a stack trace',
		async (script) => {
			const result = await run(script, { DISCORD_TOKEN: 'short', DISCORD_API_URL: 'ftp://nowhere' });
			expect(result.code).toBe(1);
			expect(result.stderr).toContain('letterday: invalid configuration:');
			expect(result.stderr).toContain('DISCORD_TOKEN does not look like a bot token (too short)');
			expect(result.stderr).toContain('DISCORD_API_URL must be an http(s) URL');
			expect(result.stderr).toContain('DISCORD_APPLICATION_ID is required');
			expect(result.stderr).not.toMatch(/\n\s+at /);
		},
	);
});

describe.concurrent('GIVEN valid configuration pointing at the emulator', () => {
	let emu: Emulator;
	let env: Record<string, string>;
	beforeAll(async () => {
		emu = await startEmulator({ commands: { global: registrationBody(commands, bigThreeCorpus().collections) } });
		env = {
			DISCORD_TOKEN: emu.token,
			DISCORD_APPLICATION_ID: emu.applicationId,
			DISCORD_API_URL: emu.url,
			STORE_URL: 'memory://',
			LOG_LEVEL: 'info',
		};
	});
	afterAll(() => emu?.stop());

	it('WHEN deploy-commands runs with a dev guild THEN the registry is registered there', async () => {
		const guildId = emu.firstGuild.id;
		const result = await run('src/deploy-commands.ts', { ...env, DISCORD_DEV_GUILD_ID: guildId });
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(
			`Registered 9 commands to guild ${guildId}: /today, /letter, /random, /thread, /search, /who, /cite, /about, /letterday\n`,
		);
		expect(emu.commands(guildId)).toMatchObject(
			registrationBody(commands, bigThreeCorpus().collections).map((c) => ({ name: c.name })),
		);
	});

	it('WHEN the bot starts THEN it logs in, answers a command, and shuts down cleanly on SIGTERM', async () => {
		let answered: string | undefined;
		const result = await run(
			'src/main.ts',
			env,
			(stdout) => stdout.includes('"msg":"ready"'),
			async () => {
				const callback = await emu.injectChatInput({ name: 'about' }).callback;
				answered = callback.data?.embeds?.[0]?.title;
			},
		);
		expect(answered).toBe('Letterday: historic letters, on this day');
		expect(result.code).toBe(0);
		const lines = result.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(lines.map((l) => l.msg)).toEqual(
			expect.arrayContaining(['letters indexed', 'store opened', 'ready', 'shutting down']),
		);
		expect(result.stdout).not.toContain(emu.token);
	});
});
