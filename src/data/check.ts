/**
 * Validation of the whole data set, given the parsed JSON of its files. Every problem is
 * collected (none stops the check) and names the file, the letter or entry, and the field.
 */
import type { z } from 'zod';
import {
	collectionSchema,
	letterSchema,
	lettersFileSchema,
	peopleFileSchema,
	personSchema,
	timelineEventSchema,
	timelineFileSchema,
	type Collection,
	type Letter,
	type Person,
	type TimelineEvent,
} from '../core/format.js';

export interface Problem {
	file: string;
	/** The letter id, person id or timeline entry the problem is in, when it is in one. */
	item?: string;
	field: string;
	message: string;
}

export function formatProblem(p: Problem): string {
	return `${p.file}${p.item === undefined ? '' : ` [${p.item}]`} ${p.field}: ${p.message}`;
}

/** The raw JSON of one collection's three files, each with the path it was read from. */
export interface RawCollection {
	collection: { file: string; json: unknown };
	people: { file: string; json: unknown };
	letters: { file: string; json: unknown };
}

export interface RawDataSet {
	collections: RawCollection[];
	timeline?: { file: string; json: unknown };
}

export interface CheckedCollection {
	collection: Collection;
	people: Person[];
	letters: Letter[];
}

export interface CheckedDataSet {
	collections: CheckedCollection[];
	timeline: TimelineEvent[];
}

export interface CheckResult {
	problems: Problem[];
	data: CheckedDataSet;
}

function pathOf(issue: z.core.$ZodIssue): string {
	return issue.path.length === 0 ? '(file)' : issue.path.map(String).join('.');
}

/** Parse with a schema, recording its issues. `undefined` JSON is a file already reported as unreadable. */
function parseWith<T>(schema: z.ZodType<T>, json: unknown, file: string, item: string | undefined, problems: Problem[]): T | undefined {
	if (json === undefined) return undefined;
	const result = schema.safeParse(json);
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		problems.push({ file, ...(item === undefined ? {} : { item }), field: pathOf(issue), message: issue.message });
	}
	return undefined;
}

