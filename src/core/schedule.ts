/**
 * When each server's daily post is due, and how failed posts back off.
 *
 * Every function takes the current instant as an input (`nowUtc`); nothing here reads a clock,
 * so the scheduler adapter can be tested with an injected clock and these rules with plain values.
 *
 * Local times are resolved in the server's IANA time zone with these rules:
 * - a time that does not exist that day (the spring-forward gap, e.g. 02:30 in New York on the
 *   second Sunday of March) resolves to the first valid minute after it, which is the instant the
 *   clocks jump (03:00);
 * - a time that exists twice (the fall-back repeat, e.g. 01:30 on the first Sunday of November)
 *   resolves to its first occurrence only.
 *
 * Pure: luxon only, no I/O.
 */
import { DateTime, IANAZone } from 'luxon';

import type { GuildSettings, LastDelivery } from './settings.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The daily post of one local date that should go out now. */
export interface DuePost {
	/** The server's local date the post is for, `YYYY-MM-DD`. */
	readonly localDate: string;
	/** When it was scheduled, in UTC. */
	readonly scheduledUtc: DateTime;
	/** True when it goes out well after its scheduled time (after downtime or retries): label it late. */
	readonly late: boolean;
}

/**
 * How failed posts are retried. A post is attempted at its scheduled time; after the k-th failed
 * attempt of the same local date, the next attempt waits `retryDelaysMinutes[k - 1]`; after the
 * last delay is used up, the server's post is given up for that day (status `skipped`), and the
 * next attempt is the next day's scheduled post.
 */
export interface DeliveryPolicy {
	/** Waits after the 1st, 2nd, ... failed attempt of a day. */
	readonly retryDelaysMinutes: readonly number[];
	/** A post that goes out more than this after its scheduled time is labelled late. */
	readonly lateAfterMinutes: number;
}

/**
 * The default policy: at most four attempts a day (at the scheduled time, then 5 minutes, 30
 * minutes and 2 hours after each failure), so a server that lost a permission costs four calls a
 * day, not one a minute. Late means more than 15 minutes after the scheduled time: the fan-out to
 * thousands of servers under Discord's rate limits can itself take a few minutes, which is not late.
 */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = Object.freeze({
	retryDelaysMinutes: Object.freeze([5, 30, 120]),
	lateAfterMinutes: 15,
});

/**
 * The instant a local wall-clock time happens in a zone, with the gap and repeat rules above.
 *
 * @param localDate - `YYYY-MM-DD`.
 * @param time - `HH:MM`.
 * @param timezone - An IANA zone name.
 * @returns The instant, in UTC.
 */
export function scheduledInstant(localDate: string, time: string, timezone: string): DateTime {
	const zone = IANAZone.create(timezone);
	if (!zone.isValid) throw new RangeError(`unknown time zone ${timezone}`);
	const [year, month, day] = localDate.split('-').map(Number);
	const [hour, minute] = time.split(':').map(Number);
	if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) {
		throw new RangeError(`bad date or time ${localDate} ${time}`);
	}
	// The wall-clock reading as if it were UTC; subtracting the zone's offset gives the instant.
	const wall = Date.UTC(year, month - 1, day, hour, minute);
	const offsets = [...new Set([zone.offset(wall - DAY_MS), zone.offset(wall), zone.offset(wall + DAY_MS)])];
	const valid = offsets.map((o) => wall - o * MINUTE_MS).filter((ts) => zone.offset(ts) * MINUTE_MS === wall - ts);
	if (valid.length > 0) return DateTime.fromMillis(Math.min(...valid), { zone: 'utc' });

	// In a gap: no offset maps the wall time to an instant. The first valid minute after it is the
	// transition itself, which lies between the instants the two offsets would give.
	let lo = wall - Math.max(...offsets) * MINUTE_MS;
	let hi = wall - Math.min(...offsets) * MINUTE_MS;
	const before = zone.offset(lo);
	while (hi - lo > MINUTE_MS) {
		const mid = lo + Math.floor((hi - lo) / MINUTE_MS / 2) * MINUTE_MS;
		if (zone.offset(mid) === before) lo = mid;
		else hi = mid;
	}
	return DateTime.fromMillis(hi, { zone: 'utc' });
}

