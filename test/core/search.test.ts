import { describe, expect, test } from 'vitest';
import {
	buildSearch,
	buildSuggestions,
	LETTERS_PER_WORD,
	lettersForWord,
	searchLetters,
	suggest,
	type SearchOptions,
} from '../../src/core/search.js';
import { fixtureCorpus } from '../fixtures/corpus.js';
import { bigThreeCorpus } from '../fixtures/real-data.js';

const index = buildSearch(fixtureCorpus);
const suggestions = buildSuggestions(fixtureCorpus);

const found = (query: string, options: SearchOptions = {}): string[] => {
	const result = searchLetters(index, query, options);
	if (!result.ok) throw new Error(result.error.message);
	return result.value.map((h) => h.letter.id);
};

describe('searchLetters: ranking', () => {
	test.each([
		{
			name: 'a word in the heading ranks above the same word only in a person alias',
			query: 'premier',
			first: ['wr-1942-07-18-churchill-to-stalin', 'wr-1942-07-23-stalin-to-churchill'],
		},
		{ name: 'a person by first name', query: 'abigail', first: ['fm-1776-08-13-john-to-abigail'] },
		{
			name: 'a half-typed last word',
			query: 'Stalingr',
			first: ['wr-1943-02-28-churchill-to-stalin', 'wr-1942-11-08-stalin-to-churchill'],
		},
		{
			name: 'a word in the text ranks above a one-letter typo of it',
			query: 'convoy',
			first: ['wr-1942-07-18-churchill-to-stalin', 'wr-1942-03-16-churchill-to-stalin'],
		},
	])('GIVEN $name THEN those letters come first', ({ query, first }) => {
		expect(found(query).slice(0, first.length).sort()).toEqual([...first].sort());
	});

	test('GIVEN two words THEN letters holding both come before letters holding one, which appear only when none holds both', () => {
		expect(found('tanks aircraft')).toEqual(['wr-1942-03-10-stalin-to-churchill']);
		expect(found('tanks leap-day').sort()).toEqual([
			'wr-1942-03-10-stalin-to-churchill',
			'wr-1944-02-29-roosevelt-to-stalin',
		]);
	});

	test('GIVEN a typo of five letters or more THEN it still finds the word', () => {
		expect(found('convoi')).toContain('wr-1942-03-16-churchill-to-stalin');
	});

	test('GIVEN a query THEN each hit has a snippet around the match and the terms that matched', () => {
		const result = searchLetters(index, 'Stalingrad');
		const hit = result.ok ? result.value.find((h) => h.letter.id === 'wr-1942-11-08-stalin-to-churchill') : undefined;
		expect(hit?.snippet).toBe('Your message received on November 5. The front at Stalingrad holds.');
		expect(hit?.terms).toEqual(['stalingrad']);
	});

	test('GIVEN the real data and "second front" THEN the memorandum of 13 August 1942 ranks first', () => {
		const result = searchLetters(buildSearch(bigThreeCorpus()), 'second front');
		expect(result.ok && result.value[0]?.letter.id).toBe('bt-1942-08-13-stalin-to-churchill');
	});
});

describe('searchLetters: filters', () => {
	test.each([
		{
			name: 'a year',
			query: 'second front',
			options: { year: 1942 },
			ids: ['wr-1942-07-23-stalin-to-churchill', 'wr-1942-08-13-stalin-to-churchill'],
		},
		{
			name: 'a correspondent',
			query: 'second front',
			options: { correspondent: 'Roosevelt' },
			ids: ['wr-1943-06-stalin-to-roosevelt'],
		},
		{
			name: 'a collection',
			query: 'convoy',
			options: { collection: 'family' },
			ids: ['fm-1776-08-13-john-to-abigail'],
		},
		{
			name: 'a correspondent and a year',
			query: 'convoy',
			options: { correspondent: 'churchill', year: 1942, limit: 2 },
			ids: ['wr-1942-03-16-churchill-to-stalin', 'wr-1942-07-18-churchill-to-stalin'],
		},
		{ name: 'a year with no match', query: 'convoy', options: { year: 1944 }, ids: [] },
	])('GIVEN $name THEN only matching letters are returned', ({ query, options, ids }) => {
		expect(found(query, options).sort()).toEqual(ids);
	});

	test.each([
		{
			query: '',
			options: {},
			code: 'empty-query',
			message: 'The search query is empty; give a word or phrase to look for',
		},
		{
			query: '   ',
			options: {},
			code: 'empty-query',
			message: 'The search query is empty; give a word or phrase to look for',
		},
		{
			query: 'of the',
			options: {},
			code: 'empty-query',
			message: 'The search query "of the" has only common words; add a more particular one',
		},
		{
			query: 'convoy',
			options: { collection: 'napoleon' },
			code: 'no-match',
			message: 'No collection has the id "napoleon"; the collections are war, family',
		},
		{
			query: 'convoy',
			options: { correspondent: 'Napoleon' },
			code: 'unknown-person',
			message: 'No correspondent is called "Napoleon"; try John, Stalin, Churchill or Roosevelt',
		},
	])('GIVEN query "$query" with $options THEN it fails with $code', ({ query, options, code, message }) => {
		expect(searchLetters(index, query, options)).toEqual({ ok: false, error: { code, message } });
	});
});

