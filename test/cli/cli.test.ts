/**
 * The command line, run as a real process against a copy of the big-three data.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bigThreeDataDir } from '../fixtures/real-data.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = bigThreeDataDir();

interface Run {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

function run(args: readonly string[], env: Record<string, string> = {}, entry = 'src/cli/main.ts'): Promise<Run> {
	const node = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[...node, ...args],
			{ cwd: ROOT, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env }, timeout: 30_000 },
			(error, stdout, stderr) => {
				const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
				resolve({ code, stdout, stderr });
			},
		);
	});
}

const cli = (...args: string[]): Promise<Run> => run([...args, '--data-dir', DATA]);

function json(result: Run): Record<string, unknown> {
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	const parsed: unknown = JSON.parse(result.stdout);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected a JSON object');
	return Object.fromEntries(Object.entries(parsed));
}

const LETTER_KEYS = [
	'id',
	'collection',
	'date',
	'from',
	'to',
	'heading',
	'text',
	'excerpt',
	'replyTo',
	'repliedBy',
	'context',
	'source',
];

function expectLetterShape(letter: unknown): void {
	expect(letter).toBeTypeOf('object');
	expect(Object.keys(letter ?? {})).toEqual(expect.arrayContaining(LETTER_KEYS));
	expect(letter).toMatchObject({
		from: expect.arrayContaining([expect.objectContaining({ id: expect.any(String), name: expect.any(String) })]),
		to: expect.arrayContaining([expect.objectContaining({ id: expect.any(String), name: expect.any(String) })]),
		replyTo: expect.any(Array),
		repliedBy: expect.any(Array),
		context: expect.any(String),
		excerpt: expect.any(Boolean),
	});
}

describe.concurrent('letterday as a process', () => {
	test('GIVEN today --date 08-13 THEN it prints the memorandum with a header, source and context, within 100 columns', async () => {
		const result = await cli('today', '--date', '08-13');
		expect(result).toMatchObject({ code: 0, stderr: '' });
		const lines = result.stdout.split('\n');
		expect(lines[0]).toBe('On this day, 13 August: 1 letter');
		expect(lines).toContain('13 August 1942 — Stalin to Churchill (memorandum)');
		expect(result.stdout).toMatch(/^Source: War Telegrams, 1942/m);
		expect(result.stdout).toMatch(/^Context: Stalin \(head of the Soviet government\) to Churchill/m);
		expect(result.stdout).toContain('J. Stalin');
		expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
	});

	test('GIVEN today --date 11-23 --json THEN the nearest day is given with the plain message', async () => {
		const out = json(await cli('today', '--date', '11-23', '--json'));
		expect(out).toMatchObject({
			date: '11-23',
			match: 'nearest',
			message: 'No letter was sent on 23 November; the nearest is 20 November 1942',
			letters: [{ id: 'bt-1942-11-20-stalin-to-churchill', date: '1942-11-20' }],
		});
		expectLetterShape((out.letters as unknown[])[0]);
	});

	test('GIVEN 23:30 UTC on 12 August and --tz Pacific/Auckland THEN today is 13 August', async () => {
		const out = json(await cli('today', '--tz', 'Pacific/Auckland', '--now', '2026-08-12T23:30:00Z', '--json'));
		expect(out).toMatchObject({
			date: '2026-08-13',
			match: 'exact',
			letters: [{ id: 'bt-1942-08-13-stalin-to-churchill' }],
		});
	});

	test('GIVEN letter <id> --json THEN the letter has the documented shape and its links', async () => {
		const out = json(await cli('letter', 'bt-1942-07-23-stalin-to-churchill', '--json'));
		expectLetterShape(out);
		expect(out).toMatchObject({
			id: 'bt-1942-07-23-stalin-to-churchill',
			collection: 'big-three',
			date: '1942-07-23',
			from: [{ id: 'stalin', name: 'Joseph Stalin', shortName: 'Stalin' }],
			to: [{ id: 'churchill', name: 'Winston Churchill', shortName: 'Churchill' }],
			replyTo: ['bt-1942-07-18-churchill-to-stalin'],
			excerpt: false,
			source: { id: 'war-telegrams-1942' },
		});
	});

	test('GIVEN random --seed 7 twice THEN the same exchange comes back, as {letter, reply}', async () => {
		const [a, b] = await Promise.all([cli('random', '--seed', '7', '--json'), cli('random', '--seed', '7', '--json')]);
		const first = json(a);
		expect(json(b)).toEqual(first);
		expectLetterShape(first.letter);
		expectLetterShape(first.reply);
		expect(first.reply).toMatchObject({ replyTo: expect.arrayContaining([(first.letter as { id: string }).id]) });
	});

	test('GIVEN thread <id> --json THEN the letters come in date order with both placeholders', async () => {
		const out = json(await cli('thread', 'bt-1942-07-31-stalin-to-churchill', '--json'));
		const letters = out.letters as { id: string; text: string | null }[];
		expect(letters.map((l) => l.id)).toEqual([
			'bt-1942-07-31-churchill-to-stalin',
			'bt-1942-07-31-churchill-to-stalin-2',
			'bt-1942-07-31-stalin-to-churchill',
		]);
		expect(letters.map((l) => l.text === null)).toEqual([true, true, false]);
		letters.forEach(expectLetterShape);
	});

	test('GIVEN search "second front" --json THEN results are ranked with the memorandum first', async () => {
		const out = json(await cli('search', 'second front', '--json'));
		const results = out.results as { id: string; score: number; snippet: string; letter: unknown }[];
		expect(results[0]?.id).toBe('bt-1942-08-13-stalin-to-churchill');
		expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
		expectLetterShape(results[0]?.letter);
	});

	test('GIVEN collections --json THEN big-three is listed with its counts', async () => {
		const out = json(await cli('collections', '--json'));
		expect(out.collections).toEqual([
			expect.objectContaining({ id: 'big-three', letters: expect.any(Number), placeholders: expect.any(Number) }),
		]);
	});

	test('GIVEN the bin shim THEN it runs the same command line', async () => {
		const result = await run(['collections', '--data-dir', DATA], {}, 'bin/letterday.js');
		expect(result).toMatchObject({ code: 0, stderr: '' });
		expect(result.stdout).toMatch(/^big-three — The Big Three/);
	});

	test.each([
		{
			name: 'an impossible date',
			args: ['today', '--date', '02-30'],
			error: 'letterday: "02-30" is not a real date: February has only 29 days',
		},
		{
			name: 'an unknown timezone',
			args: ['today', '--tz', 'Mars/Olympus'],
			error: 'letterday: "Mars/Olympus" is not a time zone; use an IANA name such as Europe/London or UTC',
		},
		{
			name: 'an unknown id',
			args: ['letter', 'bt-1942-13-01'],
			error: 'letterday: No letter has the id "bt-1942-13-01"; ids look like bt-1942-01-08-stalin-to-churchill',
		},
		{
			name: 'an empty query',
			args: ['search', ''],
			error: 'letterday: The search query is empty; give a word or phrase to look for',
		},
	])('GIVEN $name THEN one line goes to stderr and the exit code is 1', async ({ args, error }) => {
		const result = await cli(...args);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		const lines = result.stderr.trimEnd().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toEqual(error);
	});

	test('GIVEN a data directory with no collections THEN the data problem is printed without a stack trace and the exit code is 1', async () => {
		const result = await run(['today', '--data-dir', mkdtempSync(join(tmpdir(), 'letterday-empty-'))]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(
			/^letterday: the letter data has 1 problem:\n\S*collections \(directory\): holds no collections\n$/,
		);
		expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
	});
});
