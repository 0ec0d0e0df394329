/**
 * Importer for "War Telegrams, 1942" (data/sources/003_330face2689f032b.txt): Stalin's messages
 * of 1942 to Churchill and Roosevelt, one after another, separated by two blank lines.
 *
 * A message may open with "Sent on <date>" or a bare date line, or carry its date only below
 * the signature, or carry none. Then come an optional classification line, a heading naming
 * sender and recipient, an optional "Memorandum" line, the body, and optionally a valediction,
 * a signature and a closing date. Site navigation ("Click here ...") closes the file.
 */
import type { Person, Precision, DateBasis, LetterKind } from '../../core/format.js';
import { makeDraft, type Draft } from '../draft.js';
import { parseHeading, resolvePerson } from '../headings.js';
import { cleanParagraphs, isoOf, normaliseLines, paragraphsOf, parseEnglishDate } from '../text.js';
import { ImportError } from '../errors.js';

export const WAR_TELEGRAMS_SOURCE = 'war-telegrams-1942';
const DEFAULT_SENDER = 'stalin';

const CLASSIFICATION = /^(Personal and Secret|Most Secret|Top Secret|Secret|Personal)$/i;
const HEADING_CLASSIFICATION = /^(Personal and Secret|Most Secret|Top Secret|Secret|Personal)\b/i;
const SIGNATURE = /^(?:J\. ?V\. |J\. )?Stalin$/;
const VALEDICTION =
	/^(?:Yours (?:very )?(?:sincerely|faithfully|truly)|Sincerely yours|With (?:best|warm) regards),?$/i;
const SALUTATION = /^(?:My )?dear\b.*[,.]$/i;
const NAVIGATION = /^Click here\b/i;

interface Block {
	line: number;
	paragraphs: string[];
}

/** Split the source into messages: runs of text separated by two or more blank lines. */
function blocksOf(text: string): Block[] {
	const lines = normaliseLines(text).split('\n');
	const blocks: Block[] = [];
	let current: string[] = [];
	let start = 0;
	let blanks = 0;
	const flush = (): void => {
		const paragraphs = paragraphsOf(current.join('\n'));
		if (paragraphs.length > 0) blocks.push({ line: start + 1, paragraphs });
		current = [];
	};
	lines.forEach((line, index) => {
		if (line.trim() === '') {
			blanks += 1;
			if (blanks === 2) flush();
			current.push('');
			return;
		}
		if (current.every((l) => l === '')) {
			current = [];
			start = index;
		}
		blanks = 0;
		current.push(line);
	});
	flush();
	return blocks;
}

function fullDate(text: string): string | undefined {
	const dm = parseEnglishDate(text);
	return dm?.year === undefined ? undefined : isoOf(dm.year, dm.month, dm.day);
}

/** Parse every message of the 1942 war telegrams. */
export function parseWarTelegrams(text: string, people: readonly Person[], file: string): Draft[] {
	const drafts: Draft[] = [];
	// The file opens with its own title and year: blank them out, keeping line numbers.
	const body = normaliseLines(text).replace(/^War Telegrams\n\n1942\n/, '\n\n\n');
	for (const block of blocksOf(body)) {
		const paras = block.paragraphs.filter((p) => !NAVIGATION.test(p));
		if (paras.length === 0) continue;
		drafts.push(parseMessage(paras, block.line, people, file));
	}
	return drafts;
}

function parseMessage(input: string[], line: number, people: readonly Person[], file: string): Draft {
	const paras = [...input];
	const where = `${file}:${line}`;
	let sent: string | undefined;
	let basis: DateBasis = 'none';
	let dateNote: string | undefined;

	const sentOn = /^Sent on (.+)$/.exec(paras[0] ?? '');
	if (sentOn?.[1] && fullDate(sentOn[1])) {
		sent = fullDate(sentOn[1]);
		basis = 'sent-line';
		paras.shift();
	} else if (fullDate(paras[0] ?? '')) {
		sent = fullDate(paras[0] ?? '');
		basis = 'dateline';
		paras.shift();
	}

	let classification: string | undefined;
	if (CLASSIFICATION.test(paras[0] ?? '')) classification = paras.shift();

	const heading = paras.shift();
	const parsed = heading === undefined ? undefined : parseHeading(heading);
	if (heading === undefined || parsed === undefined) {
		throw new ImportError(
			where,
			'heading',
			`expected a heading naming the recipient, found ${JSON.stringify(heading)}`,
		);
	}
	const recipient = resolvePerson(parsed.toText, people);
	if (!recipient)
		throw new ImportError(where, 'heading', `no known person is named by ${JSON.stringify(parsed.toText)}`);
	const sender = parsed.fromText === undefined ? undefined : resolvePerson(parsed.fromText, people);
	if (parsed.fromText !== undefined && !sender) {
		throw new ImportError(where, 'heading', `no known person is named by ${JSON.stringify(parsed.fromText)}`);
	}
	classification ??= HEADING_CLASSIFICATION.exec(heading)?.[1];

	let kind: LetterKind = 'message';
	if (/^Memorandum$/i.test(paras[0] ?? '')) {
		kind = 'memorandum';
		paras.shift();
	}

	const closing = fullDate(paras.at(-1) ?? '');
	if (closing) {
		paras.pop();
		if (sent === undefined) {
			sent = closing;
			basis = 'closing-date';
		} else if (sent !== closing) {
			dateNote = `The source prints ${sent} above the message and ${closing} below it; the first is used.`;
		}
	}

	const signatureLines: string[] = [];
	if (SIGNATURE.test(paras.at(-1) ?? '')) signatureLines.unshift(paras.pop() ?? '');
	if (VALEDICTION.test(paras.at(-1) ?? '')) signatureLines.unshift(paras.pop() ?? '');

	let salutation: string | undefined;
	if (SALUTATION.test(paras[0] ?? '')) salutation = paras.shift();

	if (paras.length === 0) throw new ImportError(where, 'body', 'the message has no text');
	const cleaned = cleanParagraphs(paras);
	const precision: Precision = sent === undefined ? 'unknown' : 'day';
	if (sent === undefined) dateNote = 'The source prints no date for this message, and none is guessed.';

	return makeDraft({
		key: `${WAR_TELEGRAMS_SOURCE}:${line}`,
		collection: 'big-three',
		kind,
		from: [sender?.id ?? DEFAULT_SENDER],
		to: [recipient.id],
		sent: sent ?? null,
		precision,
		dateBasis: basis,
		dateNote,
		heading,
		classification,
		salutation,
		body: cleaned.paragraphs,
		signature: signatureLines.length > 0 ? signatureLines.join('\n') : undefined,
		notes: cleaned.notes,
		source: { id: WAR_TELEGRAMS_SOURCE, ref: `line ${line}` },
		corrections: cleaned.corrections,
	});
}
