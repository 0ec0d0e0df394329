import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { peopleFileSchema, personSchema, type Letter, type Person } from '../../src/core/format.js';
import { serialiseLetters } from '../../src/importer/serialise.js';
import { importVictoria, VICTORIA_COLLECTION } from '../../src/importer/victoria/index.js';
import { isDateline, parseDateline } from '../../src/importer/victoria/dateline.js';
import { headingParts } from '../../src/importer/victoria/items.js';
import { findThirdPersonReferences } from '../../src/importer/victoria/third-person.js';
import { ROOT, readRepoFile } from './helpers.js';

const VOL1 = 'letters-vol-1';
const VOL2 = 'letters-vol-2';

function victoriaPeople(): Person[] {
	const json: unknown = JSON.parse(readRepoFile('data/collections/victoria/people.json'));
	return peopleFileSchema.parse(json).people.map((p) => personSchema.parse(p));
}

const people = victoriaPeople();
const letters = importVictoria({
	read: (file, encoding = 'utf8') => readFileSync(join(ROOT, file), encoding),
	people,
});
const held = letters.filter((l) => l.body !== null);

function at(source: string, line: number): Letter | undefined {
	return held.find((l) => l.source.id === source && l.source.ref === `line ${line}`);
}

describe('GIVEN the two volumes of The Letters of Queen Victoria', () => {
	test('THEN every headed letter and addressed memorandum is imported, with placeholders for letters named but not printed', () => {
		expect(held).toHaveLength(1184);
		expect(held.filter((l) => l.source.id === VOL1)).toHaveLength(601);
		expect(held.filter((l) => l.source.id === VOL2)).toHaveLength(583);
		expect(held.filter((l) => l.kind === 'memorandum')).toHaveLength(2);
		expect(letters.filter((l) => l.body === null)).toHaveLength(151);
	});

	test('THEN the letters divide by direction as the exchange runs', () => {
		expect(held.filter((l) => l.from.includes('victoria'))).toHaveLength(558);
		expect(held.filter((l) => l.to.includes('victoria'))).toHaveLength(561);
		expect(held.filter((l) => !l.from.includes('victoria') && !l.to.includes('victoria'))).toHaveLength(65);
		const pair = (from: string, to: string): number => held.filter((l) => l.from[0] === from && l.to[0] === to).length;
		expect([pair('victoria', 'leopold'), pair('leopold', 'victoria')]).toEqual([231, 107]);
		expect([pair('victoria', 'melbourne'), pair('melbourne', 'victoria')]).toEqual([37, 147]);
		expect([pair('victoria', 'russell'), pair('russell', 'victoria')]).toEqual([90, 74]);
		expect([pair('victoria', 'peel'), pair('peel', 'victoria')]).toEqual([27, 45]);
	});

	test('THEN every sender and recipient is a person in people.json, and everyone else there is marked as only mentioned', () => {
		const ids = new Set(people.map((p) => p.id));
		const correspondents = new Set(letters.flatMap((l) => [...l.from, ...l.to]));
		for (const id of correspondents) expect(ids.has(id)).toBe(true);
		expect(people.filter((p) => !p.mentionedOnly && !correspondents.has(p.id)).map((p) => p.id)).toEqual([]);
		expect(people.filter((p) => p.mentionedOnly && correspondents.has(p.id)).map((p) => p.id)).toEqual([]);
		expect(people.filter((p) => !p.mentionedOnly)).toHaveLength(71);
	});

	test.each([
		// source, heading line, sent, precision, from, to, salutation, opening words
		[
			VOL1,
			1892,
			'1821-05',
			'month',
			'adelaide',
			'victoria',
			'My Dear Little Heart,',
			"I hope you are well and don't forget Aunt Adelaide",
		],
		[
			VOL1,
			2056,
			'1832-05-22',
			'day',
			'leopold',
			'victoria',
			'My Dearest Love,',
			'Let me offer you my _sincerest_ and _best_ wishes',
		],
		[VOL1, 4415, '1837-06-20', 'day', 'adelaide', 'victoria', undefined, 'MY DEAREST NIECE ... I feel most grateful'],
		[
			VOL1,
			6336,
			'1838-04-05',
			'day',
			'melbourne',
			'victoria',
			undefined,
			'Lord Melbourne presents his humble duty to your Majesty, and is much distressed',
		],
		[
			VOL1,
			6359,
			'1838-04-10',
			'day',
			'victoria',
			'leopold',
			'My Dearest Uncle,',
			'I received your kind letter of the 5th on Sunday',
		],
		[
			VOL1,
			6837,
			'1838-06-18',
			'day',
			'leopold',
			'victoria',
			'My Dearest and Most Beloved Victoria,',
			'You have written me a _very dear_ and long letter',
		],
		[
			VOL1,
			11359,
			'1839-12-01',
			'day',
			'maria-ii',
			'victoria',
			'Ma bien chère Victoire,',
			'Hier ayant reçu la communication',
		],
		[
			VOL1,
			17607,
			'1841-08-31',
			'day',
			'clarendon',
			'melbourne',
			'My Dear Melbourne,',
			'You may like to know that Peel',
		],
		[VOL1, 21308, '1842-02-14', 'day', 'peel', 'victoria', undefined, 'Sir Robert Peel, with his humble duty to'],
		[VOL1, 26978, '1843-06-09', 'day', 'fremantle', 'peel', 'My Dear Sir Robert,', 'The King of Hanover took his seat'],
		[VOL2, 8808, '1848-03-03', 'day', 'louis-philippe', 'victoria', 'Madame,', 'Après avoir rendu grâces à Dieu'],
		[VOL2, 9073, '1848-04-03', 'day', 'nicholas-i', 'victoria', 'Madame ma sœur,', 'Veuillez me permettre, Madame'],
		[
			VOL2,
			11993,
			'1849-03-30',
			'day',
			'victor-emmanuel',
			'victoria',
			'Ma très chère sœur,',
			'La participation officielle',
		],
		[VOL2, 14595, '1850-08-26', 'day', 'nemours', 'victoria', 'Madame ma chère Cousine,', 'La main de Dieu vient de'],
		[VOL2, 19349, '1851-12-25', 'day', 'victoria', 'russell', undefined, 'The Queen'],
		[
			VOL2,
			23632,
			'1852-12-27',
			'day',
			'countess-of-derby',
			'lady-ely',
			'My Dearest Lady Ely,',
			'Lord Derby told me that he saw you',
		],
		[VOL2, 24584, '1853-04-20', 'day', 'nicholas-i', 'albert', 'Monseigneur,', "J'allais Vous adresser"],
		[
			VOL2,
			26074,
			'1853-12',
			'month',
			'victoria',
			'clarendon',
			undefined,
			"The Queen has received Lord Clarendon's letter of the 19th",
		],
	])(
		'WHEN reading %s at line %i THEN it is dated %s (%s), from %s to %s',
		(source, line, sent, precision, from, to, salutation, opening) => {
			const letter = at(source, line);
			expect(letter).toMatchObject({ sent, precision, from: [from], to: [to] });
			expect(letter?.salutation).toBe(salutation);
			expect(letter?.body?.[0]?.startsWith(opening)).toBe(true);
		},
	);

	test('THEN ids are built from date, sender and recipient', () => {
		expect(at(VOL1, 6359)?.id).toBe('qv-1838-04-10-victoria-to-leopold');
		expect(at(VOL1, 1892)?.id).toBe('qv-1821-05-adelaide-to-victoria');
	});
});

