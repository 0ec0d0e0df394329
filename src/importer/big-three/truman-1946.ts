/**
 * Importer for the Truman Papers file of April 1946 (data/sources/004_7f875bcfea1df796.txt):
 * Stalin's telegram to Truman of 6 April 1946, typed in capitals on Signal Corps forms, and the
 * State Department telegram of 5 April 1946 in which Ambassador Smith reports his meeting with
 * Stalin. Both are spread over pages broken by form headers, declassification stamps and
 * typists' catchwords (the first words of the next page repeated at the foot of the last).
 */
import type { Correction } from '../../core/format.js';
import { makeDraft, type Draft } from '../draft.js';
import { ImportError } from '../errors.js';
import { isoOf, normaliseLines, parseEnglishDate } from '../text.js';

export const TRUMAN_SOURCE = 'truman-papers-1946';

/** Lines that belong to forms, stamps and page furniture, never to the text. */
const FURNITURE = [
	/^DECLASSIFIED$/,
	/^E\. ?O\. 11652/,
	/^U 11632/,
	/State letter/,
	/NARS Date/,
	/^P\.A\. OF U\.S\./,
	/^F\.R\. /,
	/^Aug 9, 1973$/,
	/^~~.*~~$/,
	/^\(CONTINUED NEXT PAGE\)$/,
	/^Signal Corps, United States Army$/,
	/^Received at$/,
	/^PAGE \d+$/,
	/^-\d+-#\d+/,
	/^D File$/,
];

/** Words of the capitals telegram that keep a capital letter in sentence case. */
const PROPER = [
	'I',
	'Mr.',
	'President',
	'General Smith',
	'American',
	'Army',
	'Moscow',
	'Soviet Union',
	'United Nations Organization',
	'League of Nations',
	'United States',
	'J. Stalin',
];

function isFurniture(line: string): boolean {
	return FURNITURE.some((re) => re.test(line.trim()));
}

/**
 * Paragraphs of a page-broken text: furniture lines removed, catchwords dropped, and a
 * paragraph that stops mid-sentence at a page break joined to the one that continues it.
 */
