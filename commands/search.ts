import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { searchLetters } from '../src/core/search.js';
import { correspondentChoices } from '../src/discord/autocomplete.js';
import { collectionFilter, collectionHint, collectionOption, collectionTitle } from '../src/discord/collections.js';
import type { Command } from '../src/discord/command.js';
import { literal } from '../src/discord/render/text.js';
import { notice, searchScreen } from '../src/discord/screens.js';

export const searchData = {
	name: 'search',
	description: 'Search the letters; pick a result to read it',
	options: [
		{
			type: ApplicationCommandOptionType.String,
			name: 'query',
			description: 'Words to look for',
			required: true,
			max_length: 200,
		},
		{
			type: ApplicationCommandOptionType.String,
			name: 'from',
			description: 'Only letters this person sent or received',
			required: false,
			autocomplete: true,
			max_length: 60,
		},
		{
			type: ApplicationCommandOptionType.Integer,
			name: 'year',
			description: 'Only letters of this year',
			required: false,
			min_value: 1500,
			max_value: 2100,
		},
		collectionOption('Only letters of this collection'),
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/search <query> [from] [year] [collection]`: ranked results with a menu to open one. */
export const searchCommand = {
	data: searchData,
	run({ options }, deps) {
		const collection = collectionFilter(deps, options);
		if (!collection.ok) return notice(collection.error.message);
		const query = options.getString('query') ?? '';
		const from = options.getString('from')?.trim();
		const year = options.getInteger('year') ?? undefined;
		const found = searchLetters(deps.search, query, {
			...(from === undefined || from === '' ? {} : { correspondent: from }),
			...(year === undefined ? {} : { year }),
			...(collection.value === undefined ? {} : { collection: collection.value }),
			limit: 10,
		});
		if (!found.ok) return notice(found.error.message);
		if (found.value.length === 0) {
			const filters = [
				from ? ` from or to ${from}` : '',
				year === undefined ? '' : ` in ${year}`,
				collection.value === undefined ? '' : ` in ${collectionTitle(deps, collection.value)}`,
			].join('');
			return notice(`No letter${literal(filters)} matches “${literal(query.trim())}”.`);
		}
		return { type: 'message', ephemeral: false, body: searchScreen(deps.corpus, query, found.value) };
	},
	autocomplete({ focused, options }, deps) {
		return { type: 'choices', choices: correspondentChoices(deps, focused.value, collectionHint(deps, options)) };
	},
} satisfies Command;
