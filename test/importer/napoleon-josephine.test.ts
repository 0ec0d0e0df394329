import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { peopleFileSchema, personSchema, type Letter, type Person } from '../../src/core/format.js';
import { NJ_FILE, importNapoleonJosephine, seriesYears } from '../../src/importer/napoleon-josephine/index.js';
import { parseNjDateline } from '../../src/importer/napoleon-josephine/dateline.js';
import { serialiseLetters } from '../../src/importer/serialise.js';
import { ROOT, readRepoFile } from './helpers.js';

const read = (file: string, encoding: 'utf8' | 'latin1' = 'utf8'): string => readFileSync(join(ROOT, file), encoding);

function njPeople(): Person[] {
	const json: unknown = JSON.parse(readRepoFile('data/collections/napoleon-josephine/people.json'));
	return peopleFileSchema.parse(json).people.map((p) => personSchema.parse(p));
}

const letters = importNapoleonJosephine({ read, people: njPeople() });
const held = letters.filter((l) => l.body !== null);
const byNumber = (n: string): Letter | undefined => held.find((l) => l.number === n);

describe("GIVEN Hall's edition of Napoleon's letters to Josephine", () => {
	test('THEN all 244 numbered letters come out: 242 from Napoleon and 2 from Josephine', () => {
		// SOURCE.md counts 243 because the heading of Series C No. 3 carries a footnote marker ("No. 3.[17]").
		expect(held).toHaveLength(244);
		expect(held.filter((l) => l.from.join() === 'napoleon' && l.to.join() === 'josephine')).toHaveLength(242);
		expect(
			held
				.filter((l) => l.from.join() === 'josephine')
				.map((l) => l.number)
				.sort(),
		).toEqual(['N 1', 'N 2']);
	});

	test('THEN the letters fall in the sixteen series in the numbers SOURCE.md gives, with C 3 found', () => {
		const counts = new Map<string, number>();
		for (const l of held)
			counts.set(l.number?.split(' ')[0] ?? '', (counts.get(l.number?.split(' ')[0] ?? '') ?? 0) + 1);
		expect(Object.fromEntries(counts)).toEqual({
			A: 8,
			B: 25,
			C: 4,
			D: 5,
			E: 6,
			F: 19,
			G: 87,
			H: 3,
			I: 4,
			J: 3,
			K: 14,
			L: 25,
			M: 22,
			N: 13,
			O: 4,
			P: 2,
		});
	});

	test("THEN 47 of Josephine's letters that Napoleon's answers name by date are kept as placeholders", () => {
		const placeholders = letters.filter((l) => l.body === null);
		expect(placeholders).toHaveLength(47);
		expect(
			placeholders.every(
				(l) =>
					l.from.join() === 'josephine' && l.kind === 'letter' && l.precision === 'day' && l.dateBasis === 'reference',
			),
		).toBe(true);
	});

	test.each([
		// number, line, sent, precision, from, place, opening words
		[
			'A 2',
			968,
			'1796-03-14',
			'day',
			'napoleon',
			'Chanceaux Post House',
			'I wrote you at Chatillon, and sent you a power of attorney',
		],
		[
			'A 3',
			1007,
			'1796-04-03',
			'day',
			'napoleon',
			'Port Maurice',
			'I have received all your letters, but none has affected me',
		],
		['B 1', 1521, '1796-07-06', 'day', 'napoleon', 'Roverbella', 'I have beaten the enemy.'],
		['B 15', 2050, '1796-11-19', 'day', 'napoleon', 'Verona', 'Once more I breathe freely.'],
		[
			'E 1',
			3224,
			'1804-07-21',
			'day',
			'napoleon',
			'Pont-de-Bricques',
			'During the four days that I have been away from you',
		],
		[
			'F 14',
			3856,
			'1805-12-03',
			'day',
			'napoleon',
			'Austerlitz',
			'I have despatched to you Lebrun from the field of battle.',
		],
		[
			'G 39',
			5129,
			'1807-02-09',
			'day',
			'napoleon',
			'Eylau',
			'Yesterday there was a great battle; the victory has remained with me',
		],
		[
			'I 4',
			6467,
			'1808-04-23',
			'day',
			'napoleon',
			'Bayonne',
			'A son has been born to Hortense; I am highly delighted.',
		],
		[
			'L 13',
			7448,
			'1809-07-13',
			'day',
			'napoleon',
			'In the Camp, before Znaim',
			'I send you the suspension of arms concluded yesterday',
		],
		[
			'N 1',
			8286,
			'1810-04-19',
			'day',
			'josephine',
			'Navarre',
			'I have received, by my son, the assurance that your Majesty',
		],
		[
			'N 2',
			8361,
			'1810-04',
			'month',
			'josephine',
			undefined,
			'A thousand, thousand loving thanks for not having forgotten me.',
		],
		['O 1', 8679, '1811-01-08', 'day', 'napoleon', 'Paris', "I have your New Year's letter."],
		['P 2', 8911, '1812-06-20', 'day', 'napoleon', 'Gumbinnen', 'I have your letter of June 10th.'],
	])(
		'WHEN %s (line %i) is read THEN it is dated %s (%s), from %s, at %s',
		(n, line, sent, precision, from, place, opening) => {
			const letter = byNumber(n);
			expect(letter?.source.ref).toBe(`line ${line}`);
			expect(letter?.sent).toBe(sent);
			expect(letter?.precision).toBe(precision);
			expect(letter?.from).toEqual([from]);
			expect(letter?.to).toEqual([from === 'napoleon' ? 'josephine' : 'napoleon']);
			expect(letter?.place).toBe(place);
			expect(letter?.body?.[0]?.startsWith(opening)).toBe(true);
		},
	);
});

