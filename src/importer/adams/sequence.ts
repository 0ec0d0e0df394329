/**
 * Reply links from the order of a two-way exchange, for letters whose words name no letter they
 * answer: a letter answers the latest letter the other way that could have reached its writer,
 * if no other letter has already answered that one.
 */
import type { Draft } from '../draft.js';

/** How long, in days, a letter took at the soonest and at the latest to be answered. */
export interface Window {
	min: number;
	max: number;
}

export interface SequenceOptions {
	/** Display names by person id, for the evidence. */
	names: ReadonlyMap<string, string>;
	/** Format a day for the evidence, e.g. "8 November 1774". */
	formatDay: (iso: string) => string;
	/** The window that applies to a reply written on a given day (posts were slower across the ocean). */
	windowFor: (iso: string) => Window;
}

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

const isDayLetter = (d: Draft): d is Draft & { sent: string } =>
	d.body !== null && d.precision === 'day' && d.sent !== null;

/**
 * Add `sequence` links, in place, to letters of one writer to one recipient that have no
 * inferred link: each answers the latest letter the other way written within the window before
 * it, unless a letter already answers that one. Only pairs who wrote to each other are linked.
 */
export function addSequenceLinks(drafts: readonly Draft[], options: SequenceOptions): void {
	const dated = drafts.filter(isDayLetter).filter((d) => d.from.length === 1 && d.to.length === 1);
	const ordered = [...dated].sort((a, b) => (a.sent < b.sent ? -1 : a.sent > b.sent ? 1 : 0));
	const answered = new Set(drafts.flatMap((d) => d.replyTo.map((r) => r.id)));
	for (const letter of ordered) {
		if (letter.replyTo.length > 0) continue;
		const window = options.windowFor(letter.sent);
		const candidates = ordered.filter(
			(m) =>
				m.from[0] === letter.to[0] &&
				m.to[0] === letter.from[0] &&
				daysBetween(m.sent, letter.sent) >= window.min &&
				daysBetween(m.sent, letter.sent) <= window.max,
		);
		const target = candidates.at(-1);
		if (target === undefined || answered.has(target.key)) continue;
		const writer = options.names.get(letter.from[0] ?? '') ?? '';
		const other = options.names.get(target.from[0] ?? '') ?? '';
		const gap = daysBetween(target.sent, letter.sent);
		letter.replyTo.push({
			id: target.key,
			method: 'sequence',
			evidence: `The first letter from ${writer} to ${other} written at least ${window.min} days after ${other}'s letter of ${options.formatDay(target.sent)} (${gap} days later); it names no letter it answers.`,
		});
		answered.add(target.key);
	}
}
