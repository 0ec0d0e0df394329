import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';

import { pickForYear, EMPTY_ROTATION, type RotationState } from '../../src/core/rotation.js';
import {
	DEFAULT_DELIVERY_POLICY,
	duePost,
	duePostsAt,
	nextPostTime,
	recordFailure,
	recordSkipped,
	recordSuccess,
	scheduledInstant,
} from '../../src/core/schedule.js';
import { newGuildSettings, parseGuildSettings, type GuildSettings } from '../../src/core/settings.js';

const CHANNEL = '123456789012345678';
const GUILD = '987654321098765432';

function settings(overrides: Partial<GuildSettings> = {}): GuildSettings {
	const made = newGuildSettings({ channelId: CHANNEL, ...overrides });
	if (!made.ok) throw new Error(made.error.message);
	return made.value;
}

const utc = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });

describe('scheduledInstant', () => {
	test.each([
		// zone, local date, time, expected UTC instant, why
		['America/New_York', '2026-07-01', '09:00', '2026-07-01T13:00:00.000Z', 'summer, EDT -4'],
		['America/New_York', '2026-12-01', '09:00', '2026-12-01T14:00:00.000Z', 'winter, EST -5'],
		['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00:00.000Z', 'spring-forward gap: 03:00 EDT'],
		['America/New_York', '2026-03-08', '02:00', '2026-03-08T07:00:00.000Z', 'gap starts at 02:00: 03:00 EDT'],
		['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00.000Z', 'first valid minute itself'],
		['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z', 'fall-back repeat: first (EDT) only'],
		['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:00:00.000Z', 'spring-forward gap: 02:00 BST'],
		['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z', 'fall-back repeat: first (BST) only'],
		['Europe/London', '2026-01-15', '00:00', '2026-01-15T00:00:00.000Z', 'midnight, GMT'],
		[
			'Pacific/Auckland',
			'2026-09-27',
			'02:30',
			'2026-09-26T14:00:00.000Z',
			'spring-forward gap: 03:00 NZDT (+13), previous UTC day',
		],
		['Pacific/Auckland', '2026-04-05', '02:30', '2026-04-04T13:30:00.000Z', 'fall-back repeat: first (NZDT +13) only'],
		['Pacific/Auckland', '2026-11-25', '09:00', '2026-11-24T20:00:00.000Z', 'NZDT +13'],
		['Asia/Kolkata', '2026-11-25', '09:00', '2026-11-25T03:30:00.000Z', 'half-hour zone +5:30'],
		['Asia/Kolkata', '2026-11-25', '00:15', '2026-11-24T18:45:00.000Z', 'half-hour zone, previous UTC day'],
		[
			'Australia/Lord_Howe',
			'2026-10-04',
			'02:15',
			'2026-10-03T15:30:00.000Z',
			'30-minute gap 02:00-02:30: 02:30 (+11)',
		],
		['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z', '30-minute repeat: first (+11) only'],
		['Australia/Lord_Howe', '2026-07-01', '09:00', '2026-06-30T22:30:00.000Z', 'standard time +10:30'],
		['America/Santiago', '2026-09-06', '00:15', '2026-09-06T04:00:00.000Z', 'gap at midnight: 01:00 (-3) the same day'],
		['America/Santiago', '2026-04-04', '23:30', '2026-04-05T02:30:00.000Z', 'repeat before midnight: first (-3) only'],
	])('GIVEN %s %s %s THEN %s (%s)', (zone, date, time, expected) => {
		expect(scheduledInstant(date, time, zone).toISO()).toBe(expected);
	});
});

