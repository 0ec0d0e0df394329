/**
 * A stand-in bot process for the two-process claim test: opens the store named on the command
 * line, says `ready`, waits for `go` on stdin, then claims every (guild, date) it was given
 * `claimsPerGuild` times at once and prints the results as one JSON line.
 */
import { createInterface } from 'node:readline';

import type { ClaimResult } from '../../src/core/ports.js';
import { createLogger } from '../../src/logger.js';
import { openStore, type OpenStoreOptions } from '../../src/storage/open-store.js';

interface WorkerInput {
	readonly url: string;
	readonly options: OpenStoreOptions;
	readonly owner: string;
	readonly guilds: readonly string[];
	readonly localDate: string;
	readonly claimsPerGuild: number;
}

const input = JSON.parse(process.argv[2] ?? '{}') as WorkerInput;
const store = await openStore(input.url, createLogger({ level: 'silent' }), input.options);
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) if (line === 'go') break;
lines.close();

const claims = input.guilds.flatMap((guild) =>
	Array.from({ length: input.claimsPerGuild }, async (_, i): Promise<[string, ClaimResult]> => [
		guild,
		await store.postLog.claim(guild, input.localDate, `${input.owner}-${i}`, 60_000),
	]),
);
const results = await Promise.all(claims);
await store.close();
process.stdout.write(`${JSON.stringify(results)}\n`);
