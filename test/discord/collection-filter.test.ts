/**
 * The `collection` option end to end against the emulator, over the real data of all five
 * collections: what is registered, what each command answers with it, the buttons that keep it
 * (`ld2` custom ids, across a restart), the `ld1` buttons of messages posted before, and
 * autocomplete.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, test } from 'vitest';
import {
	ApplicationCommandOptionType,
	type APIApplicationCommand,
	type APIMessage,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { commands } from '../../commands/index.js';
import { buildCorpus, type Corpus } from '../../src/core/corpus.js';
import type { Letter } from '../../src/core/format.js';
import { buildSearch, buildSuggestions } from '../../src/core/search.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { collectionsOfTokens, collectionTokens, withCollectionChoices } from '../../src/discord/collections.js';
import type { Deps } from '../../src/discord/command.js';
import { decodeCustomId, encodeCustomId } from '../../src/discord/custom-id.js';
import { registrationBody } from '../../src/discord/deploy.js';
import { decodeOthersCustomId, othersCustomId } from '../../src/discord/render/daily-post.js';
import { dayScreen } from '../../src/discord/screens.js';
import { DEFAULT_DATA_DIR, loadDataSet } from '../../src/data/load.js';
import { startEmulator, type Emulator } from '../emulator/emulator.js';
import { emulatorClientOptions } from '../emulator/harness.js';
import {
	capturedLogger,
	choicesOf,
	idOf,
	isEphemeral,
	messageOf,
	selectValues,
	startLetterday,
	type LetterdayHarness,
} from './bot-harness.js';

const corpus: Corpus = buildCorpus(loadDataSet(DEFAULT_DATA_DIR));
const base: Omit<Deps, 'settings' | 'random'> = {
	corpus,
	search: buildSearch(corpus),
	suggestions: buildSuggestions(corpus),
};
const IDS = corpus.collections.map((c) => c.id);
const FILTERED = ['today', 'letter', 'random', 'thread', 'search', 'who', 'cite'];
/** A day of the year with letters of every collection (19 October). */
const SHARED_DAY = '10-19';

function collectionOfLetter(id: string | undefined): string | undefined {
	return corpus.byId.get(id ?? '')?.collection;
}

/** The letter ids a message shows: in its embeds' footers and its first menu. */
function lettersShown(message: APIMessage): string[] {
	const footers = message.embeds.map((e) => e.footer?.text.split(' · ').at(-1) ?? '');
	return [...footers, ...selectValues(message)].filter((id) => corpus.byId.has(id));
}

function collectionsShown(message: APIMessage): Set<string | undefined> {
	return new Set(lettersShown(message).map(collectionOfLetter));
}

/** A letter of each collection that is answered, so it has a thread. */
const SAMPLES = IDS.map((collection, i) => {
	const letter = corpus.letters.find(
		(l: Letter) => l.collection === collection && l.body !== null && (corpus.repliedBy.get(l.id)?.length ?? 0) > 0,
	);
	if (!letter) throw new Error(`no answered letter in ${collection}`);
	const shortTitle = corpus.collections.find((c) => c.id === collection)?.shortTitle ?? '';
	return { collection, shortTitle, id: letter.id, other: IDS[(i + 1) % IDS.length] ?? '' };
});

test('GIVEN the real data THEN there are five collections and a day with letters of each', () => {
	expect(IDS).toEqual(['adams', 'big-three', 'lincoln', 'napoleon-josephine', 'victoria']);
	const day = corpus.byMonthDay.get(SHARED_DAY) ?? [];
	expect(new Set(day.map((l) => l.collection)).size).toBe(5);
});

