/**
 * The daily post use case: every minute, find the servers whose post is due (core `duePost`),
 * and for each one claim it in the post log, build it, send it through a narrow
 * {@link PostSender}, open its discussion thread, and record the outcome. Time is an input
 * (`nowUtc`), so tests drive it with an injected clock; the cron adapter (`cron.ts`) reads the
 * real one.
 *
 * Exactly once: the post log's claim makes one process the sender; the message carries the
 * post's nonce with `enforce_nonce`, so a sender that crashed after Discord created the message
 * but before `complete` cannot cause a second message (Discord answers the retry with the original);
 * `complete` then records it for good. Discord forgets nonces after a few minutes, so a process
 * taking over a vanished owner's claim first looks for the post in the channel (`findPost`).
 */
import type { DateTime } from 'luxon';
import { letterLabel, type Corpus } from '../core/corpus.js';
import { type DayQuery } from '../core/dates.js';
import type { Letter } from '../core/format.js';
import { onThisDayIn, type OnThisDay } from '../core/on-this-day.js';
import type { ClaimResult, PostLog, RotationStore, SettingsStore } from '../core/ports.js';
import { pickForYear, type RotationPick } from '../core/rotation.js';
import {
	DEFAULT_DELIVERY_POLICY,
	duePostsAt,
	localDateAt,
	recordFailure,
	recordSkipped,
	recordSuccess,
	type DeliveryPolicy,
	type DuePost,
} from '../core/schedule.js';
import type { GuildSettings } from '../core/settings.js';
import type { MessageBody } from '../discord/command.js';
import { renderDailyPost } from '../discord/render/daily-post.js';
import { clip } from '../discord/render/text.js';
import type { Logger } from '../logger.js';
import type { Pacer } from './pacer.js';
import { choosePrompt, THREAD_NAME_MAX, type Prompt } from './prompts.js';

/** Why a send failed, as the sender classifies it. */
export type PostErrorKind =
	/** The channel no longer exists (10003): the server's settings are forgotten. */
	| 'channel-gone'
	/** The bot is no longer in the server: its settings are forgotten. */
	| 'guild-gone'
	/** The bot lacks a permission in the channel (or 50001/50013): reported, backed off. */
	| 'permissions'
	/** Anything else (an outage, a timeout, a 5xx): backed off and retried. */
	| 'transient';

/** A failed send, with a short reason fit to show admins (never a stack trace). */
export class PostError extends Error {
	override readonly name = 'PostError';
	constructor(
		readonly kind: PostErrorKind,
		message: string,
		options?: { cause?: unknown },
	) {
		super(message, options);
	}
}

/** What the scheduler needs from Discord; implemented over discord.js in `discord-sender.ts`. */
export interface PostSender {
	/**
	 * Send a message to a server's channel with `nonce` and `enforce_nonce`.
	 *
	 * @returns The message id (the original one, when the nonce was already used).
	 * @throws PostError, classified.
	 */
	send(guildId: string, channelId: string, body: MessageBody, nonce?: string): Promise<string>;
	/**
	 * Look for the post among the channel's latest messages: the bot's own message, sent since
	 * `sinceMs`, that shows `letterId`. Used only when taking over a claim whose owner vanished
	 * (it may have sent the post longer ago than Discord remembers nonces). Optional.
	 *
	 * @returns The message id, or undefined when it is not there.
	 */
	findPost?(guildId: string, channelId: string, letterId: string, sinceMs: number): Promise<string | undefined>;
	/**
	 * Open a public thread on a message.
	 *
	 * @returns The thread's id, or undefined when the message already has one (a vanished process opened it).
	 * @throws PostError.
	 */
	startThread(
		channelId: string,
		messageId: string,
		thread: { name: string; autoArchiveMinutes: number },
	): Promise<string | undefined>;
	/** Post plain text (no mentions) in a thread. @throws PostError. */
	sendInThread(threadId: string, text: string): Promise<void>;
}

