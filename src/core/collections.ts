/**
 * Collection filters: checking a collection id a user gave, and a letter asked for by id against
 * it. Every interface filters the same way and says the same thing when the filter does not fit.
 */
import { collectionOf, type Corpus } from './corpus.js';
import type { Collection, Letter } from './format.js';
import { fail, ok, type Result } from './result.js';

/** A collection by id, or a message naming the collections there are. */
export function findCollection(corpus: Corpus, id: string): Result<Collection, 'unknown-collection'> {
	const found = collectionOf(corpus, id.trim());
	if (found) return ok(found);
	const known = corpus.collections.map((c) => c.id).join(', ');
	return fail('unknown-collection', `No collection has the id "${id.trim()}"; the collections are ${known}`);
}

/**
 * The letter, when it belongs to `collection` or no collection is asked for; else a message
 * saying which collection it is in. Replies never cross collections, so a letter that passes
 * passes with its whole thread.
 */
export function letterInCollection(
	corpus: Corpus,
	letter: Letter,
	collection: string | undefined,
): Result<Letter, 'unknown-collection' | 'other-collection'> {
	if (collection === undefined) return ok(letter);
	const wanted = findCollection(corpus, collection);
	if (!wanted.ok) return wanted;
	if (letter.collection === wanted.value.id) return ok(letter);
	return fail(
		'other-collection',
		`The letter ${letter.id} is in the ${letter.collection} collection, not in ${wanted.value.id}`,
	);
}
