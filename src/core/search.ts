/**
 * Full-text search over letters (a compact index ranked as MiniSearch ranks, built once) and
 * instant suggestions for autocomplete from sorted prefix tables.
 */
import {
	collectionOf,
	findCorrespondent,
	letterLabel,
	lowerBound,
	normaliseName,
	personKey,
	personOf,
	type Corpus,
	type CorpusPerson,
} from './corpus.js';
import { formatIsoDate, letterDateText, letterYear } from './dates.js';
import type { Letter } from './format.js';
import { fail, ok, type Result } from './result.js';
import { buildTextIndex, detached, hashRange, queryTextIndex, TokenTable, type TextIndex } from './text-index.js';

/** Words too common to be worth indexing or suggesting. */
const STOP_WORDS = new Set(
	'a an and are as at be been but by for from had has have he her his i if in into is it its me my no not of on or our so that the their them there these they this to was we were which will with would you your'.split(
		' ',
	),
);

const NOT_ASCII = /[^ -~]/;

/** Fold a term for indexing and matching: lower case, accents removed, typographic apostrophes plain. */
function foldTerm(term: string): string {
	let folded = term.toLowerCase();
	// Most terms are printable ASCII; only the others pay for Unicode normalisation.
	if (NOT_ASCII.test(folded)) folded = folded.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'");
	if (folded.includes("'")) folded = folded.replace(/^'+|'+$/g, '').replace(/'s$/, '');
	return folded;
}

function processTerm(term: string): string | null {
	const folded = foldTerm(term);
	return folded === '' || STOP_WORDS.has(folded) ? null : folded;
}

/** What a suggestion completes to. */
export type SuggestionKind = 'person' | 'letter' | 'date' | 'word';

/** One autocomplete suggestion. */
export interface Suggestion {
	readonly kind: SuggestionKind;
	/** The value to use: a person id, a letter id, an ISO date (`YYYY-MM-DD` or `YYYY-MM`), or a word. */
	readonly value: string;
	/** What to show, e.g. `13 August 1942 — Stalin to Churchill`. */
	readonly label: string;
}

interface SuggestTable {
	/** Sorted keys, each with the index of its suggestion. */
	readonly keys: readonly string[];
	readonly targets: readonly number[];
	/** How many suggestions there are. */
	readonly count: number;
	/**
	 * The suggestion of a target, made when it is read: the word table alone holds tens of
	 * thousands, and their labels would cost more memory than the rest of the tables.
	 */
	readonly suggestion: (target: number) => Suggestion | undefined;
	/** Higher weights are shown first among matches (only used for words). */
	readonly weights?: readonly number[];
}

/** The full-text index over a corpus. Build it once with {@link buildSearch}. */
export interface SearchIndex {
	readonly corpus: Corpus;
	/** The letters' text, headings, people and dates; a document's number is its place in `corpus.letters`. */
	readonly text: TextIndex;
	/** Per letter, the place of its collection in `corpus.collections`. */
	readonly collectionOf: Uint16Array;
	/** Per letter, its year ({@link letterYear}), or {@link NO_YEAR}. */
	readonly yearOf: Int32Array;
	/** The numbers of the letters each person sent or received, by {@link personKey}. */
	readonly docsByPerson: ReadonlyMap<string, Uint32Array>;
	/**
	 * For each list of people a name resolves to (the lists `corpus.peopleByName` and
	 * `corpus.peopleByWord` hold, which {@link findCorrespondent} returns) with at least
	 * {@link MANY_LETTERS} letters between them: a bit per letter, set for theirs.
	 */
	readonly correspondentBits: ReadonlyMap<readonly CorpusPerson[], Uint32Array>;
	/** A mark per letter, reused by each search filtered by correspondent: the letters marked with the latest stamp are theirs. */
	readonly personMarks: { readonly letters: Uint32Array; stamp: number };
}

/** Names whose people have this many letters between them get their bits made once, not marked per search. */
export const MANY_LETTERS = 500;

/** The year of a letter whose date is unknown, in {@link SearchIndex.yearOf}. */
const NO_YEAR = -0x80000000;

/** Sorted prefix tables for autocomplete. Build them once with {@link buildSuggestions}. */
export interface SuggestionIndex {
	readonly tables: Readonly<Record<SuggestionKind, SuggestTable>>;
	/**
	 * For each suggested word, at most {@link LETTERS_PER_WORD} letters that use it most (ties in
	 * date order), overall and within each collection. Read it with {@link lettersForWord}.
	 */
	readonly wordLetters: WordLetters;
}

/** Letters by word, as flat arrays: a letter is its place in `letterIds`, a word its number in `words`. */
interface WordLetters {
	readonly letterIds: readonly string[];
	/** The suggested words, by number (the word table's targets). */
	readonly words: readonly string[];
	readonly overall: WordLists;
	readonly byCollection: ReadonlyMap<string, WordLists>;
}

/** Short lists of letters for some words: the list of `words[i]` is `letters[starts[i]]` up to `letters[starts[i + 1]]`. */
interface WordLists {
	/** Word numbers, ascending; undefined when every word has a list, in order. */
	readonly words: Uint32Array | undefined;
	readonly starts: Uint32Array;
	readonly letters: Uint32Array;
}

/** How many letters {@link SuggestionIndex.wordLetters} keeps for each word (and each word in a collection). */
export const LETTERS_PER_WORD = 5;

/** A suggested word's number, found in the word table (a word's key is the word, normalised). */
function wordNumber(index: SuggestionIndex, word: string): number | undefined {
	const { keys, targets } = index.tables.word;
	const key = normaliseName(word);
	for (let i = lowerBound(keys, key); keys[i] === key; i++) {
		const target = targets[i];
		if (target !== undefined && index.wordLetters.words[target] === word) return target;
	}
	return undefined;
}

/**
 * The letters that use a suggested word most, without a full-text search: at most
 * {@link LETTERS_PER_WORD} ids, most uses first, ties in date order; only of `collection` when one is given.
 *
 * @param index - The suggestion tables, from {@link buildSuggestions}.
 * @param word - A word as suggested (a {@link Suggestion} of kind `word`).
 * @param collection - Optionally, one collection's letters only.
 */
export function lettersForWord(index: SuggestionIndex, word: string, collection?: string): readonly string[] {
	const { letterIds, overall, byCollection } = index.wordLetters;
	const number = wordNumber(index, word);
	const lists = collection === undefined ? overall : byCollection.get(collection);
	if (number === undefined || lists === undefined) return [];
	let at = number;
	if (lists.words !== undefined) {
		let lo = 0;
		let hi = lists.words.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if ((lists.words[mid] ?? 0) < number) lo = mid + 1;
			else hi = mid;
		}
		if (lists.words[lo] !== number) return [];
		at = lo;
	}
	const out: string[] = [];
	for (let i = lists.starts[at] ?? 0; i < (lists.starts[at + 1] ?? 0); i++)
		out.push(letterIds[lists.letters[i] ?? 0] ?? '');
	return out;
}

