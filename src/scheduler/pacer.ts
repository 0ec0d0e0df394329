/**
 * Pacing for the daily fan-out: every Discord request the scheduler makes (a post, a thread, a
 * note to a log channel) first takes a slot here. Slots come from a token bucket refilled at
 * `ratePerSecond` with a small burst, so no one-second window ever holds more than a couple of
 * requests over that rate (Discord's global limit is 50 per
 * second per bot; we stay under it before discord.js ever sees a 429), and at most `concurrency`
 * requests are in flight, so a slow server cannot pile up sockets.
 */

/** Options for {@link createPacer}. */
export interface PacerOptions {
	/** Requests started per second, evenly spaced (default {@link DEFAULT_RATE_PER_SECOND}). */
	readonly ratePerSecond?: number;
	/**
	 * Requests that may start together after a pause (default a twentieth of the rate, at least 1):
	 * a one-second window holds at most `ratePerSecond + burst` requests (47 at the default 45).
	 */
	readonly burst?: number;
	/** Requests in flight at once (default 16). */
	readonly concurrency?: number;
	/** Monotonic clock in milliseconds (default `performance.now`). */
	readonly now?: () => number;
}

/** Below Discord's global 50 requests per second, with room for interaction follow-ups. */
export const DEFAULT_RATE_PER_SECOND = 45;

/** Runs requests at a bounded rate and concurrency. */
export interface Pacer {
	/** Wait for a slot, run `request`, and free the slot when it settles. */
	run<T>(request: () => Promise<T>): Promise<T>;
	/** Requests waiting for a slot. */
	readonly waiting: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createPacer(options: PacerOptions = {}): Pacer {
	const rate = options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND;
	const concurrency = options.concurrency ?? 16;
	if (!(rate > 0) || !(concurrency >= 1) || (options.burst !== undefined && !(options.burst >= 1)))
		throw new RangeError('pacer rate and concurrency must be positive');
	const now = options.now ?? (() => performance.now());
	const burst = options.burst ?? Math.max(1, Math.floor(rate / 20));
	let tokens = burst;
	let refilledAt = now();
	let inFlight = 0;
	let waiting = 0;
	const freed: (() => void)[] = [];
	// A token bucket, granted one caller at a time: `rate` tokens a second, at most `burst` saved
	// up, so a stalled event loop releases at most `burst` requests at once, and any one-second
	// window holds at most `rate + burst` of them.
	let grants: Promise<void> = Promise.resolve();

	async function take(): Promise<void> {
		for (;;) {
			const t = now();
			tokens = Math.min(burst, tokens + ((t - refilledAt) * rate) / 1_000);
			refilledAt = t;
			if (tokens >= 1) {
				tokens -= 1;
				return;
			}
			await sleep(((1 - tokens) * 1_000) / rate);
		}
	}

	async function slot(): Promise<void> {
		while (inFlight >= concurrency) await new Promise<void>((resolve) => freed.push(resolve));
		inFlight++;
		const granted = grants.then(take);
		grants = granted;
		await granted;
	}

	return {
		async run(request) {
			waiting++;
			try {
				await slot();
			} finally {
				waiting--;
			}
			try {
				return await request();
			} finally {
				inFlight--;
				freed.shift()?.();
			}
		},
		get waiting() {
			return waiting;
		},
	};
}
