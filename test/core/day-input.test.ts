import { describe, expect, test } from 'vitest';
import { parseDayInput } from '../../src/core/dates.js';

const today = { year: 2026, month: 11, day: 25 };

describe('parseDayInput', () => {
	test.each([
		{ input: 'today', value: today },
		{ input: '  Today ', value: today },
		{ input: '', value: today },
		{ input: 'yesterday', value: { year: 2026, month: 11, day: 24 } },
		{ input: 'tomorrow', value: { year: 2026, month: 11, day: 26 } },
		{ input: '08-13', value: { month: 8, day: 13 } },
		{ input: '1942-08-13', value: { year: 1942, month: 8, day: 13 } },
		{ input: '13 Aug 1942', value: { year: 1942, month: 8, day: 13 } },
		{ input: '13 August 1942', value: { year: 1942, month: 8, day: 13 } },
		{ input: '13th August', value: { month: 8, day: 13 } },
		{ input: 'August 13', value: { month: 8, day: 13 } },
		{ input: 'aug 13, 1942', value: { year: 1942, month: 8, day: 13 } },
		{ input: 'Sept 3', value: { month: 9, day: 3 } },
		{ input: '1 Dec.', value: { month: 12, day: 1 } },
		{ input: '29 February', value: { month: 2, day: 29 } },
		{ input: 'Feb 29', value: { month: 2, day: 29 } },
		{ input: '29 Feb 1944', value: { year: 1944, month: 2, day: 29 } },
	])('GIVEN "$input" THEN it is $value', ({ input, value }) => {
		expect(parseDayInput(input, today)).toEqual({ ok: true, value });
	});

	test.each([
		{ input: '02-30', message: '"02-30" is not a real date: February has only 29 days' },
		{ input: '30 February', message: '"30 February" is not a real date: February has only 29 days' },
		{ input: '29 Feb 1943', message: '"29 Feb 1943" is not a real date: February 1943 has only 28 days' },
		{ input: 'April 31', message: '"April 31" is not a real date: April has only 30 days' },
		{
			input: 'next week',
			message: '"next week" is not a date; give a date such as today, 13 August, 13 Aug 1942, 1942-08-13 or 08-13',
		},
		{
			input: '1942 August 13',
			message: '"1942 August 13" is not a date; give a date such as today, 13 August, 13 Aug 1942, 1942-08-13 or 08-13',
		},
		{
			input: '13 Aug 42',
			message: '"13 Aug 42" is not a date; give a date such as today, 13 August, 13 Aug 1942, 1942-08-13 or 08-13',
		},
		{
			input: 'August',
			message: '"August" is not a date; give a date such as today, 13 August, 13 Aug 1942, 1942-08-13 or 08-13',
		},
	])('GIVEN "$input" THEN it fails: $message', ({ input, message }) => {
		expect(parseDayInput(input, today)).toEqual({ ok: false, error: { code: 'invalid-date', message } });
	});
});
