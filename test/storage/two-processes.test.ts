/**
 * Two real processes sharing one store race to claim the same posts: each (server, date) must be
 * claimed exactly once in total. The in-process contract tests open two stores on separate
 * connections; this checks the same across process boundaries, as two bot processes would run.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, test } from 'vitest';

import type { ClaimResult } from '../../src/core/ports.js';
import { postgresCase, redisCase, sqliteCase, type BackendCase } from './backends.js';

const WORKER = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));
const GUILDS = Array.from({ length: 100 }, (_, i) => String(200_000_000_000_000_000n + BigInt(i)));
const CLAIMS_PER_GUILD = 4;

interface Worker {
	readonly ready: Promise<void>;
	readonly results: Promise<[string, ClaimResult][]>;
	go(): void;
}

function startWorker(backend: BackendCase, owner: string): Worker {
	const input = {
		url: backend.url,
		options: backend.options,
		owner,
		guilds: GUILDS,
		localDate: '2026-07-23',
		claimsPerGuild: CLAIMS_PER_GUILD,
	};
	const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(input)], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const lines = createInterface({ input: child.stdout });
	let markReady: () => void = () => {};
	const ready = new Promise<void>((resolve) => (markReady = resolve));
	const results = new Promise<[string, ClaimResult][]>((resolve, reject) => {
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code !== 0) reject(new Error(`worker ${owner} exited with ${code}`));
		});
		lines.on('line', (line) => {
			if (line === 'ready') markReady();
			else resolve(JSON.parse(line) as [string, ClaimResult][]);
		});
	});
	return { ready, results, go: () => child.stdin.end('go\n') };
}

const cases = [sqliteCase(), redisCase(), postgresCase()];

afterAll(async () => {
	await Promise.all(cases.map((c) => c.cleanup()));
});

describe('two processes', () => {
	test.concurrent.each(cases.map((backend) => ({ name: backend.name, backend })))(
		`GIVEN two processes on $name, each claiming 100 posts ${CLAIMS_PER_GUILD} times at once THEN each post is claimed exactly once`,
		async ({ backend }) => {
			// Create the table (SQL backends) before the race, as a deployed store would have it.
			await (await backend.open()).close();
			const workers = [startWorker(backend, 'process-a'), startWorker(backend, 'process-b')];
			await Promise.all(workers.map((w) => w.ready));
			for (const w of workers) w.go();
			const [a = [], b = []] = await Promise.all(workers.map((w) => w.results));
			const claimedBy = new Map<string, number>();
			for (const [guild, result] of [...a, ...b]) {
				if (result === 'claimed') claimedBy.set(guild, (claimedBy.get(guild) ?? 0) + 1);
			}
			expect(a.length + b.length).toBe(GUILDS.length * CLAIMS_PER_GUILD * 2);
			expect(GUILDS.filter((g) => claimedBy.get(g) !== 1)).toEqual([]);
		},
		30_000,
	);
});
