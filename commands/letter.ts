import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { letterInCollection } from '../src/core/collections.js';
import { getLetter } from '../src/core/corpus.js';
import { letterChoices } from '../src/discord/autocomplete.js';
import { collectionFilter, collectionHint, collectionOption } from '../src/discord/collections.js';
import type { Command } from '../src/discord/command.js';
import { letterScreen, notice } from '../src/discord/screens.js';

export const letterData = {
	name: 'letter',
	description: 'Read one letter',
	options: [
		{
			type: ApplicationCommandOptionType.String,
			name: 'letter',
			description: 'Type an id, a date, a correspondent or a word, and pick a letter',
			required: true,
			autocomplete: true,
			max_length: 100,
		},
		collectionOption('Only letters of this collection'),
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/letter <letter> [collection]`: one letter, paged, with its links. */
export const letterCommand = {
	data: letterData,
	run({ options }, deps) {
		const collection = collectionFilter(deps, options);
		if (!collection.ok) return notice(collection.error.message);
		const found = getLetter(deps.corpus, options.getString('letter') ?? '');
		if (!found.ok) return notice(found.error.message);
		const kept = letterInCollection(deps.corpus, found.value, collection.value);
		if (!kept.ok) return notice(kept.error.message);
		const screen = letterScreen(deps.corpus, found.value.id, 0);
		return screen.ok ? { type: 'message', ephemeral: false, body: screen.value } : notice(screen.error.message);
	},
	autocomplete({ focused, options }, deps) {
		return { type: 'choices', choices: letterChoices(deps, focused.value, collectionHint(deps, options)) };
	},
} satisfies Command;