describe('GIVEN the custom_id codec', () => {
	test.each([
		{ kind: 'day', day: '1942-08-13', id: '', page: 0, collections: ['lincoln'] },
		{ kind: 'day-menu', day: '08-13', collections: ['napoleon-josephine'] },
		{ kind: 'random', year: undefined, from: 'william', collection: 'victoria' },
	] as const)('WHEN $kind carries a collection THEN it is an ld2 id that decodes to itself', (state) => {
		const id = encodeCustomId(state);
		expect(id.startsWith('ld2:')).toBe(true);
		expect(decodeCustomId(id)).toEqual(state);
	});

	test.each([
		{ id: 'ld1:d:2026-08-11::0', state: { kind: 'day', day: '2026-08-11', id: '', page: 0 } },
		{
			id: 'ld1:d:1946-04-05:bt-1946-04-05-smith-to-byrnes:1',
			state: { kind: 'day', day: '1946-04-05', id: 'bt-1946-04-05-smith-to-byrnes', page: 1 },
		},
		{ id: 'ld1:ds:07-31', state: { kind: 'day-menu', day: '07-31' } },
		{ id: 'ld1:r:1946:Truman', state: { kind: 'random', year: 1946, from: 'Truman' } },
		{ id: 'ld1:r::', state: { kind: 'random', year: undefined, from: '' } },
		{
			id: 'ld1:l:bt-1942-08-13-stalin-to-churchill:2',
			state: { kind: 'letter', id: 'bt-1942-08-13-stalin-to-churchill', page: 2 },
		},
		{
			id: 'ld1:t:bt-1942-08-13-stalin-to-churchill:3:0',
			state: { kind: 'thread', focus: 'bt-1942-08-13-stalin-to-churchill', index: 3, page: 0 },
		},
		{ id: 'ld1:wl:big-three%2Fstalin', state: { kind: 'who-letters', person: 'big-three/stalin' } },
	])('WHEN the ld1 id $id of a message posted before is decoded THEN it means what it meant', ({ id, state }) => {
		expect(decodeCustomId(id)).toEqual(state);
	});

	test.each([
		'ld2:d:08-13::0',
		'ld1:d:08-13::0:lincoln',
		'ld2:ds:08-13',
		'ld1:ds:08-13:lincoln',
		'ld2:r::',
		'ld1:r:::lincoln',
		'ld3:l:x:1',
	])('WHEN "%s" has the fields of the other version THEN it is not understood', (id) => {
		expect(decodeCustomId(id)).toBeUndefined();
	});

	test('WHEN the longest letter id of each collection is paged on its day, filtered THEN the custom_id fits', () => {
		for (const collection of IDS) {
			const longest = corpus.letters
				.filter((l) => l.collection === collection)
				.reduce((a, b) => (b.id.length > a.id.length ? b : a));
			const state = { kind: 'day', day: '1942-08-13', id: longest.id, page: 9999, collections: [collection] } as const;
			expect(encodeCustomId(state).length, longest.id).toBeLessThanOrEqual(100);
		}
	});

	test('WHEN a daily post\'s "Other letters" button names collections THEN they come back, and a button from before names none', () => {
		const day = { year: 2026, month: 8, day: 13 };
		expect(othersCustomId(day, ['qv', 'ad'])).toBe('ld1:po:2026-08-13:qv.ad');
		expect(decodeOthersCustomId(othersCustomId(day, ['qv', 'ad']))).toEqual({ day, collections: ['qv', 'ad'] });
		expect(decodeOthersCustomId(othersCustomId(day, ['victoria']))).toEqual({ day, collections: ['victoria'] });
		expect(othersCustomId(day)).toBe('ld1:po:2026-08-13');
		expect(decodeOthersCustomId('ld1:po:08-13')).toEqual({ day: { month: 8, day: 13 }, collections: [] });
		expect(decodeOthersCustomId('ld1:po:08-13:qv:extra')).toBeUndefined();
		expect(decodeOthersCustomId('ld2:d:08-13::0:')).toBeUndefined();
	});

	test('WHEN a day is filtered by several collections THEN they are written by id prefix, and the longest letter id still fits', () => {
		const longest = corpus.letters.reduce((a, b) => (b.id.length > a.id.length ? b : a));
		for (let left = 0; left < IDS.length; left++) {
			const chosen = IDS.filter((_, i) => i !== left);
			const tokens = collectionTokens(corpus, chosen);
			expect(tokens).toEqual(chosen.map((id) => corpus.collections.find((c) => c.id === id)?.idPrefix));
			const state = { kind: 'day', day: '1942-08-13', id: longest.id, page: 9999, collections: tokens } as const;
			expect(encodeCustomId(state).length).toBeLessThanOrEqual(100);
			expect(decodeCustomId(encodeCustomId(state))).toEqual(state);
			expect(collectionsOfTokens(corpus, tokens)).toEqual({ ok: true, value: chosen });
		}
		expect(collectionTokens(corpus, IDS)).toEqual([]);
		// Every collection chosen is no filter at all: the same screen as none chosen.
		const everything = { month: 10, day: 19 };
		expect(dayScreen(corpus, everything, '', 0, IDS)).toEqual(dayScreen(corpus, everything, '', 0));
		expect(collectionsOfTokens(corpus, ['bt', 'zz'])).toMatchObject({ ok: false, error: { message: 'zz' } });
	});
});

