import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { DataError, loadDataSet, validateDataDir } from '../../src/data/load.js';
import { ROOT } from '../importer/helpers.js';

const run = promisify(execFile);

describe('GIVEN the real data', () => {
	test('THEN every collection and the timeline validate with no problem', () => {
		const { data, problems } = validateDataDir();
		expect(problems).toEqual([]);
		expect(data.collections.map((c) => c.collection.id)).toContain('big-three');
		expect(data.collections.find((c) => c.collection.id === 'big-three')?.letters.length).toBeGreaterThan(90);
	});
});

describe('GIVEN a copy of the data with one letter broken in every way', () => {
	const dir = mkdtempSync(join(tmpdir(), 'letterday-data-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	cpSync(join(ROOT, 'data', 'collections'), join(dir, 'data', 'collections'), { recursive: true });
	const lettersFile = join(dir, 'data', 'collections', 'big-three', 'letters.json');
	const json: { letters: Record<string, unknown>[] } = JSON.parse(readFileSync(lettersFile, 'utf8'));
	const [first, second, third] = json.letters;
	if (!first || !second || !third) throw new Error('the fixture needs three letters');
	Object.assign(first, { sent: '1942-02-30', from: ['nobody'], body: [], replyTo: [{ id: 'bt-missing', method: 'inferred', evidence: 'x' }] });
	Object.assign(second, { id: third.id });
	Object.assign(third, { precision: 'month' });
	writeFileSync(lettersFile, JSON.stringify(json));
	writeFileSync(join(dir, 'data', 'timeline.json'), '{ "format": 1, "events": [ { "date": "1942-13-01" ');
	const firstId = String(first.id);
	const thirdId = String(third.id);

	test('WHEN it is validated THEN every problem is named by file, letter and field, all at once', () => {
		const { problems } = validateDataDir(join(dir, 'data'));
		const file = 'data/collections/big-three/letters.json';
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ file, item: firstId, field: 'sent', message: expect.stringContaining('not a real date') }),
				expect.objectContaining({ file, item: firstId, field: 'body', message: expect.stringContaining('empty') }),
				expect.objectContaining({ file, item: thirdId, field: 'id', message: expect.stringContaining('duplicate letter id') }),
				expect.objectContaining({ file, item: thirdId, field: 'precision', message: expect.stringContaining('does not match') }),
				expect.objectContaining({ file: 'data/timeline.json', field: '(file)', message: expect.stringContaining('not valid JSON') }),
			]),
		);
	});

	test('WHEN a letter survives the schema but names unknown people and letters THEN those are named too', () => {
		const broken = JSON.parse(readFileSync(lettersFile, 'utf8'));
		Object.assign(broken.letters[0], { sent: '1942-02-28', body: ['Text.'] });
		writeFileSync(lettersFile, JSON.stringify(broken));
		const { problems } = validateDataDir(join(dir, 'data'));
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ item: firstId, field: 'from.0', message: 'no person "nobody" in people.json' }),
				expect.objectContaining({ item: firstId, field: 'replyTo.0.id', message: 'no letter "bt-missing" in this collection' }),
			]),
		);
		expect(() => loadDataSet(join(dir, 'data'))).toThrow(DataError);
	});

	test('WHEN npm run validate is run on it THEN it exits non-zero and prints one line per problem', async () => {
		const result = await run(process.execPath, ['--import', 'tsx', 'src/data/validate-main.ts', join(dir, 'data')], { cwd: ROOT }).catch(
			(error: { code: number; stderr: string }) => error,
		);
		expect('code' in result ? result.code : 0).toBe(1);
		expect(result.stderr).toMatch(/^data\/collections\/big-three\/letters\.json \[bt-[a-z0-9-]+\] from\.0: no person "nobody" in people\.json$/m);
		expect(result.stderr).toMatch(/^validate: \d+ problems found$/m);
		expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
	});
});
