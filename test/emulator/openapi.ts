import { readFileSync } from 'node:fs';
import { isRecord, SchemaValidator, type ValidationIssue } from './schema-validator.js';

/** HTTP methods the emulator routes, lower-case as OpenAPI writes them. */
export type HttpMethod = 'delete' | 'get' | 'patch' | 'post' | 'put';

/** The pieces of Discord's OpenAPI document the emulator reads. */
export interface OpenApiDocument {
	/** Path templates, e.g. `/channels/{channel_id}/messages`, to their operations. */
	readonly paths: Readonly<Record<string, unknown>>;
	/** Named schemas that `$ref`s point at. */
	readonly schemas: Readonly<Record<string, unknown>>;
	/** A validator bound to {@link OpenApiDocument.schemas}. */
	readonly validator: SchemaValidator;
}

let cached: OpenApiDocument | undefined;

/**
 * Loads the copy of Discord's OpenAPI description that sits beside this file (MIT, see
 * `LICENSE-discord-api-spec`). It is parsed once per process.
 *
 * @returns the parsed document
 */
export function loadOpenApi(): OpenApiDocument {
	if (cached) return cached;
	const raw: unknown = JSON.parse(readFileSync(new URL('openapi.json', import.meta.url), 'utf8'));
	if (!isRecord(raw) || !isRecord(raw.paths) || !isRecord(raw.components) || !isRecord(raw.components.schemas)) {
		throw new Error('openapi.json does not look like an OpenAPI document');
	}
	cached = {
		paths: raw.paths,
		schemas: raw.components.schemas,
		validator: new SchemaValidator(raw.components.schemas),
	};
	return cached;
}

/**
 * @param document - the OpenAPI document
 * @param pathTemplate - a path template exactly as the spec writes it
 * @param method - the HTTP method
 * @returns the JSON request-body schema of that operation and whether a body is required,
 *   or undefined when the operation takes no body
 */
export function requestBodySchema(
	document: OpenApiDocument,
	pathTemplate: string,
	method: HttpMethod,
): { schema: unknown; required: boolean } | undefined {
	const item = document.paths[pathTemplate];
	if (!isRecord(item)) return undefined;
	const operation = item[method];
	if (!isRecord(operation) || !isRecord(operation.requestBody)) return undefined;
	const content = operation.requestBody.content;
	if (!isRecord(content) || !isRecord(content['application/json'])) return undefined;
	return { schema: content['application/json'].schema, required: operation.requestBody.required === true };
}

/**
 * @param document - the OpenAPI document
 * @param pathTemplate - a path template exactly as the spec writes it
 * @param method - the HTTP method
 * @returns whether Discord documents this operation at all
 */
export function hasOperation(document: OpenApiDocument, pathTemplate: string, method: HttpMethod): boolean {
	const item = document.paths[pathTemplate];
	return isRecord(item) && isRecord(item[method]);
}

/**
 * Validates a decoded request body against the operation's schema.
 *
 * @param document - the OpenAPI document
 * @param pathTemplate - a path template exactly as the spec writes it
 * @param method - the HTTP method
 * @param body - the decoded JSON body (`payload_json` for multipart requests)
 * @returns the failures; empty when the body fits
 */
export function validateRequestBody(
	document: OpenApiDocument,
	pathTemplate: string,
	method: HttpMethod,
	body: unknown,
): ValidationIssue[] {
	const operation = requestBodySchema(document, pathTemplate, method);
	if (!operation) return [];
	if (body === undefined) {
		return operation.required ? [{ path: [], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] : [];
	}
	return document.validator.validate(operation.schema, body);
}
