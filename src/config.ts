/**
 * Process-wide configuration from the environment, parsed and checked once at start-up.
 * Per-server settings (channel, time, timezone) are not here: servers set them in Discord.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const blankToUndefined = (value: unknown): unknown =>
	typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const envSchema = z.object({
	DISCORD_TOKEN: optional(
		z
			.string()
			.min(50, 'does not look like a bot token (too short)')
			.regex(/^[\w.-]+$/, 'does not look like a bot token'),
	),
	DISCORD_APPLICATION_ID: optional(snowflake),
	DISCORD_DEV_GUILD_ID: optional(snowflake),
	DISCORD_API_URL: z.preprocess(
		blankToUndefined,
		z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://discord.com/api'),
	),
	STORE_URL: z.preprocess(
		blankToUndefined,
		z
			.string()
			.regex(
				/^(sqlite|redis|rediss|postgres|postgresql|memory):/,
				'must start with sqlite://, redis://, postgresql:// or memory://',
			)
			.default('sqlite://letterday.sqlite'),
	),
	LOG_LEVEL: z.preprocess(
		blankToUndefined,
		z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
	),
	TZ: optional(
		z.string().refine((zone) => IANAZone.isValidZone(zone), 'is not an IANA time zone (e.g. Europe/London)'),
	),
	POST_RATE_PER_SECOND: z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ error: 'must be a number' })
			.gt(0, 'must be above 0')
			.max(50, "must be at most 50 (Discord's global limit)")
			.default(45),
	),
});

export interface Config {
	readonly discord: {
		readonly token?: string;
		readonly applicationId?: string;
		readonly devGuildId?: string;
		readonly apiUrl: string;
	};
	readonly storeUrl: string;
	readonly logLevel: (typeof LOG_LEVELS)[number];
	readonly timezone: string;
	/** Daily-post requests per second this process may make (its share of Discord's 50/s per bot). */
	readonly postRatePerSecond: number;
}

/** Raised when the environment is unusable; the message names every bad variable. */
export class ConfigError extends Error {
	constructor(readonly problems: readonly string[]) {
		super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

/** Parse the environment. `require` lists variables the caller cannot do without. */
export function loadConfig(
	env: Readonly<Record<string, string | undefined>>,
	require: readonly ('DISCORD_TOKEN' | 'DISCORD_APPLICATION_ID')[] = [],
): Config {
	const parsed = envSchema.safeParse(env);
	const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
	for (const name of require) {
		if (blankToUndefined(env[name]) === undefined) problems.push(`${name} is required (see .env.example)`);
	}
	if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
	const e = parsed.data;
	return Object.freeze({
		discord: Object.freeze({
			...(e.DISCORD_TOKEN === undefined ? {} : { token: e.DISCORD_TOKEN }),
			...(e.DISCORD_APPLICATION_ID === undefined ? {} : { applicationId: e.DISCORD_APPLICATION_ID }),
			...(e.DISCORD_DEV_GUILD_ID === undefined ? {} : { devGuildId: e.DISCORD_DEV_GUILD_ID }),
			apiUrl: e.DISCORD_API_URL,
		}),
		storeUrl: e.STORE_URL,
		logLevel: e.LOG_LEVEL,
		timezone: e.TZ ?? 'UTC',
		postRatePerSecond: e.POST_RATE_PER_SECOND,
	});
}
