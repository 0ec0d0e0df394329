import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ApplicationCommandOptionType,
	ChannelType,
	InteractionType,
	Locale,
	PermissionFlagsBits,
	type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { startEmulator, type Emulator } from './emulator.js';
import { RawGatewayClient } from './raw-gateway-client.js';

const commands = [
	{
		name: 'schedule',
		description: 'Configure the daily post',
		default_member_permissions: String(PermissionFlagsBits.ManageGuild),
		options: [
			{
				type: ApplicationCommandOptionType.Subcommand,
				name: 'set',
				description: 'Set the schedule',
				options: [
					{
						type: ApplicationCommandOptionType.Channel,
						name: 'channel',
						description: 'Where',
						required: true,
						channel_types: [ChannelType.GuildText],
					},
					{
						type: ApplicationCommandOptionType.Integer,
						name: 'hour',
						description: 'Hour',
						required: true,
						min_value: 0,
						max_value: 23,
					},
					{
						type: ApplicationCommandOptionType.String,
						name: 'timezone',
						description: 'IANA zone',
						max_length: 40,
						autocomplete: true,
					},
				],
			},
			{
				type: ApplicationCommandOptionType.SubcommandGroup,
				name: 'post',
				description: 'Posting',
				options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'pause', description: 'Pause posting' }],
			},
		],
	},
] satisfies RESTPutAPIApplicationCommandsJSONBody;

describe('GIVEN an admin command with subcommands, a channel option and limits', () => {
	let emu: Emulator;
	let gateway: RawGatewayClient;
	let adminId: string;

	beforeAll(async () => {
		emu = await startEmulator({ commands: { global: commands } });
		gateway = await RawGatewayClient.connect(emu.gatewayUrl);
		await gateway.identify(emu.token);
		const role = emu.addRole(emu.firstGuild.id, { name: 'admins', permissions: PermissionFlagsBits.ManageGuild });
		adminId = emu.addMember(emu.firstGuild.id, { username: 'admin', roles: [role.id] });
	});
	afterAll(async () => {
		gateway?.close(1000);
		await emu?.stop();
	});

	it('THEN a member without Manage Guild cannot run it, as Discord hides it', () => {
		expect(() =>
			emu.injectChatInput({ name: 'schedule', subcommand: 'set', options: { channel: emu.firstChannelId, hour: 9 } }),
		).toThrow(/lacks default_member_permissions/);
		expect(() =>
			emu.injectChatInput({
				name: 'schedule',
				subcommandGroup: 'post',
				subcommand: 'pause',
				userId: emu.firstGuild.ownerId,
			}),
		).not.toThrow();
	});

	it('THEN the payload nests the subcommand and resolves the channel, as Discord sends it', () => {
		const injected = emu.injectChatInput({
			name: 'schedule',
			subcommand: 'set',
			userId: adminId,
			locale: Locale.French,
			options: { channel: emu.firstChannelId, hour: 9 },
		});
		const payload = injected.payload;
		expect(payload.type).toBe(InteractionType.ApplicationCommand);
		expect(payload.locale).toBe(Locale.French);
		expect(payload.data.options).toEqual([
			{
				name: 'set',
				type: ApplicationCommandOptionType.Subcommand,
				options: [
					{ name: 'channel', type: ApplicationCommandOptionType.Channel, value: emu.firstChannelId },
					{ name: 'hour', type: ApplicationCommandOptionType.Integer, value: 9 },
				],
			},
		]);
		expect(payload.data.resolved?.channels?.[emu.firstChannelId]).toMatchObject({
			name: 'general',
			type: ChannelType.GuildText,
		});
		expect(BigInt(payload.member.permissions) & PermissionFlagsBits.ManageGuild).toBe(PermissionFlagsBits.ManageGuild);
		expect(payload.channel_id).toBe(emu.firstChannelId);
		expect(payload.app_permissions).toBe(String(emu.state.botPermissionsIn(emu.firstChannelId)));
	});

	it('THEN a subcommand group nests two levels deep', () => {
		const payload = emu.injectChatInput({
			name: 'schedule',
			subcommandGroup: 'post',
			subcommand: 'pause',
			userId: adminId,
		}).payload;
		expect(payload.data.options).toEqual([
			{
				name: 'post',
				type: ApplicationCommandOptionType.SubcommandGroup,
				options: [{ name: 'pause', type: ApplicationCommandOptionType.Subcommand, options: [] }],
			},
		]);
	});

	it.each([
		['a missing required option', { channel: 'CHANNEL' }, /needs option "hour"/],
		['an hour above max_value', { channel: 'CHANNEL', hour: 24 }, /takes 0–23/],
		['a timezone above max_length', { channel: 'CHANNEL', hour: 1, timezone: 'x'.repeat(41) }, /takes 0–40 characters/],
		['a string for an integer', { channel: 'CHANNEL', hour: 'nine' }, /cannot take "nine"/],
		[
			'an announcement channel where only text is offered',
			{ channel: 'NEWS', hour: 1 },
			/only offers channels of types/,
		],
	])('THEN %s is refused as Discord’s client would', (_name, options, error) => {
		const news = emu.addChannel(emu.firstGuild.id, { type: ChannelType.GuildAnnouncement });
		const resolvedOptions = Object.fromEntries(
			Object.entries(options).map(([key, value]) => [
				key,
				value === 'CHANNEL' ? emu.firstChannelId : value === 'NEWS' ? news.id : value,
			]),
		);
		expect(() =>
			emu.injectChatInput({ name: 'schedule', subcommand: 'set', userId: adminId, options: resolvedOptions }),
		).toThrow(error);
	});

	it('THEN autocomplete marks the focused option and sends its partial text', () => {
		const payload = emu.injectAutocomplete({
			name: 'schedule',
			subcommand: 'set',
			userId: adminId,
			options: { timezone: 'Europe/Be' },
			focused: 'timezone',
		}).payload;
		expect(payload.type).toBe(InteractionType.ApplicationCommandAutocomplete);
		expect(payload.data.options).toEqual([
			{
				name: 'set',
				type: ApplicationCommandOptionType.Subcommand,
				options: [{ name: 'timezone', type: ApplicationCommandOptionType.String, value: 'Europe/Be', focused: true }],
			},
		]);
	});

	it('THEN a message component from a user message with no such button is refused', () => {
		const message = emu.postUserMessage(emu.firstChannelId, 'no buttons here');
		expect(() => emu.injectButton({ message, customId: 'nope' })).toThrow(/has no button "nope"/);
	});
});
