import { afterEach, describe, expect, it } from 'vitest';
import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { startEmulator, type Emulator } from './emulator.js';
import { inShard } from './gateway.js';
import { RawGatewayClient, type RawFrame } from './raw-gateway-client.js';
import { isRecord } from './schema-validator.js';

const guildCreates = (client: RawGatewayClient): RawFrame[] => client.frames.filter((f) => f.t === 'GUILD_CREATE');

describe('GIVEN a raw gateway client', () => {
	let emu: Emulator | undefined;
	const clients: RawGatewayClient[] = [];

	const connect = async (): Promise<RawGatewayClient> => {
		if (!emu) throw new Error('no emulator');
		const client = await RawGatewayClient.connect(emu.gatewayUrl);
		clients.push(client);
		return client;
	};

	afterEach(async () => {
		for (const client of clients.splice(0)) client.terminate();
		await emu?.stop();
		emu = undefined;
	});

	it('THEN HELLO, IDENTIFY, READY and one GUILD_CREATE per guild arrive in order', async () => {
		emu = await startEmulator({ guilds: [{}, {}, {}], heartbeatIntervalMs: 1234 });
		const client = await connect();
		const hello = await client.next((f) => f.op === GatewayOpcodes.Hello);
		expect(hello.d).toEqual({ heartbeat_interval: 1234 });
		const ready = await client.identify(emu.token);
		expect(ready.s).toBe(1);
		expect(ready.d).toMatchObject({
			v: 10,
			user: { id: emu.applicationId, bot: true },
			session_id: expect.any(String),
			resume_gateway_url: emu.gatewayUrl,
			application: { id: emu.applicationId },
		});
		const guildIds = [...emu.state.guilds.keys()];
		expect(isRecord(ready.d) && ready.d.guilds).toEqual(guildIds.map((id) => ({ id, unavailable: true })));
		await client.next(() => guildCreates(client).length === 3);
		const creates = guildCreates(client);
		expect(creates.map((f) => (isRecord(f.d) ? f.d.id : undefined))).toEqual(guildIds);
		expect(creates.map((f) => f.s)).toEqual([2, 3, 4]);
		const first = creates[0]?.d;
		expect(first).toMatchObject({
			unavailable: false,
			channels: [{ name: 'general' }],
			members: expect.any(Array),
			roles: expect.any(Array),
		});
		expect(
			isRecord(first) && Array.isArray(first.channels) && isRecord(first.channels[0])
				? 'guild_id' in first.channels[0]
				: true,
		).toBe(false);
		client.send(GatewayOpcodes.Heartbeat, 4);
		await client.next((f) => f.op === GatewayOpcodes.HeartbeatAck);
	});

	it('THEN a bad token closes with 4004 and disallowed intents with 4014', async () => {
		emu = await startEmulator({ allowedPrivilegedIntents: 0 });
		const bad = await connect();
		bad.send(GatewayOpcodes.Identify, { token: 'wrong', intents: 1, properties: {} });
		expect(await bad.closed).toBe(GatewayCloseCodes.AuthenticationFailed);
		const greedy = await connect();
		greedy.send(GatewayOpcodes.Identify, {
			token: emu.token,
			intents: GatewayIntentBits.MessageContent,
			properties: {},
		});
		expect(await greedy.closed).toBe(GatewayCloseCodes.DisallowedIntents);
		const early = await connect();
		early.send(GatewayOpcodes.RequestGuildMembers, {});
		expect(await early.closed).toBe(GatewayCloseCodes.NotAuthenticated);
	});

	it('THEN withheld heartbeat ACKs stay withheld until switched back', async () => {
		emu = await startEmulator();
		const client = await connect();
		await client.identify(emu.token);
		emu.withholdHeartbeatAcks(true);
		client.send(GatewayOpcodes.Heartbeat, 1);
		await expect(client.next((f) => f.op === GatewayOpcodes.HeartbeatAck, 100)).rejects.toThrow();
		emu.withholdHeartbeatAcks(false);
		client.send(GatewayOpcodes.Heartbeat, 1);
		await client.next((f) => f.op === GatewayOpcodes.HeartbeatAck);
	});

	it('THEN RESUME after a drop replays what was missed, then RESUMED; an unknown session gets op 9', async () => {
		emu = await startEmulator();
		const first = await connect();
		const ready = await first.identify(emu.token);
		await first.next((f) => f.t === 'GUILD_CREATE');
		const sessionId = isRecord(ready.d) ? String(ready.d.session_id) : '';
		const seq = Math.max(...first.frames.map((f) => f.s ?? 0));
		emu.dropGateway();
		await first.closed;
		const missed = emu.addChannel(emu.firstGuild.id, { name: 'missed' });
		const second = await connect();
		second.send(GatewayOpcodes.Resume, { token: emu.token, session_id: sessionId, seq });
		const replay = await second.next((f) => f.t === 'CHANNEL_CREATE');
		expect(replay.s).toBe(seq + 1);
		expect(replay.d).toMatchObject({ id: missed.id });
		expect((await second.next((f) => f.t === 'RESUMED')).s).toBe(seq + 2);
		const stranger = await connect();
		stranger.send(GatewayOpcodes.Resume, { token: emu.token, session_id: 'nope', seq: 1 });
		expect((await stranger.next((f) => f.op === GatewayOpcodes.InvalidSession)).d).toBe(false);
	});

	it('THEN events go only to sessions with the right intents and shard', async () => {
		emu = await startEmulator({ guilds: Array.from({ length: 8 }, () => ({})), recommendedShards: 2 });
		const shard0 = await connect();
		const shard1 = await connect();
		const ready0 = await shard0.identify(emu.token, { shard: [0, 2] });
		const ready1 = await shard1.identify(emu.token, { shard: [1, 2] });
		const ids = (frame: RawFrame): string[] =>
			isRecord(frame.d) && Array.isArray(frame.d.guilds)
				? frame.d.guilds.map((g: unknown) => (isRecord(g) ? String(g.id) : ''))
				: [];
		expect([...ids(ready0), ...ids(ready1)].sort()).toEqual([...emu.state.guilds.keys()].sort());
		expect(ids(ready0).every((id) => inShard(id, [0, 2]))).toBe(true);
		const channel = emu.firstChannelId;
		emu.postUserMessage(channel, 'needs GUILD_MESSAGES');
		const guildShard = inShard(emu.firstGuild.id, [0, 2]) ? shard0 : shard1;
		await expect(guildShard.next((f) => f.t === 'MESSAGE_CREATE', 100)).rejects.toThrow();
	});

	it('THEN 10,000 guilds are READY and created quickly', async () => {
		emu = await startEmulator({ guilds: Array.from({ length: 10_000 }, () => ({})) });
		const lastId = [...emu.state.guilds.keys()].at(-1);
		const client = await connect();
		const started = performance.now();
		await client.identify(emu.token);
		await client.next((f) => f.t === 'GUILD_CREATE' && isRecord(f.d) && f.d.id === lastId, 10_000);
		const elapsed = performance.now() - started;
		expect(guildCreates(client)).toHaveLength(10_000);
		expect(elapsed).toBeLessThan(3_000);
	});
});
