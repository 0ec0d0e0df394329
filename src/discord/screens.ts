/**
 * Screens: what a command or a button shows, composed from the core and the renderers. Each is a
 * pure function of the corpus and the state a custom_id carries, so a button rebuilds exactly the
 * message it belongs to, in any process, after any restart.
 */
import { ButtonStyle, ComponentType, type APIEmbed, type APISelectMenuOption } from 'discord.js';
import { letterLabel, personKey, type Corpus, type CorpusPerson } from '../core/corpus.js';
import { formatIsoDate, formatMonthDay, letterYear, monthDayKey, shiftDay, type DayQuery } from '../core/dates.js';
import { randomExchange, type RandomExchange } from '../core/exchange.js';
import { mulberry32 } from '../core/rng.js';
import type { Letter } from '../core/format.js';
import { onThisDayIn } from '../core/on-this-day.js';
import { fail, ok, type Result } from '../core/result.js';
import type { SearchHit } from '../core/search.js';
import { threadFor } from '../core/thread.js';
import { collectionTitle, collectionTokens } from './collections.js';
import type { ActionRow, Deps, MessageBody, Reply } from './command.js';
import { encodeCustomId, fitsCustomId, type ComponentState } from './custom-id.js';
import { budgetMessage, MESSAGE_LIMITS } from './render/budget.js';
import {
	actionButton,
	buttonRow,
	letterCard,
	letterEmbed,
	letterFileName,
	letterText,
	pagerButtons,
	renderLetterMessage,
} from './render/letter.js';
import { clip, literal, NO_MENTIONS, plural } from './render/text.js';

/** A short ephemeral answer (an expected failure, or a note). */
export function notice(text: string): Reply {
	return {
		type: 'message',
		ephemeral: true,
		body: budgetMessage({ content: text, embeds: [], components: [], allowed_mentions: NO_MENTIONS }),
	};
}

function letterOption(
	corpus: Corpus,
	letter: Letter,
	description: string | undefined,
	selected: boolean,
): APISelectMenuOption {
	return {
		label: clip(letterLabel(corpus, letter), MESSAGE_LIMITS.selectLabel),
		value: letter.id,
		...(description === undefined || description.trim() === ''
			? {}
			: { description: clip(description, MESSAGE_LIMITS.selectDescription) }),
		...(selected ? { default: true } : {}),
	};
}

function selectRow(customId: string, placeholder: string, options: readonly APISelectMenuOption[]): ActionRow {
	return {
		type: ComponentType.ActionRow,
		components: [
			{
				type: ComponentType.StringSelect,
				custom_id: customId,
				placeholder,
				options: options.slice(0, MESSAGE_LIMITS.selectOptions),
			},
		],
	};
}

/** One page of a letter shown on its own. */
export function letterScreen(corpus: Corpus, id: string, page: number): Result<MessageBody, 'unknown-letter'> {
	const letter = corpus.byId.get(id);
	if (!letter) return fail('unknown-letter', `The letter ${id} is no longer in the collection.`);
	return ok(
		renderLetterMessage(letterCard(corpus, letter), page, {
			pageId: (p) => encodeCustomId({ kind: 'letter', id, page: p }),
		}),
	);
}

/** The letter as a `.txt` attachment, for the asker only. */
export function fullTextReply(corpus: Corpus, id: string): Reply {
	const letter = corpus.byId.get(id);
	if (!letter) return notice(`The letter ${id} is no longer in the collection.`);
	const card = letterCard(corpus, letter);
	return {
		type: 'message',
		ephemeral: true,
		body: {
			content: clip(`The full text of ${literal(letterLabel(corpus, letter))}.`, MESSAGE_LIMITS.content),
			embeds: [],
			components: [],
			allowed_mentions: NO_MENTIONS,
			files: [{ name: letterFileName(card.view), text: letterText(card) }],
		},
	};
}

/** The key of a day in custom ids: `MM-DD`, or `YYYY-MM-DD` when the year matters. */
export function dayKey(query: DayQuery): string {
	return query.year === undefined ? monthDayKey(query) : `${query.year}-${monthDayKey(query)}`;
}

/** The day a key names, if it is one. */
export function parseDayKey(key: string): DayQuery | undefined {
	const match = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(key);
	if (!match) return undefined;
	const month = Number(match[2]);
	const day = Number(match[3]);
	if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	return match[1] === undefined ? { month, day } : { year: Number(match[1]), month, day };
}

