import { describe, expect, test } from 'vitest';
import { collectionViews, letterView } from '../../src/core/views.js';
import { buildCorpus } from '../../src/core/corpus.js';
import { fixtureCorpus, fixtureData } from '../fixtures/corpus.js';

const view = (id: string): ReturnType<typeof letterView> => {
	const letter = fixtureCorpus.byId.get(id);
	if (!letter) throw new Error(`no fixture letter ${id}`);
	return letterView(fixtureCorpus, letter);
};

describe('letterView', () => {
	test.each([
		{
			name: 'a full letter with a heading and a signature',
			id: 'wr-1942-07-23-stalin-to-churchill',
			expected: {
				date: '1942-07-23',
				dateText: '23 July 1942',
				heading: 'Premier Stalin to Prime Minister Churchill',
				signature: 'J. Stalin',
				excerpt: false,
				placeholder: false,
				replyTo: ['wr-1942-07-18-churchill-to-stalin'],
				repliedBy: [],
			},
		},
		{
			name: 'a placeholder known by when it was received',
			id: 'wr-recd-1942-11-05-churchill-to-stalin',
			expected: {
				date: null,
				dateText: 'date unknown (received 5 November 1942)',
				text: null,
				paragraphs: null,
				heading: null,
				placeholder: true,
				repliedBy: ['wr-1942-11-08-stalin-to-churchill'],
			},
		},
		{
			name: 'an excerpt with its source',
			id: 'wr-1941-09-03-stalin-to-churchill',
			expected: {
				excerpt: true,
				placeholder: false,
				text: '[...] a second front somewhere in the Balkans or France [...]',
				source: {
					id: 'quotes',
					title: 'A. Author, article on the wartime letters (History Review, 2018)',
					ref: 'section dated 3 September 1941',
					credit: 'Quotations as printed in the article',
					licence: 'Short quotations',
				},
			},
		},
	])('GIVEN $name THEN the view carries it', ({ id, expected }) => {
		expect(view(id)).toMatchObject({ id, ...expected });
	});

	test('GIVEN a letter THEN people carry id, name and short name, and the context is included', () => {
		expect(view('wr-1942-08-13-stalin-to-churchill')).toMatchObject({
			from: [{ id: 'stalin', name: 'Joseph Stalin', shortName: 'Stalin' }],
			to: [{ id: 'churchill', name: 'Winston Churchill', shortName: 'Churchill' }],
			kind: 'memorandum',
			context: expect.stringMatching(/^Stalin \(head of the Soviet government\) to Churchill/),
		});
	});

	test('GIVEN a view THEN it survives JSON unchanged', () => {
		const v = view('wr-1942-07-18-churchill-to-stalin');
		expect(JSON.parse(JSON.stringify(v))).toEqual(v);
	});
});

describe('collectionViews', () => {
	test('GIVEN the fixture THEN each collection is counted', () => {
		expect(
			collectionViews(fixtureCorpus).map((c) => [c.id, c.letters, c.withFullText, c.excerpts, c.placeholders]),
		).toEqual([
			['war', 21, 14, 3, 4],
			['family', 1, 1, 0, 0],
		]);
	});

	test('GIVEN two calls THEN the views are made once per corpus, and another corpus gets its own', () => {
		const first = collectionViews(fixtureCorpus);
		expect(collectionViews(fixtureCorpus)).toBe(first);
		const other = buildCorpus({ ...fixtureData, collections: fixtureData.collections.slice(1) });
		expect(collectionViews(other).map((c) => c.id)).toEqual(['family']);
		expect(first.map((c) => c.id)).toEqual(['war', 'family']);
	});
});
