/**
 * Threads: the whole connected chain of replies around a letter.
 */
import { getLetter, isPlaceholder, type Corpus } from './corpus.js';
import { compareCodeUnits, letterSortKey } from './dates.js';
import type { Letter } from './format.js';
import { ok, type Result } from './result.js';

/** One letter of a thread, with its place in the chain. */
export interface ThreadEntry {
	readonly letter: Letter;
	/** Replies between this letter and the start of the thread (0 for a letter that answers nothing in it). */
	readonly depth: number;
	/** Ids of the letters in the thread that this one replies to. */
	readonly parents: readonly string[];
	/** Ids of the letters in the thread that reply to this one. */
	readonly children: readonly string[];
	/** True when the letter was answered more than once, so the thread branches after it. */
	readonly branches: boolean;
	/** True when the letter's text is not held. */
	readonly placeholder: boolean;
}

/** A thread: every letter connected to the starting one by replies, in date order. */
export interface Thread {
	/** The letter the thread was asked for. */
	readonly focus: string;
	readonly entries: readonly ThreadEntry[];
}

/** Every letter linked to `start` by replies in either direction (guarding against cycles). */
function component(corpus: Corpus, start: Letter): Letter[] {
	const seen = new Map<string, Letter>([[start.id, start]]);
	const queue = [start];
	for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
		const neighbours = [
			...next.replyTo.map((link) => corpus.byId.get(link.id)).filter((l): l is Letter => l !== undefined),
			...(corpus.repliedBy.get(next.id) ?? []),
		];
		for (const n of neighbours) {
			if (!seen.has(n.id)) {
				seen.set(n.id, n);
				queue.push(n);
			}
		}
	}
	return [...seen.values()];
}

/**
 * The thread around a letter: the connected component of reply links (followed both ways),
 * in date order, each entry carrying its parents, children and depth so branches show.
 *
 * Date order uses the sent date, else transmitted, else received; partial dates sort at the start
 * of their period. A letter is never placed before a letter it replies to, so a reply known only
 * to the month still follows what it answers. Cycles in the data cannot loop forever.
 */
export function threadFor(corpus: Corpus, id: string): Result<Thread, 'unknown-letter'> {
	const found = getLetter(corpus, id);
	if (!found.ok) return found;
	const members = component(corpus, found.value);
	const inThread = new Set(members.map((l) => l.id));
	const parentsOf = new Map(
		members.map((l) => [l.id, [...new Set(l.replyTo.map((r) => r.id))].filter((p) => inThread.has(p))]),
	);
	const childrenOf = new Map(members.map((l) => [l.id, (corpus.repliedBy.get(l.id) ?? []).map((c) => c.id)]));
	const byDate = (a: Letter, b: Letter): number =>
		compareCodeUnits(letterSortKey(a), letterSortKey(b)) ||
		(corpus.order.get(a.id) ?? 0) - (corpus.order.get(b.id) ?? 0);

	// Kahn's algorithm, always taking the earliest letter whose parents are placed; if a cycle
	// leaves no such letter, the earliest remaining letter is taken.
	const remaining = [...members].sort(byDate);
	const placed = new Set<string>();
	const ordered: Letter[] = [];
	while (remaining.length > 0) {
		let index = remaining.findIndex((l) => (parentsOf.get(l.id) ?? []).every((p) => placed.has(p)));
		if (index < 0) index = 0;
		const [next] = remaining.splice(index, 1);
		if (!next) break;
		placed.add(next.id);
		ordered.push(next);
	}

	const depth = new Map<string, number>();
	for (const letter of ordered) {
		const parentDepths = (parentsOf.get(letter.id) ?? [])
			.map((p) => depth.get(p))
			.filter((d): d is number => d !== undefined);
		depth.set(letter.id, parentDepths.length === 0 ? 0 : Math.max(...parentDepths) + 1);
	}

	const entries = ordered.map((letter) => {
		const children = childrenOf.get(letter.id) ?? [];
		return {
			letter,
			depth: depth.get(letter.id) ?? 0,
			parents: parentsOf.get(letter.id) ?? [],
			children,
			branches: children.length > 1,
			placeholder: isPlaceholder(letter),
		};
	});
	return ok({ focus: found.value.id, entries });
}
