/**
 * A deterministic synthetic corpus for the benchmarks: the same seed and size always give the
 * same JSON, byte for byte. Its shape follows the bundled collections (several collections, a
 * few principal correspondents with many minor ones, mostly day-precise dates with some
 * month, year and unknown ones, reply chains that branch now and then, placeholders, excerpts,
 * note markers, paragraphs of the bundled corpus's length) and its text is drawn from a fixed
 * vocabulary with a Zipf distribution, so the number of distinct words grows with the corpus as
 * it does in real text. The output is the raw JSON the data loader reads, so a benchmark of it
 * exercises parsing, `checkDataSet` and indexing exactly as start-up does.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { daysInMonth } from '../src/core/format.js';
import { mulberry32, type Rng } from '../src/core/rng.js';
import type { RawDataSet } from '../src/data/check.js';

/** Bumped whenever the output changes, so cached directories of an older shape are not reused. */
export const GENERATOR_VERSION = 1;

/** The seed the benchmarks use. */
export const DEFAULT_SEED = 1942;

/** One collection's three files, as the JSON the loader parses. */
export interface SyntheticCollection {
	readonly id: string;
	readonly collection: Record<string, unknown>;
	readonly people: Record<string, unknown>;
	readonly letters: { format: 1; collection: string; letters: Record<string, unknown>[] };
}

/** A whole data directory's JSON. */
export interface SyntheticDataSet {
	readonly collections: readonly SyntheticCollection[];
	readonly timeline: { format: 1; events: Record<string, unknown>[] };
}

// Common words of letters of the period, by rough frequency; the long tail is made of syllables.
const COMMON = `the of and to in a that i it is be as his with not for you which have this by your he was my
	on at but from all me so will they are been would we our had or an has their if may shall were no one
	there what more very can this her them when some any should must than such much great time now only upon
	letter day country good war men army general people king queen majesty government friend hope
	think know receive received write written yesterday today tomorrow news affair affairs present
	public state states house lord sir madam dear most humble obedient servant regard respect
	honour pleasure duty health wife children family heart mind love affection kind kindness
	answer answered express express city town river road ship ships fleet port troops enemy
	peace treaty council parliament congress minister ministers secretary ambassador court
	field battle victory loss order orders command commander officer officers colonel captain
	letters post despatch despatches messenger courier week month year morning evening night
	weather winter summer spring autumn rain cold snow heat journey return arrived arrive
	money bill bills trade harvest corn price prices question matter matters opinion reason
	believe believed feel felt wish wished desire desired happy anxious sorry glad obliged
	interest business subject measure measures plan plans hour hours moment present absent
	power powers nation nations cause side party parties question vote votes election
	bank banks land lands church bishop school college doctor illness recovered better worse`;

const ONSETS = [
	'b',
	'br',
	'c',
	'ch',
	'cl',
	'd',
	'dr',
	'f',
	'fl',
	'g',
	'gr',
	'h',
	'j',
	'l',
	'm',
	'n',
	'p',
	'pr',
	'qu',
	'r',
	's',
	'sh',
	'st',
	't',
	'tr',
	'v',
	'w',
	'wh',
];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ee', 'io', 'ou', 'oa', 'ie'];
const CODAS = [
	'',
	'',
	'n',
	'r',
	's',
	't',
	'l',
	'nd',
	'rt',
	'st',
	'nt',
	'ck',
	'ng',
	'rd',
	'tion',
	'ment',
	'ness',
	'ly',
	'ed',
	'ing',
];

const FIRST_NAMES = `John Abigail William Mary Charles Elizabeth Thomas Anne Henry Margaret George Jane Edward Sarah
	James Catherine Robert Louisa Richard Harriet Francis Emily Frederick Charlotte Arthur Caroline
	Samuel Lucy Benjamin Martha Joseph Eliza Alexander Sophia Albert Victoria Edmund Julia`.split(/\s+/);
const SURNAMES = `Adams Ashby Barrow Bellamy Blackwood Carrington Cavendish Chandler Crawford Dalrymple Denison
	Elliot Fairfax Fenwick Gardiner Grenville Hale Harcourt Hastings Howard Jervis Kemble Lambert
	Lindsay Maitland Melville Montagu Norris Osborne Pelham Percival Russell Sackville Stanhope
	Talbot Temple Thornton Vane Villiers Waldegrave Whitcombe Wyndham Yorke`.split(/\s+/);
