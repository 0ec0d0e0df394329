import { FORMAT_VERSION, type Letter } from '../core/format.js';

/** The text of a letters.json file: two-space JSON with a final newline. */
export function serialiseLetters(collection: string, letters: readonly Letter[]): string {
	return `${JSON.stringify({ format: FORMAT_VERSION, collection, letters }, null, 2)}\n`;
}
