import { describe, expect, test } from 'vitest';
import {
	buildCorpus,
	findCorrespondent,
	involves,
	isPlaceholder,
	type Corpus,
	type ReplyPair,
} from '../../src/core/corpus.js';
import { letterYear } from '../../src/core/dates.js';
import { exchangeFor, randomExchange, type RandomExchangeOptions } from '../../src/core/exchange.js';
import { mulberry32, pickIndex } from '../../src/core/rng.js';
import { DEFAULT_DATA_DIR, loadDataSet } from '../../src/data/load.js';
import { fixtureCorpus } from '../fixtures/corpus.js';
import { bigThreeCorpus } from '../fixtures/real-data.js';

const pairOf = (options: RandomExchangeOptions, seed: number): string => {
	const result = randomExchange(fixtureCorpus, options, mulberry32(seed));
	if (!result.ok) throw new Error(result.error.message);
	return `${result.value.letter.id} -> ${result.value.reply.id}`;
};

const FULL_1942 = [
	'wr-1942-07-18-churchill-to-stalin -> wr-1942-07-23-stalin-to-churchill',
	'wr-1942-07-18-churchill-to-stalin -> wr-1942-07-26-stalin-to-churchill',
	'wr-1942-07-26-stalin-to-churchill -> wr-1942-07-30-churchill-to-stalin',
];

describe('mulberry32', () => {
	test('GIVEN the same seed twice THEN the sequences are the same, and differ for another seed', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const c = mulberry32(43);
		const first = [a(), a(), a()];
		expect([b(), b(), b()]).toEqual(first);
		expect([c(), c(), c()]).not.toEqual(first);
		expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
	});
});

describe('exchangeFor', () => {
	test.each([
		{
			id: 'wr-1942-07-18-churchill-to-stalin',
			replyTo: [],
			repliedBy: ['wr-1942-07-23-stalin-to-churchill', 'wr-1942-07-26-stalin-to-churchill'],
		},
		{
			id: 'wr-1942-07-26-stalin-to-churchill',
			replyTo: ['wr-1942-07-18-churchill-to-stalin'],
			repliedBy: ['wr-1942-07-30-churchill-to-stalin'],
		},
		{ id: 'wr-1942-08-13-stalin-to-churchill', replyTo: [], repliedBy: [] },
	])('GIVEN $id THEN it answers $replyTo and is answered by $repliedBy', ({ id, replyTo, repliedBy }) => {
		const result = exchangeFor(fixtureCorpus, id);
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value.replyTo.map((l) => l.id)).toEqual(replyTo);
		expect(result.value.repliedBy.map((l) => l.id)).toEqual(repliedBy);
	});
});

describe('randomExchange', () => {
	test.each([1, 2, 3, 99, 123456])('GIVEN seed %i twice THEN the same exchange is chosen', (seed) => {
		expect(pairOf({}, seed)).toBe(pairOf({}, seed));
	});

	test.each([
		{ name: 'no filter', options: {}, allowed: FULL_1942 },
		{ name: 'Churchill in 1942', options: { correspondent: 'Churchill', year: 1942 }, allowed: FULL_1942 },
		{ name: 'the alias "Premier Stalin"', options: { correspondent: 'premier stalin' }, allowed: FULL_1942 },
	])(
		'GIVEN $name THEN only pairs where both letters have text are chosen, and each of them can be',
		({ options, allowed }) => {
			const seen = new Set<string>();
			for (let seed = 1; seed <= 200; seed++) {
				const pair = pairOf(options, seed);
				expect(allowed).toContain(pair);
				seen.add(pair);
			}
			expect([...seen].sort()).toEqual([...allowed].sort());
		},
	);

	test('GIVEN Roosevelt, whose every exchange includes a placeholder THEN a placeholder pair is chosen and the note says so', () => {
		const result = randomExchange(fixtureCorpus, { correspondent: 'FDR' }, mulberry32(7));
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value.bothHaveText).toBe(false);
		expect(result.value.candidates).toEqual({ total: 2, withText: 0 });
		expect(result.value.note).toBe(
			'No exchange with FDR has both texts in the collection, so this one includes a letter whose text is not held',
		);
		expect([result.value.letter.body, result.value.reply.body]).toContain(null);
	});

	test.each([
		{
			name: 'a year without exchanges',
			options: { year: 1944 },
			code: 'no-match',
			message: 'No exchange of letters in 1944 is in the collection',
		},
		{
			name: 'a collection without exchanges',
			options: { collection: 'family' },
			code: 'no-match',
			message: 'No exchange of letters in the family collection is in the collection',
		},
		{
			name: 'an unknown correspondent',
			options: { correspondent: 'Napoleon' },
			code: 'unknown-person',
			message: 'No correspondent is called "Napoleon"; try John, Stalin, Churchill or Roosevelt',
		},
	])('GIVEN $name THEN it fails with $code', ({ options, code, message }) => {
		expect(randomExchange(fixtureCorpus, options, mulberry32(1))).toEqual({ ok: false, error: { code, message } });
	});

	test('GIVEN the real data and seeds 1 to 100 THEN every exchange has both texts and each is a real reply', () => {
		const corpus = bigThreeCorpus();
		for (let seed = 1; seed <= 100; seed++) {
			const result = randomExchange(corpus, {}, mulberry32(seed));
			if (!result.ok) throw new Error(result.error.message);
			expect(result.value.bothHaveText).toBe(true);
			expect(result.value.reply.replyTo.map((r) => r.id)).toContain(result.value.letter.id);
		}
	});

	test('GIVEN the real data, Truman and 1946 THEN the only exchange holds a placeholder and says so', () => {
		const result = randomExchange(bigThreeCorpus(), { correspondent: 'truman', year: 1946 }, mulberry32(1));
		expect(result.ok && [result.value.letter.id, result.value.reply.id, result.value.bothHaveText]).toEqual([
			'bt-recd-1946-04-04-truman-to-stalin',
			'bt-1946-04-06-stalin-to-truman',
			false,
		]);
	});
});

