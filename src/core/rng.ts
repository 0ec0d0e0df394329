/**
 * Seeded randomness. The core never calls `Math.random`; callers pass an {@link Rng}, made from a
 * seed when the result must be reproducible. And a stable string hash, for choices that must not
 * change between runs.
 */

/** A source of numbers uniformly spread over [0, 1). */
export type Rng = () => number;

/**
 * Mulberry32: a tiny, fast 32-bit PRNG, good enough for picking letters. The same seed always
 * gives the same sequence.
 *
 * @param seed - Any integer; only its low 32 bits are used.
 */
export function mulberry32(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An index in `[0, length)` drawn from `rng`. */
export function pickIndex(rng: Rng, length: number): number {
	return Math.min(length - 1, Math.floor(rng() * length));
}

/** FNV-1a, 32-bit: a small, stable string hash (not for security). */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}
