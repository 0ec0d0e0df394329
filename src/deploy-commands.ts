/**
 * `npm run deploy-commands`: registers the slash commands of `commands/index.ts`, to
 * `DISCORD_DEV_GUILD_ID` when it is set (instant, for development), else globally. The choices
 * of the `collection` options come from the data the bot loads, so they name the same collections.
 */
import { existsSync } from 'node:fs';
import { DiscordAPIError } from 'discord.js';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig } from './config.js';
import { DataError, loadDataSet } from './data/load.js';
import { deployCommands } from './discord/deploy.js';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
	const config = loadConfig(process.env, ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID']);
	const { token, applicationId, devGuildId, apiUrl } = config.discord;
	if (token === undefined || applicationId === undefined)
		throw new ConfigError(['DISCORD_TOKEN and DISCORD_APPLICATION_ID are required']);
	const collections = loadDataSet().collections.map((c) => c.collection);
	const result = await deployCommands({
		token,
		applicationId,
		apiUrl,
		commands,
		collections,
		...(devGuildId === undefined ? {} : { guildId: devGuildId }),
	});
	process.stdout.write(
		`Registered ${result.names.length} commands ${result.scope}: ${result.names.map((n) => `/${n}`).join(', ')}\n`,
	);
	if (devGuildId === undefined)
		process.stdout.write('Global commands can take up to an hour to appear in every server.\n');
} catch (error: unknown) {
	if (error instanceof ConfigError || error instanceof DataError) {
		process.stderr.write(`letterday: ${error.message}\n`);
	} else if (error instanceof DiscordAPIError) {
		const hint =
			error.status === 401
				? ' (is DISCORD_TOKEN right?)'
				: error.status === 403 || error.status === 404
					? ' (is DISCORD_APPLICATION_ID right, and is the bot in DISCORD_DEV_GUILD_ID?)'
					: '';
		process.stderr.write(`letterday: Discord refused the commands: ${error.status} ${error.message}${hint}\n`);
	} else {
		process.stderr.write(
			`letterday: could not register the commands: ${error instanceof Error ? error.message : String(error)}\n`,
		);
	}
	process.exitCode = 1;
}