/** The names of a letter's correspondents, once per person, as indexed. */
function peopleText(corpus: Corpus, letter: Letter, names: Map<string, string>): string {
	return [...new Set([...letter.from, ...letter.to])]
		.flatMap((id) => {
			const key = personKey(letter.collection, id);
			let text = names.get(key);
			if (text === undefined) {
				const p = personOf(corpus, letter.collection, id);
				if (p === undefined) return [];
				names.set(key, (text = [p.name, p.shortName, ...p.aliases].join(' ')));
			}
			return [text];
		})
		.join(' ');
}

/**
 * A table for prefix search: each target's keys, normalised (a key that normalising leaves as it
 * was is kept as the same string), sorted.
 */
function table(
	keysOf: readonly (readonly string[])[],
	suggestion: (target: number) => Suggestion | undefined,
	weights?: readonly number[],
): SuggestTable {
	const pairs: { key: string; target: number }[] = [];
	keysOf.forEach((keys, target) => {
		const normalised = new Set<string>();
		for (const key of keys) {
			const n = normaliseName(key);
			if (n !== '') normalised.add(n === key ? key : n);
		}
		for (const key of normalised) pairs.push({ key, target });
	});
	pairs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.target - b.target));
	return {
		keys: pairs.map((p) => p.key),
		targets: pairs.map((p) => p.target),
		count: keysOf.length,
		suggestion: (target) => (target >= 0 && target < keysOf.length ? suggestion(target) : undefined),
		...(weights === undefined ? {} : { weights }),
	};
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Build the suggestion tables once for a corpus: people, letter ids, dates (days and months) and
 * the words of the letters, each sorted for prefix search.
 */
