/**
 * Builds the "lincoln" collection from Project Gutenberg's text of The Papers and Writings of
 * Abraham Lincoln (Constitutional Edition, ed. Arthur Brooks Lapsley, 1905): Lincoln's letters
 * and telegrams to persons, and the few letters to him that the edition prints. Speeches,
 * debates, messages to Congress and other bodies, proclamations, orders, fragments and notes
 * are left out (see {@link parseLincoln}'s `excluded`).
 */
import { DateTime } from 'luxon';
import type { DateBasis, Letter, Person, Precision } from '../../core/format.js';
import { makeDraft, type Draft } from '../draft.js';
import { ImportError } from '../errors.js';
import { gutenbergBody } from '../gutenberg.js';
import { finaliseLetters } from '../ids.js';
import type { ImportContext } from '../registry.js';
import { findDespatchReferences, inferReplies } from '../replies.js';
import { isoOf } from '../text.js';
import { parseDateline, type ParsedDate } from './datelines.js';
import {
	capitalShare,
	categoryOf,
	findLetterHeading,
	isBody,
	type ExclusionCategory,
	type LetterHeading,
} from './headings.js';
import { itemsOf, type Item } from './items.js';
import { parseLetters, type LetterParts } from './letter.js';
import { findMisprint } from './misprints.js';
import { resolveName, resolveRecipients } from './recipients.js';

export const LINCOLN_FILE = 'data/sources/lincoln-papers-and-writings/3253.txt';
export const LINCOLN_SOURCE = 'lincoln-papers-and-writings';
const COLLECTION = 'lincoln';
const LINCOLN = 'lincoln';
/** Captions over a "TO ..." heading that mark an order, a memorandum or a paper by another hand. */
const EXCLUDING_CAPTION =
	/^(?:ORDER|PROCLAMATION|INDORSEMENT|ENDORSEMENT|MESSAGE|SPEECH|ADDRESS|REMARKS|MEMORANDUM)\b|\bFROM THE SECRETARY\b/;

export interface ExcludedItem {
	line: number;
	category: ExclusionCategory;
	heading: string;
}

export interface UnresolvedName {
	line: number;
	phrase: string;
	date: string | null;
}

export interface LincolnParse {
	drafts: Draft[];
	excluded: ExcludedItem[];
	/** Names no person in people.json matched; the import fails when there are any. */
	unresolved: UnresolvedName[];
}

/** Format an ISO day as "8 November 1862". */
export function formatDay(iso: string): string {
	return DateTime.fromISO(iso, { zone: 'utc' }).toFormat('d MMMM yyyy');
}

interface DateResult {
	sent: string | null;
	precision: Precision;
	basis: DateBasis;
	note?: string;
}

function dateOf(parts: LetterParts, contextYear: number | undefined, corrected: ParsedDate | undefined): DateResult {
	const printed = corrected ?? parts.dateline?.date ?? parts.closing?.date;
	const basis: DateBasis = parts.dateline === undefined && parts.closing !== undefined ? 'closing-date' : 'dateline';
	if (printed === undefined) {
		if (contextYear === undefined)
			return { sent: null, precision: 'unknown', basis: 'none', note: 'The edition prints no date for this letter.' };
		return {
			sent: String(contextYear),
			precision: 'year',
			basis: 'none',
			note: `The edition prints no date; the year is that of the letters printed around it (${contextYear}).`,
		};
	}
	let year = printed.year;
	let note: string | undefined;
	if (year === undefined) {
		if (contextYear === undefined)
			return { sent: null, precision: 'unknown', basis, note: 'The dateline gives no year.' };
		year = contextYear;
		note = `The dateline gives no year; ${year} is the year of the letters printed around it.`;
	}
	if (printed.day === undefined) {
		const uncertain =
			printed.uncertainDay === undefined ? 'gives only the month' : `prints the day as "${printed.uncertainDay}"`;
		return {
			sent: isoOf(year, printed.month, 1).slice(0, 7),
			precision: 'month',
			basis,
			note: `The dateline ${uncertain}.`,
		};
	}
	if (printed.queriedDay !== undefined) {
		const queried = `The edition queries the day, printing ${printed.day} with "[${printed.queriedDay}?]"; the printed day is kept.`;
		note = note === undefined ? queried : `${note} ${queried}`;
	}
	return {
		sent: isoOf(year, printed.month, printed.day),
		precision: 'day',
		basis,
		...(note === undefined ? {} : { note }),
	};
}

/**
 * The year of the letters around an item: the last year printed as a section heading, or the
 * year of the last dated letter when that is later (the edition prints no heading for some years).
 */
function contextYear(lastYear: number | undefined, item: Item): number | undefined {
	if (item.sectionYear === undefined) return lastYear;
	return lastYear === undefined || item.sectionYear > lastYear ? item.sectionYear : lastYear;
}

