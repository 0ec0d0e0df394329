/**
 * Parser for the Project Gutenberg text of the Adams "Familiar Letters" (ebook #34123): 284
 * numbered letters, each a heading `N. JOHN ADAMS.` (to the spouse unless it names another
 * recipient), an indented dateline, the body at column 0, an indented closing and signature,
 * and a `FOOTNOTES:` section of `[Footnote N: ...]` blocks after the letter.
 */
import type { Correction, DateBasis, Note, Person, Precision } from '../../core/format.js';
import { makeDraft, type Draft } from '../draft.js';
import { ImportError } from '../errors.js';
import { gutenbergBody } from '../gutenberg.js';
import { resolvePerson } from '../headings.js';
import { isoOf } from '../text.js';
import { parseDateline, type Dateline } from './dateline.js';
import { footnoteBlocks, takeMarkers, type Marker } from '../gutenberg-footnotes.js';
import { monthName } from '../../core/dates.js';

export const ADAMS_SOURCE = 'familiar-letters';
const COLLECTION = 'adams';

const HEADING = /^(\d+)\.\s+((?:JOHN|ABIGAIL) ADAMS)(?: TO (.+?))?\.(?:\[(\d+)\])?$/;
const INDENTED = /^ {3,}\S/;
const SALUTATION =
	/^((?:My (?:dearest|dear|best|much loved) (?:Friend|friend|Portia|Son|John))|My Dear|Dearest(?: of)? Friends?),--\s*/;
