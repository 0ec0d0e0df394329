/**
 * The bot's own client, router and registry against the local emulator, over the real big-three
 * letters (built once per test file), with a memory settings store and a captured log.
 */
import { Events } from 'discord.js';
import { MessageFlags, type APIMessage } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { commands } from '../../commands/index.js';
import type { Corpus } from '../../src/core/corpus.js';
import type { SettingsStore } from '../../src/core/ports.js';
import { buildSearch, buildSuggestions } from '../../src/core/search.js';
import { createDiscordClient } from '../../src/discord/client.js';
import type { Deps } from '../../src/discord/command.js';
import { registrationBody } from '../../src/discord/deploy.js';
import { createRouter } from '../../src/discord/router.js';
import { createLogger } from '../../src/logger.js';
import { openStore } from '../../src/storage/open-store.js';
import { startBotHarness, type BotHarness } from '../emulator/harness.js';
import type { GuildSeed, RecordedCallback } from '../emulator/types.js';
import { bigThreeCorpus } from '../fixtures/real-data.js';
import { capturedLogger } from '../fixtures/logging.js';

export { capturedLogger };

let shared: Omit<Deps, 'settings' | 'random'> | undefined;

/** The corpus, search and suggestions of the real big-three data, built once per process. */
export function realDeps(): Omit<Deps, 'settings' | 'random'> {
	const corpus: Corpus = bigThreeCorpus();
	shared ??= { corpus, search: buildSearch(corpus), suggestions: buildSuggestions(corpus) };
	return shared;
}

export interface LetterdayHarness extends BotHarness {
	readonly settings: SettingsStore;
	readonly log: Record<string, unknown>[];
	/** The guild and channel interactions go to by default. */
	readonly guildId: string;
}

/** The emulator with the bot's commands registered and the bot logged in and ready. */
export async function startLetterday(
	options: {
		guilds?: readonly GuildSeed[];
		settings?: SettingsStore;
		random?: () => number;
		now?: () => number;
		deferAfterMs?: number;
		/** The corpus and its indexes (default: the big-three data, {@link realDeps}). */
		base?: Omit<Deps, 'settings' | 'random'>;
	} = {},
): Promise<LetterdayHarness> {
	const { logger, lines } = capturedLogger();
	const store = await openStore('memory://', createLogger({ level: 'silent' }));
	const settings = options.settings ?? store.settings;
	let seed = 0;
	const deps: Deps = {
		...(options.base ?? realDeps()),
		settings,
		random: options.random ?? (() => ((seed = (seed + 0.37) % 1), seed)),
	};
	const harness = await startBotHarness({
		emulator: {
			commands: { global: registrationBody(commands, deps.corpus.collections) },
			...(options.guilds ? { guilds: options.guilds } : {}),
		},
		client: ({ api, recommendedOptions }) => createDiscordClient({ apiUrl: api, overrides: recommendedOptions }),
		beforeLogin: (client) => {
			const route = createRouter({
				commands,
				deps,
				logger,
				...(options.now ? { now: options.now } : {}),
				...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
			});
			client.on(Events.InteractionCreate, (interaction) => void route(interaction));
		},
	});
	return { ...harness, settings, log: lines, guildId: harness.emu.firstGuild.id };
}

/** The message a callback created or updated; fails the test when there is none. */
export function messageOf(callback: RecordedCallback): APIMessage {
	if (!callback.message) throw new Error(`callback type ${callback.type} made no message`);
	return callback.message;
}

/** True when the message or callback is ephemeral. */
export function isEphemeral(flags: number | undefined): boolean {
	return ((flags ?? 0) & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;
}

/** Every callback of a message kind says mentions are parsed from nothing. */
export function expectNoMentions(callback: RecordedCallback): void {
	expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
}

/** The custom ids of a message's components, row by row. */
export function customIds(message: APIMessage): string[][] {
	return (message.components ?? []).map((row) =>
		'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
	);
}

/** The labels of a message's buttons, row by row. */
export function buttonLabels(message: APIMessage): string[][] {
	return (message.components ?? []).map((row) =>
		'components' in row
			? row.components.map((c) =>
					'label' in c ? (c.label ?? '') : 'placeholder' in c ? `[${c.placeholder ?? ''}]` : '',
				)
			: [],
	);
}

/** The custom_id of the first component whose label (or select placeholder) starts with `label`. */
export function idOf(message: APIMessage, label: string): string {
	for (const row of message.components ?? []) {
		if (!('components' in row)) continue;
		for (const c of row.components) {
			const text = 'label' in c ? c.label : 'placeholder' in c ? c.placeholder : undefined;
			if (text?.startsWith(label) && 'custom_id' in c) return c.custom_id;
		}
	}
	throw new Error(`no component labelled "${label}…" in ${JSON.stringify(buttonLabels(message))}`);
}

/** The values a message's first select menu offers. */
export function selectValues(message: APIMessage): string[] {
	for (const row of message.components ?? []) {
		if (!('components' in row)) continue;
		for (const c of row.components) if ('options' in c && c.options) return c.options.map((o) => o.value);
	}
	return [];
}

/** The autocomplete choices a callback carried. */
export function choicesOf(callback: RecordedCallback): { name: string; value: string | number }[] {
	const choices: unknown = callback.data?.choices;
	if (!Array.isArray(choices)) return [];
	return choices.map((c: unknown) => {
		const record = typeof c === 'object' && c !== null ? (c as Record<string, unknown>) : {};
		return { name: String(record.name), value: typeof record.value === 'number' ? record.value : String(record.value) };
	});
}
