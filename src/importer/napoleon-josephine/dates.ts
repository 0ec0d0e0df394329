/**
 * The date of each letter from its dateline and, where the dateline falls short, from the
 * letters Hall prints either side of it: a missing year, a month shared by both neighbours, or
 * the one day between them that falls on the weekday the dateline names.
 */
import type { DateBasis, Precision } from '../../core/format.js';
import { isoOf } from '../text.js';
import type { RawNjLetter } from './letters.js';
import { formatIsoDate } from '../../core/dates.js';

export interface ResolvedDate {
	sent: string | null;
	precision: Precision;
	dateBasis: DateBasis;
	dateNote?: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;
/** The most days apart two dated neighbours may be for a weekday to fix the day between them. */
const WEEKDAY_SPAN = 10;

const label = (l: RawNjLetter): string => `${l.series} ${l.number}`;
const monthOf = (iso: string): string => iso.slice(0, 7);
/** "3 November 1806" of a whole day; "November 1806" of a month. */
const formatIso = (iso: string): string => formatIsoDate(iso);
const monthName = (iso: string): string => formatIsoDate(iso.slice(0, 7));

/**
 * Dates Hall gives in his notes (or footnotes) for letters whose dateline falls short of one, in
 * his words. A date he gives only as probable fixes the month, not the day.
 */
const HALL_DATES: Readonly<Record<string, { sent: string; words: string }>> = {
	'A 1': { sent: '1796-03', words: 'Probably written early in March.' },
	'C 3': { sent: '1800-05-29', words: 'This letter was written from Ivrea, May 29th, 1800.' },
	'C 4': { sent: '1800-06', words: 'The date of No. 4 should probably be June 9th.' },
	'D 1': { sent: '1801-07-16', words: 'The date is doubtless 27 Messidor (July 16).' },
	'M 2': { sent: '1809-12-19', words: 'The date of this is Tuesday, December 19th.' },
	'M 3': { sent: '1809-12-20', words: 'No. 3 is Wednesday the 20th.' },
	'M 4': { sent: '1809-12-21', words: 'Thursday, December 21st, is the date.' },
	'M 5': { sent: '1809-12', words: 'Date probably Sunday, December 24th.' },
	'M 6': {
		sent: '1809-12-26',
		words:
			'Josephine had gone by special invitation to dine at the little Trianon with Napoleon on Christmas Day (the letter, of a Tuesday, begins "I lay down after you left me yesterday").',
	},
	'M 9': { sent: '1810-01-04', words: 'Thursday, January 4th.' },
	'M 10': { sent: '1810-01-05', words: 'January 5th.' },
	'M 11': { sent: '1810-01-07', words: 'January 7th is the date.' },
	'M 12': { sent: '1810-01-12', words: 'Wednesday, January 12th.' },
	'M 13': { sent: '1810-01-13', words: 'Saturday, January 13th.' },
	'M 16': { sent: '1810-01-23', words: 'Tuesday, January 23rd.' },
	'M 17': { sent: '1810-01-28', words: 'Sunday, January 28th.' },
	'M 19': { sent: '1810-02-03', words: 'February 3rd is the date.' },
	'M 21': { sent: '1810-02-23', words: 'He ... was there from February 19th to the 23rd, the date of this letter.' },
	'N 3': { sent: '1810-05', words: 'Probably written from Boulogne about the 25th.' },
	'N 8': {
		sent: '1810-09-28',
		words:
			'The exile of Madame de la T---- ... takes place on September 28th, 1810, and this 28th September is also a Friday (quoting Masson).',
	},
	'O 4': { sent: '1811-11', words: 'Written in November 1811.' },
};

/** Resolve every letter's date; `seriesYears` gives the year of a series whose title names one. */
export function resolveNjDates(
	letters: readonly RawNjLetter[],
	seriesYears: ReadonlyMap<string, number>,
): ResolvedDate[] {
	// First pass: what the datelines themselves give (a day and month take the nearest printed year).
	const rejected = new Map<number, string>();
	const first = letters.map((letter, k): ResolvedDate | undefined => {
		const p = letter.parsed;
		if (p.day !== undefined && p.month !== undefined && p.year !== undefined) {
			return { sent: isoOf(p.year, p.month, p.day), precision: 'day', dateBasis: 'dateline' };
		}
		const hall = HALL_DATES[label(letter)];
		if (hall) {
			const weekday = hall.sent.length === 10 ? new Date(`${hall.sent}T00:00:00Z`).getUTCDay() : undefined;
			const shown =
				letter.dateline === undefined
					? 'The letter has no dateline'
					: `The dateline "${letter.dateline}" gives no full date`;
			if (p.weekday === undefined || weekday === undefined || weekday === p.weekday) {
				return {
					sent: hall.sent,
					precision: hall.sent.length === 10 ? 'day' : 'month',
					dateBasis: 'curated',
					dateNote: `${shown}; Hall's note dates it: "${hall.words}"${hall.sent.length === 10 ? '' : ' Only the month is taken as certain.'}`,
				};
			}
			rejected.set(
				k,
				`Hall's note gives "${hall.words}", but ${formatIso(hall.sent)} was a ${WEEKDAYS[weekday] ?? ''}, not the ${WEEKDAYS[p.weekday] ?? ''} of the dateline. `,
			);
		}
		if (p.day !== undefined && p.month !== undefined) {
			const before = nearestYear(letters, k, -1);
			const after = nearestYear(letters, k, 1);
			const year = before?.year ?? after?.year;
			if (year === undefined) return undefined;
			const who =
				before && after?.year === before.year
					? `the dated letters printed either side of it (${label(before.letter)} and ${label(after.letter)})`
					: `the dated letter ${before ? 'before' : 'after'} it (${label((before ?? after)?.letter ?? letter)})`;
			return {
				sent: isoOf(year, p.month, p.day),
				precision: 'day',
				dateBasis: 'dateline',
				dateNote: `The dateline gives the day and month only; the year, ${year}, is that of ${who}.`,
			};
		}
		if (p.month !== undefined && p.year !== undefined) {
			return {
				sent: `${p.year}-${String(p.month).padStart(2, '0')}`,
				precision: 'month',
				dateBasis: 'dateline',
				dateNote: 'The dateline gives only the month and year.',
			};
		}
		return undefined;
	});

	return letters.map((_letter, k) => {
		const known = first[k];
		if (known) return known;
		const resolved = resolveRest(letters, first, k, seriesYears);
		const caveat = rejected.get(k);
		return caveat === undefined ? resolved : { ...resolved, dateNote: `${caveat}${resolved.dateNote ?? ''}` };
	});
}

function resolveRest(
	letters: readonly RawNjLetter[],
	first: readonly (ResolvedDate | undefined)[],
	k: number,
	seriesYears: ReadonlyMap<string, number>,
): ResolvedDate {
	const letter = letters[k];
	if (letter === undefined) return { sent: null, precision: 'unknown', dateBasis: 'none' };
	const p = letter.parsed;
	const prevDay = neighbour(first, k, -1, (d) => d.precision === 'day');
	const nextDay = neighbour(first, k, 1, (d) => d.precision === 'day');
	const between =
		prevDay && nextDay
			? `the letters printed either side of it (${label(letters[prevDay.index] ?? letter)} of ${formatIso(prevDay.date.sent ?? '')} and ${label(letters[nextDay.index] ?? letter)} of ${formatIso(nextDay.date.sent ?? '')})`
			: '';
	const lacks = (what: string): string =>
		letter.dateline === undefined
			? `The letter has no dateline, so no ${what}`
			: `The dateline "${letter.dateline}" gives no ${what}`;

	if (p.weekday !== undefined && prevDay?.date.sent && nextDay?.date.sent) {
		const from = Date.parse(prevDay.date.sent);
		const to = Date.parse(nextDay.date.sent);
		if ((to - from) / DAY_MS <= WEEKDAY_SPAN) {
			const days: string[] = [];
			for (let t = from; t <= to; t += DAY_MS) {
				if (new Date(t).getUTCDay() === p.weekday) days.push(new Date(t).toISOString().slice(0, 10));
			}
			const only = days.length === 1 ? days[0] : undefined;
			if (only !== undefined && (p.year === undefined || only.startsWith(String(p.year)))) {
				return {
					sent: only,
					precision: 'day',
					dateBasis: 'dateline',
					dateNote: `The dateline "${letter.dateline ?? ''}" names a ${WEEKDAYS[p.weekday] ?? ''} but no date; the only ${WEEKDAYS[p.weekday] ?? ''} between ${between} is ${formatIso(only)}.`,
				};
			}
		}
	}
	if (p.dayWithoutMonth !== undefined && p.year !== undefined) {
		return {
			sent: String(p.year),
			precision: 'year',
			dateBasis: 'dateline',
			dateNote: `The dateline "${letter.dateline ?? ''}" prints a day (${p.dayWithoutMonth}) without its month, so only the year is known.`,
		};
	}
	const prevMonth = neighbour(first, k, -1, (d) => d.sent !== null && d.sent.length >= 7);
	const nextMonth = neighbour(first, k, 1, (d) => d.sent !== null && d.sent.length >= 7);
	const pm = prevMonth?.date.sent;
	const nm = nextMonth?.date.sent;
	if (pm && nm && monthOf(pm) === monthOf(nm) && (p.year === undefined || pm.startsWith(String(p.year)))) {
		return {
			sent: monthOf(pm),
			precision: 'month',
			dateBasis: 'dateline',
			dateNote: `${lacks('month')}; the month, ${monthName(pm)}, is that of the letters printed either side of it (${label(letters[prevMonth.index] ?? letter)} and ${label(letters[nextMonth.index] ?? letter)}).`,
		};
	}
	if (p.year !== undefined) {
		return {
			sent: String(p.year),
			precision: 'year',
			dateBasis: 'dateline',
			dateNote: `The dateline "${letter.dateline ?? ''}" gives only the year.`,
		};
	}
	if (pm && nm && pm.slice(0, 4) === nm.slice(0, 4)) {
		return {
			sent: pm.slice(0, 4),
			precision: 'year',
			dateBasis: 'dateline',
			dateNote: `${lacks('year')}; the year, ${pm.slice(0, 4)}, is that of the letters printed either side of it (${label(letters[prevMonth.index] ?? letter)} and ${label(letters[nextMonth.index] ?? letter)}).`,
		};
	}
	const seriesYear = seriesYears.get(letter.series);
	if (seriesYear !== undefined) {
		return {
			sent: String(seriesYear),
			precision: 'year',
			dateBasis: 'curated',
			dateNote: `${lacks('year')}; the year, ${seriesYear}, is the one Hall gives in the title of Series ${letter.series}.`,
		};
	}
	return { sent: null, precision: 'unknown', dateBasis: 'none', dateNote: `${lacks('date')}, and none is guessed.` };
}

function nearestYear(
	letters: readonly RawNjLetter[],
	k: number,
	step: -1 | 1,
): { year: number; letter: RawNjLetter } | undefined {
	for (let j = k + step; j >= 0 && j < letters.length; j += step) {
		const l = letters[j];
		if (l?.parsed.year !== undefined) return { year: l.parsed.year, letter: l };
	}
	return undefined;
}

function neighbour(
	dates: readonly (ResolvedDate | undefined)[],
	k: number,
	step: -1 | 1,
	ok: (d: ResolvedDate) => boolean,
): { index: number; date: ResolvedDate } | undefined {
	for (let j = k + step; j >= 0 && j < dates.length; j += step) {
		const d = dates[j];
		if (d && ok(d)) return { index: j, date: d };
	}
	return undefined;
}