/** The last line of a closing: a signature in capitals ("JOHN ADAMS.", "J. A.", "PORTIA'S.") or a valediction. */
const SIGNATURE_NAME = /^(?:[A-Z][A-Z.']*\s?){1,3}\.?$/;
const VALEDICTION = /\b(?:yours?|adieu|farewell)\b/i;

/** A letter as printed, before its date is resolved against its neighbours. */
export interface RawLetter {
	number: number;
	line: number;
	from: string;
	to: string;
	dateline?: string;
	parsed: Dateline;
	salutation?: string;
	body: string[];
	signature?: string;
	notes: Note[];
	heading: string;
}

/**
 * Dates fixed by hand for the three letters printed without a dateline, from the letter's own
 * words or the editor's note.
 */
const UNDATED: Readonly<Record<number, { sent: string; precision: Precision; note: string }>> = {
	31: {
		sent: '1775-05',
		precision: 'month',
		note: "The letter has no dateline. The editor prints it between letters of 2 and 4 May 1775, written on John Adams's journey from Braintree to Philadelphia, so only the month is given.",
	},
	108: {
		sent: '1776-05-27',
		precision: 'day',
		note: 'The letter has no dateline, but its first sentence says "now \'t is the 27th of May", and the editor prints it among the letters of May 1776.',
	},
	237: {
		sent: '1778',
		precision: 'year',
		note: "The letter has no dateline. The editor's note says it comes from an undated rough draft whose allusions to d'Estaing's fleet place it in September or October 1778; only the year is certain.",
	},
};

/** Parse every numbered letter of the book. */
export function parseAdamsLetters(text: string, people: readonly Person[], file: string): Draft[] {
	const raw = readLetters(text, people, file);
	return resolveDates(raw, file);
}

/** The letters as printed, with their datelines read but not yet resolved. */
export function readLetters(text: string, people: readonly Person[], file: string): RawLetter[] {
	const { lines, firstLine } = gutenbergBody(text);
	const headings: number[] = [];
	lines.forEach((l, i) => {
		if (HEADING.test(l)) headings.push(i);
	});
	const last = headings.at(-1);
	if (last === undefined) throw new ImportError(file, 'heading', 'no numbered letters found');
	const indexAt = lines.findIndex((l, i) => i > last && l.trim() === 'INDEX.');
	if (indexAt === -1)
		throw new ImportError(`${file}:${firstLine + last}`, 'body', 'the INDEX that closes the letters was not found');
	const footnotes = footnoteBlocks(lines.slice(headings[0], indexAt));
	return headings.map((start, k) => {
		const end = headings[k + 1] ?? indexAt;
		return readLetter(lines.slice(start, end), firstLine + start, people, footnotes, file);
	});
}

function readLetter(
	segment: readonly string[],
	line: number,
	people: readonly Person[],
	footnotes: ReadonlyMap<string, string>,
	file: string,
): RawLetter {
	const where = `${file}:${line}`;
	const heading = segment[0] ?? '';
	const m = HEADING.exec(heading);
	if (!m) throw new ImportError(where, 'heading', `not a letter heading: ${JSON.stringify(heading)}`);
	const sender = resolvePerson(m[2] ?? '', people);
	if (!sender) throw new ImportError(where, 'from', `no person named ${JSON.stringify(m[2])}`);
	const recipient =
		m[3] === undefined
			? resolvePerson(sender.id === 'john-adams' ? 'Abigail Adams' : 'John Adams', people)
			: resolvePerson(m[3], people);
	if (!recipient) throw new ImportError(where, 'to', `no person named ${JSON.stringify(m[3])}`);

	// One letter (No. 138) prints its footnotes without the FOOTNOTES: heading.
	const footAt = segment.findIndex((l) => l.startsWith('FOOTNOTES:') || /^\[Footnote \d+:/.test(l));
	const letterLines = segment.slice(1, footAt === -1 ? segment.length : footAt);
	let i = 0;
	while (i < letterLines.length && (letterLines[i] ?? '').trim() === '') i += 1;
	const datelineLines: string[] = [];
	while (i < letterLines.length && INDENTED.test(letterLines[i] ?? '')) {
		datelineLines.push((letterLines[i] ?? '').trim());
		i += 1;
	}
	const bodyLines = letterLines.slice(i);
	while (bodyLines.length > 0 && (bodyLines.at(-1) ?? '').trim() === '') bodyLines.pop();

	const closing = findClosing(bodyLines);
	const textLines =
		closing === undefined ? bodyLines : [...bodyLines.slice(0, closing.start), ...bodyLines.slice(closing.end)];
	const paragraphs = paragraphsOfLines(textLines);
	if (paragraphs.length === 0) throw new ImportError(where, 'body', 'the letter has no text');

	let salutation: string | undefined;
	const first = paragraphs[0] ?? '';
	const sal = SALUTATION.exec(first);
	if (sal) {
		salutation = `${sal[1] ?? ''},`;
		paragraphs[0] = first.slice(sal[0].length);
	}

	const notes: Note[] = [];
	const noteText = (marker: string, about?: string): string | null => {
		const t = footnotes.get(marker);
		if (t === undefined) return null;
		return about === undefined ? t : `${about}: ${t}`;
	};
	const body = paragraphs.map((p, index) => {
		const taken = takeMarkers(p);
		for (const mk of taken.markers)
			notes.push({ marker: mk.marker, paragraph: index, offset: mk.offset, text: noteText(mk.marker) });
		return taken.text;
	});
	const outside = (markers: readonly Marker[], about: string, paragraph: number, offset: number): void => {
		for (const mk of markers) notes.unshift({ marker: mk.marker, paragraph, offset, text: noteText(mk.marker, about) });
	};
	const signatureTaken = takeMarkers(closing?.text ?? '');
	if (signatureTaken.markers.length > 0) {
		const lastIndex = body.length - 1;
		outside(signatureTaken.markers, 'On the closing', lastIndex, (body[lastIndex] ?? '').length);
	}
	const datelineTaken = takeMarkers(datelineLines.join(' '));
	outside(datelineTaken.markers, `On the dateline ("${datelineTaken.text}")`, 0, 0);
	if (m[4] !== undefined) outside([{ marker: m[4], offset: 0 }], 'On the heading', 0, 0);

	return {
		number: Number(m[1]),
		line,
		from: sender.id,
		to: recipient.id,
		...(datelineLines.length > 0 ? { dateline: datelineTaken.text } : {}),
		parsed: datelineLines.length > 0 ? parseDateline(datelineTaken.text) : {},
		...(salutation === undefined ? {} : { salutation }),
		body,
		...(closing === undefined ? {} : { signature: signatureTaken.text }),
		notes,
		// The edition's number is kept in `number`; the heading keeps the words that name the writer.
		heading: heading.replace(/\[\d+\]$/, '').replace(/^\d+\.\s+/, ''),
	};
}

/**
 * The closing lines at the end of a letter: the last run of indented lines that ends with a
 * signature or a valediction ("Yours.", "Adieu."), which may be followed only by a short
 * postscript at column 0. Verse, which is also indented, opens with a quotation mark and is
 * never taken.
 */
function findClosing(lines: readonly string[]): { start: number; end: number; text: string } | undefined {
	const isClosingEnd = (l: string): boolean => {
		const t = l.trim();
		return INDENTED.test(l) && t.length <= 60 && (SIGNATURE_NAME.test(t) || VALEDICTION.test(t)) && !t.startsWith('"');
	};
	// A signature in capitals wins over a later valediction, which then belongs to a postscript.
	let k = -1;
	for (let j = lines.length - 1; j >= 0 && k === -1; j -= 1) {
		const l = lines[j] ?? '';
		if (INDENTED.test(l) && SIGNATURE_NAME.test(l.trim())) k = j;
	}
	if (k === -1 || paragraphsOfLines(lines.slice(k + 1)).length > 4) {
		k = lines.length - 1;
		while (k >= 0 && !INDENTED.test(lines[k] ?? '')) k -= 1;
	}
	if (k < 0 || !isClosingEnd(lines[k] ?? '')) return undefined;
	const after = paragraphsOfLines(lines.slice(k + 1));
	if (after.length > 4) return undefined;
	let start = k;
	for (let j = k - 1; j >= 0; j -= 1) {
		const l = lines[j] ?? '';
		if (l.trim() === '') continue;
		if (!INDENTED.test(l) || l.trim().length > 60 || l.trim().startsWith('"')) break;
		start = j;
	}
	const text = lines
		.slice(start, k + 1)
		.map((l) => l.trim())
		.filter((l) => l.length > 0)
		.join('\n');
	return { start, end: k + 1, text };
}

/** Paragraphs at blank lines; verse (every line indented) keeps its line breaks. */
function paragraphsOfLines(lines: readonly string[]): string[] {
	const out: string[] = [];
	let current: string[] = [];
	const flush = (): void => {
		if (current.length === 0) return;
		const verse = current.every((l) => INDENTED.test(l)) && current.length > 1;
		out.push(current.map((l) => l.trim()).join(verse ? '\n' : ' '));
		current = [];
	};
	for (const l of lines) {
		if (l.trim() === '') flush();
		else current.push(l);
	}
	flush();
	return out;
}

/** Fix each letter's date from its dateline and, where the dateline is short of a year, its neighbours. */
function resolveDates(raw: readonly RawLetter[], file: string): Draft[] {
	const resolved: { sent: string; precision: Precision }[] = [];
	const yearOf = (k: number, step: -1 | 1): { year: number; number: number } | undefined => {
		for (let j = k + step; j >= 0 && j < raw.length; j += step) {
			const y = raw[j]?.parsed.year;
			if (y !== undefined) return { year: y, number: raw[j]?.number ?? 0 };
		}
		return undefined;
	};
	return raw.map((letter, k) => {
		const where = `${file}:${letter.line}`;
		const p = letter.parsed;
		let sent: string;
		let precision: Precision;
		let basis: DateBasis = 'dateline';
		let dateNote: string | undefined;
		const corrections: Correction[] = [];
		const fixed = UNDATED[letter.number];
		if (letter.dateline === undefined) {
			if (!fixed)
				throw new ImportError(where, 'sent', `letter No. ${letter.number} has no dateline and no date fixed by hand`);
			({ sent, precision } = fixed);
			basis = 'curated';
			dateNote = fixed.note;
		} else if (p.sameDate) {
			const previous = resolved[k - 1];
			if (!previous) throw new ImportError(where, 'sent', '"Same date." with no letter before it');
			({ sent, precision } = previous);
			dateNote = `The dateline reads "Same date.": the date of the letter printed before it, No. ${raw[k - 1]?.number ?? '?'}.`;
		} else if (p.year !== undefined && p.month !== undefined && p.day !== undefined) {
			sent = isoOf(p.year, p.month, p.day);
			precision = 'day';
		} else if (p.month !== undefined && p.day !== undefined) {
			const before = yearOf(k, -1);
			const after = yearOf(k, 1);
			if (!before) throw new ImportError(where, 'sent', 'no earlier letter gives the year');
			sent = isoOf(before.year, p.month, p.day);
			precision = 'day';
			dateNote =
				after?.year === before.year
					? `The dateline gives the day and month only; the year, ${before.year}, is that of the dated letters printed either side of it (Nos. ${before.number} and ${after.number}).`
					: `The dateline gives the day and month only; the year, ${before.year}, is that of the dated letter printed before it (No. ${before.number}).`;
		} else if (p.year !== undefined && p.month !== undefined) {
			sent = `${p.year}-${String(p.month).padStart(2, '0')}`;
			precision = 'month';
			dateNote = 'The dateline gives only the month and year.';
		} else if (p.year !== undefined) {
			const before = resolved[k - 1];
			const next = raw[k + 1]?.parsed;
			const nextMonth =
				next?.year === p.year && next.month !== undefined
					? `${p.year}-${String(next.month).padStart(2, '0')}`
					: undefined;
			if (before?.sent.startsWith(`${p.year}-`) && nextMonth !== undefined && before.sent.slice(0, 7) === nextMonth) {
				sent = nextMonth;
				precision = 'month';
				const month = monthName(Number(nextMonth.slice(5)));
				dateNote = `The dateline gives only the year; the month, ${month}, is that of the letters printed either side of it (Nos. ${raw[k - 1]?.number ?? '?'} and ${raw[k + 1]?.number ?? '?'}), both written on the same journey.`;
			} else {
				sent = String(p.year);
				precision = 'year';
				dateNote = `The dateline reads "${letter.dateline ?? ''}": only the year is known.`;
			}
		} else {
			throw new ImportError(where, 'sent', `cannot read a date from the dateline ${JSON.stringify(letter.dateline)}`);
		}
		resolved.push({ sent, precision });
		return makeDraft({
			key: `adams:${letter.number}`,
			collection: COLLECTION,
			kind: 'letter',
			number: String(letter.number),
			from: [letter.from],
			to: [letter.to],
			sent,
			precision,
			dateBasis: basis,
			dateNote,
			place: letter.parsed.place,
			heading: letter.heading,
			salutation: letter.salutation,
			body: letter.body,
			signature: letter.signature,
			notes: letter.notes,
			source: { id: ADAMS_SOURCE, ref: `line ${letter.line}` },
			corrections,
		});
	});
}
