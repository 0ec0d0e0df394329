/**
 * The on-disk data format of Letterday, version 1, as zod schemas.
 *
 * A collection lives in `data/collections/<id>/` as three files: `collection.json`,
 * `people.json` and `letters.json`. The timeline of dated events shown as context lives in
 * `data/timeline.json`. Every file carries `"format": 1`. The README documents each field;
 * these schemas are the authority.
 *
 * Pure: zod only, no I/O.
 */
import { z } from 'zod';

export const FORMAT_VERSION = 1;

const formatVersion = z.literal(FORMAT_VERSION);

/** A calendar date `YYYY-MM-DD`, checked to be a real date between 1500 and 2100. */
export const isoDay = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
	.refine(isRealDay, 'not a real calendar date (or outside 1500-2100)');

/** A date of known precision: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export const partialDate = z
	.string()
	.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
	.refine(isRealPartialDate, 'not a real date (or outside 1500-2100)');

const id = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and hyphens')
	.max(60, 'ids are at most 60 characters');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const precisionSchema = z.enum(['day', 'month', 'year', 'unknown']);
export type Precision = z.infer<typeof precisionSchema>;

/** Where the sent date was read from, so readers can judge it. */
export const dateBasisSchema = z.enum([
	'sent-line', // "Sent on January 8, 1942" above the message
	'dateline', // a date at the top of the letter
	'closing-date', // a date below the signature
	'telegram-header', // the header of a telegram form
	'reference', // known only from another letter that mentions it
	'curated', // set by hand from a named source
	'none', // no date at all in the source
]);
export type DateBasis = z.infer<typeof dateBasisSchema>;

export const roleSchema = z.strictObject({
	title: nonEmpty,
	from: partialDate.optional(),
	to: partialDate.optional(),
});
export type Role = z.infer<typeof roleSchema>;

export const personSchema = z.strictObject({
	id,
	name: nonEmpty,
	shortName: nonEmpty,
	/** Other names the sources use, for matching headings and searches. */
	aliases: z.array(nonEmpty).default([]),
	/** One or two sentences, in our own words. */
	description: nonEmpty,
	roles: z.array(roleSchema).default([]),
	/** True for people who are named in letters but wrote none in the collection. */
	mentionedOnly: z.boolean().default(false),
});
export type Person = z.infer<typeof personSchema>;

export const peopleFileSchema = z.strictObject({
	format: formatVersion,
	collection: id,
	people: z.array(z.unknown()),
});

