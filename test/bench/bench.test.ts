/**
 * The benchmark's own machinery: the synthetic corpus is deterministic and valid, and
 * `bench/main.ts` runs. No timing is asserted: the benchmark reports, it does not judge.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataSet, formatProblem } from '../../src/data/check.js';
import { dataSetFiles, generateDataSet, rawDataSetOf } from '../../bench/synthetic.js';
import { formatTable } from '../../bench/table.js';
import { overlapMs, percentile, summarise } from '../../bench/stats.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('GIVEN the synthetic corpus generator', () => {
	it('WHEN run twice with the same seed THEN the JSON is identical, and another seed differs', () => {
		const a = dataSetFiles(generateDataSet(1_000, 7));
		const b = dataSetFiles(generateDataSet(1_000, 7));
		const c = dataSetFiles(generateDataSet(1_000, 8));
		expect([...a.keys()]).toEqual([...b.keys()]);
		for (const [path, json] of a) expect(json, path).toBe(b.get(path));
		expect([...a.values()].join('')).not.toBe([...c.values()].join(''));
	});

	it('WHEN 1,000 letters are generated THEN checkDataSet finds no problem and every shape of letter is there', () => {
		const data = generateDataSet(1_000);
		const checked = checkDataSet(rawDataSetOf(data));
		expect(checked.problems.map(formatProblem)).toEqual([]);
		const letters = checked.data.collections.flatMap((c) => c.letters);
		expect(letters).toHaveLength(1_000);
		expect(checked.data.collections.length).toBeGreaterThanOrEqual(3);
		const count = (test: (l: (typeof letters)[number]) => boolean): number => letters.filter(test).length;
		expect(count((l) => l.body === null)).toBeGreaterThan(0);
		expect(count((l) => l.excerpt)).toBeGreaterThan(0);
		expect(count((l) => l.replyTo.length > 0)).toBeGreaterThan(100);
		expect(count((l) => l.notes.length > 0)).toBeGreaterThan(0);
		for (const precision of ['day', 'month', 'year', 'unknown'] as const) {
			expect(
				count((l) => l.precision === precision),
				precision,
			).toBeGreaterThan(0);
		}
		// Branches: some letter is answered more than once.
		const answers = new Map<string, number>();
		for (const l of letters) for (const r of l.replyTo) answers.set(r.id, (answers.get(r.id) ?? 0) + 1);
		expect([...answers.values()].some((n) => n > 1)).toBe(true);
		expect(checked.data.timeline.length).toBeGreaterThan(0);
	});
});

describe('GIVEN the table and statistics helpers', () => {
	it('WHEN a table is formatted THEN columns are aligned, numbers to the right', () => {
		const table = formatTable(
			['name', 'value>'],
			[
				['a', '1'],
				['longer', '1,000'],
			],
		);
		expect(table.split('\n')).toEqual([
			'| name   | value |',
			'|--------|------:|',
			'| a      |     1 |',
			'| longer | 1,000 |',
		]);
	});

	it('WHEN percentiles are taken THEN they use the nearest rank', () => {
		const values = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(percentile(values, 50)).toBe(50);
		expect(percentile(values, 99)).toBe(99);
		expect(summarise([3, 1, 2])).toMatchObject({ count: 3, medianMs: 2, maxMs: 3 });
	});

	it('WHEN collections are laid over an interaction THEN only the part inside it counts', () => {
		const gcs = [
			{ start: 5, durationMs: 10 },
			{ start: 18, durationMs: 1 },
			{ start: 30, durationMs: 5 },
		];
		expect(overlapMs(gcs, 10, 20)).toBe(6);
		expect(overlapMs(gcs, 20, 30)).toBe(0);
		expect(overlapMs(gcs, 0, 100)).toBe(16);
	});
});

describe('GIVEN npm run bench', () => {
	it('WHEN run with --quick --only core THEN it exits 0 and prints the core table', async () => {
		const out = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
		const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
			const child = spawn(
				process.execPath,
				['--import', 'tsx', join(ROOT, 'bench', 'main.ts'), '--quick', '--only', 'core', '--out', out],
				{
					cwd: ROOT,
					env: { PATH: process.env.PATH ?? '' },
				},
			);
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			child.on('error', reject);
			child.on('close', (code) => resolve({ code, stdout, stderr }));
		});
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain('## Core: per call (µs)');
		expect(result.stdout).toMatch(/\| corpus\s+\| operation\s+\| median µs \| p99 µs \| ops \| target \| result \|/);
		expect(result.stdout).toContain('| 10,000 ');
		expect(result.stdout).not.toContain('## Bot');
		expect(readdirSync(out)).toContain('latest.json');
		rmSync(out, { recursive: true, force: true });
	}, 120_000);
});
