import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	ApplicationCommandOptionType,
	ChannelType,
	InteractionResponseType,
	PermissionFlagsBits,
	type APIMessage,
	type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { startEmulator, type Emulator } from './emulator.js';
import { hasOperation, loadOpenApi, requestBodySchema, type HttpMethod } from './openapi.js';
import { RawGatewayClient } from './raw-gateway-client.js';
import { isRecord } from './schema-validator.js';

const commands = [
	{
		name: 'letter',
		description: 'Show a letter',
		options: [{ type: ApplicationCommandOptionType.String, name: 'date', description: 'MM-DD' }],
	},
] satisfies RESTPutAPIApplicationCommandsJSONBody;

interface Answer {
	readonly status: number;
	readonly headers: Headers;
	readonly body: unknown;
}

describe('GIVEN the emulator spoken to over raw HTTP', () => {
	let emu: Emulator;
	let gateway: RawGatewayClient;

	const call = async (
		method: string,
		path: string,
		body?: unknown,
		init: { auth?: boolean; raw?: string; contentType?: string } = {},
	): Promise<Answer> => {
		const headers: Record<string, string> = {};
		if (init.auth !== false) headers.Authorization = `Bot ${emu.token}`;
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		if (init.contentType) headers['Content-Type'] = init.contentType;
		const response = await fetch(`${emu.url}/v10${path}`, {
			method,
			headers,
			body: init.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
		});
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
	};

	const channelId = (): string => emu.firstChannelId;

	beforeAll(async () => {
		emu = await startEmulator({ commands: { global: commands }, interactionResponseTimeoutMs: 300 });
		gateway = await RawGatewayClient.connect(emu.gatewayUrl);
		await gateway.identify(emu.token);
	});
	afterAll(async () => {
		gateway?.close(1000);
		await emu?.stop();
	});
	afterEach(() => {
		emu.disableGlobalRateLimit();
		emu.disablePerChannelRateLimit();
	});

	it('THEN an unknown route is a loud 404 naming method and path, with rate-limit headers', async () => {
		const answer = await call('PATCH', '/nothing/here');
		expect(answer.status).toBe(404);
		expect(answer.body).toMatchObject({ code: 0, message: expect.stringContaining('PATCH /nothing/here') });
		expect(answer.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
	});

	it('THEN every answer carries X-RateLimit headers and a missing token is 401', async () => {
		const ok = await call('GET', '/gateway/bot');
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ url: emu.gatewayUrl, shards: 1 });
		for (const name of [
			'x-ratelimit-limit',
			'x-ratelimit-remaining',
			'x-ratelimit-reset',
			'x-ratelimit-reset-after',
			'x-ratelimit-bucket',
		]) {
			expect(ok.headers.get(name)).not.toBeNull();
		}
		const denied = await call('GET', `/channels/${channelId()}`, undefined, { auth: false });
		expect(denied.status).toBe(401);
		expect(denied.body).toEqual({ message: '401: Unauthorized', code: 0 });
		expect(denied.headers.get('x-ratelimit-remaining')).not.toBeNull();
	});

	it('THEN a body that breaks a limit is 400/50035 with the failing field, and bad JSON is 50109', async () => {
		const answer = await call('POST', `/channels/${channelId()}/messages`, { content: 'x'.repeat(2001) });
		expect(answer).toMatchObject({
			status: 400,
			body: {
				code: 50035,
				message: 'Invalid Form Body',
				errors: {
					content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
				},
			},
		});
		expect(
			(
				await call('POST', `/channels/${channelId()}/messages`, undefined, {
					raw: '{nope',
					contentType: 'application/json',
				})
			).body,
		).toMatchObject({ code: 50109 });
		expect((await call('GET', '/channels/not-a-snowflake')).body).toMatchObject({
			code: 50035,
			errors: { channel_id: { _errors: [{ code: 'NUMBER_TYPE_COERCE' }] } },
		});
		expect((await call('POST', `/channels/${channelId()}/messages`, { content: '' })).body).toEqual({
			message: 'Cannot send an empty message',
			code: 50006,
		});
	});

	it('THEN enforce_nonce returns the original message instead of a duplicate', async () => {
		const body = { content: 'once', nonce: '1234567890', enforce_nonce: true };
		const first = await call('POST', `/channels/${channelId()}/messages`, body);
		const second = await call('POST', `/channels/${channelId()}/messages`, body);
		expect(isRecord(second.body) && isRecord(first.body) && second.body.id === first.body.id).toBe(true);
		expect(emu.messages(channelId()).filter((m) => m.content === 'once')).toHaveLength(1);
		await call('POST', `/channels/${channelId()}/messages`, { content: 'twice', nonce: '42' });
		await call('POST', `/channels/${channelId()}/messages`, { content: 'twice', nonce: '42' });
		expect(emu.messages(channelId()).filter((m) => m.content === 'twice')).toHaveLength(2);
	});

	it('THEN allowed_mentions is recorded and mentions follow it', async () => {
		const user = emu.state.defaultUser.id;
		await call('POST', `/channels/${channelId()}/messages`, {
			content: `hi <@${user}>`,
			allowed_mentions: { parse: [] },
		});
		const quiet = emu.messages(channelId()).at(-1);
		expect(quiet?.mentions).toEqual([]);
		expect(emu.requests('POST').at(-1)?.body).toMatchObject({ allowed_mentions: { parse: [] } });
		await call('POST', `/channels/${channelId()}/messages`, { content: `hi <@${user}>` });
		expect(
			emu
				.messages(channelId())
				.at(-1)
				?.mentions.map((u) => u.id),
		).toEqual([user]);
	});

	it('THEN a multipart body is parsed: payload_json validated, files recorded and served', async () => {
		const form = new FormData();
		form.append(
			'payload_json',
			JSON.stringify({ content: 'with file', attachments: [{ id: '0', description: 'notes' }] }),
		);
		form.append('files[0]', new Blob(['hello file'], { type: 'text/plain' }), 'notes.txt');
		const response = await fetch(`${emu.url}/v10/channels/${channelId()}/messages`, {
			method: 'POST',
			headers: { Authorization: `Bot ${emu.token}` },
			body: form,
		});
		expect(response.status).toBe(200);
		const stored = emu.messages(channelId()).at(-1);
		expect(stored?.attachments[0]).toMatchObject({ filename: 'notes.txt', description: 'notes', size: 10 });
		expect(await (await fetch(stored?.attachments[0]?.url ?? '')).text()).toBe('hello file');

		const bad = new FormData();
		bad.append('payload_json', JSON.stringify({ embeds: [{ title: 'x'.repeat(300) }] }));
		bad.append('files[0]', new Blob(['x']), 'x.txt');
		const rejected = await fetch(`${emu.url}/v10/channels/${channelId()}/messages`, {
			method: 'POST',
			headers: { Authorization: `Bot ${emu.token}` },
			body: bad,
		});
		expect(rejected.status).toBe(400);
	});

	it('THEN message edit, fetch and reply references work, and others’ messages cannot be edited', async () => {
		const posted = await call('POST', `/channels/${channelId()}/messages`, { content: 'v1' });
		const id = isRecord(posted.body) ? String(posted.body.id) : '';
		const edited = await call('PATCH', `/channels/${channelId()}/messages/${id}`, { content: 'v2' });
		expect(edited.body).toMatchObject({ content: 'v2', edited_timestamp: expect.any(String) });
		expect((await call('GET', `/channels/${channelId()}/messages/${id}`)).body).toMatchObject({ content: 'v2' });
		const reply = await call('POST', `/channels/${channelId()}/messages`, {
			content: 'reply',
			message_reference: { message_id: id },
		});
		expect(reply.body).toMatchObject({ type: 19, referenced_message: { id } });
		const missing = await call('POST', `/channels/${channelId()}/messages`, {
			content: 'reply',
			message_reference: { message_id: '123456789012345678' },
		});
		expect(missing.body).toMatchObject({
			code: 50035,
			errors: { message_reference: { _errors: [{ code: 'REPLIES_UNKNOWN_MESSAGE' }] } },
		});
		const theirs = emu.postUserMessage(channelId(), 'mine');
		expect(
			(await call('PATCH', `/channels/${channelId()}/messages/${theirs.id}`, { content: 'hijack' })).body,
		).toMatchObject({ code: 50005 });
		expect((await call('GET', `/channels/${channelId()}/messages/123456789012345678`)).body).toMatchObject({
			code: 10008,
		});
	});

	it('THEN history lists newest first with before/after, reactions toggle, typing is accepted', async () => {
		const channel = emu.addChannel(emu.firstGuild.id, { name: 'history' });
		const ids: string[] = [];
		for (const content of ['a', 'b', 'c', 'd']) {
			const posted = await call('POST', `/channels/${channel.id}/messages`, { content });
			ids.push(isRecord(posted.body) ? String(posted.body.id) : '');
		}
		const contents = (answer: Answer): unknown[] =>
			Array.isArray(answer.body) ? answer.body.map((m: unknown) => (isRecord(m) ? m.content : undefined)) : [];
		expect(contents(await call('GET', `/channels/${channel.id}/messages?limit=2`))).toEqual(['d', 'c']);
		expect(contents(await call('GET', `/channels/${channel.id}/messages?before=${ids[2] ?? ''}`))).toEqual(['b', 'a']);
		expect(contents(await call('GET', `/channels/${channel.id}/messages?after=${ids[1] ?? ''}`))).toEqual(['d', 'c']);
		const reaction = `/channels/${channel.id}/messages/${ids[0] ?? ''}/reactions/${encodeURIComponent('📬')}/@me`;
		expect((await call('PUT', reaction)).status).toBe(204);
		expect(emu.state.messageById.get(ids[0] ?? '')?.reactions).toMatchObject([
			{ emoji: { id: null, name: '📬' }, count: 1, me: true },
		]);
		expect((await call('DELETE', reaction)).status).toBe(204);
		expect(emu.state.messageById.get(ids[0] ?? '')?.reactions).toEqual([]);
		expect((await call('POST', `/channels/${channel.id}/typing`)).status).toBe(204);
	});

	it('THEN threads start from a message (same id) or alone (private by default), once per message', async () => {
		const message = emu.postUserMessage(channelId(), 'start here');
		const thread = await call('POST', `/channels/${channelId()}/messages/${message.id}/threads`, {
			name: 'talk',
			auto_archive_duration: 60,
		});
		expect(thread).toMatchObject({
			status: 201,
			body: {
				id: message.id,
				type: ChannelType.PublicThread,
				parent_id: channelId(),
				thread_metadata: { auto_archive_duration: 60 },
			},
		});
		expect(
			(await call('POST', `/channels/${channelId()}/messages/${message.id}/threads`, { name: 'again' })).body,
		).toMatchObject({ code: 160004 });
		// Without `type` the thread is private, which needs a permission bots rarely get.
		expect((await call('POST', `/channels/${channelId()}/threads`, { name: 'solo' })).body).toMatchObject({
			code: 50013,
		});
		const open = await call('POST', `/channels/${channelId()}/threads`, {
			name: 'open',
			type: ChannelType.PublicThread,
		});
		expect(open.body).toMatchObject({ type: ChannelType.PublicThread });
		const privileged = emu.addChannel(emu.firstGuild.id, { name: 'staff' });
		emu.setBotPermissions(privileged.id, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.CreatePrivateThreads);
		expect((await call('POST', `/channels/${privileged.id}/threads`, { name: 'solo' })).body).toMatchObject({
			type: ChannelType.PrivateThread,
		});
		const news = emu.addChannel(emu.firstGuild.id, { name: 'news', type: ChannelType.GuildAnnouncement });
		const post = await call('POST', `/channels/${news.id}/messages`, { content: 'announcement' });
		const newsThread = await call(
			'POST',
			`/channels/${news.id}/messages/${isRecord(post.body) ? String(post.body.id) : ''}/threads`,
			{ name: 'n' },
		);
		expect(newsThread.body).toMatchObject({ type: ChannelType.AnnouncementThread });
		const crosspost = `/channels/${news.id}/messages/${isRecord(post.body) ? String(post.body.id) : ''}/crosspost`;
		expect((await call('POST', crosspost)).body).toMatchObject({ flags: 1 | 32 });
		expect((await call('POST', crosspost)).body).toMatchObject({ code: 40033 });
	});

	it('THEN a message reopens an archived thread, but not a locked one', async () => {
		const opened = await call('POST', `/channels/${channelId()}/threads`, {
			name: 'old',
			type: ChannelType.PublicThread,
		});
		const threadId = isRecord(opened.body) ? String(opened.body.id) : '';
		emu.archiveThread(threadId);
		expect((await call('GET', `/guilds/${emu.firstGuild.id}/threads/active`)).body).not.toMatchObject({
			threads: [{ id: threadId }],
		});
		expect((await call('POST', `/channels/${threadId}/messages`, { content: 'revive' })).status).toBe(200);
		expect(emu.state.threads.find((t) => t.id === threadId)?.thread_metadata?.archived).toBe(false);
		emu.archiveThread(threadId, { locked: true });
		expect((await call('POST', `/channels/${threadId}/messages`, { content: 'no' })).body).toMatchObject({
			code: 50083,
		});
	});

	it('THEN every served route is a Discord operation and every body is checked against its schema', () => {
		const spec = loadOpenApi();
		const methods: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];
		for (const route of emu.routes) {
			const method = methods.find((m) => m === route.method);
			if (!method) throw new Error(`unexpected method ${route.method}`);
			expect(hasOperation(spec, route.template, method), `${method} ${route.template}`).toBe(true);
			if (
				(method === 'post' || method === 'put' || method === 'patch') &&
				!/\/(crosspost|typing|reactions\/.*)$/.test(route.template)
			) {
				expect(requestBodySchema(spec, route.template, method), `${method} ${route.template}`).toBeDefined();
			}
		}
	});

	it('THEN permissions are enforced: 50001 without VIEW_CHANNEL, 50013 without SEND_MESSAGES, EMBED_LINKS or CREATE_PUBLIC_THREADS', async () => {
		const hidden = emu.addChannel(emu.firstGuild.id, { name: 'hidden' });
		emu.denyBotPermissions(hidden.id, PermissionFlagsBits.ViewChannel);
		expect((await call('GET', `/channels/${hidden.id}`)).body).toEqual({ message: 'Missing Access', code: 50001 });
		const quiet = emu.addChannel(emu.firstGuild.id, { name: 'quiet' });
		emu.denyBotPermissions(quiet.id, PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.CreatePublicThreads);
		expect((await call('POST', `/channels/${quiet.id}/messages`, { content: 'plain' })).status).toBe(200);
		expect((await call('POST', `/channels/${quiet.id}/messages`, { embeds: [{ title: 't' }] })).body).toEqual({
			message: 'Missing Permissions',
			code: 50013,
		});
		const message = emu.messages(quiet.id)[0];
		expect(
			(await call('POST', `/channels/${quiet.id}/messages/${message?.id ?? ''}/threads`, { name: 't' })).status,
		).toBe(403);
		emu.denyBotPermissions(quiet.id, PermissionFlagsBits.SendMessages);
		expect((await call('POST', `/channels/${quiet.id}/messages`, { content: 'plain' })).status).toBe(403);
	});

	it('THEN a deleted channel answers 404/10003 and its guild’s removal answers 50001', async () => {
		const doomed = emu.addChannel(emu.firstGuild.id, { name: 'doomed' });
		emu.deleteChannel(doomed.id);
		expect((await call('GET', `/channels/${doomed.id}`)).body).toEqual({ message: 'Unknown Channel', code: 10003 });
		expect(emu.state.deletedChannels.has(doomed.id)).toBe(true);
		const other = emu.addGuild({ name: 'other' });
		emu.removeGuild(other.id);
		expect((await call('GET', `/channels/${other.channelIds[0] ?? ''}`)).body).toMatchObject({ code: 50001 });
		expect(
			(await call('PUT', `/applications/${emu.applicationId}/guilds/${other.id}/commands`, [])).body,
		).toMatchObject({ code: 50001 });
	});

	it('THEN failNext answers a 500 once and a route 429 with Discord’s headers and body', async () => {
		emu.failNext('GET', `/channels/${channelId()}`, { status: 500 });
		expect((await call('GET', `/channels/${channelId()}`)).status).toBe(500);
		expect((await call('GET', `/channels/${channelId()}`)).status).toBe(200);
		emu.failNext('GET', /^\/channels\//, { retryAfter: 0.25 });
		const limited = await call('GET', `/channels/${channelId()}`);
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ message: 'You are being rate limited.', code: 0, retry_after: 0.25, global: false });
		expect(limited.headers.get('retry-after')).toBe('0.250');
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
	});

	it('THEN the default global limit is Discord’s 50 per second, interaction routes exempt', async () => {
		emu.enableGlobalRateLimit();
		const answers = await Promise.all(Array.from({ length: 51 }, () => call('GET', '/users/@me')));
		const limited = answers.filter((a) => a.status === 429);
		expect(limited).toHaveLength(1);
		expect(limited[0]?.headers.get('x-ratelimit-global')).toBe('true');
		expect(limited[0]?.body).toMatchObject({ global: true });
		const injected = emu.injectChatInput({ name: 'letter' });
		const answer = await call(
			'POST',
			`/interactions/${injected.id}/${injected.token}/callback`,
			{ type: 4, data: { content: 'exempt' } },
			{ auth: false },
		);
		expect(answer.status).toBe(204);
	});

	it('THEN the per-channel limit answers the sixth request in the window with a user-scoped 429', async () => {
		emu.enablePerChannelRateLimit({ limit: 5, windowMs: 5_000 });
		const statuses: number[] = [];
		let last: Answer | undefined;
		for (let i = 0; i < 6; i += 1) {
			last = await call('POST', `/channels/${channelId()}/messages`, { content: `n${i}` });
			statuses.push(last.status);
		}
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
		expect(last?.headers.get('x-ratelimit-scope')).toBe('user');
		expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(4);
	});

	it('THEN exhaustNext reports Remaining 0 and really holds the bucket until the reset', async () => {
		emu.exhaustNext('GET', /^\/users\/@me$/, 0.2);
		const first = await call('GET', '/users/@me');
		expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
		expect((await call('GET', '/users/@me')).status).toBe(429);
		await new Promise((resolve) => setTimeout(resolve, 220));
		expect((await call('GET', '/users/@me')).status).toBe(200);
	});

	it('THEN interaction callbacks follow Discord: once only, unknown ids 10062, late ones too, follow-ups need an ack', async () => {
		const injected = emu.injectChatInput({ name: 'letter', options: { date: '11-23' } });
		expect(injected.payload.data.options).toEqual([
			{ name: 'date', type: ApplicationCommandOptionType.String, value: '11-23' },
		]);
		const webhook = `/webhooks/${emu.applicationId}/${injected.token}`;
		expect((await call('POST', webhook, { content: 'too early' }, { auth: false })).body).toMatchObject({
			code: 10015,
		});
		const path = `/interactions/${injected.id}/${injected.token}/callback?with_response=true`;
		const first = await call(
			'POST',
			path,
			{ type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'hi' } },
			{ auth: false },
		);
		expect(first.body).toMatchObject({
			interaction: { id: injected.id, response_message_loading: false },
			resource: { type: 4, message: { content: 'hi' } },
		});
		expect((await call('POST', path, { type: 4, data: { content: 'again' } }, { auth: false })).body).toMatchObject({
			code: 40060,
		});
		expect((await call('GET', `${webhook}/messages/@original`, undefined, { auth: false })).body).toMatchObject({
			content: 'hi',
		});
		const followUp = await call('POST', `${webhook}?wait=true`, { content: 'more' }, { auth: false });
		expect(followUp.body).toMatchObject({ content: 'more', webhook_id: emu.applicationId });
		expect(
			(
				await call(
					'POST',
					'/interactions/123456789012345678/nope/callback',
					{ type: 4, data: { content: 'x' } },
					{ auth: false },
				)
			).body,
		).toMatchObject({ code: 10062 });
		expect(
			(
				await call(
					'POST',
					path,
					{ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } },
					{ auth: false },
				)
			).status,
		).toBe(400);

		const late = emu.injectChatInput({ name: 'letter' });
		await expect(late.callback).rejects.toThrow(/no callback within 300 ms/);
		expect(
			(
				await call(
					'POST',
					`/interactions/${late.id}/${late.token}/callback`,
					{ type: 4, data: { content: 'late' } },
					{ auth: false },
				)
			).body,
		).toMatchObject({ code: 10062 });
	});

	it('THEN an injected command must be registered, with valid option names and required options', () => {
		expect(() => emu.injectChatInput({ name: 'unknown' })).toThrow(/no chat-input command "\/unknown"/);
		expect(() => emu.injectChatInput({ name: 'letter', options: { nope: 'x' } })).toThrow(/no option "nope"/);
		const payload = emu.injectChatInput({ name: 'letter' }).payload;
		expect(payload.id).toMatch(/^\d{17,19}$/);
		expect(payload.member.user.id).toBe(emu.state.defaultUser.id);
		expect(payload.entitlements).toEqual([]);
		expect(payload.authorizing_integration_owners).toEqual({ 0: emu.firstGuild.id });
	});

	it('THEN command registration keeps ids for unchanged names and answers the full command shape', async () => {
		const first = await call('PUT', `/applications/${emu.applicationId}/commands`, commands);
		const second = await call('PUT', `/applications/${emu.applicationId}/commands`, [
			...commands,
			{ name: 'random', description: 'Random' },
		]);
		const ids = (answer: Answer): unknown[] =>
			Array.isArray(answer.body) ? answer.body.map((c: unknown) => (isRecord(c) ? c.id : undefined)) : [];
		expect(ids(second)[0]).toBe(ids(first)[0]);
		expect(Array.isArray(second.body) ? second.body[1] : undefined).toMatchObject({
			application_id: emu.applicationId,
			type: 1,
			name: 'random',
			default_member_permissions: null,
			integration_types: [0],
			nsfw: false,
		});
		const bad = await call('PUT', `/applications/${emu.applicationId}/commands`, [
			{ name: 'Bad Name', description: 'x' },
		]);
		expect(bad.body).toMatchObject({
			code: 50035,
			errors: { 0: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } },
		});
		expect(emu.commands().map((c) => c.name)).toEqual(['letter', 'random']);
	});

	it('THEN stopping releases tests still awaiting a callback', async () => {
		const other = await startEmulator({ commands: { global: commands } });
		const raw = await RawGatewayClient.connect(other.gatewayUrl);
		await raw.identify(other.token);
		const pending = other.injectChatInput({ name: 'letter' }).callback;
		await other.stop();
		await expect(pending).rejects.toThrow(/stopped before the interaction was answered/);
		expect(await raw.closed).toBe(1006);
	});

	it('THEN every request is recorded with route template, body and status', async () => {
		await call('POST', `/channels/${channelId()}/messages`, { content: 'recorded' });
		const record = emu.requests('POST', /\/messages$/).at(-1);
		expect(record).toMatchObject({
			method: 'POST',
			route: '/channels/{channel_id}/messages',
			status: 200,
			body: { content: 'recorded' },
		});
		const message: APIMessage | undefined = emu.messages(channelId()).at(-1);
		expect(record?.responseBody).toMatchObject({ id: message?.id });
	});
});
