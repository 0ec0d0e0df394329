import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { calendarDayAt, parseDayInput } from '../src/core/dates.js';
import { timezoneChoices } from '../src/discord/autocomplete.js';
import { collectionFilter, collectionOption } from '../src/discord/collections.js';
import type { Command } from '../src/discord/command.js';
import { dayScreen, notice } from '../src/discord/screens.js';

export const todayData = {
	name: 'today',
	description: 'The letters sent on this day in history, or on a day you name',
	options: [
		{
			type: ApplicationCommandOptionType.String,
			name: 'date',
			description: 'today, 08-13, 1942-08-13, 13 Aug 1942 or August 13',
			required: false,
			max_length: 40,
		},
		{
			type: ApplicationCommandOptionType.String,
			name: 'timezone',
			description: "The time zone 'today' is in, e.g. Europe/London (default: the server's, else UTC)",
			required: false,
			autocomplete: true,
			max_length: 64,
		},
		collectionOption('Only letters of this collection'),
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * `/today [date] [timezone] [collection]`: the letters of the day, in the server's time zone by
 * default; the day buttons and the menu keep to the collection.
 */
export const todayCommand = {
	data: todayData,
	async run({ options, guildId, now }, deps) {
		const collection = collectionFilter(deps, options);
		if (!collection.ok) return notice(collection.error.message);
		const given = options.getString('timezone');
		const stored = given === null && guildId !== null ? (await deps.settings.get(guildId))?.timezone : undefined;
		const today = calendarDayAt(now, given ?? stored ?? 'UTC');
		if (!today.ok) return notice(today.error.message);
		const day = parseDayInput(options.getString('date') ?? 'today', today.value);
		if (!day.ok) return notice(day.error.message);
		const { body, empty } = dayScreen(
			deps.corpus,
			day.value,
			'',
			0,
			collection.value === undefined ? [] : [collection.value],
		);
		return { type: 'message', ephemeral: empty, body };
	},
	autocomplete({ focused }) {
		return { type: 'choices', choices: timezoneChoices(focused.value) };
	},
} satisfies Command;
