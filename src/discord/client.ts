/**
 * The discord.js client: the Guilds intent only (slash commands need no other), caches trimmed
 * to what the bot reads (guilds, channels, roles and its own member, for permission checks), and
 * mentions off by default.
 */
import {
	Client,
	GatewayIntentBits,
	LimitedCollection,
	Options,
	type CacheFactory,
	type CacheWithLimitsOptions,
} from 'discord.js';
import type { ClientOptions } from 'discord.js';

/** Options for {@link createDiscordClient}. */
export interface DiscordClientOptions {
	/** REST base URL, e.g. `https://discord.com/api` (or a local emulator's). */
	readonly apiUrl: string;
	/** Extra client options (tests: identify throttling, guild timeout); merged over ours. */
	readonly overrides?: Partial<ClientOptions>;
}

/**
 * `Options.cacheWithLimits`, except that every cache limited to 0 entries is one shared, always
 * empty collection instead of a new one per manager. discord.js gives each guild about a dozen
 * managers (bans, invites, emojis, stickers, …) and each text channel a message manager; a `Map`
 * costs about 200 bytes even empty, so at 10,000 guilds the empty caches alone took some 25 MB.
 * A `LimitedCollection` of size 0 never stores anything, so sharing one is safe. `alsoEmpty` names
 * managers to treat as limited to 0 that discord.js's typings do not list.
 */
export function sharingEmptyCaches(settings: CacheWithLimitsOptions, alsoEmpty: readonly string[] = []): CacheFactory {
	const limited = Options.cacheWithLimits(settings);
	const empty = new LimitedCollection<string, never>({ maxSize: 0 });
	const byName = new Map<string, unknown>([
		...Object.entries(settings),
		...alsoEmpty.map((name) => [name, 0] as const),
	]);
	return (managerType, holds, manager) =>
		(byName.get(manager.name) ?? byName.get(managerType.name)) === 0 ? empty : limited(managerType, holds, manager);
}

/** The client options the bot runs with (exported for tests). */
export function discordClientOptions(options: DiscordClientOptions): ClientOptions {
	const overrides = options.overrides ?? {};
	return {
		...overrides,
		intents: [GatewayIntentBits.Guilds],
		allowedMentions: { parse: [] },
		rest: { ...overrides.rest, api: options.apiUrl },
		makeCache: sharingEmptyCaches(
			{
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
				// A channel's own list of its threads; the client's channel cache still holds them (and
				// the daily post reads its thread from there), so each text channel need not keep a map.
				ThreadManager: 0,
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
				// Only the bot's own member, for its permissions in channels (interactions carry the others).
				GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
				UserManager: { maxSize: 100, keepOverLimit: (user) => user.id === user.client.user.id },
			},
			// Per-guild managers that discord.js's typings do not list as caches.
			['GuildApplicationCommandManager', 'GuildSoundboardSoundManager'],
		),
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
