/**
 * Builds the "victoria" collection from the two Project Gutenberg volumes of "The Letters of
 * Queen Victoria" (1837-1843 and 1844-1853): every item headed `_Sender to Recipient._`
 * (letters, and memoranda addressed to someone), with reply links read from the letters'
 * words and from the order of each two-way exchange.
 *
 * Left out: the editors' introductions and chapter notes, memoranda written for the record
 * with no addressee (`_Memorandum by Mr Anson._`), extracts from the Queen's journal, minutes,
 * and the few letters printed without a heading of their own.
 */
import { DateTime } from 'luxon';
import type { Correction, DateBasis, Letter, Person, Precision } from '../../core/format.js';
import { monthName } from '../../core/dates.js';
import { makeDraft, type Draft } from '../draft.js';
import { gutenbergBody } from '../gutenberg.js';
import { finaliseLetters } from '../ids.js';
import type { ImportContext } from '../registry.js';
import { inferReplies } from '../replies.js';
import { isoOfDateline, type Dateline } from './dateline.js';
import { HEADING_MISPRINTS, splitItems, type Headless, type Item, type SourceLine } from './items.js';
import { parseItem, separateFootnotes, type Footnote, type ParsedItem } from './letter.js';
import { linkSequences } from './sequence.js';
import { linkThirdPerson } from './third-person.js';

export const VICTORIA_COLLECTION = 'victoria';
export const VICTORIA_PREFIX = 'qv';

export const VICTORIA_VOLUMES = [
	{ source: 'letters-vol-1', file: 'data/sources/queen-victoria-letters/20023-8.txt' },
	{ source: 'letters-vol-2', file: 'data/sources/queen-victoria-letters/24780-8.txt' },
] as const;

/** Letters printed without a heading, after a note of the editors that says who wrote them to whom. */
export const HEADLESS_LETTERS: readonly (Headless & {
	file: string;
	date?: { sent: string; precision: Precision; note: string };
})[] = [
	{
		file: 'data/sources/queen-victoria-letters/20023-8.txt',
		line: 1892,
		from: 'Duchess of Clarence',
		to: 'Princess Victoria',
		heading: '_The Duchess of Clarence to the Princess Victoria._',
		date: {
			sent: '1821-05',
			precision: 'month',
			note: "The note has no date; the editors' introduction dates it to May 1821, when the Princess was turning two.",
		},
	},
	{
		file: 'data/sources/queen-victoria-letters/20023-8.txt',
		line: 1952,
		from: 'Princess Victoria',
		to: 'King Leopold',
		heading: '_The Princess Victoria to Prince Leopold._',
	},
];

/** A misprinted year in a dateline, fixed with a recorded correction. */
interface YearMisprint {
	file: string;
	line: number;
	from: string;
	to: string;
	reason: string;
}

export const YEAR_MISPRINTS: readonly YearMisprint[] = [
	{
		file: 'data/sources/queen-victoria-letters/20023-8.txt',
		line: 18910,
		from: '1811',
		to: '1841',
		reason:
			'Misprint: Lord Melbourne was Prime Minister only from 1834 and the letter stands among letters of September and October 1841, about matters of that autumn.',
	},
	{
		file: 'data/sources/queen-victoria-letters/24780-8.txt',
		line: 19351,
		from: '1861',
		to: '1851',
		reason:
			'Misprint listed in SOURCE.md: the letter stands among letters of 19-24 December 1851, ten years before the date printed.',
	},
];

/** Format an ISO day as "8 November 1842". */
export function formatDay(iso: string): string {
	return DateTime.fromISO(iso, { zone: 'utc' }).toFormat('d MMMM yyyy');
}

interface Parsed {
	item: Item;
	parsed: ParsedItem;
	source: string;
	file: string;
}

function linesOf(text: string): SourceLine[] {
	const body = gutenbergBody(text);
	return body.lines.map((t, i) => ({ text: t, line: body.firstLine + i }));
}

function footnoteLookup(footnotes: readonly Footnote[]): (marker: string, line: number) => string | null {
	return (marker, line) => footnotes.find((f) => f.number === marker && f.line >= line)?.text ?? null;
}

interface DatedFields {
	sent: string | null;
	precision: Precision;
	basis: DateBasis;
	dateNote?: string;
	corrections: Correction[];
}

