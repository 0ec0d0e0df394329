/**
 * The letter renderer and the message budget, over every letter of the real corpus: every page of
 * every letter, in every place a letter is shown, fits Discord's limits, and paging loses no word.
 */
import { AllowedMentionsTypes } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { buildCorpus, type Corpus } from '../../src/core/corpus.js';
import { validateDataDir } from '../../src/data/load.js';
import type { MessageBody } from '../../src/discord/command.js';
import { decodeCustomId, encodeCustomId } from '../../src/discord/custom-id.js';
import { budgetMessage, limitViolations } from '../../src/discord/render/budget.js';
import { letterCard, letterPages, renderLetterMessage } from '../../src/discord/render/letter.js';
import { citation } from '../../src/discord/render/cite.js';
import { literal } from '../../src/discord/render/text.js';
import { dayScreen, exchangeScreen, personScreen, threadScreen } from '../../src/discord/screens.js';
import { checkMessageLimits } from '../emulator/limits.js';

// Every collection, as loaded for the bot (collections being imported may still have problems
// elsewhere; those are test/data's business, so the checked letters are used as they are).
const corpus: Corpus = buildCorpus(validateDataDir().data);

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** What is wrong with a body: broken limits, or a budget that had to change it. */
function problemsOf(body: MessageBody, where: string): string[] {
	const problems = [
		...limitViolations(body),
		...checkMessageLimits(body, []).map((i) => `${i.path.join('.')}: ${i.message}`),
	];
	// The budget is the safety net: for a rendered page it changes nothing.
	if (JSON.stringify(budgetMessage(body)) !== JSON.stringify(body)) problems.push('the budget had to change it');
	return problems.map((p) => `${where}: ${p}`);
}

function expectWithinLimits(body: MessageBody, where: string): void {
	expect(problemsOf(body, where)).toEqual([]);
}

describe('GIVEN every letter of the real corpus', () => {
	test(`THEN every page of all ${corpus.letters.length} letters fits, alone and with a day's or a thread's rows, and no word is lost`, () => {
		let pagesSeen = 0;
		// Problems are collected and asserted once: thousands of expect() calls would dominate the time.
		const problems: string[] = [];
		for (const letter of corpus.letters) {
			const card = letterCard(corpus, letter);
			const pages = letterPages(card);
			const expected = [
				...(letter.salutation === undefined ? [] : words(`*${literal(letter.salutation)}*`)),
				...(letter.body ?? []).flatMap((p) => words(literal(p))),
				...(letter.signature === undefined || letter.body === null ? [] : words(`*${literal(letter.signature)}*`)),
			];
			const shown = pages.flatMap(words);
			const mark = letter.excerpt && letter.body !== null ? words(pages[0] ?? '').indexOf('[...].') + 1 : 0;
			const text = letter.body === null ? [] : shown.slice(mark);
			if (text.join(' ') !== expected.join(' ')) problems.push(`${letter.id}: paging lost or changed words`);
			pages.forEach((pageText, page) => {
				pagesSeen++;
				const where = `${letter.id} page ${page + 1}`;
				const body = renderLetterMessage(card, page, {
					pageId: (p) => encodeCustomId({ kind: 'letter', id: letter.id, page: p }),
				});
				problems.push(...problemsOf(body, where));
				if (body.embeds[0]?.description !== pageText) problems.push(`${where}: not the page's text`);
				if (!body.embeds[0]?.footer?.text.includes(letter.id)) problems.push(`${where}: no id in the footer`);
			});
			const thread = threadScreen(corpus, letter.id, card.facts.threadIndex, pages.length - 1);
			if (thread.ok) problems.push(...problemsOf(thread.value, `${letter.id} in its thread`));
			else problems.push(`${letter.id}: no thread`);
			if (letter.precision === 'day' && letter.sent !== null) {
				const [, month, day] = letter.sent.split('-').map(Number);
				const screen = dayScreen(corpus, { month: month ?? 1, day: day ?? 1 }, letter.id, pages.length - 1);
				if (screen.empty) problems.push(`${letter.id}: not on its own day`);
				problems.push(...problemsOf(screen.body, `${letter.id} on its day`));
			}
			if (citation(card).length > 1900) problems.push(`${letter.id}: citation too long`);
		}
		expect(problems).toEqual([]);
		expect(pagesSeen).toBeGreaterThan(corpus.letters.length);
	});

	test('THEN every exchange of a letter and its reply fits side by side', () => {
		for (const pair of corpus.replyPairs) {
			const body = exchangeScreen(
				corpus,
				{ ...pair, bothHaveText: true, candidates: { total: 1, withText: 1 } },
				{ year: 1942, from: 'churchill' },
			);
			expectWithinLimits(body, `${pair.letter.id} → ${pair.reply.id}`);
			expect(body.embeds).toHaveLength(2);
		}
	});

	test('THEN every person fits /who', () => {
		for (const person of corpus.people.values())
			expectWithinLimits(personScreen(corpus, person), `${person.collection}/${person.person.id}`);
	});
});

