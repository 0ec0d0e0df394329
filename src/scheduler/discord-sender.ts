/**
 * The {@link PostSender} over discord.js, and the live permission check `/letterday setup` and
 * `status` show. Permissions are read from the cache first, so a channel the bot cannot post in
 * costs no request and the admin is told exactly which permission is missing; Discord's own
 * answers (10003 Unknown Channel, 50001 Missing Access, 50013 Missing Permissions) are classified
 * the same way when the cache was behind.
 */
import {
	ChannelType,
	DiscordAPIError,
	PermissionFlagsBits,
	type Client,
	type GuildBasedChannel,
	type MessageCreateOptions,
	type ThreadAutoArchiveDuration,
} from 'discord.js';
import type { SettingsStore } from '../core/ports.js';
import type { MessageBody } from '../discord/command.js';
import type { Logger } from '../logger.js';
import { PostError, type PostSender } from './daily-post.js';

/** The permissions a daily post needs, with the names Discord's client shows. */
export const POST_PERMISSIONS = [
	{ bit: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
	{ bit: PermissionFlagsBits.SendMessages, name: 'Send Messages' },
	{ bit: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' },
] as const;

/** And those its discussion thread needs. */
export const THREAD_PERMISSIONS = [
	{ bit: PermissionFlagsBits.CreatePublicThreads, name: 'Create Public Threads' },
	{ bit: PermissionFlagsBits.SendMessagesInThreads, name: 'Send Messages in Threads' },
] as const;

/** The outcome of a live check of a channel. */
export type ChannelCheck =
	| { readonly ok: true }
	| { readonly ok: false; readonly reason: 'no-guild' | 'no-channel' | 'not-text' }
	| { readonly ok: false; readonly reason: 'missing'; readonly missing: readonly string[] };

const TEXT_TYPES: readonly ChannelType[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

function channelOf(client: Client, guildId: string, channelId: string): GuildBasedChannel | ChannelCheck {
	const guild = client.guilds.cache.get(guildId);
	if (guild === undefined) return { ok: false, reason: 'no-guild' };
	const channel = guild.channels.cache.get(channelId);
	if (channel === undefined) return { ok: false, reason: 'no-channel' };
	return channel;
}

/**
 * Can the bot post (and, with `threads`, open discussion threads) in the channel? Read from the
 * cache: the Guilds intent keeps channels, overwrites, roles and the bot's member up to date.
 */
export function checkChannel(client: Client, guildId: string, channelId: string, threads: boolean): ChannelCheck {
	const channel = channelOf(client, guildId, channelId);
	if ('ok' in channel) return channel;
	if (!TEXT_TYPES.includes(channel.type)) return { ok: false, reason: 'not-text' };
	const permissions = channel.permissionsFor(client.user?.id ?? '');
	const wanted = threads ? [...POST_PERMISSIONS, ...THREAD_PERMISSIONS] : POST_PERMISSIONS;
	const missing = wanted.filter((p) => permissions === null || !permissions.has(p.bit, true)).map((p) => p.name);
	return missing.length === 0 ? { ok: true } : { ok: false, reason: 'missing', missing };
}

/** A check's outcome as a sentence for admins. */
export function describeCheck(check: ChannelCheck, channelId: string): string {
	if (check.ok) return `Letterday can post in <#${channelId}>.`;
	switch (check.reason) {
		case 'no-guild':
			return 'Letterday is not in this server any more.';
		case 'no-channel':
			return `The channel <#${channelId}> no longer exists.`;
		case 'not-text':
			return `<#${channelId}> is not a text or announcement channel.`;
		case 'missing':
			return `Letterday is missing ${check.missing.join(', ')} in <#${channelId}>.`;
	}
}

function classify(error: unknown, client: Client, guildId: string): PostError {
	if (error instanceof PostError) return error;
	if (error instanceof DiscordAPIError) {
		if (error.code === 10003) return new PostError('channel-gone', 'the channel was deleted', { cause: error });
		if (error.code === 10004) return new PostError('guild-gone', 'Letterday is not in the server', { cause: error });
		if (error.code === 50001) {
			return client.guilds.cache.has(guildId)
				? new PostError('permissions', 'Missing Access (View Channel)', { cause: error })
				: new PostError('guild-gone', 'Letterday is not in the server', { cause: error });
		}
		if (error.code === 50013) return new PostError('permissions', 'Missing Permissions', { cause: error });
		return new PostError('transient', `Discord answered ${error.status} (${error.code})`, { cause: error });
	}
	return new PostError('transient', 'could not reach Discord', { cause: error });
}

function toCreateOptions(body: MessageBody): MessageCreateOptions {
	return {
		...(body.content === undefined ? {} : { content: body.content }),
		embeds: [...body.embeds],
		components: [...body.components],
		allowedMentions: body.allowed_mentions,
	};
}

/** The sender for a logged-in client. */
export function createDiscordPostSender(client: Client): PostSender {
	return {
		async send(guildId, channelId, body, nonce) {
			const found = channelOf(client, guildId, channelId);
			if ('ok' in found) {
				throw !found.ok && found.reason === 'no-guild'
					? new PostError('guild-gone', 'Letterday is not in the server')
					: new PostError('channel-gone', 'the channel was deleted');
			}
			if (!found.guild.available) throw new PostError('transient', 'the server is unavailable (Discord outage)');
			let check = checkChannel(client, guildId, channelId, false);
			// A plain note (to a log channel) needs no Embed Links.
			if (!check.ok && check.reason === 'missing' && body.embeds.length === 0) {
				const missing = check.missing.filter((name) => name !== 'Embed Links');
				check = missing.length === 0 ? { ok: true } : { ...check, missing };
			}
			if (!check.ok)
				throw new PostError(
					check.reason === 'missing' ? 'permissions' : 'channel-gone',
					describeCheck(check, channelId),
				);
			if (!found.isTextBased() || found.isThread() || found.isVoiceBased()) {
				throw new PostError('channel-gone', 'not a text channel');
			}
			try {
				const message = await found.send({
					...toCreateOptions(body),
					...(nonce === undefined ? {} : { nonce, enforceNonce: true }),
				});
				return message.id;
			} catch (error: unknown) {
				throw classify(error, client, guildId);
			}
		},
		async findPost(guildId, channelId, letterId, sinceMs) {
			const found = channelOf(client, guildId, channelId);
			if ('ok' in found || !found.isTextBased()) return undefined;
			try {
				const latest = await found.messages.fetch({ limit: 50, cache: false });
				const mine = latest.find(
					(m) =>
						m.author.id === client.user?.id &&
						m.createdTimestamp >= sinceMs &&
						(m.embeds[0]?.footer?.text.endsWith(` · ${letterId}`) ?? false),
				);
				return mine?.id;
			} catch {
				// Without Read Message History the post is sent again; the nonce still guards recent crashes.
				return undefined;
			}
		},
		async startThread(channelId, messageId, thread) {
			const channel = client.channels.cache.get(channelId);
			if (
				channel === undefined ||
				!(channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement)
			) {
				throw new PostError('channel-gone', 'the channel was deleted');
			}
			try {
				const created = await channel.threads.create({
					name: thread.name,
					autoArchiveDuration: thread.autoArchiveMinutes as ThreadAutoArchiveDuration,
					startMessage: messageId,
				});
				return created.id;
			} catch (error: unknown) {
				// 160004: the message already has a thread (opened before a crash); leave it be.
				if (error instanceof DiscordAPIError && error.code === 160004) return undefined;
				throw classify(error, client, channel.guildId);
			}
		},
		async sendInThread(threadId, text) {
			const thread = client.channels.cache.get(threadId);
			if (thread === undefined || !thread.isThread()) throw new PostError('channel-gone', 'the thread was deleted');
			try {
				await thread.send({ content: text, allowedMentions: { parse: [] } });
			} catch (error: unknown) {
				throw classify(error, client, thread.guildId);
			}
		},
	};
}

/**
 * Whether this client's shards own a guild: `(guild_id >> 22) % shardCount` among its shard ids,
 * as Discord assigns them. Each shard (process) schedules only its own servers; an owned server
 * missing from the cache is one the bot left while offline, which the sender then reports as gone.
 */
export function ownsGuild(client: Client): (guildId: string) => boolean {
	return (guildId) => {
		const count = client.options.shardCount ?? 1;
		const shards = Array.isArray(client.options.shards) ? client.options.shards : [0];
		if (!/^\d{1,20}$/.test(guildId)) return false;
		return shards.includes(Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, count))));
	};
}

