/**
 * `/letter`, `/cite`, `/about` and every button a letter carries, end to end against the emulator.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ButtonStyle, ChannelType, ComponentType } from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { STALE_COMPONENT } from '../../src/discord/components.js';
import {
	buttonLabels,
	choicesOf,
	expectNoMentions,
	idOf,
	isEphemeral,
	messageOf,
	realDeps,
	startLetterday,
	type LetterdayHarness,
} from './bot-harness.js';

const LONG = 'bt-1946-04-05-smith-to-byrnes';
const LINKED = 'bt-1945-04-03-stalin-to-roosevelt';

let h: LetterdayHarness;
beforeAll(async () => {
	h = await startLetterday();
});
afterAll(() => h?.teardown());
afterEach(() => h.assertNoErrors());

async function letter(id: string) {
	return messageOf(await h.emu.injectChatInput({ name: 'letter', options: { letter: id } }).callback);
}

describe('GIVEN /letter with a known id', () => {
	it('THEN everyone sees a letter: sender to recipient, heading, date, text, signature, context and source with the id', async () => {
		const callback = await h.emu.injectChatInput({
			name: 'letter',
			options: { letter: 'bt-1942-08-13-stalin-to-churchill' },
		}).callback;
		expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
		expectNoMentions(callback);
		const message = messageOf(callback);
		expect(isEphemeral(message.flags)).toBe(false);
		const [embed] = message.embeds;
		expect(embed?.author?.name).toBe('Joseph Stalin to Winston Churchill');
		expect(embed?.title).toBe('J. V. Stalin to W. Churchill');
		expect(embed?.description).toMatch(/^As a result of the exchange of views in Moscow on August 12/);
		expect(embed?.description).toMatch(/\*J\. Stalin\*$/);
		expect(embed?.fields?.map((f) => f.name)).toEqual(['Date', 'Context']);
		expect(embed?.fields?.[0]?.value).toBe('Sent 13 August 1942');
		expect(embed?.fields?.[1]?.value).toMatch(/^Stalin \(head of the Soviet government\) to Churchill/);
		expect(embed?.footer?.text).toMatch(
			/^Source: War Telegrams, 1942.*line \d+\..* · bt-1942-08-13-stalin-to-churchill$/,
		);
		expect(buttonLabels(message)).toEqual([['Full text']]);
	});

	it('THEN a letter with replies says when it was answered and offers what it answers, its answer and its thread', async () => {
		const message = await letter(LINKED);
		expect(message.embeds[0]?.fields?.[0]?.value).toBe('Sent 3 April 1945 · answered in 1 day');
		const labels = buttonLabels(message)[1] ?? [];
		expect(labels).toHaveLength(3);
		expect(labels[0]).toMatch(/^↩ Replies to /);
		expect(labels[1]).toBe('↪ Answered 4 Apr 1945');
		expect(labels[2]).toBe('Thread (5 letters)');
		const answer = messageOf(await h.emu.injectButton({ message, customId: idOf(message, '↪ Answered') }).callback);
		expect(answer.id).toBe(message.id);
		expect(answer.embeds[0]?.footer?.text).toContain('bt-1945-04-04-roosevelt-to-stalin');
		const back = messageOf(
			await h.emu.injectButton({ message: answer, customId: idOf(answer, '↩ Replies to') }).callback,
		);
		expect(back.embeds[0]?.footer?.text).toContain(LINKED);
		const thread = messageOf(await h.emu.injectButton({ message: back, customId: idOf(back, 'Thread') }).callback);
		expect(thread.content).toMatch(/^\*\*Thread\*\* of 5 letters around .*: letter 2 of 5\.$/);
	});

	it('THEN an excerpt and a letter whose text is lost are clearly marked', async () => {
		const excerpt = await letter('bt-1941-09-03-stalin-to-churchill');
		expect(excerpt.embeds[0]?.description).toMatch(/^> \*\*Excerpt\*\* — only part of this letter is known/);
		const placeholder = await letter('bt-1942-01-15-churchill-to-stalin');
		expect(placeholder.embeds[0]?.description).toMatch(/^> \*\*Text not held\*\*/);
		expect(buttonLabels(placeholder).flat()).not.toContain('Full text');
	});
});

