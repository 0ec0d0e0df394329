/**
 * What an item of the Lincoln edition is, read from its heading: a letter or telegram to a
 * person (kept), or a speech, debate, message, proclamation, order, fragment, note or other
 * paper (left out). Pure functions over the item's first paragraphs.
 */
import type { LetterKind } from '../../core/format.js';
import type { Paragraph } from './items.js';

/** Why an item is left out of the collection. */
export type ExclusionCategory =
	| 'speech or debate'
	| 'message to Congress or a body'
	| 'proclamation'
	| 'order or official paper'
	| 'fragment, note or memorandum'
	| 'telegram by another hand'
	| 'section caption'
	| 'other writing';

export interface LetterHeading {
	/** The heading as printed (joined lines). */
	text: string;
	kind: LetterKind;
	/** The words naming the recipient. */
	toText: string;
	/** The words naming the sender, when the heading names someone other than Lincoln. */
	fromText?: string;
	/** What follows the recipient in the heading paragraph: a dateline, "Private.", ... */
	tail: string;
	/** Editor's captions printed above the heading ("FIRST CHILD"). */
	captions: string[];
	/** Index of the heading paragraph in the item. */
	index: number;
	/** True for "EXTRACT FROM LETTER TO ...": the edition prints only part of the letter. */
	excerpt?: boolean;
}

const KIND_WORDS = String.raw`(?:(TELEGRAM AND LETTER|TELEGRAMS?|LETTERS?|CIRCULAR LETTER|NOTE)\s+)?`;
const TO = String.raw`(?:TO|To|to)`;
const TO_HEADING = new RegExp(String.raw`^${KIND_WORDS}${TO}\s+(?!WHOM\b|ALL\b|THE FATHER AND MOTHER\b)(.+)$`);
const FROM_TO_HEADING = /^(?:(TELEGRAM|LETTER)\s+FROM\s+(.+?)(?:\s+TO\s+(.+))?|()FROM\s+(.+?)\s+TO\s+(.+))$/;
const TO_FROM_HEADING = /^TO\s+(.+?)\s+FROM\s+(.+)$/;
const PERSON_TO_PERSON = /^(?:MR\.?\s+)?(LINCOLN|DOUGLAS)\s+TO\s+(?:MR\.?\s+)?(LINCOLN|DOUGLAS)\.?$/i;

/** Recipients that are bodies or unnamed groups, not persons: their letters are messages. */
const BODY =
	/^(?:THE\s+)?(?:HONORABLE,?\s+(?:THE\s+)?)?(?:SENATE|HOUSE OF|PEOPLE|PUBLIC|WORKING-?MEN|FRIENDS OF|ARMY OF|GOVERNORS|LOYAL GOVERNORS|SAILORS' FAIR|MANAGING COMMITTEE|KENTUCKY DELEGATION|CRITICS|FAMILY MEMBERS|JUDGE OF THE|GOVERNOR, AUDITOR|COMMANDING OFFICERS|MILITARY OFFICERS|INVESTIGATE|EDITOR OF)\b/;

/** Share of a text's letters that are capitals; headings and captions are in capitals. */
export function capitalShare(text: string): number {
	const letters = text
		.replace(/\b(?:Mc|Mac|De|Mr|Mrs|Dr|Gen|Hon|Esq|Jr|Sr|Co|Ill|Wm|Jas|Jno)\b/g, '')
		.replace(/[^A-Za-z]/g, '');
	if (letters.length === 0) return 0;
	return letters.replace(/[^A-Z]/g, '').length / letters.length;
}

function isCaption(p: Paragraph): boolean {
	return p.lines.length <= 2 && capitalShare(p.text) > 0.85 && !/[a-z]{3,}[.,;:]/.test(p.text);
}

/** The letter heading among an item's first paragraphs, or undefined when the item has none. */
export function findLetterHeading(paragraphs: readonly Paragraph[]): LetterHeading | undefined {
	for (let index = 0; index < Math.min(paragraphs.length, 3); index += 1) {
		const p = paragraphs[index];
		if (p === undefined) break;
		const heading = readHeading(p);
		if (heading) {
			const captions = paragraphs.slice(0, index).map((c) => c.text);
			if (!paragraphs.slice(0, index).every(isCaption)) return undefined;
			return { ...heading, captions, index };
		}
		if (!isCaption(p)) return undefined;
	}
	return undefined;
}

function readHeading(p: Paragraph): Omit<LetterHeading, 'captions' | 'index'> | undefined {
	const text = p.text;
	// Only the heading's own words must be in capitals; a dateline may follow in mixed case.
	const firstLine = (p.lines[0] ?? '').trim();
	const own = (firstLine.split(/(?:,|\.)\s+(?=[A-Z][a-z])/)[0] ?? firstLine).replace(/\([^)]*\)|\[[^\]]*\]/g, '');
	if (capitalShare(own) < 0.6) return undefined;
	const card = /^NOTE ON A CARD TO (.+?)\.?$/.exec(text);
	if (card?.[1]) return { text, kind: 'letter', toText: card[1], tail: '' };
	const extract = /^EXTRACT FROM (?:A )?LETTER TO (.+?)\.?$/.exec(text);
	if (extract?.[1]) return { text, kind: 'letter', toText: extract[1], tail: '', excerpt: true };
	let m = PERSON_TO_PERSON.exec(text);
	if (m?.[1] && m[2]) {
		return { text, kind: 'letter', toText: m[2], ...(/lincoln/i.test(m[1]) ? {} : { fromText: m[1] }), tail: '' };
	}
	m = TO_FROM_HEADING.exec(text);
	if (m?.[1] && m[2] && /LINCOLN/.test(m[1])) return { text, kind: 'letter', toText: m[1], fromText: m[2], tail: '' };
	m = FROM_TO_HEADING.exec(text);
	const from = m?.[2] ?? m?.[5];
	if (m && from !== undefined) {
		const kind: LetterKind = m[1] === 'TELEGRAM' ? 'telegram' : 'letter';
		const { name, tail } = splitTail(m[3] ?? m[6] ?? '');
		return { text, kind, toText: name, fromText: from.replace(/[.,]$/, ''), tail };
	}
	m = TO_HEADING.exec(text);
	if (m?.[2]) {
		const kind: LetterKind = m[1]?.startsWith('TELEGRAM') ? 'telegram' : 'letter';
		const { name, tail } = splitTail(m[2]);
		return { text, kind, toText: name, tail };
	}
	return undefined;
}

