/**
 * A bot process for the two-process daily-post test: logs in to the emulator with the bot's own
 * client, opens the shared store, says `ready`, waits for `go` on stdin, then runs the daily tick
 * at each instant given (the injected clock), and prints each tick's outcomes as one JSON line.
 */
import { createInterface } from 'node:readline';
import { Events } from 'discord.js';
import { DateTime } from 'luxon';
import { createDiscordClient } from '../../src/discord/client.js';
import { createLogger } from '../../src/logger.js';
import { runDueTick, type DeliveryOutcome } from '../../src/scheduler/daily-post.js';
import { createDiscordPostSender } from '../../src/scheduler/discord-sender.js';
import { createPacer } from '../../src/scheduler/pacer.js';
import { openStore, type OpenStoreOptions } from '../../src/storage/open-store.js';
import { dailyDeps } from './helpers.js';

export interface TickWorkerInput {
	readonly api: string;
	readonly token: string;
	readonly store: { readonly url: string; readonly options: OpenStoreOptions };
	readonly owner: string;
	/** ISO instants, one tick each, in order. */
	readonly ticks: readonly string[];
}

/** Every outcome of every tick, as `[guildId, outcome]`. */
export type TickWorkerOutput = [string, DeliveryOutcome][];

const input = JSON.parse(process.argv[2] ?? '{}') as TickWorkerInput;
const client = createDiscordClient({
	apiUrl: input.api,
	overrides: {
		rest: { offset: 0 },
		ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: () => Promise.resolve() }) },
		waitGuildTimeout: 1_000,
	},
});
const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
await client.login(input.token);
await ready;
const store = await openStore(input.store.url, createLogger({ level: 'silent' }), input.store.options);
const deps = dailyDeps(store, createDiscordPostSender(client), {
	owner: input.owner,
	pacer: createPacer({ ratePerSecond: 200, concurrency: 16 }),
});
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) if (line === 'go') break;
lines.close();

const output: TickWorkerOutput = [];
for (const tick of input.ticks) {
	const report = await runDueTick(deps, DateTime.fromISO(tick, { zone: 'utc' }));
	output.push(...report.outcomes.entries());
}
process.stdout.write(`${JSON.stringify(output)}\n`);
await store.close();
await client.destroy();
