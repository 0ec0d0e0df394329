import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { letterInCollection } from '../src/core/collections.js';
import { getLetter } from '../src/core/corpus.js';
import { letterChoices } from '../src/discord/autocomplete.js';
import { collectionFilter, collectionHint, collectionOption } from '../src/discord/collections.js';
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
		collectionOption('Only letters of this collection'),
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/cite <letter> [collection]`: the citation in a code block, so it copies exactly. */
export const citeCommand = {
	data: citeData,
	run({ options }, deps) {
		const collection = collectionFilter(deps, options);
		if (!collection.ok) return notice(collection.error.message);
		const found = getLetter(deps.corpus, options.getString('letter') ?? '');
		if (!found.ok) return notice(found.error.message);
		const kept = letterInCollection(deps.corpus, found.value, collection.value);
		if (!kept.ok) return notice(kept.error.message);
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
