/**
 * The core benchmark: each query of `src/core` (and the pure autocomplete and screen builders the
 * bot calls) timed call by call over inputs drawn from the corpus with a fixed seed.
 */
import { buildCorpus, findCorrespondent, getLetter, type Corpus } from '../src/core/corpus.js';
import type { CheckedDataSet } from '../src/data/check.js';
import { contextFor } from '../src/core/context.js';
import { randomExchange } from '../src/core/exchange.js';
import { onThisDay } from '../src/core/on-this-day.js';
import { mulberry32, type Rng } from '../src/core/rng.js';
import {
	buildSearch,
	buildSuggestions,
	searchLetters,
	suggest,
	type SearchIndex,
	type SuggestionIndex,
} from '../src/core/search.js';
import { threadFor } from '../src/core/thread.js';
import { collectionViews, letterView } from '../src/core/views.js';
import { correspondentChoices, letterChoices, personChoices } from '../src/discord/autocomplete.js';
import type { Deps } from '../src/discord/command.js';
import { sample, summarise, type SampleOptions, type Summary } from './stats.js';

/** One timed operation. */
export interface CoreResult extends Summary {
	readonly operation: string;
	/** What the inputs were, in a few words. */
	readonly inputs: string;
}

/** The built indexes a core benchmark runs on. */
export interface Indexed {
	readonly corpus: Corpus;
	readonly search: SearchIndex;
	readonly suggestions: SuggestionIndex;
}

export function buildIndexes(data: CheckedDataSet): Indexed {
	const corpus = buildCorpus(data);
	return { corpus, search: buildSearch(corpus), suggestions: buildSuggestions(corpus) };
}

function pickFrom<T>(rng: Rng, items: readonly T[], count: number): T[] {
	if (items.length === 0) return [];
	return Array.from({ length: count }, () => items[Math.floor(rng() * items.length)] as T);
}

/** Sizes of the reply threads (connected components), largest first: they bound thread queries. */
export function threadSizes(corpus: Corpus): number[] {
	const seen = new Set<string>();
	const sizes: number[] = [];
	for (const letter of corpus.letters) {
		if (seen.has(letter.id)) continue;
		const queue = [letter];
		seen.add(letter.id);
		let size = 0;
		for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
			size++;
			const neighbours = [...next.replyTo.map((r) => corpus.byId.get(r.id)), ...(corpus.repliedBy.get(next.id) ?? [])];
			for (const n of neighbours) {
				if (n && !seen.has(n.id)) {
					seen.add(n.id);
					queue.push(n);
				}
			}
		}
		sizes.push(size);
	}
	return sizes.sort((a, b) => b - a);
}

