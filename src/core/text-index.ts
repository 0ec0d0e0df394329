/**
 * A compact full-text index: for every term, the documents that hold it in each field, kept in
 * typed arrays, and ranked with BM25+ as MiniSearch ranks (the same tokens, field lengths, prefix
 * and fuzzy weights and parameters), so the bot's search keeps MiniSearch's order of results.
 *
 * Two things differ on purpose, to keep a query's cost bounded as the corpus grows: a half-typed
 * word expands to the completions that can count most, no more than {@link MAX_COMPLETIONS} and
 * no more once they hold {@link COMPLETION_POSTINGS} postings (MiniSearch reads them all), and
 * when every word must match, the rarest word is read first and the others are only looked up
 * for the documents it found. Only the best `limit` hits are kept. (And a word given twice counts
 * once, where MiniSearch counts it twice.)
 */
import { lowerBound } from './corpus.js';

/** Where MiniSearch splits text into tokens: spaces, line breaks and punctuation. */
const TOKEN_SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;

// BM25+ as MiniSearch computes it (k, b and d are its defaults), and its weights for a term found
// by prefix or by one typo.
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** At most this many completions of a half-typed word are searched. */
export const MAX_COMPLETIONS = 200;
/** Completions stop being added once they hold this many postings (the first chosen is always added). */
export const COMPLETION_POSTINGS = 50_000;
/** A half-typed word with more completions than this takes the shortest of them. */
const COMPLETION_SCAN = 1_000;
/** Terms shorter than this are not found by a typo (query words of five letters or more tolerate one). */
const SHORTEST_TYPO_TARGET = 4;

/**
 * A copy of `text` that keeps nothing else alive. V8 keeps a string of 13 characters or more cut
 * from a longer one as a view of it, so a term cut from a letter would hold the whole text.
 */
export function detached(text: string): string {
	return text.length < 13 ? text : text.split('').join('');
}

/** A Uint32Array that grows as values are pushed. */
class Growable {
	data = new Uint32Array(1024);
	length = 0;

	push(value: number): number {
		if (this.length === this.data.length) {
			const next = new Uint32Array(this.data.length * 2);
			next.set(this.data);
			this.data = next;
		}
		this.data[this.length] = value;
		return this.length++;
	}
}

/** One character that separates tokens, as {@link TOKEN_SEPARATORS} matches a run of them. */
const SEPARATOR = /[\n\r\p{Z}\p{P}]/u;
const ASCII_SEPARATORS = Uint8Array.from({ length: 128 }, (_, c) => (SEPARATOR.test(String.fromCharCode(c)) ? 1 : 0));
const otherSeparators = new Map<number, boolean>();

function isSeparator(codePoint: number): boolean {
	if (codePoint < 128) return ASCII_SEPARATORS[codePoint] === 1;
	let separates = otherSeparators.get(codePoint);
	if (separates === undefined) {
		separates = SEPARATOR.test(String.fromCodePoint(codePoint));
		otherSeparators.set(codePoint, separates);
	}
	return separates;
}

const HASH_START = 0x811c9dc5;
const HASH_STEP = 0x01000193;

/**
 * Call `visit` with where each token of `text` starts and ends and a hash of it, exactly the tokens
 * `text.split(TOKEN_SEPARATORS)` gives (an empty one where the text starts or ends with a
 * separator, or is empty), without making a string of each.
 */
function forEachToken(text: string, visit: (start: number, end: number, hash: number) => void): void {
	let start = 0;
	let hash = HASH_START;
	let i = 0;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		const point = code < 0xd800 ? code : (text.codePointAt(i) ?? code);
		const width = point > 0xffff ? 2 : 1;
		if (!isSeparator(point)) {
			for (let k = 0; k < width; k++) hash = Math.imul(hash ^ text.charCodeAt(i + k), HASH_STEP);
			i += width;
			continue;
		}
		visit(start, i, hash >>> 0);
		i += width;
		while (i < text.length) {
			const next = text.codePointAt(i) ?? 0;
			if (!isSeparator(next)) break;
			i += next > 0xffff ? 2 : 1;
		}
		start = i;
		hash = HASH_START;
	}
	visit(start, text.length, hash >>> 0);
}