/** Parse the edition into letter drafts, with what was left out and any names not resolved. */
export function parseLincoln(text: string, people: readonly Person[]): LincolnParse {
	const { lines, firstLine } = gutenbergBody(text);
	const drafts: Draft[] = [];
	const excluded: ExcludedItem[] = [];
	const unresolved: UnresolvedName[] = [];
	let lastYear: number | undefined;
	for (const item of itemsOf(lines, firstLine)) {
		const heading = findLetterHeading(item.paragraphs);
		const first = item.paragraphs[0]?.text ?? '';
		if (heading === undefined) {
			const category = categoryOf(item.paragraphs);
			// A "NOTE ..." caption may stand over a real note to a cabinet member, addressed inside.
			const mayBeLetter = category === 'other writing' || /^NOTE\b/.test(first);
			const letter = mayBeLetter ? headlessLetter(item, people, contextYear(lastYear, item)) : undefined;
			if (letter) {
				drafts.push(letter);
				if (letter.precision === 'day' && letter.sent !== null) lastYear = Number(letter.sent.slice(0, 4));
			} else {
				excluded.push({ line: item.line, category, heading: first.slice(0, 100) });
			}
			continue;
		}
		if (heading.captions.some((c) => EXCLUDING_CAPTION.test(c))) {
			const category = categoryOf(item.paragraphs);
			excluded.push({
				line: item.line,
				category: category === 'other writing' ? 'order or official paper' : category,
				heading: heading.captions.join(' / ').slice(0, 100),
			});
			continue;
		}
		if (isBody(heading.toText)) {
			excluded.push({
				line: item.line,
				category: 'message to Congress or a body',
				heading: heading.text.slice(0, 100),
			});
			continue;
		}
		const byOther = heading.fromText !== undefined;
		if (!byOther && /^(?:THE\s+)?PRESIDENT\b/.test(heading.toText.toUpperCase())) {
			// Reports and offers addressed to the President, printed for his indorsement.
			excluded.push({ line: item.line, category: 'order or official paper', heading: heading.text.slice(0, 100) });
			continue;
		}
		const headingParagraph = item.paragraphs[heading.index];
		const parts = parseLetters(
			item.paragraphs.slice(heading.index + 1),
			heading.tail,
			headingParagraph?.line ?? item.line,
			!byOther,
		);
		const addressee =
			heading.toText === ''
				? item.paragraphs
						.slice(heading.index + 1, heading.index + 5)
						.filter((p) => capitalShare(p.text) > 0.6)
						.map((p) => p.text)
						.join(' ')
				: heading.toText;
		if (byOther && !/\bLINCOLN\b|\bPRESIDENT\b/.test(addressee.toUpperCase())) {
			excluded.push({ line: item.line, category: 'telegram by another hand', heading: heading.text.slice(0, 100) });
			continue;
		}
		if (
			item.paragraphs
				.slice(heading.index + 1, heading.index + 3)
				.some((p) => /^(?:AN ACT\b|Be it enacted)/.test(p.text))
		) {
			// The text of an act of Congress printed under a heading, without the letter that sent it.
			excluded.push({ line: item.line, category: 'order or official paper', heading: heading.text.slice(0, 100) });
			continue;
		}
		for (const [n, part] of parts.entries()) {
			// After the first letter, a part signed by another hand is an inclosure or an answer, not the next telegram of a series.
			if (n > 0 && part.otherSigner !== undefined && !/^TELEGRAMS\b/.test(heading.text)) continue;
			if (part.otherSigner !== undefined && heading.fromText === undefined) {
				// Sent in the President's name but signed by Stanton, Hay or Nicolay: not Lincoln's, and not to him.
				excluded.push({
					line: part.line,
					category: 'telegram by another hand',
					heading: `${heading.text} (signed ${part.otherSigner})`.slice(0, 100),
				});
				continue;
			}
			const draft = draftOf(heading, part, people, contextYear(lastYear, item), unresolved);
			if (!draft) continue;
			if (draft.precision === 'day' && draft.sent !== null) lastYear = Number(draft.sent.slice(0, 4));
			drafts.push(draft);
		}
	}
	return { drafts, excluded, unresolved };
}

/**
 * A letter printed without a "TO ..." heading: it opens with its dateline or the addressee's
 * name, and is signed by Lincoln. The recipient comes from the inside address or salutation.
 */
function headlessLetter(item: Item, people: readonly Person[], contextYear: number | undefined): Draft | undefined {
	// Editor's captions ("PRESENTATION OF A CANE") stand above the dateline.
	const start = item.paragraphs.findIndex(
		(p) =>
			!/^CORRESPONDENCE\b/.test(p.text) &&
			(capitalShare(p.text) < 0.85 || parseDateline(p.text) !== undefined || /^EXECUTIVE|^WASHINGTON/.test(p.text)),
	);
	const [part] = parseLetters(item.paragraphs.slice(Math.max(0, start)), '', item.line, true);
	if (!part || part.body.length === 0 || !(part.signedByLincoln || part.otherSigner !== undefined)) return undefined;
	// "MAJOR-GENERAL HALLECK, Corinth, Mississippi:" names Halleck; the place after the comma is dropped.
	const phrase = (
		part.address?.replace(/,\s+(?:a\s|[A-Z][a-z])[\s\S]*$/, '').replace(/^TO\s+/, '') ??
		part.salutation?.replace(/^(?:MY\s+)?(?:DEAR|FRIEND)\s+/i, '')
	)?.replace(/[:,.]$/, '');
	if (phrase === undefined) return undefined;
	// No heading is printed: the recipient is read from the letter itself.
	const heading: LetterHeading = {
		text: '',
		kind: 'letter',
		toText: phrase,
		...(part.signedByLincoln ? {} : { fromText: part.otherSigner }),
		tail: '',
		captions: [],
		index: -1,
	};
	// A letter by another hand is kept only when it is addressed to Lincoln (Shields's challenge of 1842).
	const printed = part.dateline?.date;
	const on = printed?.year === undefined ? undefined : isoOf(printed.year, printed.month, printed.day ?? 1);
	if (!part.signedByLincoln && resolveName(phrase, on, people)?.id !== LINCOLN) return undefined;
	return draftOf(heading, part, people, contextYear, []);
}