/**
 * The letters of a day ("on this day"), one shown, a menu of the others, and day buttons; only
 * letters of `collections` when some are given (ids; empty: all), and every button and menu keeps
 * to them.
 */
export function dayScreen(
	corpus: Corpus,
	query: DayQuery,
	letterId: string,
	page: number,
	collections: readonly string[] = [],
): { body: MessageBody; empty: boolean } {
	const tokens = collectionTokens(corpus, collections);
	const filter = tokens.length === 0 ? {} : { collections: tokens };
	// Dozens of collections would not fit a custom_id beside a long letter id: the buttons then
	// show every collection rather than fail.
	const encode = (state: Extract<ComponentState, { kind: 'day' | 'day-menu' }>): string =>
		encodeCustomId(fitsCustomId(state) ? state : { ...state, collections: undefined });
	const result = onThisDayIn(corpus, query, collections);
	const previous = shiftDay(query, -1);
	const next = shiftDay(query, 1);
	const nav = buttonRow([
		actionButton(
			encode({ kind: 'day', day: dayKey(previous), id: '', page: 0, ...filter }),
			`◀ ${formatMonthDay(previous)}`,
			ButtonStyle.Primary,
		),
		actionButton(
			encode({ kind: 'day', day: dayKey(next), id: '', page: 0, ...filter }),
			`${formatMonthDay(next)} ▶`,
			ButtonStyle.Primary,
		),
	]);
	const header =
		result.match === 'exact'
			? `**On this day, ${formatMonthDay(query)}:** ${plural(result.letters.length, 'letter')}${result.letters.length > 1 ? '; pick another below' : ''}.`
			: `${result.message ?? ''}.`;
	// Every collection chosen is no filter (collectionTokens writes none): no titles either.
	const titles = tokens.length === 0 ? [] : collections.map((id) => collectionTitle({ corpus }, id));
	const scoped = titles.length === 0 ? header : `**${literal(titles.join(', '))}** · ${header}`;
	const content = result.note === undefined ? scoped : `${scoped} (${result.note}.)`;
	const shown = result.letters.find((l) => l.id === letterId) ?? result.letters[0];
	if (!shown)
		return {
			empty: true,
			body: budgetMessage({ content, embeds: [], components: [nav], allowed_mentions: NO_MENTIONS }),
		};
	const rows: ActionRow[] = [];
	if (result.letters.length > 1) {
		// Up to 25 letters fit a menu; a busier day offers the 25 around the one shown.
		const index = result.letters.indexOf(shown);
		const start = Math.max(0, Math.min(index - 12, result.letters.length - MESSAGE_LIMITS.selectOptions));
		const options = result.letters
			.slice(start, start + MESSAGE_LIMITS.selectOptions)
			.map((l) => letterOption(corpus, l, l.heading, l.id === shown.id));
		rows.push(
			selectRow(
				encode({ kind: 'day-menu', day: dayKey(query), ...filter }),
				'Read another letter of this day',
				options,
			),
		);
	}
	rows.push(nav);
	const body = renderLetterMessage(letterCard(corpus, shown), page, {
		pageId: (p) => encode({ kind: 'day', day: dayKey(query), id: shown.id, page: p, ...filter }),
		content,
		rows,
	});
	return { empty: false, body };
}

/** One letter of a thread per page, with Earlier/Later buttons and a menu of the thread. */
export function threadScreen(
	corpus: Corpus,
	focus: string,
	index: number,
	page: number,
): Result<MessageBody, 'unknown-letter'> {
	const thread = threadFor(corpus, focus);
	if (!thread.ok) return thread;
	const entries = thread.value.entries;
	const at = Math.min(Math.max(0, index), entries.length - 1);
	const entry = entries[at];
	if (!entry) return fail('unknown-letter', `The letter ${focus} is no longer in the collection.`);
	const focusLetter = corpus.byId.get(thread.value.focus);
	const rows: ActionRow[] = [];
	if (entries.length > 1) {
		rows.push(
			buttonRow(
				pagerButtons(at, entries.length, (i) => encodeCustomId({ kind: 'thread', focus, index: i, page: 0 }), {
					previous: '◀ Earlier letter',
					next: 'Later letter ▶',
					of: (i, n) => `Letter ${i + 1} of ${n}`,
					inert: 4,
				}),
			),
		);
		const start = Math.max(0, Math.min(at - 12, entries.length - MESSAGE_LIMITS.selectOptions));
		const options = entries
			.slice(start, start + MESSAGE_LIMITS.selectOptions)
			.map((e) =>
				letterOption(
					corpus,
					e.letter,
					e.placeholder ? 'text not held' : e.letter.heading,
					e.letter.id === entry.letter.id,
				),
			);
		rows.push(selectRow(encodeCustomId({ kind: 'thread-menu', focus }), 'Jump to a letter of the thread', options));
	}
	const about = focusLetter ? literal(letterLabel(corpus, focusLetter)) : focus;
	return ok(
		renderLetterMessage(letterCard(corpus, entry.letter), page, {
			pageId: (p) => encodeCustomId({ kind: 'thread', focus, index: at, page: p }),
			content: `**Thread** of ${plural(entries.length, 'letter')} around ${about}: letter ${at + 1} of ${entries.length}.`,
			threadButton: false,
			rows,
		}),
	);
}

