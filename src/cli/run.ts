/**
 * The command line: parses arguments with commander, loads the data, asks the core and prints.
 * An adapter: the clock, the environment and the file system are read here, never in the core.
 */
import { randomInt } from 'node:crypto';
import { Command, CommanderError, Option } from 'commander';
import { findCollection, letterInCollection } from '../core/collections.js';
import { buildCorpus, type Corpus } from '../core/corpus.js';
import { calendarDayAt, isValidZone, parseDayQuery, type DayQuery } from '../core/dates.js';
import { exchangeFor, randomExchange } from '../core/exchange.js';
import type { Letter } from '../core/format.js';
import { onThisDay } from '../core/on-this-day.js';
import type { Failure } from '../core/result.js';
import { mulberry32 } from '../core/rng.js';
import { buildSearch, searchLetters } from '../core/search.js';
import { threadFor } from '../core/thread.js';
import { collectionViews, letterView, type LetterView } from '../core/views.js';
import { DataError, DEFAULT_DATA_DIR, loadDataSet } from '../data/load.js';
import {
	renderCollections,
	renderExchange,
	renderLetterWithLinks,
	renderOnThisDay,
	renderSearch,
	renderThread,
} from './render.js';

/** What the command line reads from and writes to, so it can be run in-process by tests. */
export interface CliIo {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	/** The current instant in epoch milliseconds. */
	readonly now: () => number;
	readonly env: Readonly<Record<string, string | undefined>>;
}

/** An expected failure: printed as one line on stderr, exit code 1. */
class UserError extends Error {
	override readonly name = 'UserError';
}

function orFail<T>(result: { ok: true; value: T } | { ok: false; error: Failure }): T {
	if (!result.ok) throw new UserError(result.error.message);
	return result.value;
}

function parseYear(value: string): number {
	if (!/^\d{4}$/.test(value.trim()))
		throw new UserError(`--year must be a four-digit year such as 1942, not "${value}"`);
	return Number(value);
}

function parseSeed(value: string): number {
	if (!/^-?\d{1,15}$/.test(value.trim()))
		throw new UserError(`--seed must be a whole number such as 42, not "${value}"`);
	return Number(value);
}

interface GlobalOptions {
	readonly json?: boolean;
	readonly dataDir?: string;
}

