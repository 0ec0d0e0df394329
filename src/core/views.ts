/**
 * Plain, serialisable views of letters, shared by every interface (the CLI's `--json` output
 * and the Discord renderers).
 */
import { contextFor } from './context.js';
import { collectionOf, isPlaceholder, personOf, sourceOf, type Corpus } from './corpus.js';
import { letterDateText } from './dates.js';
import { repliedByOf, repliesToOf } from './exchange.js';
import type { Letter, LetterKind } from './format.js';

/** A person as a view names them. */
export interface PersonRef {
	readonly id: string;
	readonly name: string;
	/** The name used in running text, e.g. `Stalin`. */
	readonly shortName: string;
}

/** Where a letter's text comes from. */
export interface SourceView {
	readonly id: string;
	readonly title: string;
	/** Where in the source: a line, page or section. */
	readonly ref: string;
	readonly credit: string;
	readonly licence: string;
	readonly note?: string;
	readonly url?: string;
}

/** Everything an interface shows about a letter. */
export interface LetterView {
	readonly id: string;
	readonly collection: string;
	/** The sent date at its precision (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or null when unknown. */
	readonly date: string | null;
	/** The date as a reader should see it, e.g. `June 1943` or `date unknown (received 5 November 1942)`. */
	readonly dateText: string;
	readonly kind: LetterKind;
	readonly from: readonly PersonRef[];
	readonly to: readonly PersonRef[];
	readonly heading: string | null;
	readonly classification: string | null;
	readonly salutation: string | null;
	/** The paragraphs joined by blank lines; null when the text is not held. */
	readonly text: string | null;
	readonly paragraphs: readonly string[] | null;
	readonly signature: string | null;
	/** True when only part of the text is known. */
	readonly excerpt: boolean;
	/** True when the text is not held at all. */
	readonly placeholder: boolean;
	/** Ids of the letters this one replies to, in date order. */
	readonly replyTo: readonly string[];
	/** Ids of the letters that reply to this one, in date order. */
	readonly repliedBy: readonly string[];
	readonly context: string;
	readonly source: SourceView;
}

/** A person of a collection as views name them (the id stands in for a person the people file lacks). */
export function personRef(corpus: Corpus, collection: string, id: string): PersonRef {
	const person = personOf(corpus, collection, id);
	return { id, name: person?.name ?? id, shortName: person?.shortName ?? id };
}

function refs(corpus: Corpus, letter: Letter, ids: readonly string[]): PersonRef[] {
	return ids.map((id) => personRef(corpus, letter.collection, id));
}

/** The view of a letter, with its context. */
export function letterView(corpus: Corpus, letter: Letter): LetterView {
	const source = sourceOf(corpus, letter);
	const collection = collectionOf(corpus, letter.collection);
	return {
		id: letter.id,
		collection: letter.collection,
		date: letter.sent,
		dateText: letterDateText(letter),
		kind: letter.kind,
		from: refs(corpus, letter, letter.from),
		to: refs(corpus, letter, letter.to),
		heading: letter.heading ?? null,
		classification: letter.classification ?? null,
		salutation: letter.salutation ?? null,
		text: letter.body === null ? null : letter.body.join('\n\n'),
		paragraphs: letter.body,
		signature: letter.signature ?? null,
		excerpt: letter.excerpt,
		placeholder: isPlaceholder(letter),
		replyTo: repliesToOf(corpus, letter).map((l) => l.id),
		repliedBy: repliedByOf(corpus, letter).map((l) => l.id),
		context: contextFor(corpus, letter),
		source: {
			id: letter.source.id,
			title: source?.title ?? collection?.title ?? letter.source.id,
			ref: letter.source.ref,
			credit: source?.credit ?? '',
			licence: source?.licence ?? collection?.licence ?? '',
			...(letter.source.note === undefined ? {} : { note: letter.source.note }),
			...(source?.url === undefined ? {} : { url: source.url }),
		},
	};
}

/** A collection with the size of its contents. */
export interface CollectionView {
	readonly id: string;
	readonly title: string;
	readonly shortTitle: string;
	readonly description: string;
	readonly edition: string;
	readonly period: { readonly from: string; readonly to: string };
	readonly licence: string;
	readonly letters: number;
	readonly withFullText: number;
	readonly excerpts: number;
	/** Letters known only because others mention them; their text is not held. */
	readonly placeholders: number;
	/** People who wrote or received letters in the collection. */
	readonly correspondents: readonly PersonRef[];
}

/** The views of each corpus's collections, made on the first call: they never change after `buildCorpus`. */
const viewsByCorpus = new WeakMap<Corpus, readonly CollectionView[]>();

/**
 * Every collection in the corpus, with counts (counted once by `buildCorpus`) and correspondents.
 * Made once per corpus and shared by later calls (a collection of 100,000 letters lists thousands
 * of correspondents).
 */
export function collectionViews(corpus: Corpus): readonly CollectionView[] {
	let views = viewsByCorpus.get(corpus);
	if (views === undefined) viewsByCorpus.set(corpus, (views = makeCollectionViews(corpus)));
	return views;
}

function makeCollectionViews(corpus: Corpus): readonly CollectionView[] {
	return corpus.collections.map((c) => {
		const stats = corpus.collectionStats.get(c.id);
		return {
			id: c.id,
			title: c.title,
			shortTitle: c.shortTitle,
			description: c.description,
			edition: c.edition,
			period: c.period,
			licence: c.licence,
			letters: stats?.letters ?? 0,
			withFullText: stats?.withFullText ?? 0,
			excerpts: stats?.excerpts ?? 0,
			placeholders: stats?.placeholders ?? 0,
			correspondents: (stats?.correspondentIds ?? []).map((id) => personRef(corpus, c.id, id)),
		};
	});
}
