/**
 * The parts of one item of "The Letters of Queen Victoria": dateline, salutation, body,
 * signature and footnotes.
 *
 * Footnotes are printed as indented blocks, `    [Footnote 11: Henry, Earl of Uxbridge, ...]`,
 * after the letter or after the paragraph they explain; their markers (`[11]`) are taken out of
 * the text and kept as notes with the note's text. The transcribers' ligature notation
 * (`s[oe]ur`) is turned back into the letters it stands for, with a recorded correction.
 */
import type { Correction, Note } from '../../core/format.js';
import { isDateline, monthOf, parseDateline, type Dateline } from './dateline.js';
import type { Item, SourceLine } from './items.js';

export interface Footnote {
	number: string;
	text: string;
	line: number;
}

const FOOTNOTE_START = /^\s*\[Footnote (\d{1,3}):\s*(.*)$/;

/** Take footnote blocks out of lines, returning the other lines and the footnotes. */
export function separateFootnotes(lines: readonly SourceLine[]): { rest: SourceLine[]; footnotes: Footnote[] } {
	const rest: SourceLine[] = [];
	const footnotes: Footnote[] = [];
	let open: { number: string; parts: string[]; line: number; depth: number } | undefined;
	for (const l of lines) {
		if (open) {
			open.parts.push(l.text.trim());
			open.depth += depthOf(l.text);
		} else {
			const m = FOOTNOTE_START.exec(l.text);
			if (!m) {
				rest.push(l);
				continue;
			}
			open = { number: m[1] ?? '', parts: [m[2] ?? ''], line: l.line, depth: 1 + depthOf(m[2] ?? '') };
		}
		if (open.depth <= 0) {
			const text = open.parts
				.join(' ')
				.replace(/\s+/g, ' ')
				.replace(/\]\s*$/, '')
				.trim();
			footnotes.push({ number: open.number, text, line: open.line });
			open = undefined;
			// Keep the paragraph break the footnote stood in.
			rest.push({ text: '', line: l.line });
		}
	}
	return { rest, footnotes };
}

function depthOf(text: string): number {
	return (text.match(/\[/g) ?? []).length - (text.match(/\]/g) ?? []).length;
}

/** Paragraphs of lines split at blank lines, each with the source line it starts on. */
export function paragraphsWithLines(lines: readonly SourceLine[]): { lines: string[]; line: number }[] {
	const out: { lines: string[]; line: number }[] = [];
	let current: { lines: string[]; line: number } | undefined;
	for (const l of lines) {
		if (l.text.trim() === '') {
			if (current) out.push(current);
			current = undefined;
			continue;
		}
		current ??= { lines: [], line: l.line };
		current.lines.push(l.text);
	}
	if (current) out.push(current);
	return out;
}

export interface ParsedItem {
	dateline?: Dateline;
	/** Source line of the dateline, or of the heading when there is none. */
	datelineLine: number;
	salutation?: string;
	body: string[];
	signature?: string;
	notes: Note[];
	corrections: Correction[];
	/** A formal closing date, "Given at Gaëta, the 4th day of December 1848", when the text ends with one. */
	closing?: Dateline;
	/** A time of day printed under the date, e.g. "Friday evening". */
	timeOfDay?: string;
	/** Bracketed remarks of the edition before the text, e.g. "[Translation.]". */
	remarks: string[];
}

const TIME_REMARK = /^\(([^()]{1,40})\)\.?$/;
const DATE_ONLY = /^_[^_]*\d{4}[^_]*_\.?$/;
const REMARK = /^\[_([^_\]\d]+)_\]$/;
const SALUTATION = /^([^\p{Ll}]*?\p{Lu}[^\p{Ll}]*?[,.])--\s*(.*)$/su;
const SIGNATURE = /^[^\p{Ll}]*\p{Lu}{2,}[^\p{Ll}]*$|^(?:\p{Lu}\.\s?){2,}$/u;
const LIGATURES: Readonly<Record<string, string>> = { '[oe]': 'œ', '[OE]': 'Œ', '[ae]': 'æ', '[AE]': 'Æ' };

const LOWER_WORDS = new Set([
	'and',
	'of',
	'the',
	'et',
	'ma',
	'mon',
	'très',
	'chère',
	'cher',
	'bien',
	'bonne',
	'sœur',
	'frère',
	'de',
	'la',
	'le',
]);

/** A salutation or signature printed in capitals, in ordinary case: "MY DEAREST UNCLE," becomes "My Dearest Uncle,". */
export function capitalsCase(text: string): string {
	return text.replace(/\p{Lu}[\p{Lu}'’]*/gu, (word, offset: number) => {
		if (word.length === 1 || /^[IVX]+$/.test(word) || word === 'R') return word;
		const lower = word.toLowerCase();
		if (offset > 0 && LOWER_WORDS.has(lower)) return lower;
		// "D'ORLÉANS" becomes "d'Orléans".
		const elided = /^([dl])'(.+)$/.exec(lower);
		if (elided?.[2]) return `${elided[1]}'${elided[2].charAt(0).toUpperCase()}${elided[2].slice(1)}`;
		return lower.charAt(0).toUpperCase() + lower.slice(1);
	});
}

const GIVEN = /Given at ([^,]+?),? the (\d{1,2}|\[ *\])(?:st|nd|rd|th)? day of (\p{L}+),? (\d{4})/u;

