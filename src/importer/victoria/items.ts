/**
 * Splitting a volume of "The Letters of Queen Victoria" (Project Gutenberg text) into items:
 * each letter, or memorandum addressed to someone, from its italic heading
 * (`_Viscount Melbourne to Queen Victoria._`) to the start of whatever comes next.
 *
 * What comes next may be another heading, a memorandum or journal extract (left out), an
 * editorial note in brackets, a chapter, or the end of the book. Running heads
 * (`[Pageheading: ...]`) and illustrations are dropped wherever they stand, since the
 * transcribers moved them into the middle of letters as often as between them.
 */
import type { Person } from '../../core/format.js';
import { ImportError } from '../errors.js';
import { resolvePerson } from '../headings.js';

/** One line of the work with its 1-based line number in the source file. */
export interface SourceLine {
	text: string;
	line: number;
}

export interface Item {
	/** The heading as printed, footnote markers included. */
	heading: string;
	line: number;
	from: Person;
	to: Person;
	kind: 'letter' | 'memorandum';
	/** The heading says the text is the Queen's draft. */
	draft: boolean;
	/** Footnote markers printed on the heading. */
	headingMarkers: string[];
	/** Lines after the heading, up to the next item or editorial matter. */
	lines: SourceLine[];
}

const PAGE_HEADING = /^\[(?:Pageheading|Page Heading|PAGEHEADING):[^\]]*\]$|^\[[A-Z][A-Z ]+\]$/;
const NON_LETTER = /^\[?_(?:Memorandum|Extract|Minutes?)\b|^CABINET MINUTE\.$|^THE CABINET OF\b/;
const CHAPTER = /^\s*(?:CHAPTER [IVXL]+|INTRODUCTORY NOTE)$/;
const END_OF_BOOK = /^\s*\*\s+\*|^Transcriber's Note:$/;
const MARKER = /\[(\d{1,3})\]/g;
const BLANK = /^\s*$/;

/** Misprinted names in headings, as SOURCE.md lists them. */
export const HEADING_MISPRINTS: ReadonlyMap<string, string> = new Map([['Hohenhohe', 'Hohenlohe']]);

export interface HeadingParts {
	fromText: string;
	toText: string;
	kind: 'letter' | 'memorandum';
	draft: boolean;
	markers: string[];
}

/**
 * The sender and recipient words of a line that reads as a whole-line italic heading
 * (`_X to Y._`, `_X_[7] _to Y._`, `_Draft_] _X to Y._`, `_Memorandum: X to Y._`), or undefined.
 */
export function headingParts(line: string): HeadingParts | undefined {
	// Headings stand at column 0; an indented one is a letter quoted inside a footnote.
	if (/^\s/.test(line)) return undefined;
	let text = line.trim();
	const draft = /^\[?_Draft_\]\s+/.test(text);
	if (draft) text = text.replace(/^\[?_Draft_\]\s+/, '');
	if (!text.startsWith('_')) return undefined;
	const markers = [...text.matchAll(MARKER)].map((m) => m[1] ?? '');
	text = text.replace(MARKER, '');
	if (!/(?:_|_\.|\._)$/.test(text)) return undefined;
	// An aside in brackets, such as "(_Victor Emanuel_)", names the same person again.
	text = text.replace(/\s*\(_[^)]*_\)\s*/g, ' ');
	text = text.replace(/_/g, '').replace(/\s+/g, ' ').trim().replace(/\.$/, '').trim();
	let kind: 'letter' | 'memorandum' = 'letter';
	if (/^Memorandum:\s*/.test(text)) {
		kind = 'memorandum';
		text = text.replace(/^Memorandum:\s*/, '');
	}
	const m = /^((?:The |the )?[A-Z][^,;:!?]*?) to ((?:the )?[A-Z][^,;:!?]*)$/.exec(text);
	if (!m?.[1] || !m[2]) return undefined;
	if (m[1].split(' ').length > 8 || m[2].split(' ').length > 8) return undefined;
	return { fromText: m[1], toText: m[2], kind, draft, markers };
}

function resolve(phrase: string, people: readonly Person[], where: string): Person {
	let fixed = phrase;
	for (const [wrong, right] of HEADING_MISPRINTS) fixed = fixed.replace(wrong, right);
	const person = resolvePerson(fixed, people);
	if (!person)
		throw new ImportError(where, 'heading', `no person in people.json is named by ${JSON.stringify(phrase)}`);
	return person;
}

/** Whether a line after two or more blank lines starts editorial matter rather than continuing a letter. */
function startsEditorial(text: string): boolean {
	if (text.startsWith('[') && !PAGE_HEADING.test(text) && !/^\[_(?:Translat|Draft)/.test(text)) return true;
	// An italic paragraph without a date in its first line is an editor's note ("_In the same letter is enclosed ...").
	return text.startsWith('_') && !/\d/.test(text);
}

/** A letter the edition prints without a heading of its own, introduced by an editors' note instead. */
export interface Headless {
	/** The source line the letter's text starts on. */
	line: number;
	from: string;
	to: string;
	/** The heading we give it, in the edition's style. */
	heading: string;
}

/**
 * Split the lines of one volume into items; throws ImportError naming file and line for an
 * unknown correspondent. `headless` names letters that start without a heading.
 */
export function splitItems(
	lines: readonly SourceLine[],
	people: readonly Person[],
	file: string,
	headless: readonly Headless[] = [],
): Item[] {
	const items: Item[] = [];
	let current: Item | undefined;
	let blanks = 0;
	let inIllustration = false;
	const close = (): void => {
		if (current) items.push(current);
		current = undefined;
	};
	for (const { text, line } of lines) {
		if (inIllustration) {
			if (text.includes(']')) inIllustration = false;
			continue;
		}
		if (BLANK.test(text)) {
			blanks += 1;
			current?.lines.push({ text: '', line });
			continue;
		}
		const afterGap = blanks >= 2;
		blanks = 0;
		if (PAGE_HEADING.test(text.trim())) {
			// A running head counts as part of the gap around it.
			blanks = afterGap ? 2 : 0;
			continue;
		}
		if (text.startsWith('[Illustration')) {
			inIllustration = !text.includes(']');
			continue;
		}
		const known = headless.find((h) => h.line === line);
		if (known) {
			close();
			const where = `${file}:${line}`;
			current = {
				heading: known.heading,
				line,
				from: resolve(known.from, people, where),
				to: resolve(known.to, people, where),
				kind: 'letter',
				draft: false,
				headingMarkers: [],
				lines: [{ text, line }],
			};
			continue;
		}
		const parts = headingParts(text);
		if (parts) {
			close();
			const where = `${file}:${line}`;
			current = {
				heading: text.trim(),
				line,
				from: resolve(parts.fromText, people, where),
				to: resolve(parts.toText, people, where),
				kind: parts.kind,
				draft: parts.draft,
				headingMarkers: parts.markers,
				lines: [],
			};
			continue;
		}
		if (NON_LETTER.test(text) || CHAPTER.test(text) || END_OF_BOOK.test(text) || (afterGap && startsEditorial(text))) {
			close();
			continue;
		}
		current?.lines.push({ text, line });
	}
	close();
	return items;
}