/**
 * Run the command line with `args` (without the node and script paths). Resolves to the exit
 * code: 0 on success, 1 for bad input or unusable data, 2 for an internal error.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
	let corpusCache: Corpus | undefined;
	const program = new Command('letterday');
	const globals = (): GlobalOptions => program.opts<GlobalOptions>();
	const corpus = (): Corpus => {
		corpusCache ??= buildCorpus(loadDataSet(globals().dataDir ?? DEFAULT_DATA_DIR));
		return corpusCache;
	};
	const print = (text: string, json: unknown): void => {
		io.stdout(globals().json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
	};
	const view = (letter: Letter): LetterView => letterView(corpus(), letter);

	const collectionOption = (id: string | undefined): { collection?: string } =>
		id === undefined ? {} : { collection: orFail(findCollection(corpus(), id)).id };

	program
		.description('Historic letters sent on this day, from the command line.')
		.option('--json', 'print machine-readable JSON')
		.addOption(new Option('--data-dir <dir>', 'read the letters from this data directory').hideHelp())
		.configureHelp({ showGlobalOptions: true })
		.exitOverride()
		.configureOutput({
			writeOut: (s) => io.stdout(s),
			writeErr: (s) => io.stderr(s),
			outputError: (s, write) => write(`letterday: ${s.replace(/^error: /, '').trimEnd()}\n`),
		});

	program
		.command('today')
		.description('the letters sent on this day (or a given day) in any year')
		.option('--date <date>', 'the day to use instead of today: YYYY-MM-DD or MM-DD')
		.option('--tz <zone>', 'the IANA time zone "today" is in (default: $TZ, else UTC)')
		.option('--collection <id>', 'only letters of this collection')
		.addOption(new Option('--now <instant>', 'pretend the clock reads this ISO instant (for tests)').hideHelp())
		.action((options: { date?: string; tz?: string; now?: string; collection?: string }) => {
			const zone = options.tz ?? (io.env.TZ !== undefined && io.env.TZ !== '' ? io.env.TZ : 'UTC');
			if (!isValidZone(zone)) {
				const from = options.tz === undefined ? ' (from the TZ variable)' : '';
				throw new UserError(`"${zone}"${from} is not a time zone; use an IANA name such as Europe/London or UTC`);
			}
			let query: DayQuery;
			if (options.date !== undefined) {
				query = orFail(parseDayQuery(options.date));
			} else {
				const instant = options.now === undefined ? io.now() : Date.parse(options.now);
				if (Number.isNaN(instant))
					throw new UserError(`--now must be an ISO instant such as 2026-08-12T23:30:00Z, not "${options.now}"`);
				query = orFail(calendarDayAt(instant, zone));
			}
			const result = onThisDay(corpus(), query, collectionOption(options.collection));
			const views = result.letters.map(view);
			const pad = (n: number): string => String(n).padStart(2, '0');
			const date = `${query.year === undefined ? '' : `${query.year}-`}${pad(query.month)}-${pad(query.day)}`;
			print(renderOnThisDay(result, views), {
				date,
				match: result.match,
				...(result.message === undefined ? {} : { message: result.message }),
				...(result.note === undefined ? {} : { note: result.note }),
				letters: views,
			});
		});

	program
		.command('letter')
		.description('one letter by id, with what it answers and what answered it')
		.argument('<id>', 'the letter id, e.g. bt-1942-08-13-stalin-to-churchill')
		.option('--collection <id>', 'refuse a letter of any other collection')
		.action((id: string, options: { collection?: string }) => {
			const exchange = orFail(exchangeFor(corpus(), id));
			orFail(letterInCollection(corpus(), exchange.letter, options.collection));
			const main = view(exchange.letter);
			print(renderLetterWithLinks(main, exchange.replyTo.map(view), exchange.repliedBy.map(view)), main);
		});

	program
		.command('random')
		.description('a random exchange: a letter and a reply to it')
		.option('--from <name>', 'a correspondent on either side (id, name or alias)')
		.option('--year <year>', 'a year either letter belongs to', parseYear)
		.option('--seed <n>', 'a seed, to get the same exchange again', parseSeed)
		.option('--collection <id>', 'only exchanges of this collection')
		.action((options: { from?: string; year?: number; seed?: number; collection?: string }) => {
			const seed = options.seed ?? randomInt(1, 2 ** 31);
			const exchange = orFail(
				randomExchange(
					corpus(),
					{
						...(options.from === undefined ? {} : { correspondent: options.from }),
						...(options.year === undefined ? {} : { year: options.year }),
						...collectionOption(options.collection),
					},
					mulberry32(seed),
				),
			);
			const letter = view(exchange.letter);
			const reply = view(exchange.reply);
			print(renderExchange(exchange, letter, reply, seed), {
				letter,
				reply,
				seed,
				...(exchange.note === undefined ? {} : { note: exchange.note }),
			});
		});

	program
		.command('thread')
		.description('the whole chain of replies around a letter, in date order')
		.argument('<id>', 'a letter id')
		.option('--collection <id>', 'refuse a letter of any other collection')
		.action((id: string, options: { collection?: string }) => {
			const thread = orFail(threadFor(corpus(), id));
			const focus = thread.entries.find((e) => e.letter.id === thread.focus);
			if (focus) orFail(letterInCollection(corpus(), focus.letter, options.collection));
			const views = new Map(thread.entries.map((e) => [e.letter.id, view(e.letter)]));
			print(renderThread(thread, views), {
				focus: thread.focus,
				letters: thread.entries.map((e) => views.get(e.letter.id)),
				entries: thread.entries.map((e) => ({
					id: e.letter.id,
					depth: e.depth,
					parents: e.parents,
					children: e.children,
					branches: e.branches,
					placeholder: e.placeholder,
				})),
			});
		});

	program
		.command('search')
		.description('full-text search over the letters, best first')
		.argument('<query>', 'words to look for')
		.option('--from <name>', 'only letters this person sent or received')
		.option('--year <year>', 'only letters of this year', parseYear)
		.option('--collection <id>', 'only letters of this collection')
		.option('--limit <n>', 'at most this many results', (v) => {
			if (!/^\d{1,3}$/.test(v) || Number(v) < 1)
				throw new UserError(`--limit must be a number from 1 to 999, not "${v}"`);
			return Number(v);
		})
		.action((query: string, options: { from?: string; year?: number; collection?: string; limit?: number }) => {
			if (query.trim() === '') throw new UserError('The search query is empty; give a word or phrase to look for');
			const index = buildSearch(corpus());
			const hits = orFail(
				searchLetters(index, query, {
					...(options.from === undefined ? {} : { correspondent: options.from }),
					...(options.year === undefined ? {} : { year: options.year }),
					...collectionOption(options.collection),
					...(options.limit === undefined ? {} : { limit: options.limit }),
				}),
			);
			const views = new Map(hits.map((h) => [h.letter.id, view(h.letter)]));
			print(renderSearch(query, hits, views), {
				query,
				results: hits.map((h) => ({
					id: h.letter.id,
					score: h.score,
					snippet: h.snippet,
					letter: views.get(h.letter.id),
				})),
			});
		});

	program
		.command('collections')
		.description('the collections and how many letters each holds')
		.action(() => {
			const collections = collectionViews(corpus());
			print(renderCollections(collections), { collections });
		});

	try {
		await program.parseAsync([...args], { from: 'user' });
		return 0;
	} catch (error: unknown) {
		if (error instanceof CommanderError) {
			// Commander has already printed its message (help, version or a usage error).
			if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
			return error.exitCode === 0 ? 0 : 1;
		}
		if (error instanceof UserError) {
			io.stderr(`letterday: ${error.message}\n`);
			return 1;
		}
		if (error instanceof DataError) {
			io.stderr(`letterday: ${error.message}\n`);
			return 1;
		}
		const message = error instanceof Error ? error.message : String(error);
		io.stderr(`letterday: internal error: ${message.split('\n')[0]}\n`);
		return 2;
	}
}
