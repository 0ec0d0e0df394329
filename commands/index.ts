/**
 * The static registry of slash commands: the router dispatches by these names and
 * `deploy-commands` registers exactly these.
 */
import { aboutCommand } from './about.js';
import { citeCommand } from './cite.js';
import { letterCommand } from './letter.js';
import { letterdayCommand } from './letterday.js';
import { randomCommand } from './random.js';
import { searchCommand } from './search.js';
import { threadCommand } from './thread.js';
import { todayCommand } from './today.js';
import { whoCommand } from './who.js';

export const commands = [
	todayCommand,
	letterCommand,
	randomCommand,
	threadCommand,
	searchCommand,
	whoCommand,
	citeCommand,
	aboutCommand,
	letterdayCommand,
] as const;
