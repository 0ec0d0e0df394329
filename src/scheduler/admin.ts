/**
 * The {@link DailyAdmin} behind `/letterday`, over the daily post's dependencies and the live
 * client's cache.
 */
import type { Client } from 'discord.js';
import { DateTime } from 'luxon';
import type { DailyAdmin } from '../discord/daily-admin.js';
import { planPost, postNow, type DailyPostDeps } from './daily-post.js';
import { checkChannel } from './discord-sender.js';

export function createDailyAdmin(
	deps: DailyPostDeps,
	client: Client,
	clock: () => DateTime = () => DateTime.utc(),
): DailyAdmin {
	return {
		settings: deps.settings,
		checkChannel: (guildId, channelId, threads) => checkChannel(client, guildId, channelId, threads),
		async preview(guildId, settings, localDate) {
			const plan = planPost(deps.corpus, deps.prompts, {
				guildId,
				settings,
				localDate,
				rotation: await deps.rotation.get(guildId),
				preview: `🔍 **Preview** of the post for ${localDate} (only you can see this).`,
			});
			return plan?.body;
		},
		postNow: (guildId, localDate) => postNow(deps, guildId, localDate, clock()),
		forgetGuild: (guildId) => deps.forgetGuild(guildId),
	};
}
