/**
 * The `collection` option of the lookup commands. The registry stays static: a command declares
 * the option without choices, and {@link withCollectionChoices} fills them in from the loaded
 * collections when the commands are registered. Handlers check the value against the corpus they
 * run with, so a registration older than the data is answered plainly, never trusted.
 */
import {
	ApplicationCommandOptionType,
	type APIApplicationCommandBasicOption,
	type APIApplicationCommandOption,
	type APIApplicationCommandStringOption,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { findCollection } from '../core/collections.js';
import { collectionOf, type Corpus } from '../core/corpus.js';
import type { Collection } from '../core/format.js';
import { fail, ok, type Result } from '../core/result.js';
import type { Choice, CommandOptions, Deps } from './command.js';
import { MESSAGE_LIMITS } from './render/budget.js';
import { clip } from './render/text.js';

/** The option's name, in every command that has it. */
export const COLLECTION_OPTION = 'collection';

/** The collection option as a command declares it, with what it filters in its description. */
export function collectionOption(description: string): APIApplicationCommandStringOption {
	return {
		type: ApplicationCommandOptionType.String,
		name: COLLECTION_OPTION,
		description,
		required: false,
	};
}

/** The choices of the collection option: one per collection (at most 25), named by short title. */
export function collectionChoices(collections: readonly Pick<Collection, 'id' | 'shortTitle'>[]): Choice[] {
	return collections
		.slice(0, MESSAGE_LIMITS.choices)
		.map((c) => ({ name: clip(c.shortTitle, MESSAGE_LIMITS.choiceName), value: c.id }));
}

function fillBasic(
	option: APIApplicationCommandBasicOption,
	choices: readonly Choice[],
): APIApplicationCommandBasicOption {
	if (option.type !== ApplicationCommandOptionType.String || option.name !== COLLECTION_OPTION) return option;
	if (option.autocomplete === true || choices.length === 0) return option;
	return { ...option, choices: [...choices] };
}

function fill(option: APIApplicationCommandOption, choices: readonly Choice[]): APIApplicationCommandOption {
	switch (option.type) {
		case ApplicationCommandOptionType.Subcommand:
			return { ...option, options: option.options?.map((o) => fillBasic(o, choices)) };
		case ApplicationCommandOptionType.SubcommandGroup:
			return {
				...option,
				options: option.options?.map((sub) => ({ ...sub, options: sub.options?.map((o) => fillBasic(o, choices)) })),
			};
		default:
			return fillBasic(option, choices);
	}
}

/**
 * A command's registration data with the choices of every collection option filled in from the
 * collections. The one place where the data decides what Discord offers.
 */
export function withCollectionChoices(
	data: RESTPostAPIChatInputApplicationCommandsJSONBody,
	collections: readonly Pick<Collection, 'id' | 'shortTitle'>[],
): RESTPostAPIChatInputApplicationCommandsJSONBody {
	if (!data.options) return data;
	const choices = collectionChoices(collections);
	return { ...data, options: data.options.map((o) => fill(o, choices)) };
}

/**
 * The collection a command was filtered by: undefined when the option is not set, or a failure
 * naming the collections there are when it is not one of them.
 */
export function collectionFilter(
	deps: Pick<Deps, 'corpus'>,
	options: Pick<CommandOptions, 'getString'>,
): Result<string | undefined, 'unknown-collection'> {
	const given = options.getString(COLLECTION_OPTION);
	if (given === null || given.trim() === '') return ok(undefined);
	const found = findCollection(deps.corpus, given);
	return found.ok ? ok(found.value.id) : found;
}

/** The short title of a collection, for messages, falling back to its id. */
export function collectionTitle(deps: Pick<Deps, 'corpus'>, id: string): string {
	return collectionOf(deps.corpus, id)?.shortTitle ?? id;
}

/**
 * The collection to narrow suggestions to while an option is typed. An unknown value narrows
 * nothing: the command itself then says why it is refused.
 */
export function collectionHint(
	deps: Pick<Deps, 'corpus'>,
	options: Pick<CommandOptions, 'getString'>,
): string | undefined {
	const found = collectionFilter(deps, options);
	return found.ok ? found.value : undefined;
}

/**
 * How a component's custom_id names a choice of collections: one by its id, several by their id
 * prefixes (`bt`, `ad`, …), short enough to fit beside the longest letter id.
 *
 * @param ids - collection ids (none, or every one: all collections, nothing to write)
 */
export function collectionTokens(corpus: Corpus, ids: readonly string[]): string[] {
	if (ids.length <= 1) return [...ids];
	if (corpus.collections.every((c) => ids.includes(c.id))) return [];
	return ids.map((id) => collectionOf(corpus, id)?.idPrefix ?? id);
}

/**
 * The collection ids a component's custom_id names (by id or by id prefix, as
 * {@link collectionTokens} writes them); the first name no collection has, when one is gone.
 */
export function collectionsOfTokens(corpus: Corpus, tokens: readonly string[]): Result<string[], 'unknown-collection'> {
	const ids: string[] = [];
	for (const token of tokens) {
		const found = collectionOf(corpus, token) ?? corpus.collections.find((c) => c.idPrefix === token);
		if (found === undefined) return fail('unknown-collection', token);
		ids.push(found.id);
	}
	return ok(ids);
}
