import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { correspondentChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { drawExchange } from '../src/discord/screens.js';

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
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/random [from] [year]`. */
export const randomCommand = {
	data: randomData,
	run({ options }, deps) {
		return drawExchange(deps, options.getString('from')?.trim() ?? '', options.getInteger('year') ?? undefined, false);
	},
	autocomplete({ focused }, deps) {
		return { type: 'choices', choices: correspondentChoices(deps, focused.value) };
	},
} satisfies Command;
