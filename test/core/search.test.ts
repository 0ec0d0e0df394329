import MiniSearch from 'minisearch';
import { describe, expect, test } from 'vitest';
import { buildCorpus, involves, personOf, type Corpus } from '../../src/core/corpus.js';
import { letterDateText, letterYear } from '../../src/core/dates.js';
import type { Letter } from '../../src/core/format.js';
import {
	buildSearch,
	buildSuggestions,
	findLetters,
	LETTERS_PER_WORD,
	lettersForWord,
	searchLetters,
	suggest,
	type SearchIndex,
	type SearchOptions,
	wordsIn,
} from '../../src/core/search.js';
import { queryTextIndex } from '../../src/core/text-index.js';
import { DEFAULT_DATA_DIR, loadDataSet } from '../../src/data/load.js';
import { fixtureCorpus } from '../fixtures/corpus.js';
import { bigThreeCorpus } from '../fixtures/real-data.js';

const index = buildSearch(fixtureCorpus);
const suggestions = buildSuggestions(fixtureCorpus);

let bundled: { corpus: Corpus; search: SearchIndex } | undefined;
/** All the bundled collections (five, one in French), indexed once. */
function bundledSearch(): { corpus: Corpus; search: SearchIndex } {
	if (bundled === undefined) {
		const corpus = buildCorpus(loadDataSet(DEFAULT_DATA_DIR));
		bundled = { corpus, search: buildSearch(corpus) };
	}
	return bundled;
}

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

/** The full-text index as it was built with MiniSearch, to check that the ranking is kept. */
function miniSearchOf(corpus: Corpus, processTerm: (token: string) => string | null) {
	const ms = new MiniSearch<{ id: string; text: string; heading: string; people: string; date: string }>({
		fields: ['text', 'heading', 'people', 'date'],
		processTerm,
		searchOptions: {
			boost: { heading: 2, people: 1.5, date: 1.5 },
			prefix: (_term, i, terms) => i === terms.length - 1,
			fuzzy: (term) => (term.length >= 5 ? 1 : false),
		},
	});
	ms.addAll(
		corpus.letters.map((l) => ({
			id: l.id,
			text: (l.body ?? []).join('\n'),
			heading: [l.heading, l.classification].filter((h) => h !== undefined).join(' '),
			people: [...new Set([...l.from, ...l.to])]
				.map((id) => personOf(corpus, l.collection, id))
				.filter((p) => p !== undefined)
				.map((p) => [p.name, p.shortName, ...p.aliases].join(' '))
				.join(' '),
			date: letterDateText(l),
		})),
	);
	return (query: string) => {
		const and = ms.search(query, { combineWith: 'AND' });
		return (and.length > 0 ? and : ms.search(query, { combineWith: 'OR' })).map((r) => ({
			id: String(r.id),
			score: r.score,
		}));
	};
}

describe("searchLetters: the ranking is MiniSearch's", () => {
	const { corpus, search: real } = bundledSearch();
	const reference = miniSearchOf(corpus, real.text.processTerm);
	// Whole words common and rare, two and three words, typos, names, dates, and half-typed words
	// with few enough completions to be read in full.
	const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
	const vocabulary = [...new Set(corpus.letters.flatMap((l) => wordsOf((l.body ?? []).join(' '))))].sort();
	const every = (n: number) => vocabulary.filter((_, i) => i % n === 0);
	const queries = [
		...every(397),
		// (A word twice counts once here, where MiniSearch counts it twice: pairs of different words.)
		...every(389).map((w, i) => `${w} ${vocabulary[(i * 7919 + 1) % vocabulary.length]}`),
		...every(751).map((w) => `${w.slice(0, 2)}x${w.slice(3)}`),
		...every(773).map((w) => w.slice(0, Math.max(6, w.length - 2))),
		'second front',
		'Stalin Churchill convoys',
		'August 1942',
		'Roosevelt',
		'premier minister',
		'Joséphine',
		'bonaparte armée',
		'emancipation proclamation',
	];

	test.each(queries)('GIVEN "%s" THEN the hits and their scores are MiniSearch\'s, best first', (query) => {
		const result = searchLetters(real, query, { limit: 10 });
		const hits = result.ok ? result.value : [];
		const expected = reference(query).slice(0, 10);
		expect(hits.map((h) => h.score)).toEqual(expected.map((e) => expect.closeTo(e.score, 6)));
		// Equal scores may come in another order; otherwise the letters are the same.
		const key = (id: string, score: number) => `${score.toFixed(6)} ${id}`;
		expect(hits.map((h) => key(h.letter.id, h.score)).sort()).toEqual(expected.map((e) => key(e.id, e.score)).sort());
	});

	test('GIVEN the queries THEN there are enough of them, and most find letters', () => {
		expect(queries.length).toBeGreaterThan(60);
		expect(queries.filter((q) => reference(q).length > 0).length).toBeGreaterThan(50);
	});
});