/** The index of a letter in the thread around `focus` (0 when it is not in it). */
export function threadIndexOf(corpus: Corpus, focus: string, id: string): number {
	const thread = threadFor(corpus, focus);
	return thread.ok
		? Math.max(
				0,
				thread.value.entries.findIndex((e) => e.letter.id === id),
			)
		: 0;
}

/** The filters of `/random`, kept by its Another button. */
export interface ExchangeFilters {
	readonly year: number | undefined;
	/** A correspondent as typed, or empty. */
	readonly from: string;
	readonly collection?: string;
}

/** A letter and its reply side by side, with buttons to read each in full and to draw again. */
export function exchangeScreen(corpus: Corpus, exchange: RandomExchange, filters: ExchangeFilters): MessageBody {
	const half = Math.floor((MESSAGE_LIMITS.embedTotal - 200) / 2);
	const letter = letterCard(corpus, exchange.letter);
	const reply = letterCard(corpus, exchange.reply);
	const buttons = [
		actionButton(
			encodeCustomId({ kind: 'letter', id: exchange.letter.id, page: 0 }),
			'Read the letter',
			ButtonStyle.Primary,
		),
		actionButton(
			encodeCustomId({ kind: 'letter', id: exchange.reply.id, page: 0 }),
			'Read the reply',
			ButtonStyle.Primary,
		),
		actionButton(
			encodeCustomId({ kind: 'thread', focus: exchange.letter.id, index: letter.facts.threadIndex, page: 0 }),
			`Thread (${letter.facts.threadSize} letters)`,
		),
	];
	const again = {
		kind: 'random',
		year: filters.year,
		from: filters.from,
		...(filters.collection === undefined ? {} : { collection: filters.collection }),
	} as const;
	if (fitsCustomId(again)) buttons.push(actionButton(encodeCustomId(again), 'Another exchange', ButtonStyle.Success));
	const content = `**An exchange:** ${literal(letterLabel(corpus, exchange.letter))}, and the reply of ${reply.view.dateText}.${exchange.note === undefined ? '' : ` (${exchange.note}.)`}`;
	return budgetMessage({
		content,
		embeds: [letterEmbed(letter, 0, half), letterEmbed(reply, 0, half)],
		components: [buttonRow(buttons)],
		allowed_mentions: NO_MENTIONS,
	});
}

/** Search results, best first, with a menu to open one. */
export function searchScreen(corpus: Corpus, query: string, hits: readonly SearchHit[]): MessageBody {
	const lines = hits.map(
		(hit, i) =>
			`**${i + 1}.** ${literal(letterLabel(corpus, hit.letter))}\n> ${literal(hit.snippet).replace(/\n/g, ' ')}`,
	);
	const embed: APIEmbed = {
		color: 0x8b6b3d,
		title: clip(`Letters matching “${query.trim()}”`, MESSAGE_LIMITS.title),
		description: clip(lines.join('\n'), MESSAGE_LIMITS.description),
		footer: { text: `${plural(hits.length, 'result')}, best first. Pick one below to read it.` },
	};
	const options = hits.map((hit) => letterOption(corpus, hit.letter, hit.snippet, false));
	return budgetMessage({
		embeds: [embed],
		components: [selectRow(encodeCustomId({ kind: 'search-menu' }), 'Read a letter', options)],
		allowed_mentions: NO_MENTIONS,
	});
}

function roleLine(role: { title: string; from?: string; to?: string }): string {
	const from = role.from === undefined ? undefined : formatIsoDate(role.from);
	const to = role.to === undefined ? undefined : formatIsoDate(role.to);
	const span = from && to ? ` (${from}–${to})` : from ? ` (from ${from})` : to ? ` (until ${to})` : '';
	return `• ${literal(role.title)}${span}`;
}