export function buildSuggestions(corpus: Corpus): SuggestionIndex {
	const uses = wordUsesOf(corpus);
	return { tables: suggestionTables(corpus, uses), wordLetters: wordLettersOf(corpus, uses) };
}

/** The words of every letter's heading and text, counted: flat arrays, letter by letter. */
interface WordUses {
	readonly words: readonly string[];
	/** How many letters use each word. */
	readonly letterCounts: readonly number[];
	/** Letter `d` uses `word[letterStarts[d]]` up to `word[letterStarts[d + 1]]`, each `count` times. */
	readonly letterStarts: Uint32Array;
	readonly word: Uint32Array;
	readonly count: Uint32Array;
}

/** How a character reads in a word of the suggestions: 2 a letter, 1 an apostrophe or hyphen, 0 neither. */
const LETTER = /\p{L}/u;
const otherWordChars = new Map<number, number>();
function wordCharClass(point: number): number {
	if (point < 128) {
		const lowered = point | 0x20;
		return lowered >= 0x61 && lowered <= 0x7a ? 2 : point === 0x27 || point === 0x2d ? 1 : 0;
	}
	let kind = otherWordChars.get(point);
	if (kind === undefined) {
		kind = LETTER.test(String.fromCodePoint(point)) ? 2 : point === 0x2019 ? 1 : 0;
		otherWordChars.set(point, kind);
	}
	return kind;
}

/**
 * Call `visit` with where each word of `text` starts and ends: in each run of letters, apostrophes
 * and hyphens, from its first letter to its last, when they differ (what the pattern
 * `/[\p{L}][\p{L}'’-]*[\p{L}]/gu` matches).
 */
function forEachWord(text: string, visit: (start: number, end: number) => void): void {
	let first = -1;
	let lastStart = -1;
	let lastEnd = -1;
	for (let i = 0; i <= text.length;) {
		const point = i < text.length ? (text.codePointAt(i) ?? 0) : 0x20;
		const width = point > 0xffff ? 2 : 1;
		const kind = i < text.length ? wordCharClass(point) : 0;
		if (kind === 2) {
			if (first < 0) first = i;
			lastStart = i;
			lastEnd = i + width;
		} else if (kind === 0) {
			if (first >= 0 && lastStart > first) visit(first, lastEnd);
			first = -1;
		}
		i += width;
	}
}

/** The words of a text as the suggestion tables read them, before folding. */
export function wordsIn(text: string): string[] {
	const found: string[] = [];
	forEachWord(text, (start, end) => found.push(text.slice(start, end)));
	return found;
}

