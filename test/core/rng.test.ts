import { describe, expect, test } from 'vitest';
import { fnv1a } from '../../src/core/rng.js';

describe('fnv1a', () => {
	test('GIVEN the published FNV-1a 32-bit test vectors THEN it gives the same hashes', () => {
		expect(fnv1a('')).toBe(0x811c9dc5);
		expect(fnv1a('a')).toBe(0xe40c292c);
		expect(fnv1a('foobar')).toBe(0xbf9cf968);
	});
});
