/**
 * The cron adapter: node-cron ticks at the start of every minute; each tick reads the clock and
 * runs {@link runDueTick}. It runs one tick at once on start (the catch-up after downtime), never
 * runs two ticks at the same time (a slow fan-out skips the overlapping minute: the next tick
 * picks up whatever is still due), and prunes old post-log records once a day.
 */
import { DateTime } from 'luxon';
import cron, { type ScheduledTask } from 'node-cron';
import { runDueTick, type DailyPostDeps, type TickReport } from './daily-post.js';

/** Options for {@link startScheduler}. */
export interface SchedulerOptions {
	/** The current instant (default: the system clock). */
	readonly clock?: () => DateTime;
	/** Post-log records older than this many days are pruned (default 7). */
	readonly keepDays?: number;
}

/** A running scheduler. */
export interface Scheduler {
	/** Run a tick now (unless one is running); resolves with its report. */
	tick(): Promise<TickReport | undefined>;
	/**
	 * Stop ticking and wait for a running tick, at most `waitMs` (default 10 s): a post cut off
	 * mid-send is safe, since the next process finds it by its claim and nonce.
	 */
	stop(waitMs?: number): Promise<void>;
}

export function startScheduler(deps: DailyPostDeps, options: SchedulerOptions = {}): Scheduler {
	const clock = options.clock ?? (() => DateTime.utc());
	const keepDays = options.keepDays ?? 7;
	let running: Promise<TickReport | undefined> | undefined;
	let prunedOn: string | undefined;

	async function prune(now: DateTime): Promise<void> {
		const today = now.toUTC().toISODate();
		if (today === null || prunedOn === today) return;
		prunedOn = today;
		const before = now.toUTC().minus({ days: keepDays }).toISODate();
		if (before === null) return;
		const removed = await deps.postLog.prune(before);
		deps.logger.info({ before, removed }, 'post log pruned');
	}

	function tick(): Promise<TickReport | undefined> {
		if (running) return Promise.resolve(undefined);
		const now = clock();
		running = (async () => {
			try {
				const report = await runDueTick(deps, now);
				await prune(now);
				return report;
			} catch (error: unknown) {
				deps.logger.error({ err: error }, 'daily post tick failed');
				return undefined;
			} finally {
				running = undefined;
			}
		})();
		return running;
	}

	const task: ScheduledTask = cron.schedule('* * * * *', () => void tick(), { name: 'letterday-daily-post' });
	void tick();
	return {
		tick,
		async stop(waitMs = 10_000) {
			await task.destroy();
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
			clearTimeout(timer);
		},
	};
}
