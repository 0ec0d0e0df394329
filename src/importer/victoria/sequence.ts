/**
 * Reply links from the order of a two-way exchange.
 *
 * The rule: a letter from A to B, fully dated, with text and no reply link read from its own
 * words, answers B's letter to A when that is the latest letter that passed between the two
 * (in either direction) before it, and was written at most {@link SEQUENCE_WINDOW_DAYS} days
 * earlier. Letters of the same day keep the edition's order. Placeholders are never linked this
 * way, since we do not know where they stood.
 */
import { DateTime } from 'luxon';
import type { Draft } from '../draft.js';

/** How many days may separate a letter from the one it is taken to answer. */
export const SEQUENCE_WINDOW_DAYS = 14;

export interface SequenceOptions {
	/** Display names by person id, for the evidence. */
	names: ReadonlyMap<string, string>;
	/** Format a day, e.g. "8 November 1842". */
	formatDay: (iso: string) => string;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

function daysBetween(from: string, to: string): number {
	return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

/** Add `sequence` links to the drafts (in place), reading them in date order, then source order. */
export function linkSequences(drafts: readonly Draft[], options: SequenceOptions): number {
	const ordered = drafts
		.map((d, index) => ({ d, index }))
		.filter(
			({ d }) =>
				d.body !== null && d.precision === 'day' && d.sent !== null && d.from.length === 1 && d.to.length === 1,
		)
		.sort((a, b) =>
			(a.d.sent ?? '') < (b.d.sent ?? '') ? -1 : (a.d.sent ?? '') > (b.d.sent ?? '') ? 1 : a.index - b.index,
		)
		.map(({ d }) => d);
	const latest = new Map<string, Draft>();
	let added = 0;
	for (const letter of ordered) {
		const from = letter.from[0] ?? '';
		const to = letter.to[0] ?? '';
		const key = pairKey(from, to);
		const previous = latest.get(key);
		latest.set(key, letter);
		if (!previous || letter.replyTo.length > 0) continue;
		if (previous.from[0] !== to || previous.to[0] !== from) continue;
		const gap = daysBetween(previous.sent ?? '', letter.sent ?? '');
		if (gap > SEQUENCE_WINDOW_DAYS) continue;
		const name = (id: string): string => options.names.get(id) ?? id;
		const when = gap === 0 ? 'the same day' : gap === 1 ? 'a day later' : `${gap} days later`;
		letter.replyTo.push({
			id: previous.key,
			method: 'sequence',
			evidence: `The next letter from ${name(from)} to ${name(to)} after ${name(to)}'s letter of ${options.formatDay(previous.sent ?? '')}, written ${when}.`,
		});
		added += 1;
	}
	return added;
}
