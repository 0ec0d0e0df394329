import { describe, expect, test } from 'vitest';
import { letterChoices } from '../../src/discord/autocomplete.js';
import { realDeps } from './bot-harness.js';

describe('GIVEN the letter autocomplete over the real big-three data', () => {
	const deps = realDeps();

	test.each([
		['1942-08-1', /^bt-1942-08-1/],
		['bt-1942-07', /^bt-1942-07/],
		['bt-recd-1942-11', /^bt-recd-1942-11/],
	])(
		'WHEN "%s" (a date or an id) is typed THEN only letters it names are offered, never full-text matches of its digits',
		(typed, id) => {
			const choices = letterChoices(deps, typed);
			expect(choices.length).toBeGreaterThan(0);
			expect(choices.every((c) => id.test(c.value))).toBe(true);
		},
	);

	test('WHEN words are typed and the tables do not fill the list THEN full-text search still adds letters', () => {
		const choices = letterChoices(deps, 'poison gas');
		expect(choices.map((c) => c.value)).toContain('bt-1942-03-29-stalin-to-churchill');
	});
});
