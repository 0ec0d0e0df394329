/**
 * What `/letterday` needs to administer a server's daily post, as one narrow interface the
 * composition root implements over the store, the scheduler and the live client
 * (`src/scheduler/admin.ts`); tests may pass their own.
 */
import type { SettingsStore } from '../core/ports.js';
import type { GuildSettings } from '../core/settings.js';
import type { DeliveryOutcome } from '../scheduler/daily-post.js';
import type { ChannelCheck } from '../scheduler/discord-sender.js';
import type { MessageBody } from './command.js';

export interface DailyAdmin {
	readonly settings: SettingsStore;
	/** Can the bot post (and open threads, with `threads`) in the channel, right now? */
	checkChannel(guildId: string, channelId: string, threads: boolean): ChannelCheck;
	/** The server's post for a local date, as it would look (no mention). Undefined when there is no letter. */
	preview(guildId: string, settings: GuildSettings, localDate: string): Promise<MessageBody | undefined>;
	/** Post now: today's post through the post log (so it is not sent twice); another date as an extra. */
	postNow(guildId: string, localDate: string | undefined): Promise<DeliveryOutcome>;
	/** Forget the server's settings and rotation. */
	forgetGuild(guildId: string): Promise<void>;
}