/** The hash {@link TokenTable} files `text[start..end)` under. */
export function hashRange(text: string, start: number, end: number): number {
	let hash = HASH_START;
	for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), HASH_STEP);
	return hash >>> 0;
}

/**
 * Token ids by their text, found from a slice of a longer text without making a string of it (open
 * addressing). Hash a slice with {@link hashRange}.
 */
export class TokenTable {
	private slots = new Int32Array(1 << 12).fill(-1);
	private readonly tokens: string[] = [];
	private readonly hashes = new Growable();

	/** The id of `text[start..end)`, or -1. */
	find(text: string, start: number, end: number, hash: number): number {
		const mask = this.slots.length - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const id = this.slots[slot] ?? -1;
			if (id < 0) return -1;
			if (this.hashes.data[id] !== hash) continue;
			const token = this.tokens[id] ?? '';
			if (token.length !== end - start) continue;
			let same = true;
			for (let k = 0; k < token.length && same; k++) same = token.charCodeAt(k) === text.charCodeAt(start + k);
			if (same) return id;
		}
	}

	/** Add a token not in the table; its id. */
	add(token: string, hash: number): number {
		const id = this.tokens.length;
		this.tokens.push(token);
		this.hashes.push(hash);
		if (this.tokens.length * 2 > this.slots.length) this.grow();
		else this.place(id, hash);
		return id;
	}

	private place(id: number, hash: number): void {
		const mask = this.slots.length - 1;
		let slot = hash & mask;
		while ((this.slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
		this.slots[slot] = id;
	}

	private grow(): void {
		this.slots = new Int32Array(this.slots.length * 2).fill(-1);
		this.tokens.forEach((_, id) => this.place(id, this.hashes.data[id] ?? 0));
	}
}

/** The postings of one field. */
interface FieldPostings {
	/** The documents holding the term of sorted rank `t` are `docs[offsets[t]]` up to `docs[offsets[t + 1]]`, ascending. */
	readonly offsets: Uint32Array;
	readonly docs: Uint32Array;
	/** How often the term occurs in that document's field, beside each entry of `docs`. */
	readonly freqs: Uint8Array | Uint16Array | Uint32Array;
	/** Per document, how many distinct tokens the field has (what MiniSearch calls its length). */
	readonly lengths: Uint32Array;
	readonly averageLength: number;
	readonly boost: number;
}

/** Reused between queries so that a query allocates little; a stamp marks what the current query touched. */
interface Scratch {
	readonly score: Float64Array;
	readonly matched: Uint16Array;
	readonly seen: Uint32Array;
	readonly seenTerm: Uint32Array;
	stamp: number;
}

/** The index; build it once with {@link buildTextIndex}. */
export interface TextIndex {
	readonly documentCount: number;
	/** Every indexed term, sorted by code unit. */
	readonly terms: readonly string[];
	/** A term's place in {@link TextIndex.terms}. */
	readonly ranks: ReadonlyMap<string, number>;
	/** The ranks of the terms by length, in sorted order within each length. */
	readonly byLength: Uint32Array;
	/** Where each length begins in {@link TextIndex.byLength}: terms of length `n` are at `lengthStarts[n]` up to `lengthStarts[n + 1]`. */
	readonly lengthStarts: Uint32Array;
	/**
	 * The terms (of {@link SHORTEST_TYPO_TARGET} characters or more) by a hash of each of their
	 * one-letter deletions and of themselves: two terms are one typo apart only if they share one of
	 * these, so a query word's typos are found by looking up its own few.
	 */
	readonly deletions: { readonly offsets: Uint32Array; readonly ranks: Uint32Array; readonly mask: number };
	readonly fields: readonly FieldPostings[];
	readonly processTerm: (token: string) => string | null;
	readonly scratch: Scratch;
}

/** A field to index: its boost, and its text for each document. */
export interface TextField {
	readonly boost: number;
	readonly text: (doc: number) => string;
}

/**
 * Index `documentCount` documents, numbered from 0, by their fields' text. `processTerm` turns a
 * token into the term to index, or null to skip it; it is run once per distinct token.
 */
export function buildTextIndex(
	documentCount: number,
	fields: readonly TextField[],
	processTerm: (token: string) => string | null,
): TextIndex {
	// Each distinct token is processed once: the id of its term plus one, or 0 when it is skipped.
	const tokenIds = new TokenTable();
	const tokenTerm = new Growable();
	const tokenSeen = new Growable();
	const termIds = new Map<string, number>();
	const termList: string[] = [];
	const termSeen = new Growable();
	const termSlot = new Growable();
	let stamp = 0;
	const collected = fields.map(() => ({
		term: new Growable(),
		doc: new Growable(),
		freq: new Growable(),
		lengths: new Uint32Array(documentCount),
	}));
	for (let doc = 0; doc < documentCount; doc++) {
		fields.forEach((field, f) => {
			const into = collected[f];
			if (into === undefined) return;
			stamp++;
			let distinct = 0;
			const text = field.text(doc);
			forEachToken(text, (start, end, hash) => {
				let id = tokenIds.find(text, start, end, hash);
				if (id < 0) {
					const token = text.slice(start, end);
					id = tokenIds.add(token, hash);
					tokenSeen.push(0);
					const term = processTerm(token);
					let termId = term === null ? undefined : termIds.get(term);
					if (term !== null && termId === undefined) {
						termId = termList.length;
						const kept = detached(term);
						termIds.set(kept, termId);
						termList.push(kept);
						termSeen.push(0);
						termSlot.push(0);
					}
					tokenTerm.push(termId === undefined ? 0 : termId + 1);
				}
				if (tokenSeen.data[id] !== stamp) {
					tokenSeen.data[id] = stamp;
					distinct++;
				}
				const termId = (tokenTerm.data[id] ?? 0) - 1;
				if (termId < 0) return;
				if (termSeen.data[termId] === stamp) {
					const slot = termSlot.data[termId] ?? 0;
					into.freq.data[slot] = (into.freq.data[slot] ?? 0) + 1;
				} else {
					termSeen.data[termId] = stamp;
					termSlot.data[termId] = into.term.push(termId);
					into.doc.push(doc);
					into.freq.push(1);
				}
			});
			into.lengths[doc] = distinct;
		});
	}
	const order = termList.map((_, i) => i).sort((a, b) => ((termList[a] ?? '') < (termList[b] ?? '') ? -1 : 1));
	const rankOf = new Uint32Array(termList.length);
	order.forEach((termId, rank) => (rankOf[termId] = rank));
	const terms = order.map((termId) => termList[termId] ?? '');
	let longest = 0;
	for (const term of terms) longest = Math.max(longest, term.length);
	const lengthStarts = new Uint32Array(longest + 2);
	for (const term of terms) lengthStarts[term.length + 1] = (lengthStarts[term.length + 1] ?? 0) + 1;
	for (let n = 0; n <= longest; n++) lengthStarts[n + 1] = (lengthStarts[n + 1] ?? 0) + (lengthStarts[n] ?? 0);
	const byLength = new Uint32Array(terms.length);
	const nextOfLength = lengthStarts.slice();
	terms.forEach((term, rank) => {
		const at = nextOfLength[term.length] ?? 0;
		nextOfLength[term.length] = at + 1;
		byLength[at] = rank;
	});
	return {
		documentCount,
		terms,
		ranks: new Map(terms.map((term, rank) => [term, rank])),
		byLength,
		lengthStarts,
		deletions: deletionTable(terms),
		fields: collected.map((c, f) => postingsOf(c, rankOf, terms.length, fields[f]?.boost ?? 1)),
		processTerm,
		scratch: {
			score: new Float64Array(documentCount),
			matched: new Uint16Array(documentCount),
			seen: new Uint32Array(documentCount),
			seenTerm: new Uint32Array(documentCount),
			stamp: 0,
		},
	};
}

/** Group one field's postings by term rank; documents were added in order, so each list is ascending. */
function postingsOf(
	c: { term: Growable; doc: Growable; freq: Growable; lengths: Uint32Array },
	rankOf: Uint32Array,
	termCount: number,
	boost: number,
): FieldPostings {
	const offsets = new Uint32Array(termCount + 1);
	for (let p = 0; p < c.term.length; p++) {
		const rank = rankOf[c.term.data[p] ?? 0] ?? 0;
		offsets[rank + 1] = (offsets[rank + 1] ?? 0) + 1;
	}
	for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t + 1] ?? 0) + (offsets[t] ?? 0);
	const next = offsets.slice(0, termCount);
	const docs = new Uint32Array(c.term.length);
	// Counts take the narrowest array that holds the largest: nearly always a byte.
	let most = 0;
	for (let p = 0; p < c.freq.length; p++) most = Math.max(most, c.freq.data[p] ?? 0);
	const freqs =
		most <= 0xff
			? new Uint8Array(c.term.length)
			: most <= 0xffff
				? new Uint16Array(c.term.length)
				: new Uint32Array(c.term.length);
	for (let p = 0; p < c.term.length; p++) {
		const rank = rankOf[c.term.data[p] ?? 0] ?? 0;
		const at = next[rank] ?? 0;
		next[rank] = at + 1;
		docs[at] = c.doc.data[p] ?? 0;
		freqs[at] = c.freq.data[p] ?? 0;
	}
	let total = 0;
	for (const length of c.lengths) total += length;
	return {
		offsets,
		docs,
		freqs,
		lengths: c.lengths,
		averageLength: c.lengths.length === 0 ? 0 : total / c.lengths.length,
		boost,
	};
}

