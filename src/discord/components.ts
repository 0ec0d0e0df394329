/**
 * Buttons and select menus: the state comes from the custom_id alone, and the screen is rebuilt
 * from the corpus, so components keep working across restarts and on any process.
 */
import { collectionsOfTokens } from './collections.js';
import type { Deps, MessageBody, Reply } from './command.js';
import { decodeCustomId } from './custom-id.js';
import { literal } from './render/text.js';
import {
	dayScreen,
	drawExchange,
	fullTextReply,
	letterScreen,
	notice,
	parseDayKey,
	personScreen,
	threadIndexOf,
	threadScreen,
} from './screens.js';
import { collectionOf } from '../core/corpus.js';
import type { Result } from '../core/result.js';

/** Said when a component's custom_id is not one this version understands. */
export const STALE_COMPONENT = 'This button belongs to an older version of Letterday; run the command again.';

/** A button filtered by a collection this version no longer has. */
function gone(collection: string): Reply {
	return notice(`The ${literal(collection)} collection is no longer in Letterday; run the command again.`);
}

function update(result: Result<MessageBody>): Reply {
	return result.ok ? { type: 'update', body: result.value } : notice(result.error.message);
}

/**
 * Answer a button press or a menu choice.
 *
 * @param customId - The component's custom_id.
 * @param values - The values chosen in a select menu (empty for a button).
 * @param deps - The corpus and friends.
 */
export function handleComponent(customId: string, values: readonly string[], deps: Deps): Reply {
	const { corpus } = deps;
	const state = decodeCustomId(customId);
	const value = values[0] ?? '';
	switch (state?.kind) {
		case 'letter':
			return update(letterScreen(corpus, state.id, state.page));
		case 'full-text':
			return fullTextReply(corpus, state.id);
		case 'day':
		case 'day-menu': {
			const day = parseDayKey(state.day);
			if (!day) return notice(STALE_COMPONENT);
			const collections = collectionsOfTokens(corpus, state.collections ?? []);
			if (!collections.ok) return gone(collections.error.message);
			const id = state.kind === 'day' ? state.id : value;
			const page = state.kind === 'day' ? state.page : 0;
			return { type: 'update', body: dayScreen(corpus, day, id, page, collections.value).body };
		}
		case 'thread':
			return update(threadScreen(corpus, state.focus, state.index, state.page));
		case 'thread-menu':
			return update(threadScreen(corpus, state.focus, threadIndexOf(corpus, state.focus, value), 0));
		case 'random':
			if (state.collection !== undefined && !collectionOf(corpus, state.collection)) return gone(state.collection);
			return drawExchange(deps, state, true);
		case 'search-menu':
		case 'who-letters':
			return update(letterScreen(corpus, value, 0));
		case 'who-people': {
			const person = corpus.people.get(value);
			return person
				? { type: 'update', body: personScreen(corpus, person) }
				: notice('That person is no longer in the collection.');
		}
		case 'inert':
		case undefined:
			return notice(STALE_COMPONENT);
	}
}