describe('searchLetters: filters read from indexes', () => {
	const { corpus, search: real } = bundledSearch();
	/** Every hit of a query, AND or else OR, then filtered directly: what a filtered search must return. */
	const direct = (search: SearchIndex, query: string, keep: (id: string) => boolean, limit: number): string[] => {
		const all = (combineWith: 'AND' | 'OR') =>
			queryTextIndex(search.text, query, {
				combineWith,
				limit: search.corpus.letters.length,
				prefix: true,
				fuzzyFrom: 5,
			})
				.map((h) => search.corpus.letters[h.doc]?.id ?? '')
				.filter(keep);
		const and = all('AND');
		return (and.length > 0 ? and : all('OR')).slice(0, limit);
	};
	const byId = (id: string) => corpus.byId.get(id);
	const cases = [
		{ query: 'front', options: { year: 1942 } },
		{ query: 'convoys', options: { correspondent: 'Churchill' } },
		{ query: 'second front', options: { correspondent: 'Roosevelt', year: 1942 } },
		{ query: 'general army', options: { year: 1863, limit: 25 } },
		{ query: 'war', options: { collection: 'lincoln' } },
		{ query: 'war', options: { collection: 'big-three', year: 1942 } },
		{ query: 'dear', options: { correspondent: 'Abigail', limit: 25 } },
		{ query: 'queen', options: { correspondent: 'Victoria', collection: 'victoria' } },
		{ query: 'premier', options: { year: 1800 } },
		// Many letters: read from the bits made at build time.
		{ query: 'war', options: { correspondent: 'Lincoln' } },
		{ query: 'army general', options: { correspondent: 'Lincoln', year: 1862, limit: 25 } },
		{ query: 'dear', options: { correspondent: 'Victoria', limit: 25 } },
	];

	test('GIVEN a name with many letters THEN its bits are made once; a name with few is marked per search', () => {
		const lincoln = corpus.peopleByName.get('lincoln') ?? [];
		expect(real.correspondentBits.has(lincoln)).toBe(true);
		expect(real.correspondentBits.has(corpus.peopleByName.get('abigail') ?? [])).toBe(false);
	});

	test.each(cases)(
		'GIVEN "$query" with $options THEN it returns what filtering every hit would',
		({ query, options }) => {
			const found = searchLetters(real, query, options);
			if (!found.ok) throw new Error(found.error.message);
			const people =
				options.correspondent === undefined
					? undefined
					: [...corpus.people.values()].filter((p) =>
							[p.person.id, p.person.name, p.person.shortName, ...p.person.aliases, ...p.person.name.split(/\s+/)]
								.map((n) => n.toLowerCase())
								.includes(options.correspondent.toLowerCase()),
						);
			const keep = (id: string): boolean => {
				const letter = byId(id);
				return (
					letter !== undefined &&
					(options.year === undefined || letterYear(letter) === options.year) &&
					(options.collection === undefined || letter.collection === options.collection) &&
					(people === undefined || involves(letter, people))
				);
			};
			const expected = direct(real, query, keep, options.limit ?? 10);
			expect(found.value.map((h) => h.letter.id)).toEqual(expected);
			if (options.year !== 1800) expect(expected.length).toBeGreaterThan(0);
		},
	);
});

