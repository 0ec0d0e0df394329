import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { findCorrespondent } from '../src/core/corpus.js';
import { personChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { notice, peopleScreen, personScreen } from '../src/discord/screens.js';

export const whoData = {
	name: 'who',
	description: 'Who a correspondent or a person named in the letters was',
	options: [
		{
			type: ApplicationCommandOptionType.String,
			name: 'person',
			description: 'A name, e.g. Churchill',
			required: true,
			autocomplete: true,
			max_length: 100,
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/who <person>`: our description, roles by date, and their letters. */
export const whoCommand = {
	data: whoData,
	run({ options }, deps) {
		const typed = options.getString('person') ?? '';
		// Autocomplete answers `collection/id`; a typed name is looked up.
		const picked = deps.corpus.people.get(typed);
		if (picked) return { type: 'message', ephemeral: false, body: personScreen(deps.corpus, picked) };
		const found = findCorrespondent(deps.corpus, typed);
		if (!found.ok)
			return notice(found.error.message.replace('No correspondent is called', 'No one in the letters is called'));
		const [only] = found.value;
		if (only && found.value.length === 1)
			return { type: 'message', ephemeral: false, body: personScreen(deps.corpus, only) };
		return { type: 'message', ephemeral: false, body: peopleScreen(deps.corpus, typed, found.value) };
	},
	autocomplete({ focused }, deps) {
		return { type: 'choices', choices: personChoices(deps, focused.value) };
	},
} satisfies Command;
