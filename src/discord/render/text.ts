/**
 * Small text helpers for Discord rendering: clipping at a word and escaping markdown, so a
 * letter's own asterisks and underscores are shown as written.
 */
import { truncateAtWord } from '../../core/context.js';
import type { APIAllowedMentions } from 'discord.js';

/** Mentions parsed in every message the bot sends: none. */
export const NO_MENTIONS: APIAllowedMentions = Object.freeze({ parse: [] });

/** Text cut to at most `max` characters, at a word boundary with an ellipsis when cut. */
export function clip(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = truncateAtWord(text, max);
	// A single long word: cut it hard rather than exceed the limit.
	return cut.length <= max ? cut : `${text.slice(0, max - 1)}…`;
}

/**
 * Markdown escaped, so text shows literally: `\`, `*`, `_`, `~`, `` ` ``, `|`, `[`, `]` anywhere,
 * and quote, heading and list markers at the start of a line. (discord.js's `escapeMarkdown` does
 * the same with many more passes: about a hundred times slower over the corpus.)
 */
export function literal(text: string): string {
	return text
		.replace(/[\\*_~`|[\]]/g, '\\$&')
		.replace(/^(>|#{1,3} |[-+] )/gm, '\\$1')
		.replace(/^(\d+)\. /gm, '$1\\. ');
}

/** "1 letter", "3 letters". */
export function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}
