/**
 * The daily post use case with an injected clock and a recording sender: local minutes across
 * zones and daylight-saving changes, exactly once across ticks and restarts, late posts,
 * failures with backoff, cleanup, rotation, collections, mentions and threads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { capturedLogger } from '../fixtures/logging.js';
import { TurnCounter } from '../fixtures/event-loop.js';
import type { SettingsStore, Store } from '../../src/core/ports.js';
import {
	createPlanCache,
	lettersForDay,
	PLAN_CACHE_SIZE,
	PostError,
	runDueTick,
	planPost,
	postNow,
	timeSlicer,
} from '../../src/scheduler/daily-post.js';
import { EMPTY_ROTATION } from '../../src/core/rotation.js';
import { openStore } from '../../src/storage/open-store.js';
import { postgresCase, redisCase, silentLogger, sqliteCase } from '../storage/backends.js';
import {
	channelId,
	dailyDeps,
	FakeSender,
	fullCorpus,
	guildId,
	missing,
	realPrompts,
	type SentMessage,
	settings,
	utc,
} from './helpers.js';

const opened: Store[] = [];
async function memoryStore(): Promise<Store> {
	const store = await openStore(`memory://daily-${Math.random()}`, silentLogger);
	opened.push(store);
	return store;
}
afterEach(async () => {
	await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe('GIVEN servers in several time zones', () => {
	const zones = [
		{ n: 1, timezone: 'Europe/London', time: '09:00', dueUtc: '2026-07-14T08:00:00Z' },
		{ n: 2, timezone: 'America/New_York', time: '18:30', dueUtc: '2026-07-14T22:30:00Z' },
		{ n: 3, timezone: 'Asia/Tokyo', time: '07:15', dueUtc: '2026-07-13T22:15:00Z' },
		{ n: 4, timezone: 'Asia/Kolkata', time: '05:45', dueUtc: '2026-07-14T00:15:00Z' },
		{ n: 5, timezone: 'Australia/Sydney', time: '00:00', dueUtc: '2026-07-13T14:00:00Z' },
	];

	it.each(zones)(
		'THEN $timezone at $time posts at its local minute ($dueUtc) and not the minute before',
		async (zone) => {
			const store = await memoryStore();
			const sender = new FakeSender();
			const deps = dailyDeps(store, sender);
			const due = utc(zone.dueUtc);
			// Yesterday's post is done, so the minute before shows only whether today's is early.
			const yesterday = due.setZone(zone.timezone).minus({ days: 1 }).toISODate() ?? '';
			await store.settings.set(
				guildId(zone.n),
				settings({
					channelId: channelId(zone.n),
					time: zone.time,
					timezone: zone.timezone,
					lastDelivery: { localDate: yesterday, status: 'posted', at: '2026-07-01T00:00:00Z', attempts: 1 },
				}),
			);
			expect((await runDueTick(deps, due.minus({ minutes: 1 }))).due).toBe(0);
			const report = await runDueTick(deps, due);
			expect(report.outcomes.get(guildId(zone.n))).toMatchObject({ status: 'posted' });
			await runDueTick(deps, due.plus({ minutes: 1 }));
			await runDueTick(deps, due.plus({ hours: 5 }));
			expect(sender.to(channelId(zone.n))).toHaveLength(1);
			const stored = await store.settings.get(guildId(zone.n));
			expect(stored?.lastDelivery).toMatchObject({ status: 'posted', messageId: sender.sent[0]?.id });
		},
	);
});

describe('GIVEN daylight-saving changes in New York', () => {
	it('WHEN 02:30 does not exist (spring forward) THEN the post goes out at the first valid minute, 03:00 EDT', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		const deps = dailyDeps(store, sender);
		await store.settings.set(
			guildId(1),
			settings({ channelId: channelId(1), time: '02:30', timezone: 'America/New_York' }),
		);
		// 2026-03-08: 01:59 EST is 06:59 UTC; the clocks jump to 03:00 EDT at 07:00 UTC.
		await runDueTick(deps, utc('2026-03-08T06:59:00Z'));
		expect(sender.sent).toHaveLength(0);
		await runDueTick(deps, utc('2026-03-08T07:00:00Z'));
		expect(sender.sent).toHaveLength(1);
		expect((await store.settings.get(guildId(1)))?.lastDelivery?.status).toBe('posted');
	});

	it('WHEN 01:30 happens twice (fall back) THEN the post goes out once, at the first 01:30', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		const deps = dailyDeps(store, sender);
		await store.settings.set(
			guildId(1),
			settings({ channelId: channelId(1), time: '01:30', timezone: 'America/New_York' }),
		);
		// 2026-11-01: 01:30 EDT is 05:30 UTC; 01:30 EST (the repeat) is 06:30 UTC.
		await runDueTick(deps, utc('2026-11-01T05:29:00Z'));
		expect(sender.sent).toHaveLength(0);
		for (const minute of ['05:30', '05:31', '06:30', '06:31', '12:00'])
			await runDueTick(deps, utc(`2026-11-01T${minute}:00Z`));
		expect(sender.sent).toHaveLength(1);
	});

	it('WHEN London springs forward THEN a 01:30 post goes out at 02:00 BST and the next day at 01:30 BST', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		const deps = dailyDeps(store, sender);
		await store.settings.set(
			guildId(1),
			settings({ channelId: channelId(1), time: '01:30', timezone: 'Europe/London' }),
		);
		await runDueTick(deps, utc('2026-03-29T00:59:00Z'));
		expect(sender.sent).toHaveLength(0);
		await runDueTick(deps, utc('2026-03-29T01:00:00Z'));
		expect(sender.sent).toHaveLength(1);
		await runDueTick(deps, utc('2026-03-30T00:29:00Z'));
		expect(sender.sent).toHaveLength(1);
		await runDueTick(deps, utc('2026-03-30T00:30:00Z'));
		expect(sender.sent).toHaveLength(2);
	});
});

describe('GIVEN a restart in the middle of the day', () => {
	it.each([
		['SQLite file', sqliteCase],
		['Redis prefix', redisCase],
		['PostgreSQL table', postgresCase],
	] as const)(
		'THEN a new store instance over the same %s does not post again, and posts the next day',
		async (_name, makeCase) => {
			const backend = makeCase();
			try {
				const sender = new FakeSender();
				const first = await backend.open();
				await first.settings.set(
					guildId(1),
					settings({ channelId: channelId(1), time: '09:00', timezone: 'Europe/Paris' }),
				);
				await runDueTick(dailyDeps(first, sender, { owner: 'process-1' }), utc('2026-05-05T07:00:00Z'));
				await first.close();
				const second = await backend.open();
				const deps = dailyDeps(second, sender, { owner: 'process-2' });
				await runDueTick(deps, utc('2026-05-05T07:01:00Z'));
				await runDueTick(deps, utc('2026-05-05T15:00:00Z'));
				expect(sender.sent).toHaveLength(1);
				await runDueTick(deps, utc('2026-05-06T07:00:00Z'));
				expect(sender.sent).toHaveLength(2);
				await second.close();
			} finally {
				await backend.cleanup();
			}
		},
	);

	it('WHEN the process died between sending and recording THEN the next process re-sends with the same nonce, which yields the same message', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		await store.settings.set(guildId(1), settings({ channelId: channelId(1), time: '09:00' }));
		// The "crash": a claim and a send, with no complete and no settings update.
		expect(await store.postLog.claim(guildId(1), '2026-05-05', 'dead', 1)).toBe('claimed');
		const firstId = await sender.send(
			guildId(1),
			channelId(1),
			{ embeds: [], components: [], allowed_mentions: { parse: [] }, content: 'x' },
			store.postLog.nonce(guildId(1), '2026-05-05'),
		);
		await new Promise((r) => setTimeout(r, 5));
		const report = await runDueTick(dailyDeps(store, sender), utc('2026-05-05T09:02:00Z'));
		expect(report.outcomes.get(guildId(1))).toEqual({ status: 'posted', messageId: firstId });
		expect(sender.sent).toHaveLength(1);
		expect(await store.postLog.get(guildId(1), '2026-05-05')).toMatchObject({ state: 'done', messageId: firstId });
	});
});

describe('GIVEN downtime over the posting time', () => {
	it('THEN the missed post goes out at the first tick of the same local day, labelled late', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		await store.settings.set(
			guildId(1),
			settings({ channelId: channelId(1), time: '09:00', timezone: 'Europe/Berlin' }),
		);
		await runDueTick(dailyDeps(store, sender), utc('2026-06-01T12:40:00Z'));
		expect(sender.sent).toHaveLength(1);
		expect(sender.sent[0]?.body.content).toContain('Posted late: this post was due at 09:00 (Europe/Berlin)');
		expect((await store.settings.get(guildId(1)))?.lastDelivery?.status).toBe('late');
	});

	it('WHEN the local day has ended THEN the missed post is not sent', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		await store.settings.set(
			guildId(1),
			settings({ channelId: channelId(1), time: '23:00', timezone: 'Europe/Berlin' }),
		);
		await runDueTick(dailyDeps(store, sender), utc('2026-06-01T22:05:00Z')); // 00:05 on 2 June in Berlin
		expect(sender.sent).toHaveLength(0);
	});
});

describe('GIVEN failing servers', () => {
	it('WHEN a permission is missing THEN the post is skipped, recorded with the reason, noted to the log channel, and retried only after the backoff', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		const log = channelId(99);
		await store.settings.set(guildId(1), settings({ channelId: channelId(1), logChannelId: log, time: '09:00' }));
		sender.failWith.set(channelId(1), missing('Send Messages, Embed Links in <#1>'));
		const deps = dailyDeps(store, sender);
		const report = await runDueTick(deps, utc('2026-06-01T09:00:00Z'));
		expect(report.outcomes.get(guildId(1))).toMatchObject({ status: 'failed', kind: 'permissions' });
		const after = await store.settings.get(guildId(1));
		expect(after?.lastDelivery).toMatchObject({
			status: 'failed',
			attempts: 1,
			error: expect.stringContaining('Send Messages, Embed Links'),
		});
		expect(after?.backoffUntil).toBe('2026-06-01T09:05:00.000Z');
		expect(sender.to(log)[0]?.body.content).toContain('could not post');
		expect(await store.postLog.get(guildId(1), '2026-06-01')).toBeUndefined();
		// Backing off: no attempt, no second note.
		await runDueTick(deps, utc('2026-06-01T09:04:00Z'));
		expect(sender.to(log)).toHaveLength(1);
		sender.failWith.delete(channelId(1));
		await runDueTick(deps, utc('2026-06-01T09:05:00Z'));
		expect(sender.to(channelId(1))).toHaveLength(1);
		expect(await store.settings.get(guildId(1))).toMatchObject({
			consecutiveFailures: 0,
			lastDelivery: { status: 'posted', attempts: 2 },
		});
	});

	it('WHEN it keeps failing THEN it gives up for the day after four attempts', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		await store.settings.set(guildId(1), settings({ channelId: channelId(1), time: '09:00' }));
		sender.failWith.set(channelId(1), missing('View Channel'));
		const deps = dailyDeps(store, sender);
		for (let minute = 0; minute < 12 * 60; minute++)
			await runDueTick(deps, utc('2026-06-01T09:00:00Z').plus({ minutes: minute }));
		const after = await store.settings.get(guildId(1));
		expect(after?.lastDelivery).toMatchObject({ status: 'skipped', attempts: 4 });
		expect(after?.consecutiveFailures).toBe(4);
	});

	it('WHEN the channel was deleted or the bot removed THEN the settings are forgotten and logged', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		const { logger, lines } = capturedLogger();
		await store.settings.set(guildId(1), settings({ channelId: channelId(1) }));
		await store.settings.set(guildId(2), settings({ channelId: channelId(2) }));
		sender.failWith.set(channelId(1), new PostError('channel-gone', 'the channel was deleted'));
		sender.failWith.set(channelId(2), new PostError('guild-gone', 'Letterday is not in the server'));
		await runDueTick(dailyDeps(store, sender, { logger }), utc('2026-06-01T09:00:00Z'));
		expect(await store.settings.get(guildId(1))).toBeUndefined();
		expect(await store.settings.get(guildId(2))).toBeUndefined();
		expect(lines.filter((l) => l.msg === 'daily post target gone; server settings forgotten')).toHaveLength(2);
	});

	it('WHEN one server throws or hangs THEN every other server still gets its post', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		for (let n = 1; n <= 20; n++) await store.settings.set(guildId(n), settings({ channelId: channelId(n) }));
		sender.failWith.set(channelId(3), new Error('socket hang up'));
		sender.hang.add(channelId(7));
		const report = await runDueTick(dailyDeps(store, sender, { guildTimeoutMs: 200 }), utc('2026-06-01T09:00:00Z'));
		expect(sender.sent).toHaveLength(18);
		expect(report.outcomes.get(guildId(3))).toMatchObject({ status: 'failed', kind: 'transient' });
		expect(report.outcomes.get(guildId(7))).toMatchObject({ status: 'failed', kind: 'transient' });
		expect((await store.settings.get(guildId(3)))?.lastDelivery?.error).toBe('an unexpected error (see the bot log)');
	});
});

describe('GIVEN what a post shows', () => {
	it('THEN a server sees a different letter each year on a day with several, and the same one within a year', async () => {
		const corpus = fullCorpus();
		let state = EMPTY_ROTATION;
		const seen: string[] = [];
		const base = settings({ channelId: channelId(1) });
		for (const year of [2026, 2027, 2028]) {
			const plan = planPost(corpus, realPrompts(), {
				guildId: guildId(1),
				settings: base,
				localDate: `${year}-08-13`,
				rotation: state,
			});
			expect(plan).toBeDefined();
			if (!plan) return;
			state = plan.pick.state;
			const again = planPost(corpus, realPrompts(), {
				guildId: guildId(1),
				settings: base,
				localDate: `${year}-08-13`,
				rotation: state,
			});
			expect(again?.letter.id).toBe(plan.letter.id);
			seen.push(plan.letter.id);
		}
		expect(new Set(seen).size).toBeGreaterThan(1);
		expect(seen[1]).not.toBe(seen[0]);
	});

	it('THEN the rotation is recorded in the store across ticks of successive years', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		await store.settings.set(guildId(1), settings({ channelId: channelId(1) }));
		const deps = dailyDeps(store, sender);
		await runDueTick(deps, utc('2026-08-13T09:00:00Z'));
		await runDueTick(deps, utc('2027-08-13T09:00:00Z'));
		const ids = sender.sent.map((m) => m.body.embeds[0]?.footer?.text.split(' · ').at(-1));
		expect(ids).toHaveLength(2);
		expect(ids[0]).not.toBe(ids[1]);
		expect((await store.rotation.get(guildId(1))).days['08-13']?.seen).toHaveLength(2);
	});

	it.each(['adams', 'lincoln', 'victoria', 'napoleon-josephine', 'big-three'])(
		'THEN a server that chose %s gets only that collection, all year round',
		(collection) => {
			const corpus = fullCorpus();
			const base = settings({ channelId: channelId(1), collections: [collection] });
			for (const date of ['2026-01-15', '2026-04-02', '2026-07-04', '2026-10-20', '2026-12-25']) {
				const plan = planPost(corpus, realPrompts(), {
					guildId: guildId(1),
					settings: base,
					localDate: date,
					rotation: EMPTY_ROTATION,
				});
				if (plan) expect(plan.letter.collection).toBe(collection);
			}
		},
	);

	it('THEN two chosen collections draw from both and nothing else', () => {
		const corpus = fullCorpus();
		const base = settings({ channelId: channelId(1), collections: ['adams', 'lincoln'] });
		const seen = new Set<string>();
		for (let day = 1; day <= 28; day++) {
			const plan = planPost(corpus, realPrompts(), {
				guildId: guildId(day),
				settings: base,
				localDate: `2026-06-${String(day).padStart(2, '0')}`,
				rotation: EMPTY_ROTATION,
			});
			if (plan) seen.add(plan.letter.collection);
		}
		expect([...seen].sort()).toEqual(['adams', 'lincoln']);
	});

	it('THEN with a role the post mentions only that role; without one it parses no mention', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		const role = '500000000000000001';
		await store.settings.set(guildId(1), settings({ channelId: channelId(1), roleId: role }));
		await store.settings.set(guildId(2), settings({ channelId: channelId(2) }));
		await runDueTick(dailyDeps(store, sender), utc('2026-06-01T09:00:00Z'));
		const [withRole] = sender.to(channelId(1));
		expect(withRole?.body.content?.startsWith(`<@&${role}> `)).toBe(true);
		expect(withRole?.body.allowed_mentions).toEqual({ parse: [], roles: [role] });
		expect(sender.to(channelId(2))[0]?.body.allowed_mentions).toEqual({ parse: [] });
		expect(sender.to(channelId(2))[0]?.body.content).not.toContain('<@');
	});

	it("WHEN the chosen collection has no letter on the day THEN the nearest day's letter is posted, saying so", () => {
		const corpus = fullCorpus();
		const base = settings({ channelId: channelId(1), collections: ['big-three'] });
		const day = Array.from({ length: 365 }, (_, i) => utc('2026-01-01T00:00:00Z').plus({ days: i })).find(
			(d) => lettersForDay(corpus, { year: d.year, month: d.month, day: d.day }, ['big-three']).match === 'nearest',
		);
		if (!day) throw new Error('every day has a big-three letter');
		const plan = planPost(corpus, realPrompts(), {
			guildId: guildId(1),
			settings: base,
			localDate: day.toISODate() ?? '',
			rotation: EMPTY_ROTATION,
		});
		const header = `📜 **On this day, ${day.day} ${day.toFormat('LLLL')}:** No letter whose text we hold was sent on ${day.day} ${day.toFormat('LLLL')}; the nearest`;
		expect(plan?.body.content?.startsWith(header)).toBe(true);
		expect(plan?.letter.collection).toBe('big-three');
	});

	it('THEN a day with several letters offers the others with a button', async () => {
		const plan = planPost(fullCorpus(), realPrompts(), {
			guildId: guildId(1),
			settings: settings({ channelId: channelId(1) }),
			localDate: '2026-08-13',
			rotation: EMPTY_ROTATION,
		});
		const labels = plan?.body.components.flatMap((r) => r.components.map((c) => ('label' in c ? c.label : '')));
		expect(labels?.some((l) => l?.startsWith('Other letters of this day ('))).toBe(true);
	});

	it('WHEN threads are on THEN the post opens a thread named after the letter with a prompt', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		await store.settings.set(
			guildId(1),
			settings({ channelId: channelId(1), thread: { enabled: true, autoArchiveMinutes: 4320 } }),
		);
		await runDueTick(dailyDeps(store, sender), utc('2026-08-13T09:00:00Z'));
		expect(sender.threads).toHaveLength(1);
		const [thread] = sender.threads;
		expect(thread).toMatchObject({ messageId: sender.sent[0]?.id, autoArchiveMinutes: 4320 });
		expect(thread?.name.length).toBeLessThanOrEqual(100);
		expect(thread?.name).toMatch(/1\d{3}/);
		expect(sender.threadMessages[0]?.text).toMatch(/^💬 .+\?/);
	});

	it('WHEN an admin posts now THEN today goes through the post log and the scheduled tick does not post again', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		await store.settings.set(guildId(1), settings({ channelId: channelId(1), time: '18:00' }));
		const deps = dailyDeps(store, sender);
		expect(await postNow(deps, guildId(1), undefined, utc('2026-06-01T08:00:00Z'))).toMatchObject({ status: 'posted' });
		expect(await postNow(deps, guildId(1), undefined, utc('2026-06-01T08:01:00Z'))).toEqual({
			status: 'already-posted',
		});
		await runDueTick(deps, utc('2026-06-01T18:00:00Z'));
		expect(sender.sent).toHaveLength(1);
		expect(await postNow(deps, guildId(1), '2026-12-25', utc('2026-06-01T18:01:00Z'))).toMatchObject({
			status: 'posted',
		});
		expect(sender.sent).toHaveLength(2);
	});

	it('WHEN this process does not own a server (another shard does) THEN it does not post there', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		await store.settings.set(guildId(1), settings({ channelId: channelId(1) }));
		await store.settings.set(guildId(2), settings({ channelId: channelId(2) }));
		await runDueTick(dailyDeps(store, sender, { owns: (id) => id === guildId(2) }), utc('2026-06-01T09:00:00Z'));
		expect(sender.sent.map((m) => m.guildId)).toEqual([guildId(2)]);
	});
});

describe('GIVEN ten thousand servers', () => {
	it('THEN working out which are due yields to the event loop every few hundred servers', async () => {
		const store = await memoryStore();
		const zones = ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'];
		for (let n = 0; n < 10_000; n++) {
			await store.settings.set(
				guildId(n),
				settings({ channelId: channelId(n), time: '23:59', timezone: zones[n % 4] ?? 'UTC' }),
			);
		}
		// Count the turns of the event loop that other work gets while the tick runs: it must yield
		// (after at most 250 servers) rather than hold the loop for the whole list. Counted, not timed,
		// and from the moment the list is read (the store yields on its own while reading).
		const counter = new TurnCounter();
		const listed: SettingsStore = {
			...store.settings,
			list: async () => {
				const entries = await store.settings.list();
				counter.turns = 0;
				return entries;
			},
		};
		const deps = dailyDeps(store, new FakeSender(), { settings: listed });
		// A first tick warms up (and lets the garbage of ten thousand writes be collected).
		await runDueTick(deps, utc('2026-01-15T02:59:00Z'));
		const report = await runDueTick(deps, utc('2026-01-15T03:00:00Z'));
		const turns = counter.stop();
		expect(report.due).toBe(0);
		expect(turns).toBeGreaterThanOrEqual(10_000 / 250 - 1);
	}, 30_000);
});

describe('GIVEN many servers posting the same day', () => {
	it('THEN the tick renders each distinct message once and every server gets the same message as if built alone', async () => {
		const store = await memoryStore();
		const sender = new FakeSender();
		const roles = ['500000000000000001', '500000000000000002', undefined];
		for (let n = 0; n < 120; n++) {
			const roleId = roles[n % 3];
			await store.settings.set(
				guildId(n),
				settings({ channelId: channelId(n), ...(roleId === undefined ? {} : { roleId }) }),
			);
		}
		// 13 August has several letters, so servers' rotations pick different ones.
		await runDueTick(dailyDeps(store, sender), utc('2026-08-13T09:00:00Z'));
		expect(sender.sent).toHaveLength(120);
		const groups = new Map<string, SentMessage[]>();
		for (const message of sender.sent) {
			const n = Number(BigInt(message.guildId) - BigInt(guildId(0)));
			const alone = planPost(fullCorpus(), realPrompts(), {
				guildId: message.guildId,
				settings: settings({
					channelId: channelId(n),
					...(roles[n % 3] === undefined ? {} : { roleId: roles[n % 3] }),
				}),
				localDate: '2026-08-13',
				rotation: EMPTY_ROTATION,
			});
			expect(message.body).toEqual(alone?.body);
			const key = `${alone?.letter.id} ${roles[n % 3]}`;
			groups.set(key, [...(groups.get(key) ?? []), message]);
		}
		expect(groups.size).toBeGreaterThan(3);
		expect(groups.size).toBeLessThan(120);
		// One message per letter and role, shared by the servers that post it.
		for (const group of groups.values()) expect(new Set(group.map((m) => m.body)).size).toBe(1);
	});

	it('THEN the plan cache keeps at most its size, however many servers differ', () => {
		const cache = createPlanCache();
		for (let n = 0; n < PLAN_CACHE_SIZE + 50; n++) {
			const roleId = `${500000000000000000n + BigInt(n)}`;
			const plan = planPost(
				fullCorpus(),
				realPrompts(),
				{
					guildId: guildId(n),
					settings: settings({ channelId: channelId(n), roleId }),
					localDate: '2026-06-01',
					rotation: EMPTY_ROTATION,
				},
				cache,
			);
			expect(plan?.body.allowed_mentions).toEqual({ parse: [], roles: [roleId] });
			expect(cache.bodies.size).toBeLessThanOrEqual(PLAN_CACHE_SIZE);
		}
	});

	it('THEN concurrent callers of one time slicer wait for the same turn and come back a few at a time', async () => {
		// At most 3 calls a turn: 30 callers at once need at least 10 turns, counted, not timed.
		const breathe = timeSlicer(1_000, 3);
		const counter = new TurnCounter();
		await Promise.all(Array.from({ length: 30 }, () => breathe()));
		expect(counter.stop()).toBeGreaterThanOrEqual(9);
	});
});
