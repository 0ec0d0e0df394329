/** Discord's epoch (2015-01-01T00:00:00.000Z) in milliseconds. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Makes real-length snowflakes (17–19 digits), increasing and unique within one generator.
 *
 * discord.js finds rate-limit buckets and major parameters with `\d{17,19}` and reads
 * timestamps from ids with BigInt, so short or non-numeric ids break it in subtle ways.
 */
export class SnowflakeGenerator {
	#lastTimestamp = 0n;
	#increment = 0n;
	readonly #worker: bigint;

	/**
	 * @param worker - internal worker id (0–31) written into bits 17–21
	 */
	public constructor(worker = 1) {
		this.#worker = BigInt(worker & 0x1f);
	}

	/**
	 * @returns a new snowflake for "now"
	 */
	public next(): string {
		let timestamp = BigInt(Date.now()) - DISCORD_EPOCH;
		if (timestamp <= this.#lastTimestamp) {
			// Several ids in the same millisecond: keep them ordered by bumping the counter,
			// and borrow the next millisecond when the 12-bit counter runs out.
			timestamp = this.#lastTimestamp;
			this.#increment += 1n;
			if (this.#increment > 0xfffn) {
				timestamp += 1n;
				this.#increment = 0n;
			}
		} else {
			this.#increment = 0n;
		}
		this.#lastTimestamp = timestamp;
		return ((timestamp << 22n) | (this.#worker << 17n) | this.#increment).toString();
	}
}

/**
 * @param id - a snowflake
 * @returns the creation time encoded in the snowflake, in epoch milliseconds
 */
export function snowflakeTimestamp(id: string): number {
	return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/**
 * @param value - any string
 * @returns whether it looks like a snowflake Discord would issue (17–20 digits)
 */
export function isSnowflake(value: string): boolean {
	return /^\d{17,20}$/.test(value);
}
