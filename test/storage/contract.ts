/**
 * The behaviour every store must have, run against each backend by its own test file (so the
 * backends run in parallel). Two stores opened on the same location stand in for two processes.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import type { ClaimResult, Store } from '../../src/core/ports.js';
import { EMPTY_ROTATION, pickForYear } from '../../src/core/rotation.js';
import { newGuildSettings, type GuildSettings } from '../../src/core/settings.js';
import { TurnCounter } from '../fixtures/event-loop.js';
import type { BackendCase } from './backends.js';

const CHANNEL = '123456789012345678';

function settings(overrides: Partial<GuildSettings> = {}): GuildSettings {
	const made = newGuildSettings({ channelId: CHANNEL, ...overrides });
	if (!made.ok) throw new Error(made.error.message);
	return made.value;
}

/** A distinct snowflake-shaped guild id per call. */
let nextGuild = 100_000_000_000_000_000n;
const guild = (): string => String(nextGuild++);

export function describeStoreContract(makeCase: () => BackendCase): void {
	const backend = makeCase();
	let a: Store;
	let b: Store;

	beforeAll(async () => {
		a = await backend.open();
		b = await backend.open();
	});

	afterAll(async () => {
		await a?.close();
		await b?.close();
		await backend.cleanup();
	});

	describe(`${backend.name} settings`, () => {
		test('GIVEN settings written THEN they read back equal, and delete forgets them', async () => {
			const id = guild();
			const written = settings({
				timezone: 'Asia/Kolkata',
				time: '07:30',
				roleId: '223456789012345678',
				collections: ['big-three'],
				thread: { enabled: true, autoArchiveMinutes: 4320 },
			});
			await a.settings.set(id, written);
			expect(await a.settings.get(id)).toEqual(written);
			expect(await b.settings.get(id)).toEqual(written);
			expect(await a.settings.delete(id)).toBe(true);
			expect(await b.settings.get(id)).toBeUndefined();
			expect(await a.settings.delete(id)).toBe(false);
		});

		test('GIVEN the store closed and opened again THEN the settings survived', async () => {
			const id = guild();
			const written = settings({ paused: true, logChannelId: '323456789012345678' });
			const first = await backend.open();
			await first.settings.set(id, written);
			await first.close();
			const second = await backend.open();
			try {
				expect(await second.settings.get(id)).toEqual(written);
			} finally {
				await second.close();
			}
		});

		test('GIVEN 1,000 servers THEN list returns each once, with its settings (its speed is measured by npm run bench)', async () => {
			const ids = Array.from({ length: 1000 }, guild);
			for (let i = 0; i < ids.length; i += 100) {
				await Promise.all(
					ids.slice(i, i + 100).map((id, j) => a.settings.set(id, settings({ time: `0${(i + j) % 10}:00` }))),
				);
			}
			const listed = await b.settings.list();
			const mine = new Map(
				listed.filter((entry) => ids.includes(entry.guildId)).map((entry) => [entry.guildId, entry.settings]),
			);
			expect(mine.size).toBe(1000);
			expect(mine.get(ids[7] ?? '')?.time).toBe('07:00');
			expect(listed.length).toBe(new Set(listed.map((entry) => entry.guildId)).size);
		});

		test('GIVEN 1,000 servers THEN listing them lets the event loop turn every hundred or so, even with no I/O (memory)', async () => {
			const ids = Array.from({ length: 1000 }, guild);
			for (let i = 0; i < ids.length; i += 100) {
				await Promise.all(ids.slice(i, i + 100).map((id) => a.settings.set(id, settings())));
			}
			// Counted, not timed: turns other work gets while the list is read and parsed.
			const counter = new TurnCounter();
			const listed = await b.settings.list();
			const turns = counter.stop();
			expect(listed.length).toBeGreaterThanOrEqual(1000);
			expect(turns).toBeGreaterThanOrEqual(Math.floor(listed.length / 100) - 1);
		});

		test('GIVEN forgetGuild THEN settings and rotation are gone', async () => {
			const id = guild();
			await a.settings.set(id, settings());
			const pick = pickForYear(['x', 'y'], id, '2026-07-23', EMPTY_ROTATION);
			if (!pick) throw new Error('no pick');
			await a.rotation.set(id, pick.state);
			await b.forgetGuild(id);
			expect(await a.settings.get(id)).toBeUndefined();
			expect(await a.rotation.get(id)).toEqual(EMPTY_ROTATION);
		});
	});

	describe(`${backend.name} rotation`, () => {
		test('GIVEN picks over several years stored between them THEN a different letter each year', async () => {
			const id = guild();
			const letters = ['l-1942-07-23-a', 'l-1943-07-23-b', 'l-1944-07-23-c'];
			expect(await a.rotation.get(id)).toEqual(EMPTY_ROTATION);
			const picks: string[] = [];
			for (const year of [2026, 2027, 2028, 2029]) {
				// Alternate the two stores, as two processes would.
				const store = year % 2 === 0 ? a : b;
				const pick = pickForYear(letters, id, `${year}-07-23`, await store.rotation.get(id));
				if (!pick) throw new Error('no pick');
				if (pick.changed) await store.rotation.set(id, pick.state);
				picks.push(pick.letterId);
			}
			expect(new Set(picks.slice(0, 3)).size).toBe(3);
			expect(picks[3]).not.toBe(picks[2]);
		});
	});

	describe(`${backend.name} post log`, () => {
		test('GIVEN 20 concurrent claims from two stores, 10 rounds THEN exactly one claimed each round', async () => {
			const outcomes: Record<ClaimResult, number> = { claimed: 0, taken: 0, done: 0 };
			for (let round = 0; round < 10; round++) {
				const id = guild();
				const results = await Promise.all(
					Array.from({ length: 20 }, (_, i) =>
						(i % 2 === 0 ? a : b).postLog.claim(id, '2026-07-23', `owner-${i}`, 60_000),
					),
				);
				expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
				for (const r of results) outcomes[r]++;
				const winner = results.indexOf('claimed');
				expect(await b.postLog.get(id, '2026-07-23')).toMatchObject({ state: 'claimed', owner: `owner-${winner}` });
			}
			expect(outcomes).toEqual({ claimed: 10, taken: 190, done: 0 });
		});

		test('GIVEN a crashed owner THEN its expired lease is claimed again, but a completed post never', async () => {
			const id = guild();
			const day = '2026-07-24';
			expect(await a.postLog.claim(id, day, 'crashed', 150)).toBe('claimed');
			expect(await b.postLog.claim(id, day, 'survivor', 150)).toBe('taken');
			await sleep(250);
			expect(await b.postLog.claim(id, day, 'survivor', 60_000)).toBe('claimed');
			// The crashed owner coming back cannot release the survivor's claim.
			await a.postLog.release(id, day, 'crashed');
			expect(await a.postLog.get(id, day)).toMatchObject({ state: 'claimed', owner: 'survivor' });
			await b.postLog.complete(id, day, '423456789012345678');
			expect(await a.postLog.claim(id, day, 'late-comer', 1)).toBe('done');
			await sleep(50);
			expect(await a.postLog.claim(id, day, 'late-comer', 1)).toBe('done');
			expect(await a.postLog.get(id, day)).toMatchObject({ state: 'done', messageId: '423456789012345678' });
		});

		test('GIVEN a failed send released THEN another owner can claim at once', async () => {
			const id = guild();
			expect(await a.postLog.claim(id, '2026-07-25', 'first', 60_000)).toBe('claimed');
			await a.postLog.release(id, '2026-07-25', 'first');
			expect(await a.postLog.get(id, '2026-07-25')).toBeUndefined();
			expect(await b.postLog.claim(id, '2026-07-25', 'second', 60_000)).toBe('claimed');
		});

		test('GIVEN records of several days THEN prune removes only the days before the given one', async () => {
			const id = guild();
			await a.postLog.complete(id, '2026-06-01', '523456789012345678');
			await a.postLog.complete(id, '2026-06-02', '523456789012345679');
			expect(await a.postLog.claim(id, '2026-06-03', 'now', 60_000)).toBe('claimed');
			expect(await b.postLog.prune('2026-06-02')).toBeGreaterThanOrEqual(1);
			expect(await a.postLog.get(id, '2026-06-01')).toBeUndefined();
			expect(await a.postLog.get(id, '2026-06-02')).toMatchObject({ state: 'done' });
			expect(await a.postLog.get(id, '2026-06-03')).toMatchObject({ state: 'claimed' });
		});

		test('GIVEN two processes that crash before and after sending THEN the protocol still gives one message per server', async () => {
			const day = '2026-07-26';
			const guilds = Array.from({ length: 30 }, guild);
			// Discord with enforce_nonce: a repeated nonce returns the message it already created.
			const messages = new Map<string, string>();
			let created = 0;
			const send = async (nonce: string): Promise<string> => {
				let id = messages.get(nonce);
				if (id === undefined) {
					id = String(600_000_000_000_000_000n + BigInt(created++));
					messages.set(nonce, id);
				}
				return id;
			};
			const crashed = new Set<string>();
			/** One attempt by one process, as its scheduler would make it. */
			const deliver = async (store: Store, owner: string, id: string, index: number): Promise<void> => {
				if ((await store.postLog.claim(id, day, owner, 100)) !== 'claimed') return;
				const firstTime = owner === 'a' && !crashed.has(id);
				if (firstTime && index % 3 === 0) {
					crashed.add(id); // crashed after claiming, before sending
					return;
				}
				const messageId = await send(store.postLog.nonce(id, day));
				if (firstTime && index % 3 === 1) {
					crashed.add(id); // crashed after sending, before recording
					return;
				}
				await store.postLog.complete(id, day, messageId);
			};
			for (let round = 0; round < 20; round++) {
				// Process b starts a round late, so a's crashes happen; from then on both race.
				await Promise.all(
					guilds.flatMap((id, i) => [deliver(a, 'a', id, i), ...(round === 0 ? [] : [deliver(b, 'b', id, i)])]),
				);
				const records = await Promise.all(guilds.map((id) => a.postLog.get(id, day)));
				if (records.every((r) => r?.state === 'done')) break;
				await sleep(120);
			}
			expect(crashed.size).toBe(20);
			expect(created).toBe(guilds.length);
			for (const id of guilds) {
				expect(await b.postLog.get(id, day)).toMatchObject({
					state: 'done',
					messageId: messages.get(a.postLog.nonce(id, day)),
				});
			}
		});

		test('THEN the nonce is stable per server and date, distinct otherwise, and fits Discord', () => {
			const id = '18446744073709551615';
			expect(a.postLog.nonce(id, '2026-07-23')).toBe(b.postLog.nonce(id, '2026-07-23'));
			expect(a.postLog.nonce(id, '2026-07-23')).not.toBe(a.postLog.nonce(id, '2026-07-24'));
			expect(a.postLog.nonce(id, '2026-07-23')).not.toBe(a.postLog.nonce('18446744073709551614', '2026-07-23'));
			expect(a.postLog.nonce(id, '2026-07-23').length).toBeLessThanOrEqual(25);
		});
	});
}
