/**
 * The command line's `--collection` filter over the real data of every collection, run in-process:
 * each command keeps to the collection asked for, refuses an unknown one the same way, and
 * `collections` lists them all with their counts.
 */
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { buildCorpus } from '../../src/core/corpus.js';
import { DEFAULT_DATA_DIR, loadDataSet } from '../../src/data/load.js';

const corpus = buildCorpus(loadDataSet(DEFAULT_DATA_DIR));
const IDS = corpus.collections.map((c) => c.id);

/** A dated letter with text of each collection, and another collection's id to refuse it with. */
const SAMPLES = IDS.map((collection, i) => {
	const letter = corpus.letters.find(
		(l) => l.collection === collection && l.precision === 'day' && l.body !== null && !l.excerpt,
	);
	if (!letter?.sent) throw new Error(`no dated letter in ${collection}`);
	return { collection, id: letter.id, date: letter.sent, other: IDS[(i + 1) % IDS.length] ?? '' };
});

interface Output {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

async function cli(...args: string[]): Promise<Output> {
	let stdout = '';
	let stderr = '';
	const code = await runCli([...args, '--data-dir', DEFAULT_DATA_DIR], {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		now: () => Date.parse('2026-11-23T12:00:00Z'),
		env: {},
	});
	return { code, stdout, stderr };
}

async function json(...args: string[]): Promise<Record<string, unknown>> {
	const out = await cli(...args, '--json');
	expect(out.stderr).toBe('');
	expect(out.code).toBe(0);
	return JSON.parse(out.stdout) as Record<string, unknown>;
}

function collectionsOf(letters: unknown): string[] {
	return Array.isArray(letters) ? letters.map((l: { collection?: string }) => l.collection ?? '?') : [];
}

test('GIVEN the real data THEN it holds the five collections', () => {
	expect(IDS).toEqual(['adams', 'big-three', 'lincoln', 'napoleon-josephine', 'victoria']);
});

describe('GIVEN collections', () => {
	test('WHEN asked for JSON THEN all five are listed, each with its letters counted', async () => {
		const out = await json('collections');
		const listed = out.collections as { id: string; letters: number; withFullText: number; placeholders: number }[];
		expect(listed.map((c) => c.id)).toEqual(IDS);
		for (const c of listed) {
			const letters = corpus.letters.filter((l) => l.collection === c.id);
			expect(c.letters, c.id).toBe(letters.length);
			expect(c.placeholders, c.id).toBe(letters.filter((l) => l.body === null).length);
			expect(c.withFullText + c.placeholders, c.id).toBeLessThanOrEqual(c.letters);
		}
	});

	test('WHEN printed THEN each collection has a line with its counts', async () => {
		const out = await cli('collections');
		expect(out.code).toBe(0);
		for (const id of IDS) expect(out.stdout).toMatch(new RegExp(`^${id} — .+\\n  \\d+ letters \\(`, 'm'));
		expect(out.stdout).not.toMatch(/\b1 excerpts\b/);
	});
});

describe.each(SAMPLES)('GIVEN --collection $collection', ({ collection, id, date, other }) => {
	test('WHEN today is asked for a day of its letters THEN only its letters are shown', async () => {
		const out = await json('today', '--date', date, '--collection', collection);
		expect(out.match).toBe('exact');
		const letters = out.letters as { id: string }[];
		expect(letters.map((l) => l.id)).toContain(id);
		expect(new Set(collectionsOf(letters))).toEqual(new Set([collection]));
	});

	test('WHEN random draws THEN the letter and its reply are both of it', async () => {
		for (const seed of ['1', '2', '3']) {
			const out = await json('random', '--seed', seed, '--collection', collection);
			expect(collectionsOf([out.letter, out.reply])).toEqual([collection, collection]);
		}
	});

	test('WHEN search looks for a common word THEN every result is of it', async () => {
		const out = await json('search', 'letter', '--collection', collection, '--limit', '20');
		const results = (out.results as { letter: unknown }[]).map((r) => r.letter);
		expect(results.length).toBeGreaterThan(0);
		expect(new Set(collectionsOf(results))).toEqual(new Set([collection]));
	});

	test('WHEN letter and thread are given one of its letters THEN they show it, as without the filter', async () => {
		expect(await json('letter', id, '--collection', collection)).toEqual(await json('letter', id));
		const thread = await json('thread', id, '--collection', collection);
		expect(thread).toEqual(await json('thread', id));
		expect(new Set(collectionsOf(thread.letters))).toEqual(new Set([collection]));
	});

	test('WHEN letter and thread are given a letter of it with another collection THEN they refuse, naming both', async () => {
		for (const command of ['letter', 'thread']) {
			const out = await cli(command, id, '--collection', other);
			expect(out).toEqual({
				code: 1,
				stdout: '',
				stderr: `letterday: The letter ${id} is in the ${collection} collection, not in ${other}\n`,
			});
		}
	});
});

describe('GIVEN an unknown collection', () => {
	const sample = SAMPLES[0];
	test.each([
		['today', '--date', '08-13'],
		['random', '--seed', '1'],
		['search', 'war'],
		['letter', sample?.id ?? ''],
		['thread', sample?.id ?? ''],
	])('WHEN %s is given it THEN the same one line names the collections there are', async (...args) => {
		const out = await cli(...args, '--collection', 'napoleon');
		expect(out).toEqual({
			code: 1,
			stdout: '',
			stderr: `letterday: No collection has the id "napoleon"; the collections are ${IDS.join(', ')}\n`,
		});
	});
});