/** The server's local date at `nowUtc`, `YYYY-MM-DD`. */
export function localDateAt(timezone: string, nowUtc: DateTime): string {
	const date = nowUtc.setZone(timezone).toISODate();
	if (date === null) throw new RangeError(`unknown time zone ${timezone}`);
	return date;
}

/** The day after a `YYYY-MM-DD` date. */
function nextDate(localDate: string): string {
	const next = DateTime.fromISO(localDate, { zone: 'utc' }).plus({ days: 1 }).toISODate();
	if (next === null) throw new RangeError(`bad date ${localDate}`);
	return next;
}

/**
 * The next scheduled posting instant at or after `nowUtc`, from the calendar alone: it does not
 * look at whether today's post already went out (see {@link duePost} for that).
 *
 * @returns The instant in UTC, or undefined when the server has paused its posts.
 */
export function nextPostTime(settings: GuildSettings, nowUtc: DateTime): DateTime | undefined {
	if (settings.paused) return undefined;
	const today = localDateAt(settings.timezone, nowUtc);
	const todays = scheduledInstant(today, settings.time, settings.timezone);
	if (todays >= nowUtc) return todays;
	return scheduledInstant(nextDate(today), settings.time, settings.timezone);
}

/** True when `delivery` settles the post of `localDate` or a later one (posted, late or given up). */
function settles(delivery: LastDelivery | undefined, localDate: string): boolean {
	return delivery !== undefined && delivery.status !== 'failed' && delivery.localDate >= localDate;
}

/**
 * The post that should go out now, if any.
 *
 * A server's post is due from its scheduled instant until the end of that local day. Only the
 * current local date is ever considered, so a post missed on a past day is never sent: after
 * downtime that spans the posting time, the missed post goes out on the next check if the local
 * day has not ended, flagged `late`. Nothing is due when the server is paused, when its post for
 * today (or a later local date, after a change of zone) is already settled, or while a failed
 * attempt is backing off (`backoffUntil`, which holds across midnight).
 *
 * This is the cheap filter the scheduler runs every minute; exactly-once across processes comes
 * from claiming the post in the {@link PostLog} before sending.
 *
 * @param settings - The server's settings, including its delivery health.
 * @param nowUtc - The current instant.
 * @param lastPostedLocalDate - The latest local date the post log records as posted, if known.
 * @param policy - When a post counts as late.
 */
export function duePost(
	settings: GuildSettings,
	nowUtc: DateTime,
	lastPostedLocalDate?: string,
	policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): DuePost | undefined {
	return dueWith(settings, nowUtc, lastPostedLocalDate, policy, (zone) => localDateAt(zone, nowUtc), scheduledInstant);
}

/**
 * {@link duePost} for many servers at one instant, as the scheduler's tick asks it: each zone's
 * local date and each scheduled instant (a date, a time and a zone) are worked out once and
 * remembered in the returned function. luxon's zone arithmetic costs tens of microseconds a call
 * (an `Intl` formatter per offset), and thousands of servers share a few hundred zones and times,
 * so ten thousand servers cost a few hundred of those calls instead of forty thousand. The answers
 * are exactly `duePost`'s.
 *
 * @returns The check for one server: its settings and, if known, its latest posted local date.
 */
export function duePostsAt(
	nowUtc: DateTime,
	policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): (settings: GuildSettings, lastPostedLocalDate?: string) => DuePost | undefined {
	const dates = new Map<string, string>();
	const instants = new Map<string, DateTime>();
	const localDate = (zone: string): string => {
		let date = dates.get(zone);
		if (date === undefined) {
			date = localDateAt(zone, nowUtc);
			dates.set(zone, date);
		}
		return date;
	};
	const instant = (date: string, time: string, zone: string): DateTime => {
		const key = `${date} ${time} ${zone}`;
		let at = instants.get(key);
		if (at === undefined) {
			at = scheduledInstant(date, time, zone);
			instants.set(key, at);
		}
		return at;
	};
	return (settings, lastPostedLocalDate) => dueWith(settings, nowUtc, lastPostedLocalDate, policy, localDate, instant);
}