describe('GIVEN the datelines of many shapes', () => {
	test.each([
		['Chanceaux Post House, March 14, 1796.', { place: 'Chanceaux Post House', month: 3, day: 14, year: 1796 }],
		['Port Maurice, April 3rd.', { place: 'Port Maurice', month: 4, day: 3 }],
		['Castiglione, July 21, 1796, 8 A.M.', { place: 'Castiglione', month: 7, day: 21, year: 1796 }],
		[
			'Imperial Headquarters, Ettlingen, October 2, 1805, 10 A.M.',
			{ place: 'Imperial Headquarters, Ettlingen', month: 10, day: 2, year: 1805 },
		],
		['Paris, Wednesday, Noon, 27th December 1809.', { place: 'Paris', weekday: 3, day: 27, month: 12, year: 1809 }],
		['December 1809, 8 P.M.', { month: 12, year: 1809 }],
		['Thursday, Noon, 1809.', { weekday: 4, year: 1809 }],
		['Trianon, Tuesday.', { place: 'Trianon', weekday: 2 }],
		['Paris, this Friday.', { place: 'Paris', weekday: 5 }],
		["Seven o'clock in the morning.", {}],
		['Ebersdorf May 31, 1809.', { place: 'Ebersdorf', month: 5, day: 31, year: 1809 }],
		['Paris the "27" ..., 1801.', { place: 'Paris', dayWithoutMonth: 27, year: 1801 }],
	])('WHEN the dateline is "%s" THEN it reads as %j', (line, expected) => {
		expect(parseNjDateline(line)).toEqual(expected);
	});

	test('WHEN a dateline has no year THEN the year comes from the neighbouring letters, and the note says so', () => {
		expect(byNumber('A 3')?.dateNote).toBe(
			'The dateline gives the day and month only; the year, 1796, is that of the dated letters printed either side of it (A 2 and B 1).',
		);
		expect(byNumber('K 3')).toMatchObject({ sent: '1808-11-07', precision: 'day', dateBasis: 'dateline' });
	});

	test('WHEN a dateline names only a weekday THEN the one such day between its dated neighbours fixes it, and the note says so', () => {
		expect(byNumber('G 9A')).toMatchObject({ sent: '1806-11-03', precision: 'day' });
		expect(byNumber('G 9A')?.dateNote).toContain(
			'the only Monday between the letters printed either side of it (G 9 of 2 November 1806 and G 10 of 6 November 1806) is 3 November 1806',
		);
	});

	test("WHEN Hall's notes date a letter whose dateline does not THEN his words are quoted, and a probable date fixes only the month", () => {
		expect(byNumber('M 2')).toMatchObject({ sent: '1809-12-19', precision: 'day', dateBasis: 'curated' });
		expect(byNumber('M 2')?.dateNote).toContain('"The date of this is Tuesday, December 19th."');
		expect(byNumber('C 3')).toMatchObject({ sent: '1800-05-29', precision: 'day', dateBasis: 'curated' });
		expect(byNumber('D 1')).toMatchObject({ sent: '1801-07-16', precision: 'day', dateBasis: 'curated' });
		expect(byNumber('M 5')).toMatchObject({ sent: '1809-12', precision: 'month', dateBasis: 'curated' });
		expect(byNumber('O 4')).toMatchObject({ sent: '1811-11', precision: 'month' });
	});

	test("WHEN Hall's date contradicts the weekday of the dateline THEN it is not used, and the note says why", () => {
		expect(byNumber('M 12')).toMatchObject({ sent: '1810-01-10', precision: 'day', dateBasis: 'dateline' });
		expect(byNumber('M 12')?.dateNote).toMatch(
			/^Hall's note gives "Wednesday, January 12th\.", but 12 January 1810 was a Friday/,
		);
	});

	test('WHEN nothing fixes the day THEN the letter keeps the month or year its neighbours or series share', () => {
		expect(byNumber('G 38')).toMatchObject({ sent: '1807-02', precision: 'month' });
		expect(byNumber('J 3')).toMatchObject({ sent: '1808', precision: 'year' });
		expect(byNumber('N 11')).toMatchObject({ sent: '1810', precision: 'year', dateBasis: 'curated' });
		expect(byNumber('N 11')?.dateNote).toContain('the title of Series N');
	});

	test('THEN the series titles give the years of the series that have one', () => {
		expect(Object.fromEntries(seriesYears(read(NJ_FILE, 'latin1')))).toEqual({
			A: 1796,
			C: 1800,
			E: 1804,
			F: 1805,
			N: 1810,
			O: 1811,
			P: 1812,
		});
	});
});

