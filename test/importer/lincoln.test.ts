import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { peopleFileSchema, personSchema, type Letter, type Person } from '../../src/core/format.js';
import { LINCOLN_FILE, importLincoln, parseLincoln } from '../../src/importer/lincoln/index.js';
import { parseDateline } from '../../src/importer/lincoln/datelines.js';
import { findDespatchReference } from '../../src/importer/replies.js';
import { serialiseLetters } from '../../src/importer/serialise.js';
import { ROOT, readRepoFile } from './helpers.js';

const read = (file: string, encoding: 'utf8' | 'latin1' = 'utf8'): string => readFileSync(join(ROOT, file), encoding);

function lincolnPeople(): Person[] {
	const json: unknown = JSON.parse(readRepoFile('data/collections/lincoln/people.json'));
	return peopleFileSchema.parse(json).people.map((p) => personSchema.parse(p));
}

const people = lincolnPeople();
const letters = importLincoln({ read, people });
const held = letters.filter((l) => l.body !== null);
const atLine = (line: number): Letter[] => held.filter((l) => l.source.ref === `line ${line}`);
const one = (line: number): Letter => {
	const [letter] = atLine(line);
	if (letter === undefined) throw new Error(`no letter at line ${line}`);
	return letter;
};

describe('GIVEN the Papers and Writings of Abraham Lincoln', () => {
	test('THEN 1024 letters and telegrams are held, all but 5 from Lincoln, with placeholders for the letters they answer', () => {
		expect(held).toHaveLength(1024);
		expect(held.filter((l) => l.from.includes('lincoln'))).toHaveLength(1019);
		expect(held.filter((l) => l.to.includes('lincoln'))).toHaveLength(5);
		expect(held.filter((l) => l.kind === 'telegram')).toHaveLength(573);
		expect(held.filter((l) => l.kind === 'letter')).toHaveLength(451);
		expect(letters.filter((l) => l.body === null)).toHaveLength(167);
	});

	test.each([
		// line, sent, precision, from, to, kind, opening words
		[3088, '1833-08-10', 'day', 'lincoln', 'e-c-blankenship', 'letter', 'In regard to the time David Rankin'],
		[3205, '1836-12-13', 'day', 'lincoln', 'mary-owens', 'letter', 'I have been sick ever since my'],
		[5994, '1842-02-03', 'day', 'lincoln', 'joshua-speed', 'letter', 'Your letter of the 25th January came'],
		[7026, '1842-09-17', 'day', 'james-shields', 'lincoln', 'letter', 'I regret that my absence on public'],
		[11128, '1848-12-24', 'day', 'lincoln', 'thomas-lincoln', 'letter', 'Your letter of the 7th was received'],
		[12199, '1851-11-04', 'day', 'lincoln', 'sarah-bush-lincoln', 'letter', 'Chapman tells me he wants you to'],
		[18689, '1858-07-24', 'day', 'lincoln', 'stephen-douglas', 'letter', 'Will it be agreeable to you to'],
		[29813, '1860-10-19', 'day', 'lincoln', 'grace-bedell', 'letter', 'Your very agreeable letter of the 15th'],
		[32096, '1861-03-12', 'day', 'lincoln', 'jacob-collamer', 'letter', 'God help me. It is said I'],
		[42711, '1862-08-27', 'day', 'lincoln', 'george-mcclellan', 'telegram', 'What news from the front?'],
		[48091, '1863-04-14', 'day', 'lincoln', 'david-hunter+samuel-dupont', 'letter', 'This is intended to clear up an'],
		[50646, '1863-07-03', 'day', 'lincoln', 'robert-lincoln', 'telegram', "Don't be uneasy. Your mother very slightly"],
		[46573, '1863-01-05', 'day', 'ambrose-burnside', 'lincoln', 'letter', 'Since my return to the army I'],
		[51588, '1863-08-01', 'day', 'horatio-seymour', 'lincoln', 'telegram', 'I ask that the draft be suspended'],
		[62389, '1864-11-21', 'day', 'lincoln', 'lydia-bixby', 'letter', 'I have been shown in the files'],
		[63818, '1865-01-19', 'day', 'lincoln', 'ulysses-grant', 'letter', 'Please read and answer this letter as'],
		[
			66019,
			'1865-04-02',
			'day',
			'lincoln',
			'edwin-stanton',
			'telegram',
			'Last night General Grant telegraphed that General',
		],
	])(
		'WHEN the letter at line %i is read THEN it is dated %s (%s), from %s to %s, a %s opening "%s"',
		(line, sent, precision, from, to, kind, opening) => {
			const letter = one(line);
			expect(letter).toMatchObject({ sent, precision, from: [from], to: to.split('+'), kind });
			expect(letter.body?.[0]?.startsWith(opening)).toBe(true);
		},
	);

	test('THEN every letter cites its line in the source file and the source is the Gutenberg text', () => {
		expect(LINCOLN_FILE).toBe('data/sources/lincoln-papers-and-writings/3253.txt');
		for (const l of held)
			expect(l.source).toMatchObject({ id: 'lincoln-papers-and-writings', ref: expect.stringMatching(/^line \d+$/) });
	});
});

