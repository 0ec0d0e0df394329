/**
 * Builds the "adams" collection: the 284 numbered letters of the Familiar Letters, reply links
 * from their words ("yours of the 29th of September and the 1st of October") with placeholders
 * for the letters they name that the edition does not print, then links from the order of the
 * exchange, and ids.
 */
import { DateTime } from 'luxon';
import type { Letter } from '../../core/format.js';
import type { Draft } from '../draft.js';
import { finaliseLetters } from '../ids.js';
import type { ImportContext } from '../registry.js';
import { inferReplies } from '../replies.js';
import { parseDateline } from './dateline.js';
import { parseAdamsLetters } from './letters.js';
import { addSequenceLinks, type Window } from './sequence.js';

export const ADAMS_FILE = 'data/sources/adams-familiar-letters/34123-8.txt';

/** Format an ISO day as "12 May 1774". */
export function formatDay(iso: string): string {
	return DateTime.fromISO(iso, { zone: 'utc' }).toFormat('d MMMM yyyy');
}

/**
 * Times when John Adams was in Europe: a letter took weeks or months to cross the Atlantic, so a
 * reply could not follow within days as it did between Philadelphia and Braintree.
 */
const ABROAD: readonly (readonly [string, string])[] = [
	['1778-02-13', '1779-08-02'],
	['1779-11-13', '1788-12-31'],
];
const HOME_WINDOW: Window = { min: 5, max: 45 };
const ABROAD_WINDOW: Window = { min: 40, max: 150 };

/** The window within which a letter written on a given day may answer one the other way. */
export function adamsWindow(iso: string): Window {
	return ABROAD.some(([from, to]) => iso >= from && iso <= to) ? ABROAD_WINDOW : HOME_WINDOW;
}

/** Import the collection from its Project Gutenberg text. */
export function importAdams(context: ImportContext): Letter[] {
	const drafts = parseAdamsLetters(context.read(ADAMS_FILE, 'latin1'), context.people, ADAMS_FILE);
	const names = new Map(context.people.map((p) => [p.id, p.name]));
	const linked = redirectToContinuations(inferReplies(drafts, { names, formatDay })).map((d) =>
		// The letters a reply names are letters, whatever kind the shared placeholder maker gives them.
		d.body === null ? { ...d, kind: 'letter' as const } : d,
	);
	addSequenceLinks(linked, { names, formatDay, windowFor: adamsWindow });
	return finaliseLetters(linked, 'ad');
}

/**
 * The later days on which a letter was continued, from the short dated lines inside its body
 * ("17 June.", "Patten's, at Arundel, 4 July."), as ISO days in the letter's year.
 */
export function continuationDays(letter: Draft): string[] {
	if (letter.body === null || letter.precision !== 'day' || letter.sent === null) return [];
	const year = letter.sent.slice(0, 4);
	return letter.body.flatMap((p) => {
		if (p.length > 50 || !/\.$/.test(p)) return [];
		const d = parseDateline(p);
		if (d.day === undefined || d.month === undefined || d.year !== undefined) return [];
		return [`${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`];
	});
}

/**
 * A reply that names a day on which a held letter was continued answers that letter, not a
 * lost one: its links are moved from the placeholder to the letter, and the placeholder dropped.
 */
function redirectToContinuations(drafts: readonly Draft[]): Draft[] {
	const replaced = new Map<string, string>();
	for (const placeholder of drafts.filter((d) => d.body === null && d.sent !== null)) {
		const held = drafts.find(
			(d) =>
				d.from.join() === placeholder.from.join() &&
				d.to.join() === placeholder.to.join() &&
				continuationDays(d).includes(placeholder.sent ?? ''),
		);
		if (held) replaced.set(placeholder.key, held.key);
	}
	for (const d of drafts) {
		d.replyTo = d.replyTo
			.map((r) => {
				const to = replaced.get(r.id);
				return to === undefined
					? r
					: {
							...r,
							evidence: `${r.evidence} (The letter it names is the one begun earlier and continued on that day.)`,
						};
			})
			.map((r) => ({ ...r, id: replaced.get(r.id) ?? r.id }));
	}
	return drafts.filter((d) => !replaced.has(d.key));
}