/**
 * Forget a server's settings when the bot is removed from it, or when its post channel is
 * deleted (a deleted log channel is just unset), and log it. Outages (`unavailable`) are not removals.
 */
export function attachCleanup(
	client: Client,
	store: { settings: SettingsStore; forgetGuild(guildId: string): Promise<void> },
	logger: Pick<Logger, 'info' | 'error'>,
): void {
	const guard = (work: Promise<void>, context: Record<string, unknown>) =>
		work.catch((error: unknown) => logger.error({ ...context, err: error }, 'cleanup failed'));
	client.on('guildDelete', (guild) => {
		if (!guild.available) return;
		void guard(
			(async () => {
				if ((await store.settings.get(guild.id)) === undefined) return;
				await store.forgetGuild(guild.id);
				logger.info({ guildId: guild.id }, 'removed from a server; its daily post settings forgotten');
			})(),
			{ guildId: guild.id },
		);
	});
	client.on('channelDelete', (channel) => {
		if (channel.isDMBased()) return;
		const guildId = channel.guildId;
		void guard(
			(async () => {
				const settings = await store.settings.get(guildId);
				if (settings === undefined) return;
				if (settings.channelId === channel.id) {
					await store.forgetGuild(guildId);
					logger.info({ guildId, channelId: channel.id }, 'daily post channel deleted; server settings forgotten');
				} else if (settings.logChannelId === channel.id) {
					const rest = { ...settings };
					delete rest.logChannelId;
					await store.settings.set(guildId, rest);
					logger.info({ guildId, channelId: channel.id }, 'log channel deleted; unset');
				}
			})(),
			{ guildId, channelId: channel.id },
		);
	});
}