const TITLES = [
	'Secretary of State',
	'Ambassador',
	'Governor',
	'General',
	'Colonel',
	'Bishop',
	'Member of Parliament',
	'Minister of War',
	'Lord Chancellor',
	'Admiral',
	'Consul',
	'Senator',
	'Judge',
	'Mayor',
];
const PLACES = [
	'London',
	'Paris',
	'Boston',
	'Philadelphia',
	'Windsor',
	'Brussels',
	'Vienna',
	'Washington',
	'Moscow',
	'Berlin',
	'Edinburgh',
	'Dublin',
	'Rome',
	'Madrid',
	'Lisbon',
	'Quebec',
	'Calcutta',
	'Springfield',
	'Braintree',
	'Osborne',
];
const KINDS: readonly [string, number][] = [
	['letter', 0.71],
	['telegram', 0.17],
	['message', 0.1],
	['memorandum', 0.015],
	['report', 0.005],
];

/** The fixed vocabulary: the common words, then syllable words in a fixed order. */
function vocabulary(size: number): string[] {
	const words = [...new Set(COMMON.split(/\s+/).filter((w) => w !== ''))];
	const seen = new Set(words);
	const rng = mulberry32(7);
	while (words.length < size) {
		const syllables = 1 + Math.floor(rng() * 3);
		let word = '';
		for (let s = 0; s < syllables; s++) {
			word += pick(rng, ONSETS) + pick(rng, NUCLEI);
			if (s === syllables - 1 || rng() < 0.3) word += pick(rng, CODAS);
		}
		if (word.length >= 3 && !seen.has(word)) {
			seen.add(word);
			words.push(word);
		}
	}
	return words;
}

const VOCABULARY_SIZE = 80_000;

/** Draws word ranks with a Zipf distribution (exponent 1.05) through a precomputed table. */
function zipfTable(size: number, slots: number): Uint32Array {
	const weights = new Float64Array(size);
	let total = 0;
	for (let i = 0; i < size; i++) total += weights[i] = 1 / Math.pow(i + 1, 1.05);
	const table = new Uint32Array(slots);
	let rank = 0;
	let cumulative = (weights[0] ?? 0) / total;
	for (let s = 0; s < slots; s++) {
		const u = (s + 0.5) / slots;
		while (u > cumulative && rank < size - 1) cumulative += (weights[++rank] ?? 0) / total;
		table[s] = rank;
	}
	return table;
}

let text: { words: string[]; table: Uint32Array } | undefined;

function pick<T>(rng: Rng, items: readonly T[]): T {
	const item = items[Math.floor(rng() * items.length)];
	if (item === undefined) throw new Error('pick from an empty list');
	return item;
}

function weighted(rng: Rng, items: readonly (readonly [string, number])[]): string {
	let u = rng();
	for (const [item, weight] of items) {
		if (u < weight) return item;
		u -= weight;
	}
	return items[0]?.[0] ?? '';
}

/** A log-normal length around `median`, clipped. */
function lengthAround(rng: Rng, median: number, sigma: number, min: number, max: number): number {
	const normal = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
	return Math.max(min, Math.min(max, Math.round(median * Math.exp(sigma * normal))));
}