describe('GIVEN registration data with collection options', () => {
	const data = {
		name: 'example',
		description: 'An example',
		options: [
			{
				type: ApplicationCommandOptionType.Subcommand,
				name: 'show',
				description: 'Show',
				options: [{ type: ApplicationCommandOptionType.String, name: 'collection', description: 'One' }],
			},
			{
				type: ApplicationCommandOptionType.Subcommand,
				name: 'pick',
				description: 'Pick',
				options: [
					{ type: ApplicationCommandOptionType.String, name: 'collection', description: 'Typed', autocomplete: true },
				],
			},
		],
	} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

	test('WHEN it is registered THEN an option inside a subcommand gets the choices, and one with autocomplete does not', () => {
		const [show, pick] = withCollectionChoices(data, corpus.collections).options ?? [];
		const inner = (o: typeof show) => (o && 'options' in o ? o.options?.[0] : undefined);
		expect(inner(show)).toMatchObject({ choices: IDS.map((value) => ({ value })) });
		expect(inner(pick)).not.toHaveProperty('choices');
		expect(data.options[0].options[0]).not.toHaveProperty('choices');
	});

	test('WHEN there are no collections THEN no empty choices list is registered', () => {
		const [show] = withCollectionChoices(data, []).options ?? [];
		expect(show && 'options' in show ? show.options?.[0] : undefined).not.toHaveProperty('choices');
	});
});

