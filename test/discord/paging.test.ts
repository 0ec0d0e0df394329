import { describe, expect, test } from 'vitest';
import { paginate } from '../../src/discord/paging.js';
import { readRepoFile } from '../importer/helpers.js';

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

describe('GIVEN paragraphs and a page budget', () => {
	test('WHEN everything fits THEN there is one page with paragraphs kept apart', () => {
		expect(paginate(['One.', 'Two.'], 100)).toEqual(['One.\n\nTwo.']);
	});

	test('WHEN paragraphs overflow THEN pages break between paragraphs', () => {
		expect(paginate(['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)], 90)).toEqual([
			`${'a'.repeat(40)}\n\n${'b'.repeat(40)}`,
			'c'.repeat(40),
		]);
	});

	test('WHEN one paragraph is longer than a page THEN it breaks between sentences, then words', () => {
		const pages = paginate(['First sentence is here. Second sentence follows it. Third one ends it.'], 30);
		expect(pages).toEqual(['First sentence is here.', 'Second sentence follows it.', 'Third one ends it.']);
		expect(paginate(['alpha beta gamma delta epsilon'], 12)).toEqual(['alpha beta', 'gamma delta', 'epsilon']);
	});

	test('WHEN a single word is longer than a page THEN, and only then, it is cut', () => {
		expect(paginate(['x'.repeat(25)], 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
	});

	test.each([200, 1000, 4096])(
		'WHEN every real letter is paged at %i THEN no page overflows, no word is cut and no word is lost',
		(budget) => {
			const json: { letters: { body: string[] | null }[] } = JSON.parse(
				readRepoFile('data/collections/big-three/letters.json'),
			);
			for (const { body } of json.letters) {
				if (body === null) continue;
				const pages = paginate(body, budget);
				expect(pages.every((p) => p.length <= budget)).toBe(true);
				expect(pages.flatMap(words)).toEqual(body.flatMap(words));
			}
		},
	);
});