/** Split "GENERAL G. A. McCALL, WASHINGTON, May 31, 1562." into the name and what follows it. */
function splitTail(rest: string): { name: string; tail: string } {
	let name = rest;
	let tail = '';
	const cut = (at: number, keep: boolean): void => {
		if (at < 0 || at >= name.length) return;
		const after = name.slice(at);
		tail = `${keep ? after.replace(/^[-.,\s]+/, '') : ''} ${tail}`.trim();
		name = name.slice(0, at);
	};
	cut(name.search(/(?<!-)--(?=[A-Z ]*[A-Z]{2})(?!-)/), false);
	cut(name.search(/\s[[(]/), true);
	cut(name.search(/[.,]?\s+(?:Private|Confidential)\b/), true);
	const place = name.search(
		/(?:[.,]\s+|\s+(?=EXECUTIVE|WASHINGTON|CITY POINT|HEADQUARTERS))(?=(?:EXECUTIVE|WAR DEPARTMENT|WASHINGTON|SPRINGFIELD|CITY POINT|HEADQUARTERS|NAVY DEPARTMENT|CLINTON|DEPARTMENT)\b|(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\s+\d)/,
	);
	cut(place, true);
	// The editor's bracketed place ("[WASHINGTON] July 17. 1864.") reads as a plain place.
	return { name: name.replace(/[\s.,:]+$/, '').trim(), tail: tail.replace(/^\[([A-Z][A-Z ,.]*)\]\s*/, '$1, ') };
}

/** Whether a recipient phrase names a body or an unnamed group rather than a person. */
export function isBody(toText: string): boolean {
	const upper = toText.toUpperCase();
	return BODY.test(upper) || /\bCOMMITTEE\b/.test(upper);
}

/** The category of an item with no letter heading, from its first words. */
export function categoryOf(paragraphs: readonly Paragraph[]): ExclusionCategory {
	// Only the heading and captions in capitals say what an item is; its text may use any word.
	const heading = paragraphs.slice(0, 3).filter((p, i) => i === 0 || capitalShare(p.text) > 0.7);
	const head = heading
		.slice(0, heading.findIndex((p) => capitalShare(p.text) <= 0.7) + 1 || heading.length)
		.map((p) => p.text)
		.join(' ')
		.toUpperCase();
	if (paragraphs.length === 1 && isCaption(paragraphs[0] ?? { line: 0, lines: [], text: '' })) return 'section caption';
	if (/^TELEGRAM FROM\b/.test(head)) return 'telegram by another hand';
	if (/PROCLAMATION|BY THE PRESIDENT OF THE UNITED STATES/.test(head)) return 'proclamation';
	if (/\bMESSAGE TO\b|SENATE AND HOUSE|TO THE SENATE|TO THE HOUSE/.test(head)) return 'message to Congress or a body';
	if (/\b(?:SPEECH|DEBATE|ADDRESS|REMARKS|REPLY TO|REJOINDER|EULOGY|LECTURE|SERENADE|INAUGURAL)\b/.test(head))
		return 'speech or debate';
	if (
		/\b(?:ORDERS?|ORDERED|INDORSEMENT|ENDORSEMENT|INSTRUCTIONS?|PASS|LICENSE|CALL FOR|RESPITE|PARDON|RESOLUTIONS?|PETITION|BILL|REPORT|CIRCULAR|OPINION|RECORD|APPROVAL|REVOCATION|REPUDIATION|ANNOUNCEMENT|RECOMMENDATION)\b/.test(
			head,
		)
	) {
		return 'order or official paper';
	}
	if (/\b(?:FRAGMENT|NOTES?|MEMORANDUM|AUTOBIOGRAPHY|VERSES?|STATEMENT)\b/.test(head))
		return 'fragment, note or memorandum';
	return 'other writing';
}
