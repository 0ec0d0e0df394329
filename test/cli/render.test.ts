import { describe, expect, test } from 'vitest';
import { wrap } from '../../src/cli/render.js';

describe('wrap', () => {
	test.each([
		{ name: 'a short line', text: 'one two three', width: 20, indent: '', first: '', out: 'one two three' },
		{ name: 'a long line', text: 'one two three four', width: 9, indent: '', first: '', out: 'one two\nthree\nfour' },
		{
			name: 'a hanging indent',
			text: 'Source: a b c d',
			width: 10,
			indent: '  ',
			first: '',
			out: 'Source: a\n  b c d',
		},
		{ name: 'a first-line indent', text: 'a b c', width: 5, indent: '  ', first: '  ', out: '  a b\n  c' },
		{
			name: 'a word longer than the line',
			text: 'a incomprehensibilities b',
			width: 10,
			indent: '',
			first: '',
			out: 'a\nincomprehensibilities\nb',
		},
		{
			name: 'line breaks kept',
			text: 'Sincerely yours,\nJ. Stalin',
			width: 100,
			indent: '',
			first: '',
			out: 'Sincerely yours,\nJ. Stalin',
		},
	])('GIVEN $name THEN it wraps as expected', ({ text, width, indent, first, out }) => {
		expect(wrap(text, width, indent, first)).toBe(out);
	});
});
