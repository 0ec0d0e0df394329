import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayOpcodes } from 'discord-api-types/v10';
import { startBotHarness, type BotHarness } from './harness.js';

describe('GIVEN a short heartbeat interval', () => {
	let harness: BotHarness;
	beforeAll(async () => {
		harness = await startBotHarness({ emulator: { heartbeatIntervalMs: 100 } });
	});
	afterAll(async () => {
		await harness?.teardown();
	});

	it('THEN the client heartbeats, gets ACKs and measures ping', async () => {
		await expect.poll(() => harness.client.ws.ping, { timeout: 1_000 }).toBeGreaterThanOrEqual(0);
		const log = harness.emu.state.gatewayLog;
		expect(log.some((e) => e.direction === 'in' && e.op === GatewayOpcodes.Heartbeat)).toBe(true);
		expect(log.some((e) => e.direction === 'out' && e.op === GatewayOpcodes.HeartbeatAck)).toBe(true);
	});

	it('WHEN ACKs are withheld THEN the client treats the connection as a zombie and resumes', async () => {
		const before = harness.emu.gatewayCounts.resume;
		harness.emu.withholdHeartbeatAcks(true);
		try {
			await expect.poll(() => harness.emu.gatewayCounts.resume, { timeout: 3_000 }).toBe(before + 1);
		} finally {
			harness.emu.withholdHeartbeatAcks(false);
		}
		expect(harness.emu.gatewayCounts.identify).toBe(1);
		harness.assertNoErrors();
	});
});
