/**
 * A letter as a Discord message that looks like a letter: sender to recipient, the dates, heading
 * and classification, the text paged on paragraph boundaries, signature, source credit and short
 * context, with buttons to page, to get the full text, and to open what it answers, what answered
 * it and the whole thread. Pure: the daily post reuses {@link renderLetterMessage}.
 */
import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId, type APIEmbed } from 'discord.js';
import { letterLabel, type Corpus } from '../../core/corpus.js';
import { daysBetween, formatIsoDate } from '../../core/dates.js';
import type { Letter } from '../../core/format.js';
import { threadFor } from '../../core/thread.js';
import { letterView, type LetterView, type PersonRef } from '../../core/views.js';
import type { ActionRow, MessageBody } from '../command.js';
import { encodeCustomId } from '../custom-id.js';
import { budgetMessage, MESSAGE_LIMITS } from './budget.js';
import { paginate } from '../paging.js';
import { clip, literal, NO_MENTIONS } from './text.js';

/** A letter another letter links to, for a button. */
export interface LinkedLetter {
	readonly id: string;
	/** `18 July 1942 — Churchill to Stalin`. */
	readonly label: string;
	/** `18 Jul 1942`, for a short button label. */
	readonly shortDate: string;
}

/** What a letter message shows beyond the core's {@link LetterView}. */
export interface LetterFacts {
	readonly number?: string;
	readonly edition?: string;
	readonly place?: string;
	readonly received?: string;
	readonly transmitted?: string;
	readonly dateNote?: string;
	/** Days from sending to the first reply, where both are known to the day. */
	readonly answeredInDays?: number;
	readonly replyTo: readonly LinkedLetter[];
	readonly repliedBy: readonly LinkedLetter[];
	/** Letters in the letter's thread, itself included. */
	readonly threadSize: number;
	/** The letter's place in its thread (0-based, date order). */
	readonly threadIndex: number;
}