/** Dates of every item, filling in years the datelines leave out from the letters printed around them. */
function dateItems(items: readonly Parsed[]): DatedFields[] {
	const out: DatedFields[] = [];
	let last: { year: number; month: number } | undefined;
	for (const { item, parsed, file } of items) {
		const curated = HEADLESS_LETTERS.find((h) => h.file === file && h.line === item.line)?.date;
		if (curated) {
			out.push({
				sent: curated.sent,
				precision: curated.precision,
				basis: 'curated',
				dateNote: curated.note,
				corrections: [],
			});
			continue;
		}
		const d: Dateline | undefined = parsed.dateline;
		const corrections: Correction[] = [];
		const notes: string[] = [];
		if (d?.note !== undefined) notes.push(d.note);
		if (parsed.timeOfDay !== undefined) notes.push(`Under the date the letter is timed "${parsed.timeOfDay}".`);
		let year = d?.year;
		const misprint = YEAR_MISPRINTS.find((m) => m.file === file && m.line === parsed.datelineLine);
		if (misprint && year === Number(misprint.from)) {
			corrections.push({ field: 'sent', from: misprint.from, to: misprint.to, reason: misprint.reason });
			year = Number(misprint.to);
			notes.push(`The edition prints the year ${misprint.from}, a misprint for ${misprint.to}.`);
		}
		if (d && year === undefined && d.month !== undefined && last) {
			year = d.month < last.month - 6 ? last.year + 1 : last.year;
			notes.push(`The dateline gives no year; ${year} is taken from the letters printed around it.`);
		}
		if (d && year !== undefined && d.precision !== 'unknown') {
			const sent = isoOfDateline({ ...d, year });
			out.push({
				sent,
				precision: d.precision,
				basis: 'dateline',
				...(notes.length > 0 ? { dateNote: notes.join(' ') } : {}),
				corrections,
			});
			if (d.month !== undefined) last = { year, month: d.month };
			continue;
		}
		const c = parsed.closing;
		if (c?.year !== undefined) {
			const note = [
				'The date is read from the formal close at the end of the letter.',
				...(c.note === undefined ? [] : [c.note]),
			].join(' ');
			out.push({
				sent: isoOfDateline({ ...c, year: c.year }),
				precision: c.precision,
				basis: 'closing-date',
				dateNote: note,
				corrections,
			});
			continue;
		}
		out.push({ sent: null, precision: 'unknown', basis: 'none', corrections, dateNote: notes.join(' ') });
	}
	// Undated items: the month or year their neighbours share, when they share one.
	out.forEach((fields, index) => {
		if (fields.sent !== null) return;
		const before =
			out
				.slice(0, index)
				.reverse()
				.find((f) => f.sent !== null)?.sent ?? undefined;
		const after = out.slice(index + 1).find((f) => f.sent !== null)?.sent ?? undefined;
		const what =
			items[index]?.parsed.dateline === undefined
				? 'The letter is printed without a date'
				: 'The dateline gives no usable date';
		const prefix = fields.dateNote ? `${fields.dateNote} ` : '';
		if (before && after && before.slice(0, 7) === after.slice(0, 7)) {
			const [y, m] = before.split('-').map(Number);
			fields.sent = before.slice(0, 7);
			fields.precision = 'month';
			fields.basis = 'curated';
			fields.dateNote = `${prefix}${what}; the month, ${monthName(m ?? 1)} ${y}, is inferred from the letters printed before and after it.`;
		} else if (before && after && before.slice(0, 4) === after.slice(0, 4)) {
			fields.sent = before.slice(0, 4);
			fields.precision = 'year';
			fields.basis = 'curated';
			fields.dateNote = `${prefix}${what}; the year, ${before.slice(0, 4)}, is inferred from the letters printed before and after it.`;
		} else {
			fields.dateNote = `${prefix}${what}, and the letters around it do not fix even a year.`;
		}
	});
	return out;
}

