import { describe, expect, test } from 'vitest';
import { exchangeFor, randomExchange, type RandomExchangeOptions } from '../../src/core/exchange.js';
import { mulberry32 } from '../../src/core/rng.js';
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
