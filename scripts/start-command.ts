/**
 * How `npm start` runs the bot, read from package.json's `start` script, so that the benchmark
 * and the tests run the bot exactly as production does (same Node flags, same built entry point).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { join } from 'node:path';

export interface StartCommand {
	/** Node flags, e.g. `--optimize-for-size`. */
	readonly flags: readonly string[];
	/** The built entry point, relative to the package root (e.g. `dist/src/main.js`). */
	readonly entry: string;
}

/** The repository root (this file is in `scripts/`). */
export const ROOT = join(import.meta.dirname, '..');

/**
 * @param script - a `start` script of the form `npm run build && node [--flag …] <entry>.js`
 * @throws Error when the script has another form
 */
export function parseStartScript(script: string): StartCommand {
	const match = /(?:^|&&)\s*node((?:\s+--[\w-]+(?:=\S+)?)*)\s+(\S+\.js)\s*$/.exec(script);
	if (match === null)
		throw new Error(`cannot tell how "${script}" runs node (expected "… node [--flag …] <entry>.js")`);
	const flags = (match[1] ?? '').trim();
	return { flags: flags === '' ? [] : flags.split(/\s+/), entry: match[2] ?? '' };
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
 * Run the built bot as `npm start` does (its Node flags, its entry point), against a local Discord,
 * with the memory store and nothing but the environment given here (run it in a directory without
 * a `.env`). Build it first with `npm run build`. Logs (JSON lines) come on stdout.
 *
 * @param cwd - the directory to run in
 */
export function spawnStart(discord: LocalDiscord, cwd: string): ChildProcessByStdio<null, Readable, Readable> {
	const { flags, entry } = startCommand();
	return spawn(process.execPath, [...flags, join(ROOT, entry)], {
		cwd,
		env: {
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