describe('nextPostTime', () => {
	test.each([
		[
			'before today’s time: today',
			{ timezone: 'America/New_York', time: '09:00' },
			'2026-07-01T12:00:00Z',
			'2026-07-01T13:00:00.000Z',
		],
		[
			'at the minute itself: now',
			{ timezone: 'America/New_York', time: '09:00' },
			'2026-07-01T13:00:00Z',
			'2026-07-01T13:00:00.000Z',
		],
		[
			'after today’s time: tomorrow',
			{ timezone: 'America/New_York', time: '09:00' },
			'2026-07-01T13:01:00Z',
			'2026-07-02T13:00:00.000Z',
		],
		[
			'spring-forward night: the first valid minute',
			{ timezone: 'America/New_York', time: '02:30' },
			'2026-03-08T05:00:00Z',
			'2026-03-08T07:00:00.000Z',
		],
		[
			'Auckland, UTC still on the previous day',
			{ timezone: 'Pacific/Auckland', time: '09:00' },
			'2026-11-24T19:00:00Z',
			'2026-11-24T20:00:00.000Z',
		],
		[
			'Kolkata just after local midnight',
			{ timezone: 'Asia/Kolkata', time: '00:15' },
			'2026-11-24T18:35:00Z',
			'2026-11-24T18:45:00.000Z',
		],
	])('GIVEN %s THEN the instant', (_why, overrides, now, expected) => {
		expect(nextPostTime(settings(overrides), utc(now))?.toISO()).toBe(expected);
	});

	test('GIVEN a paused server THEN no next post', () => {
		expect(nextPostTime(settings({ paused: true }), utc('2026-07-01T12:00:00Z'))).toBeUndefined();
	});
});