/**
 * What randomExchange chose before its pairs were indexed: a filter of every pair, then a pick;
 * with how many pairs matched and how many of them have both texts.
 */
function naivePick(corpus: Corpus, options: RandomExchangeOptions, seed: number): string | undefined {
	const found = options.correspondent === undefined ? undefined : findCorrespondent(corpus, options.correspondent);
	const people = found?.ok ? found.value : undefined;
	const matches = corpus.replyPairs.filter(
		(pair: ReplyPair) =>
			(people === undefined || involves(pair.letter, people) || involves(pair.reply, people)) &&
			(options.year === undefined ||
				letterYear(pair.letter) === options.year ||
				letterYear(pair.reply) === options.year) &&
			(options.collection === undefined || pair.letter.collection === options.collection),
	);
	const withText = matches.filter((p) => !isPlaceholder(p.letter) && !isPlaceholder(p.reply));
	const rng = mulberry32(seed);
	const pool = withText.length > 0 ? withText : matches;
	const pair = pool[pickIndex(rng, pool.length)];
	return pair === undefined ? undefined : `${pair.letter.id}>${pair.reply.id} of ${matches.length}/${withText.length}`;
}

let all: Corpus | undefined;
function allCollections(): Corpus {
	all ??= buildCorpus(loadDataSet(DEFAULT_DATA_DIR));
	return all;
}

describe('randomExchange over the indexed reply pairs', () => {
	test.each<RandomExchangeOptions>([
		{},
		{ correspondent: 'Churchill' },
		{ correspondent: 'Stalin', year: 1943 },
		{ correspondent: 'Roosevelt', collection: 'big-three' },
		{ correspondent: 'Adams' },
		{ correspondent: 'Adams', year: 1776 },
		{ year: 1942 },
		{ year: 1944, collection: 'big-three' },
		{ year: 1776, collection: 'adams' },
		{ collection: 'adams' },
		{ collection: 'no-such-collection' },
		{ year: 1800 },
	])(
		'GIVEN %o THEN every seed, asked again and again, picks the pair a filter of every pair picks, of as many',
		(options) => {
			const corpus = allCollections();
			for (let seed = 1; seed <= 50; seed++) {
				const result = randomExchange(corpus, options, mulberry32(seed));
				const picked = result.ok
					? `${result.value.letter.id}>${result.value.reply.id} of ${result.value.candidates.total}/${result.value.candidates.withText}`
					: undefined;
				expect(picked).toBe(naivePick(corpus, options, seed));
			}
		},
	);

	test('GIVEN the fixture THEN the person and year indexes list exactly the pairs that involve them', () => {
		const corpus = fixtureCorpus;
		for (const [key, indexes] of corpus.replyPairsByPerson) {
			const person = corpus.people.get(key);
			if (!person) continue;
			const expected = corpus.replyPairs.flatMap((pair, i) =>
				involves(pair.letter, [person]) || involves(pair.reply, [person]) ? [i] : [],
			);
			expect(indexes).toEqual(expected);
		}
		for (const [year, indexes] of corpus.replyPairsByYear) {
			const expected = corpus.replyPairs.flatMap((pair, i) =>
				letterYear(pair.letter) === year || letterYear(pair.reply) === year ? [i] : [],
			);
			expect(indexes).toEqual(expected);
		}
		expect(corpus.replyPairsWithText).toEqual(
			corpus.replyPairs.filter((p) => !isPlaceholder(p.letter) && !isPlaceholder(p.reply)),
		);
	});
});
