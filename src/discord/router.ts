/**
 * The interaction router: the only code that touches discord.js interactions. It finds the
 * command (or decodes the component), runs the handler, sends the {@link Reply} value, and is the
 * one error boundary: unexpected errors are logged with context and answered with a generic
 * ephemeral message, never with the error's text.
 */
import type {
	APIInteractionResponse,
	AutocompleteInteraction,
	BaseInteraction,
	ChatInputCommandInteraction,
	Interaction,
	MessageComponentInteraction,
} from 'discord.js';
import { InteractionResponseType, MessageFlags, Routes } from 'discord.js';
import type { Logger } from '../logger.js';
import type { Command, Deps, MessageBody, Reply } from './command.js';
import { handleComponent } from './components.js';
import { decodeOthersCustomId, othersReply } from './render/daily-post.js';
import { toEditOptions, toReplyOptions } from './reply.js';

/** What everyone sees when something unexpected goes wrong. */
export const GENERIC_ERROR = 'Sorry, something went wrong on our side. Please try again in a moment.';

/** What the router needs. */
export interface RouterOptions {
	readonly commands: readonly Command[];
	readonly deps: Deps;
	readonly logger: Pick<Logger, 'error' | 'warn' | 'debug' | 'isLevelEnabled'>;
	/** The clock, epoch milliseconds (default `Date.now`). */
	readonly now?: () => number;
	/**
	 * A command still working after this long is deferred ("thinking…"), because Discord drops an
	 * interaction not acknowledged within three seconds. Default {@link DEFER_AFTER_MS}.
	 */
	readonly deferAfterMs?: number;
}

/** How long a command may take before the router defers its reply. */
export const DEFER_AFTER_MS = 2_000;

/** Wait for `work`, or for `ms` to pass first (then `undefined`). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<undefined>((resolve) => {
		timer = setTimeout(() => resolve(undefined), ms);
	});
	try {
		return await Promise.race([work, late]);
	} finally {
		clearTimeout(timer);
	}
}

/** Answer a deferred command: edit the loading message, or replace it when the answer is private. */
async function sendDeferred(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
	if (reply.type === 'message' && reply.ephemeral) {
		// A deferred reply's visibility is fixed; a private answer replaces it.
		await interaction.deleteReply();
		await interaction.followUp(toReplyOptions(reply.body, true));
	} else if (reply.type === 'message' || reply.type === 'update') {
		await interaction.editReply(toEditOptions(reply.body));
	} else {
		throw new Error('autocomplete choices answered to a command');
	}
}

type Repliable = ChatInputCommandInteraction | MessageComponentInteraction;

/**
 * Send an interaction's callback (`POST /interactions/{id}/{token}/callback`) as the API JSON it
 * is: our replies are API JSON already, so discord.js's `reply`/`update`/`respond` would only
 * rebuild them (a `MessagePayload`, snake-casing every key of every embed and component again)
 * on the way to the same request. Files go as multipart, as discord.js sends them.
 */
async function callback(
	interaction: BaseInteraction,
	response: APIInteractionResponse,
	files?: MessageBody['files'],
): Promise<void> {
	await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
		body: response,
		...(files === undefined ? {} : { files: files.map((f) => ({ name: f.name, data: Buffer.from(f.text, 'utf8') })) }),
		auth: false,
	});
}

/**
 * A message body as the callback's `data`: mentions off (no reply may ping anyone), files listed
 * as attachments `0`, `1`, … (their multipart parts), and the content always set on an update, so
 * an old notice does not linger.
 */
function messageData(body: MessageBody, ephemeral: boolean, update: boolean) {
	return {
		...(body.content === undefined ? (update ? { content: '' } : {}) : { content: body.content }),
		embeds: [...body.embeds],
		components: [...body.components],
		allowed_mentions: { parse: [] },
		...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
		...(body.files === undefined ? {} : { attachments: body.files.map((_, index) => ({ id: String(index) })) }),
	};
}

async function send(interaction: Repliable, reply: Reply): Promise<void> {
	if (reply.type === 'choices') throw new Error('autocomplete choices answered to a command or component');
	const update = reply.type === 'update' && interaction.isMessageComponent();
	const ephemeral = reply.type === 'message' && reply.ephemeral;
	await callback(
		interaction,
		update
			? { type: InteractionResponseType.UpdateMessage, data: messageData(reply.body, false, true) }
			: { type: InteractionResponseType.ChannelMessageWithSource, data: messageData(reply.body, ephemeral, false) },
		update ? undefined : reply.body.files,
	);
	// What discord.js records after its own reply or update, so its followUp and editReply (the
	// error boundary's) still work.
	interaction.replied = true;
	if (!update) interaction.ephemeral = ephemeral;
}

