/**
 * The corpus: every collection's letters and people, indexed once so that lookups are cheap.
 * Everything else in the core reads from a {@link Corpus}.
 */
import { compareCodeUnits, letterDateText, letterSortKey, letterYear, monthDayKey, type MonthDay } from './dates.js';
import type { Collection, Letter, Person, Source, TimelineEvent } from './format.js';
import { fail, ok, type Result } from './result.js';

/**
 * The checked data the core is built from. The data loader's `CheckedDataSet` is assignable to
 * it, so the core does not depend on the loader.
 */
export interface CorpusData {
	readonly collections: readonly {
		readonly collection: Collection;
		readonly people: readonly Person[];
		readonly letters: readonly Letter[];
	}[];
	readonly timeline: readonly TimelineEvent[];
}

/** A person together with the collection whose people file defines them. */
export interface CorpusPerson {
	readonly collection: string;
	readonly person: Person;
}

/** A letter and one letter that replies to it. */
export interface ReplyPair {
	readonly letter: Letter;
	readonly reply: Letter;
}

/** The indexed corpus. Build it with {@link buildCorpus}; treat it as read-only. */
export interface Corpus {
	/** Every letter of every collection, in date order (see {@link letterSortKey}). */
	readonly letters: readonly Letter[];
	readonly collections: readonly Collection[];
	/** Timeline events, sorted by date. */
	readonly timeline: readonly TimelineEvent[];
	/** The dates of {@link Corpus.timeline}, in the same order, for binary search. */
	readonly timelineDates: readonly string[];
	readonly byId: ReadonlyMap<string, Letter>;
	/** Position of each letter in {@link Corpus.letters}, for stable ordering. */
	readonly order: ReadonlyMap<string, number>;
	/** Letters sent on a known day, by `MM-DD`, in date order. Letters of lesser precision are not here. */
	readonly byMonthDay: ReadonlyMap<string, readonly Letter[]>;
	/** Letters dated (sent, else transmitted or received) on a given ISO day, `YYYY-MM` or `YYYY`. */
	readonly byDate: ReadonlyMap<string, readonly Letter[]>;
	/** The letters that reply to a letter, by its id, in date order. */
	readonly repliedBy: ReadonlyMap<string, readonly Letter[]>;
	/** People by `collection/id`. */
	readonly people: ReadonlyMap<string, CorpusPerson>;
	/** People by every lower-cased id, name, short name and alias. */
	readonly peopleByName: ReadonlyMap<string, readonly CorpusPerson[]>;
	/** People by each lower-cased word of their names and aliases (e.g. `abigail`), for looser matching. */
	readonly peopleByWord: ReadonlyMap<string, readonly CorpusPerson[]>;
	/** Letter ids by person key (`collection/id`), for letters they sent or received. */
	readonly lettersByPerson: ReadonlyMap<string, readonly string[]>;
	/** Every (letter, reply) pair, in date order of the letter. */
	readonly replyPairs: readonly ReplyPair[];
	/** The {@link Corpus.replyPairs} whose two letters both have text (not placeholders), in the same order. */
	readonly replyPairsWithText: readonly ReplyPair[];
	/**
	 * Indexes into {@link Corpus.replyPairs}, ascending, by person key (`collection/id`) of anyone
	 * who sent or received either letter of the pair.
	 */
	readonly replyPairsByPerson: ReadonlyMap<string, readonly number[]>;
	/** Indexes into {@link Corpus.replyPairs}, ascending, by the year of either letter (see `letterYear`). */
	readonly replyPairsByYear: ReadonlyMap<number, readonly number[]>;
	/** Indexes into {@link Corpus.replyPairs}, ascending, by the collection of the letter replied to. */
	readonly replyPairsByCollection: ReadonlyMap<string, readonly number[]>;
	/** Every letter id, sorted, for prefix lookups. */
	readonly sortedIds: readonly string[];
	/** An id to show as an example in messages, by collection id prefix (e.g. `bt`). */
	readonly exampleIds: ReadonlyMap<string, string>;
	/** The short names of everyone who wrote a letter, each once, in order of their first letter (date order). */
	readonly writers: readonly string[];
	/** The counts of each collection's letters and its correspondents, by collection id. */
	readonly collectionStats: ReadonlyMap<string, CollectionStats>;
}