function rawId(json: unknown, index: number): string {
	if (typeof json === 'object' && json !== null && 'id' in json && typeof json.id === 'string') return json.id;
	return `#${index}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const precisionOf = (date: string): 'day' | 'month' | 'year' => (date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year');

/** Check every collection and the timeline; returns all problems and whatever parsed cleanly. */
export function checkDataSet(raw: RawDataSet): CheckResult {
	const problems: Problem[] = [];
	const collections: CheckedCollection[] = [];
	const idsSeen = new Map<string, string>();

	for (const rc of raw.collections) {
		const collection = parseWith(collectionSchema, rc.collection.json, rc.collection.file, undefined, problems);
		if (!collection) continue;
		const people = checkPeople(rc, collection, problems);
		const letters = checkLetters(rc, collection, people, idsSeen, problems);
		collections.push({ collection, people, letters });
	}

	const collectionIds = new Set(collections.map((c) => c.collection.id));
	const timeline: TimelineEvent[] = [];
	if (raw.timeline) {
		const { file, json } = raw.timeline;
		const parsed = parseWith(timelineFileSchema, json, file, undefined, problems);
		parsed?.events.forEach((ev, index) => {
			const item = `event ${index} (${typeof ev === 'object' && ev !== null && 'date' in ev ? String(ev.date) : '?'})`;
			const event = parseWith(timelineEventSchema, ev, file, item, problems);
			if (!event) return;
			if (event.date.length !== { day: 10, month: 7, year: 4 }[event.precision]) {
				problems.push({ file, item, field: 'precision', message: `"${event.precision}" does not match the date ${event.date}` });
			}
			for (const c of event.collections) {
				if (!collectionIds.has(c)) problems.push({ file, item, field: 'collections', message: `no collection "${c}"` });
			}
			timeline.push(event);
		});
	}
	return { problems, data: { collections, timeline } };
}

function checkPeople(rc: RawCollection, collection: Collection, problems: Problem[]): Person[] {
	const file = rc.people.file;
	const parsed = parseWith(peopleFileSchema, rc.people.json, file, undefined, problems);
	if (!parsed) return [];
	if (parsed.collection !== collection.id) {
		problems.push({ file, field: 'collection', message: `is "${parsed.collection}", expected "${collection.id}"` });
	}
	const people: Person[] = [];
	const seen = new Set<string>();
	parsed.people.forEach((json, index) => {
		const item = rawId(json, index);
		const person = parseWith(personSchema, json, file, item, problems);
		if (!person) return;
		if (seen.has(person.id)) problems.push({ file, item, field: 'id', message: 'duplicate person id' });
		seen.add(person.id);
		person.roles.forEach((role, r) => {
			if (role.from !== undefined && role.to !== undefined && role.to < role.from) {
				problems.push({ file, item, field: `roles.${r}`, message: `ends (${role.to}) before it starts (${role.from})` });
			}
		});
		people.push(person);
	});
	return people;
}

function checkLetters(
	rc: RawCollection,
	collection: Collection,
	people: readonly Person[],
	idsSeen: Map<string, string>,
	problems: Problem[],
): Letter[] {
	const file = rc.letters.file;
	const parsed = parseWith(lettersFileSchema, rc.letters.json, file, undefined, problems);
	if (!parsed) return [];
	if (parsed.collection !== collection.id) {
		problems.push({ file, field: 'collection', message: `is "${parsed.collection}", expected "${collection.id}"` });
	}
	const personIds = new Set(people.map((p) => p.id));
	const sourceIds = new Set(collection.sources.map((s) => s.id));
	const letters: Letter[] = [];
	parsed.letters.forEach((json, index) => {
		const item = rawId(json, index);
		const letter = parseWith(letterSchema, json, file, item, problems);
		if (!letter) return;
		const problem = (field: string, message: string): void => {
			problems.push({ file, item, field, message });
		};
		const previous = idsSeen.get(letter.id);
		if (previous !== undefined) problem('id', `duplicate letter id (also in ${previous})`);
		idsSeen.set(letter.id, file);
		if (letter.collection !== collection.id) problem('collection', `is "${letter.collection}", expected "${collection.id}"`);
		if (!letter.id.startsWith(`${collection.idPrefix}-`)) problem('id', `must start with "${collection.idPrefix}-"`);
		for (const field of ['from', 'to'] as const) {
			letter[field].forEach((p, i) => {
				if (!personIds.has(p)) problem(`${field}.${i}`, `no person "${p}" in people.json`);
			});
		}
		if (!sourceIds.has(letter.source.id)) problem('source.id', `no source "${letter.source.id}" in collection.json`);
		checkDates(letter, collection, problem);
		if (letter.excerpt && letter.body === null) problem('excerpt', 'an excerpt must have text');
		letter.notes.forEach((note, i) => {
			const paragraph = letter.body?.[note.paragraph];
			if (paragraph === undefined) problem(`notes.${i}.paragraph`, `no paragraph ${note.paragraph}`);
			else if (note.offset > paragraph.length) problem(`notes.${i}.offset`, `beyond the end of paragraph ${note.paragraph}`);
		});
		letters.push(letter);
	});

	const byId = new Map(letters.map((l) => [l.id, l]));
	for (const letter of letters) {
		const problem = (field: string, message: string): void => {
			problems.push({ file, item: letter.id, field, message });
		};
		letter.replyTo.forEach((link, i) => {
			const target = byId.get(link.id);
			if (!target) return problem(`replyTo.${i}.id`, `no letter "${link.id}" in this collection`);
			if (target.id === letter.id) return problem(`replyTo.${i}.id`, 'a letter cannot reply to itself');
			const before = target.sent ?? target.transmitted ?? target.received;
			const written = letter.continued ?? letter.sent;
			if (letter.precision === 'day' && target.precision === 'day' && before !== undefined && written !== null && written < before) {
				problem(`replyTo.${i}.id`, `replies to a letter of ${before} but was written by ${written}`);
			}
		});
		letter.related.forEach((id, i) => {
			if (!byId.has(id)) problem(`related.${i}`, `no letter "${id}" in this collection`);
		});
	}
	return letters;
}

function checkDates(letter: Letter, collection: Collection, problem: (field: string, message: string) => void): void {
	if (letter.sent === null) {
		if (letter.precision !== 'unknown') problem('precision', `is "${letter.precision}" but no sent date is given`);
	} else {
		if (letter.precision !== precisionOf(letter.sent)) problem('precision', `"${letter.precision}" does not match the date ${letter.sent}`);
		const year = letter.sent.slice(0, 4);
		if (year < collection.period.from.slice(0, 4) || year > collection.period.to.slice(0, 4)) {
			problem('sent', `${letter.sent} is outside the collection's period ${collection.period.from}-${collection.period.to}`);
		}
	}
	for (const field of ['received', 'transmitted', 'continued'] as const) {
		const value = letter[field];
		if (value !== undefined && letter.sent !== null && DAY.test(letter.sent) && value < letter.sent) {
			problem(field, `${value} is before the sent date ${letter.sent}`);
		}
	}
}
