import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { peopleFileSchema, personSchema, type Letter, type Person } from '../../src/core/format.js';
import { ADAMS_FILE, importAdams } from '../../src/importer/adams/index.js';
import { parseDateline } from '../../src/importer/adams/dateline.js';
import { findReplyReferences } from '../../src/importer/replies.js';
import { serialiseLetters } from '../../src/importer/serialise.js';
import { ROOT, readRepoFile } from './helpers.js';

const read = (file: string, encoding: 'utf8' | 'latin1' = 'utf8'): string => readFileSync(join(ROOT, file), encoding);

function adamsPeople(): Person[] {
	const json: unknown = JSON.parse(readRepoFile('data/collections/adams/people.json'));
	return peopleFileSchema.parse(json).people.map((p) => personSchema.parse(p));
}

const letters = importAdams({ read, people: adamsPeople() });
const held = letters.filter((l) => l.body !== null);
const byNumber = (n: number): Letter | undefined => held.find((l) => l.number === String(n));
const direction = (from: string, to: string): number =>
	held.filter((l) => l.from.join() === from && l.to.join() === to).length;

describe('GIVEN the Familiar Letters of John and Abigail Adams', () => {
	test('THEN all 284 numbered letters come out, in the directions SOURCE.md counts', () => {
		expect(held).toHaveLength(284);
		expect(held.map((l) => Number(l.number)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 284 }, (_, i) => i + 1),
		);
		expect(direction('john-adams', 'abigail-adams')).toBe(197);
		expect(direction('abigail-adams', 'john-adams')).toBe(83);
		expect(direction('john-adams', 'john-quincy-adams')).toBe(2);
		expect(direction('abigail-adams', 'john-quincy-adams')).toBe(2);
	});

	test('THEN 31 letters named in replies but not printed are kept as placeholders with their dates', () => {
		const placeholders = letters.filter((l) => l.body === null);
		expect(placeholders).toHaveLength(31);
		expect(placeholders.every((l) => l.kind === 'letter' && l.precision === 'day' && l.dateBasis === 'reference')).toBe(
			true,
		);
	});

	test.each([
		// number, line, sent, precision, from, to, place, opening words
		[
			1,
			1254,
			'1774-05-12',
			'day',
			'john-adams',
			'abigail-adams',
			'Boston',
			'I am extremely afflicted with the relation your father',
		],
		[12, 2215, '1774-08-15', 'day', 'abigail-adams', 'john-adams', 'Braintree', 'I know not where this will find you,'],
		[
			28,
			3222,
			'1774-10-16',
			'day',
			'abigail-adams',
			'john-adams',
			'Braintree',
			'I dare not express to you, at three hundred',
		],
		[
			46,
			4168,
			'1775-06-22',
			'day',
			'abigail-adams',
			'john-adams',
			undefined,
			'I received yours of June 10th, for which I thank you.',
		],
		[
			97,
			7929,
			'1776-04-18',
			'day',
			'john-adams',
			'john-quincy-adams',
			'Philadelphia',
			'I thank you for your agreeable letter of the 24th of March.',
		],
		[
			115,
			9225,
			'1776-07-03',
			'day',
			'john-adams',
			'abigail-adams',
			'Philadelphia',
			'Had a Declaration of Independency been made seven months ago',
		],
		[
			150,
			11066,
			'1777-01-20',
			'day',
			'john-adams',
			'abigail-adams',
			'Bethlehem, Orange County, State of New York',
			'This morning we crossed the North River',
		],
		[
			191,
			13043,
			'1777-07-27',
			'day',
			'john-adams',
			'john-quincy-adams',
			'Philadelphia',
			'If it should be the design of Providence',
		],
		[
			226,
			14838,
			'1778-02-13',
			'day',
			'john-adams',
			'abigail-adams',
			"Uncle Quincy's",
			'I had not been twenty minutes in this house',
		],
		[
			232,
			15187,
			'1778-06',
			'month',
			'abigail-adams',
			'john-quincy-adams',
			undefined,
			"'T is almost four months since you left your native land",
		],
		[
			255,
			16585,
			'1779-11-29',
			'day',
			'john-adams',
			'abigail-adams',
			'At Sea, not far from the Grand Bank of N. F. L.',
			'A brave fellow from Boston, Captain Carr',
		],
		[
			273,
			17644,
			'1781-05-28',
			'day',
			'abigail-adams',
			'john-quincy-adams',
			'Braintree',
			'I hope this letter will be more fortunate than yours',
		],
		[
			284,
			18360,
			'1783-02-18',
			'day',
			'john-adams',
			'abigail-adams',
			'Paris',
			'The peace, which sets the rest of the world at ease',
		],
	])(
		'WHEN No. %i (line %i) is read THEN it is dated %s (%s), from %s to %s, at %s',
		(n, line, sent, precision, from, to, place, opening) => {
			const letter = byNumber(n);
			expect(letter?.source).toEqual({ id: 'familiar-letters', ref: `line ${line}` });
			expect(letter?.sent).toBe(sent);
			expect(letter?.precision).toBe(precision);
			expect(letter?.from).toEqual([from]);
			expect(letter?.to).toEqual([to]);
			expect(letter?.place).toBe(place);
			expect(letter?.body?.[0]?.startsWith(opening)).toBe(true);
		},
	);
});