describe('GIVEN the bot over all five collections', () => {
	let h: LetterdayHarness;
	beforeAll(async () => {
		h = await startLetterday({ base });
	});
	afterAll(() => h?.teardown());
	afterEach(() => h.assertNoErrors());

	describe('WHEN the commands are registered', () => {
		it.each(FILTERED)('THEN /%s has a collection option offering exactly the five collections', (name) => {
			const command = h.emu.commands().find((c) => c.name === name);
			const option = command?.options?.find((o) => o.name === 'collection');
			expect(option).toMatchObject({ type: ApplicationCommandOptionType.String, required: false });
			const choices = option && 'choices' in option ? option.choices : undefined;
			expect(choices).toEqual(corpus.collections.map((c) => ({ name: c.shortTitle, value: c.id })));
		});

		it('THEN /about has no collection option', () => {
			const about = h.emu.commands().find((c) => c.name === 'about');
			expect(about?.options ?? []).toEqual([]);
		});

		it.each(FILTERED)('THEN a collection outside the choices cannot even be sent to /%s', (name) => {
			const options: Record<string, string> = { collection: 'napoleon' };
			if (name === 'search') options.query = 'war';
			if (name === 'who') options.person = 'William';
			if (['letter', 'thread', 'cite'].includes(name)) options.letter = SAMPLES[0]?.id ?? '';
			expect(() => h.emu.injectChatInput({ name, options })).toThrow(/only offers the choices/);
		});
	});

	describe.each(SAMPLES)('WHEN collection is $collection', ({ collection, shortTitle, id, other }) => {
		it('THEN /today shows only its letters of the day, says so, and its menu and day buttons keep to it', async () => {
			const message = messageOf(
				await h.emu.injectChatInput({ name: 'today', options: { date: SHARED_DAY, collection } }).callback,
			);
			expect(isEphemeral(message.flags)).toBe(false);
			expect(message.content).toMatch(
				new RegExp(
					`^\\*\\*${shortTitle.replace(/[.*+?^${}()|[\]\\']/g, '.')}\\*\\* · \\*\\*On this day, 19 October:\\*\\*`,
				),
			);
			expect(collectionsShown(message)).toEqual(new Set([collection]));
			const next = idOf(message, '20 October ▶');
			expect(decodeCustomId(next)).toMatchObject({ kind: 'day', collections: [collection] });
			const moved = messageOf(await h.emu.injectButton({ message, customId: next }).callback);
			expect(moved.content).toContain(`**${shortTitle}** · `);
			expect(collectionsShown(moved)).toEqual(new Set([collection]));
		});

		it('THEN /random draws only its exchanges, and Another keeps to it', async () => {
			let message = messageOf(await h.emu.injectChatInput({ name: 'random', options: { collection } }).callback);
			for (let i = 0; i < 3; i++) {
				expect(message.embeds).toHaveLength(2);
				expect(collectionsShown(message)).toEqual(new Set([collection]));
				const again = idOf(message, 'Another exchange');
				expect(decodeCustomId(again)).toMatchObject({ kind: 'random', collection });
				message = messageOf(await h.emu.injectButton({ message, customId: again }).callback);
			}
		});

		it('THEN /search finds only its letters', async () => {
			const message = messageOf(
				await h.emu.injectChatInput({ name: 'search', options: { query: 'letter', collection } }).callback,
			);
			expect(selectValues(message).length).toBeGreaterThan(0);
			expect(collectionsShown(message)).toEqual(new Set([collection]));
		});

		it('THEN /letter, /thread and /cite open its letter, and refuse it under another collection', async () => {
			const letter = messageOf(
				await h.emu.injectChatInput({ name: 'letter', options: { letter: id, collection } }).callback,
			);
			expect(lettersShown(letter)).toEqual([id]);
			const thread = messageOf(
				await h.emu.injectChatInput({ name: 'thread', options: { letter: id, collection } }).callback,
			);
			expect(thread.content).toMatch(/^\*\*Thread\*\* of \d+ letters/);
			expect(collectionsShown(thread)).toEqual(new Set([collection]));
			const cite = messageOf(
				await h.emu.injectChatInput({ name: 'cite', options: { letter: id, collection } }).callback,
			);
			const unfiltered = messageOf(await h.emu.injectChatInput({ name: 'cite', options: { letter: id } }).callback);
			expect(cite.content).toMatch(/^```\n.+\n```$/);
			expect(cite.content).toBe(unfiltered.content);
			for (const name of ['letter', 'thread', 'cite']) {
				const refused = await h.emu.injectChatInput({ name, options: { letter: id, collection: other } }).callback;
				expect(isEphemeral(refused.data?.flags)).toBe(true);
				expect(refused.data?.content).toBe(`The letter ${id} is in the ${collection} collection, not in ${other}`);
			}
		});

		it('THEN /who finds only its people', async () => {
			const message = messageOf(
				await h.emu.injectChatInput({ name: 'who', options: { person: 'William', collection } }).callback,
			);
			const people = selectValues(message).filter((v) => corpus.people.has(v));
			const named = message.embeds[0]?.title;
			if (people.length > 0) expect(new Set(people.map((p) => p.split('/')[0]))).toEqual(new Set([collection]));
			else
				expect([...corpus.people.values()].some((p) => p.collection === collection && p.person.name === named)).toBe(
					true,
				);
		});

		it('THEN autocomplete of a letter suggests only its letters, typed or not', async () => {
			for (const name of ['letter', 'thread', 'cite']) {
				// Another collection's id prefix may match nothing here, so only the first two must find some.
				for (const typed of ['', 'letter', '18', 'bt-1942', 'william']) {
					const callback = await h.emu.injectAutocomplete({
						name,
						options: { letter: typed, collection },
						focused: 'letter',
					}).callback;
					const values = choicesOf(callback).map((c) => String(c.value));
					if (typed === '' || typed === 'letter') expect(values.length, `${name} "${typed}"`).toBeGreaterThan(0);
					expect(new Set(values.map(collectionOfLetter)), `${name} "${typed}"`).toEqual(
						new Set(values.length === 0 ? [] : [collection]),
					);
				}
			}
		});

		it('THEN autocomplete of a person suggests only its people', async () => {
			const who = await h.emu.injectAutocomplete({
				name: 'who',
				options: { person: 'william', collection },
				focused: 'person',
			}).callback;
			const people = choicesOf(who).map((c) => String(c.value));
			expect(people.length).toBeGreaterThan(0);
			expect(new Set(people.map((p) => p.split('/')[0]))).toEqual(new Set([collection]));
			const from = await h.emu.injectAutocomplete({
				name: 'random',
				options: { from: '', collection },
				focused: 'from',
			}).callback;
			for (const c of choicesOf(from)) expect(corpus.people.has(`${collection}/${String(c.value)}`)).toBe(true);
		});
	});

	it('WHEN no collection is given THEN /today shows the letters of every collection, as before', async () => {
		const message = messageOf(await h.emu.injectChatInput({ name: 'today', options: { date: SHARED_DAY } }).callback);
		expect(message.content).toMatch(/^\*\*On this day, 19 October:\*\* 8 letters/);
		expect(collectionsShown(message).size).toBe(5);
		expect(decodeCustomId(idOf(message, '20 October ▶'))).toEqual({ kind: 'day', day: '10-20', id: '', page: 0 });
	});

	it('WHEN /who is given a person of another collection THEN only the asker is told no one there is called so', async () => {
		const callback = await h.emu.injectChatInput({
			name: 'who',
			options: { person: 'big-three/stalin', collection: 'lincoln' },
		}).callback;
		expect(isEphemeral(callback.data?.flags)).toBe(true);
		expect(callback.data?.content).toBe('No one in Lincoln\'s letters is called "Joseph Stalin"');
	});

	it('WHEN letter autocomplete has no collection THEN it still suggests across collections', async () => {
		const callback = await h.emu.injectAutocomplete({ name: 'letter', options: { letter: '' }, focused: 'letter' })
			.callback;
		expect(new Set(choicesOf(callback).map((c) => collectionOfLetter(String(c.value))))).toEqual(new Set(IDS));
	});

	it('WHEN a message posted before the upgrade has ld1 buttons THEN they still work, unfiltered, and answer with ld2', async () => {
		const channel = await h.client.channels.fetch(h.emu.firstChannelId);
		if (!channel?.isSendable()) throw new Error('channel not sendable');
		// One message per button: pressing one replaces the message's buttons with this version's.
		const posted = async (customId: string, label: string): Promise<string> => {
			const message = await channel.send({
				content: 'An answer of the previous version',
				components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: customId, label }] }],
			});
			return message.id;
		};
		const dayId = await posted('ld1:d:10-19::0', '19 October ▶');
		const day = messageOf(await h.emu.injectButton({ message: dayId, customId: 'ld1:d:10-19::0' }).callback);
		expect(day.id).toBe(dayId);
		expect(day.content).toMatch(/^\*\*On this day, 19 October:\*\* 8 letters/);
		expect(idOf(day, '20 October ▶')).toBe('ld2:d:10-20::0:');
		const randomId = await posted('ld1:r:1946:Truman', 'Another exchange');
		const exchange = messageOf(await h.emu.injectButton({ message: randomId, customId: 'ld1:r:1946:Truman' }).callback);
		expect(exchange.embeds).toHaveLength(2);
		expect(idOf(exchange, 'Another exchange')).toBe('ld2:r:1946:Truman:');
		const letterId = await posted('ld1:l:bt-1942-08-13-stalin-to-churchill:0', 'Read the letter');
		const letter = messageOf(
			await h.emu.injectButton({ message: letterId, customId: 'ld1:l:bt-1942-08-13-stalin-to-churchill:0' }).callback,
		);
		expect(lettersShown(letter)).toEqual(['bt-1942-08-13-stalin-to-churchill']);
	});

	it('WHEN a button keeps a collection the data no longer has THEN only the presser is told to run the command again', async () => {
		const channel = await h.client.channels.fetch(h.emu.firstChannelId);
		if (!channel?.isSendable()) throw new Error('channel not sendable');
		for (const customId of ['ld2:d:10-19::0:retired', 'ld2:r:::retired']) {
			const message = await channel.send({
				content: 'A filtered answer',
				components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: customId, label: 'Press' }] }],
			});
			const callback = await h.emu.injectButton({ message: message.id, customId }).callback;
			expect(isEphemeral(callback.data?.flags)).toBe(true);
			expect(callback.data?.content).toBe('The retired collection is no longer in Letterday; run the command again.');
		}
	});

	it('WHEN Discord still offers a collection the data no longer has THEN the command refuses it plainly', async () => {
		const stale = [...corpus.collections, { id: 'retired', shortTitle: 'Retired' }];
		await h.client.application.commands.set(registrationBody(commands, stale));
		try {
			for (const name of ['today', 'random']) {
				const callback = await h.emu.injectChatInput({ name, options: { collection: 'retired' } }).callback;
				expect(isEphemeral(callback.data?.flags)).toBe(true);
				expect(callback.data?.content).toBe(
					`No collection has the id "retired"; the collections are ${IDS.join(', ')}`,
				);
			}
		} finally {
			await h.client.application.commands.set(registrationBody(commands, corpus.collections));
		}
	});
});