/** A letter ready to render: the core's view and the facts around it. */
export interface LetterCard {
	readonly view: LetterView;
	readonly facts: LetterFacts;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function shortDate(letter: Letter): string {
	const iso = letter.sent ?? letter.transmitted ?? letter.received;
	if (iso === undefined) return 'undated';
	const [y, m, d] = iso.split('-').map(Number);
	const month = m === undefined ? '' : `${SHORT_MONTHS[m - 1] ?? ''} `;
	return `${d === undefined ? '' : `${d} `}${month}${y}`;
}

function linked(corpus: Corpus, letter: Letter): LinkedLetter {
	return { id: letter.id, label: letterLabel(corpus, letter), shortDate: shortDate(letter) };
}

/** The card of a letter: its view, its links and its dates. */
export function letterCard(corpus: Corpus, letter: Letter): LetterCard {
	const view = letterView(corpus, letter);
	const replyTo = view.replyTo.flatMap((id) => {
		const l = corpus.byId.get(id);
		return l ? [linked(corpus, l)] : [];
	});
	const replies = view.repliedBy.flatMap((id) => {
		const l = corpus.byId.get(id);
		return l ? [l] : [];
	});
	const first = replies[0];
	const firstDate = first?.sent ?? first?.received;
	const answeredInDays =
		letter.sent?.length === 10 && firstDate?.length === 10 ? daysBetween(letter.sent, firstDate) : undefined;
	const thread = threadFor(corpus, letter.id);
	const edition = corpus.collections.find((c) => c.id === letter.collection)?.edition;
	return {
		view,
		facts: {
			...(letter.number === undefined ? {} : { number: letter.number }),
			...(edition === undefined ? {} : { edition }),
			...(letter.place === undefined ? {} : { place: letter.place }),
			...(letter.received === undefined ? {} : { received: letter.received }),
			...(letter.transmitted === undefined ? {} : { transmitted: letter.transmitted }),
			...(letter.dateNote === undefined ? {} : { dateNote: letter.dateNote }),
			...(answeredInDays === undefined || answeredInDays < 0 ? {} : { answeredInDays }),
			replyTo,
			repliedBy: replies.map((l) => linked(corpus, l)),
			threadSize: thread.ok ? thread.value.entries.length : 1,
			threadIndex: thread.ok
				? Math.max(
						0,
						thread.value.entries.findIndex((e) => e.letter.id === letter.id),
					)
				: 0,
		},
	};
}

/** How a letter message pages and what else it carries. */
export interface LetterMessageOptions {
	/** The custom_id of a button that shows page `page` (0-based) of this letter in the same place. */
	readonly pageId: (page: number) => string;
	/** A line above the embed, e.g. why this day's letters are shown. */
	readonly content?: string;
	/** Rows added below the letter's own (at most five rows in all). */
	readonly rows?: readonly ActionRow[];
	/** Offer the Thread button (default true; false inside a thread). */
	readonly threadButton?: boolean;
	/** Offer the reply/answer/thread buttons at all (default true). */
	readonly linkButtons?: boolean;
	/** Offer the paging and Full text buttons (default true). */
	readonly pageButtons?: boolean;
	/** The embed characters this letter may use (default: the whole 6000 of a message). */
	readonly embedBudget?: number;
}

const COLOUR = 0x8b6b3d;

function names(refs: readonly PersonRef[]): string {
	const all = refs.map((r) => r.name);
	return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function dateLine(card: LetterCard): string {
	const { view, facts } = card;
	const parts = [view.date === null ? capitalise(view.dateText) : `Sent ${view.dateText}`];
	if (facts.transmitted !== undefined && view.date !== null)
		parts.push(`transmitted ${formatIsoDate(facts.transmitted)}`);
	if (facts.received !== undefined && view.date !== null) parts.push(`received ${formatIsoDate(facts.received)}`);
	if (facts.answeredInDays !== undefined) {
		parts.push(
			facts.answeredInDays === 0
				? 'answered the same day'
				: `answered in ${facts.answeredInDays} day${facts.answeredInDays === 1 ? '' : 's'}`,
		);
	}
	return parts.join(' · ');
}

function fieldsOf(card: LetterCard): NonNullable<APIEmbed['fields']> {
	const { view, facts } = card;
	const fields: NonNullable<APIEmbed['fields']> = [{ name: 'Date', value: clip(dateLine(card), 1024) }];
	if (view.classification !== null)
		fields.push({ name: 'Classification', value: clip(literal(view.classification), 300), inline: true });
	if (facts.place !== undefined) fields.push({ name: 'Place', value: clip(literal(facts.place), 200), inline: true });
	if (facts.number !== undefined)
		fields.push({ name: 'Number', value: clip(`No. ${facts.number}`, 100), inline: true });
	fields.push({ name: 'Context', value: clip(literal(view.context), 1024) });
	return fields;
}

function footerOf(view: LetterView, page: number, pages: number): string {
	const note = view.source.note === undefined ? '' : ` ${view.source.note}`;
	const credit = view.source.credit === '' ? '' : ` ${view.source.credit}.`;
	const paging = pages > 1 ? ` · Page ${page + 1} of ${pages}` : '';
	// The id and the page count are kept whole; the source text gives way.
	const tail = `${paging} · ${view.id}`;
	return `${clip(`Source: ${view.source.title}, ${view.source.ref}.${credit}${note}`, 1500)}${tail}`;
}

const EXCERPT_MARK = '> **Excerpt** — only part of this letter is known; passages left out are marked [...].';
const PLACEHOLDER_MARK =
	'> **Text not held** — this letter is known to have been sent, but the collection does not hold its text.';

/** The paragraphs of the embed text, in order: the mark, salutation, body and signature, escaped. */
function paragraphsOf(view: LetterView): string[] {
	if (view.paragraphs === null) return [PLACEHOLDER_MARK];
	return [
		...(view.excerpt ? [EXCERPT_MARK] : []),
		...(view.salutation === null ? [] : [`*${literal(view.salutation)}*`]),
		...view.paragraphs.map(literal),
		...(view.signature === null ? [] : [`*${literal(view.signature)}*`]),
	];
}

/** The room left for the text of each page once everything else in the embed is counted. */
function textBudget(card: LetterCard, author: string, title: string, embedBudget: number): number {
	const fixed =
		author.length +
		title.length +
		fieldsOf(card).reduce((sum, f) => sum + f.name.length + f.value.length, 0) +
		footerOf(card.view, 998, 999).length;
	return Math.max(200, Math.min(MESSAGE_LIMITS.description, embedBudget - fixed));
}

// Paging escapes and splits the whole text; a message shows one page but needs the count, so
// the pages of a card are worked out once per budget.
const pagesCache = new WeakMap<LetterCard, Map<number, readonly string[]>>();

/** The pages of a letter's text as they will be shown (for tests and the page count). */
export function letterPages(card: LetterCard, embedBudget: number = MESSAGE_LIMITS.embedTotal): readonly string[] {
	const cached = pagesCache.get(card)?.get(embedBudget);
	if (cached) return cached;
	const { author, title } = heads(card.view);
	const paged = paginate(paragraphsOf(card.view), textBudget(card, author, title, embedBudget));
	const pages = paged.length === 0 ? [''] : paged;
	const byBudget = pagesCache.get(card) ?? new Map<number, readonly string[]>();
	byBudget.set(embedBudget, pages);
	pagesCache.set(card, byBudget);
	return pages;
}

function heads(view: LetterView): { author: string; title: string } {
	const author = clip(`${names(view.from)} to ${names(view.to)}`, MESSAGE_LIMITS.author);
	const fallback = `${capitalise(view.kind)} from ${view.from.map((p) => p.shortName).join(' and ')}`;
	const title = clip(literal(view.heading ?? fallback), MESSAGE_LIMITS.title);
	return { author, title };
}

/** The embed of one page of a letter. */
export function letterEmbed(card: LetterCard, page: number, embedBudget: number = MESSAGE_LIMITS.embedTotal): APIEmbed {
	const { view } = card;
	const { author, title } = heads(view);
	const pages = letterPages(card, embedBudget);
	const at = Math.min(Math.max(0, page), pages.length - 1);
	return {
		color: COLOUR,
		author: { name: author },
		title,
		...(view.source.url === undefined ? {} : { url: view.source.url }),
		description: pages[at] ?? '',
		fields: fieldsOf(card),
		footer: { text: footerOf(view, at, pages.length) },
	};
}

function button(
	customId: string,
	label: string,
	style: APIButtonComponentWithCustomId['style'],
	disabled = false,
): APIButtonComponentWithCustomId {
	return {
		type: ComponentType.Button,
		custom_id: customId,
		label: clip(label, MESSAGE_LIMITS.buttonLabel),
		style,
		...(disabled ? { disabled: true } : {}),
	};
}

/** A row of buttons. */
export function buttonRow(buttons: readonly APIButtonComponentWithCustomId[]): ActionRow {
	return { type: ComponentType.ActionRow, components: [...buttons] };
}

/** A button that does something. */
export function actionButton(
	customId: string,
	label: string,
	style: APIButtonComponentWithCustomId['style'] = ButtonStyle.Secondary,
): APIButtonComponentWithCustomId {
	return button(customId, label, style);
}

/** A disabled button used as a label ("Page 2 of 5"); `n` keeps its custom_id unique in the message. */
export function inertButton(n: number, label: string): APIButtonComponentWithCustomId {
	return button(encodeCustomId({ kind: 'inert', n }), label, ButtonStyle.Secondary, true);
}

/** Previous / n of m / Next, with the ends disabled. `n` values 1-3 of the inert ids are used. */
export function pagerButtons(
	page: number,
	pages: number,
	idFor: (page: number) => string,
	words: { previous: string; next: string; of: (page: number, pages: number) => string; inert: number },
): APIButtonComponentWithCustomId[] {
	const previous =
		page > 0
			? button(idFor(page - 1), words.previous, ButtonStyle.Primary)
			: button(encodeCustomId({ kind: 'inert', n: words.inert }), words.previous, ButtonStyle.Primary, true);
	const next =
		page < pages - 1
			? button(idFor(page + 1), words.next, ButtonStyle.Primary)
			: button(encodeCustomId({ kind: 'inert', n: words.inert + 1 }), words.next, ButtonStyle.Primary, true);
	return [previous, inertButton(words.inert + 2, words.of(page, pages)), next];
}

/**
 * The message for one page of a letter: the embed, its buttons and any rows the caller adds,
 * budgeted as a whole. Pages are 0-based; a page past the end shows the last.
 *
 * @param card - The letter, from {@link letterCard}.
 * @param page - The page to show.
 * @param options - How its buttons page it, and what else the message carries.
 */
export function renderLetterMessage(card: LetterCard, page: number, options: LetterMessageOptions): MessageBody {
	const { view, facts } = card;
	const budget = options.embedBudget ?? MESSAGE_LIMITS.embedTotal;
	const pages = letterPages(card, budget);
	const at = Math.min(Math.max(0, page), pages.length - 1);
	const rows: ActionRow[] = [];
	if (options.pageButtons !== false) {
		const first: APIButtonComponentWithCustomId[] = [];
		if (pages.length > 1) {
			first.push(
				...pagerButtons(at, pages.length, options.pageId, {
					previous: '◀ Previous',
					next: 'Next ▶',
					of: (p, n) => `Page ${p + 1} of ${n}`,
					inert: 1,
				}),
			);
		}
		if (view.paragraphs !== null)
			first.push(actionButton(encodeCustomId({ kind: 'full-text', id: view.id }), 'Full text'));
		if (first.length > 0) rows.push(buttonRow(first));
	}
	if (options.linkButtons !== false) {
		const links: APIButtonComponentWithCustomId[] = [];
		const answers = facts.replyTo[0];
		const answered = facts.repliedBy[0];
		if (answers) {
			const more = facts.replyTo.length > 1 ? ` (+${facts.replyTo.length - 1})` : '';
			links.push(
				actionButton(
					encodeCustomId({ kind: 'letter', id: answers.id, page: 0 }),
					`↩ Replies to ${answers.shortDate}${more}`,
				),
			);
		}
		if (answered && answered.id !== answers?.id) {
			const more = facts.repliedBy.length > 1 ? ` (+${facts.repliedBy.length - 1})` : '';
			links.push(
				actionButton(
					encodeCustomId({ kind: 'letter', id: answered.id, page: 0 }),
					`↪ Answered ${answered.shortDate}${more}`,
				),
			);
		}
		if (options.threadButton !== false && facts.threadSize > 1) {
			links.push(
				actionButton(
					encodeCustomId({ kind: 'thread', focus: view.id, index: facts.threadIndex, page: 0 }),
					`Thread (${facts.threadSize} letters)`,
				),
			);
		}
		if (links.length > 0) rows.push(buttonRow(links));
	}
	rows.push(...(options.rows ?? []));
	return budgetMessage({
		...(options.content === undefined ? {} : { content: options.content }),
		embeds: [letterEmbed(card, at, budget)],
		components: rows,
		allowed_mentions: NO_MENTIONS,
	});
}

/** The letter as plain text, for the "Full text" attachment. */
export function letterText(card: LetterCard): string {
	const { view, facts } = card;
	const out = [`${names(view.from)} to ${names(view.to)}`, dateLine(card)];
	if (facts.place !== undefined) out.push(facts.place);
	if (view.heading !== null) out.push(view.heading);
	if (view.classification !== null) out.push(view.classification);
	out.push('');
	if (view.paragraphs === null) out.push('[The text of this letter is not in the collection.]');
	else {
		if (view.excerpt) out.push('[Only part of this letter is known; passages left out are marked [...].]', '');
		if (view.salutation !== null) out.push(view.salutation, '');
		out.push(view.paragraphs.join('\n\n'));
		if (view.signature !== null) out.push('', view.signature);
	}
	const note = view.source.note === undefined ? '' : ` ${view.source.note}`;
	out.push('', `Source: ${view.source.title}, ${view.source.ref}.${note}`);
	if (view.source.credit !== '') out.push(`Credit: ${view.source.credit}`);
	if (view.source.licence !== '') out.push(`Licence: ${view.source.licence}`);
	if (view.source.url !== undefined) out.push(view.source.url);
	out.push(`Context: ${view.context}`, `Id: ${view.id}`, '');
	return out.join('\n');
}

/** A file name for a letter's text. */
export function letterFileName(view: LetterView): string {
	return `${view.id}.txt`;
}
