/**
 * Text clean-up shared by every importer: line ends, blank lines, English dates, footnote
 * markers glued to words, OCR hyphenation. Pure functions over strings.
 */
import type { Correction, Note } from '../core/format.js';

export const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december',
] as const;

const MONTH_PATTERN =
	'(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** Month number (1-12) of an English month name or abbreviation, any case. */
export function monthNumber(name: string): number | undefined {
	const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
	const index = MONTHS.findIndex((m) => m.startsWith(key));
	return index === -1 ? undefined : index + 1;
}

export interface DayMonth {
	month: number;
	day: number;
	year?: number;
}

/** Source of a regular expression that matches an English date: "March 12", "March 12, 1942", "12th March 1942", "6 APRIL 1946". */
export const DATE_PATTERN = `(?:${MONTH_PATTERN}\\s+\\d{1,2}(?:st|nd|rd|th|d)?(?:,?\\s+\\d{4})?|(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th|d)?\\s+(?:of\\s+)?${MONTH_PATTERN}(?:,?\\s+\\d{4})?)`;

/** Parse one English date phrase ("March 12", "January 11th, 1943", "6 APRIL 1946"). */
export function parseEnglishDate(text: string): DayMonth | undefined {
	const t = text.trim();
	let m = new RegExp(`^(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th|d)?(?:,?\\s+(\\d{4}))?$`, 'i').exec(t);
	if (m) return build(m[1], m[2], m[3]);
	m = new RegExp(
		`^(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|d)?\\s+(?:of\\s+)?(${MONTH_PATTERN})(?:,?\\s+(\\d{4}))?$`,
		'i',
	).exec(t);
	if (m) return build(m[2], m[1], m[3]);
	return undefined;
}

function build(month: string | undefined, day: string | undefined, year: string | undefined): DayMonth | undefined {
	const mo = month === undefined ? undefined : monthNumber(month);
	if (mo === undefined || day === undefined) return undefined;
	return { month: mo, day: Number(day), ...(year === undefined ? {} : { year: Number(year) }) };
}

/** ISO `YYYY-MM-DD` of a day. */
export function isoOf(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The year of a day-and-month mentioned in a letter dated `context`: the same year, or the
 * year before when that month and day lie after the letter's own date (a reply in January to
 * a message of December).
 */
export function resolveYear(dm: DayMonth, context: string): string {
	if (dm.year !== undefined) return isoOf(dm.year, dm.month, dm.day);
	const [y, m, d] = context.split('-').map(Number);
	const year = y ?? 0;
	const afterContext = m !== undefined && (dm.month > m || (dm.month === m && d !== undefined && dm.day > d));
	return isoOf(afterContext ? year - 1 : year, dm.month, dm.day);
}

/** Normalise line ends to LF, strip trailing spaces and non-breaking-space-only lines. */
export function normaliseLines(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t\u00a0]+$/gm, '')
		.replace(/^\uFEFF/, '');
}

/** Split text into paragraphs at blank lines, joining the lines of each paragraph with spaces. */
export function paragraphsOf(text: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
		.filter((p) => p.length > 0);
}

export interface CleanedParagraphs {
	paragraphs: string[];
	notes: Note[];
	corrections: Correction[];
}

/**
 * Take footnote markers out of the text and repair OCR hyphenation, recording both.
 *
 * A footnote marker is a run of one to three digits glued to the end of a word or a closing
 * quote ("Act5", "Communiqué28", "\"Overlord.\"50"). Hyphenation is a hyphen followed by a
 * space inside a word ("Soviet- German" becomes "Soviet-German"; "very- useful" becomes
 * "very useful").
 */
export function cleanParagraphs(raw: readonly string[], fieldPrefix = 'body'): CleanedParagraphs {
	const notes: Note[] = [];
	const corrections: Correction[] = [];
	const paragraphs = raw.map((original, index) => {
		let text = original.replace(/\s+/g, ' ').trim();
		text = text.replace(/(\p{Lu}\p{L}*)- (\p{Lu}\p{L}*)/gu, (match, a: string, b: string) => {
			corrections.push({
				field: `${fieldPrefix}[${index}]`,
				from: match,
				to: `${a}-${b}`,
				reason: 'line-break hyphenation in the source',
			});
			return `${a}-${b}`;
		});
		text = text.replace(/(\p{L}*\p{Ll})- (?=\S)/gu, (match, a: string) => {
			corrections.push({
				field: `${fieldPrefix}[${index}]`,
				from: match.trimEnd(),
				to: a,
				reason: 'stray hyphen in the source',
			});
			return `${a} `;
		});
		let out = '';
		let last = 0;
		for (const m of text.matchAll(/(?<=[\p{L}.”"’)])(\d{1,3})(?=[\s,.;:)”"’]|$)/gu)) {
			const at = m.index;
			out += text.slice(last, at);
			notes.push({ marker: m[1] ?? '', paragraph: index, offset: out.length, text: null });
			last = at + m[0].length;
		}
		return out + text.slice(last);
	});
	return { paragraphs, notes, corrections };
}

/** A slug of lower-case ASCII letters and digits joined by hyphens. */
export function slug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** A paragraph that is only a date, perhaps with its weekday: "1 October", "Monday, October 2d." */
const CONTINUATION = /^(?:(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday),?\s+)?(.+?)\.?$/;

/**
 * Where a letter written over several days was taken up again: the index of each paragraph that
 * is only a date, with that date in full (a day before the previous one means the next year).
 */
export function continuationDates(body: readonly string[], sent: string): { index: number; date: string }[] {
	const found: { index: number; date: string }[] = [];
	let date = sent;
	body.forEach((paragraph, index) => {
		const dm = paragraph.length <= 40 ? parseEnglishDate(CONTINUATION.exec(paragraph.trim())?.[1] ?? '') : undefined;
		if (!dm) return;
		const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
		const year = dm.year ?? (dm.month < m || (dm.month === m && dm.day < d) ? y + 1 : y);
		date = isoOf(year, dm.month, dm.day);
		found.push({ index, date });
	});
	return found;
}
