/**
 * Short context for a letter, in our own words: who wrote to whom and what they were at the
 * time, what it answers and what answered it, whether its text is whole, and what was
 * happening that week.
 */
import { isPlaceholder, joinNames, lowerBound, personOf, shortNameOf, sourceOf, type Corpus } from './corpus.js';
import {
	addDaysIso,
	compareCodeUnits,
	daysBetween,
	formatIsoDate,
	letterAnchorDate,
	letterDateText,
	monthName,
} from './dates.js';
import { repliedByOf, repliesToOf } from './exchange.js';
import type { Letter, Person, Role, TimelineEvent } from './format.js';

/** The most characters a context runs to. */
export const CONTEXT_MAX_LENGTH = 400;

/** How far from a letter's date a timeline event may be and still be "that week". */
export const TIMELINE_WINDOW_DAYS = 7;

/** Compare two ISO dates of possibly different precision, at the precision they share. */
function compareAtShared(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	return compareCodeUnits(a.slice(0, n), b.slice(0, n));
}

function roleHolds(role: Role, date: string): boolean {
	if (role.from !== undefined && compareAtShared(role.from, date) > 0) return false;
	if (role.to === undefined) return true;
	// A role ending on a day is over on that day (the successor's starts then).
	if (role.to.length === 10 && date.length === 10) return date < role.to;
	return compareAtShared(date, role.to) <= 0;
}

/**
 * A short description of what a person was at a date: the gloss in brackets when the title has
 * one ("head of the Soviet government"), else the most recently begun role that held then.
 */
export function roleAt(person: Person, date: string | undefined): string | undefined {
	if (date === undefined) return undefined;
	const holding = person.roles.filter((r) => roleHolds(r, date));
	for (const role of holding) {
		const gloss = /\(([^)]+)\)\s*$/.exec(role.title);
		if (gloss?.[1]) return gloss[1];
	}
	const latest = [...holding].sort((a, b) => compareCodeUnits(b.from ?? '', a.from ?? ''))[0];
	return latest?.title;
}

function peopleWithRoles(corpus: Corpus, letter: Letter, ids: readonly string[], date: string | undefined): string {
	return joinNames(
		ids.map((id) => {
			const person = personOf(corpus, letter.collection, id);
			const role = person ? roleAt(person, date) : undefined;
			const name = person?.shortName ?? id;
			return role === undefined ? name : `${name} (${role})`;
		}),
	);
}

/** When another letter was sent, as a phrase relative to the letter being described. */
function whenPhrase(other: Letter, relativeTo: Letter): string {
	const year = letterAnchorDate(relativeTo)?.slice(0, 4);
	const short = (iso: string): string => {
		const [y, m, d] = iso.split('-').map(Number);
		if (iso.length === 10 && String(y) === year && m !== undefined && d !== undefined) return `${d} ${monthName(m)}`;
		return formatIsoDate(iso);
	};
	if (other.sent !== null) return `of ${short(other.sent)}`;
	if (other.received !== undefined) return `received on ${short(other.received)}`;
	if (other.transmitted !== undefined) return `transmitted on ${short(other.transmitted)}`;
	return 'of unknown date';
}

const COUNT_WORDS = ['', '', 'two', 'three', 'four', 'five'];

/**
 * "Churchill's message of 18 July (text not held)", "Churchill's two messages of 31 July (texts not
 * held)", "Stalin's messages of 23 July and 26 July".
 */
function describeLetters(corpus: Corpus, letters: readonly Letter[], relativeTo: Letter): string {
	const groups = new Map<string, Letter[]>();
	for (const l of letters) {
		const key = `${l.from.join('+')}|${l.kind}|${whenPhrase(l, relativeTo).split(' ')[0]}`;
		groups.set(key, [...(groups.get(key) ?? []), l]);
	}
	const phrases = [...groups.values()].map((group) => {
		const first = group[0];
		if (!first) return '';
		const who = joinNames(first.from.map((id) => shortNameOf(corpus, first.collection, id)));
		const many = group.length > 1;
		const when = [...new Set(group.map((l) => whenPhrase(l, relativeTo)))];
		const count = when.length === 1 && many ? `${COUNT_WORDS[group.length] ?? group.length} ` : '';
		const what = many ? `${count}${first.kind}s` : first.kind;
		// "of 23 July and 26 July": the preposition once, then the dates.
		const dates = joinNames(when.map((w, i) => (i === 0 ? w : w.replace(/^(of|received on|transmitted on) /, ''))));
		const held = group.every(isPlaceholder) ? (many ? ' (texts not held)' : ' (text not held)') : '';
		return `${who}'s ${what} ${dates}${held}`;
	});
	return joinNames(phrases);
}

