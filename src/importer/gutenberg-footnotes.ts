/**
 * Footnote markers of the Project Gutenberg transcriptions, `[15]`, taken out of a paragraph
 * with the place where each stood, and the `[Footnote 15: ...]` blocks that give their text.
 */

export interface Marker {
	/** The marker as printed, without brackets: `15`. */
	marker: string;
	/** Character offset in the cleaned text where it stood. */
	offset: number;
}

const MARKER = /\[(\d{1,3}[a-z]?)\]/g;

/** Remove bracketed footnote markers from a text, returning the text and where each stood. */
export function takeMarkers(text: string): { text: string; markers: Marker[] } {
	const markers: Marker[] = [];
	let out = '';
	let last = 0;
	for (const m of text.matchAll(MARKER)) {
		out += text.slice(last, m.index);
		markers.push({ marker: m[1] ?? '', offset: out.length });
		last = m.index + m[0].length;
	}
	return { text: out + text.slice(last), markers };
}

/**
 * The footnotes printed as `[Footnote N: text]` blocks (brackets inside a note nest), keyed by
 * marker. Lines of a note are joined with spaces; its paragraphs with a blank line.
 */
export function footnoteBlocks(lines: readonly string[]): Map<string, string> {
	const notes = new Map<string, string>();
	const text = lines.join('\n');
	for (const start of text.matchAll(/\[Footnote (\d{1,3}[a-z]?):\s*/g)) {
		let depth = 1;
		let at = start.index + start[0].length;
		const from = at;
		for (; at < text.length && depth > 0; at += 1) {
			if (text[at] === '[') depth += 1;
			else if (text[at] === ']') depth -= 1;
		}
		const body = text.slice(from, at - 1);
		const paragraphs = body
			.split(/\n\s*\n/)
			.map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
			.filter((p) => p.length > 0);
		notes.set(start[1] ?? '', paragraphs.join('\n\n'));
	}
	return notes;
}