describe('findLetters: the cheap search of autocomplete', () => {
	const { corpus, search: real } = bundledSearch();
	/** Every hit, without typos, AND or else OR, unbounded. */
	const unbounded = (query: string, collection?: string): string[] => {
		const allow =
			collection === undefined ? undefined : (doc: number) => corpus.letters[doc]?.collection === collection;
		const run = (combineWith: 'AND' | 'OR') =>
			queryTextIndex(real.text, query, {
				combineWith,
				limit: 25,
				prefix: true,
				fuzzyFrom: 0,
				...(allow === undefined ? {} : { allow }),
			}).map((h) => corpus.letters[h.doc]?.id ?? '');
		const and = run('AND');
		return and.length > 0 ? and : run('OR');
	};

	test.each([
		{ query: 'emancipation' },
		{ query: 'stalingr' },
		{ query: 'convoys murmansk' },
		{ query: 'Joséphine', collection: 'napoleon-josephine' },
		{ query: 'proclamation', collection: 'lincoln' },
		{ query: 'premier minist' },
	])(
		'GIVEN "$query" (words of few letters) THEN it finds what an unbounded search without typos finds',
		({ query, collection }) => {
			const found = findLetters(real, query, collection === undefined ? {} : { collection }).map((l) => l.id);
			expect(found).toEqual(unbounded(query, collection));
			expect(found.length).toBeGreaterThan(0);
			if (collection !== undefined)
				expect(found.every((id) => corpus.byId.get(id)?.collection === collection)).toBe(true);
		},
	);

	test('GIVEN a common word THEN it finds at most the limit, each holding the word', () => {
		const found = findLetters(real, 'letter', { limit: 25 });
		expect(found).toHaveLength(25);
		// In the text, the heading, or a correspondent's names.
		const names = (l: Letter) =>
			[...l.from, ...l.to].flatMap((id) => {
				const p = personOf(corpus, l.collection, id);
				return p ? [p.name, ...p.aliases] : [];
			});
		for (const l of found) {
			const searched = [l.heading ?? '', l.classification ?? '', ...(l.body ?? []), ...names(l)];
			expect(searched.join(' ').toLowerCase()).toContain('letter');
		}
	});

	test('GIVEN an unknown collection or no word THEN it finds nothing', () => {
		expect(findLetters(real, 'convoys', { collection: 'nowhere' })).toEqual([]);
		expect(findLetters(real, ' - ')).toEqual([]);
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

describe('wordsIn', () => {
	const pattern = (text: string) => text.match(/[\p{L}][\p{L}'’-]*[\p{L}]/gu) ?? [];

	test.each([
		"Stalin's and Churchill’s -- a--b x-' 'tis y ab- -cd",
		'L’armée française à Moscou; Joséphine, ç’a été',
		'naïve 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ok 1942-08-13 x',
		'',
		'a',
		"''--''",
	])('GIVEN %j THEN it finds the words the pattern matches', (text) => {
		expect(wordsIn(text)).toEqual(pattern(text));
	});

	test('GIVEN every paragraph of the bundled letters THEN it finds the words the pattern matches', () => {
		const { corpus } = bundledSearch();
		let words = 0;
		for (const l of corpus.letters) {
			for (const text of [l.heading ?? '', ...(l.body ?? [])]) {
				const expected = pattern(text);
				words += expected.length;
				if (wordsIn(text).join('|') !== expected.join('|')) expect(wordsIn(text)).toEqual(expected);
			}
		}
		expect(words).toBeGreaterThan(100_000);
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
