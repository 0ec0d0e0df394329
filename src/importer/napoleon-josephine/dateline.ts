/**
 * Datelines of Napoleon's letters to Josephine, month first and in italics in the edition
 * (underscores and footnote markers already taken out here):
 *
 *   Chanceaux Post House, March 14, 1796.     Port Maurice, April 3rd.
 *   Castiglione, July 21, 1796, 8 A.M.        Paris, Wednesday, Noon, 27th December 1809.
 *   December 1809, 8 P.M.                     Thursday, Noon, 1809.
 *   Trianon, Tuesday.                         Seven o'clock in the morning.
 */
import { monthNumber } from '../text.js';

export interface NjDateline {
	place?: string;
	year?: number;
	month?: number;
	day?: number;
	/** The day of the week the dateline names, 0 (Sunday) to 6. */
	weekday?: number;
	/** A day of the month printed without its month. */
	dayWithoutMonth?: number;
}

const MONTH =
	'(Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_DAY = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(1[78]\\d\\d))?$`);
const DAY_MONTH = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(1[78]\\d\\d))?$`);
const MONTH_YEAR = new RegExp(`^${MONTH}(?:\\s+(1[78]\\d\\d))?$`);
const YEAR = /^(1[78]\d\d)$/;
const WEEKDAY = /^(?:this\s+)?(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day(?:\s+(?:Evening|Morning|Noon))?$/i;
/** "Ebersdorf May 31": a place and a date printed without the comma between them. */
const GLUED = new RegExp(`^(.+?)\\s+${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?$`);
/** 'Paris the "27" ...': a day of a month the source leaves blank. */
const DAY_WITHOUT_MONTH = /^(.+?) the "(\d{1,2})" \.\.\.$/;
/** Parts that give the hour of writing. */
const TIME = /o'clock|\b[AP]\.M\.?$|^Noon$|^Midnight$|in the morning|^Evening$/i;

/** Read a dateline, already joined into one line, without underscores and footnote markers. */
export function parseNjDateline(text: string): NjDateline {
	const line = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
	const parts = line.split(/,\s*/);
	const result: NjDateline = {};
	const place: string[] = [];
	let placeDone = false;
	for (const part of parts) {
		let m: RegExpExecArray | null;
		if ((m = MONTH_DAY.exec(part)) && result.day === undefined) {
			result.month = monthNumber(m[1] ?? '');
			result.day = Number(m[2]);
			if (m[3] !== undefined) result.year = Number(m[3]);
		} else if ((m = DAY_MONTH.exec(part)) && result.day === undefined) {
			result.day = Number(m[1]);
			result.month = monthNumber(m[2] ?? '');
			if (m[3] !== undefined) result.year = Number(m[3]);
		} else if ((m = MONTH_YEAR.exec(part)) && result.month === undefined) {
			result.month = monthNumber(m[1] ?? '');
			if (m[2] !== undefined) result.year = Number(m[2]);
		} else if ((m = YEAR.exec(part)) && result.year === undefined) {
			result.year = Number(m[1]);
		} else if ((m = WEEKDAY.exec(part))) {
			result.weekday = WEEKDAYS.findIndex((w) => w.toLowerCase().startsWith((m?.[1] ?? '').toLowerCase()));
		} else if (TIME.test(part)) {
			// the hour does not change the day
		} else if ((m = GLUED.exec(part)) && !placeDone && result.day === undefined) {
			place.push(m[1] ?? '');
			result.month = monthNumber(m[2] ?? '');
			result.day = Number(m[3]);
		} else if ((m = DAY_WITHOUT_MONTH.exec(part)) && !placeDone) {
			place.push(m[1] ?? '');
			result.dayWithoutMonth = Number(m[2]);
		} else if (!placeDone) {
			place.push(part);
			continue;
		}
		placeDone = true;
	}
	if (place.length > 0) result.place = place.join(', ');
	return result;
}
