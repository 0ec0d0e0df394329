/**
 * `/random`, `/thread`, `/search` and `/who` end to end against the emulator, with every button,
 * menu and bad input.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import {
	buttonLabels,
	choicesOf,
	expectNoMentions,
	idOf,
	isEphemeral,
	messageOf,
	realDeps,
	selectValues,
	startLetterday,
	type LetterdayHarness,
} from './bot-harness.js';

const LINKED = 'bt-1945-04-03-stalin-to-roosevelt';

let h: LetterdayHarness;
beforeAll(async () => {
	h = await startLetterday();
});
afterAll(() => h?.teardown());
afterEach(() => h.assertNoErrors());

async function ephemeralText(
	name: string,
	given: Readonly<Record<string, string | number | undefined>>,
): Promise<string | undefined> {
	const options = Object.fromEntries(
		Object.entries(given).filter((e): e is [string, string | number] => e[1] !== undefined),
	);
	const callback = await h.emu.injectChatInput({ name, options }).callback;
	expect(isEphemeral(callback.data?.flags)).toBe(true);
	expectNoMentions(callback);
	return callback.data?.content;
}

describe('GIVEN /random', () => {
	it('WHEN used without filters THEN a letter and its reply are shown side by side, with buttons to read each and draw again', async () => {
		const callback = await h.emu.injectChatInput({ name: 'random' }).callback;
		expectNoMentions(callback);
		const message = messageOf(callback);
		expect(isEphemeral(message.flags)).toBe(false);
		expect(message.content).toMatch(/^\*\*An exchange:\*\* .+, and the reply of .+\.$/);
		expect(message.embeds).toHaveLength(2);
		expect(buttonLabels(message)[0]?.slice(0, 2)).toEqual(['Read the letter', 'Read the reply']);
		const [letterId, replyId] = message.embeds.map((e) => e.footer?.text.split(' · ').at(-1));
		const reply = realDeps().corpus.byId.get(replyId ?? '');
		expect(reply?.replyTo.map((r) => r.id)).toContain(letterId);
		const again = messageOf(
			await h.emu.injectButton({ message, customId: idOf(message, 'Another exchange') }).callback,
		);
		expect(again.id).toBe(message.id);
		expect(again.embeds).toHaveLength(2);
		const read = messageOf(
			await h.emu.injectButton({ message: again, customId: idOf(again, 'Read the reply') }).callback,
		);
		expect(read.embeds).toHaveLength(1);
		expect(read.content).toBe('');
		const letter = messageOf(
			await h.emu.injectButton({ message, customId: idOf(message, 'Read the letter') }).callback,
		);
		expect(letter.embeds).toHaveLength(1);
	});

	it('WHEN Thread is pressed on an exchange THEN the thread opens at the letter', async () => {
		const message = messageOf(await h.emu.injectChatInput({ name: 'random', options: { from: 'Truman' } }).callback);
		const thread = messageOf(await h.emu.injectButton({ message, customId: idOf(message, 'Thread (') }).callback);
		expect(thread.content).toMatch(/^\*\*Thread\*\* of \d+ letters around .+: letter \d+ of \d+\.$/);
		expect(thread.embeds).toHaveLength(1);
	});

	it('WHEN a correspondent and a year are given THEN the exchange involves them in that year, and Another keeps the filters', async () => {
		const message = messageOf(
			await h.emu.injectChatInput({ name: 'random', options: { from: 'Truman', year: 1946 } }).callback,
		);
		expect(message.embeds.map((e) => e.author?.name).join(' ')).toContain('Truman');
		expect(idOf(message, 'Another exchange')).toBe('ld2:r:1946:Truman:');
		const again = messageOf(await h.emu.injectButton({ message, customId: 'ld2:r:1946:Truman:' }).callback);
		expect(again.embeds.map((e) => e.author?.name).join(' ')).toContain('Truman');
	});

	it.each([
		{ options: { from: 'Napoleon' }, text: /^No correspondent is called "Napoleon"; try / },
		{
			options: { from: 'Churchill', year: 1946 },
			text: /^No exchange of letters with Churchill in 1946 is in the collection$/,
		},
		{ options: { year: 1800 }, text: /^No exchange of letters in 1800 is in the collection$/ },
	])('WHEN the filters match nothing ($options) THEN only the asker is told', async ({ options, text }) => {
		expect(await ephemeralText('random', options)).toMatch(text);
	});

	it('WHEN a correspondent is being typed THEN matching people are offered by name', async () => {
		const callback = await h.emu.injectAutocomplete({ name: 'random', options: { from: 'chur' }, focused: 'from' })
			.callback;
		expect(choicesOf(callback)).toEqual([{ name: 'Winston Churchill', value: 'churchill' }]);
	});
});

describe('GIVEN /thread', () => {
	it('WHEN asked about a letter in a thread THEN it opens at that letter, one letter per page, with Earlier/Later and a menu', async () => {
		const callback = await h.emu.injectChatInput({ name: 'thread', options: { letter: LINKED } }).callback;
		expectNoMentions(callback);
		const message = messageOf(callback);
		expect(message.content).toMatch(
			/^\*\*Thread\*\* of 5 letters around 3 April 1945 — Stalin to Roosevelt: letter 2 of 5\.$/,
		);
		expect(message.embeds[0]?.footer?.text).toContain(LINKED);
		expect(buttonLabels(message).flat()).not.toContain('Thread (5 letters)');
		expect(buttonLabels(message).find((row) => row.includes('Letter 2 of 5'))).toEqual([
			'◀ Earlier letter',
			'Letter 2 of 5',
			'Later letter ▶',
		]);
		const later = messageOf(await h.emu.injectButton({ message, customId: idOf(message, 'Later letter ▶') }).callback);
		expect(later.content).toMatch(/letter 3 of 5\.$/);
		const values = selectValues(later);
		expect(values).toHaveLength(5);
		const first = await h.emu.injectSelect({
			message: later,
			customId: idOf(later, 'Jump to a letter'),
			values: [values[0] ?? ''],
		}).callback;
		expect(first.type).toBe(InteractionResponseType.UpdateMessage);
		expect(messageOf(first).content).toMatch(/letter 1 of 5\.$/);
		expect(messageOf(first).embeds[0]?.footer?.text).toContain(values[0]);
		const firstMessage = messageOf(first);
		const earlier = buttonLabels(firstMessage).find((row) => row.includes('Letter 1 of 5'));
		expect(earlier).toEqual(['◀ Earlier letter', 'Letter 1 of 5', 'Later letter ▶']);
		const second = messageOf(
			await h.emu.injectButton({ message: firstMessage, customId: idOf(firstMessage, 'Later letter ▶') }).callback,
		);
		expect(second.content).toMatch(/letter 2 of 5\.$/);
		const back = messageOf(
			await h.emu.injectButton({ message: second, customId: idOf(second, '◀ Earlier letter') }).callback,
		);
		expect(back.content).toMatch(/letter 1 of 5\.$/);
	});

	it('WHEN the letter answers nothing and was not answered THEN the thread is that one letter', async () => {
		const message = messageOf(
			await h.emu.injectChatInput({ name: 'thread', options: { letter: 'bt-1946-04-05-smith-to-byrnes' } }).callback,
		);
		expect(message.content).toMatch(/of 1 letter around .*: letter 1 of 1\.$/);
		expect(selectValues(message)).toEqual([]);
	});

	it('WHEN the letter is unknown THEN only the asker is told', async () => {
		expect(await ephemeralText('thread', { letter: 'bt-1942-13-01-x' })).toMatch(
			/^No letter has the id "bt-1942-13-01-x"/,
		);
	});
});

describe('GIVEN /search', () => {
	it('WHEN words are searched THEN ranked results are listed and one can be picked to read', async () => {
		const callback = await h.emu.injectChatInput({ name: 'search', options: { query: 'second front' } }).callback;
		expectNoMentions(callback);
		const message = messageOf(callback);
		const [embed] = message.embeds;
		expect(embed?.title).toBe('Letters matching “second front”');
		expect(embed?.description).toMatch(/^\*\*1\.\*\* .+ — .+ to .+\n> /);
		const values = selectValues(message);
		expect(values.length).toBeGreaterThan(1);
		expect(values.length).toBeLessThanOrEqual(10);
		const picked = messageOf(
			await h.emu.injectSelect({ message, customId: idOf(message, 'Read a letter'), values: [values[1] ?? ''] })
				.callback,
		);
		expect(picked.id).toBe(message.id);
		expect(picked.embeds[0]?.footer?.text).toContain(values[1]);
	});

	it('WHEN filtered by correspondent and year THEN every result involves them in that year', async () => {
		const message = messageOf(
			await h.emu.injectChatInput({ name: 'search', options: { query: 'front', from: 'Roosevelt', year: 1942 } })
				.callback,
		);
		const { corpus } = realDeps();
		for (const id of selectValues(message)) {
			const letter = corpus.byId.get(id);
			expect([...(letter?.from ?? []), ...(letter?.to ?? [])]).toContain('roosevelt');
			expect(letter?.sent?.slice(0, 4) ?? letter?.received?.slice(0, 4)).toBe('1942');
		}
	});

	it.each([
		{ options: { query: 'xylophonequartz' }, text: 'No letter matches “xylophonequartz”.' },
		{ options: { query: 'front', year: 1800 }, text: 'No letter in 1800 matches “front”.' },
		{
			options: { query: 'the and of' },
			text: 'The search query "the and of" has only common words; add a more particular one',
		},
		{ options: { query: '   ' }, text: 'The search query is empty; give a word or phrase to look for' },
		{ options: { query: 'front', from: 'Napoleon' }, text: /^No correspondent is called "Napoleon"/ },
	])('WHEN nothing can match ($options) THEN only the asker is told', async ({ options, text }) => {
		const content = await ephemeralText('search', options);
		if (typeof text === 'string') expect(content).toBe(text);
		else expect(content).toMatch(text);
	});

	it('WHEN a correspondent is being typed in the from filter THEN people are offered', async () => {
		const callback = await h.emu.injectAutocomplete({
			name: 'search',
			options: { query: 'front', from: 'Roos' },
			focused: 'from',
		}).callback;
		expect(choicesOf(callback)).toEqual([{ name: 'Franklin D. Roosevelt', value: 'roosevelt' }]);
	});

	it('WHEN a query would ping (@everyone) THEN nothing is pinged and the text shows as typed', async () => {
		const content = await ephemeralText('search', { query: '@everyone <@123456789012345678>' });
		expect(content).toBe('No letter matches “@everyone <@123456789012345678>”.');
	});
});

describe('GIVEN /who', () => {
	it('WHEN a correspondent is picked THEN our description, roles by date and letters are shown, with a menu of letters', async () => {
		const callback = await h.emu.injectChatInput({ name: 'who', options: { person: 'big-three/churchill' } }).callback;
		expectNoMentions(callback);
		const message = messageOf(callback);
		const [embed] = message.embeds;
		expect(embed?.title).toBe('Winston Churchill');
		expect(embed?.fields?.map((f) => f.name)).toEqual(['Roles', 'Letters']);
		expect(embed?.fields?.[0]?.value.split('\n')).toEqual([
			'• First Lord of the Admiralty (3 September 1939–10 May 1940)',
			'• Prime Minister of the United Kingdom (10 May 1940–26 July 1945)',
			'• Leader of the Opposition in the House of Commons (from 26 July 1945)',
		]);
		expect(embed?.fields?.[1]?.value).toMatch(/^Wrote \d+ and received \d+ of the letters, 1941–194\d\./);
		const values = selectValues(message);
		expect(values.length).toBeGreaterThan(0);
		const read = messageOf(
			await h.emu.injectSelect({
				message,
				customId: idOf(message, 'Read a letter of Churchill'),
				values: [values[0] ?? ''],
			}).callback,
		);
		expect(read.embeds[0]?.footer?.text).toContain(values[0]);
	});

	it('WHEN a name is typed rather than picked THEN the person is found', async () => {
		const message = messageOf(await h.emu.injectChatInput({ name: 'who', options: { person: 'churchill' } }).callback);
		expect(message.embeds[0]?.title).toBe('Winston Churchill');
	});

	it('WHEN the person is only named in the letters THEN that is said and no menu is offered', async () => {
		const message = messageOf(await h.emu.injectChatInput({ name: 'who', options: { person: 'Hitler' } }).callback);
		expect(message.embeds[0]?.fields?.at(-1)?.value).toBe(
			'Named in the letters; wrote and received none in the collection.',
		);
		expect(message.components).toEqual([]);
	});

	it('WHEN a word names several people THEN a menu asks which, and picking shows them', async () => {
		const message = messageOf(await h.emu.injectChatInput({ name: 'who', options: { person: 'Harry' } }).callback);
		expect(message.content).toBe('2 people match “Harry”; pick one:');
		const values = selectValues(message);
		expect(values.sort()).toEqual(['big-three/hopkins', 'big-three/truman']);
		const picked = messageOf(
			await h.emu.injectSelect({ message, customId: idOf(message, 'Who do you mean?'), values: ['big-three/truman'] })
				.callback,
		);
		expect(picked.embeds[0]?.title).toBe('Harry S. Truman');
		expect(picked.content).toBe('');
	});

	it('WHEN no one has that name THEN only the asker is told', async () => {
		expect(await ephemeralText('who', { person: 'Napoleon' })).toMatch(
			/^No one in the letters is called "Napoleon"; try /,
		);
	});

	it('WHEN a name is being typed THEN people are offered with their collection, by collection/id', async () => {
		const callback = await h.emu.injectAutocomplete({ name: 'who', options: { person: 'Win' }, focused: 'person' })
			.callback;
		expect(choicesOf(callback)[0]).toEqual({ name: 'Winston Churchill (Big Three)', value: 'big-three/churchill' });
	});
});
