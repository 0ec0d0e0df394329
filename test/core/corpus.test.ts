import { describe, expect, test } from 'vitest';
import { buildCorpus, findCorrespondent, getLetter, lettersOnDate, type CorpusData } from '../../src/core/corpus.js';
import { checkDataSet } from '../../src/data/check.js';
import { loadDataSet } from '../../src/data/load.js';
import { fixtureCorpus, fixtureRaw } from '../fixtures/corpus.js';
import { bigThreeDataDir } from '../fixtures/real-data.js';

describe('the fixture', () => {
	test('GIVEN the fixture files THEN the data checker finds no problem', () => {
		expect(checkDataSet(fixtureRaw).problems).toEqual([]);
	});
});

describe('buildCorpus', () => {
	test('GIVEN the loaded data set THEN it is accepted as CorpusData and indexed', () => {
		const data: CorpusData = loadDataSet(bigThreeDataDir());
		const corpus = buildCorpus(data);
		expect(corpus.byId.size).toBe(corpus.letters.length);
		expect(corpus.byMonthDay.get('08-13')?.map((l) => l.id)).toEqual(['bt-1942-08-13-stalin-to-churchill']);
		expect(corpus.repliedBy.get('bt-1942-07-18-churchill-to-stalin')?.map((l) => l.id)).toEqual([
			'bt-1942-07-23-stalin-to-churchill',
		]);
	});

	test('GIVEN the fixture THEN letters are in date order and only day-precision letters are indexed by month-day', () => {
		const keys = fixtureCorpus.letters.map((l) => l.sent ?? l.received ?? l.transmitted ?? '');
		expect(keys[0]).toBe('1776-08-13');
		expect([...fixtureCorpus.byMonthDay.values()].flat().every((l) => l.precision === 'day')).toBe(true);
		expect(fixtureCorpus.byMonthDay.get('11-05')).toBeUndefined();
	});
});

describe('getLetter', () => {
	test.each([
		{ id: 'wr-1942-08-13-stalin-to-churchill', found: true, message: undefined },
		{ id: ' wr-1942-08-13-stalin-to-churchill ', found: true, message: undefined },
		{ id: 'WR-1942-08-13-Stalin-To-Churchill', found: true, message: undefined },
		{
			id: 'wr-1942-13-01',
			found: false,
			message: 'No letter has the id "wr-1942-13-01"; ids look like wr-1942-03-10-stalin-to-churchill',
		},
		{
			id: 'wr-1943-08-13',
			found: false,
			message:
				'No letter has the id "wr-1943-08-13"; did you mean wr-1943-08-13-churchill-to-stalin or wr-1943-08-13-stalin-to-roosevelt?',
		},
		{
			id: '1942-08-13',
			found: false,
			message: 'No letter has the id "1942-08-13"; did you mean wr-1942-08-13-stalin-to-churchill?',
		},
	])('GIVEN "$id" THEN found is $found', ({ id, found, message }) => {
		const result = getLetter(fixtureCorpus, id);
		expect(result.ok).toBe(found);
		if (!result.ok) expect(result.error).toEqual({ code: 'unknown-letter', message });
	});
});

describe('findCorrespondent', () => {
	test.each([
		{ name: 'churchill', id: 'churchill' },
		{ name: 'Churchill', id: 'churchill' },
		{ name: 'Winston Churchill', id: 'churchill' },
		{ name: 'PRIME MINISTER CHURCHILL', id: 'churchill' },
		{ name: 'fdr', id: 'roosevelt' },
		{ name: 'J.V. Stalin', id: 'stalin' },
		{ name: 'J. V. Stalin', id: 'stalin' },
		{ name: 'winston', id: 'churchill' },
		{ name: 'Adams', id: 'john,abigail' },
		{ name: 'abigail', id: 'abigail' },
	])('GIVEN "$name" THEN it is $id', ({ name, id }) => {
		const result = findCorrespondent(fixtureCorpus, name);
		expect(result.ok && result.value.map((p) => p.person.id).join(',')).toEqual(id);
	});

	test('GIVEN an unknown name THEN the message names who wrote letters', () => {
		expect(findCorrespondent(fixtureCorpus, 'Napoleon')).toEqual({
			ok: false,
			error: {
				code: 'unknown-person',
				message: 'No correspondent is called "Napoleon"; try John, Stalin, Churchill or Roosevelt',
			},
		});
	});
});

describe('lettersOnDate', () => {
	test.each([
		{
			date: '1943-08-13',
			correspondent: undefined,
			letters: ['wr-1943-08-13-churchill-to-stalin', 'wr-1943-08-13-stalin-to-roosevelt'],
		},
		{ date: '1943-08-13', correspondent: 'Roosevelt', letters: ['wr-1943-08-13-stalin-to-roosevelt'] },
		{ date: '1942-11-05', correspondent: undefined, letters: ['wr-recd-1942-11-05-churchill-to-stalin'] },
		{
			date: '1943-06',
			correspondent: 'stalin',
			letters: ['wr-1943-06-stalin-to-roosevelt', 'wr-1943-06-04-roosevelt-to-stalin'],
		},
	])('GIVEN $date with $correspondent THEN the letters are $letters', ({ date, correspondent, letters }) => {
		const result = lettersOnDate(fixtureCorpus, date, correspondent === undefined ? {} : { correspondent });
		expect(result.ok && result.value.map((l) => l.id)).toEqual(letters);
	});

	test.each([
		{ date: '13 August', code: 'invalid-date' },
		{ date: '1943-08-14', code: 'no-match' },
		{ date: '1943-08-13', correspondent: 'Napoleon', code: 'unknown-person' },
	])('GIVEN $date THEN it fails with $code', ({ date, correspondent, code }) => {
		const result = lettersOnDate(fixtureCorpus, date, correspondent === undefined ? {} : { correspondent });
		expect(result.ok ? undefined : result.error.code).toBe(code);
	});
});

describe('buildCorpus precomputed indexes', () => {
	test('GIVEN the fixture THEN collectionStats matches counting each collection letter by letter', () => {
		for (const c of fixtureCorpus.collections) {
			const letters = fixtureCorpus.letters.filter((l) => l.collection === c.id);
			expect(fixtureCorpus.collectionStats.get(c.id)).toEqual({
				letters: letters.length,
				withFullText: letters.filter((l) => l.body !== null && !l.excerpt).length,
				excerpts: letters.filter((l) => l.excerpt).length,
				placeholders: letters.filter((l) => l.body === null).length,
				correspondentIds: [...new Set(letters.flatMap((l) => [...l.from, ...l.to]))],
			});
		}
	});

	test('GIVEN the fixture THEN writers lists each writer once, in order of their first letter', () => {
		expect(fixtureCorpus.writers).toEqual([
			...new Set(
				fixtureCorpus.letters.flatMap((l) =>
					l.from.map((id) => fixtureCorpus.people.get(`${l.collection}/${id}`)?.person.shortName ?? id),
				),
			),
		]);
		expect(fixtureCorpus.writers.length).toBeGreaterThan(0);
	});
});
