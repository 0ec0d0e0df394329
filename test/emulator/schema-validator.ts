/** One path segment into a JSON value: an object key or an array index. */
export type PathSegment = number | string;

/** One validation failure, in Discord's vocabulary (`code` such as `BASE_TYPE_MAX_LENGTH`). */
export interface ValidationIssue {
	/** Where the failing value sits in the request body. */
	readonly path: readonly PathSegment[];
	/** Discord's error code for the failure, e.g. `BASE_TYPE_REQUIRED`. */
	readonly code: string;
	/** Discord's human-readable message for the failure. */
	readonly message: string;
}

/** Discord's nested error tree: keys follow the body, leaves hold `_errors`. */
export interface DiscordErrorTree {
	[key: string]: DiscordErrorTree | readonly { code: string; message: string }[];
}

/**
 * @param value - anything
 * @returns whether `value` is a plain JSON object (not an array, not null)
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SNOWFLAKE_FORMAT = 'snowflake';
const INT64_LIMIT = 2n ** 63n;

/**
 * A compact validator for the subset of JSON Schema (2020-12 via OpenAPI 3.1) that Discord's
 * OpenAPI description uses: `$ref`, `type` (also as an array with `'null'`), `properties`,
 * `required`, `additionalProperties`, `items`, `enum`, `const`, `oneOf`/`anyOf`/`allOf`,
 * `minLength`/`maxLength`, `minItems`/`maxItems`, `uniqueItems`, `minimum`/`maximum`,
 * `minProperties`/`maxProperties`, `pattern` and the formats `snowflake`, `int64`, `uri`
 * and `date-time`.
 *
 * Failures come out as {@link ValidationIssue}s in Discord's words, so they can be turned into
 * the same 400 / 50035 body Discord sends.
 */
export class SchemaValidator {
	readonly #schemas: Readonly<Record<string, unknown>>;

	/**
	 * @param schemas - `components.schemas` of the OpenAPI document, for `$ref` resolution
	 */
	public constructor(schemas: Readonly<Record<string, unknown>>) {
		this.#schemas = schemas;
	}

	/**
	 * @param schema - the schema to check against (may be a `$ref`)
	 * @param value - the decoded JSON value
	 * @returns every failure found; empty when the value is valid
	 */
	public validate(schema: unknown, value: unknown): ValidationIssue[] {
		const issues: ValidationIssue[] = [];
		this.#check(schema, value, [], issues);
		return issues;
	}

