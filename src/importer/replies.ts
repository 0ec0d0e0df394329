/**
 * Reply links inferred from a letter's own words ("Your message of October 9 received",
 * "yours of February 13", "both your messages of July 31", "transmitted in Kuibyshev on
 * March 12", "reached me on November 5"), and placeholders for the letters they answer when
 * those are not in the collection.
 */
import { daysInMonth } from '../core/format.js';
import { makeDraft, type Draft } from './draft.js';
import { continuationDates, DATE_PATTERN, isoOf, parseEnglishDate, resolveYear } from './text.js';

export type ReferenceKind = 'sent' | 'received' | 'transmitted';

export interface ReplyReference {
	/** Which of the answered letter's dates the words give. */
	kind: ReferenceKind;
	date: string;
	/** How many letters the words acknowledge ("both your messages" is two). */
	count: number;
	/** The sentence that gives the reference. */
	evidence: string;
}

const ACKNOWLEDGES = /\b(?:received|receipt|to hand|thank|reached)\b/i;
const SENT_REF = new RegExp(`\\b(?:messages?|letters?|yours|telegrams?)\\s+(?:of|dated)\\s+(${DATE_PATTERN})`, 'i');
const TRANSMITTED_REF = new RegExp(`\\btransmitted\\b[^.]*?\\bon\\s+(${DATE_PATTERN})`, 'i');
const RECEIVED_REF = new RegExp(`\\b(?:reached me|received)\\b[^.]*?\\bon\\s+(${DATE_PATTERN})`, 'i');
const RECEIVED_TODAY = /\breached me\b[^.]*\btoday\b/i;
const PLURAL = /\b(?:both|all)\s+your\s+messages\b|\bmessages\s+(?:of|dated)\b/i;
/** "a letter of the 26th of April from brother Cranch": a letter from someone else. */
const THIRD_PARTY = new RegExp(
	`\\b(?:messages?|letters?|telegrams?)\\s+(?:of|dated)\\s+${DATE_PATTERN},?\\s+from\\s+(?!you\\b)`,
	'i',
);

/** Sentences of a paragraph, split after a full stop that ends a word of two or more letters. */
function sentences(paragraph: string): string[] {
	return paragraph.split(/(?<=\b\p{L}{2,}[.!?])\s+(?=\p{Lu})/u);
}

/**
 * The sentences of a letter, each with the date it was written: the letter's own date until a
 * paragraph that is only a date ("1 October") takes the letter up again on a later day, so that
 * "your favours of the 23d September" written on 1 October means this September, not last year's.
 */
function datedSentences(body: readonly string[], letterDate: string): { sentence: string; date: string }[] {
	const resumed = new Map(continuationDates(body, letterDate).map((c) => [c.index, c.date]));
	let date = letterDate;
	return body.flatMap((paragraph, index) => {
		const later = resumed.get(index);
		if (later !== undefined) {
			date = later;
			return [];
		}
		return sentences(paragraph).map((sentence) => ({ sentence, date }));
	});
}

/**
 * The earlier letters a letter says it answers, with the kind of date each is named by.
 * `writtenOn` (YYYY-MM-DD) supplies years the words leave out, moved on by any later date the
 * letter was taken up again on.
 */
export function findReplyReferences(body: readonly string[], writtenOn: string): ReplyReference[] {
	const refs: ReplyReference[] = [];
	for (const { sentence, date: letterDate } of datedSentences(body, writtenOn)) {
		const listed = findListedReferences(sentence, letterDate);
		if (!ACKNOWLEDGES.test(sentence)) {
			refs.push(...listed);
			continue;
		}
		if (THIRD_PARTY.test(sentence)) continue;
		const count = PLURAL.test(sentence) ? 2 : 1;
		const found = (kind: ReferenceKind, phrase: string | undefined): boolean => {
			const dm = phrase === undefined ? undefined : parseEnglishDate(phrase);
			if (!dm) return false;
			refs.push({ kind, date: resolveYear(dm, letterDate), count, evidence: sentence });
			return true;
		};
		if (found('sent', SENT_REF.exec(sentence)?.[1])) {
			const first = refs.at(-1)?.date;
			refs.push(...listed.filter((r) => r.date !== first));
			continue;
		}
		if (found('transmitted', TRANSMITTED_REF.exec(sentence)?.[1])) continue;
		if (found('received', RECEIVED_REF.exec(sentence)?.[1])) continue;
		if (RECEIVED_TODAY.test(sentence)) {
			refs.push({ kind: 'received', date: letterDate, count, evidence: sentence });
			continue;
		}
		refs.push(...listed);
	}
	return refs;
}

