/**
 * Per-server (guild) settings for the daily post, and the health of its delivery.
 *
 * Servers set these with the admin command; the store keeps them as JSON. The zod schema is the
 * authority: the storage adapter parses every record it reads with it, so a record written by an
 * older version (with fields missing) still loads with the defaults below.
 *
 * Pure: zod and luxon only, no I/O.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';

import { fail, ok, type Result } from './result.js';

/** Discord snowflake ids: 17 to 20 digits. */
export const snowflakeSchema = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

/** A wall-clock time `HH:MM`, 24-hour. */
export const timeOfDaySchema = z
	.string()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM (00:00 to 23:59)');

// Checking a zone builds an Intl formatter (about 0.1 ms); listing 10,000 servers checks each
// one, so remember the answers. There are only a few hundred zone names.
const zoneValidity = new Map<string, boolean>();
function isValidZone(zone: string): boolean {
	let valid = zoneValidity.get(zone);
	if (valid === undefined) {
		valid = IANAZone.isValidZone(zone);
		if (zoneValidity.size < 1_000) zoneValidity.set(zone, valid);
	}
	return valid;
}

/** An IANA time zone name, e.g. `Europe/London`. */
export const timezoneSchema = z.string().refine(isValidZone, 'is not an IANA time zone (e.g. Europe/London)');

/** A calendar date `YYYY-MM-DD` in the server's time zone. */
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/** An instant, as an ISO 8601 string with an offset (we write UTC, `...Z`). */
export const instantSchema = z.iso.datetime({ offset: true });

/** How long Discord keeps an inactive thread open, in minutes: the four values Discord accepts. */
export const AUTO_ARCHIVE_MINUTES = [60, 1440, 4320, 10080] as const;
export type AutoArchiveMinutes = (typeof AUTO_ARCHIVE_MINUTES)[number];

export const threadSettingsSchema = z.object({
	/** Open a thread under each daily post, for discussion. */
	enabled: z.boolean().default(false),
	autoArchiveMinutes: z.union(AUTO_ARCHIVE_MINUTES.map((minutes) => z.literal(minutes))).default(1440),
});
export type ThreadSettings = z.infer<typeof threadSettingsSchema>;

/**
 * What happened to the daily post of one local date.
 * - `posted`: sent on time; `late`: sent after the scheduled time (caught up after downtime or retries);
 * - `failed`: the last attempt failed (see `error`; retried under the backoff policy);
 * - `skipped`: given up for the day (retries exhausted) or nothing to post.
 */
export const deliveryStatusSchema = z.enum(['posted', 'late', 'failed', 'skipped']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const lastDeliverySchema = z.object({
	localDate: localDateSchema,
	status: deliveryStatusSchema,
	/** When the status was recorded. */
	at: instantSchema,
	/** Attempts made for this local date, failed ones included (drives the backoff). */
	attempts: z.number().int().min(0).default(1),
	messageId: snowflakeSchema.optional(),
	/** A short, admin-facing reason ("Missing Permissions"), never a stack trace. */
	error: z.string().max(300).optional(),
});
export type LastDelivery = z.infer<typeof lastDeliverySchema>;

export const guildSettingsSchema = z.object({
	/** Where the daily letter is posted. */
	channelId: snowflakeSchema,
	/** Local posting time in `timezone`. */
	time: timeOfDaySchema.default('09:00'),
	timezone: timezoneSchema.default('UTC'),
	/** A role to mention with each post. */
	roleId: snowflakeSchema.optional(),
	thread: threadSettingsSchema.default({ enabled: false, autoArchiveMinutes: 1440 }),
	/** Collection ids to post from; empty means all collections. */
	collections: z.array(z.string().min(1)).default([]),
	/** Paused servers keep their settings but get no daily post. */
	paused: z.boolean().default(false),
	/** Where the bot reports delivery problems to the server's admins. */
	logChannelId: snowflakeSchema.optional(),
	/** Failed attempts since the last successful post, across days. */
	consecutiveFailures: z.number().int().min(0).default(0),
	/** No retry before this instant (set by {@link recordFailure} in `schedule.ts`). */
	backoffUntil: instantSchema.optional(),
	lastDelivery: lastDeliverySchema.optional(),
});

/** One server's settings, as stored. */
export type GuildSettings = z.infer<typeof guildSettingsSchema>;

/** A server's id with its settings, as {@link SettingsStore.list} returns them. */
export interface GuildSettingsEntry {
	readonly guildId: string;
	readonly settings: GuildSettings;
}

/**
 * Settings for a server that has just chosen a channel: posting at 09:00 UTC, all collections,
 * no thread, no role, healthy.
 *
 * @param input - The channel and any fields to set at once; validated like a stored record.
 */
export function newGuildSettings(input: { channelId: string } & Partial<GuildSettings>): Result<GuildSettings> {
	return parseGuildSettings(input);
}

/**
 * Validate a stored or user-supplied settings record, filling defaults for missing fields.
 *
 * @returns The settings, or a failure whose message names every bad field.
 */
export function parseGuildSettings(value: unknown): Result<GuildSettings> {
	const parsed = guildSettingsSchema.safeParse(value);
	if (parsed.success) return ok(parsed.data);
	const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(record)'} ${issue.message}`);
	return fail('invalid-settings', `invalid server settings: ${problems.join('; ')}`);
}
