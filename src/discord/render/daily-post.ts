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
import { encodeCustomId } from '../custom-id.js';
import { dayKey, dayScreen, notice, parseDayKey } from '../screens.js';
import { MESSAGE_LIMITS } from './budget.js';
import { actionButton, buttonRow, letterCard, renderLetterMessage } from './letter.js';
import { clip, plural } from './text.js';

/**
 * The "Other letters of this day" button: `ld1:po:<day>`. Kept here rather than in the shared
 * codec table because only the daily post makes it; its answer is private (see module comment).
 */
const OTHERS_TAG = 'po';
/** Fixed, so posts already in channels keep working whatever the shared codec's version becomes. */
const OTHERS_VERSION = 'ld1';

/** The custom_id of the "Other letters of this day" button. */
export function othersCustomId(day: DayQuery): string {
	return `${OTHERS_VERSION}:${OTHERS_TAG}:${encodeURIComponent(dayKey(day))}`;
}

/** The day an "Other letters" custom_id names, or undefined when it is not one. */
export function decodeOthersCustomId(customId: string): DayQuery | undefined {
	const [version, tag, key, extra] = customId.split(':');
	if (version !== OTHERS_VERSION || tag !== OTHERS_TAG || key === undefined || extra !== undefined) return undefined;
	return parseDayKey(decodeURIComponent(key));
}

/** The answer to the "Other letters" button: the day's letters, only for the member who pressed it. */
export function othersReply(corpus: Corpus, day: DayQuery): Reply {
	const screen = dayScreen(corpus, day, '', 0);
	if (screen.empty) return notice(`No other letters for ${formatMonthDay(day)}.`);
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
							othersCustomId(input.shownDay ?? day),
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
