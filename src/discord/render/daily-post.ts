/**
 * The daily post as a message: the letter of the day rendered like any letter
 * ({@link renderLetterMessage}), a line that says which day it is (and that it is late, when it
 * is), a button that offers the day's other letters to whoever presses it (privately, so the
 * post itself never changes under the channel), and the server's role mention, the only mention
 * the bot ever makes. Pure.
 */
import { ButtonStyle } from 'discord.js';
import type { Corpus } from '../../core/corpus.js';
import { formatMonthDay, type DayQuery } from '../../core/dates.js';
import type { Letter } from '../../core/format.js';
import type { MessageBody, Reply } from '../command.js';
import { collectionsOfTokens, collectionTokens } from '../collections.js';
import { CUSTOM_ID_MAX, encodeCustomId } from '../custom-id.js';
import { dayKey, dayScreen, notice, parseDayKey } from '../screens.js';
import { MESSAGE_LIMITS } from './budget.js';
import { actionButton, buttonRow, letterCard, renderLetterMessage } from './letter.js';
import { clip, literal, plural } from './text.js';

/**
 * The "Other letters of this day" button: `ld1:po:<day>[:<collections>]`, the server's
 * collections written as the shared codec writes them (one id, or several id prefixes joined by
 * `.`; none: all). Kept here rather than in the shared codec table because only the daily post
 * makes it; its answer is private (see module comment). Posts from before the collections field
 * answer with every collection.
 */
const OTHERS_TAG = 'po';
/** Fixed, so posts already in channels keep working whatever the shared codec's version becomes. */
const OTHERS_VERSION = 'ld1';

/**
 * The custom_id of the "Other letters of this day" button.
 *
 * @param collections - the collections' names as {@link collectionTokens} writes them (none: all)
 */
export function othersCustomId(day: DayQuery, collections: readonly string[] = []): string {
	const fields = [OTHERS_VERSION, OTHERS_TAG, encodeURIComponent(dayKey(day))];
	const withCollections = [...fields, encodeURIComponent(collections.join('.'))].join(':');
	return collections.length === 0 || withCollections.length > CUSTOM_ID_MAX ? fields.join(':') : withCollections;
}

/** What an "Other letters" button names: its day and the collections' names (none: all). */
export interface OthersButton {
	readonly day: DayQuery;
	readonly collections: readonly string[];
}

/** The day and collections an "Other letters" custom_id names, or undefined when it is not one. */
export function decodeOthersCustomId(customId: string): OthersButton | undefined {
	const [version, tag, key, collections, extra] = customId.split(':');
	if (version !== OTHERS_VERSION || tag !== OTHERS_TAG || key === undefined || extra !== undefined) return undefined;
	const day = parseDayKey(decodeURIComponent(key));
	if (day === undefined) return undefined;
	const names = collections === undefined ? '' : decodeURIComponent(collections);
	return { day, collections: names === '' ? [] : names.split('.') };
}

/**
 * The answer to the "Other letters" button: the day's letters of the server's collections, only
 * for the member who pressed it.
 */
export function othersReply(corpus: Corpus, pressed: OthersButton): Reply {
	const collections = collectionsOfTokens(corpus, pressed.collections);
	if (!collections.ok) {
		return notice(`The ${literal(collections.error.message)} collection is no longer in Letterday.`);
	}
	const screen = dayScreen(corpus, pressed.day, '', 0, collections.value);
	if (screen.empty) return notice(`No other letters for ${formatMonthDay(pressed.day)}.`);
	return { type: 'message', ephemeral: true, body: screen.body };
}

/** What the daily post shows. */
export interface DailyPostInput {
	readonly letter: Letter;
	/** The server's local date the post is for. */
	readonly day: DayQuery & { readonly year: number };
	/** The day whose letters are shown, when it is not `day` (none was sent that day). */
	readonly shownDay?: DayQuery;
	/** Other letters of the day the server could have seen (the button offers them). */
	readonly others: number;
	/** The server's collections (ids; none: all), which the button keeps to. */
	readonly collections: readonly string[];
	/** Set when the letters shown are not of the day itself (none was sent that day). */
	readonly message?: string;
	/** Set when the post goes out after its time: the scheduled local time, e.g. `09:00 (Europe/London)`. */
	readonly lateSince?: string;
	/** The role to mention, if the server chose one. */
	readonly roleId?: string;
	/** A line for a preview (`Preview of …`), shown instead of the mention. */
	readonly preview?: string;
}

/** The daily post's message body. */
export function renderDailyPost(corpus: Corpus, input: DailyPostInput): MessageBody {
	const { letter, day } = input;
	const lines = [
		input.message === undefined
			? `📜 **On this day, ${formatMonthDay(day)}** — ${plural(input.others + 1, 'letter')} in the collections${input.others > 0 ? '; the others are a button away' : ''}.`
			: `📜 **On this day, ${formatMonthDay(day)}:** ${input.message}.`,
	];
	if (input.lateSince !== undefined) lines.push(`*Posted late: this post was due at ${input.lateSince}.*`);
	if (input.preview !== undefined) lines.unshift(input.preview);
	const rows =
		input.others > 0
			? [
					buttonRow([
						actionButton(
							othersCustomId(input.shownDay ?? day, collectionTokens(corpus, input.collections)),
							`Other letters of this day (${input.others})`,
							ButtonStyle.Secondary,
						),
					]),
				]
			: [];
	const body = renderLetterMessage(letterCard(corpus, letter), 0, {
		pageId: (page) => encodeCustomId({ kind: 'letter', id: letter.id, page }),
		content: lines.join('\n'),
		rows,
	});
	if (input.roleId === undefined || input.preview !== undefined) return body;
	const mention = `<@&${input.roleId}> `;
	return {
		...body,
		content: `${mention}${clip(body.content ?? '', MESSAGE_LIMITS.content - mention.length)}`,
		// The one mention the bot ever makes: the server's chosen role, and nothing else.
		allowed_mentions: { parse: [], roles: [input.roleId] },
	};
}