// Older letter-writing names the letters answered in lists, with old-style ordinals ("2d", "23d")
// and often without the month when it is the current one: "yours of 25 and 26 October", "your
// favors of 15th, 20th, and 23d September", "your obliging letters of the 8th, 10th, and 13th".
const LIST_MONTH =
	'(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const LIST_DAY = '\\d{1,2}(?:st|nd|rd|th|d)?\\b';
const LIST_ITEM = `(?:the\\s+)?(?:${LIST_MONTH}\\s+${LIST_DAY}|${LIST_DAY}(?:\\s+(?:of\\s+)?${LIST_MONTH})?)`;
const LISTED_REF = new RegExp(
	`\\b(?:yours|your\\s+(?:[a-z]+\\s+){0,3}?(?:letters?|favou?rs?))(?:,?\\s+(?:this\\s+morning|from\\s+[^,.]{1,30}),)?\\s+(?:of|dated)\\s+(${LIST_ITEM}(?:(?:,\\s*|\\s+)(?:and\\s+)?${LIST_ITEM})*)`,
	'i',
);

/**
 * The letters a sentence names in a list after "yours of", "your favors of" or "your letters
 * of", each with its date. A month printed before the days carries forward ("June 22 and 25"),
 * one printed after them carries back ("15th, 20th, and 23d September"); days without any month
 * are in the month of the letter, or the month before when the day is later than the letter's.
 */
export function findListedReferences(sentence: string, letterDate: string): ReplyReference[] {
	const list = LISTED_REF.exec(sentence)?.[1];
	if (list === undefined) return [];
	const tokens = [...list.matchAll(new RegExp(`(${LIST_MONTH})|(\\d{1,2})`, 'gi'))].map((m) =>
		m[1] === undefined ? { day: Number(m[2]) } : { month: m[1] },
	);
	const monthFirst = tokens[0] !== undefined && 'month' in tokens[0];
	const [y, mo, d] = letterDate.split('-').map(Number);
	const refs: ReplyReference[] = [];
	let carried: string | undefined;
	tokens.forEach((token, index) => {
		if ('month' in token) {
			carried = token.month;
			return;
		}
		const month = monthFirst ? carried : tokens.slice(index + 1).find((t) => 'month' in t)?.month;
		let date: string | undefined;
		if (month !== undefined) {
			const dm = parseEnglishDate(`${month} ${token.day}`);
			date = dm === undefined ? undefined : resolveYear(dm, letterDate);
		} else if (y !== undefined && mo !== undefined && d !== undefined) {
			const back = token.day > d;
			const year = back && mo === 1 ? y - 1 : y;
			const month0 = back ? (mo === 1 ? 12 : mo - 1) : mo;
			if (token.day >= 1 && token.day <= daysInMonth(year, month0)) date = isoOf(year, month0, token.day);
		}
		if (date !== undefined && date <= letterDate && !refs.some((r) => r.date === date)) {
			refs.push({ kind: 'sent', date, count: 1, evidence: sentence });
		}
	});
	return refs;
}

// Nineteenth-century despatches and business letters name the day relative to the reply
// ("Your despatch of yesterday received", "Yours of to-day", "your despatch of Tuesday morning"),
// by the day of the month with "instant" (this month) or "ultimo" (last month) ("yours of the
// 30th ult."), or by day and month ("Your's of the 29th of June").
const DESPATCH_REF = new RegExp(
	[
		"\\byour(?:s|'s)?\\b",
		'(?:\\s+((?:[a-z]+\\s+){0,2}?)(despatch(?:es)?|dispatch(?:es)?|telegrams?|notes?|letters?))?',
		'(?:\\s+to\\s+(?:us|me))?,?\\s+(?:of|dated)\\s+',
		// "of 3 P.M. to-day": the hour before a relative day.
		'(?:(?:\\d{1,2}(?:[.:]\\d{2})?\\s*[AP]\\.?\\s?M\\.?|\\d{1,2}[.:]\\d{2}),?\\s+)?',
		'(?:(yesterday|last\\s+(?:night|evening))',
		'|(to-?day|this\\s+(?:date|day|morning|afternoon|evening))',
		'|(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)',
		// A number followed by A.M. or P.M. is an hour, not a day.
		`|(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|d)?\\b(?![.:]\\d|\\s*[AP]\\.?\\s?M\\b)(?:\\s+(inst\\b\\.?|instant\\b|ult\\b\\.?|ultimo\\b)|\\s+(?:of\\s+)?(${LIST_MONTH})(?![a-z]))?)`,
	].join(''),
	'i',
);
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const HOW_MANY: Readonly<Record<string, number>> = { two: 2, both: 2, three: 3 };