describe('duePost', () => {
	const ny = settings({ timezone: 'America/New_York', time: '09:00' });

	type Case = [string, GuildSettings, string, string | undefined, { localDate: string; late: boolean } | undefined];
	const cases: Case[] = [
		// why, settings, now (UTC), last posted local date, expected
		['a minute before: nothing', ny, '2026-07-01T12:59:00Z', undefined, undefined],
		['at the minute: due, on time', ny, '2026-07-01T13:00:00Z', undefined, { localDate: '2026-07-01', late: false }],
		[
			'15 minutes after (fan-out): on time',
			ny,
			'2026-07-01T13:15:00Z',
			undefined,
			{ localDate: '2026-07-01', late: false },
		],
		['16 minutes after: late', ny, '2026-07-01T13:16:00Z', undefined, { localDate: '2026-07-01', late: true }],
		[
			'up after downtime at 14:00 local: caught up, late',
			ny,
			'2026-07-01T18:00:00Z',
			'2026-06-30',
			{ localDate: '2026-07-01', late: true },
		],
		[
			'23:59 local, not yet posted: still today, late',
			ny,
			'2026-07-02T03:59:00Z',
			'2026-06-30',
			{ localDate: '2026-07-01', late: true },
		],
		['already posted today: nothing', ny, '2026-07-01T13:05:00Z', '2026-07-01', undefined],
		['posted for a later date (zone moved west): nothing', ny, '2026-07-01T13:05:00Z', '2026-07-02', undefined],
		['paused: nothing', settings({ paused: true }), '2026-07-01T13:05:00Z', undefined, undefined],
		[
			'spring-forward night, 01:59 EST for 02:30: nothing yet',
			settings({ timezone: 'America/New_York', time: '02:30' }),
			'2026-03-08T06:59:00Z',
			undefined,
			undefined,
		],
		[
			'spring-forward night, 03:00 EDT for 02:30: due, on time',
			settings({ timezone: 'America/New_York', time: '02:30' }),
			'2026-03-08T07:00:00Z',
			undefined,
			{ localDate: '2026-03-08', late: false },
		],
		[
			'Lord Howe gap 02:15 → 02:30: due at 02:30, on time',
			settings({ timezone: 'Australia/Lord_Howe', time: '02:15' }),
			'2026-10-03T15:30:00Z',
			undefined,
			{ localDate: '2026-10-04', late: false },
		],
		[
			'fall-back night, first 01:30: due',
			settings({ timezone: 'America/New_York', time: '01:30' }),
			'2026-11-01T05:30:00Z',
			undefined,
			{ localDate: '2026-11-01', late: false },
		],
		[
			'fall-back night, second 01:30 after posting: nothing',
			settings({ timezone: 'America/New_York', time: '01:30' }),
			'2026-11-01T06:30:00Z',
			'2026-11-01',
			undefined,
		],
		[
			'fall-back night, second 01:30 with the first missed: late',
			settings({ timezone: 'America/New_York', time: '01:30' }),
			'2026-11-01T06:30:00Z',
			undefined,
			{ localDate: '2026-11-01', late: true },
		],
		[
			'Kolkata 00:15, just after local midnight',
			settings({ timezone: 'Asia/Kolkata', time: '00:15' }),
			'2026-11-24T18:45:00Z',
			'2026-11-24',
			{ localDate: '2026-11-25', late: false },
		],
		[
			'Auckland 09:00 while UTC is on the previous day',
			settings({ timezone: 'Pacific/Auckland', time: '09:00' }),
			'2026-11-24T20:00:00Z',
			'2026-11-24',
			{ localDate: '2026-11-25', late: false },
		],
	];
	test.each(cases)('GIVEN %s', (_why, given, now, lastPosted, expected) => {
		const due = duePost(given, utc(now), lastPosted);
		if (expected === undefined) expect(due).toBeUndefined();
		else expect({ localDate: due?.localDate, late: due?.late }).toEqual(expected);
	});

	test('GIVEN downtime across the posting time and past local midnight THEN the missed day is never posted', () => {
		const late = settings({ timezone: 'America/New_York', time: '23:30' });
		// Down from 23:00 on 1 July to 00:30 on 2 July (local): 1 July's post was missed.
		expect(duePost(late, utc('2026-07-02T04:30:00Z'), '2026-06-30')).toBeUndefined();
		// 2 July's post goes out at its own time, not before.
		expect(duePost(late, utc('2026-07-03T03:30:00Z'), '2026-06-30')).toMatchObject({
			localDate: '2026-07-02',
			late: false,
		});
	});

	test('GIVEN the post recorded in the settings (no post log date) THEN nothing is due twice', () => {
		const posted = recordSuccess(ny, {
			localDate: '2026-07-01',
			nowUtc: utc('2026-07-01T13:00:05Z'),
			messageId: '223456789012345678',
			late: false,
		});
		expect(duePost(posted, utc('2026-07-01T13:01:00Z'))).toBeUndefined();
		expect(duePost(posted, utc('2026-07-02T13:00:00Z'))).toMatchObject({ localDate: '2026-07-02' });
	});

	test('THEN the scheduled instant is reported in UTC', () => {
		expect(duePost(ny, utc('2026-07-01T13:00:00Z'))?.scheduledUtc.toISO()).toBe('2026-07-01T13:00:00.000Z');
	});

	test.each(cases)('GIVEN %s THEN duePostsAt answers as duePost', (_why, given, now, lastPosted) => {
		const expected = duePost(given, utc(now), lastPosted);
		const due = duePostsAt(utc(now))(given, lastPosted);
		expect(due && { ...due, scheduledUtc: due.scheduledUtc.toISO() }).toEqual(
			expected && { ...expected, scheduledUtc: expected.scheduledUtc.toISO() },
		);
	});

	test('GIVEN one check for many servers in shared and different zones, times and states THEN each answer is duePost’s', () => {
		const zones = ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Auckland', 'Europe/London'];
		const times = ['00:00', '02:15', '02:30', '09:00', '23:59'];
		const servers: GuildSettings[] = [];
		for (const timezone of zones)
			for (const time of times) {
				servers.push(settings({ timezone, time }));
				servers.push(settings({ timezone, time, paused: true }));
				servers.push(settings({ timezone, time, backoffUntil: '2026-03-08T07:30:00Z' }));
			}
		for (const now of ['2026-03-08T07:00:00Z', '2026-10-03T15:45:00Z', '2026-07-01T13:00:00Z']) {
			const check = duePostsAt(utc(now));
			const show = (due: ReturnType<typeof duePost>) => due && { ...due, scheduledUtc: due.scheduledUtc.toISO() };
			const answers = servers.map((s) => show(check(s, '2026-01-01')));
			expect(answers).toEqual(servers.map((s) => show(duePost(s, utc(now), '2026-01-01'))));
			// Asked again (from its memory), the same answers.
			expect(servers.map((s) => show(check(s, '2026-01-01')))).toEqual(answers);
			expect(answers.some((a) => a !== undefined)).toBe(true);
		}
	});

	test('GIVEN a server in an unknown zone THEN the check throws for it and still answers for the others', () => {
		const check = duePostsAt(utc('2026-07-01T13:00:00Z'));
		const bad = { ...ny, timezone: 'Mars/Olympus_Mons' };
		expect(() => check(bad)).toThrow(RangeError);
		expect(() => check(bad)).toThrow(RangeError);
		expect(check(ny)).toMatchObject({ localDate: '2026-07-01', late: false });
	});
});

