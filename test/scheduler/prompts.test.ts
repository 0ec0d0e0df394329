import { describe, expect, it } from 'vitest';
import { loadPrompts } from '../../src/data/prompts.js';
import { choosePrompt, PROMPT_MAX, promptFileSchema } from '../../src/scheduler/prompts.js';
import { fullCorpus } from './helpers.js';

describe('GIVEN data/prompts.json', () => {
	const prompts = loadPrompts();

	it('THEN it holds 40 or more short prompts, covering every collection, each a question', () => {
		expect(prompts.length).toBeGreaterThanOrEqual(40);
		for (const p of prompts) {
			expect(p.text.length).toBeLessThanOrEqual(PROMPT_MAX);
			expect(p.text).toMatch(/\?/);
		}
		const collections = fullCorpus().collections.map((c) => c.id);
		for (const id of collections) expect(prompts.filter((p) => p.collection === id).length).toBeGreaterThanOrEqual(5);
		expect(prompts.every((p) => p.collection === null || collections.includes(p.collection))).toBe(true);
	});

	it('THEN the themes asked for are there', () => {
		const keywords = prompts.flatMap((p) => p.keywords);
		for (const theme of [
			'second front',
			'convoy',
			'lend-lease',
			'stalingrad',
			'poland',
			'slavery',
			'union',
			'marriage',
			'war',
		]) {
			expect(keywords).toContain(theme);
		}
	});

	it('THEN every letter with text gets a prompt, the same one every time, and themed when it can be', () => {
		const corpus = fullCorpus();
		const subject = (id: string) => {
			const letter = corpus.byId.get(id);
			if (!letter) throw new Error(id);
			return { id, collection: letter.collection, text: [letter.heading ?? '', ...(letter.body ?? [])].join('\n') };
		};
		for (const letter of corpus.letters) {
			if (letter.body === null) continue;
			const prompt = choosePrompt(prompts, subject(letter.id));
			expect(prompt).toBeDefined();
			expect(choosePrompt(prompts, subject(letter.id))).toBe(prompt);
		}
		const secondFront = corpus.letters.find(
			(l) => l.collection === 'big-three' && (l.body ?? []).join(' ').toLowerCase().includes('second front'),
		);
		expect(secondFront).toBeDefined();
		expect(choosePrompt(prompts, subject(secondFront?.id ?? ''))?.keywords.length).toBeGreaterThan(0);
	});

	it('WHEN the file is bad THEN the schema names the problem', () => {
		const bad = promptFileSchema.safeParse({
			format: 1,
			prompts: [
				{ id: 'a', collection: null, keywords: [], text: 'x'.repeat(201) },
				{ id: 'a', collection: null, keywords: ['War'], text: 'A fine question for everyone?' },
			],
		});
		expect(bad.success).toBe(false);
		const messages = bad.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`) ?? [];
		expect(messages.some((m) => m.startsWith('prompts.0.text'))).toBe(true);
		expect(messages.some((m) => m.includes('duplicate id a'))).toBe(true);
		expect(messages.some((m) => m.startsWith('prompts.1.keywords.0'))).toBe(true);
	});
});
