/**
 * Entry point of the `letterday` command: runs {@link runCli} against the real process.
 */
import { runCli } from './run.js';

// Output piped into a command that stops reading early (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
		throw error;
	});
}

try {
	process.exitCode = await runCli(process.argv.slice(2), {
		stdout: (text) => process.stdout.write(text),
		stderr: (text) => process.stderr.write(text),
		now: () => Date.now(),
		env: process.env,
	});
} catch (error: unknown) {
	// runCli catches everything it expects; this is the last guard against a stack trace.
	process.stderr.write(`letterday: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 2;
}
