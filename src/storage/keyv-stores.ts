/**
 * Settings and rotation stores over keyv, the same for every backend. Listing all servers needs a
 * key scan, which keyv does not offer efficiently (its iterators page 10 rows at a time, and the
 * SQLite one by OFFSET), so each backend passes its own `listKeys`.
 */
import type { Keyv } from 'keyv';

import type { RotationStore, SettingsStore } from '../core/ports.js';
import { EMPTY_ROTATION, rotationStateSchema, type RotationState } from '../core/rotation.js';
import { parseGuildSettings, type GuildSettings, type GuildSettingsEntry } from '../core/settings.js';
import type { Logger } from '../logger.js';
import type { KeyScheme } from './keys.js';

/** Every key that starts with `prefix`, in any order. */
export type ListKeys = (prefix: string) => Promise<string[]>;

/**
 * Settings read per round trip when listing. Reading them (keyv's deserialisation, then the
 * settings schema) costs about 20 µs a server, all of it synchronous, and the memory store answers
 * without any I/O, so listing yields to the event loop after each chunk: ten thousand servers then
 * hold it for about 2 ms at a time instead of 140 ms at once (the fan-out benchmark's tick start).
 */
const GET_MANY_CHUNK = 100;

/** A {@link SettingsStore} whose records are keyv values, parsed with the settings schema on read. */
export function keyvSettingsStore(keyv: Keyv, keys: KeyScheme, listKeys: ListKeys, logger: Logger): SettingsStore {
	const parse = (guildId: string, raw: unknown): GuildSettings | undefined => {
		const parsed = parseGuildSettings(raw);
		if (parsed.ok) return parsed.value;
		logger.warn({ guildId, problem: parsed.error.message }, 'unreadable server settings ignored');
		return undefined;
	};
	return {
		async get(guildId) {
			const raw: unknown = await keyv.get(keys.settings(guildId));
			return raw === undefined ? undefined : parse(guildId, raw);
		},
		async set(guildId, settings) {
			await keyv.set(keys.settings(guildId), settings);
		},
		async delete(guildId) {
			return keyv.delete(keys.settings(guildId));
		},
		async list() {
			const found = await listKeys(keys.settingsPrefix);
			const entries: GuildSettingsEntry[] = [];
			for (let start = 0; start < found.length; start += GET_MANY_CHUNK) {
				if (start > 0) await new Promise((resolve) => setImmediate(resolve));
				const chunk = found.slice(start, start + GET_MANY_CHUNK);
				const values: unknown[] = await keyv.getMany(chunk);
				chunk.forEach((key, i) => {
					const guildId = key.slice(keys.settingsPrefix.length);
					const raw = values[i];
					const settings = raw === undefined ? undefined : parse(guildId, raw);
					if (settings !== undefined) entries.push({ guildId, settings });
				});
			}
			return entries;
		},
	};
}

/** A {@link RotationStore} over keyv. */
export function keyvRotationStore(keyv: Keyv, keys: KeyScheme, logger: Logger): RotationStore {
	return {
		async get(guildId) {
			const raw: unknown = await keyv.get(keys.rotation(guildId));
			if (raw === undefined) return EMPTY_ROTATION;
			const parsed = rotationStateSchema.safeParse(raw);
			if (parsed.success) return parsed.data;
			logger.warn({ guildId, problem: parsed.error.message }, 'unreadable rotation state reset');
			return EMPTY_ROTATION;
		},
		async set(guildId, state: RotationState) {
			await keyv.set(keys.rotation(guildId), state);
		},
		async delete(guildId) {
			return keyv.delete(keys.rotation(guildId));
		},
	};
}
