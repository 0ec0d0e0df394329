/**
 * Registering the slash commands with Discord from the static registry: to one guild while
 * developing (instant), or globally.
 */
import { REST, Routes, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Collection } from '../core/format.js';
import { withCollectionChoices } from './collections.js';
import type { Command } from './command.js';

/** What {@link deployCommands} needs. */
export interface DeployOptions {
	readonly token: string;
	readonly applicationId: string;
	readonly apiUrl: string;
	/** Register to this guild only; globally when absent. */
	readonly guildId?: string;
	readonly commands: readonly Command[];
	/** The loaded collections: the choices of every `collection` option. */
	readonly collections: readonly Pick<Collection, 'id' | 'shortTitle'>[];
}

/**
 * The registration body: every command's data, in registry order, with the choices of the
 * `collection` options filled in from the collections the bot runs with.
 */
export function registrationBody(
	commands: readonly Command[],
	collections: readonly Pick<Collection, 'id' | 'shortTitle'>[],
): RESTPutAPIApplicationCommandsJSONBody {
	return commands.map((c) => withCollectionChoices(c.data, collections));
}

/**
 * Replace the application's commands (globally or in one guild) with the registry's.
 *
 * @returns The names registered and where.
 */
export async function deployCommands(options: DeployOptions): Promise<{ names: string[]; scope: string }> {
	const rest = new REST({ api: options.apiUrl }).setToken(options.token);
	const route =
		options.guildId === undefined
			? Routes.applicationCommands(options.applicationId)
			: Routes.applicationGuildCommands(options.applicationId, options.guildId);
	const registered: unknown = await rest.put(route, { body: registrationBody(options.commands, options.collections) });
	const names = Array.isArray(registered)
		? registered.map((c: unknown) => (typeof c === 'object' && c !== null && 'name' in c ? String(c.name) : '?'))
		: [];
	return { names, scope: options.guildId === undefined ? 'globally' : `to guild ${options.guildId}` };
}
