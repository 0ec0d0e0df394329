/**
 * Shared pieces of the scheduler tests: the real corpus and prompts (loaded once per file), a
 * recording fake {@link PostSender}, settings for a server, and daily-post dependencies over any store.
 */
import { DateTime } from 'luxon';
import { buildCorpus, type Corpus } from '../../src/core/corpus.js';
import type { Store } from '../../src/core/ports.js';
import { newGuildSettings, type GuildSettings } from '../../src/core/settings.js';
import { loadDataSet } from '../../src/data/load.js';
import { loadPrompts } from '../../src/data/prompts.js';
import type { MessageBody } from '../../src/discord/command.js';
import { PostError, type DailyPostDeps, type PostSender } from '../../src/scheduler/daily-post.js';
import { createPacer } from '../../src/scheduler/pacer.js';
import type { Prompt } from '../../src/scheduler/prompts.js';
import { createLogger } from '../../src/logger.js';

let corpus: Corpus | undefined;
let prompts: readonly Prompt[] | undefined;

/** Every collection, as the bot loads them. */
export function fullCorpus(): Corpus {
	corpus ??= buildCorpus(loadDataSet());
	return corpus;
}

export function realPrompts(): readonly Prompt[] {
	prompts ??= loadPrompts();
	return prompts;
}

/** A UTC instant from an ISO string. */
export const utc = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });

/** Snowflake-shaped ids for fake servers and channels. */
export const guildId = (n: number): string => `${100000000000000000n + BigInt(n)}`;
export const channelId = (n: number): string => `${200000000000000000n + BigInt(n)}`;

export function settings(fields: { channelId: string } & Partial<GuildSettings>): GuildSettings {
	const parsed = newGuildSettings(fields);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.value;
}

export interface SentMessage {
	readonly guildId: string;
	readonly channelId: string;
	readonly body: MessageBody;
	readonly nonce: string | undefined;
	readonly id: string;
}

/** A sender that records what it sends; `failWith` makes sends to a channel throw. */
export class FakeSender implements PostSender {
	readonly sent: SentMessage[] = [];
	readonly threads: { channelId: string; messageId: string; name: string; autoArchiveMinutes: number; id: string }[] =
		[];
	readonly threadMessages: { threadId: string; text: string }[] = [];
	readonly failWith = new Map<string, Error>();
	readonly hang = new Set<string>();
	private next = 1;
	private readonly byNonce = new Map<string, string>();

	async send(guild: string, channel: string, body: MessageBody, nonce?: string): Promise<string> {
		const failure = this.failWith.get(channel);
		if (failure) throw failure;
		if (this.hang.has(channel)) await new Promise(() => undefined);
		const seen = nonce === undefined ? undefined : this.byNonce.get(`${channel}:${nonce}`);
		if (seen !== undefined) return seen;
		const id = `${300000000000000000n + BigInt(this.next++)}`;
		if (nonce !== undefined) this.byNonce.set(`${channel}:${nonce}`, id);
		this.sent.push({ guildId: guild, channelId: channel, body, nonce, id });
		return id;
	}

	async startThread(channel: string, messageId: string, thread: { name: string; autoArchiveMinutes: number }) {
		const id = `${400000000000000000n + BigInt(this.next++)}`;
		this.threads.push({ channelId: channel, messageId, ...thread, id });
		return id;
	}

	async sendInThread(threadId: string, text: string): Promise<void> {
		this.threadMessages.push({ threadId, text });
	}

	/** Messages sent to one channel. */
	to(channel: string): SentMessage[] {
		return this.sent.filter((m) => m.channelId === channel);
	}
}

export const missing = (what: string): PostError => new PostError('permissions', `Letterday is missing ${what}`);

/** Daily-post dependencies over a store, with a fast pacer unless told otherwise. */
export function dailyDeps(store: Store, sender: PostSender, overrides: Partial<DailyPostDeps> = {}): DailyPostDeps {
	return {
		corpus: fullCorpus(),
		prompts: realPrompts(),
		settings: store.settings,
		rotation: store.rotation,
		postLog: store.postLog,
		forgetGuild: (id) => store.forgetGuild(id),
		sender,
		pacer: createPacer({ ratePerSecond: 10_000, concurrency: 64 }),
		logger: createLogger({ level: 'silent' }),
		owner: 'test-owner',
		...overrides,
	};
}
