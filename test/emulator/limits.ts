import {
	ApplicationCommandOptionType,
	ApplicationCommandType,
	ButtonStyle,
	ComponentType,
	MessageFlags,
} from 'discord-api-types/v10';
import { codePointLength, isRecord, lengthCheck, type PathSegment, type ValidationIssue } from './schema-validator.js';

/**
 * Discord's documented limits, where the OpenAPI description is looser than the server
 * (message content is 4000 in the spec but 2000 for bots, string choice values are 6000 in the
 * spec but 100 in the docs) or says nothing (embed totals, action-row count, custom_id
 * uniqueness, command naming rules).
 */
export const DISCORD_LIMITS = {
	messageContent: 2000,
	embeds: 10,
	embedTitle: 256,
	embedDescription: 4096,
	embedFields: 25,
	embedFieldName: 256,
	embedFieldValue: 1024,
	embedFooterText: 2048,
	embedAuthorName: 256,
	embedTotal: 6000,
	actionRows: 5,
	rowComponents: 5,
	customId: 100,
	buttonLabel: 80,
	selectOptions: 25,
	autocompleteChoices: 25,
	choiceName: 100,
	choiceStringValue: 100,
	commandName: 32,
	commandDescription: 100,
	commandOptions: 25,
	commandTotalCharacters: 8000,
	chatInputCommands: 100,
	threadName: 100,
} as const;

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function array(value: unknown): readonly unknown[] {
	return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

function length(value: string | undefined): number {
	return value === undefined ? 0 : codePointLength(value);
}

function pushLength(
	issues: ValidationIssue[],
	path: readonly PathSegment[],
	value: unknown,
	min: number | undefined,
	max: number,
): void {
	const str = text(value);
	if (str === undefined) return;
	const issue = lengthCheck(path, length(str), min, max);
	if (issue) issues.push(issue);
}

/**
 * Checks the message-shaped part of a request (channel message, webhook or interaction reply)
 * against Discord's documented limits.
 *
 * @param body - the decoded message payload
 * @param base - the path of the payload inside the request body (`['data']` for callbacks)
 * @returns the failures, in Discord's words
 */
export function checkMessageLimits(body: unknown, base: readonly PathSegment[]): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	if (!isRecord(body)) return issues;
	pushLength(issues, [...base, 'content'], body.content, undefined, DISCORD_LIMITS.messageContent);

	const embeds = array(body.embeds);
	const embedsIssue = lengthCheck([...base, 'embeds'], embeds.length, undefined, DISCORD_LIMITS.embeds);
	if (embedsIssue) issues.push(embedsIssue);
	let total = 0;
	embeds.forEach((embed, index) => {
		if (!isRecord(embed)) return;
		const path = [...base, 'embeds', index];
		pushLength(issues, [...path, 'title'], embed.title, undefined, DISCORD_LIMITS.embedTitle);
		pushLength(issues, [...path, 'description'], embed.description, undefined, DISCORD_LIMITS.embedDescription);
		total += length(text(embed.title)) + length(text(embed.description));
		const fields = array(embed.fields);
		const fieldsIssue = lengthCheck([...path, 'fields'], fields.length, undefined, DISCORD_LIMITS.embedFields);
		if (fieldsIssue) issues.push(fieldsIssue);
		fields.forEach((field, fieldIndex) => {
			if (!isRecord(field)) return;
			const fieldPath = [...path, 'fields', fieldIndex];
			// Discord rejects empty field names and values although the schema allows "".
			pushLength(issues, [...fieldPath, 'name'], field.name, 1, DISCORD_LIMITS.embedFieldName);
			pushLength(issues, [...fieldPath, 'value'], field.value, 1, DISCORD_LIMITS.embedFieldValue);
			total += length(text(field.name)) + length(text(field.value));
		});
		if (isRecord(embed.footer)) {
			pushLength(issues, [...path, 'footer', 'text'], embed.footer.text, undefined, DISCORD_LIMITS.embedFooterText);
			total += length(text(embed.footer.text));
		}
		if (isRecord(embed.author)) {
			pushLength(issues, [...path, 'author', 'name'], embed.author.name, undefined, DISCORD_LIMITS.embedAuthorName);
			total += length(text(embed.author.name));
		}
	});
	if (total > DISCORD_LIMITS.embedTotal) {
		issues.push({
			path: [...base, 'embeds'],
			code: 'MAX_EMBED_SIZE_EXCEEDED',
			message: `Embed size exceeds maximum size of ${DISCORD_LIMITS.embedTotal}`,
		});
	}

	const flags = typeof body.flags === 'number' ? body.flags : 0;
	if ((flags & MessageFlags.IsComponentsV2) === 0) checkActionRows(body.components, [...base, 'components'], issues);
	checkAllowedMentions(body.allowed_mentions, [...base, 'allowed_mentions'], issues);
	return issues;
}