function headingText(item: Item): { heading: string; corrections: Correction[] } {
	const printed = item.heading
		.replace(/\[(\d{1,3})\]/g, '')
		.replace(/^\[?_Draft_\]\s+/, '')
		.replace(/_/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	let heading = printed;
	const corrections: Correction[] = [];
	for (const [wrong, right] of HEADING_MISPRINTS) {
		if (!heading.includes(wrong)) continue;
		heading = heading.replace(wrong, right);
		corrections.push({
			field: 'heading',
			from: wrong,
			to: right,
			reason: 'Misprint in the heading, listed in SOURCE.md: the sender is the Princess Hohenlohe.',
		});
	}
	return { heading, corrections };
}

function sourceNote(item: Item, remarks: readonly string[]): string | undefined {
	const notes: string[] = [];
	if (HEADLESS_LETTERS.some((h) => h.line === item.line && h.heading === item.heading)) {
		notes.push(
			"The edition prints this letter without a heading; the heading is ours, taken from the editors' note before it.",
		);
	}
	if (remarks.length > 0)
		notes.push(`The edition marks this text: ${remarks.map((r) => r.replace(/\.$/, '')).join('; ')}.`);
	return notes.length === 0 ? undefined : notes.join(' ');
}

/** Parse both volumes into drafts, before reply links. */
export function parseVictoria(context: ImportContext): Draft[] {
	const parsed: Parsed[] = [];
	for (const { source, file } of VICTORIA_VOLUMES) {
		const lines = linesOf(context.read(file, 'latin1'));
		const lookup = footnoteLookup(separateFootnotes(lines).footnotes);
		const headless = HEADLESS_LETTERS.filter((h) => h.file === file);
		for (const item of splitItems(lines, context.people, file, headless)) {
			parsed.push({ item, parsed: parseItem(item, lookup), source, file });
		}
	}
	const dates = dateItems(parsed);
	return parsed.map(({ item, parsed: p, source }, index) => {
		const date: DatedFields = dates[index] ?? { sent: null, precision: 'unknown', basis: 'none', corrections: [] };
		const { heading, corrections: headingCorrections } = headingText(item);
		const remarks = [...(item.draft ? ['Draft'] : []), ...p.remarks];
		return makeDraft({
			key: `${source}:${item.line}`,
			collection: VICTORIA_COLLECTION,
			kind: item.kind,
			from: [item.from.id],
			to: [item.to.id],
			sent: date.sent,
			precision: date.precision,
			dateBasis: date.basis,
			dateNote: date.dateNote === '' ? undefined : date.dateNote,
			place: p.dateline?.place ?? (date.basis === 'closing-date' ? p.closing?.place : undefined),
			heading,
			salutation: p.salutation,
			body: p.body,
			signature: p.signature,
			notes: p.notes,
			source: {
				id: source,
				ref: `line ${item.line}`,
				...(sourceNote(item, remarks) === undefined ? {} : { note: sourceNote(item, remarks) }),
			},
			corrections: [...headingCorrections, ...date.corrections, ...p.corrections],
		});
	});
}

/**
 * The shared phrases read "received ... on the 24th of March" as the day a letter arrived; in
 * this book such words as often speak of despatches or warnings as of the correspondent's
 * letters. A link to a letter known only by its day of receipt is kept only when the sentence
 * speaks of "your" letter, note or message; placeholders left without a link are dropped.
 */
function dropUnsupportedReceipts(drafts: readonly Draft[]): Draft[] {
	const byKey = new Map(drafts.map((d) => [d.key, d]));
	for (const d of drafts) {
		d.replyTo = d.replyTo.filter((r) => {
			const target = byKey.get(r.id);
			const receiptOnly =
				target !== undefined && target.body === null && target.sent === null && target.received !== undefined;
			return !receiptOnly || /\byour\b[^.]*\b(?:letters?|notes?|messages?)\b/i.test(r.evidence);
		});
	}
	const linked = new Set(drafts.flatMap((d) => d.replyTo.map((r) => r.id)));
	return drafts.filter((d) => d.body !== null || linked.has(d.key));
}

/** Import the collection. */
export function importVictoria(context: ImportContext): Letter[] {
	const names = new Map(context.people.map((p: Person) => [p.id, p.shortName]));
	const inferred = dropUnsupportedReceipts(inferReplies(parseVictoria(context), { names, formatDay }));
	const drafts = linkThirdPerson(inferred, { people: context.people, formatDay });
	linkSequences(drafts, { names, formatDay });
	return finaliseLetters(drafts, VICTORIA_PREFIX);
}
