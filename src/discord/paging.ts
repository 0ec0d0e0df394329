/**
 * Splitting a letter's text into pages that fit a character budget: on paragraph boundaries
 * where possible, then between sentences, then between words; never inside a word unless a
 * single word is longer than a whole page. Pure.
 */

const PARAGRAPH_BREAK = '\n\n';

/** Split one paragraph into pieces no longer than `budget`, preferring sentence and then word boundaries. */
function splitParagraph(paragraph: string, budget: number): string[] {
	if (paragraph.length <= budget) return [paragraph];
	const sentences = paragraph.split(/(?<=[.!?…]["”’)]?)\s+/u);
	const units = sentences.flatMap((s) => (s.length <= budget ? [s] : s.split(/\s+/)));
	const pieces: string[] = [];
	let current = '';
	for (const unit of units) {
		if (unit.length > budget) {
			if (current) pieces.push(current);
			current = '';
			for (let i = 0; i < unit.length; i += budget) pieces.push(unit.slice(i, i + budget));
			continue;
		}
		const joined = current ? `${current} ${unit}` : unit;
		if (joined.length <= budget) current = joined;
		else {
			pieces.push(current);
			current = unit;
		}
	}
	if (current) pieces.push(current);
	return pieces;
}

/**
 * Pages of at most `budget` characters each, paragraphs joined by a blank line. Every
 * paragraph that fits a page starts and ends on one page.
 */
export function paginate(paragraphs: readonly string[], budget: number): string[] {
	if (budget < 1) throw new RangeError('a page needs room for at least one character');
	const pages: string[] = [];
	let current = '';
	for (const piece of paragraphs.flatMap((p) => splitParagraph(p.trim(), budget))) {
		if (!piece) continue;
		const joined = current ? `${current}${PARAGRAPH_BREAK}${piece}` : piece;
		if (joined.length <= budget) current = joined;
		else {
			pages.push(current);
			current = piece;
		}
	}
	if (current) pages.push(current);
	return pages;
}
