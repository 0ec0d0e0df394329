/**
 * `npm start` as production runs it: the TypeScript built to `dist/` by `npm run build`, run by
 * plain node with the start script's flags. The build finds the bundled data from `dist/src/`,
 * logs in, answers a command and shuts down cleanly on SIGTERM.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { ROOT, spawnStart, startCommand } from '../../scripts/start-command.js';
import { buildCorpus } from '../../src/core/corpus.js';
import { loadDataSet } from '../../src/data/load.js';
import { registrationBody } from '../../src/discord/deploy.js';
import { startEmulator, type Emulator } from '../emulator/emulator.js';

describe('GIVEN the bot built with npm run build', () => {
	const corpus = buildCorpus(loadDataSet());
	let emu: Emulator;
	// A directory without a .env, so only the environment given here counts.
	const cwd = mkdtempSync(join(tmpdir(), 'letterday-start-'));
	beforeAll(async () => {
		const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
		expect(build.status, build.stderr + build.stdout).toBe(0);
		emu = await startEmulator({ commands: { global: registrationBody(commands, corpus.collections) } });
	}, 180_000);
	afterAll(async () => {
		await emu?.stop();
		rmSync(cwd, { recursive: true, force: true });
	});

	it('WHEN run as npm start runs it THEN it indexes every bundled letter, answers /about and stops on SIGTERM', async () => {
		const child = spawnStart(emu, cwd);
		const lines: Record<string, unknown>[] = [];
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
		const ready = new Promise<void>((resolve, reject) => {
			let buffer = '';
			child.stdout.on('data', (chunk: Buffer) => {
				buffer += chunk.toString();
				for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
					const line = JSON.parse(buffer.slice(0, end)) as Record<string, unknown>;
					buffer = buffer.slice(end + 1);
					lines.push(line);
					if (line.msg === 'ready') resolve();
				}
			});
			void exited.then((code) => reject(new Error(`exited with ${code} before it was ready: ${stderr}`)));
		});
		try {
			await ready;
			// The start script's environment reaches node (Linux lists it in /proc).
			const environ = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
			for (const [name, value] of Object.entries(startCommand().env)) expect(environ).toContain(`${name}=${value}`);
			expect(lines.find((l) => l.msg === 'letters indexed')?.letters).toBe(corpus.letters.length);
			const callback = await emu.injectChatInput({ name: 'about', guildId: emu.firstGuild.id }).callback;
			expect(JSON.stringify(callback)).toContain('Letterday');
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
			expect(lines.some((l) => l.msg === 'shutting down')).toBe(true);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}, 60_000);
});