describe('GIVEN the shapes of dateline the edition prints', () => {
	test.each([
		[
			'place and full date',
			['BUCKINGHAM PALACE, _10th April 1838._'],
			{ place: 'Buckingham Palace', year: 1838, month: 4, day: 10, precision: 'day' },
		],
		['date only', ['_5th April 1838._'], { year: 1838, month: 4, day: 5, precision: 'day' }],
		[
			'a time after the date',
			['_20th June 1837_ (_half-past eight_ A.M.).'],
			{ year: 1837, month: 6, day: 20, precision: 'day' },
		],
		['French', ['PARIS, _le 23 Juin 1837._'], { place: 'Paris', year: 1837, month: 6, day: 23, precision: 'day' }],
		[
			'French ordinal',
			['NEWHAVEN, SUSSEX, _3ème Mars 1848._'],
			{ place: 'Newhaven, Sussex', year: 1848, month: 3, day: 3, precision: 'day' },
		],
		['old ordinal "d"', ['WINDSOR CASTLE, _23d February 1851._'], { year: 1851, month: 2, day: 23, precision: 'day' }],
		[
			'a weekday before the day',
			['CANFORD HOUSE, _Friday, 13th January 1843._'],
			{ place: 'Canford House', year: 1843, month: 1, day: 13 },
		],
		[
			'place over two lines',
			['CAMP OF BEVERLOO (in the North of the Province of Limburg), _3rd', 'August 1835._'],
			{ year: 1835, month: 8, day: 3 },
		],
	])('WHEN the dateline has %s THEN it is read', (_shape, lines, expected) => {
		expect(isDateline(lines)).toBe(true);
		expect(parseDateline(lines)).toMatchObject(expected);
	});

	test('WHEN the dateline has a day and month but no year THEN the year is left for the neighbours to supply', () => {
		const d = parseDateline(['WHITEHALL, _14th February, Monday Night._ (_Half-past_ 1 A.M.)']);
		expect(d).toMatchObject({ place: 'Whitehall', month: 2, day: 14, precision: 'day' });
		expect(d.year).toBeUndefined();
		expect(at(VOL1, 21308)?.dateNote).toBe(
			'The dateline gives no year; 1842 is taken from the letters printed around it.',
		);
	});

	test('WHEN the editors supply the day in brackets THEN the day is kept and the note says so', () => {
		expect(parseDateline(['LAEKEN, _June [18] 1838._'])).toMatchObject({
			place: 'Laeken',
			day: 18,
			precision: 'day',
			note: 'The day is in square brackets in the edition: supplied by the editors, not written in the letter.',
			markers: [],
		});
	});

	test('WHEN the whole date is in brackets THEN it is read at its precision with a note', () => {
		expect(parseDateline(['[_May 1829._]'])).toMatchObject({ year: 1829, month: 5, precision: 'month' });
		expect(parseDateline(['(_July 1843._)'])).toMatchObject({ year: 1843, month: 7, precision: 'month' });
		expect(at(VOL1, 1998)).toMatchObject({ sent: '1829-05', precision: 'month', from: ['feodora'] });
	});

	test('WHEN the edition gives a choice of two days THEN only the month is claimed', () => {
		expect(parseDateline(['(Undated--_22nd or 23rd June 1837._)'])).toMatchObject({
			year: 1837,
			month: 6,
			precision: 'month',
		});
	});

	test('WHEN a letter is undated THEN its month or year comes from its neighbours, said in the note, and it is never "day"', () => {
		expect(parseDateline(['(_Undated._)'])).toMatchObject({ precision: 'unknown' });
		expect(at(VOL1, 6431)).toMatchObject({ sent: '1838-04', precision: 'month', dateBasis: 'curated' });
		expect(at(VOL1, 6431)?.dateNote).toContain('inferred from the letters printed before and after it');
	});

	test('WHEN a state letter ends "Given at ..., the 4th day of December 1848" THEN the date is read from that close', () => {
		expect(at(VOL2, 11264)).toMatchObject({
			sent: '1848-12-04',
			precision: 'day',
			dateBasis: 'closing-date',
			place: 'Gaëta',
			from: ['pius-ix'],
		});
		expect(at(VOL2, 11543)).toMatchObject({
			sent: '1849-01',
			precision: 'month',
			dateBasis: 'closing-date',
			place: 'Windsor Castle',
			to: ['pius-ix'],
		});
		expect(at(VOL2, 11543)?.replyTo).toEqual([
			expect.objectContaining({ id: 'qv-1848-12-04-pius-ix-to-victoria', method: 'inferred' }),
		]);
	});

	test('WHEN a Russian letter gives both calendars THEN the Western (New Style) day is used', () => {
		expect(
			parseDateline([
				'                    22 Mars',
				'ST. PETERSBURG, _le ------- 1848._',
				'                    3 Avril',
			]),
		).toMatchObject({
			place: 'St. Petersburg',
			year: 1848,
			month: 4,
			day: 3,
		});
		expect(parseDateline(['              18', 'TSARSKO, _ce_ -- _Octobre_ 1853.', '              30'])).toMatchObject({
			place: 'Tsarsko',
			month: 10,
			day: 30,
		});
	});

	test('WHEN a time of day stands under the date THEN it goes into the date note, not the body', () => {
		expect(at(VOL2, 2869)?.dateNote).toBe('Under the date the letter is timed "Friday evening".');
		expect(at(VOL2, 2869)?.body?.[0]).not.toMatch(/^\(/);
	});

	test('WHEN the place stands a blank line above the date THEN both are read', () => {
		expect(at(VOL1, 27608)).toMatchObject({
			sent: '1843-09-21',
			place: 'On Board the Victoria and Albert, in the River',
		});
	});
});

describe('GIVEN the headings of the edition', () => {
	test.each([
		['_Viscount Melbourne to Queen Victoria._', 'Viscount Melbourne', 'Queen Victoria', 'letter'],
		['_Queen Victoria to the Duke of Wellington_.', 'Queen Victoria', 'the Duke of Wellington', 'letter'],
		[
			'_The Princess Hohenlohe[9] to the Princess Victoria._',
			'The Princess Hohenlohe',
			'the Princess Victoria',
			'letter',
		],
		['_Prince Leopold_[7] _to the Princess Victoria._', 'Prince Leopold', 'the Princess Victoria', 'letter'],
		[
			'_The King of Sardinia_ (_Victor Emanuel_) _to Queen Victoria._',
			'The King of Sardinia',
			'Queen Victoria',
			'letter',
		],
		['_Memorandum: Viscount Melbourne to Queen Victoria._', 'Viscount Melbourne', 'Queen Victoria', 'memorandum'],
	])('WHEN the heading reads %s THEN sender and recipient are found', (line, fromText, toText, kind) => {
		expect(headingParts(line)).toMatchObject({ fromText, toText, kind });
	});

	test.each([
		'_Memorandum by the Prince Albert._',
		"_Extract from the Queen's Journal._",
		'    _Sir Robert Peel to the Prince Albert._',
		'_case_ he should be able to come to England._',
	])('WHEN a line reads %s THEN it is not a letter heading', (line) => {
		expect(headingParts(line)).toBeUndefined();
	});

	test.each([
		// what is left out, where it is
		['memorandum by Mr Anson (no addressee)', VOL1, 14405],
		["extract from the Queen's Journal", VOL1, 4443],
		['memorandum by the Prince Albert', VOL2, 2902],
		['minute by the Governor-General of India', VOL2, 10802],
		['letter quoted inside a footnote', VOL2, 2075],
		["editors' introduction to Chapter IV", VOL1, 1882],
	])('WHEN the book prints a %s THEN it is not imported', (_what, source, line) => {
		for (let n = line - 2; n <= line + 6; n += 1) expect(at(source, n)).toBeUndefined();
	});
});

describe('GIVEN the footnotes, misprints and markup of the edition', () => {
	test('THEN footnote markers are taken out of the text and kept as notes with their text', () => {
		const letter = at(VOL1, 1911);
		expect(letter?.body?.[0]).toContain(
			'to dear Sissi a kiss in their name, and to Aunt Augusta, Aunt Mary and Aunt Sophia too',
		);
		expect(letter?.notes.map((n) => n.marker)).toEqual(['2', '3', '4', '5']);
		expect(letter?.notes[0]).toEqual({
			marker: '2',
			paragraph: 0,
			offset: letter?.body?.[0]?.indexOf(' a kiss'),
			text: "Princess Feodore, the Queen's half-sister.",
		});
		expect(letter?.body?.join(' ')).not.toMatch(/Footnote|\[\d+\]/);
	});

	test('THEN no body holds a footnote, running head or illustration', () => {
		for (const l of held) expect(l.body?.join('\n')).not.toMatch(/\[Footnote|Pageheading|\[Illustration|\[\d{1,3}\]/);
	});

	test('THEN a footnote on the heading or the dateline is kept as a note on the letter', () => {
		expect(at(VOL1, 1998)?.notes[0]).toMatchObject({ marker: '9 (heading)', paragraph: 0, offset: 0 });
		expect(at(VOL1, 1998)?.notes[0]?.text).toContain('Princess Feodore of Leiningen');
		expect(at(VOL1, 2098)?.notes[0]).toMatchObject({ marker: '10 (dateline)', paragraph: 0, offset: 0 });
		expect(at(VOL1, 2098)?.place).toBe('Laeken');
	});

	test('THEN the misprinted year 1861 is corrected to 1851 with a recorded correction', () => {
		const letter = at(VOL2, 19349);
		expect(letter?.sent).toBe('1851-12-25');
		expect(letter?.corrections).toContainEqual(expect.objectContaining({ field: 'sent', from: '1861', to: '1851' }));
	});

	test('THEN the misprinted year 1811 is corrected to 1841 with a recorded correction', () => {
		const letter = at(VOL1, 18908);
		expect(letter).toMatchObject({ sent: '1841-10-04', from: ['melbourne'] });
		expect(letter?.corrections).toContainEqual(expect.objectContaining({ field: 'sent', from: '1811', to: '1841' }));
	});

	test('THEN the misprinted name "Hohenhohe" is read as Hohenlohe with a recorded correction', () => {
		const letter = held.find((l) => l.corrections.some((c) => c.from === 'Hohenhohe'));
		expect(letter).toMatchObject({ from: ['feodora'], heading: 'The Princess Hohenlohe to Queen Victoria.' });
		expect(letter?.corrections).toContainEqual({
			field: 'heading',
			from: 'Hohenhohe',
			to: 'Hohenlohe',
			reason: expect.any(String),
		});
	});

	test("THEN the transcribers' ligature notation becomes the letter it stands for, recorded", () => {
		const letter = at(VOL2, 9073);
		expect(letter?.corrections).toContainEqual(
			expect.objectContaining({ field: 'salutation', from: 'MADAME MA S[OE]UR,', to: 'MADAME MA SŒUR,' }),
		);
		for (const l of held) expect(`${l.salutation ?? ''}${l.body?.join('') ?? ''}`).not.toMatch(/\[(?:oe|ae|OE|AE)\]/);
	});

	test('THEN signatures printed in capitals are kept apart from the body', () => {
		expect(at(VOL1, 6359)?.signature).toBe('Victoria R.');
		expect(at(VOL1, 2056)?.signature).toBe('Leopold R.');
	});
});

describe('GIVEN the calendar and the reply links', () => {
	test('THEN 355 calendar days have at least one letter dated to the day', () => {
		const days = new Set(held.filter((l) => l.precision === 'day').map((l) => l.sent?.slice(5)));
		expect(held.filter((l) => l.precision === 'day')).toHaveLength(1163);
		expect(days.size).toBe(355);
	});

	test('THEN letters with a reply link are counted by method', () => {
		const withMethod = (m: string): number => held.filter((l) => l.replyTo.some((r) => r.method === m)).length;
		expect(withMethod('inferred')).toBe(171);
		expect(withMethod('sequence')).toBe(244);
		expect(held.filter((l) => l.replyTo.length > 0)).toHaveLength(415);
	});

	test("THEN a minister's third-person acknowledgement links to the Queen's letter of that day", () => {
		expect(
			findThirdPersonReferences(
				["The Queen has received Lord John Russell's letter of yesterday."],
				'1846-07-16',
				people.find((p) => p.id === 'russell') as Person,
				people,
			),
		).toEqual([{ date: '1846-07-15', evidence: "The Queen has received Lord John Russell's letter of yesterday." }]);
		expect(
			findThirdPersonReferences(
				["Lord Melbourne has to acknowledge your Majesty's note of the 28th ult."],
				'1844-04-03',
				people.find((p) => p.id === 'victoria') as Person,
				people,
			),
		).toEqual([
			{ date: '1844-03-28', evidence: "Lord Melbourne has to acknowledge your Majesty's note of the 28th ult." },
		]);
		expect(
			findThirdPersonReferences(
				["The Queen has seen Lord Palmerston's letter of yesterday."],
				'1848-01-02',
				people.find((p) => p.id === 'russell') as Person,
				people,
			),
		).toEqual([]);
	});

	test('THEN "your kind letter of the 5th" links the Queen\'s letter to King Leopold\'s of that day', () => {
		expect(at(VOL1, 6359)?.replyTo).toContainEqual(
			expect.objectContaining({ id: 'qv-1838-04-05-leopold-to-victoria', method: 'inferred' }),
		);
	});

	test('THEN "received ... on the 29th of November" about a warning, not a letter, gives no link', () => {
		expect(letters.some((l) => l.id.startsWith('qv-recd-'))).toBe(false);
		expect(
			held.find((l) => l.id === 'qv-1851-12-23-victoria-to-leopold')?.replyTo.filter((r) => r.method === 'inferred'),
		).toEqual([]);
	});

	test('THEN "the letter which your Majesty addressed to me on the 24th of August last" names a letter the edition does not print', () => {
		expect(held.find((l) => l.id === 'qv-1852-01-04-victoria-to-frederick-vii')?.replyTo).toEqual([
			expect.objectContaining({ id: 'qv-1851-08-24-frederick-vii-to-victoria', method: 'inferred' }),
		]);
		expect(letters.find((l) => l.id === 'qv-1851-08-24-frederick-vii-to-victoria')).toMatchObject({
			body: null,
			precision: 'day',
			dateBasis: 'reference',
		});
	});

	test('THEN a sequence link says which letter it follows and how much later', () => {
		const linked = held.filter((l) => l.replyTo.some((r) => r.method === 'sequence'));
		const byId = new Map(letters.map((l) => [l.id, l]));
		for (const l of linked) {
			const link = l.replyTo.find((r) => r.method === 'sequence');
			const target = byId.get(link?.id ?? '');
			expect(target?.from).toEqual(l.to);
			expect(target?.to).toEqual(l.from);
			expect(link?.evidence).toMatch(
				/^The next letter from .+ to .+ after .+'s letter of .+, written (the same day|a day later|\d+ days later)\.$/,
			);
		}
	});

	test('THEN the committed letters.json equals a fresh import byte for byte', () => {
		expect(readRepoFile('data/collections/victoria/letters.json')).toBe(serialiseLetters(VICTORIA_COLLECTION, letters));
	});
});
