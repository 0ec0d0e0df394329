import { createHash } from 'node:crypto';
import type { FaultOptions, RequestMatcher } from './types.js';

/** Headers and, when limited, the 429 body to answer with. */
export interface RateLimitDecision {
	readonly headers: Record<string, string>;
	readonly limited?: {
		readonly retryAfter: number;
		readonly global: boolean;
		readonly scope: 'global' | 'shared' | 'user';
	};
}

interface Bucket {
	readonly limit: number;
	readonly windowMs: number;
	remaining: number;
	resetAt: number;
}

interface Rule<T> {
	readonly matcher: RequestMatcher;
	remaining: number;
	readonly value: T;
}

/** Routes Discord exempts from the global limit: interaction callbacks and their webhooks. */
function isInteractionRoute(route: string): boolean {
	return route.startsWith('/interactions/') || route.startsWith('/webhooks/');
}

/** The limit reported (but never reached in practice) while no limit is switched on. */
const NOMINAL = { limit: 10_000, windowMs: 1_000 };

/**
 * Rate-limit bookkeeping: per-route buckets with real `X-RateLimit-*` headers, an optional
 * per-channel limit, an optional global limit (Discord's is 50 requests per second), and
 * one-shot fault rules.
 */
export class RateLimiter {
	readonly #buckets = new Map<string, Bucket>();
	readonly #faults: Rule<FaultOptions>[] = [];
	readonly #delays: Rule<number>[] = [];
	readonly #exhaust: Rule<number>[] = [];
	#global: { limit: number; windowMs: number; recent: number[] } | undefined;
	#perChannel: { limit: number; windowMs: number } | undefined;

	/**
	 * @param limit - requests per window before a global 429
	 * @param windowMs - the window; Discord's is one second
	 */
	public enableGlobal(limit: number, windowMs: number): void {
		this.#global = { limit, windowMs, recent: [] };
	}

	/** Switches the global limit off. */
	public disableGlobal(): void {
		this.#global = undefined;
	}

	/**
	 * @param limit - requests per window on each `/channels/{id}/…` route and channel
	 * @param windowMs - the window length
	 */
	public enablePerChannel(limit: number, windowMs: number): void {
		this.#perChannel = { limit, windowMs };
		this.#buckets.clear();
	}

	/** Switches the per-channel limit off and forgets bucket counts. */
	public disablePerChannel(): void {
		this.#perChannel = undefined;
		this.#buckets.clear();
	}

	/**
	 * @param matcher - which requests
	 * @param fault - what to answer instead
	 */
	public addFault(matcher: RequestMatcher, fault: FaultOptions): void {
		this.#faults.push({ matcher, remaining: fault.times ?? 1, value: fault });
	}

	/**
	 * @param matcher - which requests
	 * @param delayMs - how long to hold them
	 * @param times - how many
	 */
	public addDelay(matcher: RequestMatcher, delayMs: number, times: number): void {
		this.#delays.push({ matcher, remaining: times, value: delayMs });
	}

	/**
	 * @param matcher - which request's success should report `Remaining: 0`
	 * @param resetAfter - seconds until the bucket refills
	 */
	public addExhaust(matcher: RequestMatcher, resetAfter: number): void {
		this.#exhaust.push({ matcher, remaining: 1, value: resetAfter });
	}

