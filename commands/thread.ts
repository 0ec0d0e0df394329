import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { letterInCollection } from '../src/core/collections.js';
import { getLetter } from '../src/core/corpus.js';
import { threadFor } from '../src/core/thread.js';
import { letterChoices } from '../src/discord/autocomplete.js';
import { collectionFilter, collectionHint, collectionOption } from '../src/discord/collections.js';
import type { Command } from '../src/discord/command.js';
import { notice, threadIndexOf, threadScreen } from '../src/discord/screens.js';

export const threadData = {
	name: 'thread',
	description: 'The whole thread of replies around a letter, one letter per page',
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

/** `/thread <letter> [collection]`: opens at the letter asked about. */
export const threadCommand = {
	data: threadData,
	run({ options }, deps) {
		const collection = collectionFilter(deps, options);
		if (!collection.ok) return notice(collection.error.message);
		const found = getLetter(deps.corpus, options.getString('letter') ?? '');
		if (!found.ok) return notice(found.error.message);
		// Replies never cross collections, so the whole thread is of the letter's collection.
		const kept = letterInCollection(deps.corpus, found.value, collection.value);
		if (!kept.ok) return notice(kept.error.message);
		const thread = threadFor(deps.corpus, found.value.id);
		if (!thread.ok) return notice(thread.error.message);
		const focus = thread.value.focus;
		const screen = threadScreen(deps.corpus, focus, threadIndexOf(deps.corpus, focus, focus), 0);
		return screen.ok ? { type: 'message', ephemeral: false, body: screen.value } : notice(screen.error.message);
	},
	autocomplete({ focused, options }, deps) {
		return { type: 'choices', choices: letterChoices(deps, focused.value, collectionHint(deps, options)) };
	},
} satisfies Command;
