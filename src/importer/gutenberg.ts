/**
 * Project Gutenberg plain-text files: the licence header and footer around the work, and
 * line numbers that survive taking them off.
 */
import { normaliseLines } from './text.js';

const START = /^\*\*\* ?START OF (?:THE|THIS) PROJECT GUTENBERG EBOOK.*\*\*\*\s*$/im;
const END = /^\*\*\* ?END OF (?:THE|THIS) PROJECT GUTENBERG EBOOK.*\*\*\*\s*$/im;

export interface GutenbergText {
	/** The work's own lines, LF-terminated, without the licence header and footer. */
	lines: string[];
	/** 1-based line number in the source file of `lines[0]`. */
	firstLine: number;
}

/** The lines of the work between Project Gutenberg's START and END markers. */
export function gutenbergBody(text: string): GutenbergText {
	const all = normaliseLines(text).split('\n');
	const start = all.findIndex((l) => START.test(l));
	const endIndex = all.findIndex((l) => END.test(l));
	const from = start === -1 ? 0 : start + 1;
	const to = endIndex === -1 ? all.length : endIndex;
	return { lines: all.slice(from, to), firstLine: from + 1 };
}