describe('backoff', () => {
	const ny = settings({ timezone: 'America/New_York', time: '09:00' });
	const day = '2026-07-01';

	test('GIVEN failures on one day THEN retries wait 5 min, 30 min, 2 h, then the day is given up', () => {
		let s = ny;
		let now = utc('2026-07-01T13:00:00Z');
		const waits: (number | undefined)[] = [];
		for (let attempt = 1; attempt <= 4; attempt++) {
			expect(duePost(s, now)).toMatchObject({ localDate: day });
			s = recordFailure(s, { localDate: day, nowUtc: now, error: 'Missing Permissions' });
			if (s.backoffUntil === undefined) {
				waits.push(undefined);
				break;
			}
			const until = DateTime.fromISO(s.backoffUntil, { zone: 'utc' });
			waits.push(until.diff(now, 'minutes').minutes);
			expect(duePost(s, until.minus({ minutes: 1 }))).toBeUndefined();
			now = until;
		}
		expect(waits).toEqual([5, 30, 120, undefined]);
		expect(s.lastDelivery).toMatchObject({
			localDate: day,
			status: 'skipped',
			attempts: 4,
			error: 'Missing Permissions',
		});
		expect(s.consecutiveFailures).toBe(4);
		// Given up: nothing more that day, even hours later.
		expect(duePost(s, utc('2026-07-02T03:00:00Z'))).toBeUndefined();
		// The next day starts afresh at its scheduled time; the failure count goes on.
		expect(duePost(s, utc('2026-07-02T13:00:00Z'))).toMatchObject({ localDate: '2026-07-02', late: false });
		const next = recordFailure(s, {
			localDate: '2026-07-02',
			nowUtc: utc('2026-07-02T13:00:00Z'),
			error: 'Missing Permissions',
		});
		expect(next).toMatchObject({ consecutiveFailures: 5, lastDelivery: { attempts: 1, status: 'failed' } });
	});

	test('GIVEN a retry that succeeds THEN the failure count and backoff are cleared and the post is labelled', () => {
		const failed = recordFailure(ny, {
			localDate: day,
			nowUtc: utc('2026-07-01T13:00:00Z'),
			error: 'Internal Server Error',
		});
		const due = duePost(failed, utc('2026-07-01T13:05:00Z'));
		expect(due).toMatchObject({ localDate: day, late: false });
		const posted = recordSuccess(failed, {
			localDate: day,
			nowUtc: utc('2026-07-01T13:05:01Z'),
			messageId: '223456789012345678',
			late: false,
		});
		expect(posted.consecutiveFailures).toBe(0);
		expect(posted.backoffUntil).toBeUndefined();
		expect(posted.lastDelivery).toMatchObject({ status: 'posted', attempts: 2, messageId: '223456789012345678' });
	});

	test('GIVEN a long error THEN it is trimmed and the settings stay valid', () => {
		const failed = recordFailure(ny, { localDate: day, nowUtc: utc('2026-07-01T13:00:00Z'), error: 'x'.repeat(1000) });
		expect(parseGuildSettings(failed).ok).toBe(true);
		expect(failed.lastDelivery?.error).toHaveLength(300);
	});

	test('GIVEN a skipped day (no letter) THEN nothing more is due that day', () => {
		const skipped = recordSkipped(ny, {
			localDate: day,
			nowUtc: utc('2026-07-01T13:00:00Z'),
			reason: 'no letter for this day',
		});
		expect(duePost(skipped, utc('2026-07-01T13:30:00Z'))).toBeUndefined();
	});

	test('THEN the default policy is four attempts a day', () => {
		expect(DEFAULT_DELIVERY_POLICY.retryDelaysMinutes).toEqual([5, 30, 120]);
	});
});