/** The date of a state letter's formal close, "Given at Windsor Castle the [ ] day of January 1849". */
export function closingDate(paragraph: string): Dateline | undefined {
	const m = GIVEN.exec(paragraph);
	if (!m?.[1] || !m[2] || !m[3] || !m[4]) return undefined;
	const month = monthOf(m[3]);
	if (month === undefined) return undefined;
	const day = /\d/.test(m[2]) ? Number(m[2]) : undefined;
	return {
		place: m[1].trim(),
		year: Number(m[4]),
		month,
		...(day === undefined ? {} : { day }),
		precision: day === undefined ? 'month' : 'day',
		...(day === undefined ? { note: 'The day is left blank in the closing formula, as in a draft.' } : {}),
		markers: [],
	};
}

/**
 * Parse an item's lines. `lookup` finds the text of a footnote whose marker is not answered
 * by a footnote inside the item (the transcribers sometimes placed it after the next letter).
 */
export function parseItem(item: Item, lookup: (marker: string, line: number) => string | null): ParsedItem {
	const { rest, footnotes } = separateFootnotes(item.lines);
	const local = new Map<string, string>();
	for (const f of footnotes) if (!local.has(f.number)) local.set(f.number, f.text);
	const noteText = (marker: string): string | null => local.get(marker) ?? lookup(marker, item.line);

	const paras = paragraphsWithLines(rest);
	const remarks: string[] = [];
	while (paras[0] && paras[0].lines.length === 1 && REMARK.test(paras[0].lines[0]?.trim() ?? '')) {
		remarks.push(REMARK.exec(paras[0].lines[0]?.trim() ?? '')?.[1] ?? '');
		paras.shift();
	}
	let dateline: Dateline | undefined;
	let datelineLine = item.line;
	let timeOfDay: string | undefined;
	if (paras[0] && isDateline(paras[0].lines)) {
		datelineLine = paras[0].line;
		let lines = paras[0].lines;
		paras.shift();
		// A place on its own line, then the date after a blank line.
		const next = paras[0]?.lines;
		if (
			!/\d/.test(lines.join(' ').replace(/\[\d{1,3}\]/g, '')) &&
			next?.length === 1 &&
			DATE_ONLY.test(next[0] ?? '')
		) {
			lines = [...lines, ...next];
			paras.shift();
		}
		dateline = parseDateline(lines);
		// A time of day on a line of its own under the date: "(_Friday evening._)".
		const time = paras[0]?.lines.length === 1 ? TIME_REMARK.exec(paras[0].lines[0]?.trim() ?? '') : null;
		if (time?.[1]) {
			timeOfDay = time[1].replace(/_/g, '').replace(/\.$/, '').trim();
			paras.shift();
		}
	}

	let texts = paras.map((p) => p.lines.map((l) => l.trim()).join(' '));
	let salutation: string | undefined;
	const salutationCorrections: Correction[] = [];
	const s = SALUTATION.exec(texts[0] ?? '');
	if (s?.[1] && s[1].length <= 80) {
		const printed = s[1].replace(/\s+/g, ' ');
		const fixed = printed.replace(/\[(?:oe|OE|ae|AE)\]/g, (l) => LIGATURES[l] ?? l);
		if (fixed !== printed) {
			salutationCorrections.push({
				field: 'salutation',
				from: printed,
				to: fixed,
				reason: "the transcribers' notation for a ligature ([oe], [ae])",
			});
		}
		salutation = capitalsCase(fixed);
		texts = s[2] ? [s[2], ...texts.slice(1)] : texts.slice(1);
	}
	let signature: string | undefined;
	const last = texts.at(-1);
	if (texts.length > 1 && last !== undefined && last.length <= 60 && SIGNATURE.test(last)) {
		signature = capitalsCase(last.replace(/\[(\d{1,3})\]/g, '').trim());
		texts = texts.slice(0, -1);
	}

	const notes: Note[] = [];
	const corrections: Correction[] = [...salutationCorrections];
	// Notes on the heading or the dateline have no place in the body: they stand at its start.
	for (const marker of item.headingMarkers)
		notes.push({ marker: `${marker} (heading)`, paragraph: 0, offset: 0, text: noteText(marker) });
	for (const marker of dateline?.markers ?? [])
		notes.push({ marker: `${marker} (dateline)`, paragraph: 0, offset: 0, text: noteText(marker) });
	const body = texts.map((raw, index) => {
		let text = raw.replace(/\s+/g, ' ').trim();
		text = text.replace(/\S*\[(?:oe|OE|ae|AE)\]\S*/g, (word) => {
			const fixed = word.replace(/\[(?:oe|OE|ae|AE)\]/g, (l) => LIGATURES[l] ?? l);
			corrections.push({
				field: `body[${index}]`,
				from: word,
				to: fixed,
				reason: "the transcribers' notation for a ligature ([oe], [ae])",
			});
			return fixed;
		});
		let out = '';
		let lastIndex = 0;
		for (const m of text.matchAll(/\[(\d{1,3})\]/g)) {
			out += text.slice(lastIndex, m.index);
			notes.push({ marker: m[1] ?? '', paragraph: index, offset: out.length, text: noteText(m[1] ?? '') });
			lastIndex = m.index + m[0].length;
		}
		return (out + text.slice(lastIndex)).trim();
	});
	const closing = closingDate(body.at(-1) ?? '');
	return {
		...(dateline === undefined ? {} : { dateline }),
		...(closing === undefined ? {} : { closing }),
		datelineLine,
		...(salutation === undefined ? {} : { salutation }),
		body,
		...(signature === undefined ? {} : { signature }),
		...(timeOfDay === undefined ? {} : { timeOfDay }),
		notes,
		corrections,
		remarks,
	};
}