/** The size of a collection's contents, counted once by {@link buildCorpus}. */
export interface CollectionStats {
	readonly letters: number;
	/** Letters whose whole text is held (not an excerpt, not a placeholder). */
	readonly withFullText: number;
	readonly excerpts: number;
	/** Letters whose text is not held. */
	readonly placeholders: number;
	/** Ids of the people who wrote or received the collection's letters, in order of first appearance (date order). */
	readonly correspondentIds: readonly string[];
}

/** The key of a person in {@link Corpus.people}. */
export function personKey(collection: string, id: string): string {
	return `${collection}/${id}`;
}

/** True when the letter's text is not held (a placeholder). */
export function isPlaceholder(letter: Letter): boolean {
	return letter.body === null;
}

/** Normalise a name for matching: lower case, no accents, single spaces. */
export function normaliseName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[.\s]+/g, ' ')
		.trim();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * Index the data once. Lookups afterwards are map reads.
 *
 * @param data - Checked collections and timeline, e.g. from the data loader.
 */
export function buildCorpus(data: CorpusData): Corpus {
	const input: { letter: Letter; index: number }[] = [];
	for (const c of data.collections) for (const letter of c.letters) input.push({ letter, index: input.length });
	const letters = input
		.sort((a, b) => compareCodeUnits(letterSortKey(a.letter), letterSortKey(b.letter)) || a.index - b.index)
		.map((e) => e.letter);
	const order = new Map(letters.map((l, i) => [l.id, i]));
	const byId = new Map(letters.map((l) => [l.id, l]));

	const byMonthDay = new Map<string, Letter[]>();
	const byDate = new Map<string, Letter[]>();
	const repliedBy = new Map<string, Letter[]>();
	const replyPairs: ReplyPair[] = [];
	for (const letter of letters) {
		if (letter.precision === 'day' && letter.sent !== null) push(byMonthDay, letter.sent.slice(5), letter);
		const anchor = letter.sent ?? letter.transmitted ?? letter.received;
		if (anchor !== undefined) {
			push(byDate, anchor, letter);
			if (anchor.length === 10) push(byDate, anchor.slice(0, 7), letter);
			if (anchor.length >= 7) push(byDate, anchor.slice(0, 4), letter);
		}
		for (const link of letter.replyTo) {
			const target = byId.get(link.id);
			if (target) push(repliedBy, target.id, letter);
		}
	}
	for (const letter of letters) {
		for (const reply of repliedBy.get(letter.id) ?? []) replyPairs.push({ letter, reply });
	}
	const replyPairsWithText = replyPairs.filter((p) => !isPlaceholder(p.letter) && !isPlaceholder(p.reply));
	const replyPairsByPerson = new Map<string, number[]>();
	const replyPairsByYear = new Map<number, number[]>();
	const replyPairsByCollection = new Map<string, number[]>();
	replyPairs.forEach((pair, index) => {
		const keys = new Set<string>();
		for (const l of [pair.letter, pair.reply]) {
			for (const id of l.from) keys.add(personKey(l.collection, id));
			for (const id of l.to) keys.add(personKey(l.collection, id));
		}
		for (const key of keys) push(replyPairsByPerson, key, index);
		const years = new Set([letterYear(pair.letter), letterYear(pair.reply)]);
		for (const year of years) if (year !== undefined) push(replyPairsByYear, year, index);
		push(replyPairsByCollection, pair.letter.collection, index);
	});

	const people = new Map<string, CorpusPerson>();
	const peopleByName = new Map<string, CorpusPerson[]>();
	const peopleByWord = new Map<string, CorpusPerson[]>();
	for (const c of data.collections) {
		for (const person of c.people) {
			const entry = { collection: c.collection.id, person };
			people.set(personKey(c.collection.id, person.id), entry);
			const names = new Set([person.id, person.name, person.shortName, ...person.aliases].map(normaliseName));
			for (const name of names) push(peopleByName, name, entry);
			const words = new Set([...names].flatMap((n) => n.split(/[\s-]+/)).filter((w) => w.length >= 3));
			for (const word of words) push(peopleByWord, word, entry);
		}
	}
	const lettersByPerson = new Map<string, string[]>();
	for (const letter of letters) {
		for (const id of new Set([...letter.from, ...letter.to]))
			push(lettersByPerson, personKey(letter.collection, id), letter.id);
	}

	const writers = new Set<string>();
	for (const letter of letters) {
		for (const id of letter.from) writers.add(people.get(personKey(letter.collection, id))?.person.shortName ?? id);
	}

	const collectionStats = new Map<string, CollectionStats>();
	const counts = new Map<
		string,
		{ letters: number; withFullText: number; excerpts: number; placeholders: number; ids: Set<string> }
	>();
	for (const c of data.collections) {
		counts.set(c.collection.id, { letters: 0, withFullText: 0, excerpts: 0, placeholders: 0, ids: new Set() });
	}
	for (const letter of letters) {
		const count = counts.get(letter.collection);
		if (!count) continue;
		count.letters++;
		if (letter.body !== null && !letter.excerpt) count.withFullText++;
		if (letter.excerpt) count.excerpts++;
		if (isPlaceholder(letter)) count.placeholders++;
		for (const id of letter.from) count.ids.add(id);
		for (const id of letter.to) count.ids.add(id);
	}
	for (const [id, count] of counts) {
		const { ids, ...rest } = count;
		collectionStats.set(id, { ...rest, correspondentIds: [...ids] });
	}

	const timeline = [...data.timeline].sort((a, b) => compareCodeUnits(a.date, b.date));
	const sortedIds = [...byId.keys()].sort();
	const exampleIds = new Map<string, string>();
	for (const c of data.collections) {
		const example = c.letters.find((l) => l.precision === 'day' && l.body !== null && !l.excerpt) ?? c.letters[0];
		if (example) exampleIds.set(c.collection.idPrefix, example.id);
	}
	return {
		letters,
		collections: data.collections.map((c) => c.collection),
		timeline,
		timelineDates: timeline.map((e) => e.date),
		byId,
		order,
		byMonthDay,
		byDate,
		repliedBy,
		people,
		peopleByName,
		peopleByWord,
		lettersByPerson,
		replyPairs,
		replyPairsWithText,
		replyPairsByPerson,
		replyPairsByYear,
		replyPairsByCollection,
		sortedIds,
		exampleIds,
		writers: [...writers],
		collectionStats,
	};
}

