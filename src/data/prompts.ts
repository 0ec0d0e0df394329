/**
 * Reading `data/prompts.json`, the discussion prompts of daily-post threads, validated with the
 * schema in `src/scheduler/prompts.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promptFileSchema, type Prompt } from '../scheduler/prompts.js';
import { DataError, DEFAULT_DATA_DIR } from './load.js';

/**
 * @throws DataError naming every problem when the file is missing or invalid.
 */
export function loadPrompts(dataDir: string = DEFAULT_DATA_DIR): readonly Prompt[] {
	const file = join(dataDir, 'prompts.json');
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error: unknown) {
		throw new DataError([{ file: 'prompts.json', field: '(file)', message: `cannot be read: ${String(error)}` }]);
	}
	const parsed = promptFileSchema.safeParse(raw);
	if (!parsed.success) {
		throw new DataError(
			parsed.error.issues.map((i) => ({ file: 'prompts.json', field: i.path.join('.') || '(file)', message: i.message })),
		);
	}
	return parsed.data.prompts;
}
