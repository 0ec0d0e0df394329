/**
 * Calendar dates as the core needs them: parsing the day a user asks about, the day it is now in
 * a time zone (given an instant, never reading the clock), English formatting, and a letter's
 * date at the precision it is known.
 */
import { DateTime, IANAZone } from 'luxon';
import { daysInMonth, isLeapYear, type Letter } from './format.js';
import { fail, ok, type Result } from './result.js';

/** A day of the year without a year, e.g. 13 August. */
export interface MonthDay {
	readonly month: number;
	readonly day: number;
}

/** A day asked about: a month and day, and the year when it is known (it decides the 29 February rule). */
export interface DayQuery extends MonthDay {
	readonly year?: number;
}

/** A calendar day in a particular year. */
export interface CalendarDay extends MonthDay {
	readonly year: number;
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
] as const;

/** A leap year used for month-day arithmetic when no year is given, so that 29 February exists. */
const LEAP_REFERENCE_YEAR = 2000;

/** The English name of a month, 1-12. */
export function monthName(month: number): string {
	return MONTHS[month - 1] ?? `month ${month}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The `MM-DD` key of a month and day, as used by the corpus index. */
export function monthDayKey(md: MonthDay): string {
	return `${pad(md.month)}-${pad(md.day)}`;
}

/** `13 August`. */
export function formatMonthDay(md: MonthDay): string {
	return `${md.day} ${monthName(md.month)}`;
}

/** `13 August 1942`. */
export function formatCalendarDay(day: CalendarDay): string {
	return `${day.day} ${monthName(day.month)} ${day.year}`;
}

/**
 * Format an ISO date at the precision it carries: `1942-11-20` → `20 November 1942`,
 * `1943-06` → `June 1943`, `1945` → `1945`.
 */
export function formatIsoDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	if (m === undefined) return String(y);
	if (d === undefined) return `${monthName(m)} ${y}`;
	return `${d} ${monthName(m)} ${y}`;
}

/** The date of a letter as a reader should see it, honouring its precision. */
export function letterDateText(letter: Letter): string {
	if (letter.sent !== null) return formatIsoDate(letter.sent);
	if (letter.transmitted !== undefined) return `date unknown (transmitted ${formatIsoDate(letter.transmitted)})`;
	if (letter.received !== undefined) return `date unknown (received ${formatIsoDate(letter.received)})`;
	return 'date unknown';
}

/**
 * The date a letter is placed at: its sent date, else when it was transmitted, else when it was
 * received. Undefined when none is known.
 */
export function letterAnchorDate(letter: Letter): string | undefined {
	return letter.sent ?? letter.transmitted ?? letter.received;
}

/**
 * A string that sorts letters by date. Partial dates sort at the start of their period (`1943-06`
 * before `1943-06-01`); letters with no date at all sort last.
 */
export function letterSortKey(letter: Letter): string {
	const anchor = letterAnchorDate(letter);
	if (anchor === undefined) return '9999-99-99';
	return anchor.length === 10 ? anchor : anchor.length === 7 ? `${anchor}-00` : `${anchor}-00-00`;
}

/** Compare strings by code unit, as ISO dates and sort keys need (no locale rules). */
export function compareCodeUnits(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The year a letter belongs to (from its sent, transmitted or received date), if any is known. */
export function letterYear(letter: Letter): number | undefined {
	const anchor = letterAnchorDate(letter);
	return anchor === undefined ? undefined : Number(anchor.slice(0, 4));
}

/** Parse a whole ISO day `YYYY-MM-DD` into numbers; undefined when it is not one. */
export function isoDayParts(iso: string): CalendarDay | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!match) return undefined;
	return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const DATE_HINT = 'give a date as YYYY-MM-DD or MM-DD, e.g. 1942-08-13 or 08-13';

/**
 * Parse the day a user asks about: `YYYY-MM-DD` (a calendar day; its year decides whether
 * 29 February exists) or `MM-DD` (a day of any year; `02-29` is allowed).
 */
export function parseDayQuery(input: string): Result<DayQuery, 'invalid-date'> {
	const text = input.trim();
	if (text === '') return fail('invalid-date', `No date given; ${DATE_HINT}`);
	const match = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(text);
	if (!match) return fail('invalid-date', `"${text}" is not a date; ${DATE_HINT}`);
	const year = match[1] === undefined ? undefined : Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	if (month < 1 || month > 12) return fail('invalid-date', `"${text}" is not a real date: there is no month ${month}`);
	const most = daysInMonth(year ?? LEAP_REFERENCE_YEAR, month);
	if (day < 1 || day > most) {
		const where = year === undefined ? monthName(month) : `${monthName(month)} ${year}`;
		return fail('invalid-date', `"${text}" is not a real date: ${where} has only ${most} days`);
	}
	return ok(year === undefined ? { month, day } : { year, month, day });
}

/** True when `zone` is an IANA time zone name luxon knows, e.g. `Pacific/Auckland`. */
export function isValidZone(zone: string): boolean {
	return IANAZone.isValidZone(zone);
}

/**
 * The calendar day it is at an instant in a time zone. The caller reads the clock; the core
 * only does the arithmetic, so "today" near midnight is testable.
 *
 * @param epochMillis - The instant, in milliseconds since 1970-01-01T00:00Z.
 * @param zone - An IANA zone name such as `Europe/London`.
 */
export function calendarDayAt(epochMillis: number, zone: string): Result<CalendarDay, 'unknown-zone'> {
	if (!isValidZone(zone)) {
		return fail('unknown-zone', `"${zone}" is not a time zone; use an IANA name such as Europe/London or UTC`);
	}
	const at = DateTime.fromMillis(epochMillis, { zone });
	return ok({ year: at.year, month: at.month, day: at.day });
}

/**
 * The month-days whose letters are shown on a given day. In a year that is not a leap year,
 * letters of 29 February are shown on 28 February.
 */
export function monthDaysShownOn(query: DayQuery): readonly MonthDay[] {
	const own = { month: query.month, day: query.day };
	if (query.year !== undefined && !isLeapYear(query.year) && query.month === 2 && query.day === 28) {
		return [own, { month: 2, day: 29 }];
	}
	return [own];
}

/**
 * The day `days` away from a day of the year, in the query's year (or a leap year when it has
 * none). Wraps over the end of the year.
 */
export function shiftDay(query: DayQuery, days: number): DayQuery {
	const year = query.year ?? LEAP_REFERENCE_YEAR;
	const moved = DateTime.fromObject({ year, month: query.month, day: query.day }, { zone: 'utc' }).plus({ days });
	const md = { month: moved.month, day: moved.day };
	return query.year === undefined ? md : { year: moved.year, ...md };
}

const MS_PER_DAY = 86_400_000;

function dayNumber(iso: string): number {
	const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
	return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** Whole days from `a` to `b` (ISO days); positive when `b` is later. */
export function daysBetween(a: string, b: string): number {
	return dayNumber(b) - dayNumber(a);
}

/** The ISO day `days` after `iso` (before, when negative). */
export function addDaysIso(iso: string, days: number): string {
	return new Date((dayNumber(iso) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
	MONTHS.flatMap((name, i) => {
		const lower = name.toLowerCase();
		// Full names and the usual abbreviations: "Aug", "Sept".
		return [[lower, i + 1] as const, [lower.slice(0, 3), i + 1] as const, ...(i === 8 ? [['sept', 9] as const] : [])];
	}),
);

const DAY_INPUT_HINT = 'give a date such as today, 13 August, 13 Aug 1942, 1942-08-13 or 08-13';

function dayOfMonth(text: string): number | undefined {
	const match = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(text);
	return match ? Number(match[1]) : undefined;
}

/**
 * Parse the day a user asks about, in the shapes people type: `today` (also `yesterday` and
 * `tomorrow`), `MM-DD`, `YYYY-MM-DD` (see {@link parseDayQuery}), and day and month names in
 * either order with an optional year: `13 Aug 1942`, `13th August`, `August 13`, `Aug 13, 1942`.
 * The year, when given, decides whether 29 February exists; without one, `29 Feb` is allowed.
 *
 * @param input - What the user typed.
 * @param today - The calendar day it is now for the user (in their server's time zone).
 */
export function parseDayInput(input: string, today: CalendarDay): Result<DayQuery, 'invalid-date'> {
	const text = input.trim();
	const lower = text.toLowerCase();
	if (lower === '' || lower === 'today') return ok(today);
	if (lower === 'yesterday' || lower === 'tomorrow') return ok(shiftDay(today, lower === 'yesterday' ? -1 : 1));
	if (/^[\d-]+$/.test(text)) return parseDayQuery(text);
	const words = lower.split(/[\s,./]+/).filter((w) => w !== '');
	const monthAt = words.findIndex((w) => MONTH_WORDS.has(w.replace(/\.$/, '')));
	const month = monthAt < 0 ? undefined : MONTH_WORDS.get(words[monthAt] ?? '');
	const rest = words.filter((_, i) => i !== monthAt);
	const day = rest[0] === undefined ? undefined : dayOfMonth(rest[0]);
	const year = rest[1];
	const shapeOk =
		month !== undefined &&
		day !== undefined &&
		rest.length <= 2 &&
		(year === undefined || /^\d{4}$/.test(year)) &&
		// "13 August" or "August 13", never "1942 August 13".
		(monthAt === 0 || monthAt === 1);
	if (!shapeOk) return fail('invalid-date', `"${text}" is not a date; ${DAY_INPUT_HINT}`);
	const iso = `${year === undefined ? '' : `${year}-`}${pad(month)}-${pad(day)}`;
	const parsed = parseDayQuery(iso);
	if (parsed.ok) return parsed;
	return fail('invalid-date', parsed.error.message.replace(`"${iso}"`, `"${text}"`));
}
