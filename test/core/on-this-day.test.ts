import { describe, expect, test } from 'vitest';
import { compareLetters } from '../../src/core/corpus.js';
import { calendarDayAt, type DayQuery } from '../../src/core/dates.js';
import { onThisDay, onThisDayIn } from '../../src/core/on-this-day.js';
import { fixtureCorpus } from '../fixtures/corpus.js';
import { bigThreeCorpus } from '../fixtures/real-data.js';

const ids = (query: DayQuery): string[] => onThisDay(fixtureCorpus, query).letters.map((l) => l.id);

describe('onThisDay over the fixture', () => {
	test.each([
		{
			name: 'a day with one letter',
			query: { month: 3, day: 10 },
			letters: ['wr-1942-03-10-stalin-to-churchill'],
		},
		{
			name: 'a day with several letters across years and collections, in date order',
			query: { year: 2026, month: 8, day: 13 },
			letters: [
				'fm-1776-08-13-john-to-abigail',
				'wr-1942-08-13-stalin-to-churchill',
				'wr-1943-08-13-churchill-to-stalin',
				'wr-1943-08-13-stalin-to-roosevelt',
			],
		},
		{
			name: '28 February in a common year, which also shows 29 February',
			query: { year: 2026, month: 2, day: 28 },
			letters: ['wr-1943-02-28-churchill-to-stalin', 'wr-1944-02-29-roosevelt-to-stalin'],
		},
		{
			name: '28 February in a leap year, which does not',
			query: { year: 2024, month: 2, day: 28 },
			letters: ['wr-1943-02-28-churchill-to-stalin'],
		},
		{
			name: '29 February in a leap year',
			query: { year: 2024, month: 2, day: 29 },
			letters: ['wr-1944-02-29-roosevelt-to-stalin'],
		},
		{ name: '02-29 without a year', query: { month: 2, day: 29 }, letters: ['wr-1944-02-29-roosevelt-to-stalin'] },
	])('GIVEN $name THEN the match is exact with those letters', ({ query, letters }) => {
		const result = onThisDay(fixtureCorpus, query);
		expect(result.match).toBe('exact');
		expect(result.offset).toBe(0);
		expect(result.message).toBeUndefined();
		expect(result.letters.map((l) => l.id)).toEqual(letters);
	});

	test.each([
		{
			collection: 'war',
			letters: [
				'wr-1942-08-13-stalin-to-churchill',
				'wr-1943-08-13-churchill-to-stalin',
				'wr-1943-08-13-stalin-to-roosevelt',
			],
		},
		{ collection: 'family', letters: ['fm-1776-08-13-john-to-abigail'] },
	])('GIVEN 13 August and the $collection collection THEN only its letters are shown', ({ collection, letters }) => {
		expect(onThisDay(fixtureCorpus, { month: 8, day: 13 }, { collection }).letters.map((l) => l.id)).toEqual(letters);
	});

	test.each([
		{ requireText: false, match: 'exact', letters: ['wr-1942-07-10-roosevelt-to-stalin'], message: undefined },
		{
			requireText: true,
			match: 'nearest',
			letters: ['wr-1942-07-12-stalin-to-roosevelt'],
			message: 'No letter whose text we hold was sent on 10 July; the nearest is 12 July 1942',
		},
	])(
		'GIVEN a day with only a placeholder and requireText $requireText THEN the match is $match',
		({ requireText, match, letters, message }) => {
			const result = onThisDay(fixtureCorpus, { month: 7, day: 10 }, { requireText });
			expect(result.match).toBe(match);
			expect(result.letters.map((l) => l.id)).toEqual(letters);
			expect(result.message).toBe(message);
		},
	);

	test('GIVEN several collections THEN each answers for itself, the nearest day wins, and all that have it are listed', () => {
		const day = { month: 8, day: 13 };
		const both = onThisDayIn(fixtureCorpus, day, ['war', 'family']);
		expect(both.match).toBe('exact');
		// In date order, as with one collection: John's letter of 1776 first.
		expect(both.letters.map((l) => l.id)).toEqual([
			'fm-1776-08-13-john-to-abigail',
			...onThisDay(fixtureCorpus, day, { collection: 'war' }).letters.map((l) => l.id),
		]);
		// On 10 August both collections' nearest letters are of 13 August: both are listed.
		const nearest = onThisDayIn(fixtureCorpus, { month: 8, day: 10 }, ['family', 'war']);
		expect([nearest.match, nearest.day]).toEqual(['nearest', { month: 8, day: 13 }]);
		expect(nearest.letters.map((l) => l.id)).toEqual([
			'fm-1776-08-13-john-to-abigail',
			...onThisDay(fixtureCorpus, day, { collection: 'war' }).letters.map((l) => l.id),
		]);
		// On 12 July only the war collection has a letter within the week, on the day itself.
		const july = { month: 7, day: 12 };
		expect(onThisDayIn(fixtureCorpus, july, ['family', 'war'])).toEqual(
			onThisDay(fixtureCorpus, july, { collection: 'war' }),
		);
		expect(onThisDayIn(fixtureCorpus, day, [])).toEqual(onThisDay(fixtureCorpus, day));
		expect(onThisDayIn(fixtureCorpus, { month: 7, day: 10 }, ['war'], { requireText: true }).match).toBe('nearest');
	});

	test('GIVEN a collection with no letter that week THEN the fallback looks only in that collection', () => {
		expect(onThisDay(fixtureCorpus, { month: 8, day: 10 }, { collection: 'family' })).toMatchObject({
			match: 'nearest',
			message: 'No letter was sent on 10 August; the nearest is 13 August 1776',
		});
	});

	test('GIVEN 28 February of a common year with a leap-day letter THEN a note says why it is shown', () => {
		expect(onThisDay(fixtureCorpus, { year: 2026, month: 2, day: 28 }).note).toBe(
			'2026 has no 29 February, so letters of 29 February are shown on 28 February',
		);
	});

	test.each([
		{
			name: 'a day with no letter but one three days later',
			query: { month: 11, day: 5 },
			day: { month: 11, day: 8 },
			offset: 3,
			message: 'No letter was sent on 5 November; the nearest is 8 November 1942',
		},
		{
			name: 'a day equally near an earlier and a later letter (the earlier wins)',
			query: { month: 3, day: 13 },
			day: { month: 3, day: 10 },
			offset: -3,
			message: 'No letter was sent on 13 March; the nearest is 10 March 1942',
		},
		{
			name: 'a day in January whose nearest letter is in the previous December',
			query: { year: 2027, month: 1, day: 2 },
			day: { month: 12, day: 30 },
			offset: -3,
			message: 'No letter was sent on 2 January; the nearest is 30 December 1942',
		},
		{
			name: '1 March in a common year, next to the leap-day letter shown on 28 February',
			query: { year: 2026, month: 3, day: 1 },
			day: { month: 2, day: 28 },
			offset: -1,
			message: 'No letter was sent on 1 March; the nearest are 28 February 1943 and 29 February 1944',
		},
	])('GIVEN $name THEN the nearest day is given plainly', ({ query, day, offset, message }) => {
		const result = onThisDay(fixtureCorpus, query);
		expect(result.match).toBe('nearest');
		expect(result.day).toEqual(day);
		expect(result.offset).toBe(offset);
		expect(result.message).toBe(message);
		expect(result.letters.length).toBeGreaterThan(0);
	});

	test('GIVEN a day with no letter within a week THEN nothing is returned and the message says so', () => {
		const result = onThisDay(fixtureCorpus, { month: 1, day: 15 });
		expect(result).toMatchObject({
			match: 'none',
			letters: [],
			message: 'No letter was sent on 15 January, nor within a week either side of it',
		});
	});

	test.each([
		{
			name: 'received on 5 November (sent date unknown)',
			query: { month: 11, day: 5 },
			excluded: 'wr-recd-1942-11-05-churchill-to-stalin',
		},
		{
			name: 'transmitted on 20 May (sent date unknown)',
			query: { month: 5, day: 20 },
			excluded: 'wr-trans-1942-05-20-churchill-to-stalin',
		},
		{
			name: 'sent in June 1943 (month precision)',
			query: { month: 6, day: 1 },
			excluded: 'wr-1943-06-stalin-to-roosevelt',
		},
		{ name: 'sent in 1945 (year precision)', query: { month: 1, day: 1 }, excluded: 'wr-1945-roosevelt-to-stalin' },
	])('GIVEN a letter $name THEN on this day never returns it', ({ query, excluded }) => {
		expect(ids(query)).not.toContain(excluded);
	});

	test('GIVEN 23:30 UTC on 12 August in Auckland THEN today is 13 August there, with its letters', () => {
		const today = calendarDayAt(Date.parse('2026-08-12T23:30:00Z'), 'Pacific/Auckland');
		if (!today.ok) throw new Error(today.error.message);
		expect(onThisDay(fixtureCorpus, today.value).letters.map((l) => l.sent)).toEqual([
			'1776-08-13',
			'1942-08-13',
			'1943-08-13',
			'1943-08-13',
		]);
	});
});

