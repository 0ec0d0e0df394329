/**
 * How `npm start` runs the bot, read from package.json's `start` script, so that the benchmark
 * and the tests run the bot exactly as production does (same Node flags, same built entry point).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { join } from 'node:path';

export interface StartCommand {
	/** Environment variables the script sets for node, e.g. `MALLOC_MMAP_THRESHOLD_`. */
	readonly env: Readonly<Record<string, string>>;
	/** Node flags, e.g. `--optimize-for-size`. */
	readonly flags: readonly string[];
	/** The built entry point, relative to the package root (e.g. `dist/src/main.js`). */
	readonly entry: string;
}

/** The repository root (this file is in `scripts/`). */
export const ROOT = join(import.meta.dirname, '..');

/**
 * @param script - a `start` script of the form `npm run build && [NAME=value …] node [--flag …] <entry>.js`
 * @throws Error when the script has another form
 */
export function parseStartScript(script: string): StartCommand {
	const match = /(?:^|&&)((?:\s*[A-Z_][A-Z0-9_]*=\S+)*)\s*node((?:\s+--[\w-]+(?:=\S+)?)*)\s+(\S+\.js)\s*$/.exec(script);
	if (match === null)
		throw new Error(`cannot tell how "${script}" runs node (expected "… [NAME=value …] node [--flag …] <entry>.js")`);
	const words = (text: string | undefined): string[] => (text ?? '').split(/\s+/).filter((w) => w !== '');
	const env = Object.fromEntries(
		words(match[1]).map((assignment) => {
			const at = assignment.indexOf('=');
			return [assignment.slice(0, at), assignment.slice(at + 1)];
		}),
	);
	return { env, flags: words(match[2]), entry: match[3] ?? '' };
}

/** `npm start` as package.json has it. */
export function startCommand(root: string = ROOT): StartCommand {
	const pkg: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	const start =
		typeof pkg === 'object' &&
		pkg !== null &&
		'scripts' in pkg &&
		typeof pkg.scripts === 'object' &&
		pkg.scripts !== null &&
		'start' in pkg.scripts
			? pkg.scripts.start
			: undefined;
	if (typeof start !== 'string') throw new Error('package.json has no start script');
	return parseStartScript(start);
}

/** Where a bot started by {@link spawnStart} finds Discord: a local emulator's URL and credentials. */
export interface LocalDiscord {
	readonly url: string;
	readonly token: string;
	readonly applicationId: string;
}

/**
 * Run the built bot as `npm start` does (its environment, Node flags and entry point), against a local Discord,
 * with the memory store and nothing but the environment given here (run it in a directory without
 * a `.env`). Build it first with `npm run build`. Logs (JSON lines) come on stdout.
 *
 * @param cwd - the directory to run in
 */
export function spawnStart(discord: LocalDiscord, cwd: string): ChildProcessByStdio<null, Readable, Readable> {
	const { env, flags, entry } = startCommand();
	return spawn(process.execPath, [...flags, join(ROOT, entry)], {
		cwd,
		env: {
			...env,
			PATH: process.env.PATH ?? '',
			DISCORD_TOKEN: discord.token,
			DISCORD_APPLICATION_ID: discord.applicationId,
			DISCORD_API_URL: discord.url,
			STORE_URL: 'memory://',
			LOG_LEVEL: 'info',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}