describe('GIVEN the text around the letters', () => {
	test('THEN footnotes become notes with their text, and markers in the dateline or the number become notes on them', () => {
		const first = byNumber('A 1');
		expect(first?.notes[0]).toEqual({
			marker: '14',
			paragraph: 0,
			offset: first?.body?.[0]?.indexOf(' but give me none'),
			text: '_Un millier de baise_ (sic).',
		});
		expect(byNumber('G 85')?.notes[0]).toEqual({
			marker: '26',
			paragraph: 0,
			offset: 0,
			text: 'On the dateline ("Tilsit, July 8, 1807."): Presumed date.',
		});
		expect(byNumber('C 3')?.notes[0]?.text).toBe(
			'On the number (C 3): The date of this letter is May 29, 1800. See Notes.',
		);
		expect(held.every((l) => l.notes.every((n) => n.text !== null))).toBe(true);
	});

	test("THEN Hall's NOTES are attached to their letter, just after the words they quote", () => {
		const ossian = byNumber('A 2');
		const note = ossian?.notes.find((n) => n.marker === 'Hall');
		expect(note?.text).toMatch(/^"_Our good Ossian\._"--The Italian translation of Ossian/);
		expect(ossian?.body?.[note?.paragraph ?? 0]?.slice(0, note?.offset)).toMatch(/what our good Ossian$/);
		expect(held.flatMap((l) => l.notes.filter((n) => n.marker === 'Hall'))).toHaveLength(270);
	});

	test("THEN chronology, Hall's remarks, the address on the cover and the asterisks stay out of the body", () => {
		const text = held.flatMap((l) => l.body ?? []).join('\n');
		expect(text).not.toMatch(
			/\[\d+\]|FOOTNOTES|\*\s+\*|EVENTS OF|Arrival at Nice and proclamation|A Madame Beauharnais|translated from St\. Amand/,
		);
		expect(byNumber('A 1')?.source.note).toBe('Addressed on the cover: A Madame Beauharnais.');
		expect(byNumber('A 2')?.source.note).toBe(
			"Hall's remark: This letter is translated from St. Amand's La Citoyenne Bonaparte, p. 3, 1892.",
		);
		expect(byNumber('G 9A')?.body).toContain('[...]');
		expect(byNumber('G 9A')?.signature).toBe('NAPOLEON.');
	});

	test.each([
		['B 11', 'My dear Josephine,', 'BONAPARTE.'],
		['E 6', 'My Dear,', 'NAPOLEON.'],
		['G 31', 'MY DEAR,', 'NAPOLEON.'],
		['N 1', 'Sire,', 'JOSEPHINE.'],
		['A 1', undefined, 'N. B.'],
	])('WHEN %s opens and closes THEN the salutation is %j and the signature %j', (n, salutation, signature) => {
		expect(byNumber(n)?.salutation).toBe(salutation);
		expect(byNumber(n)?.signature).toBe(signature);
	});

	test('THEN SOURCE.md lists no misprints, and no letter records a correction', () => {
		expect(held.flatMap((l) => l.corrections)).toEqual([]);
	});

	test.each([
		['the spurious letters of Appendix (3)', 'My first laurel, my love, must be for my country'],
		['the reputed poem of Appendix (1)', "chien d'arrêt renommé"],
		["Hall's introduction", 'Only those who knew Napoleon in the intercourse of private life'],
	])('WHEN the book prints %s THEN it is not imported', (_what, words) => {
		expect(held.some((l) => (l.body ?? []).some((p) => p.includes(words)))).toBe(false);
	});
});

