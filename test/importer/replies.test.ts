import { describe, expect, test } from 'vitest';
import { makeDraft } from '../../src/importer/draft.js';
import { findReplyReferences } from '../../src/importer/replies.js';
import { continuationDates } from '../../src/importer/text.js';
import { parseHeading } from '../../src/importer/headings.js';
import { importBigThree, formatDay } from '../../src/importer/big-three/index.js';
import { bigThreePeople, readRepoFile } from './helpers.js';

describe('GIVEN the reply phrases that occur in the sources', () => {
	test.each([
		// letter date, sentence, kind, date referred to, how many letters
		['1942-01-16', 'I have received your message of January 15.', 'sent', '1942-01-15', 1],
		['1942-02-18', 'This is to acknowledge receipt of yours of February 13.', 'sent', '1942-02-13', 1],
		[
			'1942-03-14',
			'Thank you very much for your message, transmitted in Kuibyshev on March 12.',
			'transmitted',
			'1942-03-12',
			1,
		],
		[
			'1942-05-12',
			'I have received your message of May 11 and thank you for the promise to take measures.',
			'sent',
			'1942-05-11',
			1,
		],
		[
			'1942-05-24',
			'I have received the message, transmitted in Kuibyshev on May 20, in which you say that thirty-five ships are en route.',
			'transmitted',
			'1942-05-20',
			1,
		],
		['1942-05-24', 'Your latest message reached me on May 24.', 'received', '1942-05-24', 1],
		['1942-07-31', 'I have received both your messages of July 31.', 'sent', '1942-07-31', 2],
		['1942-08-06', 'Your message of August 5 received.', 'sent', '1942-08-05', 1],
		['1942-08-07', 'I have received your messages dated August 5.', 'sent', '1942-08-05', 2],
		['1942-08-12', 'Your message of August 9 to hand.', 'sent', '1942-08-09', 1],
		['1942-09-08', 'I received your message on September 7.', 'received', '1942-09-07', 1],
		['1942-11-08', 'Your message reached me on November 5.', 'received', '1942-11-05', 1],
		[
			'1942-11-14',
			'Thank you very much for your letter, which reached me through General Hurley today.',
			'received',
			'1942-11-14',
			1,
		],
		['1942-11-14', 'Thank you for the message of November 13.', 'sent', '1942-11-13', 1],
		['1942-11-27', 'Thank you for your message, which I received on November 25.', 'received', '1942-11-25', 1],
		['1942-11-27', 'Thank you for your message, received on November 21.', 'received', '1942-11-21', 1],
		['1942-11-28', 'Thank you for your message which reached me on November 27.', 'received', '1942-11-27', 1],
		['1942-12-06', 'Your message of December 4 received.', 'sent', '1942-12-04', 1],
		['1943-01-03', 'Your message of December 30 received.', 'sent', '1942-12-30', 1],
		['1942-03-20', 'I received yours of the 14th March 1942 with thanks.', 'sent', '1942-03-14', 1],
	])('WHEN a letter of %s says "%s" THEN it answers a letter %s on %s', (letterDate, sentence, kind, date, count) => {
		expect(findReplyReferences([sentence], letterDate)).toEqual([{ kind, date, count, evidence: sentence }]);
	});

	test.each([
		'Thank you for the message which reached me through Mr Kerr a few days ago.',
		'Our air and naval forces will cover the supply ships in the sector of which you informed me in your message of May 9.',
		'It will be recalled that the decision was reached at the time of the visit, in the Communiqué released on June 12 last.',
	])('WHEN a sentence names no date of receipt ("%s") THEN no link is inferred', (sentence) => {
		expect(findReplyReferences([sentence], '1942-05-24')).toEqual([]);
	});
});

