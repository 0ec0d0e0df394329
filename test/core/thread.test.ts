import { describe, expect, test } from 'vitest';
import { buildCorpus } from '../../src/core/corpus.js';
import { threadFor, type Thread } from '../../src/core/thread.js';
import { fixtureCorpus, letter, repliesTo, warCollection, warPeople } from '../fixtures/corpus.js';
import { bigThreeCorpus } from '../fixtures/real-data.js';

const outline = (thread: Thread): string[] =>
	thread.entries.map(
		(e) =>
			`${'  '.repeat(e.depth)}${e.letter.id}${e.placeholder ? ' (placeholder)' : ''}${e.branches ? ' (branches)' : ''}`,
	);

describe('threadFor over the fixture', () => {
	const branch = [
		'wr-1942-07-18-churchill-to-stalin (branches)',
		'  wr-1942-07-23-stalin-to-churchill',
		'  wr-1942-07-26-stalin-to-churchill',
		'    wr-1942-07-30-churchill-to-stalin',
	];
	test.each([
		{ name: 'the letter answered twice', id: 'wr-1942-07-18-churchill-to-stalin', outline: branch },
		{ name: 'one branch of it', id: 'wr-1942-07-23-stalin-to-churchill', outline: branch },
		{ name: 'the end of the other branch', id: 'wr-1942-07-30-churchill-to-stalin', outline: branch },
		{
			name: 'a reply to a dated placeholder',
			id: 'wr-1942-07-12-stalin-to-roosevelt',
			outline: ['wr-1942-07-10-roosevelt-to-stalin (placeholder)', '  wr-1942-07-12-stalin-to-roosevelt'],
		},
		{
			name: 'a placeholder known only by when it was received',
			id: 'wr-recd-1942-11-05-churchill-to-stalin',
			outline: ['wr-recd-1942-11-05-churchill-to-stalin (placeholder)', '  wr-1942-11-08-stalin-to-churchill'],
		},
		{
			name: 'a reply known only to the month, after the day-dated letter it answers',
			id: 'wr-1943-06-stalin-to-roosevelt',
			outline: ['wr-1943-06-04-roosevelt-to-stalin (placeholder)', '  wr-1943-06-stalin-to-roosevelt'],
		},
		{
			name: 'a letter with no replies',
			id: 'wr-1942-08-13-stalin-to-churchill',
			outline: ['wr-1942-08-13-stalin-to-churchill'],
		},
	])('GIVEN $name THEN the thread is in date order with depths and branches', ({ id, outline: expected }) => {
		const result = threadFor(fixtureCorpus, id);
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value.focus).toBe(id);
		expect(outline(result.value)).toEqual(expected);
	});

	test('GIVEN the branching letter THEN its entry lists both replies as children', () => {
		const result = threadFor(fixtureCorpus, 'wr-1942-07-18-churchill-to-stalin');
		expect(result.ok && result.value.entries[0]?.children).toEqual([
			'wr-1942-07-23-stalin-to-churchill',
			'wr-1942-07-26-stalin-to-churchill',
		]);
	});

	test('GIVEN reply links that form a cycle THEN the thread still ends, with every letter once', () => {
		const a = letter({
			id: 'wr-undated-a-to-b',
			sent: null,
			precision: 'unknown',
			from: ['stalin'],
			to: ['churchill'],
			replyTo: repliesTo('wr-undated-b-to-a'),
		});
		const b = letter({
			id: 'wr-undated-b-to-a',
			sent: null,
			precision: 'unknown',
			from: ['churchill'],
			to: ['stalin'],
			replyTo: repliesTo('wr-undated-a-to-b'),
		});
		const corpus = buildCorpus({
			collections: [{ collection: warCollection, people: warPeople, letters: [a, b] }],
			timeline: [],
		});
		const result = threadFor(corpus, a.id);
		expect(result.ok && result.value.entries.map((e) => e.letter.id).sort()).toEqual([a.id, b.id]);
	});

	test('GIVEN an unknown id THEN it fails with unknown-letter', () => {
		const result = threadFor(fixtureCorpus, 'wr-nope');
		expect(result.ok ? undefined : result.error.code).toBe('unknown-letter');
	});
});

describe('threadFor over the real big-three data', () => {
	test("GIVEN Stalin's reply of 31 July 1942 THEN the thread holds both placeholders it answers", () => {
		const result = threadFor(bigThreeCorpus(), 'bt-1942-07-31-stalin-to-churchill');
		if (!result.ok) throw new Error(result.error.message);
		expect(outline(result.value)).toEqual([
			'bt-1942-07-31-churchill-to-stalin (placeholder)',
			'bt-1942-07-31-churchill-to-stalin-2 (placeholder)',
			'  bt-1942-07-31-stalin-to-churchill',
		]);
		expect(result.value.entries[2]?.parents).toEqual([
			'bt-1942-07-31-churchill-to-stalin',
			'bt-1942-07-31-churchill-to-stalin-2',
		]);
	});

	test('GIVEN the Bern exchange of 1945 THEN letters known only to the year or month follow what they answer', () => {
		const result = threadFor(bigThreeCorpus(), 'bt-1945-04-11-roosevelt-to-stalin');
		expect(result.ok && result.value.entries.map((e) => e.letter.id)).toEqual([
			'bt-1945-roosevelt-to-stalin',
			'bt-1945-04-03-stalin-to-roosevelt',
			'bt-1945-04-04-roosevelt-to-stalin',
			'bt-1945-04-stalin-to-roosevelt',
			'bt-1945-04-11-roosevelt-to-stalin',
		]);
	});

	test('GIVEN every letter THEN each thread contains it, has no duplicates and never puts a reply before its parent', () => {
		const corpus = bigThreeCorpus();
		for (const l of corpus.letters) {
			const result = threadFor(corpus, l.id);
			if (!result.ok) throw new Error(result.error.message);
			const order = result.value.entries.map((e) => e.letter.id);
			expect(new Set(order).size).toBe(order.length);
			expect(order).toContain(l.id);
			for (const [i, entry] of result.value.entries.entries()) {
				for (const parent of entry.parents) expect(order.indexOf(parent)).toBeLessThan(i);
			}
		}
	});
});