/**
 * The letter a sentence names by a day relative to the reply ("of yesterday", "of to-day", "of
 * Tuesday"), by "the 14th inst." / "the 30th ult.", by day and month, or by the day of the month
 * alone, which is this month, or last month when the day is later than the reply's. A day in a
 * list ("yours of the 8th, 10th, and 13th") is left to {@link findListedReferences}; a despatch
 * to someone else ("your despatch of yesterday to General Sherman") is not an answered letter.
 */
export function findDespatchReference(sentence: string, letterDate: string, count = 1): ReplyReference | undefined {
	const m = DESPATCH_REF.exec(sentence);
	if (!m) return undefined;
	const [matched, modifiers, , yesterday, today, weekday, dayText, monthWord, monthName] = m;
	const after = sentence.slice(m.index + matched.length);
	const toSomeoneElse =
		/^\s*,?\s*to\s/i.test(after) &&
		!/^\s*,?\s*to\s+(?:(?:me|us|myself)\b|[^,.;]*?\band\s+(?:me|myself)\b)/i.test(after);
	if (toSomeoneElse || /^\s*(?:,|and)\s*(?:the\s+)?\d/.test(after)) return undefined;
	const [y, mo, d] = letterDate.split('-').map(Number);
	if (y === undefined || mo === undefined || d === undefined) return undefined;
	const many = (modifiers ?? '').split(/\s+/).reduce((n, w) => HOW_MANY[w.toLowerCase()] ?? n, count);
	const found = (date: string): ReplyReference => ({ kind: 'sent', date, count: many, evidence: sentence });
	const daysBefore = (n: number): string => {
		const at = new Date(Date.UTC(y, mo - 1, d - n));
		return isoOf(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
	};
	if (today !== undefined) return found(letterDate);
	if (yesterday !== undefined) return found(daysBefore(1));
	if (weekday !== undefined) {
		const back = (new Date(Date.UTC(y, mo - 1, d)).getUTCDay() - WEEKDAYS.indexOf(weekday.toLowerCase()) + 7) % 7;
		// The same weekday as the reply could be that day or a week before: no link.
		return back === 0 ? undefined : found(daysBefore(back));
	}
	const day = Number(dayText);
	if (monthName !== undefined) {
		const dm = parseEnglishDate(`${monthName} ${day}`);
		return dm === undefined ? undefined : found(resolveYear(dm, letterDate));
	}
	const last = monthWord !== undefined ? /^ult/i.test(monthWord) : day > d;
	if (monthWord !== undefined && /^inst/i.test(monthWord) && day > d) return undefined;
	const year = last && mo === 1 ? y - 1 : y;
	const month = last ? (mo === 1 ? 12 : mo - 1) : mo;
	if (day < 1 || day > daysInMonth(year, month)) return undefined;
	return found(isoOf(year, month, day));
}

/** {@link findDespatchReference} over every sentence of a letter; for {@link LinkOptions.extraReferences}. */
export function findDespatchReferences(body: readonly string[], letterDate: string): ReplyReference[] {
	const refs: ReplyReference[] = [];
	for (const sentence of body.flatMap(sentences)) {
		const ref = findDespatchReference(sentence, letterDate, PLURAL.test(sentence) ? 2 : 1);
		// A letter named twice ("yours of the 13th ... my answer to yours of the 13th") is one letter.
		if (ref !== undefined && !refs.some((r) => r.date === ref.date)) refs.push(ref);
	}
	return refs;
}

function dateOfKind(d: Draft, kind: ReferenceKind): string | undefined {
	if (kind === 'sent') return d.precision === 'day' ? (d.sent ?? undefined) : undefined;
	return kind === 'received' ? d.received : d.transmitted;
}

const overlaps = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => b.includes(x));

