/**
 * The interfaces the core's use cases need from the outside world. Adapters in `src/storage/`
 * implement them (keyv over SQLite, Redis, PostgreSQL or memory); tests may pass fakes.
 */
import type { RotationState } from './rotation.js';
import type { GuildSettings, GuildSettingsEntry } from './settings.js';

/** Per-server settings, keyed by guild id. */
export interface SettingsStore {
	/** The server's settings, or undefined if it never set any (or the record was unreadable: logged). */
	get(guildId: string): Promise<GuildSettings | undefined>;
	/** Create or replace the server's settings. */
	set(guildId: string, settings: GuildSettings): Promise<void>;
	/** Forget the server's settings. @returns Whether there were any. */
	delete(guildId: string): Promise<boolean>;
	/**
	 * Every server's settings, in no particular order. Efficient for tens of thousands of servers:
	 * a few round trips, not one per server. Unreadable records are logged and left out.
	 */
	list(): Promise<GuildSettingsEntry[]>;
}

/** Per-server rotation memory (see `pickForYear`). */
export interface RotationStore {
	/** The server's state; the empty state if none was stored. */
	get(guildId: string): Promise<RotationState>;
	set(guildId: string, state: RotationState): Promise<void>;
	delete(guildId: string): Promise<boolean>;
}

/**
 * The outcome of {@link PostLog.claim}:
 * - `claimed`: this owner may send the post now, and must then `complete` or `release` it;
 * - `taken`: another owner holds a live lease on it (it is being sent right now);
 * - `done`: it was sent; never send it again.
 */
export type ClaimResult = 'claimed' | 'taken' | 'done';

/** What the post log holds for one server and local date. */
export type PostRecord =
	| { readonly state: 'claimed'; readonly owner: string; readonly leaseUntil: number }
	| { readonly state: 'done'; readonly messageId: string; readonly at: number };

/**
 * The record of daily posts, keyed by server and local date, that makes each post go out exactly
 * once even with several bot processes sharing one store and with crashes at any point.
 *
 * The protocol, for each due post:
 * 1. `claim(guild, date, owner, leaseMs)` records, atomically across processes, that `owner` is
 *    about to send it. Only one caller gets `claimed`; the claim is a lease that expires so that a
 *    crashed owner does not block the post for the rest of the day.
 * 2. Send the message with `nonce(guild, date)` and `enforce_nonce: true`: if a previous owner
 *    crashed after sending but before step 3, Discord returns the message it already created
 *    instead of posting a second one (Discord remembers nonces for a few minutes, so keep leases
 *    shorter than that: about a minute).
 * 3. `complete(guild, date, messageId)` records the post as done, for good;
 *    or on a failed send, `release(guild, date, owner)` drops the claim so a later retry can take it.
 */
export interface PostLog {
	/**
	 * Atomically claim the post of `localDate` for `owner`, unless it is done or another owner's
	 * lease is still live. An expired lease can be claimed again; a completed post never.
	 */
	claim(guildId: string, localDate: string, owner: string, leaseMs: number): Promise<ClaimResult>;
	/** Record the post as sent. Unconditional: once a message exists, the post is done. */
	complete(guildId: string, localDate: string, messageId: string): Promise<void>;
	/** Drop `owner`'s claim after a failed send. Does nothing if the claim is not (or no longer) `owner`'s. */
	release(guildId: string, localDate: string, owner: string): Promise<void>;
	/** The record, if any (for status answers and tests). */
	get(guildId: string, localDate: string): Promise<PostRecord | undefined>;
	/**
	 * The nonce to send the post with: stable for a server and local date, different for any other
	 * pair, and at most 25 characters (Discord's limit).
	 */
	nonce(guildId: string, localDate: string): string;
	/** Delete records of local dates before `localDate` (they can no longer matter). @returns How many. */
	prune(beforeLocalDate: string): Promise<number>;
}

/** Everything the bot keeps, behind one connection per backend. */
export interface Store {
	readonly settings: SettingsStore;
	readonly rotation: RotationStore;
	readonly postLog: PostLog;
	/** Forget a server entirely (it removed the bot): settings and rotation; post records age out. */
	forgetGuild(guildId: string): Promise<void>;
	/** Close connections. The store must not be used afterwards. */
	close(): Promise<void>;
}
