/**
 * Plain-text tables with aligned columns (numbers right-aligned), printable to a terminal and
 * pasteable into Markdown as they are.
 */

export type Cell = string | number | undefined;

/** Format a number with `digits` decimals and thousands separators. */
export function num(value: number | undefined, digits = 0): string {
	if (value === undefined || Number.isNaN(value)) return '–';
	return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Milliseconds as microseconds, with a decimal under 10 µs. */
export function micros(ms: number): string {
	const us = ms * 1000;
	return num(us, us < 10 ? 1 : 0);
}

/** `pass`, `FAIL`, or nothing when there is no target. */
export function verdict(value: number | undefined, limit: number | undefined): string {
	if (limit === undefined || value === undefined) return '';
	return value < limit ? 'pass' : 'FAIL';
}

/**
 * A Markdown-compatible table: a header row, a rule, and the rows, every column padded to its
 * widest cell.
 *
 * @param headers - Column titles; a title ending in `>` right-aligns its column (the `>` is dropped).
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
	const right = headers.map((h) => h.endsWith('>'));
	const titles = headers.map((h) => (h.endsWith('>') ? h.slice(0, -1) : h));
	const cells = rows.map((row) => titles.map((_, i) => String(row[i] ?? '')));
	const widths = titles.map((t, i) => Math.max(t.length, ...cells.map((row) => (row[i] ?? '').length), 3));
	const line = (row: readonly string[]): string =>
		`| ${row.map((c, i) => ((right[i] ?? false) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
	const rule = `|${widths.map((w, i) => ((right[i] ?? false) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
	return [line(titles), rule, ...cells.map(line)].join('\n');
}
