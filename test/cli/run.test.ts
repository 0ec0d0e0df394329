/**
 * The command line run in-process through runCli with a captured clock, environment and output:
 * the many variants that would be slow as processes (cli.test.ts runs each command as a process).
 */
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { bigThreeDataDir } from '../fixtures/real-data.js';

const DATA = bigThreeDataDir();

interface Output {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

async function cli(
	args: readonly string[],
	options: { env?: Readonly<Record<string, string | undefined>>; now?: string } = {},
): Promise<Output> {
	let stdout = '';
	let stderr = '';
	const code = await runCli([...args, '--data-dir', DATA], {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		now: () => Date.parse(options.now ?? '2026-11-23T12:00:00Z'),
		env: options.env ?? {},
	});
	return { code, stdout, stderr };
}

describe('runCli: today and the clock', () => {
	test.each([
		{ name: 'UTC by default', env: {}, now: '2026-08-12T23:30:00Z', date: '2026-08-12' },
		{ name: 'the zone in TZ', env: { TZ: 'Pacific/Auckland' }, now: '2026-08-12T23:30:00Z', date: '2026-08-13' },
		{ name: 'an empty TZ (UTC)', env: { TZ: '' }, now: '2026-08-12T23:30:00Z', date: '2026-08-12' },
		{
			name: 'Honolulu just after midnight UTC',
			env: { TZ: 'Pacific/Honolulu' },
			now: '2026-08-14T05:00:00Z',
			date: '2026-08-13',
		},
	])('GIVEN $name THEN today is $date', async ({ env, now, date }) => {
		const out = await cli(['today', '--json'], { env, now });
		expect(out.code).toBe(0);
		expect(JSON.parse(out.stdout)).toMatchObject({ date });
	});

	test('GIVEN a day with no letter within a week THEN the message says so and the exit code is 0', async () => {
		const out = await cli(['today', '--date', '09-20']);
		expect(out).toEqual({
			code: 0,
			stdout: 'No letter was sent on 20 September, nor within a week either side of it\n',
			stderr: '',
		});
	});

	test('GIVEN --date 2026-02-28 THEN the header names 28 February', async () => {
		const out = await cli(['today', '--date', '2026-02-28']);
		expect(out.code).toBe(0);
		expect(out.stdout.split('\n')[0]).toMatch(
			/^(On this day, 28 February: \d+ letters?|No letter was sent on 28 February.*)$/,
		);
	});
});

describe('runCli: text output', () => {
	test('GIVEN letter <id> for a placeholder THEN the text says it is not held and names the reply', async () => {
		const out = await cli(['letter', 'bt-1942-07-18-churchill-to-stalin']);
		expect(out.code).toBe(0);
		expect(out.stdout).toContain('18 July 1942 — Churchill to Stalin (message, text not held)');
		expect(out.stdout).toContain('[The text of this letter is not in the collection.]');
		expect(out.stdout).toContain(
			'Answered by: 23 July 1942 — Stalin to Churchill (message) [bt-1942-07-23-stalin-to-churchill]',
		);
	});

	test('GIVEN letter <id> for an excerpt THEN it is marked as one', async () => {
		const out = await cli(['letter', 'bt-1941-09-03-stalin-to-churchill']);
		expect(out.stdout).toContain('3 September 1941 — Stalin to Churchill (message, excerpt)');
		expect(out.stdout).toContain('[Only part of this letter is known; what follows is quoted.]');
	});

	test('GIVEN random text output THEN it names the seed to get the same exchange again', async () => {
		const out = await cli(['random', '--seed', '11']);
		expect(out.code).toBe(0);
		expect(out.stdout).toMatch(/^An exchange: /);
		expect(out.stdout).toContain('Seed: 11 (run again with --seed 11 for the same exchange)');
	});

	test('GIVEN random --from truman --year 1946 THEN the only exchange is shown with a note about the missing text', async () => {
		const out = await cli(['random', '--from', 'Truman', '--year', '1946', '--json']);
		expect(JSON.parse(out.stdout)).toMatchObject({
			letter: { id: 'bt-recd-1946-04-04-truman-to-stalin', text: null },
			reply: { id: 'bt-1946-04-06-stalin-to-truman' },
			note: expect.stringContaining('whose text is not held'),
		});
	});

	test('GIVEN thread <id> as text THEN placeholders are marked and the outline is indented', async () => {
		const out = await cli(['thread', 'bt-1942-07-31-stalin-to-churchill']);
		expect(out.stdout.split('\n')).toEqual([
			'Thread of 3 letters around bt-1942-07-31-stalin-to-churchill, in date order:',
			'',
			'• 31 July 1942 — Churchill to Stalin (message, text not held) [bt-1942-07-31-churchill-to-stalin]',
			'• 31 July 1942 — Churchill to Stalin (message, text not held) [bt-1942-07-31-churchill-to-stalin-2]',
			'  ▶ 31 July 1942 — Stalin to Churchill (message) [bt-1942-07-31-stalin-to-churchill] — answers 2 letters',
			'',
		]);
	});

	test('GIVEN search with --from and --year THEN every result matches both filters', async () => {
		const out = await cli(['search', 'second front', '--from', 'roosevelt', '--year', '1942', '--json']);
		const results = (
			JSON.parse(out.stdout) as {
				results: { letter: { date: string; from: { id: string }[]; to: { id: string }[] } }[];
			}
		).results;
		expect(results.length).toBeGreaterThan(0);
		for (const { letter } of results) {
			expect(letter.date.startsWith('1942')).toBe(true);
			expect([...letter.from, ...letter.to].map((p) => p.id)).toContain('roosevelt');
		}
	});

	test('GIVEN search text output THEN results are numbered with snippets', async () => {
		const out = await cli(['search', 'Stalingrad', '--limit', '2']);
		expect(out.stdout).toMatch(/^2 results for "Stalingrad", best first:\n\n1\. .*\[bt-[a-z0-9-]+\]\n {3}\S/);
	});

	test('GIVEN search with no match THEN it says so and exits 0', async () => {
		expect(await cli(['search', 'xylophone'])).toEqual({
			code: 0,
			stdout: 'No letter matches "xylophone".\n',
			stderr: '',
		});
	});
});

describe('runCli: bad input', () => {
	test.each([
		{
			name: 'a date that is not one',
			args: ['today', '--date', 'tomorrow'],
			error: /^letterday: "tomorrow" is not a date; give a date as YYYY-MM-DD or MM-DD/,
		},
		{
			name: '29 February in a common year',
			args: ['today', '--date', '2026-02-29'],
			error: /^letterday: "2026-02-29" is not a real date: February 2026 has only 28 days$/,
		},
		{ name: 'a bad --now', args: ['today', '--now', 'soon'], error: /^letterday: --now must be an ISO instant/ },
		{
			name: 'an unknown id for a thread',
			args: ['thread', 'nope'],
			error: /^letterday: No letter has the id "nope"; ids look like /,
		},
		{
			name: 'a near-miss id',
			args: ['letter', 'bt-1942-08-13'],
			error: /^letterday: No letter has the id "bt-1942-08-13"; did you mean bt-1942-08-13-stalin-to-churchill\?$/,
		},
		{ name: 'a blank query', args: ['search', '   '], error: /^letterday: The search query is empty/ },
		{ name: 'a missing query', args: ['search'], error: /^letterday: missing required argument 'query'$/ },
		{
			name: 'a bad year',
			args: ['random', '--year', 'abc'],
			error: /^letterday: --year must be a four-digit year such as 1942, not "abc"$/,
		},
		{ name: 'a bad seed', args: ['random', '--seed', '1.5'], error: /^letterday: --seed must be a whole number/ },
		{
			name: 'an unknown correspondent',
			args: ['random', '--from', 'Napoleon'],
			error: /^letterday: No correspondent is called "Napoleon"; try Stalin/,
		},
		{
			name: 'a year with no exchange',
			args: ['random', '--year', '1944'],
			error: /^letterday: No exchange of letters in 1944 is in the collection$/,
		},
		{
			name: 'an unknown collection',
			args: ['search', 'front', '--collection', 'napoleon'],
			error: /^letterday: No collection has the id "napoleon"/,
		},
		{
			name: 'an unknown collection for today',
			args: ['today', '--collection', 'napoleon'],
			error: /^letterday: No collection has the id "napoleon"; the collections are big-three$/,
		},
		{ name: 'an unknown option', args: ['today', '--bogus'], error: /^letterday: unknown option '--bogus'$/ },
		{ name: 'an unknown command', args: ['yesterday'], error: /^letterday: unknown command 'yesterday'/ },
	])('GIVEN $name THEN one line goes to stderr and the exit code is 1', async ({ args, error }) => {
		const out = await cli(args);
		expect(out.code).toBe(1);
		expect(out.stdout).toBe('');
		expect(out.stderr.endsWith('\n')).toBe(true);
		expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(out.stderr.trimEnd()).toMatch(error);
	});

	test('GIVEN an invalid TZ in the environment THEN the error names the TZ variable', async () => {
		const out = await cli(['today'], { env: { TZ: 'Nowhere/Atall' } });
		expect(out).toEqual({
			code: 1,
			stdout: '',
			stderr:
				'letterday: "Nowhere/Atall" (from the TZ variable) is not a time zone; use an IANA name such as Europe/London or UTC\n',
		});
	});

	test('GIVEN --help THEN usage goes to stdout and the exit code is 0', async () => {
		const out = await cli(['--help']);
		expect(out.code).toBe(0);
		expect(out.stdout).toMatch(/^Usage: letterday \[options\] \[command\]/);
	});
});
