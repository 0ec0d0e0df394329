/**
 * A protocol-faithful local Discord for end-to-end tests of the real discord.js client.
 * Start with {@link startBotHarness} (emulator + ready client) or {@link startEmulator}.
 */
export { Emulator, startEmulator } from './emulator.js';
export {
	emulatorClientOptions,
	startBotHarness,
	type BotHarness,
	type BotHarnessOptions,
	type HarnessClientContext,
} from './harness.js';
export type {
	AutocompleteInjection,
	ButtonInjection,
	ChatInputInjection,
	InteractionTarget,
	ModalSubmitInjection,
	OptionValue,
	SelectInjection,
} from './interactions.js';
export { DISCORD_LIMITS } from './limits.js';
export { ALL_PERMISSIONS, DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './permissions.js';
export { RawGatewayClient, type RawFrame } from './raw-gateway-client.js';
export type { EmulatedChannel, EmulatedGuild, EmulatedGuildChannel, EmulatedMember, EmulatorState } from './state.js';
export type {
	ChannelSeed,
	EmulatorOptions,
	FaultOptions,
	GatewayLogEntry,
	GuildSeed,
	InjectedInteraction,
	MemberSeed,
	RecordedCallback,
	RecordedFile,
	RecordedRequest,
	RequestMatcher,
	RoleSeed,
} from './types.js';
