/**
 * Parser for the Project Gutenberg text of Hall's "Napoleon's Letters to Josephine" (ebook
 * #37499): 243 letters in sixteen series, each headed `No. N.` at column 0. Before the body may
 * come Hall's chronology of the campaign (italic lines with `--`), a source line ("From
 * BOURRIENNE'S ..."), an address heading ("TO THE EMPRESS, AT MAYENCE.") and the dateline; after
 * it the signature, the superscription of the cover, Hall's bracketed remarks and more
 * chronology, up to a row of asterisks.
 */
import type { Note } from '../../core/format.js';
import { ImportError } from '../errors.js';
import { gutenbergBody } from '../gutenberg.js';
import { takeMarkers, type Marker } from '../gutenberg-footnotes.js';
import { parseNjDateline, type NjDateline } from './dateline.js';
import { footnoteEntries, hallNotes, placeHallNotes } from './notes.js';

/** `No. 3.`, and once `No. 3.[17]` with a footnote marker. */
const HEADING = /^No\. (\d+[A-Z]?)\.(?:\[(\d+)\])?$/;
const SERIES = /^SERIES ([A-P])$/;
const SEPARATOR = /^\s+\*\s+\*\s+\*/;
const SIGNATURE = /^(?:NAPOLEON|BONAPARTE|N\. B|JOSEPHINE)\.$/;
const ADDRESS_HEADING = /^(?:TO (?:JOSEPHINE|THE EMPRESS)|LETTER OF THE EMPRESS|REPLY OF THE EMPRESS)/;
const SOURCE_LINE = /^(?:From |\(_Reply|\[_From )/;
const SUPERSCRIPTION = /^_(?:A la|A Madame|To Madame)\b/;
const EDITORIAL = /^\[[\s\S]*\]$|^No\. [\d,]+ of the _Correspondence_/;
const SALUTATION = /^(?:_([^_]{1,40}?),?_,?|(MY DEAR),)-{1,2}\s*/;
const TO_SALUTATION = /^_(To [^_]+?\.)_--\s*/;

/** A letter as printed, before its date is resolved against its neighbours. */
export interface RawNjLetter {
	series: string;
	number: string;
	line: number;
	fromJosephine: boolean;
	heading?: string;
	dateline?: string;
	parsed: NjDateline;
	salutation?: string;
	body: string[];
	signature?: string;
	notes: Note[];
	/** What Hall prints about the text itself: its source, the address on the cover, his remarks. */
	sourceNotes: string[];
}

interface Paragraph {
	line: number;
	lines: string[];
	indented: boolean;
	text: string;
}

function paragraphsOf(lines: readonly string[], firstLine: number): Paragraph[] {
	const out: Paragraph[] = [];
	let current: string[] = [];
	let start = 0;
	const flush = (): void => {
		if (current.length === 0) return;
		const text = current.map((l) => l.trim()).join(' ');
		out.push({ line: firstLine + start, lines: current, indented: /^ {2}\S/.test(current[0] ?? ''), text });
		current = [];
	};
	lines.forEach((l, i) => {
		if (l.trim() === '') {
			flush();
			return;
		}
		if (current.length === 0) start = i;
		current.push(l);
	});
	flush();
	return out;
}

const isChronology = (p: Paragraph): boolean =>
	/^_(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d/.test(p.text) && p.text.includes('--');
/** Hall's running chronology between letters: dated events, year lines and their headings. */
const CHRONOLOGY =
	/^_(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\.?_?\.?_?--|^(?:GENERAL )?EVENTS\b|^\d{4}\.$/;
const plain = (text: string): string => text.replace(/_/g, '').replace(/\s+/g, ' ').trim();

/** Parse every numbered letter of the book, leaving out its appendices. */
export function readNjLetters(text: string, file: string): RawNjLetter[] {
	const { lines, firstLine } = gutenbergBody(text);
	const lettersAt = lines.indexOf("NAPOLEON'S LETTERS");
	const notesAt = lines.indexOf('NOTES');
	const appendixAt = lines.findIndex((l) => l.startsWith('APPENDIX (1)'));
	if (lettersAt === -1 || notesAt === -1 || appendixAt === -1) {
		throw new ImportError(file, 'body', "the NAPOLEON'S LETTERS, NOTES or APPENDIX heading was not found");
	}
	const footnotes = footnoteEntries(lines);
	const hall = hallNotes(lines.slice(notesAt, appendixAt), footnotes);
	const letters: RawNjLetter[] = [];
	let series: string | undefined;
	for (let i = lettersAt; i < notesAt; i += 1) {
		const l = lines[i] ?? '';
		const s = SERIES.exec(l);
		if (s) series = s[1];
		const h = HEADING.exec(l);
		if (!h) continue;
		if (series === undefined) throw new ImportError(`${file}:${firstLine + i}`, 'number', 'a letter before any series');
		let end = i + 1;
		while (
			end < notesAt &&
			!HEADING.test(lines[end] ?? '') &&
			!SERIES.test(lines[end] ?? '') &&
			!(lines[end] ?? '').startsWith('FOOTNOTES')
		)
			end += 1;
		const key = `${series} ${h[1] ?? ''}`;
		letters.push(
			readLetter(
				series,
				h[1] ?? '',
				h[2],
				lines.slice(i + 1, end),
				firstLine + i,
				footnotes,
				hall.get(key) ?? [],
				file,
			),
		);
		i = end - 1;
	}
	return letters;
}

function readLetter(
	series: string,
	number: string,
	headingMarker: string | undefined,
	segment: readonly string[],
	line: number,
	footnotes: ReadonlyMap<string, string>,
	hall: readonly { phrase?: string; text: string }[],
	file: string,
): RawNjLetter {
	const where = `${file}:${line}`;
	const paragraphs = paragraphsOf(segment, line + 1);
	const sourceNotes: string[] = [];
	let heading: string | undefined;
	let dateline: string | undefined;
	let k = 0;
	for (; k < paragraphs.length; k += 1) {
		const p = paragraphs[k];
		if (p === undefined) break;
		if (SEPARATOR.test(p.lines[0] ?? '') || isChronology(p)) continue;
		if (!p.indented && SOURCE_LINE.test(p.text)) {
			sourceNotes.push(plain(p.text).replace(/^\[|\]$/g, ''));
			continue;
		}
		if (!p.indented && ADDRESS_HEADING.test(p.text)) {
			heading = p.text;
			continue;
		}
		const salutationLike = SALUTATION.test(p.text) || /,--?/.test(p.text.slice(0, 45));
		if (dateline === undefined && (p.indented || p.text.startsWith('_')) && !salutationLike) {
			dateline = p.text;
			// A dateline broken over two paragraphs ends its first part with a comma.
			const next = paragraphs[k + 1];
			if (dateline.endsWith(',') && next?.indented) {
				dateline = `${dateline} ${next.text}`;
				k += 1;
			}
			continue;
		}
		break;
	}

	const body: string[] = [];
	let signature: string | undefined;
	// After a row of asterisks comes Hall's chronology (indented, or dated events and year lines);
	// any other text there is more of the letter, and the asterisks mark a passage left out.
	const isInterlude = (q: Paragraph): boolean =>
		(q.indented && !SIGNATURE.test(q.text)) || CHRONOLOGY.test(q.text) || SEPARATOR.test(q.lines[0] ?? '');
	const rest = paragraphs.slice(k);
	let afterSeparator = false;
	rest.forEach((p, index) => {
		const t = p.text;
		if (SEPARATOR.test(p.lines[0] ?? '')) {
			afterSeparator = true;
			const more = rest.slice(index + 1).some((q) => !isInterlude(q));
			if (more && body.length > 0) body.push('[...]');
			return;
		}
		if (p.indented && SIGNATURE.test(t)) {
			signature = t;
			return;
		}
		if (afterSeparator && isInterlude(p)) return;
		if (CHRONOLOGY.test(t) || (p.indented && isChronology(p))) return;
		if (SUPERSCRIPTION.test(t)) {
			sourceNotes.push(`Addressed on the cover: ${plain(p.lines.map((l) => l.trim()).join(' '))}`);
			return;
		}
		if (EDITORIAL.test(t)) {
			sourceNotes.push(`Hall's remark: ${plain(t.replace(/^\[|\]$/g, ''))}`);
			return;
		}
		const verse = p.indented && p.lines.length > 1 && p.lines.every((l) => /^ {2}\S/.test(l));
		body.push(verse ? p.lines.map((l) => l.trim()).join('\n') : t);
	});
	while (body.at(-1) === '[...]') body.pop();
	if (body.length === 0) throw new ImportError(where, 'body', `letter ${series} ${number} has no text`);

	let salutation: string | undefined;
	const first = body[0] ?? '';
	const sal = SALUTATION.exec(first) ?? TO_SALUTATION.exec(first);
	if (sal) {
		const words = sal[1] ?? sal[2] ?? '';
		salutation = /[.,]$/.test(words) ? words : `${words},`;
		body[0] = first.slice(sal[0].length);
	}

	const notes: Note[] = [];
	const noteText = (marker: string, about?: string): string | null => {
		const t = footnotes.get(marker);
		if (t === undefined) return null;
		return about === undefined ? t : `${about}: ${t}`;
	};
	const cleaned = body.map((p, index) => {
		const taken = takeMarkers(p);
		for (const mk of taken.markers)
			notes.push({ marker: mk.marker, paragraph: index, offset: mk.offset, text: noteText(mk.marker) });
		return taken.text;
	});
	const outside = (markers: readonly Marker[], about: string): void => {
		for (const mk of markers)
			notes.unshift({ marker: mk.marker, paragraph: 0, offset: 0, text: noteText(mk.marker, about) });
	};
	const datelineTaken = takeMarkers(dateline === undefined ? '' : plain(dateline));
	if (dateline !== undefined) outside(datelineTaken.markers, `On the dateline ("${datelineTaken.text}")`);
	if (headingMarker !== undefined)
		outside([{ marker: headingMarker, offset: 0 }], `On the number (${series} ${number})`);
	notes.push(...placeHallNotes(hall, cleaned));

	const fromJosephine = signature === 'JOSEPHINE.' || /^(?:LETTER|REPLY) OF THE EMPRESS/.test(heading ?? '');
	return {
		series,
		number,
		line,
		fromJosephine,
		...(heading === undefined ? {} : { heading: heading.replace(/\.$/, '') }),
		...(dateline === undefined ? {} : { dateline: datelineTaken.text }),
		parsed: dateline === undefined ? {} : parseNjDateline(datelineTaken.text),
		...(salutation === undefined ? {} : { salutation }),
		body: cleaned,
		...(signature === undefined ? {} : { signature }),
		notes,
		sourceNotes,
	};
}