describe('GIVEN the datelines of many shapes', () => {
	test.each([
		['Boston, 12 May, 1774.', { place: 'Boston', day: 12, month: 5, year: 1774 }],
		['York, June 30, 1774.', { place: 'York', day: 30, month: 6, year: 1774 }],
		['Philadelphia, 23 June.', { place: 'Philadelphia', day: 23, month: 6 }],
		['Same date.', { sameDate: true }],
		['Philadelphia, February, 1776.', { place: 'Philadelphia', month: 2, year: 1776 }],
		['Fishkill, 1777.', { place: 'Fishkill', year: 1777 }],
		['Without date, 1780.', { year: 1780 }],
		[
			'Yorktown, Pennsylvania, Tuesday, 30 September, 1777.',
			{ place: 'Yorktown, Pennsylvania', day: 30, month: 9, year: 1777 },
		],
		["Philadelphia, 22 May, 4 o'clock in the morning.", { place: 'Philadelphia', day: 22, month: 5 }],
		[
			"Uncle Quincy's, half after 11 o'clock, 13 February, 1778.",
			{ place: "Uncle Quincy's", day: 13, month: 2, year: 1778 },
		],
		['Plymouth, 17 June, 1776, a remarkable day.', { place: 'Plymouth', day: 17, month: 6, year: 1776 }],
	])('WHEN the dateline is "%s" THEN it reads as %j', (line, expected) => {
		expect(parseDateline(line)).toEqual(expected);
	});

	test('WHEN a dateline says "Same date." THEN the letter takes the date of the one printed before it, and says so', () => {
		expect(byNumber(41)).toMatchObject({ sent: '1775-06-10', precision: 'day', dateBasis: 'dateline' });
		expect(byNumber(41)?.dateNote).toContain('"Same date."');
		expect(byNumber(195)?.sent).toBe(byNumber(194)?.sent);
	});

	test('WHEN a dateline has no year THEN the year comes from the neighbouring letters, and the note says so', () => {
		expect(byNumber(45)).toMatchObject({ sent: '1775-06-18', precision: 'day' });
		expect(byNumber(45)?.dateNote).toBe(
			'The dateline gives the day and month only; the year, 1775, is that of the dated letters printed either side of it (Nos. 44 and 46).',
		);
		expect(byNumber(184)).toMatchObject({ sent: '1777-05-22', place: 'Philadelphia' });
	});

	test('WHEN a dateline gives less than a day THEN the letter keeps that precision and is never dated to a day', () => {
		expect(byNumber(84)).toMatchObject({ sent: '1776-02', precision: 'month' });
		expect(byNumber(148)).toMatchObject({ sent: '1777-01', precision: 'month' });
		expect(byNumber(148)?.dateNote).toContain('Nos. 147 and 149');
		expect(byNumber(264)).toMatchObject({ sent: '1780', precision: 'year' });
		expect(byNumber(265)).toMatchObject({ sent: '1780', precision: 'year' });
	});

	test('WHEN a letter has no dateline THEN its date is fixed by hand from its words or the editor, with the reason', () => {
		expect(byNumber(31)).toMatchObject({ sent: '1775-05', precision: 'month', dateBasis: 'curated' });
		expect(byNumber(108)).toMatchObject({ sent: '1776-05-27', precision: 'day', dateBasis: 'curated' });
		expect(byNumber(237)).toMatchObject({ sent: '1778', precision: 'year', dateBasis: 'curated' });
		expect(byNumber(237)?.dateNote).toContain('September or October 1778');
	});

	test('WHEN a dateline runs over two lines THEN the place is read whole', () => {
		expect(byNumber(151)).toMatchObject({
			sent: '1777-01-24',
			place: 'Easton, at the Forks of Delaware River, in the State of Pennsylvania',
		});
	});
});

