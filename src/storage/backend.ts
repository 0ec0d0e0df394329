/**
 * What each storage backend provides to {@link openStore}: a keyv instance for settings and
 * rotation, a key scan, and a post log built on the backend's own atomic primitive.
 */
import type { Keyv } from 'keyv';

import type { PostLog } from '../core/ports.js';
import type { Logger } from '../logger.js';
import type { KeyScheme } from './keys.js';
import type { ListKeys } from './keyv-stores.js';

export interface Backend {
	readonly keyv: Keyv;
	readonly listKeys: ListKeys;
	readonly postLog: PostLog;
	close(): Promise<void>;
}

/** Settings every backend receives. */
export interface BackendOptions {
	readonly keys: KeyScheme;
	readonly logger: Logger;
	/** The wall clock for leases, in epoch milliseconds (Redis leases use the server's clock instead). */
	readonly now: () => number;
	/** SQL backends: the table (default `keyv`, keyv's own default). */
	readonly table: string;
}

/** keyv options shared by all backends: raw keys (the scheme prefixes them) and errors that throw. */
export const KEYV_OPTIONS = { namespace: undefined, useKeyPrefix: false, throwOnErrors: true } as const;

/** How long a completed post record is kept where the backend can expire keys (Redis). */
export const DONE_RETENTION_MS = 8 * 86_400_000;

/** The key just after every key that starts with `prefix`, for range scans in binary collation. */
export function prefixEnd(prefix: string): string {
	return prefix + '\u{10FFFF}';
}
