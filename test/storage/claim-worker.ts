/**
 * A stand-in bot process for the two-process claim test: opens each store named on the command
 * line, says `ready`, waits for `go` on stdin, then, on every store at once, claims every guild's
 * post `claimsPerGuild` times at once, and prints the results as one JSON line.
 */
import { createInterface } from 'node:readline';

import type { ClaimResult } from '../../src/core/ports.js';
import { createLogger } from '../../src/logger.js';
import { openStore, type OpenStoreOptions } from '../../src/storage/open-store.js';

export interface WorkerInput {
	readonly stores: readonly { readonly name: string; readonly url: string; readonly options: OpenStoreOptions }[];
	readonly owner: string;
	readonly guilds: readonly string[];
	readonly localDate: string;
	readonly claimsPerGuild: number;
}

/** Per store name, each claim's guild and result. */
export type WorkerOutput = Record<string, [string, ClaimResult][]>;

const input = JSON.parse(process.argv[2] ?? '{}') as WorkerInput;
const logger = createLogger({ level: 'silent' });
const stores = await Promise.all(
	input.stores.map(async (s) => ({ name: s.name, store: await openStore(s.url, logger, s.options) })),
);
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) if (line === 'go') break;
lines.close();

const output: WorkerOutput = {};
await Promise.all(
	stores.map(async ({ name, store }) => {
		const claims = input.guilds.flatMap((guild) =>
			Array.from({ length: input.claimsPerGuild }, async (_, i): Promise<[string, ClaimResult]> => [
				guild,
				await store.postLog.claim(guild, input.localDate, `${input.owner}-${i}`, 60_000),
			]),
		);
		output[name] = await Promise.all(claims);
		await store.close();
	}),
);
process.stdout.write(`${JSON.stringify(output)}\n`);
