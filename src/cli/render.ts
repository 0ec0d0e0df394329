/**
 * Plain-text rendering for the command line: letters, threads, exchanges, search results and
 * collections, wrapped for a terminal.
 */
import { formatMonthDay } from '../core/dates.js';
import type { RandomExchange } from '../core/exchange.js';
import type { OnThisDay } from '../core/on-this-day.js';
import type { SearchHit } from '../core/search.js';
import type { Thread } from '../core/thread.js';
import type { CollectionView, LetterView } from '../core/views.js';

/** The width text is wrapped to. */
export const WIDTH = 100;

const RULE = '─'.repeat(40);

/**
 * Wrap text at word boundaries to `width` columns; `indent` starts every line after the first
 * (and `first` the first line). Words longer than a line are left whole.
 */
export function wrap(text: string, width = WIDTH, indent = '', first = ''): string {
	const lines: string[] = [];
	for (const paragraphLine of text.split('\n')) {
		let line = lines.length === 0 ? first : indent;
		let empty = true;
		for (const word of paragraphLine.split(/\s+/).filter((w) => w !== '')) {
			if (!empty && line.length + 1 + word.length > width) {
				lines.push(line);
				line = indent + word;
			} else {
				line = empty ? line + word : `${line} ${word}`;
			}
			empty = false;
		}
		lines.push(line);
	}
	return lines.join('\n');
}

function names(refs: readonly { shortName: string }[]): string {
	const short = refs.map((r) => r.shortName);
	return short.length <= 1 ? short.join('') : `${short.slice(0, -1).join(', ')} and ${short.at(-1)}`;
}

/** `13 August 1942 — Stalin to Churchill (memorandum)`. */
export function letterTitle(view: LetterView): string {
	const notes = [
		view.kind,
		view.excerpt ? 'excerpt' : undefined,
		view.placeholder ? 'text not held' : undefined,
	].filter((n) => n !== undefined);
	return `${view.dateText} — ${names(view.from)} to ${names(view.to)} (${notes.join(', ')})`;
}

/** A letter in full: title, heading, text, signature, source and context. */
export function renderLetter(view: LetterView): string {
	const out: string[] = [letterTitle(view)];
	const heading = [view.heading, view.classification].filter((h) => h !== null && h !== '').join(' · ');
	if (heading !== '') out.push(wrap(heading));
	out.push('');
	if (view.paragraphs === null) {
		out.push(wrap('[The text of this letter is not in the collection.]'));
	} else {
		if (view.excerpt) out.push(wrap('[Only part of this letter is known; what follows is quoted.]'), '');
		if (view.salutation !== null) out.push(wrap(view.salutation), '');
		out.push(view.paragraphs.map((p) => wrap(p)).join('\n\n'));
		if (view.signature !== null) out.push('', view.signature);
	}
	out.push('');
	const note = view.source.note === undefined ? '' : ` ${view.source.note}`;
	out.push(wrap(`Source: ${view.source.title}, ${view.source.ref}.${note}`, WIDTH, '        '));
	if (view.source.credit !== '') out.push(wrap(`Credit: ${view.source.credit}`, WIDTH, '        '));
	out.push(wrap(`Context: ${view.context}`, WIDTH, '         '));
	out.push(`Id: ${view.id}`);
	return out.join('\n');
}

/** A one-line label with the id: `18 July 1942 — Churchill to Stalin (message, text not held) [id]`. */
export function letterLine(view: LetterView): string {
	return `${letterTitle(view)} [${view.id}]`;
}

/** A letter with the letters it answers and that answer it, by label. */
export function renderLetterWithLinks(
	view: LetterView,
	replyTo: readonly LetterView[],
	repliedBy: readonly LetterView[],
): string {
	const out = [renderLetter(view)];
	for (const l of replyTo) out.push(`In reply to: ${letterLine(l)}`);
	for (const l of repliedBy) out.push(`Answered by: ${letterLine(l)}`);
	return out.join('\n');
}

function countLetters(n: number): string {
	return `${n} letter${n === 1 ? '' : 's'}`;
}

/** The answer to `today`: a header line, then each letter in full. */
export function renderOnThisDay(result: OnThisDay, views: readonly LetterView[]): string {
	const header =
		result.match === 'exact'
			? `On this day, ${formatMonthDay(result.query)}: ${countLetters(views.length)}`
			: (result.message ?? '');
	const out = [header];
	if (result.note !== undefined) out.push(`(${result.note}.)`);
	for (const view of views) out.push('', RULE, '', renderLetter(view));
	return out.join('\n');
}

/** A thread as an indented outline in date order. */
export function renderThread(thread: Thread, views: ReadonlyMap<string, LetterView>): string {
	const out = [`Thread of ${countLetters(thread.entries.length)} around ${thread.focus}, in date order:`, ''];
	let previous: string | undefined;
	for (const entry of thread.entries) {
		const view = views.get(entry.letter.id);
		if (!view) continue;
		const marker = entry.letter.id === thread.focus ? '▶ ' : entry.depth > 0 ? '↳ ' : '• ';
		const extras: string[] = [];
		const distantParents = entry.parents.filter((p) => p !== previous);
		if (entry.parents.length > 1) extras.push(`answers ${entry.parents.length} letters`);
		else if (distantParents.length > 0) extras.push(`answers ${distantParents.join(', ')}`);
		if (entry.branches) extras.push(`answered ${entry.children.length} times`);
		const suffix = extras.length === 0 ? '' : ` — ${extras.join('; ')}`;
		out.push(`${'  '.repeat(entry.depth)}${marker}${letterLine(view)}${suffix}`);
		previous = entry.letter.id;
	}
	return out.join('\n');
}

/** A random exchange: both letters in full. */
export function renderExchange(exchange: RandomExchange, letter: LetterView, reply: LetterView, seed: number): string {
	const out = [`An exchange: ${letterTitle(letter)}, and the reply of ${reply.dateText}`];
	if (exchange.note !== undefined) out.push(`(${exchange.note}.)`);
	out.push(
		'',
		RULE,
		'',
		renderLetter(letter),
		'',
		RULE,
		'',
		renderLetter(reply),
		'',
		`Seed: ${seed} (run again with --seed ${seed} for the same exchange)`,
	);
	return out.join('\n');
}

/** Search results, best first, each with a snippet. */
export function renderSearch(
	query: string,
	hits: readonly SearchHit[],
	views: ReadonlyMap<string, LetterView>,
): string {
	if (hits.length === 0) return `No letter matches "${query}".`;
	const out = [`${hits.length} result${hits.length === 1 ? '' : 's'} for "${query}", best first:`];
	hits.forEach((hit, i) => {
		const view = views.get(hit.letter.id);
		if (!view) return;
		out.push('', `${i + 1}. ${letterLine(view)}`, wrap(hit.snippet, WIDTH, '   ', '   '));
	});
	return out.join('\n');
}

/** The collections with their sizes. */
export function renderCollections(collections: readonly CollectionView[]): string {
	const out: string[] = [];
	for (const c of collections) {
		if (out.length > 0) out.push('');
		out.push(`${c.id} — ${c.title}`);
		out.push(
			`  ${countLetters(c.letters)} (${c.withFullText} with full text, ${c.excerpts} excerpt${c.excerpts === 1 ? '' : 's'}, ${c.placeholders} known only by reference), ${c.period.from}–${c.period.to}`,
		);
		out.push(wrap(c.description, WIDTH, '  ', '  '));
	}
	return out.join('\n');
}