/** Everything a tick needs. */
export interface DailyPostDeps {
	readonly corpus: Corpus;
	readonly prompts: readonly Prompt[];
	readonly settings: SettingsStore;
	readonly rotation: RotationStore;
	readonly postLog: PostLog;
	/** Forget a server (channel deleted, bot removed). */
	readonly forgetGuild: (guildId: string) => Promise<void>;
	readonly sender: PostSender;
	/** Paces every request of the fan-out under Discord's global rate limit. */
	readonly pacer: Pacer;
	readonly logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
	/** This process, as the post log's claim owner (unique per process). */
	readonly owner: string;
	/** Whether this process (shard) schedules the server; default all. */
	readonly owns?: (guildId: string) => boolean;
	readonly policy?: DeliveryPolicy;
	/** The claim's lease; keep it under Discord's nonce memory (a few minutes). Default 60 s. */
	readonly leaseMs?: number;
	/** Servers delivered at the same time (default 64); the pacer spaces their requests. */
	readonly workers?: number;
	/** How long a send may take before it counts as failed (and is retried under the backoff). Default 60 s. */
	readonly guildTimeoutMs?: number;
}

/** What happened to one server's due post. */
export type DeliveryOutcome =
	| { readonly status: 'posted' | 'late'; readonly messageId: string }
	| { readonly status: 'already-posted' | 'taken' }
	| { readonly status: 'skipped'; readonly reason: string }
	| { readonly status: 'failed'; readonly kind: PostErrorKind; readonly error: string };

/** A tick's summary. */
export interface TickReport {
	readonly due: number;
	readonly outcomes: ReadonlyMap<string, DeliveryOutcome>;
	readonly ms: number;
}

/** The letters a server draws from on a day: its collections (empty: all), text held. */
export function lettersForDay(corpus: Corpus, day: DayQuery, collections: readonly string[]): OnThisDay {
	return onThisDayIn(corpus, day, collections, { requireText: true });
}

/** A daily post ready to send. */
export interface PlannedPost {
	readonly body: MessageBody;
	readonly letter: Letter;
	readonly pick: RotationPick;
	readonly thread: { readonly name: string; readonly text: string };
}

/** What a planned post is for. */
export interface PlanInput {
	readonly guildId: string;
	readonly settings: GuildSettings;
	readonly localDate: string;
	readonly rotation: Awaited<ReturnType<RotationStore['get']>>;
	readonly late?: DuePost;
	readonly preview?: string;
}

/**
 * What the posts of one tick share, worked out once instead of once per server: the letters of a
 * day for a choice of collections, rendered messages, and each letter's thread. Ten thousand servers
 * posting the same day's letter render it once, not ten thousand times. Each table holds at most
 * {@link PLAN_CACHE_SIZE} entries (it starts again when full), so a tick whose servers all differ
 * (a role each) does not keep every server's message at once.
 */
export interface PlanCache {
	readonly days: Map<string, OnThisDay>;
	readonly bodies: Map<string, MessageBody>;
	readonly threads: Map<string, PlannedPost['thread']>;
}

export const PLAN_CACHE_SIZE = 256;

export function createPlanCache(): PlanCache {
	return { days: new Map(), bodies: new Map(), threads: new Map() };
}

function cached<V>(table: Map<string, V> | undefined, key: string, make: () => V): V {
	const found = table?.get(key);
	if (found !== undefined) return found;
	const made = make();
	if (table !== undefined) {
		if (table.size >= PLAN_CACHE_SIZE) table.clear();
		table.set(key, made);
	}
	return made;
}

/**
 * Build a server's post for a local date: the letters of the day from its collections, the one
 * this year's rotation picks, the message, and the thread's name and question. Pure (the cache
 * only remembers answers, which depend on nothing but the inputs and the corpus).
 *
 * @param cache - Shared by the posts of one tick (see {@link PlanCache}); none by default.
 * @returns The post, or undefined when no letter with text is within a week of the day.
 */