describe('GIVEN the whole Big Three import', () => {
	const people = bigThreePeople();
	const letters = importBigThree(readRepoFile, people);
	const byId = new Map(letters.map((l) => [l.id, l]));

	test('THEN every inferred link from the 1942 telegrams resolves to a letter in the opposite direction', () => {
		const inferred = letters.flatMap((l) => l.replyTo.filter((r) => r.method === 'inferred').map((r) => ({ l, r })));
		expect(inferred).toHaveLength(27);
		for (const { l, r } of inferred) {
			const target = byId.get(r.id);
			expect(target?.from).toEqual(l.to);
			expect(target?.to).toEqual(l.from);
		}
	});

	test('THEN a letter answered but not held becomes a placeholder that says how it is known', () => {
		const placeholder = byId.get('bt-recd-1942-11-05-churchill-to-stalin');
		expect(placeholder).toMatchObject({
			body: null,
			sent: null,
			precision: 'unknown',
			dateBasis: 'reference',
			received: '1942-11-05',
		});
		expect(placeholder?.dateNote).toBe(
			`Known from Stalin's reply of ${formatDay('1942-11-08')}, which says it was received on 5 November 1942; the day it was sent is not known.`,
		);
		expect(byId.get('bt-1942-11-08-stalin-to-churchill')?.replyTo).toEqual([
			{
				id: 'bt-recd-1942-11-05-churchill-to-stalin',
				method: 'inferred',
				evidence: 'Your message reached me on November 5.',
			},
		]);
	});

	test('THEN "both your messages of July 31" links two distinct placeholders', () => {
		expect(byId.get('bt-1942-07-31-stalin-to-churchill')?.replyTo.map((r) => r.id)).toEqual([
			'bt-1942-07-31-churchill-to-stalin',
			'bt-1942-07-31-churchill-to-stalin-2',
		]);
	});

	test('THEN curated links are recorded as curated with their reason', () => {
		expect(byId.get('bt-1942-04-20-stalin-to-roosevelt')?.replyTo).toEqual([
			expect.objectContaining({ id: 'bt-1942-04-11-roosevelt-to-stalin', method: 'curated' }),
		]);
		expect(byId.get('bt-1946-04-06-stalin-to-truman')?.replyTo).toEqual([
			expect.objectContaining({ id: 'bt-recd-1946-04-04-truman-to-stalin', method: 'curated' }),
		]);
	});

	test('THEN the import is deterministic and matches the committed letters.json byte for byte', async () => {
		const { serialiseLetters } = await import('../../src/importer/serialise.js');
		const again = importBigThree(readRepoFile, people);
		expect(serialiseLetters('big-three', again)).toBe(serialiseLetters('big-three', letters));
		expect(serialiseLetters('big-three', letters)).toBe(readRepoFile('data/collections/big-three/letters.json'));
	});
});

describe('GIVEN headings of many shapes', () => {
	test.each([
		['J. V. Stalin to W. Churchill', 'J. V. Stalin', 'W. Churchill'],
		[
			'Personal and Secret Message from Premier Stalin to the Prime Minister, Mr Churchill',
			'Premier Stalin',
			'the Prime Minister, Mr Churchill',
		],
		['Reply from Premier Stalin to Message from President Roosevelt', 'Premier Stalin', 'President Roosevelt'],
		[
			'Message for the Prime Minister, Mr Churchill, from J. V. Stalin',
			'J. V. Stalin',
			'the Prime Minister, Mr Churchill',
		],
		['For Prime Minister Churchill from Premier Stalin', 'Premier Stalin', 'Prime Minister Churchill'],
		['To Mr Winston Churchill', undefined, 'Mr Winston Churchill'],
	])('WHEN the heading is "%s" THEN the sender is %s and the recipient %s', (heading, fromText, toText) => {
		expect(parseHeading(heading)).toEqual(fromText === undefined ? { toText } : { fromText, toText });
	});

	test.each(['Personal and Secret', 'Most Secret', 'Memorandum'])(
		'WHEN the line is "%s" THEN it is no heading',
		(line) => {
			expect(parseHeading(line)).toBeUndefined();
		},
	);
});

describe('GIVEN a letter written over several days', () => {
	const body = [
		'We have at last agreed upon a plan for forming a regular army.',
		'1 October',
		'Your favors of 15th, 20th, and 23d September are now before me.',
	];

	test('WHEN a date line takes it up again THEN later references take their year from that day', () => {
		expect(continuationDates(body, '1776-09-22')).toEqual([{ index: 1, date: '1776-10-01' }]);
		expect(findReplyReferences(body, '1776-09-22').map((r) => r.date)).toEqual([
			'1776-09-15',
			'1776-09-20',
			'1776-09-23',
		]);
	});

	test('WHEN a date line falls before the last one THEN it is in the next year', () => {
		expect(
			continuationDates(['Text.', 'Monday, December 30th.', 'More.', 'January 2d.'], '1776-12-28').map((c) => c.date),
		).toEqual(['1776-12-30', '1777-01-02']);
	});

	test('THEN the draft records the last day it was taken up again on', () => {
		const draft = makeDraft({
			key: 'k',
			collection: 'adams',
			kind: 'letter',
			from: ['john-adams'],
			to: ['abigail-adams'],
			sent: '1776-09-22',
			precision: 'day',
			dateBasis: 'dateline',
			body,
			source: { id: 'familiar-letters', ref: 'line 1' },
		});
		expect(draft.continued).toBe('1776-10-01');
	});
});