function checkActionRows(components: unknown, path: readonly PathSegment[], issues: ValidationIssue[]): void {
	const rows = array(components);
	const rowsIssue = lengthCheck(path, rows.length, undefined, DISCORD_LIMITS.actionRows);
	if (rowsIssue) issues.push(rowsIssue);
	const customIds = new Set<string>();
	rows.forEach((row, rowIndex) => {
		if (!isRecord(row)) return;
		const rowPath = [...path, rowIndex];
		if (row.type !== ComponentType.ActionRow) {
			issues.push({
				path: [...rowPath, 'type'],
				code: 'UNION_TYPE_CHOICES',
				message: `Value of field "type" must be one of (${ComponentType.ActionRow},).`,
			});
			return;
		}
		const children = array(row.components);
		const hasSelect = children.some((child) => isRecord(child) && child.type !== ComponentType.Button);
		if (hasSelect && children.length > 1) {
			issues.push({
				path: [...rowPath, 'components'],
				code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
				message: 'The specified component exceeds the maximum width',
			});
		}
		children.forEach((child, childIndex) => {
			if (!isRecord(child)) return;
			const childPath = [...rowPath, 'components', childIndex];
			const customId = text(child.custom_id);
			if (child.type === ComponentType.Button) {
				const needsCustomId = child.style !== ButtonStyle.Link && child.style !== ButtonStyle.Premium;
				if (needsCustomId && customId === undefined) {
					issues.push({
						path: [...childPath, 'custom_id'],
						code: 'BASE_TYPE_REQUIRED',
						message: 'This field is required',
					});
				}
				if (child.style === ButtonStyle.Link && text(child.url) === undefined) {
					issues.push({ path: [...childPath, 'url'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
				}
				if (child.style === ButtonStyle.Link && customId !== undefined) {
					issues.push({
						path: [...childPath, 'custom_id'],
						code: 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
						message: 'A custom id cannot be set for link buttons',
					});
				}
			}
			if (customId !== undefined) {
				pushLength(issues, [...childPath, 'custom_id'], customId, 1, DISCORD_LIMITS.customId);
				if (customIds.has(customId)) {
					issues.push({
						path: [...childPath, 'custom_id'],
						code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
						message: 'Component custom id cannot be duplicated',
					});
				}
				customIds.add(customId);
			}
		});
	});
}

function checkAllowedMentions(value: unknown, path: readonly PathSegment[], issues: ValidationIssue[]): void {
	if (!isRecord(value)) return;
	const parse = array(value.parse);
	for (const kind of ['users', 'roles'] as const) {
		if (parse.includes(kind) && array(value[kind]).length > 0) {
			issues.push({
				path: [...path, kind],
				code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
				message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
			});
		}
	}
}

/**
 * Checks an autocomplete result (`data` of callback type 8) against Discord's documented limits.
 *
 * @param data - the callback's `data`
 * @param base - the path of `data` in the request body
 * @returns the failures
 */
export function checkAutocompleteLimits(data: unknown, base: readonly PathSegment[]): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	if (!isRecord(data)) return issues;
	const choices = array(data.choices);
	const countIssue = lengthCheck([...base, 'choices'], choices.length, undefined, DISCORD_LIMITS.autocompleteChoices);
	if (countIssue) issues.push(countIssue);
	choices.forEach((choice, index) => {
		if (!isRecord(choice)) return;
		pushLength(issues, [...base, 'choices', index, 'name'], choice.name, 1, DISCORD_LIMITS.choiceName);
		pushLength(issues, [...base, 'choices', index, 'value'], choice.value, undefined, DISCORD_LIMITS.choiceStringValue);
	});
	return issues;
}

/**
 * Checks one application command (create or bulk-overwrite item) against Discord's rules for
 * names, descriptions, options and total size.
 *
 * @param command - the decoded command
 * @param base - its path in the request body
 * @returns the failures
 */
export function checkCommandLimits(command: unknown, base: readonly PathSegment[]): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	if (!isRecord(command)) return issues;
	const type = typeof command.type === 'number' ? command.type : ApplicationCommandType.ChatInput;
	const name = text(command.name);
	if (type === ApplicationCommandType.ChatInput) {
		if (name !== undefined && !isValidChatInputName(name)) {
			issues.push({
				path: [...base, 'name'],
				code: 'APPLICATION_COMMAND_INVALID_NAME',
				message: 'Command name is invalid',
			});
		}
		const description = text(command.description) ?? '';
		const descriptionIssue = lengthCheck(
			[...base, 'description'],
			length(description),
			1,
			DISCORD_LIMITS.commandDescription,
		);
		if (descriptionIssue) issues.push(descriptionIssue);
		checkOptions(command.options, [...base, 'options'], issues);
	}
	if (commandSize(command) > DISCORD_LIMITS.commandTotalCharacters) {
		issues.push({
			path: base,
			code: 'APPLICATION_COMMAND_TOO_LARGE',
			message: `Command exceeds maximum size (${DISCORD_LIMITS.commandTotalCharacters})`,
		});
	}
	return issues;
}

/**
 * Checks a bulk overwrite: each command, plus names unique per command type.
 *
 * @param commands - the decoded PUT body
 * @returns the failures
 */
export function checkCommandListLimits(commands: unknown): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	const seen = new Set<string>();
	array(commands).forEach((command, index) => {
		issues.push(...checkCommandLimits(command, [index]));
		if (!isRecord(command)) return;
		const key = `${String(command.type ?? ApplicationCommandType.ChatInput)}:${String(command.name)}`;
		if (seen.has(key)) {
			issues.push({
				path: [index, 'name'],
				code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
				message: 'Application command names must be unique',
			});
		}
		seen.add(key);
	});
	return issues;
}

