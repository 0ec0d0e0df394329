import { OverwriteType, PermissionFlagsBits, type APIOverwrite, type APIRole } from 'discord-api-types/v10';

/** Every permission bit discord-api-types knows, OR-ed together. */
export const ALL_PERMISSIONS: bigint = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What a freshly invited bot usually gets: enough to post, embed, attach and start threads. */
export const DEFAULT_BOT_PERMISSIONS: bigint =
	PermissionFlagsBits.ViewChannel |
	PermissionFlagsBits.SendMessages |
	PermissionFlagsBits.SendMessagesInThreads |
	PermissionFlagsBits.EmbedLinks |
	PermissionFlagsBits.AttachFiles |
	PermissionFlagsBits.ReadMessageHistory |
	PermissionFlagsBits.CreatePublicThreads |
	PermissionFlagsBits.UseApplicationCommands |
	PermissionFlagsBits.AddReactions;

/** Discord's default `@everyone` permissions for a new guild (the bits that matter to a bot). */
export const DEFAULT_EVERYONE_PERMISSIONS: bigint =
	PermissionFlagsBits.ViewChannel |
	PermissionFlagsBits.SendMessages |
	PermissionFlagsBits.SendMessagesInThreads |
	PermissionFlagsBits.CreatePublicThreads |
	PermissionFlagsBits.EmbedLinks |
	PermissionFlagsBits.AttachFiles |
	PermissionFlagsBits.ReadMessageHistory |
	PermissionFlagsBits.AddReactions |
	PermissionFlagsBits.UseApplicationCommands;

/** The inputs of Discord's permission algorithm for one member in one channel. */
export interface PermissionContext {
	/** The guild id, which is also the id of its `@everyone` role. */
	readonly guildId: string;
	/** The guild owner's user id: the owner has every permission. */
	readonly ownerId: string;
	/** The member's user id. */
	readonly userId: string;
	/** The member's role ids (without `@everyone`). */
	readonly memberRoleIds: readonly string[];
	/** All roles of the guild by id, `@everyone` included. */
	readonly roles: ReadonlyMap<string, APIRole>;
	/** The channel's overwrites, or the parent's for a thread; omit for guild-level permissions. */
	readonly overwrites?: readonly APIOverwrite[];
	/** Whether the channel is a thread: sending there is governed by SEND_MESSAGES_IN_THREADS instead. */
	readonly thread?: boolean;
}

/**
 * Computes permissions the way Discord documents it: base permissions from roles, ADMINISTRATOR
 * short-circuit, then `@everyone`, role and member overwrites in that order.
 *
 * @param context - the member, guild roles and channel overwrites
 * @returns the effective permission bits
 */
export function computePermissions(context: PermissionContext): bigint {
	if (context.userId === context.ownerId) return ALL_PERMISSIONS;
	let permissions = BigInt(context.roles.get(context.guildId)?.permissions ?? '0');
	for (const roleId of context.memberRoleIds) {
		const role = context.roles.get(roleId);
		if (role) permissions |= BigInt(role.permissions);
	}
	if ((permissions & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
	if (!context.overwrites) return permissions;

	const everyone = context.overwrites.find((o) => o.id === context.guildId);
	if (everyone) {
		permissions &= ~BigInt(everyone.deny);
		permissions |= BigInt(everyone.allow);
	}
	let roleAllow = 0n;
	let roleDeny = 0n;
	for (const overwrite of context.overwrites) {
		if (overwrite.type === OverwriteType.Role && context.memberRoleIds.includes(overwrite.id)) {
			roleAllow |= BigInt(overwrite.allow);
			roleDeny |= BigInt(overwrite.deny);
		}
	}
	permissions &= ~roleDeny;
	permissions |= roleAllow;
	const member = context.overwrites.find((o) => o.type === OverwriteType.Member && o.id === context.userId);
	if (member) {
		permissions &= ~BigInt(member.deny);
		permissions |= BigInt(member.allow);
	}
	// Discord's implicit rules: without VIEW_CHANNEL nothing else applies, and without
	// SEND_MESSAGES the bits that only make sense when sending are dropped too.
	if ((permissions & PermissionFlagsBits.ViewChannel) === 0n) return 0n;
	if (!context.thread && (permissions & PermissionFlagsBits.SendMessages) === 0n) {
		permissions &= ~(
			PermissionFlagsBits.MentionEveryone |
			PermissionFlagsBits.SendTTSMessages |
			PermissionFlagsBits.AttachFiles |
			PermissionFlagsBits.EmbedLinks
		);
	}
	return permissions;
}

/**
 * @param bits - permission bits
 * @returns the PascalCase flag names set in `bits`, for readable failure messages
 */
export function permissionNames(bits: bigint): string[] {
	return Object.entries(PermissionFlagsBits)
		.filter(([, bit]) => (bits & bit) !== 0n)
		.map(([name]) => name);
}