export function planPost(
	corpus: Corpus,
	prompts: readonly Prompt[],
	input: PlanInput,
	cache?: PlanCache,
): PlannedPost | undefined {
	const [year, month, day] = input.localDate.split('-').map(Number);
	if (year === undefined || month === undefined || day === undefined) return undefined;
	const query = { year, month, day };
	const collections = input.settings.collections;
	const dayKey = JSON.stringify([input.localDate, collections]);
	const found = cached(cache?.days, dayKey, () => lettersForDay(corpus, query, collections));
	const pick = pickForYear(
		found.letters.map((l) => l.id),
		input.guildId,
		input.localDate,
		input.rotation,
	);
	const letter = pick === undefined ? undefined : corpus.byId.get(pick.letterId);
	if (pick === undefined || letter === undefined) return undefined;
	const shownDay = { year, month: found.day.month, day: found.day.day };
	const lateSince =
		input.late === undefined
			? undefined
			: `${input.late.scheduledUtc.setZone(input.settings.timezone).toFormat('HH:mm')} (${input.settings.timezone})`;
	const { roleId } = input.settings;
	const { preview } = input;
	// Everything the message depends on: the day's letters follow from the date and collections.
	const bodyKey = JSON.stringify([dayKey, letter.id, lateSince ?? null, roleId ?? null, preview ?? null]);
	const body = cached(cache?.bodies, bodyKey, () =>
		renderDailyPost(corpus, {
			letter,
			day: query,
			...(found.match === 'exact' ? {} : { shownDay }),
			// The button opens that day's screen of these collections; it counts what the screen lists
			// (letters whose text is not held included).
			others: onThisDayIn(corpus, shownDay, collections).letters.length - 1,
			collections,
			...(found.match === 'exact' || found.message === undefined ? {} : { message: found.message }),
			...(lateSince === undefined ? {} : { lateSince }),
			...(roleId === undefined ? {} : { roleId }),
			...(preview === undefined ? {} : { preview }),
		}),
	);
	const thread = cached(cache?.threads, letter.id, () => {
		const prompt = choosePrompt(prompts, {
			id: letter.id,
			collection: letter.collection,
			text: [letter.heading ?? '', ...(letter.body ?? [])].join('\n'),
		});
		return {
			name: clip(letterLabel(corpus, letter), THREAD_NAME_MAX),
			text: prompt === undefined ? 'What do you make of this letter?' : `💬 ${prompt.text}`,
		};
	});
	return { body, letter, pick, thread };
}

/**
 * Yields to the event loop once `budgetMs` of work has run since it last had a turn, or after
 * `maxItems` calls, whichever comes first: long loops (ten thousand servers) and bursts of work
 * (the first post of each of the tick's workers) then leave room for interactions. Concurrent
 * callers share it: they wait for the same turn, and each checks the budget again when it comes
 * back, so the callers resuming together do not run all their work in one stretch.
 */
