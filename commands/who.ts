import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { findCorrespondent, type CorpusPerson } from '../src/core/corpus.js';
import { personChoices } from '../src/discord/autocomplete.js';
import { collectionFilter, collectionHint, collectionOption, collectionTitle } from '../src/discord/collections.js';
import type { Command } from '../src/discord/command.js';
import { literal } from '../src/discord/render/text.js';
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
		collectionOption('Only people of this collection'),
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/who <person> [collection]`: our description, roles by date, and their letters. */
export const whoCommand = {
	data: whoData,
	run({ options }, deps) {
		const collection = collectionFilter(deps, options);
		if (!collection.ok) return notice(collection.error.message);
		const typed = options.getString('person') ?? '';
		const wanted = (p: CorpusPerson): boolean => collection.value === undefined || p.collection === collection.value;
		// Autocomplete answers `collection/id`; a typed name is looked up.
		const picked = deps.corpus.people.get(typed);
		if (picked && wanted(picked)) return { type: 'message', ephemeral: false, body: personScreen(deps.corpus, picked) };
		const name = picked ? picked.person.name : typed;
		const found = findCorrespondent(deps.corpus, name);
		if (!found.ok)
			return notice(found.error.message.replace('No correspondent is called', 'No one in the letters is called'));
		const people = found.value.filter(wanted);
		if (people.length === 0)
			return notice(`No one in ${collectionTitle(deps, collection.value ?? '')} is called "${literal(name.trim())}"`);
		const [only] = people;
		if (only && people.length === 1)
			return { type: 'message', ephemeral: false, body: personScreen(deps.corpus, only) };
		return { type: 'message', ephemeral: false, body: peopleScreen(deps.corpus, name, people) };
	},
	autocomplete({ focused, options }, deps) {
		return { type: 'choices', choices: personChoices(deps, focused.value, collectionHint(deps, options)) };
	},
} satisfies Command;
