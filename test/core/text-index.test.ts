import { describe, expect, test } from 'vitest';
import { buildTextIndex, COMPLETION_POSTINGS, queryTextIndex, type TextIndex } from '../../src/core/text-index.js';

const lower = (token: string): string | null => (token === '' ? null : token.toLowerCase());

function indexOf(documents: readonly string[][]): TextIndex {
	return buildTextIndex(
		documents.length,
		[0, 1].map((f) => ({ boost: f === 0 ? 1 : 2, text: (doc: number) => documents[doc]?.[f] ?? '' })),
		lower,
	);
}

/** Levenshtein distance, the plain way. */
function distance(a: string, b: string): number {
	let row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++) {
			next[j] = Math.min(
				(row[j] ?? 0) + 1,
				(next[j - 1] ?? 0) + 1,
				(row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		}
		row = next;
	}
	return row[b.length] ?? 0;
}

/** Every term any hit of the query holds. */
function matchedTerms(index: TextIndex, query: string, options: { prefix: boolean; fuzzyFrom: number }): string[] {
	const hits = queryTextIndex(index, query, { combineWith: 'OR', limit: index.documentCount, ...options });
	return [...new Set(hits.flatMap((h) => h.terms))].sort();
}

const words = [
	'convoy',
	'convoys',
	'convey',
	'conveys',
	'envoy',
	'convo',
	'conboy',
	'convoyed',
	'ocnvoy',
	'cnvoy',
	'letter',
	'letters',
	'latter',
	'lette',
	'lettre',
	'better',
	'bitter',
	'aa',
	'aaa',
	'aaaa',
	'aaaaa',
	'aaaaaa',
	'abaa',
	'aaba',
	'stalingrad',
	'stalingrads',
	'stalin',
];
const vocabulary = indexOf(words.map((w, i) => [`${w} filler${i % 3}`, i % 5 === 0 ? w : '']));

describe('buildTextIndex', () => {
	test('GIVEN documents THEN every distinct processed token is a term, sorted, and empty tokens are skipped', () => {
		const index = indexOf([
			['Hello, world. Hello!', ''],
			['world-wide', 'HELLO'],
		]);
		expect(index.terms).toEqual(['hello', 'wide', 'world']);
	});

	test('GIVEN a term in several documents and fields THEN its postings name those documents in order, with counts', () => {
		const index = indexOf([
			['b a a', 'a'],
			['c', ''],
			['a', 'b'],
		]);
		const rank = index.terms.indexOf('a');
		const [text, heading] = index.fields;
		const postings = (f: typeof text) =>
			f
				? [...f.docs.slice(f.offsets[rank], f.offsets[rank + 1])].map((d, i) => [
						d,
						f.freqs[(f.offsets[rank] ?? 0) + i],
					])
				: [];
		expect(postings(text)).toEqual([
			[0, 2],
			[2, 1],
		]);
		expect(postings(heading)).toEqual([[0, 1]]);
	});
});

describe('buildTextIndex: counts', () => {
	test('GIVEN a word used more than 255 times in a document THEN its count is kept whole and it ranks above one used 255 times', () => {
		const index = indexOf([
			[Array(255).fill('echo').join(' '), ''],
			[Array(300).fill('echo').join(' '), ''],
		]);
		const [text] = index.fields;
		expect(text && [...text.freqs]).toEqual([255, 300]);
		const hits = queryTextIndex(index, 'echo', { combineWith: 'AND', limit: 2, prefix: false, fuzzyFrom: 0 });
		expect(hits.map((h) => h.doc)).toEqual([1, 0]);
	});
});

