/**
 * Misprints in the dates of the Lincoln edition, corrected with a recorded correction. Each is
 * found by the source line where the letter starts.
 */
import type { Correction } from '../../core/format.js';
import type { ParsedDate } from './datelines.js';

export interface Misprint {
	/** Source line where the letter starts (its heading or dateline). */
	line: number;
	date: ParsedDate;
	correction: Correction;
	note: string;
}

function misprint(
	line: number,
	printed: string,
	to: ParsedDate & { year: number; day: number },
	reason: string,
): Misprint {
	const iso = `${to.year}-${String(to.month).padStart(2, '0')}-${String(to.day).padStart(2, '0')}`;
	return {
		line,
		date: to,
		correction: { field: 'sent', from: printed, to: iso, reason },
		note: `The edition prints the date as "${printed}", a misprint; ${reason}`,
	};
}

const MISPRINTS: readonly Misprint[] = [
	// Listed in the source notes (data/sources/lincoln-papers-and-writings/SOURCE.md).
	misprint(
		8257,
		'May 7, 1866',
		{ year: 1846, month: 5, day: 7 },
		'the letter stands between letters of April and October 1846, and Lincoln died in 1865.',
	),
	misprint(
		48091,
		'April 54, 1863',
		{ year: 1863, month: 4, day: 14 },
		'April has no 54th day; the letter stands between letters of 13 and 15 April 1863, and 14 is read for 54.',
	),
	// Found while importing: a year that contradicts both the letter's place in the edition and its content.
	misprint(
		18689,
		'July 24, 1558',
		{ year: 1858, month: 7, day: 24 },
		"the letter opens the 1858 Lincoln-Douglas correspondence, and Douglas's reply is dated 30 July 1858.",
	),
	misprint(
		33380,
		'May 23, 1863',
		{ year: 1861, month: 5, day: 23 },
		'the letter stands among those of May 1861 and introduces McClernand as a member of Congress, which he was in 1861.',
	),
	misprint(
		36814,
		'January 13, 1861',
		{ year: 1862, month: 1, day: 13 },
		'the letter stands among those of January 1862 and discusses the war in Kentucky, which had not begun in January 1861.',
	),
	misprint(
		42180,
		'August 4, 1863',
		{ year: 1862, month: 8, day: 4 },
		'the letter stands among those of late July and August 1862.',
	),
	misprint(
		44175,
		'October 29, 1863',
		{ year: 1862, month: 10, day: 29 },
		'the telegram stands among those of October 1862, when McClellan still commanded the Army of the Potomac.',
	),
	misprint(
		44465,
		'November 18, 1861',
		{ year: 1862, month: 11, day: 18 },
		'the telegram stands among those of November 1862 and reaches Dix at Fort Monroe, which he commanded from 1862.',
	),
	misprint(
		63860,
		'January 19, 1864',
		{ year: 1865, month: 1, day: 19 },
		'the telegram stands among those of January 1865, when Ord commanded before Richmond.',
	),
	misprint(
		60086,
		'July TO, 1864',
		{ year: 1864, month: 7, day: 10 },
		'"TO" is read as 10; the telegram stands between those of 9 and 11 July 1864.',
	),
	misprint(
		60143,
		'July 12, 1864',
		{ year: 1864, month: 7, day: 15 },
		"the telegram answers Greeley's letter of the 13th and is followed by the letter of 15 July that Hay carried with it.",
	),
	misprint(
		27755,
		'FEBRUARY 9, 1859',
		{ year: 1860, month: 2, day: 9 },
		'the letter stands among those of early 1860 and weighs the Illinois delegates to the national convention of 1860.',
	),
	misprint(47631, 'Match 15, 1863', { year: 1863, month: 3, day: 15 }, '"Match" is read as March.'),
];

/** The misprint recorded for the letter starting at a line, if any. */
export function findMisprint(line: number): Misprint | undefined {
	return MISPRINTS.find((m) => m.line === line);
}
