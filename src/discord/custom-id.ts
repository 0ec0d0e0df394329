/**
 * Component state lives in the custom_id of each button and menu, never in memory, so a button
 * keeps working after the bot restarts. The format is versioned and at most 100 characters:
 * `ld2:<tag>:<field>:<field>…`, each field percent-encoded (so `:` never appears inside one).
 *
 * | tag | state | used by |
 * |---|---|---|
 * | `l` | letter id, page | paging a letter; opening a reply or what it answers |
 * | `f` | letter id | "Full text" (.txt) |
 * | `d` | day (`MM-DD` or `YYYY-MM-DD`), letter id or empty, page, collections or empty | `/today` and a daily post's other letters: paging, Previous/Next day |
 * | `ds` | day, collections or empty | the same: the menu of that day's letters |
 * | `t` | focus letter id, index in the thread, page | `/thread`, one letter per page |
 * | `ts` | focus letter id | `/thread`: the menu of the thread's letters |
 * | `r` | year or empty, correspondent or empty, collection or empty | `/random`: Another |
 * | `ss` | — | `/search`: the menu of results |
 * | `wp` | — | `/who`: the menu of matching people |
 * | `wl` | person key (`collection/id`) | `/who`: the menu of their letters |
 * | `_` | n | disabled buttons (page indicator), never pressed |
 *
 * `ld2` added the collection field to `d`, `ds` and `r`, so a `/today` or `/random` used with a
 * collection keeps to it. In `d` and `ds` it may name several collections, joined by `.`: one is
 * written by its id, several by their id prefixes (`bt.ad`), which fit beside the longest letter
 * id. `ld1` ids, on messages posted before, still decode (with no collection); every other tag is
 * the same in both.
 */
export const CUSTOM_ID_VERSION = 'ld2';

/** The version before {@link CUSTOM_ID_VERSION}, still decoded. */
export const LEGACY_CUSTOM_ID_VERSION = 'ld1';

/** Discord's limit on a custom_id. */
export const CUSTOM_ID_MAX = 100;

/** The state a component carries. */
export type ComponentState =
	| { readonly kind: 'letter'; readonly id: string; readonly page: number }
	| { readonly kind: 'full-text'; readonly id: string }
	| {
			readonly kind: 'day';
			readonly day: string;
			readonly id: string;
			readonly page: number;
			/** Only letters of these collections (ids, or id prefixes; see the module comment); all when absent. */
			readonly collections?: readonly string[];
	  }
	| { readonly kind: 'day-menu'; readonly day: string; readonly collections?: readonly string[] }
	| { readonly kind: 'thread'; readonly focus: string; readonly index: number; readonly page: number }
	| { readonly kind: 'thread-menu'; readonly focus: string }
	| {
			readonly kind: 'random';
			readonly year: number | undefined;
			readonly from: string;
			readonly collection?: string;
	  }
	| { readonly kind: 'search-menu' }
	| { readonly kind: 'who-people' }
	| { readonly kind: 'who-letters'; readonly person: string }
	| { readonly kind: 'inert'; readonly n: number };

function fields(state: ComponentState): [string, ...(string | number)[]] {
	switch (state.kind) {
		case 'letter':
			return ['l', state.id, state.page];
		case 'full-text':
			return ['f', state.id];
		case 'day':
			return ['d', state.day, state.id, state.page, state.collections?.join('.') ?? ''];
		case 'day-menu':
			return ['ds', state.day, state.collections?.join('.') ?? ''];
		case 'thread':
			return ['t', state.focus, state.index, state.page];
		case 'thread-menu':
			return ['ts', state.focus];
		case 'random':
			return ['r', state.year ?? '', state.from, state.collection ?? ''];
		case 'search-menu':
			return ['ss'];
		case 'who-people':
			return ['wp'];
		case 'who-letters':
			return ['wl', state.person];
		case 'inert':
			return ['_', state.n];
	}
}

function build(state: ComponentState): string {
	return [CUSTOM_ID_VERSION, ...fields(state).map((f) => encodeURIComponent(String(f)))].join(':');
}

/** True when the state fits in a custom_id (user-typed filters may not). */
export function fitsCustomId(state: ComponentState): boolean {
	return build(state).length <= CUSTOM_ID_MAX;
}

/**
 * Encode component state as a custom_id.
 *
 * @throws RangeError when it would exceed {@link CUSTOM_ID_MAX}; check {@link fitsCustomId} for user text.
 */
export function encodeCustomId(state: ComponentState): string {
	const id = build(state);
	if (id.length > CUSTOM_ID_MAX) throw new RangeError(`custom_id of ${id.length} characters: ${id.slice(0, 40)}…`);
	return id;
}

function count(text: string | undefined): number | undefined {
	return text !== undefined && /^\d{1,4}$/.test(text) ? Number(text) : undefined;
}

function decodeField(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}

/** `{ collection }` for a non-empty field, else nothing (no filter). */
function collectionField(text: string | undefined): { collection?: string } {
	return text === undefined || text === '' ? {} : { collection: text };
}

/** `{ collections }` for a non-empty field (one or several, joined by `.`), else nothing (no filter). */
function collectionsField(text: string | undefined): { collections?: readonly string[] } {
	return text === undefined || text === '' ? {} : { collections: text.split('.') };
}

/**
 * Decode a custom_id, of this version or of {@link LEGACY_CUSTOM_ID_VERSION}. Undefined for ids
 * of another version or shape (a button from a release too old, or one that was never ours).
 */
export function decodeCustomId(customId: string): ComponentState | undefined {
	const raw = customId.split(':');
	if (raw[0] !== CUSTOM_ID_VERSION && raw[0] !== LEGACY_CUSTOM_ID_VERSION) return undefined;
	const parts = raw.slice(1).map(decodeField);
	if (parts.some((p) => p === undefined)) return undefined;
	// The tags that carry a collection have one field more since ld2.
	const filtered = raw[0] === CUSTOM_ID_VERSION ? 1 : 0;
	const [tag, a, b, c] = parts;
	const n = parts.length;
	switch (tag) {
		case 'l': {
			const page = count(b);
			return n === 3 && a && page !== undefined ? { kind: 'letter', id: a, page } : undefined;
		}
		case 'f':
			return n === 2 && a ? { kind: 'full-text', id: a } : undefined;
		case 'd': {
			const page = count(c);
			return n === 4 + filtered && a && b !== undefined && page !== undefined
				? { kind: 'day', day: a, id: b, page, ...collectionsField(parts[4]) }
				: undefined;
		}
		case 'ds':
			return n === 2 + filtered && a ? { kind: 'day-menu', day: a, ...collectionsField(b) } : undefined;
		case 't': {
			const index = count(b);
			const page = count(c);
			return n === 4 && a && index !== undefined && page !== undefined
				? { kind: 'thread', focus: a, index, page }
				: undefined;
		}
		case 'ts':
			return n === 2 && a ? { kind: 'thread-menu', focus: a } : undefined;
		case 'r': {
			if (n !== 3 + filtered || a === undefined || b === undefined) return undefined;
			const year = a === '' ? undefined : count(a);
			return a !== '' && year === undefined ? undefined : { kind: 'random', year, from: b, ...collectionField(c) };
		}
		case 'ss':
			return n === 1 ? { kind: 'search-menu' } : undefined;
		case 'wp':
			return n === 1 ? { kind: 'who-people' } : undefined;
		case 'wl':
			return n === 2 && a ? { kind: 'who-letters', person: a } : undefined;
		case '_': {
			const k = count(a);
			return n === 2 && k !== undefined ? { kind: 'inert', n: k } : undefined;
		}
		default:
			return undefined;
	}
}
