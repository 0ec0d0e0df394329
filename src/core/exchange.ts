/**
 * Exchanges: a letter with what it answers and what answered it, and a random exchange.
 */
import {
	compareLetters,
	findCorrespondent,
	getLetter,
	isPlaceholder,
	personKey,
	type Corpus,
	type CorpusPerson,
	type ReplyPair,
} from './corpus.js';
import { letterYear } from './dates.js';
import type { Letter } from './format.js';
import { fail, ok, type Result } from './result.js';
import { pickIndex, type Rng } from './rng.js';

/** A letter with the letters it replies to and the letters that reply to it, each in date order. */
export interface Exchange {
	readonly letter: Letter;
	readonly replyTo: readonly Letter[];
	readonly repliedBy: readonly Letter[];
}

/** The letters a letter replies to, in date order (links to letters not in the corpus are skipped). */
export function repliesToOf(corpus: Corpus, letter: Letter): readonly Letter[] {
	return letter.replyTo
		.map((link) => corpus.byId.get(link.id))
		.filter((l): l is Letter => l !== undefined)
		.sort((a, b) => compareLetters(corpus, a, b));
}

/** The letters that reply to a letter, in date order. */
export function repliedByOf(corpus: Corpus, letter: Letter): readonly Letter[] {
	return corpus.repliedBy.get(letter.id) ?? [];
}

/** The exchange around a letter, by id. */
export function exchangeFor(corpus: Corpus, id: string): Result<Exchange, 'unknown-letter'> {
	const found = getLetter(corpus, id);
	if (!found.ok) return found;
	const letter = found.value;
	return ok({ letter, replyTo: repliesToOf(corpus, letter), repliedBy: repliedByOf(corpus, letter) });
}

/** Filters for {@link randomExchange}. */
export interface RandomExchangeOptions {
	/** A correspondent on either side: person id, short name, name or alias, any case. */
	readonly correspondent?: string;
	/** A year either letter belongs to. */
	readonly year?: number;
	/** Only exchanges of this collection (by id). */
	readonly collection?: string;
}

/** A letter and one reply to it, chosen at random. */
export interface RandomExchange extends ReplyPair {
	/** True when both letters' texts are held (full text or excerpt). */
	readonly bothHaveText: boolean;
	/** How many pairs matched the filters, and how many of them have both texts. */
	readonly candidates: { readonly total: number; readonly withText: number };
	/** Said when no pair with both texts matched and a pair with a placeholder was chosen instead. */
	readonly note?: string;
}

function filterLabel(options: RandomExchangeOptions): string {
	const parts = [
		options.correspondent === undefined ? undefined : `with ${options.correspondent.trim()}`,
		options.year === undefined ? undefined : `in ${options.year}`,
		options.collection === undefined ? undefined : `in the ${options.collection} collection`,
	].filter((p) => p !== undefined);
	return parts.length === 0 ? '' : ` ${parts.join(' ')}`;
}

/** Some of {@link Corpus.replyPairs}: `count` of them, the `i`th read with `pair(i)`, in the corpus's order. */
interface PairList {
	readonly count: number;
	pair(i: number): ReplyPair | undefined;
}

function listOf(pairs: readonly ReplyPair[]): PairList {
	return { count: pairs.length, pair: (i) => pairs[i] };
}

function listAt(corpus: Corpus, indexes: ArrayLike<number>): PairList {
	return { count: indexes.length, pair: (i) => corpus.replyPairs[indexes[i] ?? -1] };
}

function hasBothTexts(pair: ReplyPair | undefined): boolean {
	return pair !== undefined && !isPlaceholder(pair.letter) && !isPlaceholder(pair.reply);
}

/** The indexes of the pairs of any of `people`, ascending (a pair of two of them appears once). */
function pairIndexesOf(corpus: Corpus, people: readonly CorpusPerson[]): Uint32Array {
	const lists = people.map((p) => corpus.replyPairsByPerson.get(personKey(p.collection, p.person.id)) ?? []);
	const all = Uint32Array.from(lists.flat()).sort();
	let kept = 0;
	for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i] ?? 0;
	return all.subarray(0, kept);
}

/** Pairs, and those of them with both texts, as indexes into {@link Corpus.replyPairs}, ascending. */
interface IndexedPairs {
	readonly all: ArrayLike<number>;
	readonly withText: ArrayLike<number>;
}