export const sourceSchema = z.strictObject({
	id,
	title: nonEmpty,
	/** Path of the source document inside the repository, when we hold it. */
	file: z.string().optional(),
	/** Who made it and who must be credited. */
	credit: nonEmpty,
	licence: nonEmpty,
	url: z.string().url().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const collectionSchema = z.strictObject({
	format: formatVersion,
	id,
	/** Short prefix of every letter id in the collection, e.g. `bt`. */
	idPrefix: z.string().regex(/^[a-z]{2,6}$/),
	title: nonEmpty,
	shortTitle: nonEmpty,
	description: nonEmpty,
	/** The printed edition a citation names. */
	edition: nonEmpty,
	period: z.strictObject({ from: partialDate, to: partialDate }),
	licence: nonEmpty,
	sources: z.array(sourceSchema).min(1),
});
export type Collection = z.infer<typeof collectionSchema>;

export const noteSchema = z.strictObject({
	/** The marker as printed, e.g. `5` for a footnote digit glued to a word. */
	marker: nonEmpty,
	/** Index of the paragraph the marker stood in. */
	paragraph: z.number().int().nonnegative(),
	/** Character offset in that paragraph where the marker stood. */
	offset: z.number().int().nonnegative(),
	/** The note's text when the source gives it; `null` when only the marker survives. */
	text: z.string().nullable(),
});
export type Note = z.infer<typeof noteSchema>;

export const replyLinkSchema = z.strictObject({
	id: nonEmpty,
	/**
	 * `inferred` from the letter's own words, `sequence` from the order of a two-way exchange
	 * (the next letter the other way), or `curated` by hand from a named source.
	 */
	method: z.enum(['inferred', 'sequence', 'curated']),
	/** The words that establish the link, or the reason for a curated link. */
	evidence: nonEmpty,
});
export type ReplyLink = z.infer<typeof replyLinkSchema>;

export const correctionSchema = z.strictObject({
	field: nonEmpty,
	from: z.string(),
	to: z.string(),
	reason: nonEmpty,
});
export type Correction = z.infer<typeof correctionSchema>;

export const letterKindSchema = z.enum(['letter', 'message', 'telegram', 'memorandum', 'report']);
export type LetterKind = z.infer<typeof letterKindSchema>;

export const letterSchema = z.strictObject({
	id: z
		.string()
		.regex(/^[a-z]{2,6}-[a-z0-9-]+$/, 'a letter id is <prefix>-<lower-case words>')
		.max(60),
	collection: id,
	kind: letterKindSchema,
	/** Position in the printed edition, when it has one (e.g. "No. 219"). */
	number: z.string().optional(),
	from: z.array(id).min(1, 'a letter has at least one sender'),
	to: z.array(id).min(1, 'a letter has at least one recipient'),
	/** The sent date at its known precision, or null when no date is known. */
	sent: partialDate.nullable(),
	precision: precisionSchema,
	dateBasis: dateBasisSchema,
	/** Why the date is what it is, when that needs saying. */
	dateNote: z.string().optional(),
	received: isoDay.optional(),
	transmitted: isoDay.optional(),
	/** The last day a letter written over several days was taken up again on (a date line inside the text). */
	continued: isoDay.optional(),
	place: z.string().optional(),
	heading: z.string().optional(),
	classification: z.string().optional(),
	salutation: z.string().optional(),
	/** The body as paragraphs; `null` when the letter is known to exist but its text is not held. */
	body: z.array(nonEmpty).min(1, 'text is claimed but empty (use null for a letter whose text is not held)').nullable(),
	signature: z.string().optional(),
	notes: z.array(noteSchema).default([]),
	/** True when only part of the text is known (a quotation). */
	excerpt: z.boolean().default(false),
	replyTo: z.array(replyLinkSchema).default([]),
	/** Letters closely related without being a reply (e.g. a report on the same meeting). */
	related: z.array(nonEmpty).default([]),
	source: z.strictObject({
		/** A source id from collection.json. */
		id,
		/** Where in the source: a line number, page or item. */
		ref: nonEmpty,
		/** Anything a reader should know about how the text was taken. */
		note: z.string().optional(),
	}),
	corrections: z.array(correctionSchema).default([]),
});
export type Letter = z.infer<typeof letterSchema>;
export type LetterInput = z.input<typeof letterSchema>;

export const lettersFileSchema = z.strictObject({
	format: formatVersion,
	collection: id,
	letters: z.array(z.unknown()),
});

export const timelineEventSchema = z.strictObject({
	date: partialDate,
	precision: precisionSchema.exclude(['unknown']),
	/** One sentence, in our own words. */
	text: nonEmpty.max(240, 'a timeline event is one short sentence'),
	/** Where the fact can be checked: a work, article or archive reference. */
	source: nonEmpty,
	/** Collections the event gives context to; empty means all. */
	collections: z.array(id).default([]),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelineFileSchema = z.strictObject({
	format: formatVersion,
	events: z.array(z.unknown()),
});

function isRealDay(value: string): boolean {
	return isRealPartialDate(value);
}

function isRealPartialDate(value: string): boolean {
	const [y, m, d] = value.split('-').map(Number);
	if (y === undefined || !Number.isInteger(y) || y < 1500 || y > 2100) return false;
	if (m === undefined) return true;
	if (m < 1 || m > 12) return false;
	if (d === undefined) return true;
	return d >= 1 && d <= daysInMonth(y, m);
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