describe('GIVEN the custom_id codec', () => {
	test.each([
		{ kind: 'letter', id: 'bt-1942-08-13-stalin-to-churchill', page: 3 },
		{ kind: 'full-text', id: 'bt-1942-08-13-stalin-to-churchill' },
		{ kind: 'day', day: '1942-02-28', id: '', page: 0 },
		{ kind: 'day-menu', day: '08-13' },
		{ kind: 'thread', focus: 'bt-recd-1942-11-05-churchill-to-stalin', index: 12, page: 1 },
		{ kind: 'thread-menu', focus: 'bt-1942-08-13-stalin-to-churchill' },
		{ kind: 'random', year: 1942, from: 'Stalin: the man' },
		{ kind: 'random', year: undefined, from: '' },
		{ kind: 'search-menu' },
		{ kind: 'who-people' },
		{ kind: 'who-letters', person: 'big-three/stalin' },
		{ kind: 'inert', n: 2 },
	] as const)('WHEN $kind is encoded THEN it decodes to itself within 100 characters', (state) => {
		const id = encodeCustomId(state);
		expect(id.length).toBeLessThanOrEqual(100);
		expect(id.startsWith('ld2:')).toBe(true);
		expect(decodeCustomId(id)).toEqual(state);
	});

	test('WHEN the longest letter id is paged in a thread THEN the custom_id still fits', () => {
		const longest = corpus.letters.reduce((a, b) => (b.id.length > a.id.length ? b : a));
		expect(encodeCustomId({ kind: 'thread', focus: longest.id, index: 9999, page: 9999 }).length).toBeLessThanOrEqual(
			100,
		);
		expect(encodeCustomId({ kind: 'day', day: '1942-08-13', id: longest.id, page: 9999 }).length).toBeLessThanOrEqual(
			100,
		);
	});

	test('WHEN state is too long THEN encoding refuses rather than send a custom_id Discord rejects', () => {
		expect(() => encodeCustomId({ kind: 'random', year: 1942, from: 'x'.repeat(200) })).toThrow(RangeError);
	});

	test.each(['ld0:l:x:1', 'ld1:l:x', 'ld1:l:x:one', 'ld1:zz:1', 'page:2', 'ld1:r:19x:', 'ld1:l:%E0%A4%A:1', ''])(
		'WHEN "%s" is decoded THEN it is not understood',
		(id) => {
			expect(decodeCustomId(id)).toBeUndefined();
		},
	);
});

describe('GIVEN a message body over the limits', () => {
	test('WHEN it is budgeted THEN every limit holds and mentions are never parsed', () => {
		const word = 'letter ';
		const body: MessageBody = {
			content: word.repeat(400),
			embeds: Array.from({ length: 12 }, (_, i) => ({
				title: word.repeat(50),
				description: word.repeat(700),
				author: { name: word.repeat(40) },
				footer: { text: word.repeat(300) },
				fields: Array.from({ length: 30 }, () => ({ name: word.repeat(40), value: i === 0 ? '' : word.repeat(200) })),
			})),
			components: [],
			allowed_mentions: { parse: [AllowedMentionsTypes.Everyone] },
		};
		const fitted = budgetMessage(body);
		expect(limitViolations(fitted)).toEqual([]);
		expect(checkMessageLimits(fitted, [])).toEqual([]);
		expect(fitted.content?.endsWith('…')).toBe(true);
		expect(fitted.embeds.length).toBeGreaterThanOrEqual(1);
		expect(fitted.embeds.length).toBeLessThanOrEqual(10);
	});
});