/** The first index in a sorted array whose value is not less than `key`. */
export function lowerBound(sorted: readonly string[], key: string): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((sorted[mid] ?? '') < key) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Ids in the corpus that start with `prefix`, at most `limit` of them. */
export function idsStartingWith(corpus: Corpus, prefix: string, limit: number): string[] {
	const found: string[] = [];
	for (let i = lowerBound(corpus.sortedIds, prefix); i < corpus.sortedIds.length && found.length < limit; i++) {
		const id = corpus.sortedIds[i];
		if (id === undefined || !id.startsWith(prefix)) break;
		found.push(id);
	}
	return found;
}

/** An example id for messages: from the collection whose prefix `typed` starts with, else the first. */
export function exampleId(corpus: Corpus, typed = ''): string {
	const prefix = /^([a-z]{2,6})-/.exec(typed.toLowerCase())?.[1];
	return (
		(prefix === undefined ? undefined : corpus.exampleIds.get(prefix)) ??
		[...corpus.exampleIds.values()][0] ??
		'bt-1942-08-13-stalin-to-churchill'
	);
}

/**
 * A letter by id, or a message saying the id is unknown, with the ids it might have meant.
 */
export function getLetter(corpus: Corpus, id: string): Result<Letter, 'unknown-letter'> {
	const wanted = id.trim();
	const letter = corpus.byId.get(wanted) ?? corpus.byId.get(wanted.toLowerCase());
	if (letter) return ok(letter);
	if (wanted === '') return fail('unknown-letter', `No letter id given; ids look like ${exampleId(corpus, wanted)}`);
	// Offer the ids that begin with what was typed, e.g. the date part of an id, or a bare date.
	const lower = wanted.toLowerCase();
	const prefixes = [lower, ...corpus.collections.map((c) => `${c.idPrefix}-${lower}`)];
	const near = lower.length < 4 ? [] : [...new Set(prefixes.flatMap((p) => idsStartingWith(corpus, p, 4)))].slice(0, 4);
	if (near.length > 0) {
		return fail('unknown-letter', `No letter has the id "${wanted}"; did you mean ${joinNames(near, 'or')}?`);
	}
	return fail('unknown-letter', `No letter has the id "${wanted}"; ids look like ${exampleId(corpus, wanted)}`);
}

