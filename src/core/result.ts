/**
 * Result values for expected failures: the core returns these instead of throwing, so every
 * interface can show the message to the person who asked.
 */

/** Why a query could not be answered, in words fit to show a user. */
export interface Failure<C extends string = string> {
	/** A stable, machine-readable reason, e.g. `unknown-letter`. */
	readonly code: C;
	/** One human sentence saying what was wrong and, where it helps, what would be right. */
	readonly message: string;
}

/** Either a value or a {@link Failure}. */
export type Result<T, C extends string = string> =
	{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure<C> };

/** The codes the core uses. */
export type ErrorCode =
	'invalid-date' | 'unknown-zone' | 'unknown-letter' | 'unknown-person' | 'empty-query' | 'no-match';

/** Wrap a value as a successful {@link Result}. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
	return { ok: true, value };
}

/** Build a failed {@link Result}. */
export function fail<C extends string>(code: C, message: string): { readonly ok: false; readonly error: Failure<C> } {
	return { ok: false, error: { code, message } };
}
