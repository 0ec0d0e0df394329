/**
 * How the benchmark and the start test read `npm start`'s command from package.json: the
 * environment it sets, node's flags and the built entry point.
 */
import { describe, expect, it } from 'vitest';
import { parseStartScript, startCommand } from '../../scripts/start-command.js';

describe('GIVEN a start script', () => {
	it('WHEN it sets variables and flags THEN each is read apart from the entry point', () => {
		expect(parseStartScript('npm run build && A_B=1 C_=x/y node --one --two=2 dist/src/main.js')).toEqual({
			env: { A_B: '1', C_: 'x/y' },
			flags: ['--one', '--two=2'],
			entry: 'dist/src/main.js',
		});
	});

	it('WHEN it is plain node THEN there is no environment and no flag', () => {
		expect(parseStartScript('node main.js')).toEqual({ env: {}, flags: [], entry: 'main.js' });
	});

	it('WHEN it runs something else THEN the error says what form was expected', () => {
		expect(() => parseStartScript('tsx src/main.ts')).toThrow(
			/expected "… \[NAME=value …\] node \[--flag …\] <entry>\.js"/,
		);
	});

	it("WHEN it is this package's THEN it pins glibc's mmap threshold and runs the build", () => {
		const start = startCommand();
		expect(start.env).toEqual({ MALLOC_MMAP_THRESHOLD_: '131072' });
		expect(start.entry).toBe('dist/src/main.js');
	});
});
