import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedFile } from './types.js';
import { isRecord } from './schema-validator.js';

/** A Discord-shaped error answer: thrown by handlers, turned into a response by the router. */
export class DiscordHttpError extends Error {
	/** The HTTP status to answer with. */
	public readonly status: number;
	/** The JSON body: `message`, `code` and extras such as `errors` or `retry_after`. */
	public readonly body: Record<string, unknown>;

	/**
	 * @param status - HTTP status
	 * @param code - Discord's JSON error code (0 for generic HTTP errors)
	 * @param message - Discord's message text
	 * @param extra - more body fields, e.g. `errors`
	 */
	public constructor(status: number, code: number, message: string, extra: Record<string, unknown> = {}) {
		super(`${status} ${message} (code ${code})`);
		this.status = status;
		this.body = { message, code, ...extra };
	}
}

/** Discord's common errors, with their real codes and messages. */
export const Errors = {
	unauthorized: () => new DiscordHttpError(401, 0, '401: Unauthorized'),
	missingAccess: () => new DiscordHttpError(403, 50001, 'Missing Access'),
	missingPermissions: () => new DiscordHttpError(403, 50013, 'Missing Permissions'),
	unknownChannel: () => new DiscordHttpError(404, 10003, 'Unknown Channel'),
	unknownGuild: () => new DiscordHttpError(404, 10004, 'Unknown Guild'),
	unknownMember: () => new DiscordHttpError(404, 10007, 'Unknown Member'),
	unknownMessage: () => new DiscordHttpError(404, 10008, 'Unknown Message'),
	unknownWebhook: () => new DiscordHttpError(404, 10015, 'Unknown Webhook'),
	unknownInteraction: () => new DiscordHttpError(404, 10062, 'Unknown interaction'),
	unknownCommand: () => new DiscordHttpError(404, 10063, 'Unknown application command'),
	emptyMessage: () => new DiscordHttpError(400, 50006, 'Cannot send an empty message'),
	nonTextChannel: () => new DiscordHttpError(400, 50008, 'Cannot send messages in a non-text channel'),
	wrongChannelType: () => new DiscordHttpError(400, 50024, 'Cannot execute action on this channel type'),
	otherAuthor: () => new DiscordHttpError(403, 50005, 'Cannot edit a message authored by another user'),
	alreadyAcknowledged: () => new DiscordHttpError(400, 40060, 'Interaction has already been acknowledged.'),
	invalidWebhookToken: () => new DiscordHttpError(401, 50027, 'Invalid Webhook Token'),
	alreadyCrossposted: () => new DiscordHttpError(400, 40033, 'This message has already been crossposted.'),
	archivedThread: () => new DiscordHttpError(400, 50083, 'Operation cannot be performed on an archived thread'),
	threadExists: () => new DiscordHttpError(400, 160004, 'A thread has already been created for this message'),
	invalidJson: () => new DiscordHttpError(400, 50109, 'The request body contains invalid JSON.'),
	tooLarge: () => new DiscordHttpError(413, 40005, 'Request entity too large'),
	notFound: (method: string, path: string) =>
		new DiscordHttpError(404, 0, `404: Not Found (the emulator has no route for ${method} ${path})`),
} as const;

/** A decoded request body. */
export interface ParsedBody {
	/** The JSON value (`payload_json` for multipart), or undefined when there was no body. */
	readonly json: unknown;
	readonly files: RecordedFile[];
	readonly multipart: boolean;
}

/**
 * @param request - the incoming request
 * @returns the raw body bytes
 */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
	return Buffer.concat(chunks);
}

/**
 * Decodes a request body as Discord does: JSON, or multipart with `payload_json` and
 * `files[n]` parts (as discord.js sends attachments).
 *
 * @param contentType - the Content-Type header
 * @param raw - the body bytes
 * @returns the decoded body
 * @throws {@link DiscordHttpError} 400/50109 for malformed JSON
 */
export async function parseBody(contentType: string | undefined, raw: Buffer): Promise<ParsedBody> {
	if (raw.length === 0) return { json: undefined, files: [], multipart: false };
	if (contentType?.startsWith('multipart/form-data')) {
		const form = await new Request('http://emulator.invalid/', {
			method: 'POST',
			headers: { 'content-type': contentType },
			body: raw,
		}).formData();
		let json: unknown;
		const files: RecordedFile[] = [];
		for (const [field, value] of form.entries()) {
			if (typeof value === 'string') {
				if (field === 'payload_json') json = parseJson(value);
				continue;
			}
			files.push({
				field,
				filename: value.name,
				contentType: value.type || 'application/octet-stream',
				content: Buffer.from(await value.arrayBuffer()),
			});
		}
		return { json, files, multipart: true };
	}
	return { json: parseJson(raw.toString('utf8')), files: [], multipart: false };
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw Errors.invalidJson();
	}
}

/**
 * Writes a JSON answer; every answer with a body carries `Content-Type: application/json`,
 * which @discordjs/rest needs to parse it at all.
 *
 * @param response - the server response
 * @param status - HTTP status
 * @param body - JSON body, or undefined for none (204)
 * @param headers - extra headers, e.g. rate-limit ones
 */
export function sendJson(
	response: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string>,
): void {
	if (body === undefined) {
		// A 204 carries no Content-Type: @discordjs/rest would try to parse the empty body as JSON.
		response.writeHead(status, { 'Content-Length': 0, ...headers });
		response.end();
		return;
	}
	const text = JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
	response.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	response.end(text);
}

/**
 * @param value - a decoded body
 * @returns it as a record, or an empty record when it is not an object
 */
export function asRecord(value: unknown): Record<string, unknown> {
	return isRecord(value) ? value : {};
}