/** An indexed term a query word matches, and how much a match of it counts. */
interface Expansion {
	readonly rank: number;
	readonly weight: number;
}

/** One distinct word of a query, with the terms it matches. */
interface QueryWord {
	readonly expansions: readonly Expansion[];
	/** How many postings its terms have in all: what reading it costs. */
	readonly postings: number;
}

function postingsOfRank(index: TextIndex, rank: number): number {
	let total = 0;
	for (const f of index.fields) total += (f.offsets[rank + 1] ?? 0) - (f.offsets[rank] ?? 0);
	return total;
}

/** The first place in `byLength[from..to)` whose term is not less than `key`. */
function lowerInLength(index: TextIndex, from: number, to: number, key: string): number {
	let lo = from;
	let hi = to;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((index.terms[index.byLength[mid] ?? 0] ?? '') < key) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

// Above every character of the terms: a key followed by it sorts after every term beginning with the key.
const HIGHEST = '\uffff';

/** How much a match of a completion can add to a document's score, per unit of BM25's term frequency part. */
function completionWeight(index: TextIndex, rank: number, typed: number): number {
	const length = (index.terms[rank] ?? '').length;
	return (PREFIX_WEIGHT * length) / (length + 0.3 * (length - typed));
}

/**
 * The completions of a half-typed word that count most. When there are not too many, they are
 * taken in order of what a match of each can add to a score (its weight times its rarity), the
 * rare ones cheap to read, until their postings reach {@link COMPLETION_POSTINGS}: the ones left
 * out are common words, which score little. A word of a letter or two has thousands: then the
 * shortest are taken, read length by length.
 */
function completions(index: TextIndex, term: string, budget: number): Expansion[] {
	const { terms, byLength, lengthStarts } = index;
	const first = lowerBound(terms, term);
	const end = lowerBound(terms, term + HIGHEST);
	let ranks: Iterable<number>;
	if (end - first <= COMPLETION_SCAN) {
		const n = index.documentCount;
		const worth = (rank: number): number => {
			const df = postingsOfRank(index, rank);
			return completionWeight(index, rank, term.length) * Math.log(1 + (n - df + 0.5) / (df + 0.5));
		};
		ranks = Array.from({ length: end - first }, (_, i) => first + i)
			.map((rank) => ({ rank, worth: worth(rank) }))
			.sort((a, b) => b.worth - a.worth || a.rank - b.rank)
			.map((c) => c.rank);
	} else {
		ranks = (function* () {
			for (let length = term.length + 1; length + 1 < lengthStarts.length; length++) {
				const from = lengthStarts[length] ?? 0;
				const to = lengthStarts[length + 1] ?? 0;
				const stop = lowerInLength(index, from, to, term + HIGHEST);
				for (let i = lowerInLength(index, from, to, term); i < stop; i++) yield byLength[i] ?? 0;
			}
		})();
	}
	const out: Expansion[] = [];
	let postings = 0;
	let examined = 0;
	for (const rank of ranks) {
		if (out.length >= MAX_COMPLETIONS || (out.length > 0 && postings >= budget) || examined++ >= COMPLETION_SCAN) break;
		if ((terms[rank] ?? '').length === term.length) continue;
		// One that would overrun the budget is left out, unless it is the first.
		const more = postingsOfRank(index, rank);
		if (out.length > 0 && postings + more > budget) continue;
		out.push({ rank, weight: completionWeight(index, rank, term.length) });
		postings += more;
	}
	return out;
}

/** A 32-bit hash of `term` without the character at `skip` (FNV-1a over code units; -1 skips none). */
function hashWithout(term: string, skip: number): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < term.length; i++) {
		if (i === skip) continue;
		hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
	}
	return hash >>> 0;
}

