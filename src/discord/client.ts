/**
 * The discord.js client: the Guilds intent only (slash commands need no other), caches trimmed
 * to what the bot reads (guilds, channels, roles and its own member, for permission checks), and
 * mentions off by default.
 */
import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';

/** Options for {@link createDiscordClient}. */
export interface DiscordClientOptions {
	/** REST base URL, e.g. `https://discord.com/api` (or a local emulator's). */
	readonly apiUrl: string;
	/** Extra client options (tests: identify throttling, guild timeout); merged over ours. */
	readonly overrides?: Partial<ClientOptions>;
}

/** The client options the bot runs with (exported for tests). */
export function discordClientOptions(options: DiscordClientOptions): ClientOptions {
	const overrides = options.overrides ?? {};
	return {
		...overrides,
		intents: [GatewayIntentBits.Guilds],
		allowedMentions: { parse: [] },
		rest: { ...overrides.rest, api: options.apiUrl },
		makeCache: Options.cacheWithLimits({
			...Options.DefaultMakeCacheSettings,
			// Interactions carry what the bot needs; nothing else is read from these caches.
			MessageManager: 0,
			GuildMessageManager: 0,
			DMMessageManager: 0,
			ReactionManager: 0,
			ReactionUserManager: 0,
			PresenceManager: 0,
			VoiceStateManager: 0,
			ThreadMemberManager: 0,
			GuildBanManager: 0,
			GuildInviteManager: 0,
			GuildEmojiManager: 0,
			BaseGuildEmojiManager: 0,
			GuildStickerManager: 0,
			GuildScheduledEventManager: 0,
			StageInstanceManager: 0,
			AutoModerationRuleManager: 0,
			ApplicationCommandManager: 0,
			ApplicationEmojiManager: 0,
			EntitlementManager: 0,
			// Only the bot's own member, for its permissions in channels.
			GuildMemberManager: { maxSize: 1, keepOverLimit: (member) => member.id === member.client.user.id },
			UserManager: { maxSize: 100, keepOverLimit: (user) => user.id === user.client.user.id },
		}),
		sweepers: {
			...Options.DefaultSweeperSettings,
			users: { interval: 3_600, filter: () => (user) => user.id !== user.client.user.id },
			threads: { interval: 3_600, lifetime: 3_600 },
		},
	};
}

/** Create (but do not log in) the bot's client. */
export function createDiscordClient(options: DiscordClientOptions): Client {
	return new Client(discordClientOptions(options));
}
