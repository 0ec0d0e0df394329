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

/** The indexes of the pairs of any of `people`, ascending (a pair of two of them appears once). */
function pairIndexesOf(corpus: Corpus, people: readonly CorpusPerson[]): readonly number[] {
	const lists = people.map((p) => corpus.replyPairsByPerson.get(personKey(p.collection, p.person.id)) ?? []);
	if (lists.length === 1) return lists[0] ?? [];
	return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/**
 * The reply pairs matching the filters, in the order of {@link Corpus.replyPairs}, and those of
 * them with both texts. Starts from the narrowest index the filters allow, so that no filter
 * scans every pair.
 */
function matchingPairs(
	corpus: Corpus,
	options: RandomExchangeOptions,
	people: readonly CorpusPerson[] | undefined,
): { readonly matches: readonly ReplyPair[]; readonly withText: readonly ReplyPair[] } {
	const { year, collection } = options;
	if (people === undefined && year === undefined && collection === undefined) {
		return { matches: corpus.replyPairs, withText: corpus.replyPairsWithText };
	}
	let indexes: readonly number[];
	if (people !== undefined) indexes = pairIndexesOf(corpus, people);
	else if (year !== undefined) indexes = corpus.replyPairsByYear.get(year) ?? [];
	else indexes = corpus.replyPairsByCollection.get(collection ?? '') ?? [];
	const base = indexes.map((i) => corpus.replyPairs[i]).filter((p): p is ReplyPair => p !== undefined);
	const matches = base.filter(
		(pair) =>
			(year === undefined || letterYear(pair.letter) === year || letterYear(pair.reply) === year) &&
			(collection === undefined || pair.letter.collection === collection),
	);
	return { matches, withText: matches.filter((p) => !isPlaceholder(p.letter) && !isPlaceholder(p.reply)) };
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
	const candidates = { total: matches.length, withText: withText.length };
	if (withText.length > 0) {
		const pair = withText[pickIndex(rng, withText.length)];
		if (pair) return ok({ ...pair, bothHaveText: true, candidates });
	}
	const pair = matches[pickIndex(rng, matches.length)];
	if (!pair) return fail('no-match', `No exchange of letters${filterLabel(options)} is in the collection`);
	return ok({
		...pair,
		bothHaveText: false,
		candidates,
		note: `No exchange${filterLabel(options)} has both texts in the collection, so this one includes a letter whose text is not held`,
	});
}
