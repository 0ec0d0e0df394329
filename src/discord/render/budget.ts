/**
 * Discord's limits on a message, and the one pure function that makes a whole message body fit
 * them ({@link budgetMessage}). Renderers plan their text to fit (pages are cut on paragraph
 * boundaries within the room left by everything else), so for them this is a no-op; it is the
 * guarantee that nothing the bot sends is rejected.
 */
import { ComponentType, type APIEmbed, type APIMessageComponent } from 'discord.js';
import type { ActionRow, MessageBody } from '../command.js';
import { clip } from './text.js';

/** Discord's documented message limits (from the API spec and the developer documentation). */
export const MESSAGE_LIMITS = {
	content: 2000,
	embeds: 10,
	title: 256,
	description: 4096,
	fields: 25,
	fieldName: 256,
	fieldValue: 1024,
	footer: 2048,
	author: 256,
	embedTotal: 6000,
	actionRows: 5,
	rowButtons: 5,
	customId: 100,
	buttonLabel: 80,
	selectOptions: 25,
	selectLabel: 100,
	selectValue: 100,
	selectDescription: 100,
	selectPlaceholder: 150,
	choiceName: 100,
	choiceValue: 100,
	choices: 25,
} as const;

/** The characters an embed counts towards the 6000 shared by all embeds of a message. */
export function embedSize(embed: APIEmbed): number {
	return (
		(embed.title?.length ?? 0) +
		(embed.description?.length ?? 0) +
		(embed.footer?.text.length ?? 0) +
		(embed.author?.name.length ?? 0) +
		(embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
	);
}

function fitEmbed(embed: APIEmbed): APIEmbed {
	const L = MESSAGE_LIMITS;
	return {
		...embed,
		...(embed.title === undefined ? {} : { title: clip(embed.title, L.title) }),
		...(embed.description === undefined ? {} : { description: clip(embed.description, L.description) }),
		...(embed.author === undefined ? {} : { author: { ...embed.author, name: clip(embed.author.name, L.author) } }),
		...(embed.footer === undefined ? {} : { footer: { ...embed.footer, text: clip(embed.footer.text, L.footer) } }),
		...(embed.fields === undefined
			? {}
			: {
					fields: embed.fields
						.filter((f) => f.name.trim() !== '' && f.value.trim() !== '')
						.slice(0, L.fields)
						.map((f) => ({ ...f, name: clip(f.name, L.fieldName), value: clip(f.value, L.fieldValue) })),
				}),
	};
}

/** Shrink descriptions, last embed first, until all embeds together fit the shared total. */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
	let excess = embeds.reduce((sum, e) => sum + embedSize(e), 0) - MESSAGE_LIMITS.embedTotal;
	const out = [...embeds];
	for (let i = out.length - 1; i >= 0 && excess > 0; i--) {
		const embed = out[i];
		if (!embed) continue;
		const description = embed.description ?? '';
		const keep = Math.max(0, description.length - excess - 1);
		const clipped = keep < 20 ? '…' : clip(description, keep);
		excess -= description.length - clipped.length;
		out[i] = { ...embed, description: clipped };
	}
	for (let i = out.length - 1; i >= 0 && excess > 0; i--) {
		const embed = out[i];
		if (!embed?.fields) continue;
		excess -= embed.fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
		out[i] = { ...embed, fields: [] };
	}
	for (let i = out.length - 1; i >= 0 && excess > 0; i--) {
		const embed = out[i];
		if (!embed?.footer || embed.footer.text.length <= 100) continue;
		excess -= embed.footer.text.length - 100;
		out[i] = { ...embed, footer: { ...embed.footer, text: clip(embed.footer.text, 100) } };
	}
	// Still too much (many embeds with long titles): later embeds give way entirely.
	while (excess > 0 && out.length > 1) {
		const dropped = out.pop();
		excess -= dropped ? embedSize(dropped) : 0;
	}
	return out;
}