/**
 * Build the handler for `interactionCreate`.
 *
 * @returns A function that answers one interaction; it never rejects.
 */
export function createRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
	const byName = new Map(options.commands.map((c) => [c.data.name, c]));
	const now = options.now ?? Date.now;
	const { deps, logger } = options;
	// The per-interaction debug line's fields are built only when it is written.
	const debug = logger.isLevelEnabled('debug');

	const context = (interaction: Interaction): Record<string, unknown> => ({
		interactionId: interaction.id,
		type: interaction.type,
		command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
		customId: interaction.isMessageComponent() ? interaction.customId : undefined,
		userId: interaction.user.id,
		guildId: interaction.guildId,
		channelId: interaction.channelId,
	});

	const autocomplete = async (interaction: AutocompleteInteraction): Promise<void> => {
		const command = byName.get(interaction.commandName);
		const focused = interaction.options.getFocused(true);
		const reply = command?.autocomplete
			? await command.autocomplete(
					{
						options: interaction.options,
						guildId: interaction.guildId,
						now: now(),
						focused: { name: focused.name, value: String(focused.value) },
					},
					deps,
				)
			: undefined;
		await callback(interaction, {
			type: InteractionResponseType.ApplicationCommandAutocompleteResult,
			data: { choices: reply?.type === 'choices' ? [...reply.choices] : [] },
		});
		interaction.responded = true;
	};

	const answer = async (interaction: Interaction): Promise<void> => {
		if (interaction.isAutocomplete()) return autocomplete(interaction);
		if (interaction.isChatInputCommand()) {
			const command = byName.get(interaction.commandName);
			if (!command) {
				logger.warn(context(interaction), 'unknown command');
				await interaction.reply({
					content: 'That command is not available any more.',
					flags: MessageFlags.Ephemeral,
					allowedMentions: { parse: [] },
				});
				return;
			}
			const result = command.run(
				{
					options: interaction.options,
					guildId: interaction.guildId,
					now: now(),
					memberPermissions: interaction.memberPermissions?.bitfield ?? null,
				},
				deps,
			);
			// A handler that answered at once needs no deferral timer.
			if (!(result instanceof Promise)) {
				await send(interaction, result);
				return;
			}
			const work = result;
			// Observed now, so a failure after a failed deferral is not an unhandled rejection.
			work.catch(() => undefined);
			const quick = await within(work, options.deferAfterMs ?? DEFER_AFTER_MS);
			if (quick !== undefined) {
				await send(interaction, quick);
				return;
			}
			logger.warn(context(interaction), 'slow command deferred');
			await interaction.deferReply();
			await sendDeferred(interaction, await work);
			return;
		}
		if (interaction.isButton() || interaction.isStringSelectMenu()) {
			const values = interaction.isStringSelectMenu() ? interaction.values : [];
			// The daily post's "Other letters" button answers privately (see render/daily-post.ts).
			const others = decodeOthersCustomId(interaction.customId);
			await send(
				interaction,
				others === undefined ? handleComponent(interaction.customId, values, deps) : othersReply(deps.corpus, others),
			);
		}
	};

	return async (interaction) => {
		const started = performance.now();
		try {
			await answer(interaction);
			if (debug)
				logger.debug({ ...context(interaction), ms: Math.round(performance.now() - started) }, 'interaction answered');
		} catch (error: unknown) {
			logger.error({ ...context(interaction), err: error }, 'interaction failed');
			try {
				if (interaction.isAutocomplete()) {
					if (!interaction.responded) await interaction.respond([]);
				} else if (interaction.isRepliable()) {
					const generic = {
						content: GENERIC_ERROR,
						flags: MessageFlags.Ephemeral,
						allowedMentions: { parse: [] },
					} as const;
					if (interaction.deferred && !interaction.replied) {
						// Do not leave "thinking…" for everyone; tell the asker privately.
						await interaction.deleteReply().catch(() => undefined);
						await interaction.followUp(generic);
					} else if (interaction.replied) await interaction.followUp(generic);
					else await interaction.reply(generic);
				}
			} catch (second: unknown) {
				logger.error({ ...context(interaction), err: second }, 'could not tell the user about a failed interaction');
			}
		}
	};
}
