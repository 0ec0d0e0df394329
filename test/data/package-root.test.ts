/**
 * The data directory is found from the package root, so it is the same whether the code runs
 * from `src/` (tsx: the CLI, the tests) or from the build in `dist/src/` (`npm start`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, packageRoot } from '../../src/data/load.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('GIVEN a package with sources and a build', () => {
	const root = mkdtempSync(join(tmpdir(), 'letterday-root-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));
	writeFileSync(join(root, 'package.json'), '{}');
	const source = join(root, 'src', 'data');
	const built = join(root, 'dist', 'src', 'data');
	mkdirSync(source, { recursive: true });
	mkdirSync(built, { recursive: true });

	it('THEN the root is the nearest directory with a package.json, from either', () => {
		expect(packageRoot(source)).toBe(root);
		expect(packageRoot(built)).toBe(root);
	});

	it('WHEN no directory above has a package.json THEN it says so', () => {
		expect(() => packageRoot('/')).toThrow(/no package\.json/);
	});
});

describe('GIVEN this repository', () => {
	it("THEN the default data directory is the repository's data/", () => {
		expect(DEFAULT_DATA_DIR).toBe(join(ROOT, 'data'));
	});
});