describe('GIVEN a letter longer than one message', () => {
	it('WHEN Next and Previous are pressed THEN the pages change in place, split between paragraphs', async () => {
		const message = await letter(LONG);
		expect(buttonLabels(message)[0]).toEqual(['◀ Previous', 'Page 1 of 4', 'Next ▶', 'Full text']);
		expect(message.embeds[0]?.footer?.text).toMatch(/ · Page 1 of 4 · bt-1946-04-05-smith-to-byrnes$/);
		const first = message.embeds[0]?.description ?? '';
		expect(first.length).toBeLessThanOrEqual(4096);
		const press = h.emu.injectButton({ message, customId: idOf(message, 'Next ▶') });
		const update = await press.callback;
		expect(update.type).toBe(InteractionResponseType.UpdateMessage);
		expectNoMentions(update);
		const second = messageOf(update);
		expect(second.embeds[0]?.footer?.text).toContain('Page 2 of 4');
		const text = second.embeds[0]?.description ?? '';
		expect(text).not.toBe(first);
		// Pages end and begin on whole paragraphs (or at least whole words).
		expect(first.endsWith(' ')).toBe(false);
		expect(/^\S/.test(text)).toBe(true);
		const back = messageOf(
			await h.emu.injectButton({ message: second, customId: idOf(second, '◀ Previous') }).callback,
		);
		expect(back.embeds[0]?.description).toBe(first);
	});

	it('WHEN Full text is pressed THEN the asker gets the whole letter as a .txt file', async () => {
		const message = await letter(LONG);
		const press = h.emu.injectButton({ message, customId: idOf(message, 'Full text') });
		const callback = await press.callback;
		expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
		expect(isEphemeral(callback.data?.flags)).toBe(true);
		expectNoMentions(callback);
		expect(callback.files.map((f) => f.filename)).toEqual([`${LONG}.txt`]);
		const text = callback.files[0]?.content.toString('utf8') ?? '';
		const source = realDeps().corpus.byId.get(LONG);
		for (const paragraph of source?.body ?? []) expect(text).toContain(paragraph);
		expect(text).toContain(`Id: ${LONG}`);
		expect(messageOf(callback).attachments[0]?.filename).toBe(`${LONG}.txt`);
	});
});

describe('GIVEN /letter with a bad id', () => {
	it.each([
		{
			typed: 'bt-1999-01-01-nobody-to-anybody',
			text: /^No letter has the id "bt-1999-01-01-nobody-to-anybody"; ids look like bt-/,
		},
		{ typed: '1942-08-13', text: /^No letter has the id "1942-08-13"; did you mean bt-1942-08-13-/ },
	])('WHEN "$typed" is sent THEN only the asker is told, with a hint', async ({ typed, text }) => {
		const callback = await h.emu.injectChatInput({ name: 'letter', options: { letter: typed } }).callback;
		expect(isEphemeral(callback.data?.flags)).toBe(true);
		expect(callback.data?.content).toMatch(text);
		expectNoMentions(callback);
	});
});

describe('GIVEN the letter option being typed', () => {
	it.each([
		{ typed: 'bt-1942-08-1', expect: 'bt-1942-08-13-stalin-to-churchill', what: 'an id' },
		{ typed: '1942-08-13', expect: 'bt-1942-08-13-stalin-to-churchill', what: 'an id without its prefix' },
		{ typed: '13 August 1942', expect: 'bt-1942-08-13-stalin-to-churchill', what: 'a date' },
		{ typed: 'Truman', expect: 'bt-1946-04-06-stalin-to-truman', what: 'a correspondent' },
		{ typed: 'second front', expect: 'bt-1942-08-13-stalin-to-churchill', what: 'words' },
	])(
		'WHEN $what is typed ("$typed") THEN letters are offered by label with their ids as values',
		async ({ typed, expect: id }) => {
			const callback = await h.emu.injectAutocomplete({ name: 'letter', options: { letter: typed }, focused: 'letter' })
				.callback;
			const choices = choicesOf(callback);
			expect(choices.length).toBeGreaterThan(0);
			expect(choices.length).toBeLessThanOrEqual(25);
			expect(choices.map((c) => c.value)).toContain(id);
			for (const choice of choices) {
				expect(realDeps().corpus.byId.has(String(choice.value))).toBe(true);
				expect(choice.name.length).toBeLessThanOrEqual(100);
			}
		},
	);

	it('WHEN nothing is typed yet THEN example letters are offered', async () => {
		const callback = await h.emu.injectAutocomplete({ name: 'cite', options: { letter: '' }, focused: 'letter' })
			.callback;
		expect(choicesOf(callback).length).toBeGreaterThan(0);
	});
});