describe('GIVEN the datelines of many shapes', () => {
	test.each([
		[
			'EXECUTIVE MANSION, WASHINGTON, January 27, 1862.',
			'EXECUTIVE MANSION, WASHINGTON',
			{ year: 1862, month: 1, day: 27 },
		],
		['WAR DEPARTMENT, May 27,1863.', 'WAR DEPARTMENT', { year: 1863, month: 5, day: 27 }],
		['SPRINGFIELD, ILL., Jany. 19, 1845.', 'SPRINGFIELD, ILL', { year: 1845, month: 1, day: 19 }],
		['SPRINGFIELD, ILLINOIS, JULY 21, 1860', 'SPRINGFIELD, ILLINOIS', { year: 1860, month: 7, day: 21 }],
		['WASHINGTON; June 13. 1862', 'WASHINGTON', { year: 1862, month: 6, day: 13 }],
		[
			'EXECUTIVE MANSION, WASHINGTON, December, 23, 1862.',
			'EXECUTIVE MANSION, WASHINGTON',
			{ year: 1862, month: 12, day: 23 },
		],
		[
			'EXECUTIVE MANSION, WASHINGTON, May [March] 20, 1865.',
			'EXECUTIVE MANSION, WASHINGTON',
			{ year: 1865, month: 3, day: 20 },
		],
		['CITY POINT, April 1. 11.00 A.M.', 'CITY POINT', { month: 4, day: 1 }],
		['SPRINGFIELD, ILLINOIS, August, 1857', 'SPRINGFIELD, ILLINOIS', { year: 1857, month: 8 }],
	])('WHEN the dateline reads "%s" THEN the place is %s and the date %o', (text, place, date) => {
		expect(parseDateline(text)).toMatchObject({ place, date });
	});

	test('WHEN the editor supplies the place in brackets in the heading THEN the dateline is still read', () => {
		expect(one(60196)).toMatchObject({
			sent: '1864-07-17',
			precision: 'day',
			place: 'WASHINGTON',
			to: ['ulysses-grant'],
		});
	});

	test('WHEN the editor queries the day ("October 24 [25?], 1862") THEN the printed day is kept and the query noted', () => {
		expect(one(44069)).toMatchObject({
			sent: '1862-10-24',
			precision: 'day',
			dateNote: 'The edition queries the day, printing 24 with "[25?]"; the printed day is kept.',
		});
	});

	test('WHEN a telegram notes the hour it was received THEN that is a note, not text', () => {
		expect(one(65818).notes).toEqual([{ marker: 'received', paragraph: 0, offset: 0, text: '(Received 11.30 A.M.)' }]);
		expect(one(65818).body?.[0]?.startsWith('I approve your Fort Sumter programme.')).toBe(true);
	});

	test('WHEN a telegram prints its time after the date THEN the time is kept apart from the date', () => {
		expect(parseDateline('WASHINGTON CITY, August 27, 1862 4 P.M.')).toMatchObject({
			date: { year: 1862, month: 8, day: 27 },
			time: '4 P.M.',
		});
	});

	test('WHEN the editor could not read the day THEN the letter keeps month precision and says why', () => {
		expect(parseDateline('January [?], 1837')?.date).toEqual({ year: 1837, month: 1, uncertainDay: '[?]' });
		expect(one(16438)).toMatchObject({
			sent: '1857-08',
			precision: 'month',
			dateNote: 'The dateline gives only the month.',
		});
	});

	test('WHEN a telegram of a series gives day and month only THEN the year comes from its neighbours, with a note', () => {
		expect(one(66074)).toMatchObject({
			sent: '1865-04-02',
			precision: 'day',
			dateNote: 'The dateline gives no year; 1865 is the year of the letters printed around it.',
		});
	});

	test('WHEN the dateline is glued to the heading, split over two lines, or printed after the salutation THEN it is still read', () => {
		expect(one(7883)).toMatchObject({
			sent: '1843-05-18',
			place: 'SPRINGFIELD',
			heading: 'TO JOSHUA F. SPEED. SPRINGFIELD, May 18, 1843.',
		});
		expect(one(63818)).toMatchObject({ sent: '1865-01-19', place: 'EXECUTIVE MANSION, WASHINGTON' });
		expect(one(16750)).toMatchObject({ sent: '1857-12-19', place: 'BLOOMINGTON', salutation: 'DEAR DUBOIS:' });
	});

	test('WHEN no date is printed THEN the letter has the year of the letters around it and year precision', () => {
		expect(one(11709)).toMatchObject({ sent: '1849', precision: 'year', dateBasis: 'none' });
		expect(held.filter((l) => l.precision === 'day' && l.sent !== null)).toHaveLength(1018);
	});
});

