/**
 * Two real processes sharing one store race to claim the same posts: each (server, date) must be
 * claimed exactly once in total. The in-process contract tests open two stores on separate
 * connections; this checks the same across process boundaries, as two bot processes would run.
 * One pair of processes races on SQLite, Redis and PostgreSQL at once, to keep start-up cost low.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { postgresCase, redisCase, sqliteCase } from './backends.js';
import type { WorkerInput, WorkerOutput } from './claim-worker.js';

const WORKER = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));
const GUILDS = Array.from({ length: 100 }, (_, i) => String(200_000_000_000_000_000n + BigInt(i)));
const CLAIMS_PER_GUILD = 4;

interface Worker {
	readonly ready: Promise<void>;
	readonly output: Promise<WorkerOutput>;
	go(): void;
}

const cases = [sqliteCase(), redisCase(), postgresCase()];

function startWorker(owner: string): Worker {
	const input: WorkerInput = {
		stores: cases.map((c) => ({ name: c.name, url: c.url, options: c.options })),
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
	const output = new Promise<WorkerOutput>((resolve, reject) => {
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code !== 0) reject(new Error(`worker ${owner} exited with ${code}`));
		});
		lines.on('line', (line) => {
			if (line === 'ready') markReady();
			else resolve(JSON.parse(line) as WorkerOutput);
		});
	});
	return { ready, output, go: () => child.stdin.end('go\n') };
}

let outputs: WorkerOutput[] = [];

beforeAll(async () => {
	// Create the SQL tables before the race, as a deployed store would have them.
	for (const c of cases) await (await c.open()).close();
	const workers = [startWorker('process-a'), startWorker('process-b')];
	await Promise.all(workers.map((w) => w.ready));
	for (const w of workers) w.go();
	outputs = await Promise.all(workers.map((w) => w.output));
}, 30_000);

afterAll(async () => {
	await Promise.all(cases.map((c) => c.cleanup()));
});

describe('two processes', () => {
	test.each(cases.map((c) => ({ name: c.name })))(
		`GIVEN two processes on $name, each claiming 100 posts ${CLAIMS_PER_GUILD} times at once THEN each post is claimed exactly once`,
		({ name }) => {
			const results = outputs.flatMap((output) => output[name] ?? []);
			expect(results).toHaveLength(GUILDS.length * CLAIMS_PER_GUILD * 2);
			const claimedBy = new Map<string, number>();
			for (const [guild, result] of results) {
				if (result === 'claimed') claimedBy.set(guild, (claimedBy.get(guild) ?? 0) + 1);
			}
			expect(GUILDS.filter((g) => claimedBy.get(g) !== 1)).toEqual([]);
			expect(results.filter(([, r]) => r === 'taken')).toHaveLength(GUILDS.length * (CLAIMS_PER_GUILD * 2 - 1));
		},
	);
});
