import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { getLetter } from '../src/core/corpus.js';
import { letterChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { budgetMessage } from '../src/discord/render/budget.js';
import { citation } from '../src/discord/render/cite.js';
import { letterCard } from '../src/discord/render/letter.js';
import { NO_MENTIONS } from '../src/discord/render/text.js';
import { notice } from '../src/discord/screens.js';

export const citeData = {
	name: 'cite',
	description: 'A one-line citation of a letter, ready to paste',
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

/** `/cite <letter>`: the citation in a code block, so it copies exactly. */
export const citeCommand = {
	data: citeData,
	run({ options }, deps) {
		const found = getLetter(deps.corpus, options.getString('letter') ?? '');
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
	autocomplete({ focused }, deps) {
		return { type: 'choices', choices: letterChoices(deps, focused.value) };
	},
} satisfies Command;