export interface LinkOptions {
	/** Display names by person id, for the notes on placeholders. */
	names: ReadonlyMap<string, string>;
	/** Format a day for a note, e.g. "8 November 1942". */
	formatDay: (iso: string) => string;
	/**
	 * More references to look for in a letter (e.g. {@link findDespatchReferences}), besides
	 * {@link findReplyReferences}; where both read the same sentence, the extra reading is kept.
	 */
	extraReferences?: (body: readonly string[], letterDate: string) => ReplyReference[];
}

/**
 * Add inferred reply links to every draft with text and a known day, matching the letters
 * referred to among the drafts (opposite direction, same date of the given kind) and creating a
 * placeholder for each one not found. Returns the drafts with any new placeholders appended.
 */
export function inferReplies(drafts: readonly Draft[], options: LinkOptions): Draft[] {
	const all = [...drafts];
	const placeholders = new Map<string, Draft[]>();
	for (const letter of drafts) {
		if (letter.body === null || letter.precision !== 'day' || letter.sent === null) continue;
		// An extra reference reads its sentence more closely ("the 30th ult."), so it replaces what the general reading took from that sentence or that date.
		const extra = options.extraReferences?.(letter.body, letter.sent) ?? [];
		const found = findReplyReferences(letter.body, letter.sent).filter(
			(r) => !extra.some((e) => e.evidence === r.evidence || (e.kind === r.kind && e.date === r.date)),
		);
		for (const ref of [...found, ...extra]) {
			const linked = new Set(letter.replyTo.map((r) => r.id));
			const matches = all.filter(
				(d) =>
					d !== letter &&
					overlaps(d.from, letter.to) &&
					overlaps(d.to, letter.from) &&
					dateOfKind(d, ref.kind) === ref.date &&
					!linked.has(d.key),
			);
			const targets = matches.slice(0, ref.count);
			const groupKey = `${letter.to.join('+')}>${letter.from.join('+')}:${ref.kind}:${ref.date}`;
			const group = placeholders.get(groupKey) ?? [];
			for (let n = targets.length; n < ref.count; n += 1) {
				const existing = group.find((p) => !linked.has(p.key) && !targets.includes(p));
				if (existing) {
					targets.push(existing);
					continue;
				}
				const placeholder = makePlaceholder(letter, ref, group.length + 1, options);
				group.push(placeholder);
				all.push(placeholder);
				targets.push(placeholder);
			}
			placeholders.set(groupKey, group);
			for (const target of targets) {
				letter.replyTo.push({ id: target.key, method: 'inferred', evidence: ref.evidence });
			}
		}
	}
	return all;
}

function makePlaceholder(letter: Draft, ref: ReplyReference, n: number, options: LinkOptions): Draft {
	const writer = letter.from.map((id) => options.names.get(id) ?? id).join(' and ');
	const when = options.formatDay(letter.sent ?? ref.date);
	const how = { sent: 'dated', received: 'received on', transmitted: 'transmitted on' }[ref.kind];
	return makeDraft({
		key: `placeholder:${letter.to.join('+')}>${letter.from.join('+')}:${ref.kind}:${ref.date}:${n}`,
		collection: letter.collection,
		kind: 'message',
		from: [...letter.to],
		to: [...letter.from],
		sent: ref.kind === 'sent' ? ref.date : null,
		precision: ref.kind === 'sent' ? 'day' : 'unknown',
		dateBasis: 'reference',
		dateNote:
			ref.kind === 'sent'
				? `Known from ${writer}'s reply of ${when}, which names its date.`
				: `Known from ${writer}'s reply of ${when}, which says it was ${how} ${options.formatDay(ref.date)}; the day it was sent is not known.`,
		...(ref.kind === 'received' ? { received: ref.date } : {}),
		...(ref.kind === 'transmitted' ? { transmitted: ref.date } : {}),
		body: null,
		source: { id: letter.source.id, ref: `mentioned in the letter at ${letter.source.ref}` },
	});
}