/** A source title short enough for a sentence: up to its first bracket or ", quoting". */
function shortSourceTitle(title: string): string {
	const short = title.split(/ \(|, quoting /)[0]?.trim() ?? title;
	// "Essay 'Negotiations…'" reads as "the essay 'Negotiations…'" inside a sentence.
	return short.replace(/^(Essay|Article|Book|Report|Letter)\b/, (word) => `the ${word.toLowerCase()}`);
}

/**
 * The timeline event nearest a letter's date, within {@link TIMELINE_WINDOW_DAYS}; an earlier
 * event wins a tie. Events of month precision count only for letters of that month when no
 * dated event is near.
 */
export function eventNear(corpus: Corpus, letter: Letter): TimelineEvent | undefined {
	const date = letterAnchorDate(letter);
	if (date === undefined || date.length < 7) return undefined;
	const relevant = (e: TimelineEvent): boolean =>
		e.collections.length === 0 || e.collections.includes(letter.collection);
	if (date.length === 10) {
		let best: { event: TimelineEvent; distance: number } | undefined;
		const last = addDaysIso(date, TIMELINE_WINDOW_DAYS);
		// The timeline is sorted by date, so only the events of the fortnight around the letter are read.
		for (
			let i = lowerBound(corpus.timelineDates, addDaysIso(date, -TIMELINE_WINDOW_DAYS));
			i < corpus.timeline.length;
			i++
		) {
			const event = corpus.timeline[i];
			if (event === undefined || event.date > last) break;
			if (event.precision !== 'day' || !relevant(event)) continue;
			const distance = daysBetween(date, event.date);
			const better =
				best === undefined ||
				Math.abs(distance) < Math.abs(best.distance) ||
				(Math.abs(distance) === Math.abs(best.distance) && distance < best.distance);
			if (better) best = { event, distance };
		}
		if (best) return best.event;
	}
	const month = date.slice(0, 7);
	for (let i = lowerBound(corpus.timelineDates, month); i < corpus.timeline.length; i++) {
		const event = corpus.timeline[i];
		if (event === undefined || !event.date.startsWith(month)) break;
		if (event.precision === 'month' && relevant(event)) return event;
	}
	return undefined;
}

function sentence(text: string): string {
	const t = text.trim();
	return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** Cut text to at most `max` characters at a word boundary, ending in an ellipsis when cut. */
export function truncateAtWord(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, Math.max(0, max - 1));
	const space = cut.lastIndexOf(' ');
	return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/, '')}…`;
}

/** Join parts into at most `max` characters; the first part that does not fit is cut at a word, if worth it. */
function fitParts(parts: readonly string[], max: number): string {
	let out = '';
	for (const part of parts) {
		const next = out === '' ? part : `${out} ${part}`;
		if (next.length <= max) {
			out = next;
			continue;
		}
		const room = max - out.length - 1;
		if (room >= 40) out = `${out} ${truncateAtWord(part, room)}`;
		break;
	}
	return out === '' ? truncateAtWord(parts[0] ?? '', max) : out;
}

/**
 * The short context shown with a letter, at most {@link CONTEXT_MAX_LENGTH} characters, e.g.
 * "Stalin (head of the Soviet government) to Churchill (Prime Minister of the United Kingdom),
 * 23 July 1942. Answers Churchill's message of 18 July (text not held). That week (…): …".
 * Reads well for letters with full text, excerpts and placeholders.
 */
export function contextFor(corpus: Corpus, letter: Letter): string {
	const date = letterAnchorDate(letter);
	const parts: string[] = [
		`${peopleWithRoles(corpus, letter, letter.from, date)} to ${peopleWithRoles(corpus, letter, letter.to, date)}, ${letterDateText(letter)}.`,
	];
	const answers = repliesToOf(corpus, letter);
	const answeredBy = repliedByOf(corpus, letter);

	if (isPlaceholder(letter)) {
		const first = answeredBy[0];
		if (first) {
			const who = joinNames(first.from.map((id) => shortNameOf(corpus, first.collection, id)));
			parts.push(`Known only from ${who}'s reply ${whenPhrase(first, letter)}; its text is not in the collection.`);
		} else {
			parts.push('Its text is not in the collection.');
		}
		if (answers.length > 0) parts.push(`It answers ${describeLetters(corpus, answers, letter)}.`);
	} else {
		if (letter.excerpt) {
			const source = sourceOf(corpus, letter);
			parts.push(
				source
					? `Only part of this letter is known, quoted in ${shortSourceTitle(source.title)}.`
					: 'Only part of this letter is known, from a quotation.',
			);
		}
		if (answers.length > 0) parts.push(`Answers ${describeLetters(corpus, answers, letter)}.`);
		if (answeredBy.length > 0) parts.push(`Answered by ${describeLetters(corpus, answeredBy, letter)}.`);
	}

	const event = eventNear(corpus, letter);
	if (event) {
		const sameYear = event.date.slice(0, 4) === date?.slice(0, 4);
		const eventDay = sameYear ? formatIsoDate(event.date).replace(/ \d{4}$/, '') : formatIsoDate(event.date);
		const when = event.precision === 'day' ? `That week (${eventDay})` : 'That month';
		parts.push(`${when}: ${sentence(event.text)}`);
	}
	return fitParts(parts, CONTEXT_MAX_LENGTH);
}
