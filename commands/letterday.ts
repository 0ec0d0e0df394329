import {
	ApplicationCommandOptionType,
	ChannelType,
	InteractionContextType,
	PermissionFlagsBits,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { DateTime } from 'luxon';
import { calendarDayAt, parseDayInput } from '../src/core/dates.js';
import { nextPostTime } from '../src/core/schedule.js';
import {
	AUTO_ARCHIVE_MINUTES,
	newGuildSettings,
	timeOfDaySchema,
	timezoneSchema,
	type GuildSettings,
} from '../src/core/settings.js';
import { timezoneChoices } from '../src/discord/autocomplete.js';
import type { Choice, Command, CommandInput, Deps, Reply } from '../src/discord/command.js';
import type { DailyAdmin } from '../src/discord/daily-admin.js';
import { notice } from '../src/discord/screens.js';
import { describeCheck } from '../src/scheduler/discord-sender.js';

const TEXT_CHANNELS: [ChannelType.GuildText, ChannelType.GuildAnnouncement] = [
	ChannelType.GuildText,
	ChannelType.GuildAnnouncement,
];
const dateOption = (description: string) =>
	({ type: ApplicationCommandOptionType.String, name: 'date', description, required: false, max_length: 40 }) as const;

export const letterdayData = {
	name: 'letterday',
	description: "Set up this server's daily letter (Manage Server)",
	default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
	contexts: [InteractionContextType.Guild],
	options: [
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'setup',
			description: 'Post the letter of the day in a channel at a local time',
			options: [
				{
					type: ApplicationCommandOptionType.Channel,
					name: 'channel',
					description: 'Where the letter is posted',
					required: true,
					channel_types: TEXT_CHANNELS,
				},
				{
					type: ApplicationCommandOptionType.String,
					name: 'time',
					description: 'Local time, 24-hour HH:MM, e.g. 09:00',
					required: true,
					max_length: 5,
				},
				{
					type: ApplicationCommandOptionType.String,
					name: 'timezone',
					description: 'IANA time zone, e.g. Europe/London',
					required: true,
					autocomplete: true,
					max_length: 64,
				},
				{
					type: ApplicationCommandOptionType.Channel,
					name: 'log_channel',
					description: 'Where to tell admins when a post fails (optional)',
					required: false,
					channel_types: TEXT_CHANNELS,
				},
			],
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'role',
			description: 'A role to mention with each post; leave empty for none',
			options: [{ type: ApplicationCommandOptionType.Role, name: 'role', description: 'The role', required: false }],
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'thread',
			description: 'Open a discussion thread on each post',
			options: [
				{ type: ApplicationCommandOptionType.Boolean, name: 'enabled', description: 'On or off', required: true },
				{
					type: ApplicationCommandOptionType.Integer,
					name: 'archive_after',
					description: 'Archive the thread after this long without messages',
					required: false,
					choices: [
						{ name: '1 hour', value: 60 },
						{ name: '1 day', value: 1440 },
						{ name: '3 days', value: 4320 },
						{ name: '1 week', value: 10080 },
					],
				},
			],
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'collections',
			description: 'Which collections the daily letter comes from',
			options: [
				{
					type: ApplicationCommandOptionType.String,
					name: 'collections',
					description: '"all", or collection ids separated by commas',
					required: true,
					autocomplete: true,
					max_length: 200,
				},
			],
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'pause',
			description: 'Stop the daily post (settings kept)',
		},
		{ type: ApplicationCommandOptionType.Subcommand, name: 'resume', description: 'Start the daily post again' },
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'preview',
			description: "See tomorrow's post, or a day's, privately",
			options: [dateOption('The day (default tomorrow): 08-13, 1942-08-13, August 13')],
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'post-now',
			description: "Post today's letter now (or a day's)",
			options: [dateOption('The day (default today): 08-13, 2026-08-13, August 13')],
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'status',
			description: 'Next post time, the last delivery, and whether the bot can post',
		},
		{ type: ApplicationCommandOptionType.Subcommand, name: 'reset', description: "Forget this server's settings" },
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const NOT_SET_UP = 'The daily letter is not set up here yet: use `/letterday setup`.';

function stamp(instant: DateTime | string): string {
	const millis = typeof instant === 'string' ? DateTime.fromISO(instant).toMillis() : instant.toMillis();
	return `<t:${Math.floor(millis / 1000)}:F>`;
}

function describeSchedule(settings: GuildSettings, now: DateTime): string {
	const next = nextPostTime(settings, now);
	return `<#${settings.channelId}> at ${settings.time} (${settings.timezone})${
		settings.paused ? ', **paused**' : next === undefined ? '' : `; next post ${stamp(next)}`
	}`;
}

function parseCollections(deps: Deps, text: string): { ok: true; ids: string[] } | { ok: false; message: string } {
	const known = deps.corpus.collections.map((c) => c.id);
	const words = text
		.split(/[\s,]+/)
		.map((w) => w.trim().toLowerCase())
		.filter((w) => w !== '');
	if (words.length === 0 || (words.length === 1 && words[0] === 'all')) return { ok: true, ids: [] };
	const unknown = words.filter((w) => !known.includes(w));
	if (unknown.length > 0) {
		return {
			ok: false,
			message: `Unknown collection ${unknown.join(', ')}; the collections are: all, ${known.join(', ')}.`,
		};
	}
	return { ok: true, ids: [...new Set(words)] };
}

function collectionChoicesFor(deps: Deps, typed: string): Choice[] {
	const known = deps.corpus.collections.map((c) => c.id);
	const parts = typed.split(',').map((p) => p.trim().toLowerCase());
	const last = parts.pop() ?? '';
	const chosen = parts.filter((p) => known.includes(p));
	const prefix = chosen.length > 0 ? `${chosen.join(',')},` : '';
	const options = known.filter((id) => !chosen.includes(id) && id.startsWith(last)).map((id) => `${prefix}${id}`);
	return [...(chosen.length === 0 && 'all'.startsWith(last) ? ['all'] : []), ...options]
		.slice(0, 25)
		.map((value) => ({ name: value, value }));
}

function localToday(settings: GuildSettings | undefined, now: number) {
	const today = calendarDayAt(now, settings?.timezone ?? 'UTC');
	if (!today.ok) throw new Error(today.error.message);
	return today.value;
}

/** A date option as `YYYY-MM-DD` (the year defaults to the current one), or an error notice. */
function dateArg(
	typed: string | null,
	fallback: 'today' | 'tomorrow',
	settings: GuildSettings | undefined,
	now: number,
) {
	const today = localToday(settings, now);
	const day = parseDayInput(typed ?? fallback, today);
	if (!day.ok) return { ok: false as const, reply: notice(day.error.message) };
	const { month, day: d } = day.value;
	const year = day.value.year ?? today.year;
	const iso = DateTime.fromObject({ year, month, day: d }, { zone: 'utc' }).toISODate();
	if (iso === null) return { ok: false as const, reply: notice(`${year} has no ${d}/${month}.`) };
	return { ok: true as const, iso };
}

async function update(
	admin: DailyAdmin,
	guildId: string,
	change: (s: GuildSettings) => Partial<GuildSettings>,
	said: (s: GuildSettings) => string,
): Promise<Reply> {
	const current = await admin.settings.get(guildId);
	if (current === undefined) return notice(NOT_SET_UP);
	const next = newGuildSettings({ ...current, ...change(current) });
	if (!next.ok) return notice(next.error.message);
	await admin.settings.set(guildId, next.value);
	return notice(said(next.value));
}

async function setup(admin: DailyAdmin, input: CommandInput, guildId: string): Promise<Reply> {
	const { options } = input;
	const channel = options.getChannel?.('channel');
	const logChannel = options.getChannel?.('log_channel') ?? null;
	const time = (options.getString('time') ?? '').trim();
	const timezone = (options.getString('timezone') ?? '').trim();
	if (!channel) return notice('Choose a channel.');
	const problems: string[] = [];
	const timeOk = timeOfDaySchema.safeParse(time);
	if (!timeOk.success) problems.push(`"${time}" is not a time: use 24-hour HH:MM, 00:00 to 23:59 (e.g. 09:00).`);
	if (!timezoneSchema.safeParse(timezone).success) {
		problems.push(`"${timezone}" is not a time zone: pick an IANA zone from the list, e.g. Europe/London.`);
	}
	if (problems.length > 0) return notice(problems.join('\n'));
	const check = admin.checkChannel(guildId, channel.id, true);
	if (!check.ok) return notice(`${describeCheck(check, channel.id)} Fix that and run \`/letterday setup\` again.`);
	const current = await admin.settings.get(guildId);
	// A new setup starts healthy; the log channel is what this setup says.
	const kept: Partial<GuildSettings> = { ...current };
	delete kept.backoffUntil;
	delete kept.logChannelId;
	const next = newGuildSettings({
		...kept,
		channelId: channel.id,
		time,
		timezone,
		consecutiveFailures: 0,
		...(logChannel === null ? {} : { logChannelId: logChannel.id }),
	});
	if (!next.ok) return notice(next.error.message);
	await admin.settings.set(guildId, next.value);
	const logLine =
		logChannel === null
			? ''
			: `\nProblems will be reported in <#${logChannel.id}>${admin.checkChannel(guildId, logChannel.id, false).ok ? '' : ' (but Letterday cannot post there yet)'}.`;
	return notice(
		`✅ The letter of the day will be posted in ${describeSchedule(next.value, DateTime.fromMillis(input.now, { zone: 'utc' }))}.${logLine}`,
	);
}

async function status(admin: DailyAdmin, guildId: string, now: number): Promise<Reply> {
	const settings = await admin.settings.get(guildId);
	if (settings === undefined) return notice(NOT_SET_UP);
	const lines = [`**Daily letter:** ${describeSchedule(settings, DateTime.fromMillis(now, { zone: 'utc' }))}.`];
	const last = settings.lastDelivery;
	if (last === undefined) lines.push('**Last delivery:** none yet.');
	else {
		const what = { posted: 'posted', late: 'posted late', failed: 'failed', skipped: 'skipped' }[last.status];
		lines.push(
			`**Last delivery:** ${last.localDate}, ${what} ${stamp(last.at)}${last.attempts > 1 ? ` after ${last.attempts} attempts` : ''}${last.error === undefined ? '' : `: ${last.error}`}.`,
		);
	}
	if (settings.backoffUntil !== undefined) lines.push(`**Next retry:** ${stamp(settings.backoffUntil)}.`);
	const check = admin.checkChannel(guildId, settings.channelId, settings.thread.enabled);
	lines.push(`**Permissions:** ${check.ok ? '✅ ' : '⚠️ '}${describeCheck(check, settings.channelId)}`);
	const collections = settings.collections.length === 0 ? 'all' : settings.collections.join(', ');
	lines.push(
		`**Role:** ${settings.roleId === undefined ? 'none' : `<@&${settings.roleId}>`} · **Thread:** ${settings.thread.enabled ? `on (archives after ${settings.thread.autoArchiveMinutes} min)` : 'off'} · **Collections:** ${collections} · **Log channel:** ${settings.logChannelId === undefined ? 'none' : `<#${settings.logChannelId}>`}`,
	);
	return notice(lines.join('\n'));
}

async function run(input: CommandInput, deps: Deps): Promise<Reply> {
	const admin = deps.daily;
	const { guildId, options } = input;
	if (guildId === null) return notice('`/letterday` works only in a server.');
	if (((input.memberPermissions ?? 0n) & PermissionFlagsBits.ManageGuild) === 0n) {
		return notice('Only members with the Manage Server permission can use `/letterday`.');
	}
	if (admin === undefined) return notice('The daily letter is not available on this bot.');
	const sub = options.getSubcommand?.(false) ?? null;
	switch (sub) {
		case 'setup':
			return setup(admin, input, guildId);
		case 'role': {
			const role = options.getRole?.('role') ?? null;
			return update(
				admin,
				guildId,
				() => ({ roleId: role?.id }),
				(s) => (s.roleId === undefined ? 'Posts will mention no one.' : `Posts will mention <@&${s.roleId}>.`),
			);
		}
		case 'thread': {
			const enabled = options.getBoolean?.('enabled') ?? false;
			const minutes = options.getInteger('archive_after');
			if (minutes !== null && !(AUTO_ARCHIVE_MINUTES as readonly number[]).includes(minutes)) {
				return notice('Archive after 60, 1440, 4320 or 10080 minutes.');
			}
			return update(
				admin,
				guildId,
				(s) => ({
					thread: {
						enabled,
						autoArchiveMinutes: (minutes ??
							s.thread.autoArchiveMinutes) as GuildSettings['thread']['autoArchiveMinutes'],
					},
				}),
				(s) => {
					if (!s.thread.enabled) return 'Posts will not open a discussion thread.';
					const check = admin.checkChannel(guildId, s.channelId, true);
					return `Each post will open a discussion thread.${check.ok ? '' : ` ⚠️ ${describeCheck(check, s.channelId)}`}`;
				},
			);
		}
		case 'collections': {
			const parsed = parseCollections(deps, options.getString('collections') ?? '');
			if (!parsed.ok) return notice(parsed.message);
			return update(
				admin,
				guildId,
				() => ({ collections: parsed.ids }),
				(s) =>
					s.collections.length === 0
						? 'The daily letter will come from all collections.'
						: `The daily letter will come from: ${s.collections.join(', ')}.`,
			);
		}
		case 'pause':
			return update(
				admin,
				guildId,
				() => ({ paused: true }),
				() => 'Paused: no daily post until `/letterday resume` (settings kept).',
			);
		case 'resume':
			return update(
				admin,
				guildId,
				() => ({ paused: false }),
				(s) => `Resumed: ${describeSchedule(s, DateTime.fromMillis(input.now, { zone: 'utc' }))}.`,
			);
		case 'preview': {
			const settings = await admin.settings.get(guildId);
			if (settings === undefined) return notice(NOT_SET_UP);
			const date = dateArg(options.getString('date'), 'tomorrow', settings, input.now);
			if (!date.ok) return date.reply;
			const body = await admin.preview(guildId, settings, date.iso);
			return body === undefined
				? notice(`No letter with text within a week of ${date.iso} in the chosen collections.`)
				: { type: 'message', ephemeral: true, body };
		}
		case 'post-now': {
			const settings = await admin.settings.get(guildId);
			if (settings === undefined) return notice(NOT_SET_UP);
			const typed = options.getString('date');
			const date = typed === null ? undefined : dateArg(typed, 'today', settings, input.now);
			if (date !== undefined && !date.ok) return date.reply;
			const outcome = await admin.postNow(guildId, date?.iso);
			switch (outcome.status) {
				case 'posted':
				case 'late':
					return notice(`Posted in <#${settings.channelId}>.`);
				case 'already-posted':
					return notice(`Today's letter is already posted in <#${settings.channelId}>.`);
				case 'taken':
					return notice("Today's letter is being posted right now.");
				case 'skipped':
					return notice(`Nothing posted: ${outcome.reason}.`);
				case 'failed':
					return notice(`Could not post: ${outcome.error}.`);
			}
			return notice('Nothing posted.');
		}
		case 'status':
			return status(admin, guildId, input.now);
		case 'reset': {
			const had = (await admin.settings.get(guildId)) !== undefined;
			await admin.forgetGuild(guildId);
			return notice(
				had ? 'Forgotten: this server has no daily letter now.' : 'Nothing to forget: the daily letter was not set up.',
			);
		}
		default:
			return notice('Unknown subcommand.');
	}
}

/** `/letterday <subcommand>`: a server's daily letter, for members with Manage Server. */
export const letterdayCommand = {
	data: letterdayData,
	run,
	autocomplete({ focused }, deps) {
		if (focused.name === 'collections') return { type: 'choices', choices: collectionChoicesFor(deps, focused.value) };
		return { type: 'choices', choices: timezoneChoices(focused.value) };
	},
} satisfies Command;
