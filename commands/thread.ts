import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { threadFor } from '../src/core/thread.js';
import { letterChoices } from '../src/discord/autocomplete.js';
import { collectionHint, collectionOption } from '../src/discord/collections.js';
import type { Command } from '../src/discord/command.js';
import { chosenLetter, letterOption } from '../src/discord/letter-option.js';
import { notice, threadIndexOf, threadScreen } from '../src/discord/screens.js';

export const threadData = {
	name: 'thread',
	description: 'The whole thread of replies around a letter, one letter per page',
	options: [letterOption, collectionOption('Only letters of this collection')],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/thread <letter> [collection]`: opens at the letter asked about. */
export const threadCommand = {
	data: threadData,
	run({ options }, deps) {
		// Replies never cross collections, so the whole thread is of the letter's collection.
		const found = chosenLetter(deps, options);
		if (!found.ok) return notice(found.error.message);
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
