/**
 * Turning a {@link MessageBody} value into discord.js options. The router is the only caller.
 */
import type { InteractionEditReplyOptions, InteractionReplyOptions } from 'discord.js';
import { MessageFlags } from 'discord.js';
import type { MessageBody } from './command.js';

function common(body: MessageBody): Pick<InteractionReplyOptions, 'embeds' | 'components' | 'allowedMentions'> {
	return {
		embeds: [...body.embeds],
		components: [...body.components],
		allowedMentions: { parse: [] },
	};
}

/** Options for `interaction.reply` (and `followUp`). */
export function toReplyOptions(body: MessageBody, ephemeral: boolean): InteractionReplyOptions {
	return {
		...common(body),
		...(body.content === undefined ? {} : { content: body.content }),
		...(body.files === undefined
			? {}
			: { files: body.files.map((f) => ({ attachment: Buffer.from(f.text, 'utf8'), name: f.name })) }),
		...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
	};
}

/** Options for `interaction.editReply` after a deferral: the loading message becomes the answer. */
export function toEditOptions(body: MessageBody): InteractionEditReplyOptions {
	return {
		...common(body),
		content: body.content ?? '',
		...(body.files === undefined
			? {}
			: { files: body.files.map((f) => ({ attachment: Buffer.from(f.text, 'utf8'), name: f.name })) }),
	};
}
