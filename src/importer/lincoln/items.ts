/**
 * The Lincoln edition cut into items. Items stand in date order, each under an all-capitals
 * heading, separated by three or more blank lines (a few by two, after a signature). Before
 * the first item come the introductions; between volumes, title blocks; between years, a line
 * with the year alone. Pure functions over the lines of the work.
 */

export interface Paragraph {
	/** 1-based line in the source file of the paragraph's first line. */
	line: number;
	/** The printed lines, trimmed at the end. */
	lines: string[];
	/** The lines joined with single spaces. */
	text: string;
}

export interface Item {
	/** 1-based source line of the item's first line. */
	line: number;
	paragraphs: Paragraph[];
	/** The year of the last year-line ("1862") printed before the item. */
	sectionYear?: number;
}

/** The first line of the writings proper, after the introductions. */
const WRITINGS_START = /^THE WRITINGS OF ABRAHAM LINCOLN, 1832-1843$/;
const YEAR_LINE = /^(1[89]\d\d)$/;
/** Lines of the volume title blocks, which are not part of any item. */
const FURNITURE =
	/^(?:THE PAPERS AND WRITINGS OF ABRAHAM LINCOLN|VOLUME [A-Z0-9.,\s-]+|CONSTITUTIONAL EDITION|By Abraham Lincoln|Edited by Arthur Brooks Lapsley|THE WRITINGS OF (?:ABRAHAM|A\.) LINCOLN, Volume .*|THE LINCOLN-DOUGLAS DEBATES I+)$/;
/** A letter heading that may follow a signature after only two blank lines. */
const SPLIT_HEADING = /^(?:TELEGRAMS? |LETTER )?TO [A-Z][A-Z.]/;
/** An editor's caption in capitals ("ORIGIN OF THE \"GREENBACK\" CURRENCY"), not a dateline or a place. */
const CAPTION_LINE =
	/^(?!EXECUTIVE|WAR DEP|WASHINGTON|HEADQUARTERS|CITY POINT|DEPARTMENT|BY THE PRESIDENT)[A-Z][A-Z'" ,.-]{5,}$/;
const SIGNATURE_LINE = /\bLINCOLN[.,]?$|\bA\. L\.?$/;

/**
 * Cut the work into items. `lines` are the work's lines (LF, no licence); `firstLine` is the
 * source line of `lines[0]`.
 */
export function itemsOf(lines: readonly string[], firstLine: number): Item[] {
	const start = lines.findIndex((l) => WRITINGS_START.test(l));
	const items: Item[] = [];
	let current: { line: number; rows: { line: number; text: string }[] } | undefined;
	let blanks = 0;
	let lastText = '';
	let sectionYear: number | undefined;
	const flush = (): void => {
		if (current && current.rows.some((r) => r.text !== '')) {
			const paragraphs = paragraphsOfRows(current.rows);
			if (paragraphs.length > 0) {
				items.push({ line: current.line, paragraphs, ...(sectionYear === undefined ? {} : { sectionYear }) });
			}
		}
		current = undefined;
	};
	for (let i = start + 1; i < lines.length; i += 1) {
		const text = (lines[i] ?? '').replace(/\s+$/, '');
		const line = firstLine + i;
		if (text === '') {
			blanks += 1;
			current?.rows.push({ line, text: '' });
			continue;
		}
		const afterSignature =
			blanks >= 2 && SIGNATURE_LINE.test(lastText) && (SPLIT_HEADING.test(text) || CAPTION_LINE.test(text));
		// A dateline cut off by blank lines ("WAR DEPARTMENT, WASHINGTON, D.C.,") continues its item.
		if ((blanks >= 3 && !/^[A-Z][A-Z .,']+,$/.test(lastText)) || afterSignature) flush();
		blanks = 0;
		lastText = text;
		const year = YEAR_LINE.exec(text.trim());
		if (year?.[1] !== undefined && (current === undefined || current.rows.every((r) => r.text === ''))) {
			flush();
			sectionYear = Number(year[1]);
			continue;
		}
		if (FURNITURE.test(text.trim()) && current === undefined) continue;
		current ??= { line, rows: [] };
		current.rows.push({ line, text });
	}
	flush();
	return items;
}

function paragraphsOfRows(rows: readonly { line: number; text: string }[]): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	let lines: string[] = [];
	let first = 0;
	const push = (): void => {
		if (lines.length > 0) paragraphs.push({ line: first, lines, text: lines.map((l) => l.trim()).join(' ') });
		lines = [];
	};
	for (const row of rows) {
		if (row.text === '') {
			push();
			continue;
		}
		if (lines.length === 0) first = row.line;
		lines.push(row.text);
	}
	push();
	return paragraphs;
}
