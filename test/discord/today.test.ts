/**
 * `/today` end to end: the real client against the emulator, asserting on what Discord receives.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { newGuildSettings } from '../../src/core/settings.js';
import {
	choicesOf,
	expectNoMentions,
	idOf,
	isEphemeral,
	messageOf,
	selectValues,
	startLetterday,
	type LetterdayHarness,
} from './bot-harness.js';

// 23:30 UTC on 12 August 2026 is already 13 August in Auckland.
const NOW = Date.parse('2026-08-12T23:30:00Z');

let h: LetterdayHarness;
let auckland: string;
beforeAll(async () => {
	h = await startLetterday({ guilds: [{ name: 'UTC server' }, { name: 'Auckland server' }], now: () => NOW });
	auckland = [...h.emu.state.guilds.values()][1]?.id ?? '';
	const settings = newGuildSettings({ channelId: h.emu.firstChannelId, timezone: 'Pacific/Auckland' });
	if (!settings.ok) throw new Error(settings.error.message);
	await h.settings.set(auckland, settings.value);
});
afterAll(() => h?.teardown());
afterEach(() => h.assertNoErrors());

describe('GIVEN /today with no options', () => {
	it('WHEN the server has no time zone THEN the day is the UTC day, with letters, menu and day buttons', async () => {
		const callback = await h.emu.injectChatInput({ name: 'today' }).callback;
		expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
		expectNoMentions(callback);
		const message = messageOf(callback);
		expect(isEphemeral(message.flags)).toBe(false);
		expect(message.content).toMatch(/^\*\*On this day, 12 August:\*\* \d+ letters?/);
		expect(message.embeds[0]?.footer?.text).toContain('bt-1942-08-12');
		expect(idOf(message, '◀ 11 August')).toBe('ld2:d:2026-08-11::0:');
		expect(idOf(message, '13 August ▶')).toBe('ld2:d:2026-08-13::0:');
	});

	it("WHEN the server's stored time zone is Pacific/Auckland THEN it is already 13 August there", async () => {
		const message = messageOf(await h.emu.injectChatInput({ name: 'today', guildId: auckland }).callback);
		expect(message.content).toMatch(/^\*\*On this day, 13 August:\*\*/);
		expect(message.embeds[0]?.author?.name).toBe('Joseph Stalin to Winston Churchill');
	});

	it('WHEN a timezone option is given THEN it wins over the stored one', async () => {
		const message = messageOf(
			await h.emu.injectChatInput({ name: 'today', guildId: auckland, options: { timezone: 'UTC' } }).callback,
		);
		expect(message.content).toMatch(/^\*\*On this day, 12 August:\*\*/);
	});
});

describe('GIVEN /today with a date', () => {
	it.each(['08-13', '1942-08-13', '13 Aug 1942', 'August 13', '13th August'])(
		'WHEN the date is "%s" THEN 13 August is shown',
		async (date) => {
			const message = messageOf(await h.emu.injectChatInput({ name: 'today', options: { date } }).callback);
			expect(message.content).toMatch(/^\*\*On this day, 13 August:\*\*/);
			expect(message.embeds[0]?.footer?.text).toContain('bt-1942-08-13-stalin-to-churchill');
		},
	);

	it('WHEN the date is "today" THEN it is the day in the time zone', async () => {
		const message = messageOf(
			await h.emu.injectChatInput({ name: 'today', options: { date: 'today', timezone: 'Pacific/Auckland' } }).callback,
		);
		expect(message.content).toMatch(/^\*\*On this day, 13 August:\*\*/);
	});

	it('WHEN the date is 29 February and no letter was sent that day THEN the nearest letters are shown, saying so', async () => {
		const message = messageOf(
			await h.emu.injectChatInput({ name: 'today', options: { date: '29 February' } }).callback,
		);
		expect(message.content).toMatch(/^No letter was sent on 29 February; the nearest/);
		expect(message.embeds).toHaveLength(1);
	});

	it.each([
		{ date: '02-30', text: '"02-30" is not a real date: February has only 29 days' },
		{ date: '29 Feb 1943', text: '"29 Feb 1943" is not a real date: February 1943 has only 28 days' },
		{
			date: 'next week',
			text: '"next week" is not a date; give a date such as today, 13 August, 13 Aug 1942, 1942-08-13 or 08-13',
		},
	])('WHEN the date is impossible ("$date") THEN only the asker is told why', async ({ date, text }) => {
		const callback = await h.emu.injectChatInput({ name: 'today', options: { date } }).callback;
		expect(isEphemeral(callback.data?.flags)).toBe(true);
		expect(callback.data?.content).toBe(text);
		expect(callback.data?.embeds ?? []).toEqual([]);
		expectNoMentions(callback);
	});

	it('WHEN the time zone is unknown THEN only the asker is told', async () => {
		const callback = await h.emu.injectChatInput({ name: 'today', options: { timezone: 'Mars/Olympus_Mons' } })
			.callback;
		expect(isEphemeral(callback.data?.flags)).toBe(true);
		expect(callback.data?.content).toBe(
			'"Mars/Olympus_Mons" is not a time zone; use an IANA name such as Europe/London or UTC',
		);
	});
});