function wordUsesOf(corpus: Corpus): WordUses {
	const words: string[] = [];
	const numbers = new Map<string, number>();
	// What each spelling found in the text folds to: a word's number, or -1 when it is not suggested.
	const spellings = new TokenTable();
	const spellingWord: number[] = [];
	const letterCounts: number[] = [];
	const seen: number[] = [];
	const slot: number[] = [];
	const letterStarts = new Uint32Array(corpus.letters.length + 1);
	let word = new Uint32Array(1024);
	let count = new Uint32Array(1024);
	let length = 0;
	const wordOf = (text: string, start: number, end: number): number => {
		const hash = hashRange(text, start, end);
		const id = spellings.find(text, start, end, hash);
		if (id >= 0) return spellingWord[id] ?? -1;
		const spelling = text.slice(start, end);
		const folded = foldTerm(spelling);
		let n = folded.length >= 3 && !STOP_WORDS.has(folded) ? numbers.get(folded) : -1;
		if (n === undefined) {
			n = words.length;
			const kept = detached(folded);
			numbers.set(kept, n);
			words.push(kept);
			letterCounts.push(0);
			seen.push(-1);
			slot.push(0);
		}
		spellingWord[spellings.add(spelling, hash)] = n;
		return n;
	};
	corpus.letters.forEach((letter, doc) => {
		const count1 = (n: number): void => {
			if (n < 0) return;
			if (seen[n] === doc) {
				const at = slot[n] ?? 0;
				count[at] = (count[at] ?? 0) + 1;
				return;
			}
			seen[n] = doc;
			letterCounts[n] = (letterCounts[n] ?? 0) + 1;
			if (length === word.length) {
				const grownWord = new Uint32Array(length * 2);
				grownWord.set(word);
				word = grownWord;
				const grownCount = new Uint32Array(length * 2);
				grownCount.set(count);
				count = grownCount;
			}
			slot[n] = length;
			word[length] = n;
			count[length] = 1;
			length++;
		};
		// The heading and each paragraph were joined with spaces: no word crosses from one to the next.
		for (const text of [letter.heading ?? '', ...(letter.body ?? [])]) {
			forEachWord(text, (start, end) => count1(wordOf(text, start, end)));
		}
		letterStarts[doc + 1] = length;
	});
	return { words, letterCounts, letterStarts, word: word.slice(0, length), count: count.slice(0, length) };
}

/**
 * The {@link LETTERS_PER_WORD} letters using each word most, overall and within each collection.
 * Letters are read in date order and a list only takes a letter with more uses than its last, so a
 * tie keeps the earlier letter.
 */
function wordLettersOf(corpus: Corpus, uses: WordUses): WordLetters {
	const wordCount = uses.words.length;
	const topLetters = new Uint32Array(wordCount * LETTERS_PER_WORD);
	const topCounts = new Uint32Array(wordCount * LETTERS_PER_WORD);
	const topLength = new Uint8Array(wordCount);
	const round = new Int32Array(wordCount).fill(-1);
	const lists = (docs: Iterable<number>, r: number, everyWord: boolean): WordLists => {
		const touched: number[] = [];
		for (const doc of docs) {
			for (let u = uses.letterStarts[doc] ?? 0; u < (uses.letterStarts[doc + 1] ?? 0); u++) {
				const w = uses.word[u] ?? 0;
				const c = uses.count[u] ?? 0;
				if (round[w] !== r) {
					round[w] = r;
					topLength[w] = 0;
					touched.push(w);
				}
				const base = w * LETTERS_PER_WORD;
				let n = topLength[w] ?? 0;
				if (n === LETTERS_PER_WORD && (topCounts[base + n - 1] ?? 0) >= c) continue;
				if (n < LETTERS_PER_WORD) n++;
				let at = n - 1;
				while (at > 0 && (topCounts[base + at - 1] ?? 0) < c) {
					topCounts[base + at] = topCounts[base + at - 1] ?? 0;
					topLetters[base + at] = topLetters[base + at - 1] ?? 0;
					at--;
				}
				topCounts[base + at] = c;
				topLetters[base + at] = doc;
				topLength[w] = n;
			}
		}
		touched.sort((a, b) => a - b);
		const wordsOf = everyWord ? undefined : Uint32Array.from(touched);
		const numbered = everyWord ? Array.from({ length: wordCount }, (_, w) => w) : touched;
		const starts = new Uint32Array(numbered.length + 1);
		let total = 0;
		numbered.forEach((w, i) => {
			total += round[w] === r ? (topLength[w] ?? 0) : 0;
			starts[i + 1] = total;
		});
		const letters = new Uint32Array(total);
		numbered.forEach((w, i) => {
			if (round[w] !== r) return;
			letters.set(topLetters.subarray(w * LETTERS_PER_WORD, w * LETTERS_PER_WORD + (topLength[w] ?? 0)), starts[i]);
		});
		return { words: wordsOf, starts, letters };
	};
	const docs = corpus.letters.map((_, doc) => doc);
	const overall = lists(docs, 0, true);
	const byCollection = new Map<string, WordLists>();
	corpus.collections.forEach((c, i) => {
		byCollection.set(
			c.id,
			lists(
				docs.filter((doc) => corpus.letters[doc]?.collection === c.id),
				i + 1,
				false,
			),
		);
	});
	return {
		letterIds: corpus.letters.map((l) => l.id),
		words: uses.words,
		overall,
		byCollection,
	};
}

