/**
 * Datelines of the Lincoln edition, in the many shapes the text prints them:
 *
 *   EXECUTIVE MANSION, WASHINGTON, January 27, 1862.
 *   WAR DEPARTMENT, May 27,1863.           (no space after the comma)
 *   SPRINGFIELD, ILL., Jany. 19, 1845.     (old abbreviations)
 *   WASHINGTON CITY, August 27, 1862 4 P.M. (a time after the date)
 *   CITY POINT, April 1. 11.00 A.M.         (day and month, no year)
 *   SPRINGFIELD, ILLINOIS, August, 1857    (month and year only)
 *   January [?], 1837 / August??, 1858     (a day the editor could not read)
 *
 * Pure functions over strings.
 */

const MONTHS: readonly (readonly [RegExp, number])[] = [
	[/^jan/i, 1],
	[/^feb/i, 2],
	[/^ma(?:r|tch)/i, 3],
	[/^apr/i, 4],
	[/^may/i, 5],
	[/^jun/i, 6],
	[/^jul/i, 7],
	[/^aug/i, 8],
	[/^sep/i, 9],
	[/^oct/i, 10],
	[/^nov/i, 11],
	[/^dec/i, 12],
];

/** A month name as the edition prints it, including "Jany." and the misprint "Match". */
const MONTH_NAMES = [
	'January',
	'Jany',
	'Jan',
	'February',
	'Feby',
	'Feb',
	'March',
	'Match',
	'Mar',
	'April',
	'Apr',
	'May',
	'June',
	'Jun',
	'July',
	'Jul',
	'August',
	'Aug',
	'September',
	'Sept',
	'Sep',
	'October',
	'Oct',
	'November',
	'Nov',
	'December',
	'Dec',
];
const MONTH = String.raw`(?:${MONTH_NAMES.flatMap((m) => [m, m.toUpperCase()]).join('|')})\b\.?`;
/** The day: digits, or an editor's "[?]", "[1?]", "??" for a day not known. */
const DAY = String.raw`(\d{1,2}(?!\d)(?:st|nd|rd|th)?|\[\d*\?+\]|\?\?)`;
const YEAR = String.raw`(\d{4})`;
const TIME = String.raw`(?:[,.]?\s*\(?(?:\d{1,2}(?:[.:]\d{2})?\s*(?:[AP]\.\s?M\.?|[ap]\.\s?m\.?|PM|AM|pm|am)|midnight|noon|MIDNIGHT|NOON)\)?(?:\.|\b))`;

/** A place before the date: words in capitals or title case, with commas and abbreviations. */
const PLACE = String.raw`((?:[A-Z"][A-Za-z."'()-]*|of|de|Co\.|D\.\s?C\.?)(?:[ ,.]+(?:[A-Z"][A-Za-z."'()-]*|of|de|Co\.|D\.\s?C\.?))*)`;

/** A month, perhaps with the editor's correction in brackets ("May [March] 20"), a day and a year. */
const DATE_CORE = String.raw`(${MONTH})(?:\s*\[(${MONTH})\])?\s*,?\s*${DAY}?(?:\s*\[(\d{1,2})\?\])?\s*[,.]?\s*\??\s*${YEAR}?`;

const DATELINE = new RegExp(String.raw`^(?:${PLACE}\s*[,.;]?\s+)?${DATE_CORE}(${TIME})?\s*[.,:]?\s*`, '');

export interface ParsedDate {
	year?: number;
	month: number;
	/** The day, when printed and legible. */
	day?: number;
	/** The day as printed when the editor marked it as unknown ("[?]", "??"). */
	uncertainDay?: string;
	/** Another day the editor suggests in brackets ("October 24 [25?]"); the printed day is kept. */
	queriedDay?: number;
}

export interface Dateline {
	place?: string;
	date: ParsedDate;
	/** The time of day as printed ("4 P.M."), for telegrams. */
	time?: string;
	/** The dateline exactly as printed (joined lines). */
	text: string;
	/** What follows the dateline in the same paragraph (an inside address or the body). */
	rest: string;
}

function monthOf(name: string): number | undefined {
	return MONTHS.find(([re]) => re.test(name))?.[1];
}

/**
 * Read a dateline at the start of a paragraph: an optional place, a month, an optional day,
 * an optional year and time. A bare month with neither day nor year is not a dateline.
 */
export function parseDateline(paragraph: string): Dateline | undefined {
	const text = paragraph.replace(/\s+/g, ' ').trim();
	const m = DATELINE.exec(text);
	if (!m) return undefined;
	const [whole, place, printedMonth, editorMonth, day, queried, year, time] = m;
	const monthName = editorMonth ?? printedMonth;
	const month = monthName === undefined ? undefined : monthOf(monthName);
	if (month === undefined) return undefined;
	if (day === undefined && year === undefined) return undefined;
	// A month word that starts a sentence of the body ("May I ask...") is not a date.
	if (day === undefined && !/^\d{4}/.test(year ?? '')) return undefined;
	const date: ParsedDate = { month };
	if (year !== undefined) date.year = Number(year);
	if (day !== undefined) {
		if (/^\d/.test(day)) date.day = Number.parseInt(day, 10);
		else date.uncertainDay = day;
	}
	if (queried !== undefined && date.day !== undefined) {
		date.queriedDay = Number(queried);
	}
	const printed = whole.trim().replace(/[,]$/, '');
	return {
		...(place === undefined ? {} : { place: cleanPlace(place) }),
		date,
		...(time === undefined ? {} : { time: time.replace(/^[,.]?\s*/, '').trim() }),
		text: printed,
		rest: text.slice(whole.length).trim(),
	};
}

/** Whether a paragraph is a place and nothing else ("DEPARTMENT OF STATE, WASHINGTON."), to be joined with a date on the next. */
export function isPlaceOnly(paragraph: string): boolean {
	const text = paragraph.replace(/\s+/g, ' ').trim();
	if (text.length > 70 || /\d/.test(text.replace(/D\.\s?C\./, ''))) return false;
	return /^(?:EXECUTIVE|WAR|NAVY|DEPARTMENT|WASHINGTON|SPRINGFIELD|HEADQUARTERS|CITY POINT|STATE OF)[A-Z ,.'-]*$/.test(
		text,
	);
}

function cleanPlace(place: string): string {
	// A stray signature or the end of a heading printed on the dateline's line is not part of the place.
	const trimmed = place
		.replace(/^(?:A\. LINCOLN\.|.*\bCONVENTION\.)\s*/, '')
		.replace(/[\s,]+$/, '')
		.replace(/^"/, '');
	// Keep the full stop of a closing initial ("D. C."), which the separator took; drop any other.
	if (/(?:^|[ .])[A-Z]\.?$/.test(trimmed)) return trimmed.endsWith('.') ? trimmed : `${trimmed}.`;
	return trimmed.replace(/\.$/, '');
}
