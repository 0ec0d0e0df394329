/**
 * Builds the "napoleon-josephine" collection: the 243 numbered letters of Hall's edition with
 * their footnotes and Hall's own notes, reply links from their words ("Yours of November 26th
 * received") with placeholders for Josephine's letters, which the edition does not hold, the
 * edition's own pairing of the one real exchange (Series N), and ids. The appendix of spurious
 * letters is left out.
 */
import { DateTime } from 'luxon';
import type { Letter } from '../../core/format.js';
import { makeDraft, type Draft } from '../draft.js';
import { ImportError } from '../errors.js';
import { gutenbergBody } from '../gutenberg.js';
import { finaliseLetters } from '../ids.js';
import type { ImportContext } from '../registry.js';
import { inferReplies } from '../replies.js';
import { resolveNjDates } from './dates.js';
import { readNjLetters } from './letters.js';

export const NJ_FILE = 'data/sources/napoleon-letters-to-josephine/37499-8.txt';
export const NJ_SOURCE = 'hall-1901';
const COLLECTION = 'napoleon-josephine';

/** Format an ISO day as "14 March 1796". */
export function formatDay(iso: string): string {
	return DateTime.fromISO(iso, { zone: 'utc' }).toFormat('d MMMM yyyy');
}

/**
 * The letters of Series N that the edition itself pairs as letter and reply, by its headings
 * ("Reply of the Emperor Napoleon to the preceding", "Reply of the Empress Josephine").
 */
const EDITION_REPLIES: readonly { letter: string; answers: string; evidence: string; replacesReference?: string }[] = [
	{
		letter: 'N 1A',
		answers: 'N 1',
		evidence:
			'The edition heads it "Reply of the Emperor Napoleon to the preceding". It acknowledges "yours of April 18th", while the edition dates the letter it follows 19 April 1810; no separate letter of 18 April is known, so no placeholder is made for it.',
		replacesReference: '1810-04-18',
	},
	{
		letter: 'N 2',
		answers: 'N 1A',
		evidence:
			'The edition heads it "Reply of the Empress Josephine", printed after Napoleon\'s letter of 21 April 1810, which it thanks him for.',
	},
];

/** The year a series' title gives, when it gives one ("SERIES C / THE MARENGO CAMPAIGN, 1800"). */
export function seriesYears(text: string): Map<string, number> {
	const { lines } = gutenbergBody(text);
	const years = new Map<string, number>();
	// Only the title pages of the series, not the table of contents before them.
	const start = lines.indexOf("NAPOLEON'S LETTERS");
	const end = lines.indexOf('NOTES');
	lines.forEach((line, i) => {
		const m = i > start && i < end ? /^SERIES ([A-P])$/.exec(line) : null;
		if (!m || years.has(m[1] ?? '')) return;
		for (const next of lines.slice(i + 1, i + 4)) {
			const y = /^(?:\(|[A-Z][A-Z ]+, )?(1[78]\d\d)\)?\.?$/.exec(next.trim());
			if (y) {
				years.set(m[1] ?? '', Number(y[1]));
				return;
			}
		}
	});
	return years;
}

/** Import the collection from its Project Gutenberg text. */
export function importNapoleonJosephine(context: ImportContext): Letter[] {
	const text = context.read(NJ_FILE, 'latin1');
	const raw = readNjLetters(text, NJ_FILE);
	const dates = resolveNjDates(raw, seriesYears(text));
	const person = (id: string): string => {
		if (!context.people.some((p) => p.id === id))
			throw new ImportError(NJ_FILE, 'from', `no person "${id}" in people.json`);
		return id;
	};
	const napoleon = person('napoleon');
	const josephine = person('josephine');
	const drafts: Draft[] = raw.map((letter, k) => {
		const date = dates[k] ?? { sent: null, precision: 'unknown' as const, dateBasis: 'none' as const };
		const onDateline = letter.notes.find((n) => n.text?.startsWith('On the dateline'))?.text;
		const dateNote =
			date.dateNote ??
			(onDateline === undefined || onDateline === null
				? undefined
				: `Hall's footnote ${onDateline.replace(/^On/, 'on')}`);
		return makeDraft({
			key: `${COLLECTION}:${letter.series} ${letter.number}`,
			collection: COLLECTION,
			kind: 'letter',
			number: `${letter.series} ${letter.number}`,
			from: [letter.fromJosephine ? josephine : napoleon],
			to: [letter.fromJosephine ? napoleon : josephine],
			sent: date.sent,
			precision: date.precision,
			dateBasis: date.dateBasis,
			dateNote,
			place: letter.parsed.place,
			heading: letter.heading,
			salutation: letter.salutation,
			body: letter.body,
			signature: letter.signature,
			notes: letter.notes,
			source: {
				id: NJ_SOURCE,
				ref: `line ${letter.line}`,
				note: letter.sourceNotes.length > 0 ? letter.sourceNotes.join(' ') : undefined,
			},
		});
	});
	const byNumber = (n: string): Draft => {
		const d = drafts.find((x) => x.number === n);
		if (!d) throw new ImportError(NJ_FILE, 'number', `no letter ${n}`);
		return d;
	};
	for (const link of EDITION_REPLIES) {
		byNumber(link.letter).replyTo.push({ id: byNumber(link.answers).key, method: 'curated', evidence: link.evidence });
	}
	const names = new Map(context.people.map((p) => [p.id, p.shortName]));
	const linked = inferReplies(drafts, { names, formatDay }).map((d) =>
		// Josephine's lost letters are letters, whatever kind the shared placeholder maker gives them.
		d.body === null ? { ...d, kind: 'letter' as const } : d,
	);
	// Where the edition pairs a letter with its answer, a date the words give for the same letter
	// is the writer's or the printer's slip, not a lost letter.
	const dropped = new Set<string>();
	for (const link of EDITION_REPLIES) {
		if (link.replacesReference === undefined) continue;
		const letter = byNumber(link.letter);
		for (const r of letter.replyTo) {
			const target = linked.find((d) => d.key === r.id);
			if (target?.body === null && target.sent === link.replacesReference) dropped.add(target.key);
		}
		letter.replyTo = letter.replyTo.filter((r) => !dropped.has(r.id));
	}
	return finaliseLetters(
		linked.filter((d) => !dropped.has(d.key) || linked.some((x) => x.replyTo.some((r) => r.id === d.key))),
		'nj',
	);
}