function suggestionTables(corpus: Corpus, uses: WordUses): Record<SuggestionKind, SuggestTable> {
	const people = [...corpus.people.values()];
	const dates = [...corpus.byDate.entries()].filter(([date]) => date.length >= 7);
	return {
		person: table(
			people.map(({ person }) => [
				person.id,
				person.name,
				person.shortName,
				...person.aliases,
				...person.name.split(/\s+/).slice(1),
			]),
			(i) => {
				const person = people[i]?.person;
				return person === undefined ? undefined : { kind: 'person', value: person.id, label: person.name };
			},
		),
		letter: table(
			corpus.letters.map((l) => [l.id]),
			(i) => {
				const l = corpus.letters[i];
				return l === undefined ? undefined : { kind: 'letter', value: l.id, label: letterLabel(corpus, l) };
			},
		),
		date: table(
			dates.map(([date]) => [date, formatIsoDate(date)]),
			(i) => {
				const [date, ls] = dates[i] ?? [];
				if (date === undefined || ls === undefined) return undefined;
				return { kind: 'date', value: date, label: `${formatIsoDate(date)} (${plural(ls.length, 'letter')})` };
			},
		),
		word: table(
			uses.words.map((word) => [word]),
			(i) => {
				const word = uses.words[i];
				const count = uses.letterCounts[i] ?? 0;
				return word === undefined
					? undefined
					: { kind: 'word', value: word, label: `${word} (${plural(count, 'letter')})` };
			},
			uses.letterCounts,
		),
	};
}

/** The fields of a letter that are searched, with how much a match in each counts. */
const FIELD_BOOSTS = { text: 1, heading: 2, people: 1.5, date: 1.5 };

/**
 * Build the full-text index once for a corpus: the letters' text, headings (with their
 * classification), correspondents' names and dates.
 */
