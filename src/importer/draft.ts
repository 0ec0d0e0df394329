/**
 * A letter as an importer builds it, before ids are given out: it has a `key` unique within one
 * import, and its reply links name other drafts by key.
 */
import { continuationDates } from './text.js';
import type { DateBasis, Letter, LetterKind, Note, Correction, Precision, ReplyLink } from '../core/format.js';

export type Draft = Omit<Letter, 'id'> & { key: string };

export interface DraftInit {
	key: string;
	collection: string;
	kind: LetterKind;
	from: string[];
	to: string[];
	sent: string | null;
	precision: Precision;
	dateBasis: DateBasis;
	dateNote?: string | undefined;
	received?: string | undefined;
	transmitted?: string | undefined;
	place?: string | undefined;
	heading?: string | undefined;
	classification?: string | undefined;
	salutation?: string | undefined;
	body: string[] | null;
	signature?: string | undefined;
	notes?: Note[];
	excerpt?: boolean;
	replyTo?: ReplyLink[];
	related?: string[];
	source: { id: string; ref: string; note?: string | undefined };
	corrections?: Correction[];
	number?: string | undefined;
}

/** Build a draft with every field in the documented order, leaving out absent optional fields, so output is byte-stable. */
export function makeDraft(init: DraftInit): Draft {
	const draft: Draft = {
		key: init.key,
		collection: init.collection,
		kind: init.kind,
		...(init.number === undefined ? {} : { number: init.number }),
		from: init.from,
		to: init.to,
		sent: init.sent,
		precision: init.precision,
		dateBasis: init.dateBasis,
		...(init.dateNote === undefined ? {} : { dateNote: init.dateNote }),
		...(init.received === undefined ? {} : { received: init.received }),
		...(init.transmitted === undefined ? {} : { transmitted: init.transmitted }),
		...continuedField(init),
		...(init.place === undefined ? {} : { place: init.place }),
		...(init.heading === undefined ? {} : { heading: init.heading }),
		...(init.classification === undefined ? {} : { classification: init.classification }),
		...(init.salutation === undefined ? {} : { salutation: init.salutation }),
		body: init.body,
		...(init.signature === undefined ? {} : { signature: init.signature }),
		notes: init.notes ?? [],
		excerpt: init.excerpt ?? false,
		replyTo: init.replyTo ?? [],
		related: init.related ?? [],
		source: {
			id: init.source.id,
			ref: init.source.ref,
			...(init.source.note === undefined ? {} : { note: init.source.note }),
		},
		corrections: init.corrections ?? [],
	};
	return draft;
}

/** The date a draft is best known by: sent, else transmitted, else received. */
export function knownDate(d: Pick<Draft, 'sent' | 'transmitted' | 'received'>): string | undefined {
	return d.sent ?? d.transmitted ?? d.received;
}

/** `continued`, for a letter dated to the day whose text was taken up again on a later day. */
function continuedField(init: Pick<DraftInit, 'sent' | 'precision' | 'body'>): { continued?: string } {
	if (init.body === null || init.sent === null || init.precision !== 'day') return {};
	const last = continuationDates(init.body, init.sent).at(-1)?.date;
	return last !== undefined && last > init.sent ? { continued: last } : {};
}