function draftOf(
	heading: LetterHeading,
	part: LetterParts,
	people: readonly Person[],
	contextYear: number | undefined,
	unresolved: UnresolvedName[],
): Draft | undefined {
	const ref = `line ${part.line}`;
	const misprint = findMisprint(part.line);
	const date = dateOf(part, contextYear, misprint?.date);
	// A letter by another hand is kept only when addressed to Lincoln, whom its heading may leave unnamed.
	const toPhrase =
		heading.toText === '' ? (heading.fromText === undefined ? (part.address ?? '') : 'LINCOLN') : heading.toText;
	const recipients = resolveRecipients(toPhrase, date.sent ?? undefined, people);
	const sender =
		heading.fromText === undefined ? undefined : resolveName(heading.fromText, date.sent ?? undefined, people);
	if (!recipients) unresolved.push({ line: part.line, phrase: toPhrase, date: date.sent });
	if (heading.fromText !== undefined && !sender)
		unresolved.push({ line: part.line, phrase: heading.fromText, date: date.sent });
	if (!recipients || (heading.fromText !== undefined && !sender)) return undefined;
	if (part.body.length === 0) throw new ImportError(`${LINCOLN_FILE}:${part.line}`, 'body', 'the letter has no text');
	const notes = [
		...(heading.captions.length > 0 ? [`The etext heads it "${heading.captions.join(' / ')}".`] : []),
		...(part.appended === undefined
			? []
			: [`The edition prints more after the letter ("${part.appended.trim()}..."), which is left out.`]),
	];
	return makeDraft({
		key: `${LINCOLN_SOURCE}:${part.line}`,
		collection: COLLECTION,
		kind: heading.kind,
		from: [sender?.id ?? LINCOLN],
		to: recipients.map((r) => r.id),
		sent: date.sent,
		precision: date.precision,
		dateBasis: date.basis,
		dateNote: misprint === undefined ? date.note : misprint.note,
		place: (part.dateline ?? part.closing)?.place,
		heading: heading.text === '' ? undefined : heading.text,
		classification: part.classification,
		salutation: part.salutation,
		body: part.body,
		excerpt: heading.excerpt === true,
		signature: part.signature,
		notes: part.notes,
		source: { id: LINCOLN_SOURCE, ref, ...(notes.length > 0 ? { note: notes.join(' ') } : {}) },
		corrections: misprint === undefined ? [] : [misprint.correction],
	});
}

/**
 * Replies the words do not date but the edition's order makes plain: the source lines of the
 * answer and of the letter it answers, and why.
 */
const CURATED_REPLIES: readonly { answer: number; answers: number; evidence: string }[] = [
	{
		answer: 7088,
		answers: 7063,
		evidence:
			'Shields\'s second note of 17 September 1842 opens "In reply to my note of this date, you intimate...", answering Lincoln\'s reply to his first note; the edition prints them in that order.',
	},
];

/** Import the collection: parse, link replies from the letters' words, give out ids. */
export function importLincoln(context: ImportContext): Letter[] {
	const { drafts, unresolved } = parseLincoln(context.read(LINCOLN_FILE, 'latin1'), context.people);
	const first = unresolved[0];
	if (first !== undefined) {
		throw new ImportError(
			`${LINCOLN_FILE}:${first.line}`,
			'to',
			`no person in people.json is named by ${JSON.stringify(first.phrase)} (${unresolved.length} names unresolved)`,
		);
	}
	for (const link of CURATED_REPLIES) {
		const answer = drafts.find((d) => d.source.ref === `line ${link.answer}`);
		const answered = drafts.find((d) => d.source.ref === `line ${link.answers}`);
		if (!answer || !answered)
			throw new ImportError(
				`${LINCOLN_FILE}:${link.answer}`,
				'replyTo',
				'a curated reply names a letter that is not imported',
			);
		answer.replyTo.push({ id: answered.key, method: 'curated', evidence: link.evidence });
	}
	const names = new Map(context.people.map((p) => [p.id, p.shortName]));
	return finaliseLetters(inferReplies(drafts, { names, formatDay, extraReferences: findDespatchReferences }), 'al');
}
