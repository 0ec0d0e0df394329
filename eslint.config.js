// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['node_modules/', 'dist/', 'coverage/', 'data/', 'bench/results/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': 'error',
		},
	},
	{
		// The core is pure: no Discord, no clock, no I/O, no environment.
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['discord.js', 'discord.js/*', '@discordjs/*'], message: 'src/core must not import discord.js' },
						{
							group: ['node-cron', 'keyv', '@keyv/*', 'pino'],
							message: 'src/core is pure: no scheduler, storage or logging',
						},
						{ group: ['node:*', 'fs', 'path', 'http', 'https'], message: 'src/core does no I/O' },
						{ group: ['../*', '!../core/*'], message: 'src/core imports only from src/core' },
					],
				},
			],
			'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval'],
			'no-restricted-properties': [
				'error',
				{ object: 'Date', property: 'now', message: 'the core takes time as an input' },
				{ object: 'Math', property: 'random', message: 'the core takes randomness as an input' },
				{ object: 'DateTime', property: 'now', message: 'the core takes time as an input' },
				{ object: 'DateTime', property: 'local', message: 'the core takes time as an input' },
			],
		},
	},
);
