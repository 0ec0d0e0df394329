import { describe, expect, test } from 'vitest';
import { letterChoices, timezoneChoices } from '../../src/discord/autocomplete.js';
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

describe('GIVEN the time zone autocomplete', () => {
	test('WHEN a part of a zone is typed THEN zones with a part starting with it come first, then zones containing it', () => {
		const names = timezoneChoices('york').map((c) => c.name);
		expect(names[0]).toBe('America/New_York');
		const lond = timezoneChoices('lond').map((c) => c.name);
		expect(lond).toEqual(['Europe/London']);
		// "lon" starts a part of Arctic/Longyearbyen and Europe/London, and is only inside the others.
		expect(timezoneChoices('lon').map((c) => c.name)).toEqual([
			'Arctic/Longyearbyen',
			'Europe/London',
			'America/Blanc-Sablon',
			'America/Miquelon',
		]);
	});

	test('WHEN spaces are typed THEN they match the underscores of zone names, and nothing typed lists UTC first', () => {
		expect(timezoneChoices('new york').map((c) => c.name)).toContain('America/New_York');
		expect(timezoneChoices('')[0]?.name).toBe('UTC');
		expect(timezoneChoices('').length).toBe(25);
	});
});