/** The hashes a term is filed under: itself and each distinct one-letter deletion of it. */
function deletionHashes(term: string, visit: (hash: number) => void): void {
	visit(hashWithout(term, -1));
	for (let i = 0; i < term.length; i++) {
		// Deleting either of two equal neighbours gives the same word.
		if (i > 0 && term.charCodeAt(i) === term.charCodeAt(i - 1)) continue;
		visit(hashWithout(term, i));
	}
}

function deletionTable(terms: readonly string[]): TextIndex['deletions'] {
	let entries = 0;
	for (const term of terms) if (term.length >= SHORTEST_TYPO_TARGET) deletionHashes(term, () => entries++);
	let buckets = 1;
	while (buckets * 2 < entries) buckets *= 2;
	const mask = buckets - 1;
	const offsets = new Uint32Array(buckets + 1);
	for (const term of terms) {
		if (term.length < SHORTEST_TYPO_TARGET) continue;
		deletionHashes(term, (hash) => {
			const b = (hash & mask) + 1;
			offsets[b] = (offsets[b] ?? 0) + 1;
		});
	}
	for (let b = 0; b < buckets; b++) offsets[b + 1] = (offsets[b + 1] ?? 0) + (offsets[b] ?? 0);
	const next = offsets.slice(0, buckets);
	const ranks = new Uint32Array(entries);
	terms.forEach((term, rank) => {
		if (term.length < SHORTEST_TYPO_TARGET) return;
		deletionHashes(term, (hash) => {
			const b = hash & mask;
			const at = next[b] ?? 0;
			next[b] = at + 1;
			ranks[at] = rank;
		});
	});
	return { offsets, ranks, mask };
}

