import { describe, expect, test } from 'vitest';
import { parseWarTelegrams } from '../../src/importer/big-three/war-telegrams.js';
import { bigThreePeople, readRepoFile } from './helpers.js';

const FILE = 'data/sources/003_330face2689f032b.txt';
const drafts = parseWarTelegrams(readRepoFile(FILE), bigThreePeople(), FILE);

describe('GIVEN the 1942 war telegrams', () => {
	test('THEN every one of the 49 messages comes out, all by Stalin and all dated to the day in 1942', () => {
		expect(drafts).toHaveLength(49);
		expect(drafts.every((d) => d.from.join() === 'stalin')).toBe(true);
		expect(drafts.every((d) => d.precision === 'day' && d.sent?.startsWith('1942-'))).toBe(true);
		expect(drafts.filter((d) => d.to.join() === 'churchill')).toHaveLength(27);
		expect(drafts.filter((d) => d.to.join() === 'roosevelt')).toHaveLength(22);
	});

	test.each([
		// line, sent, how the date was found, recipient, classification, kind, opening words
		[5, '1942-01-08', 'sent-line', 'churchill', undefined, 'message', 'Thank you for the message and your solicitude'],
		[
			35,
			'1942-02-18',
			'sent-line',
			'roosevelt',
			undefined,
			'message',
			'This is to acknowledge receipt of yours of February 13.',
		],
		[
			63,
			'1942-03-29',
			'dateline',
			'churchill',
			'Personal and Secret',
			'message',
			'Thank you for the message which reached me through Mr Kerr',
		],
		[
			101,
			'1942-04-22',
			'closing-date',
			'churchill',
			'Personal and Secret',
			'message',
			'Thank you for the readiness you have expressed',
		],
		[118, '1942-05-06', 'closing-date', 'churchill', 'Secret', 'message', 'I have a request to you.'],
		[199, '1942-06-20', 'sent-line', 'churchill', undefined, 'message', 'I have received your message warning me'],
		[241, '1942-07-23', 'sent-line', 'churchill', undefined, 'message', 'I have received your message of July 18.'],
		[
			258,
			'1942-07-31',
			'closing-date',
			'churchill',
			'Most Secret',
			'message',
			'I have received both your messages of July 31.',
		],
		[
			312,
			'1942-08-13',
			'closing-date',
			'churchill',
			undefined,
			'memorandum',
			'As a result of the exchange of views in Moscow on August 12',
		],
		[
			353,
			'1942-10-03',
			'closing-date',
			'churchill',
			undefined,
			'message',
			'I must inform you that our position in the Stalingrad area',
		],
		[
			364,
			'1942-10-07',
			'closing-date',
			'roosevelt',
			undefined,
			'message',
			'In taking this opportunity to send you a personal message',
		],
		[
			377,
			'1942-10-13',
			'sent-line',
			'churchill',
			undefined,
			'message',
			'Your message of October 9 received. Thank you.',
		],
		[386, '1942-10-15', 'sent-line', 'roosevelt', undefined, 'message', 'Your message of October 12 to hand.'],
		[
			435,
			'1942-11-14',
			'closing-date',
			'roosevelt',
			undefined,
			'message',
			'Thank you very much for your letter, which reached me through General Hurley today.',
		],
		[
			452,
			'1942-11-14',
			'closing-date',
			'churchill',
			'Personal and Secret',
			'message',
			'Thank you for the message of November 13.',
		],
		[
			463,
			'1942-11-20',
			'sent-line',
			'churchill',
			'Personal and Secret',
			'message',
			'We have begun the offensive operations in the Stalingrad area',
		],
		[513, '1942-11-29', 'sent-line', 'churchill', undefined, 'message', 'On the occasion of your birthday'],
		[
			557,
			'1942-12-18',
			'sent-line',
			'roosevelt',
			'Personal and Secret',
			'message',
			'Thank you very much for the willingness to help us.',
		],
		[566, '1942-12-21', 'sent-line', 'churchill', 'Personal', 'message', 'Please accept my heartfelt thanks'],
	])(
		'WHEN the message at line %i is read THEN it is dated %s from its %s, to %s',
		(line, sent, basis, to, classification, kind, opening) => {
			const d = drafts.find((x) => x.source.ref === `line ${line}`);
			expect(d).toBeDefined();
			expect(d?.sent).toBe(sent);
			expect(d?.dateBasis).toBe(basis);
			expect(d?.to).toEqual([to]);
			expect(d?.classification).toBe(classification);
			expect(d?.kind).toBe(kind);
			expect(d?.body?.[0]?.startsWith(opening)).toBe(true);
		},
	);

	test.each([
		['J. V. Stalin to F. Roosevelt', 28],
		['Message for the Prime Minister, Mr Churchill, from J. V. Stalin', 199],
		['Message from Premier Stalin to Prime Minister Churchill', 241],
		['For Prime Minister Churchill from Premier Stalin', 258],
		['Reply of Premier Stalin to Message from Prime Minister Churchill', 377],
		['Reply from Premier Stalin to Message from President Roosevelt', 386],
		['From Premier Stalin to U.S. President Roosevelt', 395],
		['To President Roosevelt from Premier Stalin', 435],
		['Personal and Secret Message from Premier Stalin to the Prime Minister, Mr Churchill', 452],
		['To Mr Winston Churchill', 513],
	])('WHEN the heading is "%s" THEN it is kept as printed', (heading, line) => {
		expect(drafts.find((d) => d.source.ref === `line ${line}`)?.heading).toBe(heading);
	});

	test('THEN footnote digits glued to words become notes and leave the text', () => {
		const lendLease = drafts.find((d) => d.source.ref === 'line 35');
		expect(lendLease?.body?.[1]).toContain('under the Lend-Lease Act on the same terms');
		expect(lendLease?.notes).toEqual([
			{ marker: '5', paragraph: 1, offset: lendLease?.body?.[1]?.indexOf(' on the same terms'), text: null },
		]);
		const communique = drafts.find((d) => d.source.ref === 'line 241');
		expect(communique?.body?.[1]).toContain('Anglo-Soviet Communiqué on the adoption');
		expect(communique?.notes.map((n) => n.marker)).toEqual(['28']);
	});

	test('THEN OCR hyphenation is repaired and each repair is recorded', () => {
		const text = drafts.flatMap((d) => d.body ?? []).join('\n');
		expect(text).not.toMatch(/\p{L}- \p{L}/u);
		expect(text).toContain('Soviet-German front');
		expect(text).toContain('Major-General Sterligov');
		expect(text).toContain('inviting V. M. Molotov to Washington');
		expect(text).toContain('very useful');
		const repairs = drafts.flatMap((d) => d.corrections.map((c) => `${c.from} => ${c.to}`));
		expect(repairs).toEqual(
			expect.arrayContaining([
				'Soviet- German => Soviet-German',
				'Major- General => Major-General',
				'inviting- => inviting',
			]),
		);
	});

	test('THEN signatures, valedictions and salutations are kept apart from the body', () => {
		const hurley = drafts.find((d) => d.source.ref === 'line 435');
		expect(hurley?.salutation).toBe('My dear Mr President,');
		expect(hurley?.signature).toBe('Yours very sincerely,\nStalin');
		expect(drafts.find((d) => d.source.ref === 'line 241')?.signature).toBe('J. Stalin');
		expect(drafts.flatMap((d) => d.body ?? []).some((p) => /^(J\. )?Stalin$|^Yours/.test(p))).toBe(false);
	});

	test('THEN the site navigation at the end and the title at the top are dropped', () => {
		const text = drafts.flatMap((d) => d.body ?? []).join('\n');
		expect(text).not.toContain('Click here');
		expect(drafts[0]?.body?.[0]).toMatch(/^Thank you for the message and your solicitude/);
	});
});

describe('GIVEN a message with no date anywhere', () => {
	const text = 'Personal and Secret\n\nJ. V. Stalin to W. Churchill\n\nThank you for your message.\n\nJ. Stalin\n';
	const [draft] = parseWarTelegrams(text, bigThreePeople(), 'sample.txt');

	test('THEN it keeps an unknown date and says so rather than guess', () => {
		expect(draft).toMatchObject({
			sent: null,
			precision: 'unknown',
			dateBasis: 'none',
			classification: 'Personal and Secret',
			signature: 'J. Stalin',
		});
		expect(draft?.dateNote).toBe('The source prints no date for this message, and none is guessed.');
	});

	test('WHEN the heading names nobody known THEN the import fails naming the file, line and field', () => {
		expect(() =>
			parseWarTelegrams('Sent on May 1, 1942\n\nJ. V. Stalin to Mr Nobody\n\nText.\n', bigThreePeople(), 'sample.txt'),
		).toThrow('sample.txt:1: heading: no known person is named by "Mr Nobody"');
	});
});
