/**
 * Builds the "big-three" collection from its sources: the 1942 war telegrams, the 1946 Truman
 * Papers file and the curated excerpts, then links replies and gives out ids.
 */
import { formatIsoDate } from '../../core/dates.js';
import type { Letter, Person } from '../../core/format.js';
import type { Draft } from '../draft.js';
import { finaliseLetters } from '../ids.js';
import { inferReplies } from '../replies.js';
import { locate, parseExcerpts } from './excerpts.js';
import { parseTruman1946 } from './truman-1946.js';
import { parseWarTelegrams } from './war-telegrams.js';

export const BIG_THREE_FILES = {
	warTelegrams: 'data/sources/003_330face2689f032b.txt',
	truman1946: 'data/sources/004_7f875bcfea1df796.txt',
	excerpts: 'data/sources/big-three-excerpts.json',
} as const;

/** Format an ISO day as "8 November 1942". */
export const formatDay = formatIsoDate;

/** Import the collection from the text of its sources. */
export function importBigThree(read: (file: string) => string, people: readonly Person[]): Letter[] {
	const curated = parseExcerpts(read(BIG_THREE_FILES.excerpts), BIG_THREE_FILES.excerpts);
	const drafts: Draft[] = [
		...parseWarTelegrams(read(BIG_THREE_FILES.warTelegrams), people, BIG_THREE_FILES.warTelegrams),
		...parseTruman1946(read(BIG_THREE_FILES.truman1946), BIG_THREE_FILES.truman1946),
		...curated.drafts,
	];
	for (const link of curated.links) {
		const letter = locate(drafts, link.letter, BIG_THREE_FILES.excerpts);
		const answered = locate(drafts, link.replyTo, BIG_THREE_FILES.excerpts);
		letter.replyTo.push({ id: answered.key, method: 'curated', evidence: link.evidence });
	}
	const names = new Map(people.map((p) => [p.id, p.shortName]));
	return finaliseLetters(inferReplies(drafts, { names, formatDay }), 'bt');
}