/** True when `a` becomes `b` by at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
	let j = a.length - 1;
	let k = b.length - 1;
	while (j >= i && k >= i && a.charCodeAt(j) === b.charCodeAt(k)) {
		j--;
		k--;
	}
	// What is left between the common start and the common end is the edit: at most one character on each side.
	return j - i < 1 && k - i < 1;
}

/**
 * Indexed terms one insertion, deletion or substitution away from `term`: those filed under one
 * of the hashes of `term` and its deletions, checked one by one.
 */
function oneTypoAway(index: TextIndex, term: string, skip: (candidate: string) => boolean): Expansion[] {
	const { terms, deletions } = index;
	const ranks = new Set<number>();
	deletionHashes(term, (hash) => {
		const b = hash & deletions.mask;
		for (let e = deletions.offsets[b] ?? 0; e < (deletions.offsets[b + 1] ?? 0); e++) {
			const rank = deletions.ranks[e] ?? 0;
			const candidate = terms[rank] ?? '';
			if (candidate !== term && withinOneEdit(term, candidate) && !skip(candidate)) ranks.add(rank);
		}
	});
	return [...ranks].map((rank) => {
		const length = (terms[rank] ?? '').length;
		return { rank, weight: (FUZZY_WEIGHT * length) / (length + 1) };
	});
}