describe('GIVEN /cite', () => {
	it('WHEN a letter is cited THEN one line names who, what, when, the edition and the source, ready to copy', async () => {
		const callback = await h.emu.injectChatInput({
			name: 'cite',
			options: { letter: 'bt-1942-08-13-stalin-to-churchill' },
		}).callback;
		expectNoMentions(callback);
		const content = messageOf(callback).content;
		expect(content).toMatch(
			/^```\nJoseph Stalin to Winston Churchill, memorandum of 13 August 1942\. Correspondence between .+ \(Moscow, 1957\)\. Source: War Telegrams, 1942.*, line \d+\..*\n```$/,
		);
		expect(content.split('\n')).toHaveLength(3);
	});

	it('WHEN the letter is unknown THEN only the asker is told', async () => {
		const callback = await h.emu.injectChatInput({ name: 'cite', options: { letter: 'nope' } }).callback;
		expect(isEphemeral(callback.data?.flags)).toBe(true);
		expect(callback.data?.content).toMatch(/^No letter has the id "nope"/);
	});
});

describe('GIVEN /about', () => {
	it('THEN the collections with their licences and sources, and the commands, are described', async () => {
		const callback = await h.emu.injectChatInput({ name: 'about' }).callback;
		expectNoMentions(callback);
		const [embed] = messageOf(callback).embeds;
		expect(embed?.title).toBe('Letterday: historic letters, on this day');
		expect(embed?.description).toContain('`/today [date] [timezone] [collection]`');
		expect(embed?.description).toContain('`/cite <letter> [collection]`');
		expect(embed?.fields?.[0]?.name).toMatch(/\(1941–1946\)$/);
		expect(embed?.fields?.[0]?.value).toMatch(/^\d+ letters: .* Licence: .* Sources: War Telegrams/);
	});
});

describe('GIVEN a command Discord still lists but this version no longer has', () => {
	it('WHEN it is used THEN the asker is told privately and the log says which', async () => {
		await h.client.application.commands.create({ name: 'ghost', description: 'A command from an older deployment' });
		const callback = await h.emu.injectChatInput({ name: 'ghost' }).callback;
		expect(isEphemeral(callback.data?.flags)).toBe(true);
		expect(callback.data?.content).toBe('That command is not available any more.');
		expectNoMentions(callback);
		expect(h.log.find((l) => l.msg === 'unknown command')).toMatchObject({ level: 'warn', command: 'ghost' });
	});
});

describe('GIVEN a button from an older version of the bot', () => {
	it('WHEN it is pressed THEN the presser is told to run the command again', async () => {
		const channel = h.client.channels.cache.get(h.emu.firstChannelId);
		if (channel?.type !== ChannelType.GuildText) throw new Error('expected a text channel');
		const old = await channel.send({
			content: 'An old message',
			components: [
				{
					type: ComponentType.ActionRow,
					components: [
						{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Next', custom_id: 'ld0:page:2' },
					],
				},
			],
		});
		const callback = await h.emu.injectButton({ message: old.id, customId: 'ld0:page:2' }).callback;
		expect(isEphemeral(callback.data?.flags)).toBe(true);
		expect(callback.data?.content).toBe(STALE_COMPONENT);
	});
});
