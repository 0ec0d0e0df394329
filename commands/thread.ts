import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { threadFor } from '../src/core/thread.js';
import { letterChoices } from '../src/discord/autocomplete.js';
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
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/thread <letter>`: opens at the letter asked about. */
export const threadCommand = {
	data: threadData,
	run({ options }, deps) {
		const thread = threadFor(deps.corpus, options.getString('letter') ?? '');
		if (!thread.ok) return notice(thread.error.message);
		const focus = thread.value.focus;
		const screen = threadScreen(deps.corpus, focus, threadIndexOf(deps.corpus, focus, focus), 0);
		return screen.ok ? { type: 'message', ephemeral: false, body: screen.value } : notice(screen.error.message);
	},
	autocomplete({ focused }, deps) {
		return { type: 'choices', choices: letterChoices(deps, focused.value) };
	},
} satisfies Command;
