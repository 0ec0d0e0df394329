/**
 * On this day: the letters sent on a day of the year, across all years, with a plain-spoken
 * fallback to the nearest day that has letters.
 */
import { compareLetters, isPlaceholder, lettersOnMonthDay, type Corpus } from './corpus.js';
import { formatIsoDate, formatMonthDay, monthDaysShownOn, shiftDay, type DayQuery, type MonthDay } from './dates.js';
import type { Letter } from './format.js';

/** How far either side of the day the fallback looks. */
export const NEAREST_WINDOW_DAYS = 7;

/** The answer to "what was sent on this day". */
export interface OnThisDay {
	/** The day asked about. */
	readonly query: DayQuery;
	/**
	 * `exact` when letters were sent on the day itself; `nearest` when none were and the letters
	 * shown are from the nearest day within a week; `none` when there is none within a week.
	 */
	readonly match: 'exact' | 'nearest' | 'none';
	/** The day of the year whose letters are shown (the query's own day unless `nearest`). */
	readonly day: MonthDay;
	/** Signed distance in days from the query to {@link OnThisDay.day}; 0 when exact. */
	readonly offset: number;
	/** The letters, in date order. Only letters sent on a known day are ever included. */
	readonly letters: readonly Letter[];
	/**
	 * What to tell the reader when the day itself has no letter, e.g.
	 * `No letter was sent on 23 November; the nearest is 20 November 1942`.
	 */
	readonly message?: string;
	/** Set when letters of 29 February are shown on 28 February of a common year. */
	readonly note?: string;
}

/** Options for {@link onThisDay}. */
export interface OnThisDayOptions {
	/** Only letters of this collection (by id); all collections when absent. */
	readonly collection?: string;
	/**
	 * Skip placeholders (letters whose text is not held), for the exact day and the fallback alike;
	 * for a daily post that should always have something to read. Default false: every letter
	 * known to have been sent that day is included.
	 */
	readonly requireText?: boolean;
}

function lettersShownOn(corpus: Corpus, query: DayQuery, options: OnThisDayOptions): Letter[] {
	const days = monthDaysShownOn(query);
	const letters = days
		.flatMap((md) => lettersOnMonthDay(corpus, md))
		.filter(
			(l) =>
				(options.collection === undefined || l.collection === options.collection) &&
				(options.requireText !== true || !isPlaceholder(l)),
		);
	// Each day's list is already in date order (and filtering keeps it); only two merged days need a sort.
	return days.length > 1 ? letters.sort((a, b) => compareLetters(corpus, a, b)) : letters;
}

function leapNote(query: DayQuery, letters: readonly Letter[]): string | undefined {
	const leap = letters.some((l) => l.sent?.endsWith('-02-29'));
	if (!leap || query.year === undefined || query.day !== 28) return undefined;
	return `${query.year} has no 29 February, so letters of 29 February are shown on 28 February`;
}

function datesText(letters: readonly Letter[]): string {
	const dates = [...new Set(letters.map((l) => l.sent).filter((d): d is string => d !== null))].map(formatIsoDate);
	if (dates.length <= 1) return `the nearest is ${dates[0] ?? 'unknown'}`;
	return `the nearest are ${dates.slice(0, -1).join(', ')} and ${dates.at(-1)}`;
}

/**
 * The letters sent on a day of the year, in any year, in date order.
 *
 * When none was sent that day, looks 1 to {@link NEAREST_WINDOW_DAYS} days either side, across
 * all years, and returns the letters of the nearest such day. When an earlier and a later day
 * are equally near, the earlier wins: "on this day" looks back, and the earlier letter is the
 * one already sent by that date. Letters whose sent date is unknown or not known to the day are
 * never returned.
 *
 * In a year that is not a leap year, 28 February also shows the letters of 29 February. A query
 * without a year (`MM-DD`) means exactly that day of the year, so `02-29` shows 29 February.
 *
 * @param corpus - The corpus.
 * @param query - The day, usually "today" in the server's time zone, computed by the caller.
 * @param options - Optionally, one collection to draw from.
 */
export function onThisDay(corpus: Corpus, query: DayQuery, options: OnThisDayOptions = {}): OnThisDay {
	const exact = lettersShownOn(corpus, query, options);
	const own = { month: query.month, day: query.day };
	if (exact.length > 0) {
		const note = leapNote(query, exact);
		return { query, match: 'exact', day: own, offset: 0, letters: exact, ...(note ? { note } : {}) };
	}
	const noLetter = options.requireText === true ? 'No letter whose text we hold was sent' : 'No letter was sent';
	for (let distance = 1; distance <= NEAREST_WINDOW_DAYS; distance++) {
		for (const offset of [-distance, distance]) {
			const shifted = shiftDay(query, offset);
			const letters = lettersShownOn(corpus, shifted, options);
			if (letters.length > 0) {
				const message = `${noLetter} on ${formatMonthDay(own)}; ${datesText(letters)}`;
				return { query, match: 'nearest', day: { month: shifted.month, day: shifted.day }, offset, letters, message };
			}
		}
	}
	return {
		query,
		match: 'none',
		day: own,
		offset: 0,
		letters: [],
		message: `${noLetter} on ${formatMonthDay(own)}, nor within a week either side of it`,
	};
}

/**
 * {@link onThisDay} over a choice of collections (empty: all). One collection, or none, is
 * {@link onThisDay} itself; with several, each answers on its own and the nearest day wins, exact
 * days first, so a server that reads two collections gets the day's letters of both, or the
 * nearest day's of whichever has one, in date order as ever.
 *
 * @param collections - collection ids
 * @param options - `requireText` as for {@link onThisDay}
 */
export function onThisDayIn(
	corpus: Corpus,
	query: DayQuery,
	collections: readonly string[],
	options: Pick<OnThisDayOptions, 'requireText'> = {},
): OnThisDay {
	if (collections.length <= 1) {
		const only = collections[0];
		return onThisDay(corpus, query, { ...options, ...(only === undefined ? {} : { collection: only }) });
	}
	const answers = collections
		.map((collection) => onThisDay(corpus, query, { ...options, collection }))
		.filter((a) => a.match !== 'none');
	const best = Math.min(...answers.map((a) => Math.abs(a.offset)));
	const chosen = answers.filter((a) => Math.abs(a.offset) === best);
	const first = chosen[0];
	if (first === undefined) return onThisDay(corpus, query, { ...options, collection: collections[0] ?? '' });
	return { ...first, letters: chosen.flatMap((a) => a.letters).sort((a, b) => compareLetters(corpus, a, b)) };
}