/**
 * @param name - a chat-input command or option name
 * @returns whether Discord accepts it (1–32 word characters, lower-case where a case exists)
 */
export function isValidChatInputName(name: string): boolean {
	return COMMAND_NAME.test(name) && name === name.toLowerCase();
}

function checkOptions(value: unknown, path: readonly PathSegment[], issues: ValidationIssue[]): void {
	const options = array(value);
	const countIssue = lengthCheck(path, options.length, undefined, DISCORD_LIMITS.commandOptions);
	if (countIssue) issues.push(countIssue);
	const names = new Set<string>();
	let sawOptional = false;
	options.forEach((option, index) => {
		if (!isRecord(option)) return;
		const optionPath = [...path, index];
		const name = text(option.name);
		if (name !== undefined && !isValidChatInputName(name)) {
			issues.push({
				path: [...optionPath, 'name'],
				code: 'APPLICATION_COMMAND_INVALID_NAME',
				message: 'Command name is invalid',
			});
		}
		if (name !== undefined && names.has(name)) {
			issues.push({
				path: [...optionPath, 'name'],
				code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
				message: 'Option name already exists',
			});
		}
		if (name !== undefined) names.add(name);
		const nested =
			option.type === ApplicationCommandOptionType.Subcommand ||
			option.type === ApplicationCommandOptionType.SubcommandGroup;
		if (nested) {
			checkOptions(option.options, [...optionPath, 'options'], issues);
			return;
		}
		if (option.required === true && sawOptional) {
			issues.push({
				path: [...optionPath, 'required'],
				code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
				message: 'Required options must be placed before non-required options',
			});
		}
		if (option.required !== true) sawOptional = true;
		const choices = array(option.choices);
		if (option.autocomplete === true && choices.length > 0) {
			issues.push({
				path: [...optionPath, 'autocomplete'],
				code: 'APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_EXCLUSIVE',
				message: 'Autocomplete cannot be set for options with choices',
			});
		}
		choices.forEach((choice, choiceIndex) => {
			if (!isRecord(choice)) return;
			pushLength(
				issues,
				[...optionPath, 'choices', choiceIndex, 'value'],
				choice.value,
				undefined,
				DISCORD_LIMITS.choiceStringValue,
			);
		});
	});
}

function commandSize(command: Record<string, unknown>): number {
	let size = length(text(command.name)) + length(text(command.description));
	for (const option of array(command.options)) {
		if (!isRecord(option)) continue;
		size += commandSize(option);
		for (const choice of array(option.choices)) {
			if (isRecord(choice)) size += length(text(choice.name)) + length(String(choice.value ?? ''));
		}
	}
	return size;
}

/**
 * Merges explicit-limit failures with schema failures, dropping schema failures that repeat an
 * explicit one at the same path and code (the explicit limit is the stricter, truer one).
 *
 * @param explicit - failures from Discord's documented limits
 * @param schema - failures from the OpenAPI schema
 * @returns the merged list
 */
export function mergeIssues(
	explicit: readonly ValidationIssue[],
	schema: readonly ValidationIssue[],
): ValidationIssue[] {
	const key = (issue: ValidationIssue): string => `${issue.path.join('.')}|${issue.code}`;
	const seen = new Set(explicit.map(key));
	return [...explicit, ...schema.filter((issue) => !seen.has(key(issue)))];
}
