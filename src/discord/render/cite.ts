/**
 * A one-line citation of a letter: who to whom, what and when, its number in the edition, the
 * edition, and the source it was taken from. Pure.
 */
import type { LetterCard } from './letter.js';

function names(refs: readonly { name: string }[]): string {
	const all = refs.map((r) => r.name);
	return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** E.g. `Joseph Stalin to Winston Churchill, message of 13 August 1942, No. 57. <edition>. Source: <title>, line 12. <url>`. */
export function citation(card: LetterCard): string {
	const { view, facts } = card;
	const parts = [
		`${names(view.from)} to ${names(view.to)}, ${view.kind} of ${view.dateText}${facts.number === undefined ? '' : `, No. ${facts.number}`}${view.excerpt ? ' (excerpt)' : ''}${view.placeholder ? ' (text not held)' : ''}.`,
		...(facts.edition === undefined ? [] : [`${facts.edition.replace(/\.$/, '')}.`]),
		`Source: ${view.source.title}, ${view.source.ref}.`,
		...(view.source.url === undefined ? [] : [view.source.url]),
	];
	return parts.join(' ').replace(/\s+/g, ' ');
}