describe('GIVEN a filtered message drawn by one bot process', () => {
	let emu: Emulator;
	let bot: RunningBot | undefined;
	beforeAll(async () => {
		emu = await startEmulator({ commands: { global: registrationBody(commands, corpus.collections) } });
	});
	afterAll(async () => {
		await bot?.stop();
		await emu.stop();
	});

	const start = async (): Promise<RunningBot> =>
		startBot({
			token: emu.token,
			apiUrl: emu.url,
			commands,
			deps: { ...base, settings: { get: () => Promise.resolve(undefined) }, random: () => 0.5 },
			logger: capturedLogger().logger,
			clientOverrides: emulatorClientOptions(emu),
		});

	it('WHEN the bot restarts THEN its day buttons, menu and Another still keep to the collection', async () => {
		bot = await start();
		const day = messageOf(
			await emu.injectChatInput({ name: 'today', options: { date: SHARED_DAY, collection: 'victoria' } }).callback,
		);
		const exchange = messageOf(
			await emu.injectChatInput({ name: 'random', options: { collection: 'adams' } }).callback,
		);
		await bot.stop();
		bot = await start();
		const next = messageOf(await emu.injectButton({ message: day, customId: idOf(day, '20 October ▶') }).callback);
		expect(next.content).toMatch(/^\*\*Queen Victoria\*\* · /);
		expect(collectionsShown(next)).toEqual(new Set(['victoria']));
		const again = messageOf(
			await emu.injectButton({ message: exchange, customId: idOf(exchange, 'Another exchange') }).callback,
		);
		expect(collectionsShown(again)).toEqual(new Set(['adams']));
		// Queen Victoria has five letters on 20 October, so the message has a menu of them.
		expect(next.content).toBe('**Queen Victoria** · **On this day, 20 October:** 5 letters; pick another below.');
		const menu = idOf(next, 'Read another letter of this day');
		expect(decodeCustomId(menu)).toEqual({ kind: 'day-menu', day: '10-20', collections: ['victoria'] });
		const [, second] = selectValues(next);
		const picked = messageOf(
			await emu.injectSelect({ message: next, customId: menu, values: [second ?? ''] }).callback,
		);
		expect(lettersShown(picked)[0]).toBe(second);
		expect(collectionsShown(picked)).toEqual(new Set(['victoria']));
	});
});