describe('onThisDay over the real big-three data', () => {
	const corpus = bigThreeCorpus();

	test.each([
		{
			query: { month: 8, day: 13 },
			match: 'exact',
			letters: ['bt-1942-08-13-stalin-to-churchill'],
			message: undefined,
		},
		{
			query: { month: 11, day: 23 },
			match: 'nearest',
			letters: ['bt-1942-11-20-stalin-to-churchill'],
			message: 'No letter was sent on 23 November; the nearest is 20 November 1942',
		},
	])('GIVEN $query.month-$query.day THEN the match is $match', ({ query, match, letters, message }) => {
		const result = onThisDay(corpus, query);
		expect(result.match).toBe(match);
		expect(result.letters.map((l) => l.id)).toEqual(letters);
		expect(result.message).toBe(message);
	});

	test('GIVEN every day of a leap year THEN only letters sent on a known day are ever returned', () => {
		for (let month = 1; month <= 12; month++) {
			for (let day = 1; day <= 31; day++) {
				if (new Date(Date.UTC(2024, month - 1, day)).getUTCMonth() !== month - 1) continue;
				for (const l of onThisDay(corpus, { year: 2024, month, day }).letters) {
					expect(l.precision).toBe('day');
					expect(l.sent).not.toBeNull();
				}
			}
		}
	});
});

describe('onThisDay without a sort per call', () => {
	test('GIVEN every day of the real data THEN its letters are already in date order, as onThisDay returns them unsorted', () => {
		const corpus = bigThreeCorpus();
		for (const [day, letters] of corpus.byMonthDay) {
			const sorted = [...letters].sort((a, b) => compareLetters(corpus, a, b));
			expect(
				letters.map((l) => l.id),
				day,
			).toEqual(sorted.map((l) => l.id));
			const [month, date] = day.split('-').map(Number);
			const shown = onThisDay(corpus, { month: month ?? 1, day: date ?? 1 }, { requireText: true });
			if (shown.match === 'exact') {
				expect(shown.letters.map((l) => l.id)).toEqual(sorted.filter((l) => l.body !== null).map((l) => l.id));
			}
		}
	});
});
