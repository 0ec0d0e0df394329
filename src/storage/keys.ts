/**
 * The storage key scheme and the post-record format: the only place that knows them.
 *
 * Every key starts with the store's prefix (`letterday:` unless the caller picks another, as tests
 * do to stay apart):
 * - `<prefix>settings:<guildId>`: a server's settings (written through keyv);
 * - `<prefix>rotation:<guildId>`: a server's rotation memory (written through keyv);
 * - `<prefix>post:<localDate>:<guildId>`: the post log (written with each backend's own atomic
 *   primitive, as plain JSON, see {@link encodePostRecord}). The date comes first so records of
 *   past days can be pruned by key range.
 */
import { createHash } from 'node:crypto';

import { z } from 'zod';

import type { PostRecord } from '../core/ports.js';

export const DEFAULT_PREFIX = 'letterday:';

/** Key builders for one prefix. */
export interface KeyScheme {
	readonly prefix: string;
	readonly settingsPrefix: string;
	readonly rotationPrefix: string;
	readonly postPrefix: string;
	settings(guildId: string): string;
	rotation(guildId: string): string;
	post(guildId: string, localDate: string): string;
	/** The local date of a post key, or undefined for other keys. */
	postDate(key: string): string | undefined;
}

const GUILD_ID = /^[\w-]{1,64}$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkGuildId(guildId: string): string {
	if (!GUILD_ID.test(guildId)) throw new RangeError(`bad guild id ${JSON.stringify(guildId)}`);
	return guildId;
}

function checkLocalDate(localDate: string): string {
	if (!LOCAL_DATE.test(localDate)) throw new RangeError(`bad local date ${JSON.stringify(localDate)}`);
	return localDate;
}

/** The keys of a store whose keys start with `prefix`. */
export function keyScheme(prefix: string = DEFAULT_PREFIX): KeyScheme {
	if (!/^[\w.:-]{1,64}$/.test(prefix)) throw new RangeError(`bad key prefix ${JSON.stringify(prefix)}`);
	const settingsPrefix = `${prefix}settings:`;
	const rotationPrefix = `${prefix}rotation:`;
	const postPrefix = `${prefix}post:`;
	return {
		prefix,
		settingsPrefix,
		rotationPrefix,
		postPrefix,
		settings: (guildId) => settingsPrefix + checkGuildId(guildId),
		rotation: (guildId) => rotationPrefix + checkGuildId(guildId),
		post: (guildId, localDate) => `${postPrefix}${checkLocalDate(localDate)}:${checkGuildId(guildId)}`,
		postDate: (key) => {
			if (!key.startsWith(postPrefix)) return undefined;
			const date = key.slice(postPrefix.length, postPrefix.length + 10);
			return LOCAL_DATE.test(date) ? date : undefined;
		},
	};
}

/**
 * The Discord nonce of a server's post for a local date: `ld` + `YYYYMMDD` + the guild id in base
 * 36, at most 23 characters (Discord allows 25), so it is readable in logs and distinct for every
 * (server, date) pair. Ids that are not snowflakes get a hash instead of base 36.
 */
export function postNonce(guildId: string, localDate: string): string {
	const date = checkLocalDate(localDate).replaceAll('-', '');
	const guild = /^\d{1,20}$/.test(guildId)
		? BigInt(guildId).toString(36)
		: createHash('sha256').update(guildId).digest('base64url').slice(0, 13);
	return `ld${date}${guild}`;
}

const postRecordSchema = z.discriminatedUnion('state', [
	z.object({ state: z.literal('claimed'), owner: z.string(), leaseUntil: z.number() }),
	z.object({ state: z.literal('done'), messageId: z.string(), at: z.number() }),
]);

/** The JSON stored for a post record. SQL backends read `state` and `leaseUntil` with JSON functions. */
export function encodePostRecord(record: PostRecord): string {
	return JSON.stringify(record);
}

/** Parse a stored post record; undefined if it is missing or not one. */
export function decodePostRecord(raw: unknown): PostRecord | undefined {
	if (typeof raw !== 'string') return undefined;
	try {
		const parsed = postRecordSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}
