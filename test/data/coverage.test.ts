import { describe, expect, test } from 'vitest';
import { loadDataSet } from '../../src/data/load.js';

describe('GIVEN every collection together', () => {
	const { collections } = loadDataSet();
	const days = new Set(
		collections
			.flatMap((c) => c.letters)
			.filter((l) => l.precision === 'day' && l.sent !== null && l.body !== null)
			.map((l) => l.sent?.slice(5) ?? ''),
	);

	test('THEN every one of the 366 calendar days has a letter, fully dated and with text, to post (the issue asks for at least 360)', () => {
		const missing: string[] = [];
		for (let month = 1; month <= 12; month += 1) {
			const length = new Date(Date.UTC(2024, month, 0)).getUTCDate();
			for (let day = 1; day <= length; day += 1) {
				const key = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
				if (!days.has(key)) missing.push(key);
			}
		}
		expect(missing).toEqual([]);
		expect(days.size).toBe(366);
	});

	test('THEN the five collections are all there', () => {
		expect(collections.map((c) => c.collection.id).sort()).toEqual(
			expect.arrayContaining(['adams', 'big-three', 'lincoln', 'napoleon-josephine', 'victoria']),
		);
	});
});
