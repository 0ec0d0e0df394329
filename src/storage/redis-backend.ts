/**
 * `redis://` (and `rediss://`) stores, shared by several bot processes.
 *
 * keyv has no atomic set-if-absent, so the post log claims with Redis's own `SET key value NX PX
 * lease` on the very client @keyv/redis uses: Redis runs each command alone, so exactly one `SET NX`
 * for a key succeeds, and the lease is the key's expiry, so a crashed owner's claim disappears by
 * itself (on the server's clock, whatever the clocks of the bot processes say). Completing
 * overwrites the claim with a record that is kept for {@link DONE_RETENTION_MS}, long after its
 * local date has ended everywhere. Releasing checks the owner and deletes in one Lua script, so it
 * cannot delete a claim another process took over in between.
 */
import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';

import type { ClaimResult, PostLog } from '../core/ports.js';
import { DONE_RETENTION_MS, KEYV_OPTIONS, type Backend, type BackendOptions } from './backend.js';
import { decodePostRecord, encodePostRecord, postNonce } from './keys.js';

const CONNECT_TIMEOUT_MS = 5_000;
const SCAN_COUNT = 1_000;

const RELEASE_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local ok, record = pcall(cjson.decode, raw)
if ok and type(record) == 'table' and record.state == 'claimed' and record.owner == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0`;

/** Escape Redis glob characters, so a prefix matches only itself in `SCAN MATCH`. */
function globEscape(text: string): string {
	return text.replace(/[*?[\]\\]/g, '\\$&');
}

export async function openRedisBackend(url: string, options: BackendOptions): Promise<Backend> {
	const { keys, now, logger } = options;
	let connected = false;
	const client = createClient({
		url,
		// While the connection is down, commands fail at once instead of queueing: a scheduler tick
		// must see the error, not hang until Redis is back.
		disableOfflineQueue: true,
		socket: {
			connectTimeout: CONNECT_TIMEOUT_MS,
			// At start-up, fail after a few tries, so a wrong URL or a stopped server is reported at
			// once; once connected, keep reconnecting for as long as the process runs.
			reconnectStrategy: (retries: number, cause: Error) =>
				connected ? Math.min(100 * 2 ** retries, 5_000) : retries >= 3 ? cause : 200,
		},
	});
	client.on('error', (err: unknown) => logger.error({ err }, 'redis store error'));
	await client.connect();
	connected = true;
	const adapter = new KeyvRedis(client, { throwOnErrors: true });
	const keyv = new Keyv({ store: adapter, ...KEYV_OPTIONS });
	keyv.on('error', (err: unknown) => logger.error({ err }, 'redis store error'));

	const scan = async (match: string): Promise<string[]> => {
		const found: string[] = [];
		let cursor = '0';
		do {
			const reply = await client.scan(cursor, { MATCH: match, COUNT: SCAN_COUNT });
			cursor = String(reply.cursor);
			for (const key of reply.keys) found.push(String(key));
		} while (cursor !== '0');
		return [...new Set(found)];
	};

	const postLog: PostLog = {
		async claim(guildId, localDate, owner, leaseMs): Promise<ClaimResult> {
			const key = keys.post(guildId, localDate);
			const record = encodePostRecord({ state: 'claimed', owner, leaseUntil: now() + leaseMs });
			const won = await client.set(key, record, { condition: 'NX', expiration: { type: 'PX', value: leaseMs } });
			if (won === 'OK') return 'claimed';
			const current = decodePostRecord(await client.get(key));
			return current?.state === 'done' ? 'done' : 'taken';
		},
		async complete(guildId, localDate, messageId) {
			const record = encodePostRecord({ state: 'done', messageId, at: now() });
			await client.set(keys.post(guildId, localDate), record, { expiration: { type: 'PX', value: DONE_RETENTION_MS } });
		},
		async release(guildId, localDate, owner) {
			await client.eval(RELEASE_SCRIPT, { keys: [keys.post(guildId, localDate)], arguments: [owner] });
		},
		async get(guildId, localDate) {
			return decodePostRecord(await client.get(keys.post(guildId, localDate)));
		},
		nonce: postNonce,
		async prune(beforeLocalDate) {
			const old = (await scan(`${globEscape(keys.postPrefix)}*`)).filter((key) => {
				const date = keys.postDate(key);
				return date !== undefined && date < beforeLocalDate;
			});
			return old.length === 0 ? 0 : client.del(old);
		},
	};

	return {
		keyv,
		postLog,
		listKeys: (prefix) => scan(`${globEscape(prefix)}*`),
		async close() {
			// Final: @keyv/redis would reconnect a closed client on its next use, so never use a
			// store after closing it.
			await client.close();
		},
	};
}
