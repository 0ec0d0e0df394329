/**
 * Datelines of "The Letters of Queen Victoria", in the shapes the edition prints them:
 *
 *   BUCKINGHAM PALACE, _10th April 1838._          place and full date
 *   _5th April 1838._                              date only
 *   PARIS, _le 23 Juin 1837._                      French
 *   WHITEHALL, _14th February, Monday Night._      day and month, no year
 *   LAEKEN, _June [18] 1838._ / [_May 1829._]      a day or date supplied by the editors
 *   (Undated--_22nd or 23rd June 1837._)           one of two days
 *   BUSHEY HOUSE (_Monday night_), _May 1842._     month only
 *   (_Undated._) / (_No date._)                    none
 *   22 Mars / ST. PETERSBURG, _le ------- 1848._ / 3 Avril    Russian Old Style over New Style
 */
import type { Precision } from '../../core/format.js';
import { isoOf } from '../text.js';

const MONTH_NAMES: ReadonlyArray<readonly [string, number]> = [
	['janvier', 1],
	['février', 2],
	['fevrier', 2],
	['mars', 3],
	['avril', 4],
	['mai', 5],
	['juin', 6],
	['juillet', 7],
	['août', 8],
	['aout', 8],
	['septembre', 9],
	['octobre', 10],
	['novembre', 11],
	['décembre', 12],
	['january', 1],
	['february', 2],
	['march', 3],
	['april', 4],
	['may', 5],
	['june', 6],
	['july', 7],
	['august', 8],
	['september', 9],
	['october', 10],
	['november', 11],
	['december', 12],
	['jan', 1],
	['feb', 2],
	['mar', 3],
	['apr', 4],
	['jun', 6],
	['jul', 7],
	['aug', 8],
	['sept', 9],
	['sep', 9],
	['oct', 10],
	['nov', 11],
	['dec', 12],
];

const MONTH = `(${MONTH_NAMES.map(([name]) => name).join('|')})\\.?(?![\\p{L}])`;
const ORDINAL = '(?:st|nd|rd|th|d|ème|er)?';
const YEAR = '\\(?(\\d{4})\\)?';

/** Month number of an English or French month name. */
export function monthOf(name: string): number | undefined {
	return MONTH_NAMES.find(([n]) => n === name.toLowerCase())?.[1];
}

export interface Dateline {
	place?: string;
	/** The day, month or year, at the precision the dateline gives; year absent when it names none. */
	year?: number;
	month?: number;
	day?: number;
	precision: Precision;
	/** Why the date reads as it does, when that needs saying. */
	note?: string;
	/** Footnote markers printed on the dateline. */
	markers: string[];
}

const re = (source: string): RegExp => new RegExp(source, 'iu');
const DMY = re(`(\\d{1,2})${ORDINAL}\\.?\\s+${MONTH}(\\(\\?\\))?,?\\s+${YEAR}`);
const TWO_DAYS = re(`(\\d{1,2})${ORDINAL}\\s+or\\s+(\\d{1,2})${ORDINAL}\\s+${MONTH}\\s+${YEAR}`);
const MDY = re(`${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+${YEAR}`);
const MY = re(`${MONTH}[\\s.,]+(?:\\.\\.\\.\\s*)?${YEAR}`);
const DM = re(`(\\d{1,2})${ORDINAL}\\.?\\s+${MONTH}`);
const RUSSIAN = re(`^\\s*(\\d{1,2})\\s+${MONTH}\\s+(.*?)_le -+ (\\d{4})\\._\\s+(\\d{1,2})\\s+${MONTH}\\s*$`);
const RUSSIAN_STACKED = re(
	`^\\s*(\\d{1,2})\\s+(.*?)(?<!\\p{L})(?:le|ce)_?\\s+-+\\s+_?${MONTH}_?\\s+(\\d{4})\\._?\\s+(\\d{1,2})\\s*$`,
);
const UNDATED = /\(_?(?:Undated|No date)\._?\)/i;

