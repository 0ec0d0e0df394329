/**
 * Wiring shared by the bot's entry point and the fan-out benchmark: once the Discord client
 * exists, the commands' dependencies and the daily post's, over one corpus and one store.
 */
import type { Client } from 'discord.js';
import type { Corpus } from './core/corpus.js';
import type { SearchIndex, SuggestionIndex } from './core/search.js';
import type { Deps } from './discord/command.js';
import type { Logger } from './logger.js';
import { createDailyAdmin } from './scheduler/admin.js';
import type { DailyPostDeps } from './scheduler/daily-post.js';
import type { Prompt } from './scheduler/prompts.js';
import { attachCleanup, createDiscordPostSender, ownsGuild } from './scheduler/discord-sender.js';
import { createPacer } from './scheduler/pacer.js';
import type { Store } from './core/ports.js';

export interface BotParts {
	readonly corpus: Corpus;
	readonly search: SearchIndex;
	readonly suggestions: SuggestionIndex;
	readonly prompts: readonly Prompt[];
	readonly store: Store;
	readonly logger: Logger;
	/** This process's share of Discord's global limit, for the daily posts. */
	readonly postRatePerSecond?: number;
	/** Unique per process: the post log's claims tell processes sharing a store apart. */
	readonly owner: string;
}

/** The `deps` factory for `startBot`, and the daily-post dependencies it built (once the client exists). */
export function composeBot(parts: BotParts): {
	deps: (client: Client) => Deps;
	daily: () => DailyPostDeps | undefined;
} {
	let daily: DailyPostDeps | undefined;
	const { store } = parts;
	return {
		deps: (client) => {
			daily = {
				corpus: parts.corpus,
				prompts: parts.prompts,
				settings: store.settings,
				rotation: store.rotation,
				postLog: store.postLog,
				forgetGuild: (guildId) => store.forgetGuild(guildId),
				sender: createDiscordPostSender(client),
				pacer: createPacer(parts.postRatePerSecond === undefined ? {} : { ratePerSecond: parts.postRatePerSecond }),
				logger: parts.logger,
				owner: parts.owner,
				owns: ownsGuild(client),
			};
			attachCleanup(client, store, parts.logger);
			return {
				corpus: parts.corpus,
				search: parts.search,
				suggestions: parts.suggestions,
				settings: store.settings,
				random: Math.random,
				daily: createDailyAdmin(daily, client),
			};
		},
		daily: () => daily,
	};
}