	#resolve(ref: string): unknown {
		const prefix = '#/components/schemas/';
		if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref ${ref}`);
		const target = this.#schemas[ref.slice(prefix.length)];
		if (target === undefined) throw new Error(`Dangling $ref ${ref}`);
		return target;
	}

	#check(schema: unknown, value: unknown, path: readonly PathSegment[], issues: ValidationIssue[]): void {
		if (!isRecord(schema)) return;
		if (typeof schema.$ref === 'string') this.#check(this.#resolve(schema.$ref), value, path, issues);
		if (schema.type !== undefined) {
			if (!this.#checkType(schema, value, path, issues)) return;
			if (value === null) return;
		}
		// The schema's own const/enum is the most precise statement; when it fails, the
		// allOf/oneOf around it would only repeat the failure in vaguer words.
		if ('const' in schema && schema.const !== value) {
			issues.push(choicesIssue(path, [schema.const]));
			return;
		}
		if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
			issues.push(choicesIssue(path, schema.enum));
			return;
		}
		if (Array.isArray(schema.allOf)) {
			for (const part of schema.allOf) this.#check(part, value, path, issues);
		}
		const union = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
		// Discord marks its anyOf unions `x-discord-union: oneOf`, but its server accepts the
		// first branch that fits, so both keywords are treated as "at least one branch fits".
		if (union) this.#checkUnion(union, value, path, issues);
		if (value === null || value === undefined) return;

		if (typeof value === 'string') this.#checkString(schema, value, path, issues);
		else if (typeof value === 'number') this.#checkNumber(schema, value, path, issues);
		else if (Array.isArray(value)) this.#checkArray(schema, value, path, issues);
		else if (isRecord(value)) this.#checkObject(schema, value, path, issues);
	}

	#checkUnion(
		branches: readonly unknown[],
		value: unknown,
		path: readonly PathSegment[],
		issues: ValidationIssue[],
	): void {
		// First only whether a branch fits: each stops at its first issue, so the branches that do
		// not fit (most of them, in Discord's unions) cost little. Only when none fits are they
		// checked in full, for the report.
		for (const branch of branches) {
			if (this.#fits(branch, value, path)) return;
		}
		const results: ValidationIssue[][] = [];
		for (const branch of branches) {
			const branchIssues: ValidationIssue[] = [];
			this.#check(branch, value, path, branchIssues);
			if (branchIssues.length === 0) return;
			results.push(branchIssues);
		}
		if (branches.every((branch) => isRecord(branch) && 'const' in branch)) {
			issues.push(
				choicesIssue(
					path,
					branches.map((branch) => (isRecord(branch) ? branch.const : undefined)),
				),
			);
			return;
		}
		// Report the branch the caller most likely meant: one whose own type and `type`
		// discriminator matched, with the fewest failures; otherwise the first branch's failures.
		const depth = path.length;
		const viable = results.filter(
			(branchIssues) =>
				!branchIssues.some(
					(issue) =>
						(issue.path.length === depth && TYPE_CODES.has(issue.code)) ||
						(issue.path.length === depth + 1 && issue.path[depth] === 'type' && issue.code === 'BASE_TYPE_CHOICES'),
				),
		);
		const pool = viable.length > 0 ? viable : results;
		const best = pool.reduce((a, b) => (b.length < a.length ? b : a));
		issues.push(...best);
	}

	/** Whether `value` fits `schema`, stopping at the first issue. */
	#fits(schema: unknown, value: unknown, path: readonly PathSegment[]): boolean {
		try {
			this.#check(schema, value, path, new FirstIssueStops());
			return true;
		} catch (error) {
			if (error === FIRST_ISSUE) return false;
			throw error;
		}
	}

	#checkType(
		schema: Record<string, unknown>,
		value: unknown,
		path: readonly PathSegment[],
		issues: ValidationIssue[],
	): boolean {
		const types = Array.isArray(schema.type) ? schema.type : [schema.type];
		for (const type of types) {
			if (matchesType(type, value, schema)) return true;
		}
		const expected = types.find((type) => type !== 'null') ?? 'null';
		issues.push(typeIssue(path, expected, value, schema));
		return false;
	}

	#checkString(
		schema: Record<string, unknown>,
		value: string,
		path: readonly PathSegment[],
		issues: ValidationIssue[],
	): void {
		if (isIntegerSchema(schema)) {
			this.#checkNumber(schema, value, path, issues);
			return;
		}
		const length = codePointLength(value);
		const min = typeof schema.minLength === 'number' ? schema.minLength : undefined;
		const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
		const lengthIssue = lengthCheck(path, length, min, max);
		if (lengthIssue) issues.push(lengthIssue);
		if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
			issues.push(
				schema.format === SNOWFLAKE_FORMAT
					? { path, code: 'NUMBER_TYPE_COERCE', message: `Value "${value}" is not snowflake.` }
					: { path, code: 'STRING_TYPE_REGEX', message: `String value did not match validation regex.` },
			);
		}
		if (schema.format === 'uri') {
			const issue = uriCheck(path, value);
			if (issue) issues.push(issue);
		}
		if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) {
			issues.push({ path, code: 'DATE_TIME_TYPE_PARSE', message: `Could not parse ${value}. Should be ISO8601.` });
		}
	}

	#checkNumber(
		schema: Record<string, unknown>,
		value: number | string,
		path: readonly PathSegment[],
		issues: ValidationIssue[],
	): void {
		const kind = isIntegerSchema(schema) ? 'int' : 'float';
		const big = typeof value === 'string' ? BigInt(value) : undefined;
		if (typeof schema.minimum === 'number') {
			const below = big === undefined ? Number(value) < schema.minimum : big < BigInt(Math.trunc(schema.minimum));
			if (below) {
				issues.push({
					path,
					code: 'NUMBER_TYPE_MIN',
					message: `${kind} value should be greater than or equal to ${schema.minimum}.`,
				});
			}
		}
		if (typeof schema.maximum === 'number') {
			// The spec writes 2^63 limits as JSON numbers that round above 2^63; clamp them back.
			const maximum = Math.abs(schema.maximum) >= 9.2e18 ? INT64_LIMIT - 1n : BigInt(Math.trunc(schema.maximum));
			const above = big === undefined ? Number(value) > schema.maximum : big > maximum;
			if (above) {
				issues.push({
					path,
					code: 'NUMBER_TYPE_MAX',
					message: `${kind} value should be less than or equal to ${schema.maximum}.`,
				});
			}
		}
	}

	#checkArray(
		schema: Record<string, unknown>,
		value: readonly unknown[],
		path: readonly PathSegment[],
		issues: ValidationIssue[],
	): void {
		const min = typeof schema.minItems === 'number' ? schema.minItems : undefined;
		const max = typeof schema.maxItems === 'number' ? schema.maxItems : undefined;
		const lengthIssue = lengthCheck(path, value.length, min, max);
		if (lengthIssue) issues.push(lengthIssue);
		if (schema.uniqueItems === true) {
			const seen = new Set<string>();
			for (const item of value) {
				const key = JSON.stringify(item);
				if (seen.has(key)) {
					issues.push({
						path,
						code: 'SET_TYPE_ALREADY_CONTAINS_VALUE',
						message: 'The set already contains this value.',
					});
					break;
				}
				seen.add(key);
			}
		}
		if (schema.items !== undefined) {
			value.forEach((item, index) => this.#check(schema.items, item, [...path, index], issues));
		}
	}

	#checkObject(
		schema: Record<string, unknown>,
		value: Record<string, unknown>,
		path: readonly PathSegment[],
		issues: ValidationIssue[],
	): void {
		const properties = isRecord(schema.properties) ? schema.properties : {};
		if (Array.isArray(schema.required)) {
			for (const key of schema.required) {
				if (typeof key === 'string' && value[key] === undefined) {
					issues.push({ path: [...path, key], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
				}
			}
		}
		const keys = Object.keys(value);
		if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) {
			issues.push({
				path,
				code: 'BASE_TYPE_MAX_LENGTH',
				message: `Must be ${schema.maxProperties} or fewer in length.`,
			});
		}
		for (const key of keys) {
			const child = value[key];
			if (child === undefined) continue;
			if (key in properties) {
				this.#check(properties[key], child, [...path, key], issues);
			} else if (isRecord(schema.additionalProperties)) {
				this.#check(schema.additionalProperties, child, [...path, key], issues);
			}
			// Discord ignores unknown keys in request bodies, so no `additionalProperties: false` check.
		}
	}
}

/** Thrown by {@link FirstIssueStops}: the value does not fit. */
const FIRST_ISSUE: unique symbol = Symbol('first issue');

/** An issue list that ends the check at its first issue (a union branch only needs yes or no). */
class FirstIssueStops extends Array<ValidationIssue> {
	public override push(): number {
		throw FIRST_ISSUE;
	}
}

const TYPE_CODES = new Set([
	'BASE_TYPE_STRING',
	'NUMBER_TYPE_COERCE',
	'BASE_TYPE_BOOLEAN',
	'LIST_TYPE_CONVERT',
	'MODEL_TYPE_CONVERT',
	'BASE_TYPE_NULL',
]);

function isIntegerSchema(schema: Record<string, unknown>): boolean {
	const types = Array.isArray(schema.type) ? schema.type : [schema.type];
	return types.includes('integer');
}

function acceptsIntegerStrings(schema: Record<string, unknown>): boolean {
	// Discord takes 64-bit integers (permissions, ids) as decimal strings too, and discord.js
	// sends them that way (`default_member_permissions: "8"`).
	return schema.format === 'int64' || (typeof schema.maximum === 'number' && schema.maximum > Number.MAX_SAFE_INTEGER);
}

function matchesType(type: unknown, value: unknown, schema: Record<string, unknown>): boolean {
	switch (type) {
		case 'null':
			return value === null;
		case 'string':
			return typeof value === 'string';
		case 'integer':
			return (
				(typeof value === 'number' && Number.isInteger(value)) ||
				(typeof value === 'string' && acceptsIntegerStrings(schema) && /^-?\d{1,20}$/.test(value))
			);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'array':
			return Array.isArray(value);
		case 'object':
			return isRecord(value);
		default:
			return true;
	}
}

/**
 * How many characters Discord counts in a string: code points, as `[...value].length` gives
 * (a lone surrogate counts as one), without building the array.
 */
export function codePointLength(value: string): number {
	let length = value.length;
	for (let i = 0; i < value.length - 1; i++) {
		const unit = value.charCodeAt(i);
		if (unit >= 0xd800 && unit <= 0xdbff) {
			const next = value.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				length--;
				i++;
			}
		}
	}
	return length;
}

function typeIssue(
	path: readonly PathSegment[],
	expected: unknown,
	value: unknown,
	schema: Record<string, unknown>,
): ValidationIssue {
	// Only the string and number messages quote the value (union branches build issues that are
	// thrown away, so a whole embed is not serialised for a message no one reads).
	const shown = (): string => (typeof value === 'string' ? value : JSON.stringify(value));
	switch (expected) {
		case 'string':
			return { path, code: 'BASE_TYPE_STRING', message: `Could not interpret "${shown()}" as string.` };
		case 'integer':
			return { path, code: 'NUMBER_TYPE_COERCE', message: `Value "${shown()}" is not int.` };
		case 'number':
			return { path, code: 'NUMBER_TYPE_COERCE', message: `Value "${shown()}" is not a valid number.` };
		case 'boolean':
			return { path, code: 'BASE_TYPE_BOOLEAN', message: 'Must be either true or false.' };
		case 'array':
			return { path, code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' };
		case 'object':
			return { path, code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' };
		default:
			return {
				path,
				code: 'BASE_TYPE_NULL',
				message: `Value must be null (schema type ${JSON.stringify(schema.type)}).`,
			};
	}
}

function choicesIssue(path: readonly PathSegment[], choices: readonly unknown[]): ValidationIssue {
	return {
		path,
		code: 'BASE_TYPE_CHOICES',
		message: `Value must be one of {${choices.map((c) => JSON.stringify(c)).join(', ')}}.`,
	};
}

/**
 * Builds Discord's length failure for strings and arrays.
 *
 * @param path - where the value sits
 * @param length - its length (code points for strings, items for arrays)
 * @param min - the minimum allowed, if any
 * @param max - the maximum allowed, if any
 * @returns the issue, or undefined when the length fits
 */
export function lengthCheck(
	path: readonly PathSegment[],
	length: number,
	min: number | undefined,
	max: number | undefined,
): ValidationIssue | undefined {
	const tooShort = min !== undefined && length < min;
	const tooLong = max !== undefined && length > max;
	if (!tooShort && !tooLong) return undefined;
	if (min !== undefined && min > 0 && max !== undefined) {
		return { path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` };
	}
	if (tooLong) return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
	return { path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${min} or more in length.` };
}

function uriCheck(path: readonly PathSegment[], value: string): ValidationIssue | undefined {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return { path, code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' };
	}
	const scheme = url.protocol.slice(0, -1);
	if (!['http', 'https', 'attachment'].includes(scheme)) {
		return {
			path,
			code: 'URL_TYPE_INVALID_SCHEME',
			message: `Scheme "${scheme}" is not supported. Scheme must be one of ('http', 'https').`,
		};
	}
	return undefined;
}

/**
 * Folds flat issues into Discord's nested `errors` object.
 *
 * @param issues - the failures, with their paths
 * @returns e.g. `{ data: { embeds: { 0: { title: { _errors: [...] } } } } }`
 */
export function toDiscordErrors(issues: readonly ValidationIssue[]): DiscordErrorTree {
	const root: DiscordErrorTree = {};
	for (const issue of issues) {
		let node = root;
		for (const segment of issue.path) {
			const key = String(segment);
			const next = node[key];
			if (next === undefined || Array.isArray(next)) {
				const created: DiscordErrorTree = {};
				node[key] = created;
				node = created;
			} else if (isErrorTree(next)) {
				node = next;
			}
		}
		const existing = node._errors;
		const entry = { code: issue.code, message: issue.message };
		node._errors = Array.isArray(existing) ? [...existing, entry] : [entry];
	}
	return root;
}

function isErrorTree(value: DiscordErrorTree | readonly unknown[]): value is DiscordErrorTree {
	return !Array.isArray(value);
}