export function timeSlicer(budgetMs = 5, maxItems = 250): () => Promise<void> {
	let since = performance.now();
	let items = 0;
	let turn: Promise<void> | undefined;
	const nextTurn = (): Promise<void> =>
		new Promise((resolve) =>
			setImmediate(() => {
				since = performance.now();
				items = 0;
				turn = undefined;
				resolve();
			}),
		);
	return async () => {
		while (items >= maxItems || performance.now() - since >= budgetMs) await (turn ??= nextTurn());
		items += 1;
	};
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new PostError('transient', `no answer from Discord within ${ms / 1000} s`)), ms);
		timer.unref();
	});
	try {
		return await Promise.race([work, late]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Deliver one server's post of `due.localDate`, following the post log's protocol. A failed send
 * is classified, recorded in the server's settings (with the policy's backoff), logged, and noted
 * to the server's log channel when it has one; only an unusable store rejects.
 *
 * @param fresh - The settings as listed for this tick (re-read before the outcome is written).
 * @param tick - What the tick's posts share: the plan cache, and the slicer that yields before
 *   building each post and before sending it (the first post of every worker is built at once otherwise).
 */
export async function deliverPost(
	deps: DailyPostDeps,
	guildId: string,
	fresh: GuildSettings,
	due: DuePost,
	nowUtc: DateTime,
	tick?: { readonly cache: PlanCache; readonly breathe: () => Promise<void> },
): Promise<DeliveryOutcome> {
	const { postLog, logger } = deps;
	const policy = deps.policy ?? DEFAULT_DELIVERY_POLICY;
	const context = { guildId, localDate: due.localDate, channelId: fresh.channelId };
	const rotation = await deps.rotation.get(guildId);
	await tick?.breathe();
	const plan = planPost(
		deps.corpus,
		deps.prompts,
		{
			guildId,
			settings: fresh,
			localDate: due.localDate,
			rotation,
			...(due.late ? { late: due } : {}),
		},
		tick?.cache,
	);
	if (plan === undefined) {
		const reason = 'no letter with text within a week of this day in the chosen collections';
		await update(deps, guildId, (s) => recordSkipped(s, { localDate: due.localDate, nowUtc, reason }));
		logger.warn(context, 'daily post skipped: nothing to post');
		return { status: 'skipped', reason };
	}

	// Building a post and sending it are each a few milliseconds of work (more the first time,
	// before the code is compiled): let the event loop turn between the two when the budget is spent.
	await tick?.breathe();
	// The claim is taken inside the pacer's slot, right before sending, so its lease runs while
	// the message is sent, not while thousands of other servers' posts wait their turn.
	let sent: { claim: ClaimResult; messageId?: string };
	try {
		sent = await deps.pacer.run(async () => {
			const before = await postLog.get(guildId, due.localDate);
			const claim = await postLog.claim(guildId, due.localDate, deps.owner, deps.leaseMs ?? 60_000);
			if (claim !== 'claimed') return { claim };
			if ((before?.state === 'claimed' || due.late) && deps.sender.findPost !== undefined) {
				// Taking over from an owner that vanished mid-post (a leftover claim, or a late post
				// after downtime, since Redis drops expired claims): it may have sent the message
				// longer ago than Discord remembers the nonce, so look before sending again.
				const found = await deps.sender.findPost(
					guildId,
					fresh.channelId,
					plan.letter.id,
					due.scheduledUtc.toMillis() - 60_000,
				);
				if (found !== undefined) {
					logger.warn({ ...context, messageId: found }, 'daily post found already sent by a vanished process');
					return { claim, messageId: found };
				}
			}
			// Stable within the year, so writing it before sending cannot change a retried post.
			if (plan.pick.changed) await deps.rotation.set(guildId, plan.pick.state);
			const messageId = await withTimeout(
				deps.sender.send(guildId, fresh.channelId, plan.body, postLog.nonce(guildId, due.localDate)),
				deps.guildTimeoutMs ?? 60_000,
			);
			return { claim, messageId };
		});
	} catch (error: unknown) {
		await postLog.release(guildId, due.localDate, deps.owner).catch(() => undefined);
		return fail(deps, guildId, fresh, due, nowUtc, error, policy);
	}
	if (sent.claim === 'done') {
		// Sent by another process (or before a restart) that may not have recorded it in the
		// settings: record it, so the server's status is right and the post stops being due.
		const record = await postLog.get(guildId, due.localDate);
		const recorded = fresh.lastDelivery?.localDate === due.localDate && fresh.lastDelivery.status !== 'failed';
		if (record?.state === 'done' && !recorded) {
			await update(deps, guildId, (s) =>
				recordSuccess(s, { localDate: due.localDate, nowUtc, messageId: record.messageId, late: due.late }),
			);
		}
		return { status: 'already-posted' };
	}
	const messageId = sent.messageId;
	if (sent.claim === 'taken' || messageId === undefined) return { status: 'taken' };
	await postLog.complete(guildId, due.localDate, messageId);
	const status = due.late ? 'late' : 'posted';
	await update(deps, guildId, (s) => recordSuccess(s, { localDate: due.localDate, nowUtc, messageId, late: due.late }));
	logger.info({ ...context, messageId, late: due.late, letterId: plan.letter.id }, 'daily post sent');

	if (fresh.thread.enabled) {
		try {
			const threadId = await deps.pacer.run(() =>
				deps.sender.startThread(fresh.channelId, messageId, {
					name: plan.thread.name,
					autoArchiveMinutes: fresh.thread.autoArchiveMinutes,
				}),
			);
			if (threadId !== undefined) await deps.pacer.run(() => deps.sender.sendInThread(threadId, plan.thread.text));
		} catch (error: unknown) {
			// The post is out; a missing thread is worth telling admins, not a reason to post again.
			logger.warn({ ...context, err: error }, 'discussion thread not opened');
			await note(
				deps,
				guildId,
				fresh,
				`Letterday posted today's letter but could not open its discussion thread: ${describe(error)}`,
			);
		}
	}
	return { status, messageId };
}

/** Re-read, change and write a server's settings (admins may have changed them meanwhile). */
async function update(
	deps: DailyPostDeps,
	guildId: string,
	change: (s: GuildSettings) => GuildSettings,
): Promise<void> {
	const current = await deps.settings.get(guildId);
	if (current !== undefined) await deps.settings.set(guildId, change(current));
}

async function note(deps: DailyPostDeps, guildId: string, settings: GuildSettings, text: string): Promise<void> {
	const logChannelId = settings.logChannelId;
	if (logChannelId === undefined) return;
	try {
		await deps.pacer.run(() =>
			deps.sender.send(guildId, logChannelId, {
				content: clip(text, 2_000),
				embeds: [],
				components: [],
				allowed_mentions: { parse: [] },
			}),
		);
	} catch (error: unknown) {
		deps.logger.warn({ logChannelId, err: error }, 'could not note a delivery problem to the log channel');
	}
}

async function fail(
	deps: DailyPostDeps,
	guildId: string,
	settings: GuildSettings,
	due: DuePost,
	nowUtc: DateTime,
	error: unknown,
	policy: DeliveryPolicy,
): Promise<DeliveryOutcome> {
	const kind: PostErrorKind = error instanceof PostError ? error.kind : 'transient';
	const reason = error instanceof PostError ? error.message : 'an unexpected error (see the bot log)';
	const context = { guildId, localDate: due.localDate, channelId: settings.channelId, kind };
	if (kind === 'channel-gone' || kind === 'guild-gone') {
		await deps.forgetGuild(guildId);
		deps.logger.warn({ ...context, reason }, 'daily post target gone; server settings forgotten');
		if (kind === 'channel-gone')
			await note(
				deps,
				guildId,
				settings,
				`Letterday's daily post channel is gone (${reason}); run /letterday setup to choose another.`,
			);
		return { status: 'failed', kind, error: reason };
	}
	await update(deps, guildId, (s) => recordFailure(s, { localDate: due.localDate, nowUtc, error: reason }, policy));
	deps.logger.warn({ ...context, err: error }, 'daily post failed');
	const after = await deps.settings.get(guildId);
	const next =
		after?.backoffUntil === undefined
			? 'Letterday gives up for today and will try again tomorrow.'
			: `Letterday will try again at ${after.backoffUntil.slice(11, 16)} UTC.`;
	await note(
		deps,
		guildId,
		settings,
		`Letterday could not post today's letter in <#${settings.channelId}>: ${reason}. ${next}`,
	);
	return { status: 'failed', kind, error: reason };
}

/**
 * One scheduler tick: deliver every due post this process owns, concurrently under the pacer,
 * each server isolated from the others (an error or a hang in one does not touch the rest).
 */
export async function runDueTick(deps: DailyPostDeps, nowUtc: DateTime): Promise<TickReport> {
	const started = performance.now();
	const policy = deps.policy ?? DEFAULT_DELIVERY_POLICY;
	// Every stretch of synchronous work below yields after a few milliseconds, so ten thousand
	// servers never hold the event loop (and the interactions waiting on it) for long.
	const breathe = timeSlicer();
	const due = await dueServers(deps, nowUtc, policy, breathe);
	const outcomes = new Map<string, DeliveryOutcome>();
	const tick = { cache: createPlanCache(), breathe };
	// A pool of workers, so ten thousand due servers do not open ten thousand store queries at
	// once; the pacer, not the pool, sets the pace of Discord requests.
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < due.length) {
			const item = due[next];
			// Let go of each server's entry once taken: the list is not kept for the whole fan-out.
			due[next++] = undefined;
			if (item === undefined) continue;
			const { guildId, settings, post } = item;
			try {
				const outcome = await deliverPost(deps, guildId, settings, post, nowUtc, tick);
				outcomes.set(guildId, outcome);
			} catch (error: unknown) {
				deps.logger.error({ guildId, err: error }, 'daily post delivery failed unexpectedly');
				outcomes.set(guildId, { status: 'failed', kind: 'transient', error: describe(error) });
			}
		}
	};
	const count = due.length;
	await Promise.all(Array.from({ length: Math.min(count, deps.workers ?? 64) }, worker));
	const ms = Math.round(performance.now() - started);
	if (count > 0) deps.logger.info({ due: count, ms }, 'daily post tick');
	return { due: count, outcomes, ms };
}