export function pagedParagraphs(lines: readonly string[]): string[] {
	const paragraphs: string[] = [];
	let current: string[] = [];
	const flush = (): void => {
		if (current.length > 0) paragraphs.push(current.join(' ').replace(/\s+/g, ' ').trim());
		current = [];
	};
	for (const raw of lines) {
		const line = raw.replace(/~~[A-Z ]+~~$/, '').trim();
		if (isFurniture(raw) || isFurniture(line)) continue;
		if (line === '') flush();
		else current.push(line);
	}
	flush();
	const out: string[] = [];
	paragraphs.forEach((p, i) => {
		const next = paragraphs[i + 1];
		const isCatchword = next !== undefined && p.split(' ').length <= 3 && !/[.!?:"]$/.test(p) && next.startsWith(p);
		if (isCatchword) return;
		const previous = out.at(-1);
		if (previous !== undefined && !/[.!?:"”]$/.test(previous)) out[out.length - 1] = `${previous} ${p}`;
		else out.push(p);
	});
	return out;
}

/** Sentence case for telegraphese capitals, restoring the proper nouns it contains. */
export function sentenceCase(text: string): string {
	let out = text
		.toLowerCase()
		.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_m, lead: string, ch: string) => lead + ch.toUpperCase());
	for (const word of PROPER) {
		out = out.replace(new RegExp(`\\b${word.replace(/\./g, '\\.')}(?![\\w])`, 'gi'), word);
	}
	return out;
}

function section(lines: readonly string[], start: RegExp, end: RegExp, where: string): string[] {
	const from = lines.findIndex((l) => start.test(l.trim()));
	const to = lines.findIndex((l, i) => i > from && end.test(l.trim()));
	if (from === -1 || to === -1)
		throw new ImportError(where, 'body', `cannot find the text between ${start} and ${end}`);
	return lines.slice(from, to);
}

/** Parse the telegram and the ambassador's report. */
export function parseTruman1946(text: string, file: string): Draft[] {
	const lines = normaliseLines(text).split('\n');

	const dateLine = lines.find((l) => /^\d{1,2} [A-Z]+ \d{4}$/.test(l.trim()));
	const dm = dateLine === undefined ? undefined : parseEnglishDate(dateLine);
	if (dm?.year === undefined) throw new ImportError(`${file}`, 'sent', 'the telegram has no date line');
	const telegramDate = isoOf(dm.year, dm.month, dm.day);
	const receivedMatch = /^RECEIVED (\d{2})\d{4}Z/.exec(lines.find((l) => l.startsWith('RECEIVED ')) ?? '');
	const received = receivedMatch?.[1] === undefined ? undefined : isoOf(dm.year, dm.month, Number(receivedMatch[1]));

	const telegramLines = section(lines, /^DEAR MR\. PRESIDENT\.$/, /^RECEIVED /, `${file}:telegram`);
	const telegramParas = pagedParagraphs(telegramLines);
	const salutationRaw = telegramParas.shift() ?? '';
	// The valediction has no full stop, so it arrives joined to the signature below it.
	const closing = /^(SINCERELY YOURS,)?\s*(J\. STALIN)$/.exec(telegramParas.at(-1) ?? '');
	if (!closing)
		throw new ImportError(`${file}:telegram`, 'signature', 'expected the telegram to end with its signature');
	telegramParas.pop();
	const signatureRaw = closing.slice(1).filter((s): s is string => s !== undefined);
	const caseCorrection: Correction = {
		field: 'body',
		from: 'ALL CAPITALS',
		to: 'sentence case',
		reason:
			'The Signal Corps form prints the telegram in capitals; it is given in sentence case with proper nouns restored. The capitals remain in the source file.',
	};
	const telegramLine = lines.findIndex((l) => /^DEAR MR\. PRESIDENT\.$/.test(l.trim())) + 1;

	const telegram = makeDraft({
		key: `${TRUMAN_SOURCE}:telegram`,
		collection: 'big-three',
		kind: 'telegram',
		from: ['stalin'],
		to: ['truman'],
		sent: telegramDate,
		precision: 'day',
		dateBasis: 'telegram-header',
		received,
		classification: 'Secret',
		heading: lines.filter((l) => /^(?:FROM|TO) : /.test(l)).join(' / '),
		salutation: sentenceCase(salutationRaw),
		body: telegramParas.map(sentenceCase),
		signature: signatureRaw.map(sentenceCase).join('\n'),
		source: {
			id: TRUMAN_SOURCE,
			ref: `line ${telegramLine}`,
			note: 'Signal Corps telegram form, received en route from Chicago to Washington.',
		},
		corrections: [caseCorrection],
	});

	const reportStart = lines.findIndex((l) => l.trim() === 'TOP SECRET');
	const reportLines = section(lines.slice(reportStart + 1), /^I had an interview/, /^SMITH$/, `${file}:report`);
	const reportDated = lines.find((l) => /^Dated /.test(l.trim()));
	const rdm = parseEnglishDate((reportDated ?? '').replace(/^Dated /, ''));
	if (rdm?.year === undefined) throw new ImportError(`${file}:report`, 'sent', 'the report has no "Dated" line');
	const reportDate = isoOf(rdm.year, rdm.month, rdm.day);
	const numberLine = lines.find((l) => /^\d+, [A-Z][a-z]+ \d+, .*m\.$/.test(l.trim()))?.trim();

	const report = makeDraft({
		key: `${TRUMAN_SOURCE}:report`,
		collection: 'big-three',
		kind: 'report',
		number: numberLine?.split(',')[0],
		from: ['smith'],
		to: ['byrnes'],
		sent: reportDate,
		precision: 'day',
		dateBasis: 'telegram-header',
		received: reportDate,
		place: 'Moscow',
		classification: 'Top Secret',
		heading: numberLine === undefined ? undefined : `No. ${numberLine}`,
		body: pagedParagraphs(reportLines),
		signature: 'Smith',
		related: [telegram.key],
		source: {
			id: TRUMAN_SOURCE,
			ref: `line ${reportStart + 2}`,
			note: 'State Department incoming telegram from Moscow via War Department, addressed to the Secretary of State; stamps and page catchwords removed.',
		},
	});
	return [telegram, report];
}
