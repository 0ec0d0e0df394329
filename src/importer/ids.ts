/**
 * Stable letter ids and the final ordering of an imported collection.
 *
 * An id reads `<prefix>-<date>-<senders>-to-<recipients>`, where the date is the sent date at
 * its precision, or `recd-<date>` / `trans-<date>` for a letter known only by when it arrived or
 * was passed on, or `undated`. Letters that would share an id get `-2`, `-3`, ... in order.
 */
import type { Letter } from '../core/format.js';
import { knownDate, type Draft } from './draft.js';

function dateKey(d: Draft): string {
	if (d.sent !== null) return d.sent;
	if (d.transmitted !== undefined) return `trans-${d.transmitted}`;
	if (d.received !== undefined) return `recd-${d.received}`;
	return 'undated';
}

/** Sort drafts by their best-known date, keeping source order among equals. */
export function sortDrafts(drafts: readonly Draft[]): Draft[] {
	return drafts
		.map((d, index) => ({ d, index }))
		.sort((a, b) => {
			const x = knownDate(a.d) ?? '9999';
			const y = knownDate(b.d) ?? '9999';
			return x < y ? -1 : x > y ? 1 : a.index - b.index;
		})
		.map(({ d }) => d);
}

/** Give every draft its id, rewrite reply and related links from keys to ids, and return letters in date order. */
export function finaliseLetters(drafts: readonly Draft[], prefix: string): Letter[] {
	const sorted = sortDrafts(drafts);
	const idOfKey = new Map<string, string>();
	const used = new Map<string, number>();
	for (const d of sorted) {
		const base = `${prefix}-${dateKey(d)}-${d.from.join('-')}-to-${d.to.join('-')}`;
		const n = (used.get(base) ?? 0) + 1;
		used.set(base, n);
		idOfKey.set(d.key, n === 1 ? base : `${base}-${n}`);
	}
	const idOf = (key: string): string => {
		const id = idOfKey.get(key);
		if (id === undefined) throw new Error(`a link names ${key}, which is not in the import`);
		return id;
	};
	return sorted.map((d) => {
		const { key, ...rest } = d;
		return {
			id: idOf(key),
			...rest,
			replyTo: rest.replyTo.map((r) => ({ ...r, id: idOf(r.id) })),
			related: rest.related.map(idOf),
		};
	});
}