function dueWith(
	settings: GuildSettings,
	nowUtc: DateTime,
	lastPostedLocalDate: string | undefined,
	policy: DeliveryPolicy,
	localDateOf: (zone: string) => string,
	instantOf: (localDate: string, time: string, zone: string) => DateTime,
): DuePost | undefined {
	if (settings.paused) return undefined;
	const localDate = localDateOf(settings.timezone);
	if (lastPostedLocalDate !== undefined && lastPostedLocalDate >= localDate) return undefined;
	if (settles(settings.lastDelivery, localDate)) return undefined;
	const scheduledUtc = instantOf(localDate, settings.time, settings.timezone);
	if (nowUtc < scheduledUtc) return undefined;
	if (settings.backoffUntil !== undefined && nowUtc < DateTime.fromISO(settings.backoffUntil)) return undefined;
	const late = nowUtc.toMillis() - scheduledUtc.toMillis() > policy.lateAfterMinutes * MINUTE_MS;
	return { localDate, scheduledUtc, late };
}

/** Attempts already made for `localDate`, from the last delivery record. */
function attemptsFor(settings: GuildSettings, localDate: string): number {
	return settings.lastDelivery?.localDate === localDate ? settings.lastDelivery.attempts : 0;
}

/** The settings after the post of `localDate` went out. Clears the failure count and backoff. */
export function recordSuccess(
	settings: GuildSettings,
	post: { localDate: string; nowUtc: DateTime; messageId: string; late: boolean },
): GuildSettings {
	return {
		...withoutBackoff(settings),
		consecutiveFailures: 0,
		lastDelivery: {
			localDate: post.localDate,
			status: post.late ? 'late' : 'posted',
			at: isoInstant(post.nowUtc),
			attempts: attemptsFor(settings, post.localDate) + 1,
			messageId: post.messageId,
		},
	};
}

/**
 * The settings after an attempt to post `localDate` failed: counts the failure and either sets
 * `backoffUntil` from the policy or, when the day's retries are used up, gives up for that day.
 *
 * @param failure.error - A short reason fit to show admins (trimmed to 300 characters).
 */
export function recordFailure(
	settings: GuildSettings,
	failure: { localDate: string; nowUtc: DateTime; error: string },
	policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): GuildSettings {
	const attempts = attemptsFor(settings, failure.localDate) + 1;
	const delay = policy.retryDelaysMinutes[attempts - 1];
	return {
		...withoutBackoff(settings),
		...(delay === undefined ? {} : { backoffUntil: isoInstant(failure.nowUtc.plus({ minutes: delay })) }),
		consecutiveFailures: settings.consecutiveFailures + 1,
		lastDelivery: {
			localDate: failure.localDate,
			status: delay === undefined ? 'skipped' : 'failed',
			at: isoInstant(failure.nowUtc),
			attempts,
			error: failure.error.slice(0, 300),
		},
	};
}

/** The settings after the post of `localDate` was deliberately not sent (e.g. no letter that day). */
export function recordSkipped(
	settings: GuildSettings,
	skip: { localDate: string; nowUtc: DateTime; reason: string },
): GuildSettings {
	return {
		...settings,
		lastDelivery: {
			localDate: skip.localDate,
			status: 'skipped',
			at: isoInstant(skip.nowUtc),
			attempts: attemptsFor(settings, skip.localDate),
			error: skip.reason.slice(0, 300),
		},
	};
}

function withoutBackoff(settings: GuildSettings): GuildSettings {
	const copy = { ...settings };
	delete copy.backoffUntil;
	return copy;
}

function isoInstant(instant: DateTime): string {
	const iso = instant.toUTC().toISO();
	if (iso === null) throw new RangeError('invalid instant');
	return iso;
}
