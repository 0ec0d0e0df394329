/**
 * The hand-curated file `data/sources/big-three-excerpts.json`: letters quoted in two secondary
 * texts (only the quoted words), placeholders for letters those texts date without quoting, and
 * reply links they make explicit.
 */
import { z } from 'zod';
import { isoDay, partialDate, precisionSchema } from '../../core/format.js';
import { makeDraft, type Draft } from '../draft.js';
import { ImportError } from '../errors.js';

const excerptSchema = z.strictObject({
	key: z.string().min(1),
	placeholder: z.boolean().default(false),
	from: z.array(z.string()).min(1),
	to: z.array(z.string()).min(1),
	sent: partialDate.nullable(),
	precision: precisionSchema,
	dateNote: z.string().optional(),
	received: isoDay.optional(),
	transmitted: isoDay.optional(),
	quotes: z.array(z.string().min(1)).optional(),
	source: z.string(),
	ref: z.string(),
	note: z.string().optional(),
	replyTo: z.array(z.strictObject({ key: z.string(), evidence: z.string() })).default([]),
});

const locatorSchema = z.union([
	z.strictObject({ key: z.string() }),
	z.strictObject({ from: z.string(), to: z.string(), sent: isoDay }),
]);

const excerptsFileSchema = z.strictObject({
	format: z.literal(1),
	about: z.string(),
	excerpts: z.array(excerptSchema),
	links: z.array(z.strictObject({ letter: locatorSchema, replyTo: locatorSchema, evidence: z.string() })),
});

export type Locator = z.infer<typeof locatorSchema>;

export interface CuratedLink {
	letter: Locator;
	replyTo: Locator;
	evidence: string;
}

export interface Curated {
	drafts: Draft[];
	links: CuratedLink[];
}

/** Read the curated file's JSON text into drafts and links. */
export function parseExcerpts(json: string, file: string): Curated {
	const parsed = excerptsFileSchema.safeParse(JSON.parse(json));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new ImportError(file, issue?.path.join('.') ?? '?', issue?.message ?? 'invalid');
	}
	const drafts = parsed.data.excerpts.map((e) => {
		if (!e.placeholder && (e.quotes === undefined || e.quotes.length === 0)) {
			throw new ImportError(
				`${file}:${e.key}`,
				'quotes',
				'an excerpt needs at least one quotation (or "placeholder": true)',
			);
		}
		return makeDraft({
			key: e.key,
			collection: 'big-three',
			kind: 'message',
			from: e.from,
			to: e.to,
			sent: e.sent,
			precision: e.precision,
			dateBasis: 'curated',
			dateNote: e.dateNote,
			received: e.received,
			transmitted: e.transmitted,
			body: e.placeholder ? null : (e.quotes ?? null),
			excerpt: !e.placeholder,
			replyTo: e.replyTo.map((r) => ({ id: r.key, method: 'curated' as const, evidence: r.evidence })),
			source: { id: e.source, ref: e.ref, note: e.note },
		});
	});
	return { drafts, links: parsed.data.links };
}

/** Find the one draft a locator names. */
export function locate(drafts: readonly Draft[], locator: Locator, file: string): Draft {
	const found =
		'key' in locator
			? drafts.filter((d) => d.key === locator.key)
			: drafts.filter((d) => d.from.includes(locator.from) && d.to.includes(locator.to) && d.sent === locator.sent);
	if (found.length !== 1 || found[0] === undefined) {
		throw new ImportError(file, 'links', `${JSON.stringify(locator)} names ${found.length} letters, not exactly one`);
	}
	return found[0];
}
