/**
 * `npm start` as a process against the emulator, with the daily post set up in its SQLite store:
 * the post missed before start-up goes out at once (late), and a second start the same day does
 * not post it again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterdayData } from '../../commands/letterday.js';
import { openStore } from '../../src/storage/open-store.js';
import { startEmulator, type Emulator } from '../emulator/emulator.js';
import { silentLogger } from '../storage/backends.js';
import { settings } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function start(cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(TSX, [join(ROOT, 'src/main.ts')], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
		let stdout = '';
		let stopping = false;
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			// The first tick has run once it logged its report or found nothing due.
			if (!stopping && (stdout.includes('"msg":"daily post tick"') || stdout.includes('"msg":"post log pruned"'))) {
				stopping = true;
				child.kill('SIGTERM');
			}
		});
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout }));
	});
}

describe('GIVEN the bot set up in a server, started after its posting time', () => {
	let emu: Emulator;
	let cwd: string;
	beforeAll(async () => {
		emu = await startEmulator({ commands: { global: [letterdayData] } });
		cwd = mkdtempSync(join(tmpdir(), 'letterday-main-'));
	});
	afterAll(async () => {
		await emu.stop();
		rmSync(cwd, { recursive: true, force: true });
	});

	it('THEN the missed post goes out at start-up, labelled late, and a restart does not post it again', async () => {
		const storeUrl = `sqlite://${join(cwd, 'letterday.sqlite')}`;
		const store = await openStore(storeUrl, silentLogger);
		// Due at 00:00 in a zone where the local day has hours left: late, whatever the time of the test.
		const zones = ['Asia/Tokyo', 'Europe/London', 'America/New_York', 'Pacific/Kiritimati'];
		const zone =
			zones.find((z) => DateTime.utc().setZone(z).hour >= 2 && DateTime.utc().setZone(z).hour <= 21) ?? 'UTC';
		await store.settings.set(
			emu.firstGuild.id,
			settings({ channelId: emu.firstChannelId, time: '00:00', timezone: zone }),
		);
		await store.close();
		const env = {
			DISCORD_TOKEN: emu.token,
			DISCORD_APPLICATION_ID: emu.applicationId,
			DISCORD_API_URL: emu.url,
			STORE_URL: storeUrl,
			LOG_LEVEL: 'info',
		};
		const first = await start(cwd, env);
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('"msg":"daily post sent"');
		const posts = emu.messages(emu.firstChannelId);
		expect(posts).toHaveLength(1);
		expect(posts[0]?.content).toContain('Posted late: this post was due at 00:00');
		const second = await start(cwd, env);
		expect(second.code).toBe(0);
		expect(emu.messages(emu.firstChannelId)).toHaveLength(1);
	}, 30_000);
});
