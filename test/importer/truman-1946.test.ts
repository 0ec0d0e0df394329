import { describe, expect, test } from 'vitest';
import { pagedParagraphs, parseTruman1946, sentenceCase } from '../../src/importer/big-three/truman-1946.js';
import { readRepoFile } from './helpers.js';

const FILE = 'data/sources/004_7f875bcfea1df796.txt';
const [telegram, report] = parseTruman1946(readRepoFile(FILE), FILE);

describe('GIVEN the Truman Papers file of April 1946', () => {
	test('THEN the capitals telegram comes out as Stalin to Truman, 6 April 1946, in sentence case', () => {
		expect(telegram).toMatchObject({
			kind: 'telegram',
			from: ['stalin'],
			to: ['truman'],
			sent: '1946-04-06',
			received: '1946-04-06',
			classification: 'Secret',
		});
		expect(telegram?.salutation).toBe('Dear Mr. President.');
		expect(telegram?.signature).toBe('Sincerely yours,\nJ. Stalin');
		expect(telegram?.body).toHaveLength(3);
		expect(telegram?.body?.[0]).toBe(
			'I had a conversation with your ambassador, General Smith, who delivered me your letter. General Smith is known to us as one of the outstanding representatives of the American Army and you need not doubt that he would be given assistance in his new activities in Moscow.',
		);
		expect(telegram?.body?.[1]).toContain('the United Nations Organization as well as undesirability of using');
		expect(telegram?.corrections.map((c) => c.to)).toEqual(['sentence case']);
	});

	test('THEN form headers, stamps and page markers are gone from both texts', () => {
		const text = [...(telegram?.body ?? []), ...(report?.body ?? [])].join('\n');
		for (const furniture of ['DECLASSIFIED', 'NARS', 'CONTINUED', 'Signal Corps', 'PAGE 2', '~~', '#1053', 'D File']) {
			expect(text).not.toContain(furniture);
		}
	});

	test('THEN the ambassador report is Smith to the Secretary of State, with catchwords dropped and split sentences joined', () => {
		expect(report).toMatchObject({
			kind: 'report',
			from: ['smith'],
			to: ['byrnes'],
			sent: '1946-04-05',
			number: '1053',
			place: 'Moscow',
			classification: 'Top Secret',
		});
		expect(report?.body).toHaveLength(21);
		const text = report?.body?.join('\n') ?? '';
		expect(text).toContain('but at the same time we are fully conscious of our own strength.');
		expect(text).toContain('He implied that this speech and many other occurrences could indicate');
		expect(text).toContain('such security, and that by so doing Soviet security');
		expect(report?.body?.some((p) => p === 'Generalissimo' || p === 'I then' || p === 'and many')).toBe(false);
		expect(report?.related).toEqual([telegram?.key]);
	});
});

describe('GIVEN page-broken text', () => {
	test('WHEN a page ends mid-sentence with a catchword THEN the catchword goes and the sentence is joined', () => {
		expect(pagedParagraphs(['It ran on and', '', '~~SECRET~~', 'PAGE 2', '', 'on', '', 'on to the end.'])).toEqual([
			'It ran on and on to the end.',
		]);
	});

	test.each([
		['I THANK YOU. THE UNITED STATES AND MOSCOW.', 'I thank you. The United States and Moscow.'],
		['DEAR MR. PRESIDENT.', 'Dear Mr. President.'],
	])('WHEN telegraphese "%s" is set in sentence case THEN it reads "%s"', (input, output) => {
		expect(sentenceCase(input)).toBe(output);
	});
});
