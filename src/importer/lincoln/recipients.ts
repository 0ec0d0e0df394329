/**
 * Who a heading of the Lincoln edition names. Names are matched whole against the names and
 * aliases in people.json ("GENERAL G. B. McCLELLAN", "GENERAL McCLELLAN"); an office without a
 * name ("THE SECRETARY OF WAR", "HON. P. M. G.") is matched against the roles in people.json,
 * so that it names whoever held the office on the letter's date.
 */
import type { Person } from '../../core/format.js';

/** Lower-case words of a name, without punctuation or honorifics: "GEN. J. J. HARDIN." → "j j hardin". */
export function nameKey(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.replace(/\b(?:major|lieutenant|brigadier) general\b/g, 'general')
		.replace(
			/\b(?:hon|honorable|the|esq|mr|messrs|dr|rev|his excellency|private|confidential|cipher|with inclosures)\b/g,
			' ',
		)
		.replace(/\s+/g, ' ')
		.trim();
}

/** Office phrases as the edition prints them, and the role title people.json uses. */
const OFFICES: readonly (readonly [RegExp, string])[] = [
	[/^secretary of war$|^hon secretary of war$|^secretary of war department$/, 'Secretary of War'],
	[/^secretary of state$/, 'Secretary of State'],
	[/^secretary of (?:the )?treasury$/, 'Secretary of the Treasury'],
	[/^secretary of (?:the )?interior$|^secretary of (?:the )?home department$/, 'Secretary of the Interior'],
	[/^secretary of (?:the )?navy$/, 'Secretary of the Navy'],
	[/^postmaster general$|^p m g$/, 'Postmaster General'],
	[/^attorney general$/, 'Attorney General'],
	[/^judge advocate general$/, 'Judge Advocate General'],
	[/^adjutant general$/, 'Adjutant General'],
	[/^provost marshal general$/, 'Provost Marshal General'],
	[/^commanding general army of united states$/, 'General-in-Chief of the United States Army'],
	[/^president(?: of united states)?$/, 'President of the United States'],
];

function covers(from: string | undefined, to: string | undefined, date: string): boolean {
	const d = date.slice(0, 10);
	return (from === undefined || from.slice(0, d.length) <= d) && (to === undefined || d.slice(0, to.length) <= to);
}

/** The person a recipient or sender phrase names on a date, or undefined. */
export function resolveName(phrase: string, date: string | undefined, people: readonly Person[]): Person | undefined {
	const key = nameKey(phrase);
	if (key === '') return undefined;
	const office = OFFICES.find(([re]) => re.test(key))?.[1];
	if (office !== undefined) {
		if (date === undefined) return undefined;
		const holders = people.filter((p) => p.roles.some((r) => r.title === office && covers(r.from, r.to, date)));
		return holders.length === 1 ? holders[0] : undefined;
	}
	const matches = people.filter((p) => [p.name, ...p.aliases].some((n) => nameKey(n) === key));
	if (matches.length > 0) return matches.length === 1 ? matches[0] : undefined;
	const short = people.filter((p) => nameKey(p.shortName) === key);
	return short.length === 1 ? short[0] : undefined;
}

/**
 * The people a heading's recipient phrase names: one person, or several joined by "and" / "or"
 * / commas ("GOVERNOR HICKS AND MAYOR BROWN", "SECRETARIES SEWARD AND CHASE"). "X AND OTHERS"
 * names X, the first signer of the letter Lincoln answers.
 */
export function resolveRecipients(
	phrase: string,
	date: string | undefined,
	people: readonly Person[],
): Person[] | undefined {
	const whole = resolveName(phrase, date, people);
	if (whole) return [whole];
	const trimmed = phrase.replace(/,?\s+AND OTHERS\.?$/i, '');
	if (trimmed !== phrase) {
		const lead = resolveName(trimmed, date, people);
		return lead ? [lead] : undefined;
	}
	const plural = /^(GENERALS|SECRETARIES|GOVERNORS)\s+/i.exec(phrase);
	const title = plural?.[1] === undefined ? '' : `${plural[1].replace(/IES$/i, 'Y').replace(/S$/i, '')} `;
	const parts = phrase
		.slice(plural?.[0].length ?? 0)
		.split(/,?\s+(?:AND|OR)\s+|,\s+/i)
		.filter((p) => p.trim() !== '');
	if (parts.length < 2) return undefined;
	const found = parts.map((p) => resolveName(`${title}${p}`, date, people) ?? resolveName(p, date, people));
	return found.every((p) => p !== undefined) ? found.filter((p): p is Person => p !== undefined) : undefined;
}