/** How each word of a query may match. */
export interface WordMatching {
	/** The last word may be half-typed: also match terms that begin with it. */
	readonly prefix: boolean;
	/** Words of this length or more also match terms one typo away; 0 for never. */
	readonly fuzzyFrom: number;
	/** The completions of a half-typed word stop at about this many postings (default {@link COMPLETION_POSTINGS}). */
	readonly completionPostings?: number;
}

/** Options of {@link queryTextIndex}. */
export interface TextQuery extends WordMatching {
	/** `AND`: only documents holding every word; `OR`: any word, more words scoring higher. */
	readonly combineWith: 'AND' | 'OR';
	/** At most this many hits, best first. */
	readonly limit: number;
	/** Only documents for which this holds (it is called at most once per posting read). */
	readonly allow?: (doc: number) => boolean;
	/**
	 * Stop after reading this many postings to find candidates (all words' with OR, the rarest
	 * word's with AND): the documents beyond are left out. For autocomplete, where some matching
	 * documents will do; by default every posting is read.
	 */
	readonly readPostings?: number;
	/** Leave out each hit's matched terms (default false). */
	readonly withoutTerms?: boolean;
}

/** One hit of {@link queryTextIndex}. */
export interface TextHit {
	readonly doc: number;
	readonly score: number;
	/** The indexed terms it holds, of those the query matched. */
	readonly terms: readonly string[];
}

/** The distinct words of a query, processed as the text was, with the terms each matches. */
function queryWords(index: TextIndex, query: string, matching: WordMatching): QueryWord[] {
	const processed = query
		.split(TOKEN_SEPARATORS)
		.map((token) => index.processTerm(token))
		.filter((term) => term !== null);
	const words = new Map<string, { prefix: boolean; fuzzy: boolean }>();
	processed.forEach((term, i) => {
		const prefix = matching.prefix && i === processed.length - 1;
		const fuzzy = matching.fuzzyFrom > 0 && term.length >= matching.fuzzyFrom;
		const before = words.get(term);
		words.set(term, { prefix: prefix || (before?.prefix ?? false), fuzzy: fuzzy || (before?.fuzzy ?? false) });
	});
	return [...words].map(([term, { prefix, fuzzy }]) => {
		const exact = index.ranks.get(term);
		const expansions: Expansion[] = exact === undefined ? [] : [{ rank: exact, weight: 1 }];
		if (prefix) expansions.push(...completions(index, term, matching.completionPostings ?? COMPLETION_POSTINGS));
		if (fuzzy) expansions.push(...oneTypoAway(index, term, (c) => prefix && c.startsWith(term)));
		let postings = 0;
		for (const e of expansions) postings += postingsOfRank(index, e.rank);
		return { expansions, postings };
	});
}

/** The position of `doc` in `docs[from..to)`, or -1. */
function find(docs: Uint32Array, from: number, to: number, doc: number): number {
	let lo = from;
	let hi = to;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		const at = docs[mid] ?? 0;
		if (at < doc) lo = mid + 1;
		else if (at > doc) hi = mid;
		else return mid;
	}
	return -1;
}

/** A new stamp: marks left with an older stamp count as unmarked. */
function nextStamp(scratch: Scratch): number {
	return ++scratch.stamp;
}

/** Clear the marks well before the stamps would overflow (a query takes one stamp per word and one more). */
function renewStamps(scratch: Scratch): void {
	if (scratch.stamp < 0xffff0000) return;
	scratch.seen.fill(0);
	scratch.seenTerm.fill(0);
	scratch.stamp = 0;
}

/**
 * Search the index: BM25+ over the fields with their boosts, a word's completions and one-typo
 * variants counting less than the word itself, and the sum multiplied by how many of the query's
 * words a document holds. The best `limit` hits, best first; equal scores in document order.
 */
