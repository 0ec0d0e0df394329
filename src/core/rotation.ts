/**
 * Which letter a server sees when several match the day: a different one each year.
 *
 * For every calendar day (`MM-DD`) the server's {@link RotationState} remembers the letters it has
 * been shown in the current cycle. Each new year the server gets the first letter it has not seen,
 * in an order fixed per server and day (so two servers do not walk the candidates in step); when
 * every candidate has been shown a new cycle starts, never repeating last year's letter. Within one
 * year the pick is stable, so a retried post or a second look shows the same letter.
 *
 * The state is plain data: the storage adapter keeps it per server (`RotationStore`). Pure: no I/O.
 */
import { z } from 'zod';
import { fnv1a } from './rng.js';

export const rotationDaySchema = z.object({
	/** The year of the latest pick. */
	year: z.number().int(),
	/** The letter picked that year. */
	letterId: z.string().min(1),
	/** Letters shown in the current cycle, oldest first (the latest pick included). */
	seen: z.array(z.string().min(1)),
});
export type RotationDay = z.infer<typeof rotationDaySchema>;

export const rotationStateSchema = z.object({
	/** Keyed by calendar day, `MM-DD`. */
	days: z.record(z.string().regex(/^\d{2}-\d{2}$/), rotationDaySchema).default({}),
});

/** One server's rotation memory, stored as JSON by the adapter. */
export type RotationState = z.infer<typeof rotationStateSchema>;

/** The state of a server that has never been shown a letter. */
export const EMPTY_ROTATION: RotationState = Object.freeze({ days: Object.freeze({}) });

/** The letter to show, and the state to store afterwards (unchanged when the pick was already made). */
export interface RotationPick {
	readonly letterId: string;
	readonly state: RotationState;
	/** False when `state` is the input state and need not be written back. */
	readonly changed: boolean;
}

/**
 * Pick the letter a server sees on `localDate` among the letters that match it.
 *
 * Deterministic: the same inputs always give the same pick.
 *
 * @param candidateIds - Ids of the letters matching the day (any order; duplicates ignored).
 * @param guildId - The server; seeds the order in which it walks the candidates.
 * @param localDate - The server's local date, `YYYY-MM-DD`.
 * @param rotationState - What the server has been shown before.
 * @returns The pick, or undefined when no letter matches.
 */
export function pickForYear(
	candidateIds: readonly string[],
	guildId: string,
	localDate: string,
	rotationState: RotationState,
): RotationPick | undefined {
	const monthDay = localDate.slice(5);
	const year = Number(localDate.slice(0, 4));
	const candidates = [...new Set(candidateIds)];
	if (candidates.length === 0) return undefined;
	const order = candidates
		.map((id) => ({ id, rank: fnv1a(`${guildId}|${monthDay}|${id}`) }))
		.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map(({ id }) => id);

	const previous = rotationState.days[monthDay];
	if (previous !== undefined && previous.year === year && candidates.includes(previous.letterId)) {
		return { letterId: previous.letterId, state: rotationState, changed: false };
	}
	let seen = (previous?.seen ?? []).filter((id) => candidates.includes(id));
	let fresh = order.filter((id) => !seen.includes(id));
	if (fresh.length === 0) {
		seen = [];
		const notLast = order.filter((id) => id !== previous?.letterId);
		fresh = notLast.length > 0 ? notLast : order;
	}
	const letterId = fresh[0] ?? order[0];
	if (letterId === undefined) return undefined;
	return {
		letterId,
		state: {
			...rotationState,
			days: { ...rotationState.days, [monthDay]: { year, letterId, seen: [...seen, letterId] } },
		},
		changed: true,
	};
}
