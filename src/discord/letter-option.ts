/**
 * The `letter` option shared by `/letter`, `/thread` and `/cite`: declared once, and read once
 * with the command's `collection` filter applied.
 */
import { ApplicationCommandOptionType, type APIApplicationCommandStringOption } from 'discord.js';
import { letterInCollection } from '../core/collections.js';
import { getLetter } from '../core/corpus.js';
import type { Letter } from '../core/format.js';
import type { Result } from '../core/result.js';
import { collectionFilter } from './collections.js';
import type { CommandOptions, Deps } from './command.js';

/** The required, autocompleted `letter` option. */
export const letterOption = {
	type: ApplicationCommandOptionType.String,
	name: 'letter',
	description: 'Type an id, a date, a correspondent or a word, and pick a letter',
	required: true,
	autocomplete: true,
	max_length: 100,
} as const satisfies APIApplicationCommandStringOption;

/** The letter the options name, refused (with the reason) when it is unknown or outside the chosen collection. */
export function chosenLetter(deps: Deps, options: CommandOptions): Result<Letter> {
	const collection = collectionFilter(deps, options);
	if (!collection.ok) return collection;
	const found = getLetter(deps.corpus, options.getString(letterOption.name) ?? '');
	if (!found.ok) return found;
	return letterInCollection(deps.corpus, found.value, collection.value);
}
