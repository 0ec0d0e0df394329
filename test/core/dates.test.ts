import { describe, expect, test } from 'vitest';
import {
	calendarDayAt,
	formatIsoDate,
	letterDateText,
	letterSortKey,
	monthDaysShownOn,
	parseDayQuery,
	shiftDay,
} from '../../src/core/dates.js';
import { letter } from '../fixtures/corpus.js';

describe('parseDayQuery', () => {
	test.each([
		{ input: '08-13', value: { month: 8, day: 13 } },
		{ input: ' 8-13 ', value: { month: 8, day: 13 } },
		{ input: '1942-08-13', value: { year: 1942, month: 8, day: 13 } },
		{ input: '02-29', value: { month: 2, day: 29 } },
		{ input: '2024-02-29', value: { year: 2024, month: 2, day: 29 } },
	])('GIVEN "$input" THEN it parses', ({ input, value }) => {
		expect(parseDayQuery(input)).toEqual({ ok: true, value });
	});

	test.each([
		{ input: '02-30', message: '"02-30" is not a real date: February has only 29 days' },
		{ input: '2026-02-29', message: '"2026-02-29" is not a real date: February 2026 has only 28 days' },
		{ input: '13-01', message: '"13-01" is not a real date: there is no month 13' },
		{ input: '04-31', message: '"04-31" is not a real date: April has only 30 days' },
		{ input: '13/08', message: '"13/08" is not a date; give a date as YYYY-MM-DD or MM-DD, e.g. 1942-08-13 or 08-13' },
		{ input: '', message: 'No date given; give a date as YYYY-MM-DD or MM-DD, e.g. 1942-08-13 or 08-13' },
	])('GIVEN "$input" THEN it fails with a clear message', ({ input, message }) => {
		expect(parseDayQuery(input)).toEqual({ ok: false, error: { code: 'invalid-date', message } });
	});
});

describe('calendarDayAt', () => {
	test.each([
		{ instant: '2026-08-12T23:30:00Z', zone: 'Pacific/Auckland', day: { year: 2026, month: 8, day: 13 } },
		{ instant: '2026-08-12T23:30:00Z', zone: 'UTC', day: { year: 2026, month: 8, day: 12 } },
		{ instant: '2026-08-13T09:30:00Z', zone: 'Pacific/Honolulu', day: { year: 2026, month: 8, day: 12 } },
		{ instant: '2026-08-13T10:30:00Z', zone: 'Pacific/Honolulu', day: { year: 2026, month: 8, day: 13 } },
		{ instant: '2025-12-31T11:00:00Z', zone: 'Pacific/Kiritimati', day: { year: 2026, month: 1, day: 1 } },
		{ instant: '2026-03-29T00:30:00Z', zone: 'Europe/London', day: { year: 2026, month: 3, day: 29 } },
	])('GIVEN $instant in $zone THEN the day there is $day.day/$day.month/$day.year', ({ instant, zone, day }) => {
		expect(calendarDayAt(Date.parse(instant), zone)).toEqual({ ok: true, value: day });
	});

	test('GIVEN an unknown zone THEN it fails with unknown-zone', () => {
		const result = calendarDayAt(0, 'Mars/Olympus');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.code).toBe('unknown-zone');
	});
});

describe('formatting and ordering', () => {
	test.each([
		{ iso: '1942-11-20', text: '20 November 1942' },
		{ iso: '1943-06', text: 'June 1943' },
		{ iso: '1945', text: '1945' },
	])('GIVEN $iso THEN it reads "$text"', ({ iso, text }) => {
		expect(formatIsoDate(iso)).toBe(text);
	});

	test.each([
		{ id: 'wr-1942-08-13-stalin-to-churchill', fields: {}, text: '13 August 1942', key: '1942-08-13' },
		{ id: 'wr-1943-06-stalin-to-roosevelt', fields: {}, text: 'June 1943', key: '1943-06-00' },
		{ id: 'wr-1945-roosevelt-to-stalin', fields: {}, text: '1945', key: '1945-00-00' },
		{
			id: 'wr-recd-1942-11-05-churchill-to-stalin',
			fields: { sent: null, precision: 'unknown' as const, received: '1942-11-05' },
			text: 'date unknown (received 5 November 1942)',
			key: '1942-11-05',
		},
		{
			id: 'wr-trans-1942-05-20-churchill-to-stalin',
			fields: { sent: null, precision: 'unknown' as const, transmitted: '1942-05-20' },
			text: 'date unknown (transmitted 20 May 1942)',
			key: '1942-05-20',
		},
		{
			id: 'wr-undated-stalin-to-churchill',
			fields: { sent: null, precision: 'unknown' as const },
			text: 'date unknown',
			key: '9999-99-99',
		},
	])('GIVEN $id THEN its date reads "$text" and sorts as $key', ({ id, fields, text, key }) => {
		const l = letter({ id, ...fields });
		expect(letterDateText(l)).toBe(text);
		expect(letterSortKey(l)).toBe(key);
	});
});

describe('29 February and day arithmetic', () => {
	test.each([
		{ query: { year: 2026, month: 2, day: 28 }, shown: ['02-28', '02-29'] },
		{ query: { year: 2024, month: 2, day: 28 }, shown: ['02-28'] },
		{ query: { year: 2024, month: 2, day: 29 }, shown: ['02-29'] },
		{ query: { month: 2, day: 28 }, shown: ['02-28'] },
		{ query: { month: 2, day: 29 }, shown: ['02-29'] },
	])('GIVEN $query THEN the letters of $shown are shown', ({ query, shown }) => {
		const keys = monthDaysShownOn(query).map(
			(md) => `${String(md.month).padStart(2, '0')}-${String(md.day).padStart(2, '0')}`,
		);
		expect(keys).toEqual(shown);
	});

	test.each([
		{ query: { year: 2027, month: 1, day: 2 }, days: -3, result: { year: 2026, month: 12, day: 30 } },
		{ query: { month: 3, day: 1 }, days: -1, result: { month: 2, day: 29 } },
		{ query: { year: 2026, month: 3, day: 1 }, days: -1, result: { year: 2026, month: 2, day: 28 } },
		{ query: { month: 12, day: 30 }, days: 3, result: { month: 1, day: 2 } },
	])('GIVEN $query moved $days days THEN it is $result', ({ query, days, result }) => {
		expect(shiftDay(query, days)).toEqual(result);
	});
});