/** Whether the first paragraph after a heading reads as a dateline rather than the start of the letter. */
export function isDateline(paragraph: readonly string[]): boolean {
	const text = paragraph.join(' ');
	if (paragraph.length > 3 || text.length > 200 || text.includes(',--')) return false;
	if (UNDATED.test(text) || /^\(Undated/.test(text)) return true;
	if (/^[A-Z][A-Z .,'&-]+\.$/.test(text)) return true;
	return text.includes('_') && /\d/.test(text);
}

const WEEKDAY = /(?:,\s*|\s+)\(?(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b[^,]*\)?,?\s*$/i;

const SMALL_WORDS = new Set(['of', 'the', 'on', 'in', 'and', 'at', 'de', 'la', 'le', 'du', 'des', 'near', 'from']);

/** Title case for a place printed in capitals: "BUCKINGHAM PALACE" becomes "Buckingham Palace". */
export function placeCase(text: string): string {
	return text.replace(/[\p{Lu}'’]{2,}/gu, (word, offset: number) => {
		if (/^(?:[IVX]+)$/.test(word) && word.length <= 3 && word !== 'VI') return word;
		const lower = word.toLowerCase();
		if (SMALL_WORDS.has(lower) && offset > 0) return lower;
		// "D'EU" becomes "D'Eu", "JAMES'S" becomes "James's".
		return lower.replace(/^(\p{Ll})|(?<=^\p{Ll}['’])(\p{Ll})/gu, (c) => c.toUpperCase());
	});
}

function placeOf(before: string): string | undefined {
	let place = before
		.replace(/\(Undated[^)]*\)?/i, '')
		.replace(/\b(?:le|ce)\s*$/i, '')
		.replace(/[\s,.([]+$/, '')
		.trim();
	place = place
		.replace(WEEKDAY, '')
		.replace(/[\s,.([]+$/, '')
		.trim();
	if (/^\(?(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/i.test(place)) return undefined;
	if (!/\p{Lu}{2,}|\p{Lu}\p{Ll}/u.test(place)) return undefined;
	return placeCase(place.replace(/\s+/g, ' '));
}

/** Read a dateline paragraph. */
export function parseDateline(paragraph: readonly string[]): Dateline {
	const joined = paragraph.join('\n');
	const notes: string[] = [];
	// "June [18] 1838": a day in brackets after a month is the editors' guess, not a footnote.
	const guessedDay = re(`${MONTH}\\s+\\[(\\d{1,2})\\]`);
	let text = joined;
	if (guessedDay.test(text)) {
		notes.push('The day is in square brackets in the edition: supplied by the editors, not written in the letter.');
		text = text.replace(guessedDay, '$1 $2');
	}
	const markers = [...text.matchAll(/\[(\d{1,3})\]/g)].map((m) => m[1] ?? '');
	text = text.replace(/\[(\d{1,3})\]/g, '');
	const sic = /\[sic: ([^\]]+)\]/.exec(text);
	if (sic) {
		notes.push(`The transcribers mark the year: the printed book reads ${sic[1]}, which they corrected.`);
		text = text.replace(sic[0], '');
	}

	const russian = RUSSIAN.exec(text);
	if (russian) {
		const [, oldDay, oldMonth, placeText, year, day, month] = russian;
		return {
			...withPlace(placeText ?? ''),
			year: Number(year),
			month: monthOf(month ?? ''),
			day: Number(day),
			precision: 'day',
			note: `The letter is dated in both calendars, ${oldDay} ${oldMonth} (Russian, Old Style) and ${day} ${month} (Western); the Western date is used.`,
			markers,
		};
	}

	const stacked = RUSSIAN_STACKED.exec(text);
	if (stacked) {
		const [, oldDay, placeText, month, year, day] = stacked;
		return {
			...withPlace(placeText ?? ''),
			year: Number(year),
			month: monthOf(month ?? ''),
			day: Number(day),
			precision: 'day',
			note: `The letter is dated in both calendars, ${oldDay} (Russian, Old Style) over ${day} (Western) ${month}; the Western date is used.`,
			markers,
		};
	}

	const flat = text.replace(/\s+/g, ' ').trim();
	if (/^\(_[^)]*\d{4}[^)]*_\)$/.test(flat))
		notes.push('The whole date is in brackets in the edition: supplied by the editors, not written in the letter.');
	const supplied = /\[[^\]]*\d[^\]]*\]|\[_?[A-Z][a-z]+ \.\.\._?\]/.test(flat);
	const plain = flat.replace(/_/g, '').replace(/[[\]]/g, '');
	if (supplied)
		notes.push(
			'Part of the date is in square brackets in the edition: supplied by the editors, not written in the letter.',
		);

	const fromMatch = (match: RegExpExecArray, fields: Omit<Dateline, 'markers' | 'place'>): Dateline => {
		const place = placeOf(plain.slice(0, match.index));
		const note = [...notes, ...(fields.note === undefined ? [] : [fields.note])].join(' ');
		return { ...(place === undefined ? {} : { place }), ...fields, ...(note === '' ? {} : { note }), markers };
	};

	let m = TWO_DAYS.exec(plain);
	if (m) {
		return fromMatch(m, {
			year: Number(m[4]),
			month: monthOf(m[3] ?? ''),
			precision: 'month',
			note: `The edition dates it "${m[1]} or ${m[2]}" of the month; only the month is certain.`,
		});
	}
	m = DMY.exec(plain);
	if (m) {
		const queried = m[3] === undefined ? undefined : 'The edition queries the month with "(?)".';
		const bracketed = /\(\d{4}\)/.test(m[0]) ? 'The year is in brackets in the edition.' : undefined;
		const note = [queried, bracketed].filter((n) => n !== undefined).join(' ');
		return fromMatch(m, {
			year: Number(m[4]),
			month: monthOf(m[2] ?? ''),
			day: Number(m[1]),
			precision: 'day',
			...(note === '' ? {} : { note }),
		});
	}
	m = MDY.exec(plain);
	if (m) return fromMatch(m, { year: Number(m[3]), month: monthOf(m[1] ?? ''), day: Number(m[2]), precision: 'day' });
	m = DM.exec(plain);
	if (m) return fromMatch(m, { month: monthOf(m[2] ?? ''), day: Number(m[1]), precision: 'day' });
	m = MY.exec(plain);
	if (m) return fromMatch(m, { year: Number(m[2]), month: monthOf(m[1] ?? ''), precision: 'month' });

	const place = UNDATED.test(flat) ? undefined : placeOf(plain);
	return {
		...(place === undefined ? {} : { place }),
		precision: 'unknown',
		markers,
		...(notes.length > 0 ? { note: notes.join(' ') } : {}),
	};
}

function withPlace(text: string): { place?: string } {
	const place = placeOf(text.replace(/_/g, ''));
	return place === undefined ? {} : { place };
}

/** The ISO date of a dateline with its year known, at its precision. */
export function isoOfDateline(d: Dateline & { year: number }): string {
	if (d.month === undefined) return String(d.year);
	if (d.day === undefined || d.precision !== 'day') return `${d.year}-${String(d.month).padStart(2, '0')}`;
	return isoOf(d.year, d.month, d.day);
}