/** Who a person was: our description, their roles by date, and their letters in a menu. */
export function personScreen(corpus: Corpus, entry: CorpusPerson): MessageBody {
	const { person } = entry;
	const key = personKey(entry.collection, person.id);
	const ids = corpus.lettersByPerson.get(key) ?? [];
	const letters: Letter[] = [];
	let wrote = 0;
	// One pass, and no spread into Math.min: a spread of a very long list throws a RangeError.
	let first = Infinity;
	let last = -Infinity;
	for (const id of ids) {
		const letter = corpus.byId.get(id);
		if (letter === undefined) continue;
		letters.push(letter);
		if (letter.from.includes(person.id)) wrote++;
		const year = letterYear(letter);
		if (year === undefined) continue;
		if (year < first) first = year;
		if (year > last) last = year;
	}
	const span = first <= last ? `, ${first}–${last}` : '';
	const collection = corpus.collections.find((c) => c.id === entry.collection);
	const fields: NonNullable<APIEmbed['fields']> = [];
	if (person.roles.length > 0) fields.push({ name: 'Roles', value: clip(person.roles.map(roleLine).join('\n'), 1024) });
	fields.push({
		name: 'Letters',
		value:
			letters.length === 0
				? 'Named in the letters; wrote and received none in the collection.'
				: `Wrote ${wrote} and received ${letters.length - wrote} of the letters${span}.${letters.length > MESSAGE_LIMITS.selectOptions ? ` The menu lists the first ${MESSAGE_LIMITS.selectOptions}; /search with from: finds the rest.` : ''}`,
	});
	const aliases = person.aliases.length > 0 ? `\n\n*Also called:* ${literal(person.aliases.join(', '))}` : '';
	const embed: APIEmbed = {
		color: 0x8b6b3d,
		title: clip(literal(person.name), MESSAGE_LIMITS.title),
		description: clip(`${literal(person.description)}${aliases}`, MESSAGE_LIMITS.description),
		fields,
		footer: {
			text: clip(`${collection?.title ?? entry.collection} · descriptions and roles in Letterday's own words`, 2048),
		},
	};
	const components =
		letters.length === 0
			? []
			: [
					selectRow(
						encodeCustomId({ kind: 'who-letters', person: key }),
						`Read a letter of ${person.shortName}`,
						letters.slice(0, MESSAGE_LIMITS.selectOptions).map((l) => letterOption(corpus, l, l.heading, false)),
					),
				];
	return budgetMessage({
		embeds: [embed],
		components: fitsCustomId({ kind: 'who-letters', person: key }) ? components : [],
		allowed_mentions: NO_MENTIONS,
	});
}

/** Several people match a name: a menu to pick one. */
export function peopleScreen(corpus: Corpus, name: string, people: readonly CorpusPerson[]): MessageBody {
	const lines = people.slice(0, MESSAGE_LIMITS.selectOptions).map((p) => {
		const collection = collectionTitle({ corpus }, p.collection);
		return { p, text: `${p.person.name} (${collection})` };
	});
	return budgetMessage({
		content: clip(`${people.length} people match “${literal(name.trim())}”; pick one:`, MESSAGE_LIMITS.content),
		embeds: [],
		components: [
			selectRow(
				encodeCustomId({ kind: 'who-people' }),
				'Who do you mean?',
				lines.map(({ p, text }) => ({
					label: clip(text, 100),
					value: personKey(p.collection, p.person.id),
					description: clip(p.person.description, 100),
				})),
			),
		],
		allowed_mentions: NO_MENTIONS,
	});
}

/** A random exchange matching the filters, as a message body or an ephemeral explanation. */
export function drawExchange(deps: Deps, filters: ExchangeFilters, update: boolean): Reply {
	const { from, year, collection } = filters;
	const seed = Math.floor(deps.random() * 2 ** 31);
	const found = randomExchange(
		deps.corpus,
		{
			...(from === '' ? {} : { correspondent: from }),
			...(year === undefined ? {} : { year }),
			...(collection === undefined ? {} : { collection }),
		},
		mulberry32(seed),
	);
	if (!found.ok) return notice(found.error.message);
	const body = exchangeScreen(deps.corpus, found.value, filters);
	return update ? { type: 'update', body } : { type: 'message', ephemeral: false, body };
}