/** Inputs for the operations, drawn once per corpus with a fixed seed. */
export function drawInputs(corpus: Corpus, suggestions: SuggestionIndex) {
	const rng = mulberry32(20_260_101);
	const letters = corpus.letters;
	const ids = pickFrom(rng, letters, 512).map((l) => l.id);
	const threaded = letters.filter((l) => l.replyTo.length > 0 || corpus.repliedBy.has(l.id));
	const threadIds = pickFrom(rng, threaded.length > 0 ? threaded : letters, 512).map((l) => l.id);
	const days = Array.from({ length: 366 }, (_, i) => {
		const d = new Date(Date.UTC(2024, 0, 1 + i));
		return { year: 2025 + (i % 2), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
	});
	const writers = [...corpus.people.values()].filter((p) => !p.person.mentionedOnly);
	const names = pickFrom(rng, writers, 256).map((p) => p.person.shortName);
	const wordTable = suggestions.tables.word;
	// Words weighted by use, as people search: common, middling and rare words.
	const byUse = Array.from({ length: wordTable.count }, (_, i) => ({
		word: wordTable.suggestion(i)?.value ?? '',
		weight: wordTable.weights?.[i] ?? 0,
	})).sort((a, b) => b.weight - a.weight);
	const common = byUse.slice(0, 200).map((w) => w.word);
	const middling = byUse.slice(200, 5_000).map((w) => w.word);
	const rare = byUse.slice(Math.floor(byUse.length / 2)).map((w) => w.word);
	const oneWord = pickFrom(rng, [...common, ...middling, ...middling, ...rare], 256);
	const twoWords = Array.from({ length: 256 }, () => `${pickFrom(rng, common, 1)[0]} ${pickFrom(rng, middling, 1)[0]}`);
	// Typing in progress: 1 to 4 characters of a word, a name or an id.
	const prefixes = Array.from({ length: 512 }, () => {
		const source =
			rng() < 0.4 ? pickFrom(rng, middling, 1)[0] : rng() < 0.6 ? pickFrom(rng, names, 1)[0] : pickFrom(rng, ids, 1)[0];
		return (source ?? 'a').slice(0, 1 + Math.floor(rng() * 4));
	});
	const typedLetters = Array.from({ length: 512 }, (_, i) => {
		const id = ids[i % ids.length] ?? '';
		switch (i % 4) {
			case 0:
				return id.slice(0, 4 + Math.floor(rng() * 10)); // an id being typed
			case 1:
				return (id.split('-').slice(1, 4).join('-') || id).slice(0, 4 + Math.floor(rng() * 6)); // a date
			case 2:
				return (pickFrom(rng, names, 1)[0] ?? 'a').slice(0, 3 + Math.floor(rng() * 4)); // a name
			default:
				return (pickFrom(rng, middling, 1)[0] ?? 'a').slice(0, 3 + Math.floor(rng() * 4)); // a word
		}
	});
	const years = pickFrom(rng, letters, 256).map((l) => Number((l.sent ?? '1800').slice(0, 4)));
	return { ids, threadIds, days, names, oneWord, twoWords, prefixes, typedLetters, years };
}

/** The inputs, as the bot benchmark sends them in interactions. */
export type Inputs = ReturnType<typeof drawInputs>;
/**
 * Time every operation on one corpus.
 *
 * @param indexed - The corpus and its indexes.
 * @param options - Warm-up, samples and time budget per operation.
 * @param progress - Called before each operation, for progress lines.
 */
export function runCore(
	indexed: Indexed,
	options: SampleOptions,
	progress: (operation: string) => void = () => undefined,
): CoreResult[] {
	const { corpus, search, suggestions } = indexed;
	const input = drawInputs(corpus, suggestions);
	const deps: Deps = {
		corpus,
		search,
		suggestions,
		settings: { get: () => Promise.resolve(undefined) },
		random: mulberry32(5),
	};
	const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
	const ops: { operation: string; inputs: string; run: (i: number) => unknown }[] = [
		{ operation: 'onThisDay', inputs: 'each day of the year', run: (i) => onThisDay(corpus, at(input.days, i)) },
		{
			operation: 'onThisDay requireText',
			inputs: 'each day, text only (the daily post)',
			run: (i) => onThisDay(corpus, at(input.days, i), { requireText: true }),
		},
		{ operation: 'getLetter', inputs: 'known ids', run: (i) => getLetter(corpus, at(input.ids, i)) },
		{
			operation: 'getLetter unknown',
			inputs: 'a bare date (near ids offered)',
			run: (i) => getLetter(corpus, (at(input.ids, i).split('-').slice(1, 4).join('-') || 'x') + 'x'),
		},
		{
			operation: 'threadFor',
			inputs: 'letters in a reply chain',
			run: (i) => threadFor(corpus, at(input.threadIds, i)),
		},
		{ operation: 'randomExchange', inputs: 'no filter', run: (i) => randomExchange(corpus, {}, mulberry32(i)) },
		{
			operation: 'randomExchange from',
			inputs: 'a correspondent',
			run: (i) => randomExchange(corpus, { correspondent: at(input.names, i) }, mulberry32(i)),
		},
		{
			operation: 'randomExchange year',
			inputs: 'a year with letters',
			run: (i) => randomExchange(corpus, { year: at(input.years, i) }, mulberry32(i)),
		},
		{ operation: 'searchLetters', inputs: 'one word', run: (i) => searchLetters(search, at(input.oneWord, i)) },
		{
			operation: 'searchLetters 2 words',
			inputs: 'common + middling word',
			run: (i) => searchLetters(search, at(input.twoWords, i)),
		},
		{
			operation: 'searchLetters from',
			inputs: 'one word, a correspondent',
			run: (i) => searchLetters(search, at(input.oneWord, i), { correspondent: at(input.names, i) }),
		},
		{
			operation: 'suggest',
			inputs: '1-4 typed characters',
			run: (i) => suggest(suggestions, at(input.prefixes, i), 25),
		},
		{
			operation: 'contextFor',
			inputs: 'known letters',
			run: (i) => contextFor(corpus, corpus.byId.get(at(input.ids, i)) ?? corpus.letters[0]!),
		},
		{
			operation: 'letterView',
			inputs: 'known letters',
			run: (i) => letterView(corpus, corpus.byId.get(at(input.ids, i)) ?? corpus.letters[0]!),
		},
		{
			operation: 'findCorrespondent unknown',
			inputs: 'a name nobody has',
			run: (i) => findCorrespondent(corpus, `zz-nobody-${i % 7}`),
		},
		{ operation: 'collectionViews', inputs: '(/about)', run: () => collectionViews(corpus) },
		{
			operation: 'letterChoices',
			inputs: 'autocomplete of /letter',
			run: (i) => letterChoices(deps, at(input.typedLetters, i)),
		},
		{
			operation: 'personChoices',
			inputs: 'autocomplete of /who',
			run: (i) => personChoices(deps, at(input.prefixes, i)),
		},
		{
			operation: 'correspondentChoices',
			inputs: 'autocomplete of from',
			run: (i) => correspondentChoices(deps, at(input.names, i).slice(0, 1 + (i % 4))),
		},
	];
	const results: CoreResult[] = [];
	for (const op of ops) {
		progress(op.operation);
		results.push({ operation: op.operation, inputs: op.inputs, ...summarise(sample(op.run, options)) });
	}
	return results;
}