describe('GIVEN a day with several letters', () => {
	it('WHEN another letter is picked in the menu THEN the message shows it, and the menu and day buttons stay', async () => {
		const message = messageOf(await h.emu.injectChatInput({ name: 'today', options: { date: '07-31' } }).callback);
		expect(message.content).toBe('**On this day, 31 July:** 3 letters; pick another below.');
		const ids = selectValues(message);
		expect(ids).toHaveLength(3);
		expect(message.embeds[0]?.footer?.text).toContain(ids[0]);
		const menu = idOf(message, 'Read another letter of this day');
		expect(menu).toBe('ld2:ds:07-31:');
		const picked = await h.emu.injectSelect({ message, customId: menu, values: [ids[2] ?? ''] }).callback;
		expect(picked.type).toBe(InteractionResponseType.UpdateMessage);
		expectNoMentions(picked);
		const updated = messageOf(picked);
		expect(updated.id).toBe(message.id);
		expect(updated.embeds[0]?.footer?.text).toContain(ids[2]);
		expect(updated.content).toBe(message.content);
		expect(idOf(updated, '◀ 30 July')).toBe('ld2:d:07-30::0:');
	});

	it('WHEN Next day and Previous day are pressed THEN the message moves a day each time, and back', async () => {
		const message = messageOf(await h.emu.injectChatInput({ name: 'today', options: { date: '1942-08-12' } }).callback);
		const next = messageOf(await h.emu.injectButton({ message, customId: idOf(message, '13 August ▶') }).callback);
		expect(next.content).toMatch(/^\*\*On this day, 13 August:\*\*/);
		const back = messageOf(await h.emu.injectButton({ message: next, customId: idOf(next, '◀ 12 August') }).callback);
		expect(back.content).toMatch(/^\*\*On this day, 12 August:\*\*/);
		expect(back.embeds[0]?.footer?.text).toBe(message.embeds[0]?.footer?.text);
	});

	it('WHEN no letter was sent within a week of the day THEN only the asker is told, with day buttons to move on', async () => {
		// The Big Three letters leave late January empty for more than a week either side.
		const message = messageOf(await h.emu.injectChatInput({ name: 'today', options: { date: '01-26' } }).callback);
		expect(isEphemeral(message.flags)).toBe(true);
		expect(message.content).toBe('No letter was sent on 26 January, nor within a week either side of it.');
		expect(message.embeds).toEqual([]);
		const later = messageOf(await h.emu.injectButton({ message, customId: idOf(message, '27 January ▶') }).callback);
		expect(later.content).toBe('No letter was sent on 27 January, nor within a week either side of it.');
	});
});

describe('GIVEN a long letter shown for its day', () => {
	it('WHEN Next page is pressed THEN the page turns and the day buttons stay', async () => {
		const message = messageOf(await h.emu.injectChatInput({ name: 'today', options: { date: '1946-04-05' } }).callback);
		expect(message.embeds[0]?.footer?.text).toMatch(/Page 1 of 4 · bt-1946-04-05-smith-to-byrnes$/);
		const next = idOf(message, 'Next ▶');
		expect(next).toBe('ld2:d:1946-04-05:bt-1946-04-05-smith-to-byrnes:1:');
		const turned = messageOf(await h.emu.injectButton({ message, customId: next }).callback);
		expect(turned.embeds[0]?.footer?.text).toMatch(/Page 2 of 4 · bt-1946-04-05-smith-to-byrnes$/);
		expect(turned.content).toBe(message.content);
		expect(idOf(turned, '6 April ▶')).toBe('ld2:d:1946-04-06::0:');
	});
});

describe('GIVEN the timezone option being typed', () => {
	it('WHEN "europe/lon" is typed THEN Europe/London is offered, within 25 choices', async () => {
		const callback = await h.emu.injectAutocomplete({
			name: 'today',
			options: { timezone: 'europe/lon' },
			focused: 'timezone',
		}).callback;
		expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
		expect(choicesOf(callback)).toContainEqual({ name: 'Europe/London', value: 'Europe/London' });
	});

	it('WHEN "Auckland" is typed THEN the zone is found by its city', async () => {
		const callback = await h.emu.injectAutocomplete({
			name: 'today',
			options: { timezone: 'Auckland' },
			focused: 'timezone',
		}).callback;
		expect(choicesOf(callback)[0]).toEqual({ name: 'Pacific/Auckland', value: 'Pacific/Auckland' });
	});
});
