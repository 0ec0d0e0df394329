/**
 * The shapes shared by slash commands, the router and the renderers. A command is plain data
 * (what Discord registers) plus a handler that reads a narrow {@link CommandInput} and returns a
 * {@link Reply} value; only the router talks to discord.js interactions.
 */
import type {
	APIActionRowComponent,
	APIAllowedMentions,
	APIApplicationCommandOptionChoice,
	APIComponentInMessageActionRow,
	APIEmbed,
	RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Corpus } from '../core/corpus.js';
import type { SettingsStore } from '../core/ports.js';
import type { SearchIndex, SuggestionIndex } from '../core/search.js';
import type { DailyAdmin } from './daily-admin.js';

/** A file sent with a message (the "Full text" `.txt`). */
export interface ReplyFile {
	readonly name: string;
	readonly text: string;
}

/** An action row of buttons or one select menu, as Discord's API JSON. */
export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/**
 * A whole message body as Discord receives it (API JSON). Every body the bot sends says
 * `allowed_mentions: { parse: [] }`, so neither a letter nor a user's query can ping anyone.
 */
export interface MessageBody {
	readonly content?: string;
	readonly embeds: readonly APIEmbed[];
	readonly components: readonly ActionRow[];
	readonly allowed_mentions: APIAllowedMentions;
	readonly files?: readonly ReplyFile[];
}

/** An autocomplete choice. */
export type Choice = APIApplicationCommandOptionChoice<string>;

/**
 * What a handler answers, as a value; the router sends it.
 * - `message`: a new reply (ephemeral ones only the asker sees);
 * - `update`: edit the message whose button or menu was used;
 * - `choices`: autocomplete suggestions.
 */
export type Reply =
	| { readonly type: 'message'; readonly body: MessageBody; readonly ephemeral: boolean }
	| { readonly type: 'update'; readonly body: MessageBody }
	| { readonly type: 'choices'; readonly choices: readonly Choice[] };

/** The options of a slash command, as handlers read them (discord.js's resolver fits this). */
export interface CommandOptions {
	getString(name: string): string | null;
	getInteger(name: string): number | null;
	/** The subcommand used (commands that have subcommands). */
	getSubcommand?(required: false): string | null;
	getBoolean?(name: string): boolean | null;
	/** A channel option: its id and type. */
	getChannel?(name: string): { readonly id: string; readonly type: number } | null;
	/** A role option: its id. */
	getRole?(name: string): { readonly id: string } | null;
}

/** What a command handler may read about the interaction: nothing discord.js-specific. */
export interface CommandInput {
	readonly options: CommandOptions;
	/** The server the command was used in; null in direct messages. */
	readonly guildId: string | null;
	/** When the interaction arrived, epoch milliseconds. */
	readonly now: number;
	/** The member's permissions in the channel (bits); null outside a server. */
	readonly memberPermissions?: bigint | null;
}

/** What an autocomplete handler reads: the option being typed and what is typed so far. */
export interface AutocompleteInput extends CommandInput {
	readonly focused: { readonly name: string; readonly value: string };
}

/** Everything handlers need, built once at start-up by the composition root. */
export interface Deps {
	readonly corpus: Corpus;
	readonly search: SearchIndex;
	readonly suggestions: SuggestionIndex;
	/** Per-server settings (the server's time zone for `/today`). */
	readonly settings: Pick<SettingsStore, 'get'>;
	/** A source of seeds for random picks, uniform over [0, 1). */
	readonly random: () => number;
	/** The daily post's administration (`/letterday`); absent when the bot runs without it. */
	readonly daily?: DailyAdmin;
}

/** A slash command: registration data kept apart from its behaviour. */
export interface Command {
	readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
	run(input: CommandInput, deps: Deps): Reply | Promise<Reply>;
	/** Suggestions for options registered with `autocomplete: true`. */
	autocomplete?(input: AutocompleteInput, deps: Deps): Reply | Promise<Reply>;
}
