import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { getLetter } from '../src/core/corpus.js';
import { letterChoices } from '../src/discord/autocomplete.js';
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
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/letter <letter>`: one letter, paged, with its links. */
export const letterCommand = {
	data: letterData,
	run({ options }, deps) {
		const found = getLetter(deps.corpus, options.getString('letter') ?? '');
		if (!found.ok) return notice(found.error.message);
		const screen = letterScreen(deps.corpus, found.value.id, 0);
		return screen.ok ? { type: 'message', ephemeral: false, body: screen.value } : notice(screen.error.message);
	},
	autocomplete({ focused }, deps) {
		return { type: 'choices', choices: letterChoices(deps, focused.value) };
	},
} satisfies Command;
