/**
 * Pacing for the daily fan-out: every Discord request the scheduler makes (a post, a thread, a
 * note to a log channel) first takes a slot here. Slots are spaced at least `1 / ratePerSecond`
 * apart, so no one-second window ever holds more than about that many requests (Discord's global limit is 50 per
 * second per bot; we stay under it before discord.js ever sees a 429), and at most `concurrency`
 * requests are in flight, so a slow server cannot pile up sockets.
 */

/** Options for {@link createPacer}. */
export interface PacerOptions {
	/** Requests started per second, evenly spaced (default {@link DEFAULT_RATE_PER_SECOND}). */
	readonly ratePerSecond?: number;
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
	if (!(rate > 0) || !(concurrency >= 1)) throw new RangeError('pacer rate and concurrency must be positive');
	const interval = 1_000 / rate;
	const now = options.now ?? (() => performance.now());
	let last = -Infinity;
	let inFlight = 0;
	let waiting = 0;
	const freed: (() => void)[] = [];
	// Slots are granted one at a time, each at least `interval` after the previous one actually
	// was: a stalled event loop then delays requests instead of releasing a burst of them.
	let grants: Promise<void> = Promise.resolve();

	async function slot(): Promise<void> {
		while (inFlight >= concurrency) await new Promise<void>((resolve) => freed.push(resolve));
		inFlight++;
		const granted = grants.then(async () => {
			// A timer may fire a little early; wait again rather than start early.
			for (let wait = last + interval - now(); wait > 0; wait = last + interval - now()) await sleep(wait);
			last = now();
		});
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
