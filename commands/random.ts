import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { correspondentChoices } from '../src/discord/autocomplete.js';
import { collectionFilter, collectionHint, collectionOption } from '../src/discord/collections.js';
import type { Command } from '../src/discord/command.js';
import { drawExchange, notice } from '../src/discord/screens.js';

export const randomData = {
	name: 'random',
	description: 'A random exchange: a letter and its reply, side by side',
	options: [
		{
			type: ApplicationCommandOptionType.String,
			name: 'from',
			description: 'A correspondent on either side',
			required: false,
			autocomplete: true,
			max_length: 60,
		},
		{
			type: ApplicationCommandOptionType.Integer,
			name: 'year',
			description: 'A year either letter was written in',
			required: false,
			min_value: 1500,
			max_value: 2100,
		},
		collectionOption('Only exchanges of this collection'),
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/random [from] [year] [collection]`; Another keeps the filters. */
export const randomCommand = {
	data: randomData,
	run({ options }, deps) {
		const collection = collectionFilter(deps, options);
		if (!collection.ok) return notice(collection.error.message);
		const from = options.getString('from')?.trim() ?? '';
		const year = options.getInteger('year') ?? undefined;
		return drawExchange(
			deps,
			{ from, year, ...(collection.value === undefined ? {} : { collection: collection.value }) },
			false,
		);
	},
	autocomplete({ focused, options }, deps) {
		return { type: 'choices', choices: correspondentChoices(deps, focused.value, collectionHint(deps, options)) };
	},
} satisfies Command;