describe('GIVEN npm run deploy-commands against the emulator', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator();
	});
	afterAll(() => emu?.stop());

	it('THEN the collection choices it registers are the collections the bot loads', async () => {
		const guildId = emu.firstGuild.id;
		const root = join(import.meta.dirname, '..', '..');
		const code = await new Promise<number>((resolve) => {
			execFile(
				join(root, 'node_modules', '.bin', 'tsx'),
				[join(root, 'src', 'deploy-commands.ts')],
				{
					cwd: mkdtempSync(join(tmpdir(), 'letterday-deploy-')),
					env: {
						PATH: process.env.PATH ?? '',
						DISCORD_TOKEN: emu.token,
						DISCORD_APPLICATION_ID: emu.applicationId,
						DISCORD_API_URL: emu.url,
						DISCORD_DEV_GUILD_ID: guildId,
					},
					timeout: 30_000,
				},
				(error) => resolve(error === null ? 0 : typeof error.code === 'number' ? error.code : -1),
			);
		});
		expect(code).toBe(0);
		const registered: readonly APIApplicationCommand[] = emu.commands(guildId);
		for (const name of FILTERED) {
			const option = registered.find((c) => c.name === name)?.options?.find((o) => o.name === 'collection');
			const choices = option && 'choices' in option ? (option.choices ?? []) : [];
			expect(
				choices.map((c) => c.value),
				name,
			).toEqual(IDS);
		}
	}, 40_000);
});