export function buildSearch(corpus: Corpus): SearchIndex {
	const { letters } = corpus;
	const at = (doc: number): Letter | undefined => letters[doc];
	const names = new Map<string, string>();
	const text = buildTextIndex(
		letters.length,
		[
			{ boost: FIELD_BOOSTS.text, text: (doc) => (at(doc)?.body ?? []).join('\n') },
			{
				boost: FIELD_BOOSTS.heading,
				text: (doc) => {
					const l = at(doc);
					return [l?.heading, l?.classification].filter((h) => h !== undefined).join(' ');
				},
			},
			{
				boost: FIELD_BOOSTS.people,
				text: (doc) => {
					const l = at(doc);
					return l === undefined ? '' : peopleText(corpus, l, names);
				},
			},
			{
				boost: FIELD_BOOSTS.date,
				text: (doc) => {
					const l = at(doc);
					return l === undefined ? '' : letterDateText(l);
				},
			},
		],
		processTerm,
	);
	const collectionIndex = new Map(corpus.collections.map((c, i) => [c.id, i]));
	const collectionOf = new Uint16Array(letters.length);
	const yearOf = new Int32Array(letters.length);
	letters.forEach((l, doc) => {
		collectionOf[doc] = collectionIndex.get(l.collection) ?? 0;
		yearOf[doc] = letterYear(l) ?? NO_YEAR;
	});
	const docsByPerson = new Map<string, Uint32Array>();
	for (const [key, ids] of corpus.lettersByPerson) {
		docsByPerson.set(
			key,
			Uint32Array.from(ids, (id) => corpus.order.get(id) ?? 0),
		);
	}
	const correspondentBits = new Map<readonly CorpusPerson[], Uint32Array>();
	for (const lists of [corpus.peopleByName.values(), corpus.peopleByWord.values()]) {
		for (const people of lists) {
			const theirs = people.map((p) => docsByPerson.get(personKey(p.collection, p.person.id)) ?? []);
			if (correspondentBits.has(people) || theirs.reduce((n, docs) => n + docs.length, 0) < MANY_LETTERS) continue;
			const bits = new Uint32Array((letters.length + 31) >>> 5);
			for (const docs of theirs) for (const doc of docs) bits[doc >>> 5] = (bits[doc >>> 5] ?? 0) | (1 << (doc & 31));
			correspondentBits.set(people, bits);
		}
	}
	return {
		corpus,
		text,
		collectionOf,
		yearOf,
		docsByPerson,
		correspondentBits,
		personMarks: { letters: new Uint32Array(letters.length), stamp: 0 },
	};
}

/**
 * The filters of a search as a test of a letter's number, read from per-letter arrays and, for a
 * correspondent, a mark per letter of theirs; undefined when there is no filter.
 */
function letterFilter(
	index: SearchIndex,
	options: SearchOptions,
	people: readonly CorpusPerson[] | undefined,
): ((doc: number) => boolean) | undefined {
	const { corpus, collectionOf, yearOf, docsByPerson, personMarks, correspondentBits } = index;
	const collection =
		options.collection === undefined ? -1 : corpus.collections.findIndex((c) => c.id === options.collection);
	const year = options.year;
	const bits = people === undefined ? undefined : correspondentBits.get(people);
	if (bits !== undefined) {
		return (doc) =>
			(collection < 0 || collectionOf[doc] === collection) &&
			(year === undefined || yearOf[doc] === year) &&
			(((bits[doc >>> 5] ?? 0) >>> (doc & 31)) & 1) === 1;
	}
	let theirs: Uint32Array | undefined;
	let stamp = 0;
	if (people !== undefined) {
		if (personMarks.stamp >= 0xfffffff0) {
			personMarks.letters.fill(0);
			personMarks.stamp = 0;
		}
		stamp = ++personMarks.stamp;
		theirs = personMarks.letters;
		for (const p of people)
			for (const doc of docsByPerson.get(personKey(p.collection, p.person.id)) ?? []) theirs[doc] = stamp;
	}
	if (collection < 0 && year === undefined && theirs === undefined) return undefined;
	return (doc) =>
		(collection < 0 || collectionOf[doc] === collection) &&
		(year === undefined || yearOf[doc] === year) &&
		(theirs === undefined || theirs[doc] === stamp);
}

/** Filters and limits for {@link searchLetters}. */
export interface SearchOptions {
	/** Only letters this person sent or received (id, name or alias). */
	readonly correspondent?: string;
	readonly year?: number;
	/** A collection id. */
	readonly collection?: string;
	/** At most this many results (default 10). */
	readonly limit?: number;
}

/** One search result. */
export interface SearchHit {
	readonly letter: Letter;
	/** Relevance; higher is better. Results come best first. */
	readonly score: number;
	/** The indexed terms that matched. */
	readonly terms: readonly string[];
	/** A short passage of the text around the first match, or the label of a letter without text. */
	readonly snippet: string;
}