describe('suggest', () => {
	test.each([
		{ typed: 'chur', first: { kind: 'person', value: 'churchill', label: 'Winston Churchill' } },
		{ typed: 'FDR', first: { kind: 'person', value: 'roosevelt', label: 'Franklin D. Roosevelt' } },
		{
			typed: 'wr-1942-08',
			first: {
				kind: 'letter',
				value: 'wr-1942-08-13-stalin-to-churchill',
				label: '13 August 1942 — Stalin to Churchill',
			},
		},
		{ typed: '1943-08', first: { kind: 'date', value: '1943-08', label: 'August 1943 (2 letters)' } },
		{ typed: '13 aug', first: { kind: 'date', value: '1776-08-13', label: '13 August 1776 (1 letter)' } },
		{ typed: 'stalingr', first: { kind: 'word', value: 'stalingrad', label: 'stalingrad (2 letters)' } },
	])('GIVEN "$typed" THEN the first suggestion is $first.value', ({ typed, first }) => {
		expect(suggest(suggestions, typed)[0]).toEqual(first);
	});

	test.each([
		{ typed: '', limit: 10, count: 0 },
		{ typed: 'zzzz', limit: 10, count: 0 },
		{ typed: 's', limit: 3, count: 3 },
		{ typed: 'wr-', limit: 25, count: 21 },
	])('GIVEN "$typed" with limit $limit THEN there are $count suggestions', ({ typed, limit, count }) => {
		expect(suggest(suggestions, typed, limit)).toHaveLength(count);
	});

	test('GIVEN only some kinds THEN only those are suggested', () => {
		expect(suggest(suggestions, 'sta', 10, ['word']).every((s) => s.kind === 'word')).toBe(true);
	});
});

describe('lettersForWord', () => {
	/** Uses of a word in a letter's heading and text, folded as the suggestion tables fold them. */
	const uses = (text: string, word: string): number =>
		(text.toLowerCase().match(/[\p{L}][\p{L}'’-]*[\p{L}]/gu) ?? []).filter((w) => w === word).length;
	const naive = (word: string, collection?: string): string[] =>
		fixtureCorpus.letters
			.filter((l) => collection === undefined || l.collection === collection)
			.map((l) => ({ id: l.id, n: uses([l.heading ?? '', ...(l.body ?? [])].join(' '), word) }))
			.filter((e) => e.n > 0)
			.sort((a, b) => b.n - a.n)
			.slice(0, LETTERS_PER_WORD)
			.map((e) => e.id);

	test.each(['stalin', 'convoys', 'front', 'message', 'minister', 'second'])(
		'GIVEN the word %s THEN it lists the letters that use it most, ties in date order, overall and per collection',
		(word) => {
			expect(lettersForWord(suggestions, word)).toEqual(naive(word));
			expect(lettersForWord(suggestions, word).length).toBeGreaterThan(0);
			for (const c of fixtureCorpus.collections)
				expect(lettersForWord(suggestions, word, c.id)).toEqual(naive(word, c.id));
		},
	);

	test('GIVEN a word no letter uses THEN there are no letters', () => {
		expect(lettersForWord(suggestions, 'zzzzqx')).toEqual([]);
	});
});
