import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/scheduler/pacer.js';

describe('GIVEN the pacer', () => {
	it('THEN requests start evenly spaced at the rate, in order', async () => {
		const pacer = createPacer({ ratePerSecond: 200, concurrency: 50, burst: 1 });
		const starts: number[] = [];
		const t0 = performance.now();
		await Promise.all(
			Array.from({ length: 40 }, (_, i) => pacer.run(async () => void (starts[i] = performance.now() - t0))),
		);
		for (let i = 1; i < starts.length; i++) expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(4.5);
		expect(starts.at(-1)).toBeGreaterThanOrEqual(39 * 5 - 5);
	});

	it('THEN no more than `concurrency` requests are in flight, and a failure frees its slot', async () => {
		const pacer = createPacer({ ratePerSecond: 10_000, concurrency: 3 });
		let inFlight = 0;
		let peak = 0;
		const results = await Promise.allSettled(
			Array.from({ length: 20 }, (_, i) =>
				pacer.run(async () => {
					inFlight++;
					peak = Math.max(peak, inFlight);
					await new Promise((r) => setTimeout(r, 5));
					inFlight--;
					if (i % 4 === 0) throw new Error('boom');
					return i;
				}),
			),
		);
		expect(peak).toBe(3);
		expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
		expect(pacer.waiting).toBe(0);
	});

	it('THEN a rate or concurrency below one is refused', () => {
		expect(() => createPacer({ ratePerSecond: 0 })).toThrow(RangeError);
		expect(() => createPacer({ concurrency: 0 })).toThrow(RangeError);
	});
});

describe('GIVEN a stalled event loop', () => {
	it('THEN the pacer releases at most its burst at once, and keeps to the rate over any second', async () => {
		const pacer = createPacer({ ratePerSecond: 100, concurrency: 50, burst: 5 });
		const starts: number[] = [];
		const all = Promise.all(
			Array.from({ length: 150 }, () => pacer.run(async () => void starts.push(performance.now()))),
		);
		await new Promise((r) => setTimeout(r, 200));
		const until = performance.now() + 300;
		while (performance.now() < until); // a 300 ms stall
		await all;
		const within = (ms: number): number => {
			let peak = 0;
			for (let lo = 0, hi = 0; hi < starts.length; hi++) {
				while ((starts[hi] ?? 0) - (starts[lo] ?? 0) >= ms) lo++;
				peak = Math.max(peak, hi - lo + 1);
			}
			return peak;
		};
		expect(within(2)).toBeLessThanOrEqual(5);
		expect(within(1_000)).toBeLessThanOrEqual(105);
	});
});