function fitComponent(component: APIMessageComponent): APIMessageComponent | undefined {
	const L = MESSAGE_LIMITS;
	if ('custom_id' in component && component.custom_id.length > L.customId) return undefined;
	if (component.type === ComponentType.Button && 'label' in component && component.label !== undefined) {
		return { ...component, label: clip(component.label, L.buttonLabel) };
	}
	if (component.type === ComponentType.StringSelect) {
		const options = component.options.slice(0, L.selectOptions).map((o) => ({
			...o,
			label: clip(o.label, L.selectLabel),
			...(o.description === undefined ? {} : { description: clip(o.description, L.selectDescription) }),
		}));
		if (options.length === 0 || options.some((o) => o.value.length > L.selectValue)) return undefined;
		return {
			...component,
			options,
			...(component.placeholder === undefined ? {} : { placeholder: clip(component.placeholder, L.selectPlaceholder) }),
			...(component.max_values === undefined ? {} : { max_values: Math.min(component.max_values, options.length) }),
		};
	}
	return component;
}

function fitRows(rows: readonly ActionRow[]): ActionRow[] {
	const out: ActionRow[] = [];
	for (const row of rows) {
		const components = row.components
			.map(fitComponent)
			.filter((c): c is ActionRow['components'][number] => c !== undefined && c.type !== ComponentType.ActionRow)
			.slice(0, MESSAGE_LIMITS.rowButtons);
		if (components.length > 0) out.push({ ...row, components });
	}
	return out.slice(0, MESSAGE_LIMITS.actionRows);
}

/**
 * Make a whole message body fit Discord's limits: content, every embed field, the 6000
 * characters shared by all embeds, at most ten embeds, five rows of five buttons, custom ids,
 * select options and labels. Text is cut at a word, with an ellipsis. Mentions are never parsed.
 */
export function budgetMessage(body: MessageBody): MessageBody {
	return {
		...body,
		...(body.content === undefined ? {} : { content: clip(body.content, MESSAGE_LIMITS.content) }),
		embeds: fitTotal(body.embeds.slice(0, MESSAGE_LIMITS.embeds).map(fitEmbed)),
		components: fitRows(body.components),
		allowed_mentions: { parse: [] },
	};
}

/** Every limit a body breaks, as readable lines (empty when it fits). For tests and assertions. */
export function limitViolations(body: MessageBody): string[] {
	const L = MESSAGE_LIMITS;
	const problems: string[] = [];
	const over = (what: string, length: number, max: number): void => {
		if (length > max) problems.push(`${what}: ${length} > ${max}`);
	};
	over('content', body.content?.length ?? 0, L.content);
	over('embeds', body.embeds.length, L.embeds);
	over(
		'embed total',
		body.embeds.reduce((sum, e) => sum + embedSize(e), 0),
		L.embedTotal,
	);
	body.embeds.forEach((e, i) => {
		over(`embeds[${i}].title`, e.title?.length ?? 0, L.title);
		over(`embeds[${i}].description`, e.description?.length ?? 0, L.description);
		over(`embeds[${i}].fields`, e.fields?.length ?? 0, L.fields);
		over(`embeds[${i}].footer`, e.footer?.text.length ?? 0, L.footer);
		over(`embeds[${i}].author`, e.author?.name.length ?? 0, L.author);
		(e.fields ?? []).forEach((f, j) => {
			over(`embeds[${i}].fields[${j}].name`, f.name.length, L.fieldName);
			over(`embeds[${i}].fields[${j}].value`, f.value.length, L.fieldValue);
			if (f.name.trim() === '' || f.value.trim() === '') problems.push(`embeds[${i}].fields[${j}] is empty`);
		});
	});
	over('action rows', body.components.length, L.actionRows);
	const ids = new Set<string>();
	body.components.forEach((row, r) => {
		over(`row ${r}`, row.components.length, L.rowButtons);
		for (const c of row.components) {
			if ('custom_id' in c) {
				over(`custom_id ${c.custom_id}`, c.custom_id.length, L.customId);
				if (ids.has(c.custom_id)) problems.push(`custom_id ${c.custom_id} repeated`);
				ids.add(c.custom_id);
			}
			if (c.type === ComponentType.Button && 'label' in c) over(`button label`, c.label?.length ?? 0, L.buttonLabel);
			if (c.type === ComponentType.StringSelect) {
				over('select options', c.options.length, L.selectOptions);
				for (const o of c.options) {
					over(`option label ${o.label}`, o.label.length, L.selectLabel);
					over(`option value ${o.value}`, o.value.length, L.selectValue);
					over(`option description`, o.description?.length ?? 0, L.selectDescription);
				}
			}
		}
	});
	if (body.allowed_mentions.parse?.length !== 0) problems.push('allowed_mentions parses something');
	return problems;
}