describe('GIVEN the text of the letters', () => {
	test('THEN footnotes become notes with their text, and neither markers nor notes stay in the body', () => {
		const first = byNumber(1);
		expect(first?.notes).toEqual([
			expect.objectContaining({ marker: '15', paragraph: 0, offset: first?.body?.[0]?.indexOf(' coming altogether') }),
		]);
		expect(first?.notes[0]?.text).toMatch(/^Four of the spring fleet of merchant ships/);
		const text = held.flatMap((l) => l.body ?? []).join('\n');
		expect(text).not.toMatch(/\[\d+\]|\[Footnote|FOOTNOTES:/);
		expect(held.every((l) => l.notes.every((n) => n.text !== null))).toBe(true);
	});

	test('THEN a marker in the dateline or the heading becomes a note on it', () => {
		expect(byNumber(2)?.notes[0]).toMatchObject({ marker: '16', paragraph: 0, offset: 0 });
		expect(byNumber(2)?.notes[0]?.text).toMatch(/^On the dateline \("York, 29 June, 1774\."\): In Maine/);
		expect(byNumber(191)?.notes[0]?.text).toBe('On the heading: At this time just ten years old.');
	});

	test.each([
		[1, undefined, 'I am, with great anxiety for your health,\nYour\nJOHN ADAMS.'],
		[28, 'My much loved friend,', 'ABIGAIL ADAMS.'],
		[32, undefined, 'Yours,\nPORTIA.'],
		[54, undefined, 'J. A.'],
		[273, 'My dear John,', 'Your ever affectionate\nMOTHER.'],
		[281, 'My dearest Friend,', 'Yours most tenderly,\nJ. ADAMS.'],
	])('WHEN No. %i closes THEN the salutation is %j and the signature %j', (n, salutation, signature) => {
		expect(byNumber(n)?.salutation).toBe(salutation);
		expect(byNumber(n)?.signature).toBe(signature);
	});

	test('THEN the heading keeps the words naming the writer, without the number kept in `number`', () => {
		expect(byNumber(191)).toMatchObject({ number: '191', heading: 'JOHN ADAMS TO JOHN Q. ADAMS.' });
		expect(byNumber(76)?.heading).toBe('JOHN ADAMS.');
	});

	test('THEN a postscript after the signature stays in the body', () => {
		expect(byNumber(54)?.body?.at(-2)).toMatch(/^P\. S\.--I wish I had given you a complete history/);
		expect(byNumber(226)?.body?.at(-1)).toMatch(/^P\. S\. Johnny sends his duty to his mamma/);
	});

	test('THEN SOURCE.md lists no misprints, and no silent change is made: no letter records a correction', () => {
		expect(held.flatMap((l) => l.corrections)).toEqual([]);
	});
});

describe('GIVEN what is not a numbered letter', () => {
	test.each([
		['the Memoir of Mrs. Adams', 'MEMOIR OF MRS. ADAMS'],
		["the editor's account of the first separation in the Memoir", 'It is from this period that the correspondence'],
		["John Quincy Adams's boyhood letter printed in a footnote", 'Sir,--I have been trying ever since you went away'],
		['the index', 'INDEX.'],
	])('WHEN the book has %s THEN it is not imported as a letter', (_what, words) => {
		expect(held.some((l) => (l.body ?? []).some((p) => p.includes(words)))).toBe(false);
	});
});

describe('GIVEN the eighteenth-century ways of naming the letters answered', () => {
	test.each([
		// letter date, sentence, dates of the letters it names
		['1775-06-06', 'I have received yours of 24 May, and a copy of your letter to Mr. Dilly.', ['1775-05-24']],
		['1775-07-07', 'I have received your very agreeable favors of June 22 and 25.', ['1775-06-22', '1775-06-25']],
		[
			'1775-10-13',
			'I this day received yours of the 29th of September and the 1st of October.',
			['1775-09-29', '1775-10-01'],
		],
		['1775-11-12', 'I received yours of 23d October.', ['1775-10-23']],
		[
			'1776-09-09',
			'This night our good uncle came from town and brought me yours of August 20, 21, and 25, for all of which I thank you.',
			['1776-08-20', '1776-08-21', '1776-08-25'],
		],
		[
			'1776-10-04',
			'Your favors of 15th, 20th, and 23d September are now before me.',
			['1776-09-15', '1776-09-20', '1776-09-23'],
		],
		[
			'1777-07-20',
			'Your obliging letters of the 8th, 10th, and 13th came to hand last week.',
			['1777-07-08', '1777-07-10', '1777-07-13'],
		],
		['1777-06-02', 'Yours of the 18th reached me this morning.', ['1777-05-18']],
		['1776-08-20', 'Cooper came in and brought me your favor, from the post-office, of August 16.', ['1776-08-16']],
		[
			'1780-06-17',
			'I yesterday received a letter of the 26th of April from brother Cranch, for which I thank him.',
			[],
		],
	])('WHEN a letter of %s says "%s" THEN it answers letters of %j', (letterDate, sentence, dates) => {
		expect(findReplyReferences([sentence], letterDate).map((r) => r.date)).toEqual(dates);
	});
});

describe('GIVEN the calendar and the exchange', () => {
	test('THEN letters dated to the day fall on 193 distinct calendar days', () => {
		const days = new Set(held.filter((l) => l.precision === 'day').map((l) => l.sent?.slice(5)));
		expect(held.filter((l) => l.precision === 'day')).toHaveLength(277);
		expect(days.size).toBe(193);
	});

	test('THEN 49 letters are linked from their words and 88 from the order of the exchange', () => {
		const withMethod = (method: string): number =>
			held.filter((l) => l.replyTo.some((r) => r.method === method)).length;
		expect(withMethod('inferred')).toBe(49);
		expect(withMethod('sequence')).toBe(88);
		expect(held.filter((l) => l.replyTo.length > 0)).toHaveLength(137);
	});

	test.each([
		// letter, answered, method
		[55, 'ad-1775-07-07-john-adams-to-abigail-adams', 'inferred'],
		[68, 'ad-1775-09-29-abigail-adams-to-john-adams', 'inferred'],
		[68, 'ad-1775-10-01-abigail-adams-to-john-adams', 'inferred'],
		[48, 'ad-1775-06-11-john-adams-to-abigail-adams', 'inferred'],
		[13, 'ad-1774-05-12-john-adams-to-abigail-adams', undefined],
	])('WHEN No. %i is read THEN it answers %s (%s)', (n, id, method) => {
		const link = byNumber(n)?.replyTo.find((r) => r.id === id);
		expect(link?.method).toBe(method);
	});

	test('THEN a sequence link answers the latest letter the other way, at least five days older at home', () => {
		const links = held.flatMap((l) => l.replyTo.filter((r) => r.method === 'sequence').map((r) => ({ l, r })));
		for (const { l, r } of links) {
			const target = letters.find((x) => x.id === r.id);
			expect(target?.from).toEqual(l.to);
			expect(target?.to).toEqual(l.from);
			expect((target?.sent ?? '') < (l.sent ?? '')).toBe(true);
		}
	});

	test('THEN the import is deterministic and matches the committed letters.json byte for byte', () => {
		const again = importAdams({ read, people: adamsPeople() });
		expect(serialiseLetters('adams', again)).toBe(serialiseLetters('adams', letters));
		expect(serialiseLetters('adams', letters)).toBe(readRepoFile('data/collections/adams/letters.json'));
		expect(ADAMS_FILE).toBe('data/sources/adams-familiar-letters/34123-8.txt');
	});
});