const SNIPPET_LENGTH = 160;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word pattern per term, made once per search. */
type WordPatterns = Map<string, RegExp>;

function wholeWord(patterns: WordPatterns, term: string): RegExp {
	let pattern = patterns.get(term);
	if (pattern === undefined)
		patterns.set(term, (pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(term)}(?![\\p{L}])`, 'u')));
	return pattern;
}

function snippetFor(
	corpus: Corpus,
	letter: Letter,
	terms: readonly string[],
	patterns: WordPatterns = new Map(),
): string {
	const paragraphs = letter.body ?? [];
	for (const paragraph of paragraphs) {
		// Accents and typographic apostrophes are folded as the index folds them; plain ASCII needs none of it.
		const folded = NOT_ASCII.test(paragraph)
			? paragraph.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase()
			: paragraph.toLowerCase();
		const anywhere = terms.map((t) => folded.indexOf(t));
		if (anywhere.every((i) => i < 0)) continue;
		// A whole-word match makes the better snippet; a match inside a word will do otherwise.
		const whole = terms.map((t, i) =>
			(anywhere[i] ?? -1) < 0 ? -1 : (wholeWord(patterns, t).exec(folded)?.index ?? -1),
		);
		const positions = whole.some((i) => i >= 0) ? whole : anywhere;
		const at = Math.min(...positions.filter((i) => i >= 0));
		if (!Number.isFinite(at)) continue;
		const start = Math.max(0, at - 60);
		const from = start === 0 ? 0 : paragraph.indexOf(' ', start) + 1;
		const slice = paragraph.slice(from, from + SNIPPET_LENGTH);
		const end = from + SNIPPET_LENGTH < paragraph.length ? slice.lastIndexOf(' ') : slice.length;
		return `${from > 0 ? '…' : ''}${slice.slice(0, end > 0 ? end : slice.length)}${from + SNIPPET_LENGTH < paragraph.length ? '…' : ''}`;
	}
	const first = paragraphs[0];
	if (first !== undefined) return first.length > SNIPPET_LENGTH ? `${first.slice(0, SNIPPET_LENGTH)}…` : first;
	return `${letterLabel(corpus, letter)} (text not held)`;
}

/**
 * Search letters by their text, headings, people and dates, best first, with optional filters.
 * Every query word must match when any letter matches them all; otherwise any word may.
 */
export function searchLetters(
	index: SearchIndex,
	query: string,
	options: SearchOptions = {},
): Result<readonly SearchHit[], 'empty-query' | 'unknown-person' | 'no-match'> {
	const { corpus } = index;
	if (query.trim() === '') return fail('empty-query', 'The search query is empty; give a word or phrase to look for');
	const words = query.split(/[^\p{L}\p{N}']+/u).filter((w) => w !== '');
	if (words.length > 0 && words.every((w) => processTerm(w) === null)) {
		return fail('empty-query', `The search query "${query.trim()}" has only common words; add a more particular one`);
	}
	let people: readonly CorpusPerson[] | undefined;
	if (options.correspondent !== undefined) {
		const found = findCorrespondent(corpus, options.correspondent);
		if (!found.ok) return found;
		people = found.value;
	}
	if (options.collection !== undefined && collectionOf(corpus, options.collection) === undefined) {
		const known = corpus.collections.map((c) => c.id).join(', ');
		return fail('no-match', `No collection has the id "${options.collection}"; the collections are ${known}`);
	}
	const allow = letterFilter(index, options, people);
	const limit = options.limit ?? 10;
	const run = (combineWith: 'AND' | 'OR') =>
		queryTextIndex(index.text, query, {
			combineWith,
			limit,
			// The last word may be half-typed; words of five letters or more tolerate one typo.
			prefix: true,
			fuzzyFrom: 5,
			...(allow === undefined ? {} : { allow }),
		});
	let results = run('AND');
	if (results.length === 0) results = run('OR');
	const patterns: WordPatterns = new Map();
	const hits = results.flatMap((r) => {
		const letter = corpus.letters[r.doc];
		return letter
			? [{ letter, score: r.score, terms: r.terms, snippet: snippetFor(corpus, letter, r.terms, patterns) }]
			: [];
	});
	return ok(hits);
}

/** Filters and a limit for {@link findLetters}. */
export interface FindOptions {
	/** A collection id. */
	readonly collection?: string;
	/** At most this many letters (default 25). */
	readonly limit?: number;
}

// What findLetters reads at most: postings of a half-typed word's completions, and postings to find candidates.
const FIND_COMPLETION_POSTINGS = 5_000;
const FIND_READ_POSTINGS = 2_000;

/**
 * Letters holding the words typed so far, for autocomplete: {@link searchLetters} made cheap
 * whatever the size of the corpus. No typo tolerance, fewer completions of the last word, at most
 * {@link FIND_READ_POSTINGS} postings read to find candidates (so a common word finds some of its
 * letters, not necessarily the best), and no snippets. Empty when nothing matches, the query has
 * no word, or the collection is unknown.
 */
export function findLetters(index: SearchIndex, query: string, options: FindOptions = {}): readonly Letter[] {
	const { corpus } = index;
	if (options.collection !== undefined && collectionOf(corpus, options.collection) === undefined) return [];
	const allow = letterFilter(index, options, undefined);
	const run = (combineWith: 'AND' | 'OR') =>
		queryTextIndex(index.text, query, {
			combineWith,
			limit: options.limit ?? 25,
			prefix: true,
			fuzzyFrom: 0,
			completionPostings: FIND_COMPLETION_POSTINGS,
			readPostings: FIND_READ_POSTINGS,
			withoutTerms: true,
			...(allow === undefined ? {} : { allow }),
		});
	let results = run('AND');
	if (results.length === 0) results = run('OR');
	return results.flatMap((r) => corpus.letters[r.doc] ?? []);
}

function matchesIn(t: SuggestTable, prefix: string, limit: number, byWeight: boolean): Suggestion[] {
	const seen = new Set<number>();
	const found: number[] = [];
	// Words are ranked by how many letters use them, so look at a wider window before cutting.
	const window = byWeight ? Math.max(limit * 8, 64) : limit;
	for (let i = lowerBound(t.keys, prefix); i < t.keys.length && found.length < window; i++) {
		const key = t.keys[i];
		if (key === undefined || !key.startsWith(prefix)) break;
		const target = t.targets[i] ?? 0;
		if (seen.has(target)) continue;
		seen.add(target);
		found.push(target);
	}
	const weights = t.weights;
	if (byWeight && weights !== undefined) found.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0));
	return found.slice(0, limit).flatMap((i) => {
		const s = t.suggestion(i);
		return s ? [s] : [];
	});
}

/**
 * Suggestions for autocomplete: people, letter ids, dates and words of the text that begin with
 * what has been typed, in that order. Binary search over sorted tables, so it answers in
 * microseconds.
 *
 * @param index - The suggestion tables, from {@link buildSuggestions}.
 * @param typed - What the user has typed so far.
 * @param limit - At most this many suggestions (Discord allows 25).
 * @param kinds - Which kinds to suggest (default all).
 */
export function suggest(
	index: SuggestionIndex,
	typed: string,
	limit = 10,
	kinds: readonly SuggestionKind[] = ['person', 'letter', 'date', 'word'],
): readonly Suggestion[] {
	const prefix = normaliseName(typed);
	if (prefix === '' || limit <= 0) return [];
	const out: Suggestion[] = [];
	for (const kind of kinds) {
		if (out.length >= limit) break;
		out.push(...matchesIn(index.tables[kind], prefix, limit - out.length, kind === 'word'));
	}
	return out;
}