	/**
	 * @param method - the request method
	 * @param path - the decoded path
	 * @returns the fault to answer with, consuming one use of the rule
	 */
	public takeFault(method: string, path: string): FaultOptions | undefined {
		return take(this.#faults, method, path);
	}

	/**
	 * @param method - the request method
	 * @param path - the decoded path
	 * @returns the delay to apply, consuming one use of the rule
	 */
	public takeDelay(method: string, path: string): number | undefined {
		return take(this.#delays, method, path);
	}

	/**
	 * Counts the request against its bucket and the global limit.
	 *
	 * @param method - the request method
	 * @param route - the matched route template (or the raw path for unknown routes)
	 * @param major - the major parameter value (channel, guild or webhook id), if any
	 * @param path - the decoded path, for exhaust rules
	 * @returns headers for the response, and whether to answer 429
	 */
	public consume(method: string, route: string, major: string | undefined, path: string): RateLimitDecision {
		const now = Date.now();
		const hash = bucketHash(method, route);
		const channelScoped = this.#perChannel !== undefined && route.startsWith('/channels/{channel_id}');
		const config = channelScoped && this.#perChannel ? this.#perChannel : NOMINAL;
		const key = `${hash}:${major ?? 'global'}`;
		let bucket = this.#buckets.get(key);
		if (!bucket || now >= bucket.resetAt) {
			bucket = {
				limit: config.limit,
				windowMs: config.windowMs,
				remaining: config.limit,
				resetAt: now + config.windowMs,
			};
			this.#buckets.set(key, bucket);
		}
		if (this.#global && !isInteractionRoute(route)) {
			// A sliding window: deterministic for tests, whatever the wall-clock phase.
			const { recent, windowMs } = this.#global;
			while (recent.length > 0 && (recent[0] ?? 0) <= now - windowMs) recent.shift();
			if (recent.length >= this.#global.limit) {
				const retryAfter = Math.max(0.001, ((recent[0] ?? now) + windowMs - now) / 1000);
				return {
					headers: {
						...this.#headers(bucket, hash, now),
						'X-RateLimit-Global': 'true',
						'X-RateLimit-Scope': 'global',
						'Retry-After': retryAfter.toFixed(3),
					},
					limited: { retryAfter, global: true, scope: 'global' },
				};
			}
			recent.push(now);
		}
		if (bucket.remaining <= 0) {
			const retryAfter = (bucket.resetAt - now) / 1000;
			return {
				headers: {
					...this.#headers(bucket, hash, now),
					'X-RateLimit-Scope': 'user',
					'Retry-After': retryAfter.toFixed(3),
				},
				limited: { retryAfter, global: false, scope: 'user' },
			};
		}
		bucket.remaining -= 1;
		const exhaust = take(this.#exhaust, method, path);
		if (exhaust !== undefined) {
			bucket.remaining = 0;
			bucket.resetAt = now + exhaust * 1000;
		}
		return { headers: this.#headers(bucket, hash, now) };
	}

	/**
	 * @param fault - a 429 fault rule
	 * @param method - the request method
	 * @param route - the matched route template
	 * @returns the headers a forced 429 carries
	 */
	public faultHeaders(fault: FaultOptions, method: string, route: string): Record<string, string> {
		const retryAfter = fault.retryAfter ?? 0.1;
		const headers: Record<string, string> = {
			'Retry-After': retryAfter.toFixed(3),
			'X-RateLimit-Scope': fault.global ? 'global' : 'user',
		};
		if (fault.global) {
			headers['X-RateLimit-Global'] = 'true';
		} else {
			const now = Date.now();
			headers['X-RateLimit-Limit'] = String(NOMINAL.limit);
			headers['X-RateLimit-Remaining'] = '0';
			headers['X-RateLimit-Reset'] = ((now + retryAfter * 1000) / 1000).toFixed(3);
			headers['X-RateLimit-Reset-After'] = retryAfter.toFixed(3);
			headers['X-RateLimit-Bucket'] = bucketHash(method, route);
		}
		return headers;
	}

	#headers(bucket: Bucket, hash: string, now: number): Record<string, string> {
		return {
			'X-RateLimit-Limit': String(bucket.limit),
			'X-RateLimit-Remaining': String(Math.max(0, bucket.remaining)),
			'X-RateLimit-Reset': (bucket.resetAt / 1000).toFixed(3),
			'X-RateLimit-Reset-After': (Math.max(0, bucket.resetAt - now) / 1000).toFixed(3),
			'X-RateLimit-Bucket': hash,
		};
	}

	/** Forgets all rules, buckets and limits. */
	public reset(): void {
		this.#buckets.clear();
		this.#faults.length = 0;
		this.#delays.length = 0;
		this.#exhaust.length = 0;
		this.#global = undefined;
		this.#perChannel = undefined;
	}
}

/**
 * @param method - the request method
 * @param route - the route template
 * @returns a stable, opaque bucket hash, the same on every response so discord.js keeps one handler
 */
export function bucketHash(method: string, route: string): string {
	return createHash('sha1').update(`${method.toUpperCase()} ${route}`).digest('hex').slice(0, 32);
}

/**
 * @param matcher - a method and path rule
 * @param method - the request method
 * @param path - the decoded path
 * @returns whether the rule matches
 */
export function matches(matcher: RequestMatcher, method: string, path: string): boolean {
	if (matcher.method !== '*' && matcher.method.toUpperCase() !== method.toUpperCase()) return false;
	return typeof matcher.path === 'string'
		? path === matcher.path || path.startsWith(`${matcher.path}?`)
		: matcher.path.test(path);
}

function take<T>(rules: Rule<T>[], method: string, path: string): T | undefined {
	const index = rules.findIndex((rule) => matches(rule.matcher, method, path));
	if (index === -1) return undefined;
	const rule = rules[index];
	if (!rule) return undefined;
	rule.remaining -= 1;
	if (rule.remaining <= 0) rules.splice(index, 1);
	return rule.value;
}
