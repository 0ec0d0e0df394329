/**
 * Reading sender and recipient from the headings printed above letters, in the many shapes
 * the sources use:
 *
 *   J. V. Stalin to W. Churchill
 *   Personal and Secret Message from Premier Stalin to the Prime Minister, Mr Churchill
 *   Reply from Premier Stalin to Message from President Roosevelt
 *   Message for the Prime Minister, Mr Churchill, from J. V. Stalin
 *   For Prime Minister Churchill from Premier Stalin
 *   To Mr Winston Churchill
 */
import type { Person } from '../core/format.js';

export interface ParsedHeading {
	/** The words naming the sender, when the heading names one. */
	fromText?: string;
	/** The words naming the recipient. */
	toText: string;
}

const LEAD = /^(?:(?:Personal|Most|Secret|and|Personal and Secret)\s+)*(?:Message|Reply|Letter|Telegram)?\s*/i;

/** Split a heading into the words naming sender and recipient, or undefined when it names neither. */
export function parseHeading(heading: string): ParsedHeading | undefined {
	const h = heading.trim().replace(/\s+/g, ' ');
	const rest = h.replace(LEAD, '');
	// "[Message] for|to X from Y"
	let m = /^(?:for|to)\s+(.+?),?\s+from\s+(.+)$/i.exec(rest);
	if (m?.[1] && m[2]) return { toText: m[1], fromText: m[2] };
	// "[Message|Reply] from|of X to [Message from] Y"
	m = /^(?:from|of)\s+(.+?)\s+to\s+(?:(?:the\s+)?message\s+from\s+)?(.+)$/i.exec(rest);
	if (m?.[1] && m[2]) return { fromText: m[1], toText: m[2] };
	// "X to Y"
	m = /^(.+?)\s+to\s+(.+)$/i.exec(rest);
	if (m?.[1] && m[2] && !/^(?:for|to|from|of)\b/i.test(rest)) return { fromText: m[1], toText: m[2] };
	// "To X"
	m = /^to\s+(.+)$/i.exec(rest);
	if (m?.[1]) return { toText: m[1] };
	return undefined;
}

/**
 * The person a phrase names, by the longest of their names and aliases found in it as whole
 * words; undefined when no one, or more than one person equally, matches.
 */
export function resolvePerson(phrase: string, people: readonly Person[]): Person | undefined {
	const text = ` ${phrase.toLowerCase().replace(/[^a-z0-9.]+/g, ' ')} `;
	let best: { person: Person; length: number } | undefined;
	let tie = false;
	for (const person of people) {
		for (const name of [person.name, person.shortName, ...person.aliases]) {
			const needle = ` ${name
				.toLowerCase()
				.replace(/[^a-z0-9.]+/g, ' ')
				.trim()} `;
			if (!text.includes(needle)) continue;
			if (!best || needle.length > best.length) {
				best = { person, length: needle.length };
				tie = false;
			} else if (needle.length === best.length && best.person.id !== person.id) {
				tie = true;
			}
		}
	}
	return tie ? undefined : best?.person;
}

/** Whether a line reads as a heading that names a correspondent. */
export function looksLikeHeading(line: string, people: readonly Person[]): boolean {
	if (line.length > 140 || /[.!?]$/.test(line.replace(/\b(?:Mr|Mrs|Dr|St|[A-Z])\.$/, ''))) return false;
	const parsed = parseHeading(line);
	return parsed !== undefined && resolvePerson(parsed.toText, people) !== undefined;
}