describe('queryTextIndex', () => {
	test.each(['convoy', 'letter', 'aaaaa', 'stalingrad', 'conveys', 'lettre', 'zzzzz'])(
		'GIVEN the word %s with one typo allowed THEN it matches exactly the terms within one edit of it',
		(word) => {
			const expected = vocabulary.terms.filter((t) => distance(t, word) <= 1).sort();
			expect(matchedTerms(vocabulary, word, { prefix: false, fuzzyFrom: 5 })).toEqual(expected);
		},
	);

	test('GIVEN a word shorter than fuzzyFrom THEN only the word itself matches', () => {
		expect(matchedTerms(vocabulary, 'aaaa', { prefix: false, fuzzyFrom: 5 })).toEqual(['aaaa']);
	});

	test('GIVEN a half-typed last word THEN it matches the word and its completions, and earlier words only themselves', () => {
		expect(matchedTerms(vocabulary, 'conv', { prefix: true, fuzzyFrom: 0 })).toEqual(
			words.filter((w) => w.startsWith('conv')).sort(),
		);
		expect(matchedTerms(vocabulary, 'lette conv', { prefix: true, fuzzyFrom: 0 })).toEqual(
			['lette', ...words.filter((w) => w.startsWith('conv'))].sort(),
		);
	});

	test('GIVEN AND THEN only documents holding every word; with OR, documents holding more words first', () => {
		const index = indexOf([
			['red green', ''],
			['red', ''],
			['green blue', ''],
			['red green blue', ''],
		]);
		const and = queryTextIndex(index, 'red green', { combineWith: 'AND', limit: 10, prefix: false, fuzzyFrom: 0 });
		expect(and.map((h) => h.doc).sort()).toEqual([0, 3]);
		const or = queryTextIndex(index, 'red blue', { combineWith: 'OR', limit: 10, prefix: false, fuzzyFrom: 0 });
		expect(or[0]?.doc).toBe(3);
		expect(or.map((h) => h.doc).sort()).toEqual([0, 1, 2, 3]);
	});

	test('GIVEN an allow test THEN only allowed documents are returned, for AND and OR', () => {
		const index = indexOf(Array.from({ length: 40 }, (_, i) => [`word${i % 4} common`, '']));
		for (const combineWith of ['AND', 'OR'] as const) {
			const hits = queryTextIndex(index, 'common word1', {
				combineWith,
				limit: 40,
				prefix: false,
				fuzzyFrom: 0,
				allow: (doc) => doc % 3 === 0,
			});
			const expected = Array.from({ length: 40 }, (_, i) => i).filter(
				(i) => i % 3 === 0 && (combineWith === 'OR' || i % 4 === 1),
			);
			expect(hits.map((h) => h.doc).sort((a, b) => a - b)).toEqual(expected);
		}
	});

	test('GIVEN a limit THEN the best hits are kept, best first, equal scores in document order', () => {
		const index = indexOf(Array.from({ length: 30 }, (_, i) => [i % 10 === 0 ? 'rare rare rare x' : 'rare x', '']));
		const all = queryTextIndex(index, 'rare', { combineWith: 'AND', limit: 30, prefix: false, fuzzyFrom: 0 });
		const top = queryTextIndex(index, 'rare', { combineWith: 'AND', limit: 5, prefix: false, fuzzyFrom: 0 });
		expect(top).toEqual(all.slice(0, 5));
		expect(top.map((h) => h.doc)).toEqual([0, 10, 20, 1, 2]);
		for (let i = 1; i < all.length; i++) expect(all[i - 1]?.score).toBeGreaterThanOrEqual(all[i]?.score ?? 0);
	});

	test('GIVEN a prefix with more completions than the budget holds THEN the rarest are read, within the budget', () => {
		// One common completion in every document, and rare ones in one document each.
		const count = COMPLETION_POSTINGS + 10;
		const index = buildTextIndex(
			count,
			[{ boost: 1, text: (doc) => `preamble${doc < 20 ? ` pre${doc}x` : ''}` }],
			lower,
		);
		const hits = queryTextIndex(index, 'pre', { combineWith: 'AND', limit: 20, prefix: true, fuzzyFrom: 0 });
		expect(hits.map((h) => h.doc).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(hits.every((h) => h.terms.length === 1 && h.terms[0] !== 'preamble')).toBe(true);
	});

	test('GIVEN a budget of postings to read THEN candidates come only from what was read, and confirming words are read in full', () => {
		const index = indexOf(Array.from({ length: 100 }, (_, i) => [`common${i % 2 === 0 ? ' even' : ''}`, '']));
		const common = queryTextIndex(index, 'common', {
			combineWith: 'AND',
			limit: 100,
			prefix: false,
			fuzzyFrom: 0,
			readPostings: 10,
		});
		expect(common.map((h) => h.doc).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i));
		// "even" is the rarer word: its first 10 letters are read, and "common" confirms each.
		const both = queryTextIndex(index, 'common even', {
			combineWith: 'AND',
			limit: 100,
			prefix: false,
			fuzzyFrom: 0,
			readPostings: 10,
		});
		expect(both.map((h) => h.doc).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i * 2));
	});

	test('GIVEN the marks are about to run out THEN they start again and results do not change', () => {
		const index = indexOf(words.map((w, i) => [`${w} filler${i % 3}`, '']));
		const run = () =>
			['convoy filler1', 'letter', 'stal', 'filler0 aaa'].map((q) =>
				queryTextIndex(index, q, { combineWith: 'OR', limit: 10, prefix: true, fuzzyFrom: 5 }),
			);
		const before = run();
		index.scratch.stamp = 0xffff0000 - 2;
		expect(run()).toEqual(before);
		expect(index.scratch.stamp).toBeLessThan(100);
		expect(run()).toEqual(before);
	});

	test('GIVEN no words or a limit of 0 THEN there are no hits', () => {
		expect(queryTextIndex(vocabulary, ' ,. ', { combineWith: 'OR', limit: 5, prefix: true, fuzzyFrom: 5 })).toEqual([]);
		expect(queryTextIndex(vocabulary, 'convoy', { combineWith: 'OR', limit: 0, prefix: true, fuzzyFrom: 5 })).toEqual(
			[],
		);
	});
});