/**
 * The pairs behind one filter, worked out on its first use: a correspondent's (the people
 * `findCorrespondent` answered with, e.g. every Adams, whose pairs number thousands in a large
 * corpus), a year's or a collection's. Keyed by the corpus's own lists, which never change
 * after `buildCorpus`.
 */
const pairsByFilter = new WeakMap<object, IndexedPairs>();

function filterPairs(corpus: Corpus, key: object, all: () => ArrayLike<number>): IndexedPairs {
	let found = pairsByFilter.get(key);
	if (found === undefined) {
		const indexes = all();
		found = { all: indexes, withText: indexesWhere(indexes, (i) => hasBothTexts(corpus.replyPairs[i])) };
		pairsByFilter.set(key, found);
	}
	return found;
}

const NONE: readonly number[] = [];

function indexesWhere(indexes: ArrayLike<number>, keep: (index: number) => boolean): number[] {
	const kept: number[] = [];
	for (let i = 0; i < indexes.length; i++) {
		const index = indexes[i] ?? -1;
		if (keep(index)) kept.push(index);
	}
	return kept;
}

/**
 * The reply pairs matching the filters, in the order of {@link Corpus.replyPairs}, and those of
 * them with both texts. One filter reads lists made once; a second filters the first's pairs.
 */
function matchingPairs(
	corpus: Corpus,
	options: RandomExchangeOptions,
	people: readonly CorpusPerson[] | undefined,
): { readonly matches: PairList; readonly withText: PairList } {
	const { year, collection } = options;
	if (people === undefined && year === undefined && collection === undefined) {
		return { matches: listOf(corpus.replyPairs), withText: listOf(corpus.replyPairsWithText) };
	}
	let first: IndexedPairs;
	if (people !== undefined) first = filterPairs(corpus, people, () => pairIndexesOf(corpus, people));
	else {
		const list =
			(year !== undefined ? corpus.replyPairsByYear.get(year) : corpus.replyPairsByCollection.get(collection ?? '')) ??
			NONE;
		first = filterPairs(corpus, list, () => list);
	}
	const filters = [people, year, collection].filter((f) => f !== undefined).length;
	if (filters === 1) return { matches: listAt(corpus, first.all), withText: listAt(corpus, first.withText) };
	const matches = indexesWhere(first.all, (i) => {
		const pair = corpus.replyPairs[i];
		return (
			pair !== undefined &&
			(year === undefined || letterYear(pair.letter) === year || letterYear(pair.reply) === year) &&
			(collection === undefined || pair.letter.collection === collection)
		);
	});
	const withText = matches.filter((i) => hasBothTexts(corpus.replyPairs[i]));
	return { matches: listAt(corpus, matches), withText: listAt(corpus, withText) };
}

/**
 * A random exchange (a letter and a reply to it) matching the filters. Pairs where both letters
 * have text are preferred; only when none matches is a pair with a placeholder chosen, and the
 * result says so in {@link RandomExchange.note}. The same `rng` sequence gives the same pair.
 *
 * @param corpus - The corpus.
 * @param options - Optional correspondent and year filters.
 * @param rng - The randomness, e.g. `mulberry32(seed)`.
 */
export function randomExchange(
	corpus: Corpus,
	options: RandomExchangeOptions,
	rng: Rng,
): Result<RandomExchange, 'unknown-person' | 'no-match'> {
	let people: readonly CorpusPerson[] | undefined;
	if (options.correspondent !== undefined) {
		const found = findCorrespondent(corpus, options.correspondent);
		if (!found.ok) return found;
		people = found.value;
	}
	const { matches, withText } = matchingPairs(corpus, options, people);
	const candidates = { total: matches.count, withText: withText.count };
	if (withText.count > 0) {
		const pair = withText.pair(pickIndex(rng, withText.count));
		if (pair) return ok({ ...pair, bothHaveText: true, candidates });
	}
	const pair = matches.pair(pickIndex(rng, matches.count));
	if (!pair) return fail('no-match', `No exchange of letters${filterLabel(options)} is in the collection`);
	return ok({
		...pair,
		bothHaveText: false,
		candidates,
		note: `No exchange${filterLabel(options)} has both texts in the collection, so this one includes a letter whose text is not held`,
	});
}