/** The person a letter names by id (in the letter's collection), if the people file has them. */
export function personOf(corpus: Corpus, collection: string, id: string): Person | undefined {
	return corpus.people.get(personKey(collection, id))?.person;
}

/** The short name of a person a letter names, falling back to the id. */
export function shortNameOf(corpus: Corpus, collection: string, id: string): string {
	return personOf(corpus, collection, id)?.shortName ?? id;
}

/** "Stalin", "Stalin and Molotov", "Stalin, Molotov and Eden". */
export function joinNames(names: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}

/** "Stalin to Churchill". */
export function fromToText(corpus: Corpus, letter: Letter): string {
	const names = (ids: readonly string[]): string =>
		joinNames(ids.map((id) => shortNameOf(corpus, letter.collection, id)));
	return `${names(letter.from)} to ${names(letter.to)}`;
}

/**
 * Resolve a correspondent as typed by a user: a person id, name, short name or alias, in any case,
 * or else one word of a name ("Abigail", "Adams"). Returns every matching person: a word may name
 * several people, and the same id may exist in several collections.
 */
export function findCorrespondent(corpus: Corpus, name: string): Result<readonly CorpusPerson[], 'unknown-person'> {
	const key = normaliseName(name);
	// A whole name or alias first; else everyone with that word in a name ("Abigail", "Adams").
	const found = corpus.peopleByName.get(key) ?? corpus.peopleByWord.get(key);
	if (found && found.length > 0) return ok(found);
	return fail(
		'unknown-person',
		`No correspondent is called "${name.trim()}"; try ${joinNames(corpus.writers.slice(0, 6), 'or')}`,
	);
}

/** True when any of `people` sent or received the letter. */
export function involves(letter: Letter, people: readonly CorpusPerson[]): boolean {
	return people.some(
		(p) => p.collection === letter.collection && (letter.from.includes(p.person.id) || letter.to.includes(p.person.id)),
	);
}

/** Options for {@link lettersOnDate}. */
export interface LettersOnDateOptions {
	/** Only letters this person sent or received (id, name or alias). */
	readonly correspondent?: string;
}

/**
 * The letters of a date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), optionally with one correspondent,
 * in date order. A day includes letters known only by when they were transmitted or received.
 */
export function lettersOnDate(
	corpus: Corpus,
	date: string,
	options: LettersOnDateOptions = {},
): Result<readonly Letter[], 'invalid-date' | 'unknown-person' | 'no-match'> {
	if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date.trim())) {
		return fail('invalid-date', `"${date}" is not a date; give YYYY-MM-DD, YYYY-MM or YYYY`);
	}
	let letters = corpus.byDate.get(date.trim()) ?? [];
	if (options.correspondent !== undefined) {
		const people = findCorrespondent(corpus, options.correspondent);
		if (!people.ok) return people;
		letters = letters.filter((l) => involves(l, people.value));
	}
	if (letters.length === 0) {
		const who = options.correspondent === undefined ? '' : ` with ${options.correspondent.trim()}`;
		return fail('no-match', `No letter${who} is dated ${date.trim()}`);
	}
	return ok(letters);
}

/** Letters sent on a month-day in any year (day precision only), in date order. */
export function lettersOnMonthDay(corpus: Corpus, md: MonthDay): readonly Letter[] {
	return corpus.byMonthDay.get(monthDayKey(md)) ?? [];
}

/** A collection by id. */
export function collectionOf(corpus: Corpus, id: string): Collection | undefined {
	return corpus.collections.find((c) => c.id === id);
}

/** The source a letter cites, from its collection. */
export function sourceOf(corpus: Corpus, letter: Letter): Source | undefined {
	return collectionOf(corpus, letter.collection)?.sources.find((s) => s.id === letter.source.id);
}

/** A one-line label for a letter: `13 August 1942 — Stalin to Churchill`. */
export function letterLabel(corpus: Corpus, letter: Letter): string {
	return `${letterDateText(letter)} — ${fromToText(corpus, letter)}`;
}

/** Compare letters by date, then by their order in the corpus. */
export function compareLetters(corpus: Corpus, a: Letter, b: Letter): number {
	return (
		compareCodeUnits(letterSortKey(a), letterSortKey(b)) ||
		(corpus.order.get(a.id) ?? 0) - (corpus.order.get(b.id) ?? 0)
	);
}
