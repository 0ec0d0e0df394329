/**
 * Reply references in the ceremonious wording of the Queen's ministers and of the Queen
 * herself, which the shared phrases of replies.ts do not read:
 *
 *   Lord Melbourne ... has received your Majesty's letter of the 2nd inst.
 *   The Queen has received Lord John Russell's letter of yesterday.
 *   Many thanks for your kind letter of this morning.
 *
 * A possessive name must name the letter's recipient, so that "Lord Palmerston's letter" in a
 * letter to Lord John Russell is not taken for a letter Russell wrote.
 */
import { DateTime } from 'luxon';
import type { Person } from '../../core/format.js';
import { makeDraft, type Draft } from '../draft.js';
import { resolvePerson } from '../headings.js';
import { isoOf, MONTHS } from '../text.js';

export interface ThirdPersonReference {
	date: string;
	evidence: string;
}

const OWNER =
	"(your Majesty's|Majesty's|your|Your|(?:(?:Lord|Sir|Mr|Baron|Colonel|the Earl of|the Duke of|Viscount|Earl|the King of the|King) )?[A-Z][\\w.]*(?: [A-Z][\\w.]*){0,2}'s)";
const KIND = '(?:[a-z]+(?:,)?\\s+){0,3}?(?:letters?|notes?|box|communications?)';
const WHEN =
	'(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|d)?\\b(?:\\s+(inst|instant|ult|ultimo)\\b\\.?)?|(yesterday|this morning|to-day|to-night|last night)';
const REFERENCE = new RegExp(`${OWNER}\\s+${KIND}\\s+of\\s+(?:${WHEN})`, 'g');

// "the letter which your Majesty addressed to me on the 24th of August last"
const ADDRESSED = new RegExp(
	`\\bletter (?:which|that) (?:your Majesty|your Holiness|you) (?:addressed|wrote) to me(?: from [\\p{Lu}][\\p{L}ë]*)? on the (\\d{1,2})(?:st|nd|rd|th|d)? of (${MONTHS.join('|')})`,
	'giu',
);

function sentencesOf(paragraph: string): string[] {
	return paragraph.split(/(?<=\b\p{L}{2,}[.!?])\s+(?=[\p{Lu}_])/u);
}

function shift(iso: string, days: number): string {
	return DateTime.fromISO(iso, { zone: 'utc' }).plus({ days }).toISODate() ?? iso;
}

/** The day a reference names, counted back from the letter's own day. */
function dayOf(
	letterDate: string,
	day: string | undefined,
	month: string | undefined,
	relative: string | undefined,
): string | undefined {
	if (relative !== undefined)
		return relative === 'yesterday'
			? shift(letterDate, -1)
			: relative === 'last night'
				? shift(letterDate, -1)
				: letterDate;
	const [y, m, d] = letterDate.split('-').map(Number);
	if (y === undefined || m === undefined || d === undefined || day === undefined) return undefined;
	const n = Number(day);
	const lastMonth = month !== undefined && /^ult/.test(month);
	const thisMonth = month !== undefined && /^inst/.test(month);
	const back = lastMonth || (!thisMonth && n > d);
	const month0 = back ? (m === 1 ? 12 : m - 1) : m;
	const year0 = back && m === 1 ? y - 1 : y;
	const iso = isoOf(year0, month0, n);
	return DateTime.fromISO(iso, { zone: 'utc' }).isValid && iso <= letterDate ? iso : undefined;
}

/** The letters of the recipient that a letter says it has before it, by day. */
export function findThirdPersonReferences(
	body: readonly string[],
	letterDate: string,
	recipient: Person,
	people: readonly Person[],
): ThirdPersonReference[] {
	const refs: ThirdPersonReference[] = [];
	// A letter known only to the month can still name the full date of the letter it answers.
	const monthOnly = letterDate.length === 7;
	for (const sentence of body.flatMap(sentencesOf)) {
		for (const m of monthOnly ? [] : sentence.matchAll(REFERENCE)) {
			const owner = m[1] ?? '';
			if (/^(?:your Majesty's|Majesty's)$/.test(owner)) {
				if (recipient.id !== 'victoria') continue;
			} else if (!/^[Yy]our$/.test(owner) && resolvePerson(owner.replace(/'s$/, ''), people)?.id !== recipient.id) {
				continue;
			}
			const date = dayOf(letterDate, m[2], m[3], m[4]);
			if (date !== undefined && !refs.some((r) => r.date === date)) refs.push({ date, evidence: sentence.trim() });
		}
		for (const m of sentence.matchAll(ADDRESSED)) {
			const month = MONTHS.findIndex((name) => name === (m[2] ?? '').toLowerCase()) + 1;
			const [y] = letterDate.split('-').map(Number);
			if (y === undefined) continue;
			let date = isoOf(y, month, Number(m[1]));
			if (date.slice(0, letterDate.length) > letterDate) date = isoOf(y - 1, month, Number(m[1]));
			if (!refs.some((r) => r.date === date)) refs.push({ date, evidence: sentence.trim() });
		}
	}
	return refs;
}

export interface ThirdPersonOptions {
	people: readonly Person[];
	formatDay: (iso: string) => string;
}

/**
 * Link every fully dated letter to the recipient's letters it names in this wording, when the
 * link is not there already, adding a placeholder for a named letter the edition does not print.
 * Returns the drafts with the placeholders appended.
 */
export function linkThirdPerson(drafts: readonly Draft[], options: ThirdPersonOptions): Draft[] {
	const all = [...drafts];
	const byId = new Map(options.people.map((p) => [p.id, p]));
	for (const letter of drafts) {
		if (letter.body === null || (letter.precision !== 'day' && letter.precision !== 'month') || letter.sent === null)
			continue;
		const recipient = byId.get(letter.to[0] ?? '');
		if (!recipient || letter.to.length !== 1 || letter.from.length !== 1) continue;
		for (const ref of findThirdPersonReferences(letter.body, letter.sent, recipient, options.people)) {
			const answered = (d: Draft): boolean =>
				d.from[0] === letter.to[0] && d.to[0] === letter.from[0] && d.sent === ref.date && d.precision === 'day';
			if (letter.replyTo.some((r) => all.some((d) => d.key === r.id && answered(d)))) continue;
			let target = all.find((d) => d !== letter && answered(d));
			if (!target) {
				const writer = byId.get(letter.from[0] ?? '')?.shortName ?? letter.from[0] ?? '';
				target = makeDraft({
					key: `placeholder:${letter.to[0]}>${letter.from[0]}:sent:${ref.date}:wording`,
					collection: letter.collection,
					kind: 'letter',
					from: [...letter.to],
					to: [...letter.from],
					sent: ref.date,
					precision: 'day',
					dateBasis: 'reference',
					dateNote: `Known from ${writer}'s reply of ${options.formatDay(letter.sent)}, which names its day; the edition does not print it.`,
					body: null,
					source: { id: letter.source.id, ref: `mentioned in the letter at ${letter.source.ref}` },
				});
				all.push(target);
			}
			letter.replyTo.push({ id: target.key, method: 'inferred', evidence: ref.evidence });
		}
	}
	return all;
}
