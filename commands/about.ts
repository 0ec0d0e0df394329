import type { APIEmbed, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { citeData } from './cite.js';
import { letterData } from './letter.js';
import { randomData } from './random.js';
import { searchData } from './search.js';
import { threadData } from './thread.js';
import { todayData } from './today.js';
import { whoData } from './who.js';
import { collectionViews } from '../src/core/views.js';
import type { Command } from '../src/discord/command.js';
import { budgetMessage } from '../src/discord/render/budget.js';
import { clip, literal, NO_MENTIONS, plural } from '../src/discord/render/text.js';

export const aboutData = {
	name: 'about',
	description: 'What the collections are, their sources and licences, and how to use Letterday',
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The other commands' data: the usage lines are written from it, so they never drift. */
const USAGE = [todayData, letterData, randomData, threadData, searchData, whoData, citeData] as const;

function usageLine(data: RESTPostAPIChatInputApplicationCommandsJSONBody): string {
	const options = (data.options ?? []).map((o) =>
		'required' in o && o.required === true ? `<${o.name}>` : `[${o.name}]`,
	);
	return `\`/${[data.name, ...options].join(' ')}\` — ${data.description}`;
}

const HOW_TO = USAGE.map(usageLine).join('\n');

/** `/about`: the collections with their sources and licences, and the commands. */
export const aboutCommand = {
	data: aboutData,
	run(_input, deps) {
		const fields = collectionViews(deps.corpus).map((c) => {
			const collection = deps.corpus.collections.find((x) => x.id === c.id);
			const sources = (collection?.sources ?? []).map((s) => `${s.title} (${s.licence})`).join('; ');
			return {
				name: clip(`${c.title} (${c.period.from}–${c.period.to})`, 256),
				value: clip(
					literal(
						`${plural(c.letters, 'letter')}: ${c.withFullText} in full, ${c.excerpts} excerpts, ${c.placeholders} known only from other letters. Licence: ${c.licence} Sources: ${sources}`,
					),
					1024,
				),
			};
		});
		const embed: APIEmbed = {
			color: 0x8b6b3d,
			title: 'Letterday: historic letters, on this day',
			description: clip(
				`Letterday brings historic correspondence to your server: the letters sent on this day in history, with short context in our own words, and commands to read, search and cite them.\n\n**How to use it**\n${HOW_TO}\n\nEvery letter shows its source; excerpts and letters whose text is lost are marked as such.`,
				4096,
			),
			fields: fields.slice(0, 24),
			footer: { text: 'Code, notes and people descriptions: MIT. Letter texts: see each collection’s licence.' },
		};
		return {
			type: 'message',
			ephemeral: false,
			body: budgetMessage({ embeds: [embed], components: [], allowed_mentions: NO_MENTIONS }),
		};
	},
} satisfies Command;
