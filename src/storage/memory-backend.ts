/**
 * `memory://` stores, for tests and the command line. `memory://` alone is a fresh, private store;
 * `memory://<name>` is shared by every store opened with the same name in this process, which is
 * how tests stand in for several bot processes sharing one database.
 *
 * The post log's claim is atomic because it reads and writes the map with no `await` in between:
 * JavaScript runs it to completion before any other claim in the process.
 */
import { Keyv } from 'keyv';

import type { ClaimResult, PostLog, PostRecord } from '../core/ports.js';
import { KEYV_OPTIONS, type Backend, type BackendOptions } from './backend.js';
import { postNonce } from './keys.js';

interface MemoryData {
	readonly kv: Map<string, unknown>;
	readonly posts: Map<string, PostRecord>;
}

const named = new Map<string, MemoryData>();

export function openMemoryBackend(url: string, options: BackendOptions): Backend {
	const name = url.replace(/^memory:(\/\/)?/, '');
	let data = name === '' ? undefined : named.get(name);
	if (data === undefined) {
		data = { kv: new Map(), posts: new Map() };
		if (name !== '') named.set(name, data);
	}
	const { kv, posts } = data;
	const { keys, now } = options;
	const keyv = new Keyv({ store: kv, ...KEYV_OPTIONS });

	const postLog: PostLog = {
		async claim(guildId, localDate, owner, leaseMs): Promise<ClaimResult> {
			const key = keys.post(guildId, localDate);
			const current = posts.get(key);
			if (current?.state === 'done') return 'done';
			if (current?.state === 'claimed' && current.leaseUntil > now()) return 'taken';
			posts.set(key, { state: 'claimed', owner, leaseUntil: now() + leaseMs });
			return 'claimed';
		},
		async complete(guildId, localDate, messageId) {
			posts.set(keys.post(guildId, localDate), { state: 'done', messageId, at: now() });
		},
		async release(guildId, localDate, owner) {
			const key = keys.post(guildId, localDate);
			const current = posts.get(key);
			if (current?.state === 'claimed' && current.owner === owner) posts.delete(key);
		},
		async get(guildId, localDate) {
			return posts.get(keys.post(guildId, localDate));
		},
		nonce: postNonce,
		async prune(beforeLocalDate) {
			let count = 0;
			for (const key of [...posts.keys()]) {
				const date = keys.postDate(key);
				if (date !== undefined && date < beforeLocalDate) {
					posts.delete(key);
					count++;
				}
			}
			return count;
		},
	};

	return {
		keyv,
		postLog,
		async listKeys(prefix) {
			return [...kv.keys()].filter((key) => key.startsWith(prefix));
		},
		async close() {},
	};
}