describe('GIVEN the calendar and the replies', () => {
	test('THEN letters dated to the day fall on 184 distinct calendar days', () => {
		const day = held.filter((l) => l.precision === 'day');
		expect(day).toHaveLength(234);
		expect(new Set(day.map((l) => l.sent?.slice(5))).size).toBe(184);
	});

	test('THEN 46 letters are linked from their words and 2 by the edition itself', () => {
		const withMethod = (method: string): number =>
			held.filter((l) => l.replyTo.some((r) => r.method === method)).length;
		expect(withMethod('inferred')).toBe(46);
		expect(withMethod('curated')).toBe(2);
		expect(withMethod('sequence')).toBe(0);
	});

	test('THEN the one real exchange is linked as the edition prints it, without a placeholder for its slip of date', () => {
		expect(byNumber('N 1A')?.replyTo).toEqual([
			expect.objectContaining({ id: 'nj-1810-04-19-josephine-to-napoleon', method: 'curated' }),
		]);
		expect(byNumber('N 2')?.replyTo).toEqual([
			expect.objectContaining({ id: 'nj-1810-04-21-napoleon-to-josephine', method: 'curated' }),
		]);
		expect(letters.some((l) => l.sent === '1810-04-18')).toBe(false);
	});

	test('THEN "your letters of the 18th and 21st" links two placeholders of the previous month', () => {
		expect(byNumber('K 11')?.replyTo.map((r) => r.id)).toEqual([
			'nj-1808-12-18-josephine-to-napoleon',
			'nj-1808-12-21-josephine-to-napoleon',
		]);
	});

	test('THEN the import is deterministic and matches the committed letters.json byte for byte', () => {
		const again = importNapoleonJosephine({ read, people: njPeople() });
		expect(serialiseLetters('napoleon-josephine', again)).toBe(serialiseLetters('napoleon-josephine', letters));
		expect(serialiseLetters('napoleon-josephine', letters)).toBe(
			readRepoFile('data/collections/napoleon-josephine/letters.json'),
		);
	});
});
