/**
 * Discussion prompts for the thread opened under a daily post: short questions written by us,
 * keyed by collection and by words of the letter's theme, chosen deterministically so that a
 * retried post (or another process) opens the same thread with the same question.
 *
 * Pure: zod only. The file is read by `src/data/prompts.ts`.
 */
import { z } from 'zod';
import { fnv1a } from '../core/rng.js';

/** Discord's limit on a thread (channel) name. */
export const THREAD_NAME_MAX = 100;

/** Prompts are short: a question, not an essay. */
export const PROMPT_MAX = 200;

export const promptSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
	/** The collection the prompt fits; null for any collection. */
	collection: z.string().min(1).nullable(),
	/** Lower-case words or phrases of the theme; empty for a prompt that fits any letter of its collection. */
	keywords: z.array(
		z
			.string()
			.min(2)
			.regex(/^[^A-Z]+$/, 'must be lower case'),
	),
	text: z.string().min(20).max(PROMPT_MAX),
});
export type Prompt = z.infer<typeof promptSchema>;

export const promptFileSchema = z
	.object({ format: z.literal(1), prompts: z.array(promptSchema).min(1) })
	.superRefine((file, ctx) => {
		const seen = new Set<string>();
		file.prompts.forEach((p, i) => {
			if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['prompts', i, 'id'], message: `duplicate id ${p.id}` });
			seen.add(p.id);
		});
		if (!file.prompts.some((p) => p.collection === null && p.keywords.length === 0)) {
			ctx.addIssue({ code: 'custom', path: ['prompts'], message: 'needs at least one prompt for any letter' });
		}
	});
export type PromptFile = z.infer<typeof promptFileSchema>;

/** What a prompt is chosen for: the letter's collection and its text (heading and body). */
export interface PromptSubject {
	readonly id: string;
	readonly collection: string;
	readonly text: string;
}

function mentions(text: string, keyword: string): boolean {
	// Whole words (or word prefixes like "inoculat"), so "war" does not match "towards".
	const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[^a-z])${escaped}`, 'i').test(text);
}

/**
 * The prompt for a letter: the best tier that has any, in this order: a theme prompt of the
 * letter's collection whose keyword the letter mentions; a theme prompt for any collection; a
 * general prompt of the collection; a general prompt for any collection. Within a tier the
 * letter's id picks one, so the choice is stable.
 */
export function choosePrompt(prompts: readonly Prompt[], subject: PromptSubject): Prompt | undefined {
	const text = subject.text.toLowerCase();
	const own = prompts.filter((p) => p.collection === subject.collection);
	const any = prompts.filter((p) => p.collection === null);
	const themed = (list: readonly Prompt[]) => list.filter((p) => p.keywords.some((k) => mentions(text, k)));
	const general = (list: readonly Prompt[]) => list.filter((p) => p.keywords.length === 0);
	for (const tier of [themed(own), themed(any), general(own), general(any)]) {
		if (tier.length > 0) return tier[fnv1a(subject.id) % tier.length];
	}
	return undefined;
}
