import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { letterChoices } from '../src/discord/autocomplete.js';
import { collectionHint, collectionOption } from '../src/discord/collections.js';
import type { Command } from '../src/discord/command.js';
import { chosenLetter, letterOption } from '../src/discord/letter-option.js';
import { letterScreen, notice } from '../src/discord/screens.js';

export const letterData = {
	name: 'letter',
	description: 'Read one letter',
	options: [letterOption, collectionOption('Only letters of this collection')],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/letter <letter> [collection]`: one letter, paged, with its links. */
export const letterCommand = {
	data: letterData,
	run({ options }, deps) {
		const found = chosenLetter(deps, options);
		if (!found.ok) return notice(found.error.message);
		const screen = letterScreen(deps.corpus, found.value.id, 0);
		return screen.ok ? { type: 'message', ephemeral: false, body: screen.value } : notice(screen.error.message);
	},
	autocomplete({ focused, options }, deps) {
		return { type: 'choices', choices: letterChoices(deps, focused.value, collectionHint(deps, options)) };
	},
} satisfies Command;
