/**
 * Datelines of the Adams letters, in the shapes the edition prints:
 *
 *   Boston, 12 May, 1774.            York, June 30, 1774.
 *   Philadelphia, 23 June.           Same date.
 *   Philadelphia, February, 1776.    Fishkill, 1777.        Without date, 1780.
 *   Yorktown, Pennsylvania, Tuesday, 30 September, 1777.
 *   Philadelphia, 22 May, 4 o'clock in the morning.
 */
import { monthNumber } from '../text.js';

export interface Dateline {
	place?: string;
	year?: number;
	month?: number;
	day?: number;
	/** "Same date.": the date of the letter printed before it. */
	sameDate?: true;
}

const MONTH =
	'(Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DAY_MONTH = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th|d)? ${MONTH}$`);
const MONTH_DAY = new RegExp(`^${MONTH} (\\d{1,2})(?:st|nd|rd|th|d)?$`);
const MONTH_ONLY = new RegExp(`^${MONTH}$`);
const YEAR = /^(1[78]\d\d)$/;
/** Parts of a dateline that give the time of writing rather than the place. */
const NOT_PLACE =
	/^(?:(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day)?\s*(?:Evening|Morning|Afternoon|Noon)?$|o'clock|^Without date$/i;

/** Read a dateline, already joined into one line and without footnote markers. */
export function parseDateline(text: string): Dateline {
	const line = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
	if (/^Same date$/i.test(line)) return { sameDate: true };
	const parts = line.split(/,\s*/);
	const result: Dateline = {};
	let firstDatePart = parts.length;
	parts.forEach((part, index) => {
		let m = DAY_MONTH.exec(part);
		if (m && result.day === undefined) {
			result.day = Number(m[1]);
			result.month = monthNumber(m[2] ?? '');
		} else if ((m = MONTH_DAY.exec(part)) && result.day === undefined) {
			result.month = monthNumber(m[1] ?? '');
			result.day = Number(m[2]);
		} else if ((m = MONTH_ONLY.exec(part)) && result.month === undefined) {
			result.month = monthNumber(m[1] ?? '');
		} else if ((m = YEAR.exec(part)) && result.year === undefined) {
			result.year = Number(m[1]);
		} else {
			return;
		}
		firstDatePart = Math.min(firstDatePart, index);
	});
	const place = parts
		.slice(0, firstDatePart)
		.filter((p) => !NOT_PLACE.test(p))
		.join(', ');
	if (place.length > 0) result.place = place;
	return result;
}
