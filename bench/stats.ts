/**
 * Measuring: timed samples with warm-up, percentiles, and memory snapshots.
 */

/** Memory of this process, in bytes. `maxRss` is the peak resident set so far. */
export interface MemorySnapshot {
	readonly rss: number;
	readonly heapUsed: number;
	readonly heapTotal: number;
	readonly external: number;
	readonly arrayBuffers: number;
	readonly maxRss: number;
}

export function memorySnapshot(): MemorySnapshot {
	const m = process.memoryUsage();
	return {
		rss: m.rss,
		heapUsed: m.heapUsed,
		heapTotal: m.heapTotal,
		external: m.external,
		arrayBuffers: m.arrayBuffers,
		// resourceUsage reports kilobytes.
		maxRss: process.resourceUsage().maxRSS * 1024,
	};
}

/** The `p`-th percentile (0-100) of sorted values, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

/** A stretch of time on the machine's clock (`performance.timeOrigin + performance.now()`, ms). */
export interface Span {
	readonly start: number;
	readonly durationMs: number;
}

/** How much of `from`…`to` the spans cover (ms): the part of each span inside it, summed (the spans do not overlap). */
export function overlapMs(spans: readonly Span[], from: number, to: number): number {
	let covered = 0;
	for (const span of spans) {
		const end = span.start + span.durationMs;
		if (span.start < to && end > from) covered += Math.min(to, end) - Math.max(from, span.start);
	}
	return covered;
}

/** Median and p99 of durations in milliseconds, and how many there were. */
export interface Summary {
	readonly count: number;
	readonly medianMs: number;
	readonly p99Ms: number;
	readonly maxMs: number;
	readonly meanMs: number;
}

export function summarise(durationsMs: readonly number[]): Summary {
	const sorted = [...durationsMs].sort((a, b) => a - b);
	const total = sorted.reduce((sum, d) => sum + d, 0);
	return {
		count: sorted.length,
		medianMs: percentile(sorted, 50),
		p99Ms: percentile(sorted, 99),
		maxMs: sorted.at(-1) ?? Number.NaN,
		meanMs: sorted.length === 0 ? Number.NaN : total / sorted.length,
	};
}

/** How many times to call an operation. */
export interface SampleOptions {
	/** At most this many untimed calls first (and no longer than a fifth of `budgetMs`). */
	readonly warmup: number;
	/** At most this many timed calls… */
	readonly samples: number;
	/** …and no more once this much time has been spent timing (at least `minSamples` are taken)… */
	readonly budgetMs: number;
	readonly minSamples: number;
	/** …unless an operation is so slow that `minSamples` would take longer than this (then at least 10). */
	readonly capMs: number;
}

/**
 * Time single calls of `op(i)`, after warming it up. Each call is timed on its own with
 * `performance.now()`, so the p99 is a real per-call figure (timer overhead is well under a
 * microsecond). `i` counts calls, so the operation can cycle through its inputs.
 */
export function sample(op: (i: number) => unknown, options: SampleOptions): number[] {
	let sink = 0;
	// Warm up (JIT, caches), but spend no more than a fifth of the budget on it.
	const warming = performance.now();
	let warmed = 0;
	for (; warmed < options.warmup && performance.now() - warming < options.budgetMs / 5; warmed++) {
		if (op(warmed) !== undefined) sink++;
	}
	const durations: number[] = [];
	const started = performance.now();
	for (let i = 0; i < options.samples; i++) {
		const t = performance.now();
		const result = op(warmed + i);
		durations.push(performance.now() - t);
		if (result !== undefined) sink++;
		const spent = performance.now() - started;
		if (i + 1 >= options.minSamples && spent > options.budgetMs) break;
		if (i + 1 >= 10 && spent > options.capMs) break;
	}
	// Keep the results observable so the calls cannot be optimised away.
	if (sink < 0) process.stderr.write('');
	return durations;
}

/** Bytes as mebibytes, one decimal. */
export function mib(bytes: number): number {
	return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
