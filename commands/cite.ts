import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { letterChoices } from '../src/discord/autocomplete.js';
import { collectionHint, collectionOption } from '../src/discord/collections.js';
import type { Command } from '../src/discord/command.js';
import { chosenLetter, letterOption } from '../src/discord/letter-option.js';
import { budgetMessage } from '../src/discord/render/budget.js';
import { citation } from '../src/discord/render/cite.js';
import { letterCard } from '../src/discord/render/letter.js';
import { NO_MENTIONS } from '../src/discord/render/text.js';
import { notice } from '../src/discord/screens.js';

export const citeData = {
	name: 'cite',
	description: 'A one-line citation of a letter, ready to paste',
	options: [letterOption, collectionOption('Only letters of this collection')],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/cite <letter> [collection]`: the citation in a code block, so it copies exactly. */
export const citeCommand = {
	data: citeData,
	run({ options }, deps) {
		const found = chosenLetter(deps, options);
		if (!found.ok) return notice(found.error.message);
		const text = citation(letterCard(deps.corpus, found.value)).replace(/`/g, "'");
		return {
			type: 'message',
			ephemeral: false,
			body: budgetMessage({
				content: `\`\`\`\n${text}\n\`\`\``,
				embeds: [],
				components: [],
				allowed_mentions: NO_MENTIONS,
			}),
		};
	},
	autocomplete({ focused, options }, deps) {
		return { type: 'choices', choices: letterChoices(deps, focused.value, collectionHint(deps, options)) };
	},
} satisfies Command;