export function queryTextIndex(index: TextIndex, query: string, options: TextQuery): TextHit[] {
	const words = queryWords(index, query, options);
	if (words.length === 0 || options.limit <= 0) return [];
	const { scratch } = index;
	renewStamps(scratch);
	const { score, matched, seen, seenTerm } = scratch;
	const allow = options.allow;
	const n = index.documentCount;
	const and = options.combineWith === 'AND';
	// With AND, the rarest word finds the candidates and the others only confirm them.
	const reading = and ? [...words].sort((a, b) => a.postings - b.postings) : words;
	if (and && reading.some((w) => w.expansions.length === 0)) return [];
	const queryStamp = nextStamp(scratch);
	let candidates: number[] = [];
	let unread = options.readPostings ?? Infinity;
	reading.forEach((word, w) => {
		const wordStamp = nextStamp(scratch);
		const add = (doc: number, points: number): void => {
			score[doc] = (score[doc] ?? 0) + points;
			if (seenTerm[doc] !== wordStamp) {
				seenTerm[doc] = wordStamp;
				matched[doc] = (matched[doc] ?? 0) + 1;
			}
		};
		const confirming = and && w > 0;
		if (confirming && candidates.length === 0) return;
		for (const { rank, weight } of word.expansions) {
			for (const field of index.fields) {
				const from = field.offsets[rank] ?? 0;
				const to = field.offsets[rank + 1] ?? 0;
				if (to === from) continue;
				const df = to - from;
				const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
				const factor = weight * field.boost * idf;
				const norm = K * (1 - B);
				const perLength = (K * B) / (field.averageLength || 1);
				const points = (p: number, doc: number): number => {
					const tf = field.freqs[p] ?? 0;
					return factor * (D + (tf * (K + 1)) / (tf + norm + perLength * (field.lengths[doc] ?? 0)));
				};
				if (confirming && candidates.length * (Math.log2(df) + 1) < df) {
					// Few candidates against a long list: look each one up.
					for (const doc of candidates) {
						const p = find(field.docs, from, to, doc);
						if (p >= 0) add(doc, points(p, doc));
					}
					continue;
				}
				// Reading to find candidates stops when the budget is spent.
				const stop = confirming ? to : Math.min(to, from + Math.max(0, unread));
				if (!confirming) unread -= stop - from;
				for (let p = from; p < stop; p++) {
					const doc = field.docs[p] ?? 0;
					if (confirming) {
						if (seen[doc] !== queryStamp || (matched[doc] ?? 0) < w) continue;
					} else if (seen[doc] !== queryStamp) {
						if (allow !== undefined && !allow(doc)) continue;
						seen[doc] = queryStamp;
						score[doc] = 0;
						matched[doc] = 0;
						candidates.push(doc);
					}
					add(doc, points(p, doc));
				}
			}
		}
		if (confirming) candidates = candidates.filter((doc) => seenTerm[doc] === wordStamp);
	});
	const best = topHits(candidates, (doc) => (score[doc] ?? 0) * (matched[doc] ?? 0), options.limit);
	return best.map((doc) => ({
		doc,
		score: (score[doc] ?? 0) * (matched[doc] ?? 0),
		terms: options.withoutTerms === true ? [] : termsOf(index, words, doc),
	}));
}

/** The `limit` documents of highest score, best first, equal scores in document order. */
function topHits(docs: readonly number[], scoreOf: (doc: number) => number, limit: number): number[] {
	const best: number[] = [];
	const scores: number[] = [];
	for (const doc of docs) {
		const s = scoreOf(doc);
		if (best.length >= limit) {
			const last = scores[limit - 1] ?? 0;
			if (s < last || (s === last && doc > (best[limit - 1] ?? 0))) continue;
		}
		let at = best.length;
		while (at > 0 && ((scores[at - 1] ?? 0) < s || ((scores[at - 1] ?? 0) === s && (best[at - 1] ?? 0) > doc))) at--;
		best.splice(at, 0, doc);
		scores.splice(at, 0, s);
		if (best.length > limit) {
			best.length = limit;
			scores.length = limit;
		}
	}
	return best;
}

/** The matched terms a document holds, in the query's order. */
function termsOf(index: TextIndex, words: readonly QueryWord[], doc: number): string[] {
	const found: string[] = [];
	for (const word of words) {
		for (const { rank } of word.expansions) {
			const term = index.terms[rank] ?? '';
			if (found.includes(term)) continue;
			if (index.fields.some((f) => find(f.docs, f.offsets[rank] ?? 0, f.offsets[rank + 1] ?? 0, doc) >= 0))
				found.push(term);
		}
	}
	return found;
}