describe('settings schema', () => {
	test.each([
		['a bad time', { time: '9:00' }, 'time'],
		['24:00', { time: '24:00' }, 'time'],
		['an unknown zone', { timezone: 'Mars/Olympus' }, 'timezone'],
		['a bad archive duration', { thread: { enabled: true, autoArchiveMinutes: 30 } }, 'thread.autoArchiveMinutes'],
		['a bad role id', { roleId: 'everyone' }, 'roleId'],
	])('GIVEN %s THEN the failure names the field', (_why, overrides, field) => {
		const parsed = parseGuildSettings({ channelId: CHANNEL, ...overrides });
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.error.message).toContain(field);
	});

	test('GIVEN only a channel THEN the defaults are filled in', () => {
		expect(settings()).toEqual({
			channelId: CHANNEL,
			time: '09:00',
			timezone: 'UTC',
			thread: { enabled: false, autoArchiveMinutes: 1440 },
			collections: [],
			paused: false,
			consecutiveFailures: 0,
		});
	});
});

describe('pickForYear', () => {
	const letters = [
		'bt-1942-07-23-stalin-to-churchill',
		'bt-1943-07-23-roosevelt-to-stalin',
		'bt-1944-07-23-churchill-to-stalin',
	];

	function walk(
		candidates: readonly string[],
		guildId: string,
		years: readonly number[],
		start: RotationState = EMPTY_ROTATION,
	) {
		let state = start;
		return years.map((year) => {
			const pick = pickForYear(candidates, guildId, `${year}-07-23`, state);
			if (pick === undefined) throw new Error('no pick');
			state = pick.state;
			return pick.letterId;
		});
	}

	test('GIVEN three letters over six years THEN each cycle shows all three and no year repeats the last', () => {
		const picks = walk(letters, GUILD, [2026, 2027, 2028, 2029, 2030, 2031]);
		expect(new Set(picks.slice(0, 3)).size).toBe(3);
		expect(new Set(picks.slice(3, 6)).size).toBe(3);
		for (let i = 1; i < picks.length; i++) expect(picks[i]).not.toBe(picks[i - 1]);
	});

	test('GIVEN the same year twice THEN the same letter, and no state change', () => {
		const first = pickForYear(letters, GUILD, '2026-07-23', EMPTY_ROTATION);
		const again = first && pickForYear(letters, GUILD, '2026-07-23', first.state);
		expect(again?.letterId).toBe(first?.letterId);
		expect(again?.changed).toBe(false);
	});

	test('GIVEN the same inputs THEN the same picks (deterministic, order of candidates irrelevant)', () => {
		expect(walk(letters, GUILD, [2026, 2027, 2028])).toEqual(walk([...letters].reverse(), GUILD, [2026, 2027, 2028]));
	});

	test('GIVEN different servers THEN they do not all walk the letters in step', () => {
		const firsts = new Set(
			[
				'111111111111111111',
				'222222222222222222',
				'333333333333333333',
				'444444444444444444',
				'555555555555555555',
			].map((g) => walk(letters, g, [2026])[0]),
		);
		expect(firsts.size).toBeGreaterThan(1);
	});

	test('GIVEN one letter THEN it is shown every year', () => {
		expect(walk([letters[0] ?? ''], GUILD, [2026, 2027, 2028])).toEqual([letters[0], letters[0], letters[0]]);
	});

	test('GIVEN a letter added to the corpus mid-cycle THEN it is shown before any repeat', () => {
		const two = letters.slice(0, 2);
		let state: RotationState = EMPTY_ROTATION;
		const seen: string[] = [];
		for (const year of [2026, 2027]) {
			const pick = pickForYear(two, GUILD, `${year}-07-23`, state);
			if (!pick) throw new Error('no pick');
			seen.push(pick.letterId);
			state = pick.state;
		}
		expect(pickForYear(letters, GUILD, '2028-07-23', state)?.letterId).toBe(letters[2]);
	});

	test('GIVEN no letters THEN no pick', () => {
		expect(pickForYear([], GUILD, '2026-07-23', EMPTY_ROTATION)).toBeUndefined();
	});

	test('GIVEN other days in the state THEN they are kept', () => {
		const other = pickForYear(['a-letter'], GUILD, '2026-01-01', EMPTY_ROTATION);
		const pick = other && pickForYear(letters, GUILD, '2026-07-23', other.state);
		expect(Object.keys(pick?.state.days ?? {}).sort()).toEqual(['01-01', '07-23']);
	});
});
