/**
 * Two bot processes (separate Node processes, each with its own discord.js client and store
 * connection) ticking at the same instants over one real Redis or PostgreSQL store, against one
 * emulator: every server gets exactly one post.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { startEmulator, type Emulator } from '../emulator/emulator.js';
import { postgresCase, redisCase, silentLogger, type BackendCase } from '../storage/backends.js';
import { settings } from './helpers.js';
import type { TickWorkerInput, TickWorkerOutput } from './tick-worker.js';

const WORKER = join(import.meta.dirname, 'tick-worker.ts');

interface Worker {
	readonly ready: Promise<void>;
	go(): void;
	readonly output: Promise<TickWorkerOutput>;
}

function startWorker(input: TickWorkerInput): Worker {
	const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(input)], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const lines = createInterface({ input: child.stdout });
	let markReady: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (markReady = resolve));
	const output = new Promise<TickWorkerOutput>((resolve, reject) => {
		lines.on('line', (line) => {
			if (line === 'ready') markReady();
			else resolve(JSON.parse(line) as TickWorkerOutput);
		});
		child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker exited ${code}`))));
	});
	return { ready, go: () => child.stdin.write('go\n'), output };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('GIVEN two bot processes sharing one store', () => {
	it.each([
		['Redis', redisCase],
		['PostgreSQL', postgresCase],
	] as const)(
		'THEN over %s every server gets exactly one post a day',
		async (_name, makeCase) => {
			const backend: BackendCase = makeCase();
			cleanups.push(() => backend.cleanup());
			const emu: Emulator = await startEmulator({ guilds: Array.from({ length: 20 }, () => ({})) });
			cleanups.push(() => emu.stop());
			const store = await openStore(backend.url, silentLogger, backend.options);
			const guilds = [...emu.state.guilds.values()];
			for (const [i, g] of guilds.entries()) {
				await store.settings.set(
					g.id,
					settings({
						channelId: g.channelIds[0] ?? '',
						time: i % 2 === 0 ? '09:00' : '09:01',
						lastDelivery: { localDate: '2026-02-28', status: 'posted', at: '2026-02-28T09:00:00Z', attempts: 1 },
					}),
				);
			}
			await store.close();
			const ticks = ['2026-03-01T09:00:00Z', '2026-03-01T09:01:00Z', '2026-03-01T09:02:00Z', '2026-03-01T15:00:00Z'];
			const workers = ['process-a', 'process-b'].map((owner) =>
				startWorker({
					api: emu.url,
					token: emu.token,
					store: { url: backend.url, options: backend.options },
					owner,
					ticks,
				}),
			);
			await Promise.all(workers.map((w) => w.ready));
			for (const w of workers) w.go();
			const [a = [], b = []] = await Promise.all(workers.map((w) => w.output));
			const posted = [...a, ...b].filter(([, o]) => o.status === 'posted');
			expect(posted).toHaveLength(guilds.length);
			expect(new Set(posted.map(([g]) => g)).size).toBe(guilds.length);
			for (const g of guilds) expect(emu.messages(g.channelIds[0] ?? '')).toHaveLength(1);
			expect(emu.requests('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(guilds.length);
			console.info(
				`two processes over ${_name}: process-a posted ${a.filter(([, o]) => o.status === 'posted').length}, process-b ${b.filter(([, o]) => o.status === 'posted').length}`,
			);
		},
		60_000,
	);
});
