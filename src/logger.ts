/**
 * Structured JSON logs (pino). Secrets never reach the output: fields that carry them are
 * redacted by path, and any string that contains a registered secret has it masked.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

const REDACT = [
	'token',
	'*.token',
	'headers.authorization',
	'*.headers.authorization',
	'config.discord.token',
	'discord.token',
];

/** Create the process's logger. `secrets` are masked wherever they appear in a log line. */
export function createLogger(options: {
	level: string;
	secrets?: readonly string[];
	destination?: DestinationStream;
}): Logger {
	const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
	const mask = (text: string): string => secrets.reduce((t, s) => t.split(s).join('[redacted]'), text);
	return pino(
		{
			level: options.level,
			base: { app: 'letterday' },
			redact: { paths: REDACT, censor: '[redacted]' },
			formatters: { level: (label) => ({ level: label }) },
			hooks: {
				streamWrite: secrets.length === 0 ? (s) => s : mask,
			},
		},
		options.destination,
	);
}