function capitalise(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A paragraph of sentences about `chars` long (the bundled corpus: median 280, mean 405). */
function paragraph(rng: Rng, chars: number): string {
	text ??= (() => {
		const words = vocabulary(VOCABULARY_SIZE);
		return { words, table: zipfTable(words.length, 1 << 20) };
	})();
	const { words, table } = text;
	const parts: string[] = [];
	let length = 0;
	let sentence = 0;
	while (length < chars) {
		let word = words[table[Math.floor(rng() * table.length)] ?? 0] ?? 'the';
		if (sentence === 0) word = capitalise(word);
		sentence++;
		const end = sentence > 6 && rng() < 0.12;
		if (end) sentence = 0;
		const mark = end ? '.' : rng() < 0.06 ? ',' : '';
		parts.push(word + mark);
		length += word.length + mark.length + 1;
	}
	const last = parts.length - 1;
	parts[last] = `${(parts[last] ?? '').replace(/[.,]$/, '')}.`;
	return parts.join(' ');
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** Base-26 letters for collection prefixes: 0 → `a`, 26 → `ba`. */
function letters26(n: number): string {
	let out = '';
	let v = n;
	do {
		out = String.fromCharCode(97 + (v % 26)) + out;
		v = Math.floor(v / 26) - 1;
	} while (v >= 0);
	return out;
}

interface Person {
	id: string;
	name: string;
	shortName: string;
	aliases: string[];
	description: string;
	roles: { title: string; from?: string; to?: string }[];
	mentionedOnly?: boolean;
}

interface Draft {
	id: string;
	from: string;
	to: string;
	/** Day number since the collection's first day; the date shown depends on precision. */
	day: number;
	iso: string;
	precision: 'day' | 'month' | 'year' | 'unknown';
	placeholder: boolean;
	replyTo: { id: string; method: string; evidence: string }[];
	answered: number;
}

function isoOf(year: number, dayOfYear: number): string {
	let rest = dayOfYear;
	for (let month = 1; month <= 12; month++) {
		const days = daysInMonth(year, month);
		if (rest < days) return `${year}-${pad(month)}-${pad(rest + 1)}`;
		rest -= days;
	}
	return `${year}-12-31`;
}

function generateCollection(rng: Rng, index: number, count: number): SyntheticCollection {
	const id = `synthetic-${index + 1}`;
	const prefix = `s${letters26(index)}`.padEnd(2, 'a');
	const fromYear = 1600 + Math.floor(rng() * 330);
	const span = 5 + Math.floor(rng() * 35);
	const toYear = fromYear + span;
	const sources = [
		{
			id: 'edition',
			title: `The Letters of Collection ${index + 1}`,
			credit: 'Synthetic, generated for benchmarks',
			licence: 'Public domain (synthetic)',
		},
		{
			id: 'quotations',
			title: `Essay quoting letters of collection ${index + 1} (synthetic)`,
			credit: 'Synthetic',
			licence: 'Public domain (synthetic)',
		},
	];

	// A few principals write most letters; minor correspondents write and receive a few.
	const peopleCount = Math.max(8, Math.round(count / 8));
	const people: Person[] = [];
	const usedIds = new Set<string>();
	for (let p = 0; p < peopleCount; p++) {
		const first = pick(rng, FIRST_NAMES);
		const last = pick(rng, SURNAMES);
		let pid = `${first}-${last}`.toLowerCase();
		if (usedIds.has(pid)) pid = `${pid}-${p}`;
		usedIds.add(pid);
		const roles: Person['roles'] = [];
		const roleCount = Math.floor(rng() * 3);
		let roleYear = fromYear - 5 + Math.floor(rng() * 10);
		for (let r = 0; r < roleCount; r++) {
			const end = roleYear + 1 + Math.floor(rng() * 12);
			roles.push({
				title: pick(rng, TITLES),
				from: String(roleYear),
				...(r < roleCount - 1 ? { to: String(end) } : {}),
			});
			roleYear = end;
		}
		people.push({
			id: pid,
			name: `${first} ${last}`,
			shortName: last,
			aliases: rng() < 0.3 ? [`${first.charAt(0)}. ${last}`] : [],
			description: `A correspondent of collection ${index + 1}, invented for the benchmarks.`,
			roles,
			...(p >= 4 && rng() < 0.12 ? { mentionedOnly: true } : {}),
		});
	}
	const writers = people.filter((p) => p.mentionedOnly !== true);
	const principals = writers.slice(0, Math.min(4, writers.length));

	const totalDays = (toYear - fromYear + 1) * 365;
	const days = Array.from({ length: count }, () => Math.floor(rng() * totalDays)).sort((a, b) => a - b);
	const drafts: Draft[] = [];
	const ids = new Set<string>();
	// The last letter from each writer to each recipient, to reply to.
	const lastFrom = new Map<string, Draft>();
	const recent: Draft[] = [];
	for (const day of days) {
		const principal = pick(rng, principals);
		const other = rng() < 0.6 ? pick(rng, principals) : pick(rng, writers);
		const [from, to] = rng() < 0.5 ? [principal, other] : [other, principal];
		const recipient = to === from ? (principals.find((p) => p !== from) ?? writers[0]) : to;
		if (!recipient) continue;
		const year = fromYear + Math.floor(day / 365);
		const iso = isoOf(year, day % 365);
		const u = rng();
		const precision = u < 0.95 ? 'day' : u < 0.975 ? 'month' : u < 0.9875 ? 'year' : 'unknown';
		const dateKey =
			precision === 'day'
				? iso
				: precision === 'month'
					? iso.slice(0, 7)
					: precision === 'year'
						? iso.slice(0, 4)
						: 'undated';
		const base = `${prefix}-${dateKey}-${from.id}-to-${recipient.id}`.slice(0, 56).replace(/-+$/, '');
		let letterId = base;
		for (let n = 2; ids.has(letterId); n++) letterId = `${base}-${n}`;
		ids.add(letterId);
		const draft: Draft = {
			id: letterId,
			from: from.id,
			to: recipient.id,
			day,
			iso,
			precision,
			placeholder: false,
			replyTo: [],
			answered: 0,
		};
		// About a quarter of letters answer the last letter the other way; a few answer an already
		// answered letter (a branch) or two letters at once.
		const previous = lastFrom.get(`${recipient.id}>${from.id}`);
		if (previous && rng() < 0.3) {
			draft.replyTo.push({
				id: previous.id,
				method: rng() < 0.4 ? 'sequence' : 'inferred',
				evidence:
					rng() < 0.5
						? 'the next letter the other way'
						: `"I have received your letter of the ${previous.iso.slice(8)}th"`,
			});
			previous.answered++;
		}
		const older = recent[Math.floor(rng() * recent.length)];
		if (older && older.answered > 0 && rng() < 0.02 && !draft.replyTo.some((r) => r.id === older.id)) {
			draft.replyTo.push({ id: older.id, method: 'curated', evidence: 'the editor links the two letters' });
			older.answered++;
		}
		drafts.push(draft);
		lastFrom.set(`${from.id}>${recipient.id}`, draft);
		recent.push(draft);
		if (recent.length > 50) recent.shift();
	}
	// Placeholders: letters known only because a reply mentions them (and a few others).
	for (const d of drafts) if ((d.answered > 0 && rng() < 0.3) || rng() < 0.04) d.placeholder = true;
	// A day-precise reply must not be dated before a day-precise letter it answers: keep links the
	// precision mix would make impossible out.
	const byId = new Map(drafts.map((d) => [d.id, d]));

	const letters = drafts.map((d, position) => {
		const placeholder = d.placeholder && d.replyTo.length === 0 ? true : d.placeholder && rng() < 0.5;
		const excerpt = !placeholder && rng() < 0.02;
		const paragraphs = placeholder
			? null
			: Array.from({ length: Math.max(1, Math.min(23, Math.round(lengthAround(rng, 2.2, 0.7, 1, 23)))) }, () =>
					paragraph(rng, lengthAround(rng, 280, 0.85, 20, 6000)),
				);
		if (excerpt && paragraphs) paragraphs[0] = `[...] ${paragraphs[0] ?? ''}`;
		const notes =
			paragraphs && rng() < 0.3
				? Array.from({ length: 1 + Math.floor(rng() * 3) }, (_, n) => {
						const at = Math.floor(rng() * paragraphs.length);
						return {
							marker: String(n + 1),
							paragraph: at,
							offset: Math.floor(rng() * (paragraphs[at]?.length ?? 0)),
							text: rng() < 0.8 ? paragraph(rng, 120) : null,
						};
					})
				: [];
		const sent =
			d.precision === 'day'
				? d.iso
				: d.precision === 'month'
					? d.iso.slice(0, 7)
					: d.precision === 'year'
						? d.iso.slice(0, 4)
						: null;
		const kind = weighted(rng, KINDS);
		const replyTo = d.replyTo.filter((r) => byId.has(r.id));
		return {
			id: d.id,
			collection: id,
			kind,
			...(rng() < 0.4 ? { number: String(position + 1) } : {}),
			from: [d.from],
			to: [d.to],
			sent,
			precision: d.precision,
			dateBasis: placeholder
				? 'reference'
				: d.precision === 'unknown'
					? 'none'
					: kind === 'telegram'
						? 'telegram-header'
						: 'dateline',
			...(d.precision === 'unknown' ? { dateNote: 'No date is given; the letter is placed by its contents.' } : {}),
			...(d.precision === 'day' && kind === 'telegram' && rng() < 0.1 ? { received: d.iso } : {}),
			...(rng() < 0.75 ? { place: pick(rng, PLACES) } : {}),
			...(rng() < 0.85
				? { heading: `${kind === 'telegram' ? 'Telegram' : 'Letter'} from ${d.from.replace(/-/g, ' ')}` }
				: {}),
			...(rng() < 0.3 ? { salutation: 'My dear friend,' } : {}),
			body: paragraphs,
			...(paragraphs && rng() < 0.55 ? { signature: d.from.toUpperCase().replace(/-/g, ' ') } : {}),
			...(notes.length > 0 ? { notes } : {}),
			...(excerpt ? { excerpt: true } : {}),
			...(replyTo.length > 0 ? { replyTo } : {}),
			source: { id: excerpt ? 'quotations' : 'edition', ref: `item ${position + 1}` },
			...(paragraphs && rng() < 0.02
				? { corrections: [{ field: 'body.0', from: 'teh', to: 'the', reason: 'a misprint in the edition' }] }
				: {}),
		};
	});

	return {
		id,
		collection: {
			format: 1,
			id,
			idPrefix: prefix,
			title: `Synthetic Letters, Collection ${index + 1}`,
			shortTitle: `Synthetic ${index + 1}`,
			description: 'Letters generated deterministically for the benchmarks.',
			edition: 'Generated by bench/synthetic.ts',
			period: { from: String(fromYear), to: String(toYear) },
			licence: 'Public domain (synthetic)',
			sources,
		},
		people: { format: 1, collection: id, people },
		letters: { format: 1, collection: id, letters },
	};
}

/**
 * Generate a data set of `letters` letters (placeholders included) split over several
 * collections (about 4,000 letters each, at least three), with a timeline of about one event
 * per six letters.
 *
 * @param letters - How many letters in all.
 * @param seed - The seed; the same seed and size give identical JSON.
 */
export function generateDataSet(letters: number, seed: number = DEFAULT_SEED): SyntheticDataSet {
	const rng = mulberry32(seed);
	const count = Math.max(3, Math.min(25, Math.round(letters / 4_000)));
	const collections: SyntheticCollection[] = [];
	for (let c = 0; c < count; c++) {
		const share = Math.floor(letters / count) + (c < letters % count ? 1 : 0);
		collections.push(generateCollection(rng, c, share));
	}
	const events: Record<string, unknown>[] = [];
	for (let e = 0; e < Math.round(letters / 6); e++) {
		const c = pick(rng, collections);
		const period = c.collection.period as { from: string; to: string };
		const year = Number(period.from) + Math.floor(rng() * (Number(period.to) - Number(period.from) + 1));
		const iso = isoOf(year, Math.floor(rng() * 365));
		const month = rng() < 0.1;
		events.push({
			date: month ? iso.slice(0, 7) : iso,
			precision: month ? 'month' : 'day',
			text: paragraph(rng, 100).slice(0, 200),
			source: 'Synthetic chronology',
			collections: rng() < 0.7 ? [c.id] : [],
		});
	}
	return { collections, timeline: { format: 1, events } };
}

/** The data set as the loader's raw input, for `checkDataSet` without touching the disk. */
export function rawDataSetOf(data: SyntheticDataSet): RawDataSet {
	const file = (c: SyntheticCollection, name: string): string => `data/collections/${c.id}/${name}`;
	return {
		collections: data.collections.map((c) => ({
			collection: { file: file(c, 'collection.json'), json: c.collection },
			people: { file: file(c, 'people.json'), json: c.people },
			letters: { file: file(c, 'letters.json'), json: c.letters },
		})),
		timeline: { file: 'data/timeline.json', json: data.timeline },
	};
}

/** The JSON text of each file, by path relative to the data directory. */
export function dataSetFiles(data: SyntheticDataSet): Map<string, string> {
	const files = new Map<string, string>();
	for (const c of data.collections) {
		files.set(`collections/${c.id}/collection.json`, `${JSON.stringify(c.collection, null, '\t')}\n`);
		files.set(`collections/${c.id}/people.json`, `${JSON.stringify(c.people, null, '\t')}\n`);
		files.set(`collections/${c.id}/letters.json`, `${JSON.stringify(c.letters, null, '\t')}\n`);
	}
	files.set('timeline.json', `${JSON.stringify(data.timeline, null, '\t')}\n`);
	return files;
}

/**
 * Write the data set as a data directory (`collections/<id>/…` and `timeline.json`), replacing
 * whatever `dir` held.
 *
 * @returns The bytes written.
 */
export function writeDataSet(dir: string, data: SyntheticDataSet): number {
	rmSync(dir, { recursive: true, force: true });
	let bytes = 0;
	for (const [path, json] of dataSetFiles(data)) {
		const full = join(dir, path);
		mkdirSync(join(full, '..'), { recursive: true });
		writeFileSync(full, json);
		bytes += Buffer.byteLength(json);
	}
	return bytes;
}