interface DueServer {
	readonly guildId: string;
	readonly settings: GuildSettings;
	readonly post: DuePost;
}

/** The servers this process owns whose post is due now, yielding as it goes. */
async function dueServers(
	deps: DailyPostDeps,
	nowUtc: DateTime,
	policy: DeliveryPolicy,
	breathe: () => Promise<void>,
): Promise<(DueServer | undefined)[]> {
	const entries = await deps.settings.list();
	const isDue = duePostsAt(nowUtc, policy);
	const due: (DueServer | undefined)[] = [];
	for (const { guildId, settings } of entries) {
		await breathe();
		if (deps.owns !== undefined && !deps.owns(guildId)) continue;
		try {
			const post = isDue(settings);
			if (post !== undefined) due.push({ guildId, settings, post });
		} catch (error: unknown) {
			deps.logger.error({ guildId, err: error }, 'cannot compute the daily post time');
		}
	}
	return due;
}

/** The server's local date now. */
export function todayIn(settings: GuildSettings, nowUtc: DateTime): string {
	return localDateAt(settings.timezone, nowUtc);
}

/**
 * `/letterday post-now`: today's post goes through the post log like a scheduled one (so it is
 * not sent again at the scheduled time); a post for another date is an extra, sent as is.
 */
export async function postNow(
	deps: DailyPostDeps,
	guildId: string,
	localDate: string | undefined,
	nowUtc: DateTime,
): Promise<DeliveryOutcome> {
	const settings = await deps.settings.get(guildId);
	if (settings === undefined) return { status: 'skipped', reason: 'the daily post is not set up' };
	const today = todayIn(settings, nowUtc);
	if (localDate === undefined || localDate === today) {
		const due: DuePost = { localDate: today, scheduledUtc: nowUtc, late: false };
		return deliverPost(deps, guildId, settings, due, nowUtc);
	}
	const plan = planPost(deps.corpus, deps.prompts, {
		guildId,
		settings,
		localDate,
		rotation: await deps.rotation.get(guildId),
	});
	if (plan === undefined) return { status: 'skipped', reason: 'no letter with text within a week of that day' };
	try {
		const messageId = await deps.pacer.run(() => deps.sender.send(guildId, settings.channelId, plan.body));
		return { status: 'posted', messageId };
	} catch (error: unknown) {
		const kind: PostErrorKind = error instanceof PostError ? error.kind : 'transient';
		return { status: 'failed', kind, error: error instanceof PostError ? error.message : 'an unexpected error' };
	}
}
