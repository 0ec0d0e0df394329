import { describe, expect, test } from 'vitest';
import { buildCorpus } from '../../src/core/corpus.js';
import { CONTEXT_MAX_LENGTH, contextFor, roleAt, truncateAtWord } from '../../src/core/context.js';
import type { Letter } from '../../src/core/format.js';
import { fixtureCorpus, fixtureData, warPeople } from '../fixtures/corpus.js';
import { bigThreeCorpus } from '../fixtures/real-data.js';

const byId = (id: string): Letter => {
	const l = fixtureCorpus.byId.get(id);
	if (!l) throw new Error(`no fixture letter ${id}`);
	return l;
};

const STALIN = 'Stalin (head of the Soviet government)';
const CHURCHILL = 'Churchill (Prime Minister of the United Kingdom)';
const ROOSEVELT = 'Roosevelt (President of the United States)';

describe('contextFor', () => {
	test.each([
		{
			name: 'a full letter that answers a full letter, with an event that week',
			id: 'wr-1942-07-23-stalin-to-churchill',
			context: `${STALIN} to ${CHURCHILL}, 23 July 1942. Answers Churchill's message of 18 July. That week (20 July): The Arctic convoys are suspended for the summer.`,
		},
		{
			name: 'a letter answered twice',
			id: 'wr-1942-07-18-churchill-to-stalin',
			context: `${CHURCHILL} to ${STALIN}, 18 July 1942. Answered by Stalin's messages of 23 July and 26 July. That week (20 July): The Arctic convoys are suspended for the summer.`,
		},
		{
			name: 'a dated placeholder',
			id: 'wr-1942-07-10-roosevelt-to-stalin',
			context: `${ROOSEVELT} to ${STALIN}, 10 July 1942. Known only from Stalin's reply of 12 July; its text is not in the collection.`,
		},
		{
			name: 'a placeholder known only by when it was received (and an event of another collection that week)',
			id: 'wr-recd-1942-11-05-churchill-to-stalin',
			context: `${CHURCHILL} to ${STALIN}, date unknown (received 5 November 1942). Known only from Stalin's reply of 8 November; its text is not in the collection.`,
		},
		{
			name: 'the reply to a placeholder',
			id: 'wr-1942-07-12-stalin-to-roosevelt',
			context: `${STALIN} to ${ROOSEVELT}, 12 July 1942. Answers Roosevelt's message of 10 July (text not held).`,
		},
		{
			name: 'an excerpt',
			id: 'wr-1941-09-03-stalin-to-churchill',
			context: `${STALIN} to ${CHURCHILL}, 3 September 1941. Only part of this letter is known, quoted in A. Author, article on the wartime letters.`,
		},
		{
			name: 'an excerpt known only to the month, with an event of that month',
			id: 'wr-1943-06-stalin-to-roosevelt',
			context: `${STALIN} to ${ROOSEVELT}, June 1943. Only part of this letter is known, quoted in A. Author, article on the wartime letters. Answers Roosevelt's message of 4 June (text not held). That month: The Allies prepare the invasion of Sicily.`,
		},
		{
			name: 'two events equally near (the earlier wins)',
			id: 'wr-1942-03-10-stalin-to-churchill',
			context: `${STALIN} to ${CHURCHILL}, 10 March 1942. That week (8 March): An earlier event, two days before.`,
		},
		{
			name: 'a letter of another collection, with its own event and a person without roles',
			id: 'fm-1776-08-13-john-to-abigail',
			context:
				'John (Delegate to the Continental Congress) to Abigail, 13 August 1776. That week (10 August): British ships gather off Staten Island.',
		},
	])('GIVEN $name THEN the context reads as expected', ({ id, context }) => {
		expect(contextFor(fixtureCorpus, byId(id))).toBe(context);
	});

	test('GIVEN a very long timeline event THEN the context is cut at a word within the limit', () => {
		const long = 'The convoy sails through the ice and the dark, '.repeat(5).trim();
		const corpus = buildCorpus({
			...fixtureData,
			timeline: [{ date: '1942-07-24', precision: 'day', text: long.slice(0, 240), source: 'test', collections: [] }],
		});
		const letter = corpus.byId.get('wr-1942-07-23-stalin-to-churchill');
		if (!letter) throw new Error('missing');
		const context = contextFor(corpus, letter);
		expect(context.length).toBeLessThanOrEqual(CONTEXT_MAX_LENGTH);
		expect(context).toMatch(/^Stalin .* That week \(24 July\): The convoy sails .*[a-z]…$/);
	});

	test('GIVEN every letter of the real data THEN its context fits, reads as sentences and names no undefined', () => {
		const corpus = bigThreeCorpus();
		for (const letter of corpus.letters) {
			const context = contextFor(corpus, letter);
			expect(context.length, letter.id).toBeLessThanOrEqual(CONTEXT_MAX_LENGTH);
			expect(context, letter.id).toMatch(/[.…]$/);
			expect(context, letter.id).not.toMatch(/undefined|null|\s{2}/);
		}
	});

	test('GIVEN the real timeline (validated on load) THEN the memorandum of 13 August 1942 gets an event of its week', () => {
		const corpus = bigThreeCorpus();
		expect(corpus.timeline.length).toBeGreaterThan(0);
		const letter = corpus.byId.get('bt-1942-08-13-stalin-to-churchill');
		if (!letter) throw new Error('missing');
		expect(contextFor(corpus, letter)).toMatch(/ That week \((?:[6-9]|1\d|20) August\): \S/);
	});

	test("GIVEN the real placeholder of 18 July 1942 THEN it is known from Stalin's reply of 23 July", () => {
		const corpus = bigThreeCorpus();
		const letter = corpus.byId.get('bt-1942-07-18-churchill-to-stalin');
		if (!letter) throw new Error('missing');
		expect(contextFor(corpus, letter)).toMatch(
			/^Churchill \(Prime Minister of the United Kingdom\) to Stalin \(head of the Soviet government\), 18 July 1942\. Known only from Stalin's reply of 23 July; its text is not in the collection\./,
		);
	});
});

describe('roleAt', () => {
	const [stalin, churchill, roosevelt] = warPeople;
	test.each([
		{ who: stalin, date: '1940-01-01', role: 'General Secretary of the Communist Party' },
		{ who: stalin, date: '1943-06', role: 'head of the Soviet government' },
		{ who: churchill, date: '1945-07-25', role: 'Prime Minister of the United Kingdom' },
		{ who: churchill, date: '1945-07-26', role: 'Leader of the Opposition' },
		{ who: roosevelt, date: '1945-04-11', role: 'President of the United States' },
		{ who: roosevelt, date: '1946-01-01', role: undefined },
		{ who: roosevelt, date: undefined, role: undefined },
	])('GIVEN $who.shortName at $date THEN the role is $role', ({ who, date, role }) => {
		if (!who) throw new Error('missing person');
		expect(roleAt(who, date)).toBe(role);
	});
});

describe('truncateAtWord', () => {
	test.each([
		{ text: 'short enough', max: 20, out: 'short enough' },
		{ text: 'the convoy sails on Friday', max: 16, out: 'the convoy…' },
		{ text: 'the convoy, sails', max: 13, out: 'the convoy…' },
		{ text: 'unbreakableword', max: 6, out: 'unbre…' },
	])('GIVEN "$text" cut to $max THEN it reads "$out"', ({ text, max, out }) => {
		expect(truncateAtWord(text, max)).toBe(out);
	});
});
