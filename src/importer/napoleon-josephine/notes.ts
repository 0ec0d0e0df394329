/**
 * The two kinds of note in Hall's edition: numbered footnotes (`[14]` in the text, and blocks
 * headed `FOOTNOTES` whose entries read `  [14] text`), and his longer NOTES section, keyed by
 * series and letter number, whose paragraphs often open with the words of the letter they
 * explain (`"_Our good Ossian._"--The Italian translation ...`).
 */
import type { Note } from '../../core/format.js';
import { takeMarkers } from '../gutenberg-footnotes.js';

const ENTRY = /^ {2}\[(\d+)\] (.*)$/;

/** The numbered footnotes of the whole book, by marker. */
export function footnoteEntries(lines: readonly string[]): Map<string, string> {
	const notes = new Map<string, string>();
	for (let i = 0; i < lines.length; i += 1) {
		const m = ENTRY.exec(lines[i] ?? '');
		if (!m) continue;
		const paragraphs: string[][] = [[m[2] ?? '']];
		let j = i + 1;
		for (; j < lines.length; j += 1) {
			const l = lines[j] ?? '';
			if (l.trim() === '') {
				// A note runs on over a blank line only when the next line is indented as a continuation.
				if (/^ {5,}\S/.test(lines[j + 1] ?? '')) paragraphs.push([]);
				else break;
			} else if (ENTRY.test(l)) {
				break;
			} else {
				paragraphs.at(-1)?.push(l.trim());
			}
		}
		notes.set(m[1] ?? '', paragraphs.map((p) => p.join(' ')).join('\n\n'));
		i = j - 1;
	}
	return notes;
}

/** One of Hall's notes on a letter: the words of the letter it explains, if it quotes them, and its text. */
export interface HallNote {
	phrase?: string;
	text: string;
}

const NOTE_HEADING = /^No\. (\d+[A-Z]?)\.$/;
const SERIES = /^SERIES ([A-P])$/;
/** `"_Our good Ossian._"--`, `_Unalterably good._--`, `"_My brother_," viz. Joseph.--` */
const QUOTED = /^"?_([^_]+)_[^-]{0,30}?--/;

/**
 * Hall's NOTES, by letter key (`A 2`, `G 9A`): lines from the `NOTES` heading to the first
 * appendix. Footnote markers inside them are replaced by the footnote's text in brackets.
 */
export function hallNotes(lines: readonly string[], footnotes: ReadonlyMap<string, string>): Map<string, HallNote[]> {
	const byLetter = new Map<string, HallNote[]>();
	let series: string | undefined;
	let key: string | undefined;
	let paragraph: string[] = [];
	const flush = (): void => {
		if (key === undefined || paragraph.length === 0) {
			paragraph = [];
			return;
		}
		const raw = paragraph.join(' ').replace(/\s+/g, ' ').trim();
		paragraph = [];
		const taken = takeMarkers(raw);
		let text = taken.text;
		for (const mk of taken.markers) {
			const foot = footnotes.get(mk.marker);
			if (foot !== undefined) text += ` [Footnote: ${foot.replace(/\n\n/g, ' ')}]`;
		}
		const notes = byLetter.get(key) ?? [];
		const quoted = QUOTED.exec(raw);
		const phrase = quoted?.[1]?.replace(/[.,;:!?"]+$/, '').trim();
		if (phrase !== undefined || notes.length === 0) notes.push({ ...(phrase === undefined ? {} : { phrase }), text });
		else {
			const last = notes.at(-1);
			if (last) last.text += `\n\n${text}`;
		}
		byLetter.set(key, notes);
	};
	for (const line of lines) {
		const s = SERIES.exec(line);
		const h = NOTE_HEADING.exec(line);
		if (s || h || line.startsWith('FOOTNOTES')) {
			flush();
			if (s) series = s[1];
			key = h && series !== undefined ? `${series} ${h[1] ?? ''}` : undefined;
			continue;
		}
		if (line.trim() === '') flush();
		else paragraph.push(line);
	}
	flush();
	return byLetter;
}

/**
 * Hall's notes on one letter as `notes`, each placed just after the words it quotes when they
 * are found in the body, else at the start of the letter.
 */
export function placeHallNotes(notes: readonly HallNote[], body: readonly string[]): Note[] {
	return notes.map((n) => {
		const at = n.phrase === undefined ? undefined : findPhrase(n.phrase, body);
		return { marker: 'Hall', paragraph: at?.paragraph ?? 0, offset: at?.offset ?? 0, text: n.text };
	});
}

function findPhrase(phrase: string, body: readonly string[]): { paragraph: number; offset: number } | undefined {
	const words = phrase
		.split(/[^\p{L}\d']+/u)
		.filter((w) => w.length > 0)
		.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	if (words.length === 0) return undefined;
	const pattern = new RegExp(words.join("[^\\p{L}\\d']+"), 'iu');
	for (const [paragraph, text] of body.entries()) {
		const m = pattern.exec(text);
		if (m) {
			const end = m.index + m[0].length;
			// Keep the note after a closing underscore of italics, not inside it.
			return { paragraph, offset: text[end] === '_' ? end + 1 : end };
		}
	}
	return undefined;
}
