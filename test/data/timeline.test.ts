import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { timelineEventSchema, timelineFileSchema } from '../../src/core/format.js';
import type { TimelineEvent } from '../../src/core/format.js';

const TIMELINE = new URL('../../data/timeline.json', import.meta.url);

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = /\b(?:U\.S|U\.K|St|Gen|Lt|Col|Adm|Mr|Mrs|Dr|No|vol)\./g;

function loadEvents(): TimelineEvent[] {
	const file = timelineFileSchema.parse(JSON.parse(readFileSync(TIMELINE, 'utf8')));
	return file.events.map((event) => timelineEventSchema.parse(event));
}

function monthsBetween(from: string, to: string): string[] {
	const months: string[] = [];
	let [year, month] = from.split('-').map(Number) as [number, number];
	const [lastYear, lastMonth] = to.split('-').map(Number) as [number, number];
	while (year < lastYear || (year === lastYear && month <= lastMonth)) {
		months.push(`${year}-${String(month).padStart(2, '0')}`);
		month += 1;
		if (month > 12) {
			month = 1;
			year += 1;
		}
	}
	return months;
}

describe('GIVEN data/timeline.json', () => {
	const events = loadEvents();

	test('THEN it parses with the format 1 schemas and holds at least 120 events', () => {
		expect(events.length).toBeGreaterThanOrEqual(120);
	});

	test('THEN every big-three event falls within 1939-1946', () => {
		const outside = events.filter((e) => {
			if (!e.collections.includes('big-three')) return false;
			const year = Number(e.date.slice(0, 4));
			return year < 1939 || year > 1946;
		});
		expect(outside).toEqual([]);
	});

	test('THEN the events are sorted by date', () => {
		const unsorted = events.filter((e, i) => i > 0 && e.date < (events[i - 1]?.date ?? ''));
		expect(unsorted).toEqual([]);
	});

	test('THEN each precision matches the shape of its date', () => {
		const shapes = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };
		const mismatched = events.filter((e) => !shapes[e.precision].test(e.date));
		expect(mismatched).toEqual([]);
	});

	test('THEN no two events have the same text', () => {
		const seen = new Set<string>();
		const repeated = events.filter((e) => {
			const again = seen.has(e.text);
			seen.add(e.text);
			return again;
		});
		expect(repeated).toEqual([]);
	});

	test('THEN every month from June 1941 to December 1945 has at least one event', () => {
		const covered = new Set(events.map((e) => e.date.slice(0, 7)));
		const missing = monthsBetween('1941-06', '1945-12').filter((m) => !covered.has(m));
		expect(missing).toEqual([]);
	});

	test('THEN each text is a single sentence ending with a full stop', () => {
		const bad = events.filter((e) => {
			const text = e.text.replace(ABBREVIATIONS, (abbr) => abbr.slice(0, -1));
			return !text.endsWith('.') || /\.\s+[A-Z]/.test(text.slice(0, -1));
		});
		expect(bad.map((e) => e.text)).toEqual([]);
	});

	test('THEN every event names a source and the collections it gives context to', () => {
		const bad = events.filter((e) => e.source.trim() === '' || e.collections.length === 0);
		expect(bad).toEqual([]);
	});
});
