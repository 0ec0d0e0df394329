/**
 * Autocomplete for letter, person and time zone options. Every letter choice's value is a letter
 * id, whatever was typed (an id, a date, a correspondent or a word), so the command always gets
 * something it can open.
 */
import { idsStartingWith, letterLabel, normaliseName, type Corpus, type CorpusPerson } from '../core/corpus.js';
import type { Letter } from '../core/format.js';
import { findLetters, lettersForWord, suggest } from '../core/search.js';
import { collectionTitle } from './collections.js';
import type { Choice, Deps } from './command.js';
import { MESSAGE_LIMITS } from './render/budget.js';
import { clip } from './render/text.js';

const LIMIT = MESSAGE_LIMITS.choices;

function letterChoice(corpus: Corpus, letter: Letter): Choice {
	const mark = letter.body === null ? ' (text not held)' : letter.excerpt ? ' (excerpt)' : '';
	return { name: clip(`${letterLabel(corpus, letter)}${mark}`, MESSAGE_LIMITS.choiceName), value: letter.id };
}

/** Typed text that has words in it, and text that reads as the start of a letter id. */
const LOOKS_LIKE_WORDS = /\p{L}{2,}/u;
const LOOKS_LIKE_ID = /^[a-z]{2,6}-(?:recd-|trans-)?\d/i;

/**
 * Letters for what has been typed: ids beginning with it (with or without the collection
 * prefix), then letters of matching dates, of matching correspondents, and containing matching
 * words (from the suggestion tables), then, only when those do not fill the list and the text has
 * words in it (not a date or an id), one bounded full-text search ({@link findLetters}); at most 25, and only of `collection`
 * when one is given.
 */
export function letterChoices(
	deps: Pick<Deps, 'corpus' | 'search' | 'suggestions'>,
	typed: string,
	collection?: string,
): Choice[] {
	const { corpus } = deps;
	const found = new Map<string, Letter>();
	const add = (letter: Letter | undefined): void => {
		if (letter && found.size < LIMIT && (collection === undefined || letter.collection === collection))
			found.set(letter.id, letter);
	};
	const inScope = corpus.collections.filter((c) => collection === undefined || c.id === collection);
	const filter = collection === undefined ? {} : { collection };
	const text = typed.trim();
	if (text === '') {
		for (const c of inScope) add(corpus.byId.get(corpus.exampleIds.get(c.idPrefix) ?? ''));
		return [...found.values()].map((l) => letterChoice(corpus, l));
	}
	const lower = text.toLowerCase();
	for (const prefix of [lower, ...inScope.map((c) => `${c.idPrefix}-${lower}`)]) {
		for (const id of idsStartingWith(corpus, prefix, LIMIT)) add(corpus.byId.get(id));
	}
	for (const s of suggest(deps.suggestions, text, 8, ['date', 'person', 'word'])) {
		if (found.size >= LIMIT) break;
		if (s.kind === 'date') for (const l of corpus.byDate.get(s.value) ?? []) add(l);
		if (s.kind === 'person') {
			for (const p of corpus.peopleByName.get(normaliseName(s.value)) ?? []) {
				if (collection !== undefined && p.collection !== collection) continue;
				for (const id of corpus.lettersByPerson.get(`${p.collection}/${p.person.id}`) ?? []) add(corpus.byId.get(id));
			}
		}
		// Letters for a word, not a ranking: read from the table built with the suggestions.
		if (s.kind === 'word')
			for (const id of lettersForWord(deps.suggestions, s.value, collection)) add(corpus.byId.get(id));
	}
	// Full-text search fills the list only for words: a date or an id ("1942-08-1", "al-1863")
	// is answered by the tables above. The search is the cheap one, bounded whatever the corpus.
	if (found.size < LIMIT && LOOKS_LIKE_WORDS.test(text) && !LOOKS_LIKE_ID.test(text)) {
		for (const letter of findLetters(deps.search, text, { limit: LIMIT, ...filter })) add(letter);
	}
	return [...found.values()].map((l) => letterChoice(corpus, l));
}

function peopleFor(
	corpus: Corpus,
	typed: string,
	suggestions: Deps['suggestions'],
	collection: string | undefined,
): CorpusPerson[] {
	const text = typed.trim();
	const seen = new Map<string, CorpusPerson>();
	const wanted = (p: CorpusPerson): boolean => collection === undefined || p.collection === collection;
	if (text === '') {
		for (const p of corpus.people.values())
			if (!p.person.mentionedOnly && wanted(p) && seen.size < LIMIT) seen.set(`${p.collection}/${p.person.id}`, p);
		return [...seen.values()];
	}
	// Other collections' people may come first among the suggestions: look further when filtering.
	for (const s of suggest(suggestions, text, collection === undefined ? LIMIT : LIMIT * 8, ['person'])) {
		for (const p of corpus.peopleByName.get(normaliseName(s.value)) ?? []) {
			if (p.person.id === s.value && wanted(p) && seen.size < LIMIT) seen.set(`${p.collection}/${p.person.id}`, p);
		}
	}
	return [...seen.values()];
}

/**
 * People for `/who`: the value names one person of one collection (`collection/id`); only people
 * of `collection` when one is given.
 */
export function personChoices(deps: Deps, typed: string, collection?: string): Choice[] {
	return peopleFor(deps.corpus, typed, deps.suggestions, collection).map((p) => {
		const collection = collectionTitle(deps, p.collection);
		const named = p.person.mentionedOnly ? ', named in letters' : '';
		return {
			name: clip(`${p.person.name} (${collection}${named})`, MESSAGE_LIMITS.choiceName),
			value: `${p.collection}/${p.person.id}`,
		};
	});
}

/**
 * Correspondents for the `from` filters: the value is a person id, as the core's filters take;
 * only people of `collection` when one is given.
 */
export function correspondentChoices(deps: Deps, typed: string, collection?: string): Choice[] {
	const byId = new Map<string, Choice>();
	for (const p of peopleFor(deps.corpus, typed, deps.suggestions, collection)) {
		if (!byId.has(p.person.id))
			byId.set(p.person.id, { name: clip(p.person.name, MESSAGE_LIMITS.choiceName), value: p.person.id });
	}
	return [...byId.values()];
}

/** Every IANA zone once, with its lower-cased name and parts, made on first use. */
let zones: readonly { readonly name: string; readonly lower: string; readonly parts: readonly string[] }[] | undefined;

/** IANA time zones containing what was typed (those starting with it first). */
export function timezoneChoices(typed: string): Choice[] {
	zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')].map((name) => {
		const lower = name.toLowerCase();
		return { name, lower, parts: lower.split('/') };
	});
	const text = typed.trim().toLowerCase().replace(/\s+/g, '_');
	const starts: string[] = [];
	const contains: string[] = [];
	for (const zone of zones) {
		if (zone.lower.startsWith(text) || zone.parts.some((part) => part.startsWith(text))) starts.push(zone.name);
		else if (zone.lower.includes(text)) contains.push(zone.name);
	}
	return [...starts, ...contains].slice(0, LIMIT).map((z) => ({ name: z, value: z }));
}