describe('GIVEN the misprints in the dates', () => {
	test.each([
		[8257, 'May 7, 1866', '1846-05-07'],
		[48091, 'April 54, 1863', '1863-04-14'],
		[18689, 'July 24, 1558', '1858-07-24'],
		[36814, 'January 13, 1861', '1862-01-13'],
		[60086, 'July TO, 1864', '1864-07-10'],
		[47631, 'Match 15, 1863', '1863-03-15'],
		[60143, 'July 12, 1864', '1864-07-15'],
	])('WHEN the letter at line %i prints "%s" THEN it is dated %s with a recorded correction', (line, from, to) => {
		const letter = one(line);
		expect(letter.sent).toBe(to);
		expect(letter.corrections).toEqual([expect.objectContaining({ field: 'sent', from, to })]);
		expect(letter.dateNote).toContain(`"${from}"`);
	});
});

describe('GIVEN the text of each letter', () => {
	test('WHEN a letter opens "MY DEAR SIR:--" and closes "Yours very truly, A. LINCOLN." THEN salutation and signature are taken out of the body', () => {
		const letter = one(36814);
		expect(letter.salutation).toBe('MY DEAR SIR:');
		expect(letter.body?.[0]?.startsWith('Your despatch of yesterday is received')).toBe(true);
		expect(letter.signature).toBe('Yours very truly,\nA. LINCOLN.');
	});

	test('WHEN the editor prints a note in brackets inside a letter THEN it is kept as a note, not as text', () => {
		const letter = held.find((l) => l.id === 'al-1862-10-13-lincoln-to-george-mcclellan');
		expect(letter?.notes).toEqual([
			expect.objectContaining({ marker: 'editor', text: expect.stringMatching(/^\[And, indeed, the enemy/) }),
		]);
		expect(letter?.body?.some((p) => p.startsWith('['))).toBe(false);
	});

	test('WHEN a comment in brackets follows the signature THEN it becomes a note at the end of the last paragraph', () => {
		const letter = one(43335);
		const last = letter.body?.at(-1) ?? '';
		expect(letter.notes).toEqual([
			{
				marker: 'editor',
				paragraph: (letter.body?.length ?? 0) - 1,
				offset: last.length,
				text: '[But not very fast--and he did not catch them! D.W.]',
			},
		]);
	});

	test('WHEN a postscript follows the signature THEN it stays in the body', () => {
		expect(one(6044).body?.at(-1)).toBe('P. S.--I have been quite a man since you left.');
		expect(one(6044).signature).toBe('Yours forever, A. LINCOLN.');
	});

	test('WHEN the edition prints an indorsement or a reply after a letter THEN it is left out and the note says so', () => {
		expect(one(32096).body).toEqual(['God help me. It is said I have offended you. I hope you will tell me how.']);
		expect(one(32096).source.note).toMatch(/^The edition prints more after the letter \("March 14, 1861\. DEAR SIR/);
	});

	test('WHEN the edition prints only an extract of a letter THEN it is kept as an excerpt', () => {
		expect(one(42155)).toMatchObject({
			to: ['august-belmont'],
			sent: '1862-07-31',
			excerpt: true,
			heading: 'EXTRACT FROM LETTER TO AUGUST BELMONT.',
		});
	});

	test('WHEN a note is headed by what it is rather than to whom THEN the recipient comes from the note itself', () => {
		expect(one(66323)).toMatchObject({
			to: ['edwin-stanton'],
			sent: '1865-04-10',
			body: ['Tad wants some flags--can he be accommodated?'],
		});
		expect(one(32138)).toMatchObject({ to: ['simon-cameron'], sent: '1861-03-15', salutation: 'MY DEAR SIR:' });
	});

	test('WHEN a heading names two recipients THEN the letter goes to both', () => {
		expect(one(32735).to).toEqual(['thomas-hicks', 'george-w-brown']);
	});

	test('WHEN a heading names an office THEN the holder on that date is the recipient', () => {
		expect(one(32273).to).toEqual(['simon-cameron']);
		expect(one(11439).to).toEqual(['jacob-collamer']);
	});
});

describe('GIVEN the writings that are not letters', () => {
	const { excluded } = parseLincoln(read(LINCOLN_FILE, 'latin1'), people);
	const count = (category: string): number => excluded.filter((e) => e.category === category).length;

	test.each([
		[31599, 'FIRST INAUGURAL ADDRESS, MARCH 4, 1861', 'speech or debate'],
		[12905, 'REPLY TO SENATOR DOUGLAS--PEORIA SPEECH', 'speech or debate'],
		[46201, 'EMANCIPATION PROCLAMATION, JANUARY 1, 1863.', 'proclamation'],
		[36937, "PRESIDENT'S GENERAL WAR ORDER NO. 1", 'order or official paper'],
		[44721, 'ANNUAL MESSAGE TO CONGRESS, DECEMBER 1, 1862.', 'message to Congress or a body'],
		[39380, 'TELEGRAM FROM SECRETARY STANTON TO GOVERNOR ANDREW.', 'telegram by another hand'],
	])('WHEN the item at line %i is "%s" THEN it is left out as a %s', (line, heading, category) => {
		expect(excluded).toContainEqual({ line, category, heading });
		expect(held.some((l) => Number(l.source.ref.slice(5)) >= line && Number(l.source.ref.slice(5)) < line + 4)).toBe(
			false,
		);
	});

	test('THEN what is left out is counted by kind', () => {
		expect({
			speeches: count('speech or debate'),
			messages: count('message to Congress or a body'),
			proclamations: count('proclamation'),
			orders: count('order or official paper'),
			fragments: count('fragment, note or memorandum'),
			otherHands: count('telegram by another hand'),
			other: count('other writing'),
		}).toEqual({
			speeches: 127,
			messages: 84,
			proclamations: 50,
			orders: 106,
			fragments: 20,
			otherHands: 23,
			other: 46,
		});
	});
});

describe('GIVEN the calendar and the reply links', () => {
	test('THEN 336 calendar days have at least one letter dated to the day', () => {
		const days = new Set(held.filter((l) => l.precision === 'day').map((l) => l.sent?.slice(5)));
		expect(days.size).toBe(336);
	});

	test('THEN letters with a reply link are counted by method', () => {
		const withMethod = (m: string): number => held.filter((l) => l.replyTo.some((r) => r.method === m)).length;
		expect(withMethod('inferred')).toBe(167);
		expect(withMethod('sequence')).toBe(0);
		expect(withMethod('curated')).toBe(1);
	});

	test.each([
		['1862-01-13', 'Your despatch of yesterday is received.', '1862-01-12'],
		['1864-11-10', 'Yours of to-day received.', '1864-11-10'],
		['1861-02-04', 'Your letter of the 30th ult. inviting me is received.', '1861-01-30'],
		['1863-04-23', 'Your despatch of the 21st received.', '1863-04-21'],
		['1863-05-02', 'Your despatch of the 28th received.', '1863-04-28'],
		['1856-07-12', "Your's of the 29th of June was duly received.", '1856-06-29'],
		['1862-07-02', 'Your despatch of Tuesday morning induces me to hope your army is having some rest.', '1862-07-01'],
		['1864-06-15', 'I have just received your dispatch of 1 P.M. yesterday.', '1864-06-14'],
		['1862-05-24', 'I have just received your long despatch to us of the 21st.', '1862-05-21'],
	])('WHEN a letter of %s says "%s" THEN it answers one of %s', (letterDate, sentence, date) => {
		expect(findDespatchReference(sentence, letterDate)).toEqual({ kind: 'sent', date, count: 1, evidence: sentence });
	});

	test.each([
		['1864-07-17', 'In your dispatch of yesterday to General Sherman, I find the following.'],
		[
			'1863-09-22',
			'Your despatches to me of 9 A.M., and to General Halleck of 2 P. M., yesterday, tell us nothing later.',
		],
		['1848-01-08', 'Yours of the 8th, 10th, and 13th came.'],
	])('WHEN a letter of %s says "%s" THEN no despatch to Lincoln is read from it', (letterDate, sentence) => {
		expect(findDespatchReference(sentence, letterDate)).toBeUndefined();
	});

	test('WHEN a sentence counts the despatches ("Your three despatches of yesterday") THEN it answers that many', () => {
		expect(findDespatchReference('Your three despatches of yesterday are received.', '1862-06-26')?.count).toBe(3);
	});

	test('WHEN Lincoln answers "Yours of yesterday" from Douglas THEN the link goes to the letter the edition prints', () => {
		expect(one(18740).replyTo).toEqual([
			expect.objectContaining({ id: 'al-1858-07-30-stephen-douglas-to-lincoln', method: 'inferred' }),
		]);
	});

	test('THEN the committed letters.json equals a fresh import byte for byte', () => {
		expect(readRepoFile('data/collections/lincoln/letters.json')).toBe(serialiseLetters('lincoln', letters));
	});
});
