/**
 * The parts of one letter or telegram of the Lincoln edition, after its heading: a
 * classification ("(Private.)"), the dateline (place and date, on one line or two, or glued to
 * the heading), the inside address, the salutation ("MY DEAR SIR:--"), the body, the
 * valediction and signature, postscripts, and whatever the editor printed after the letter
 * (indorsements, replies, inclosures), which is left out. A heading over several telegrams
 * ("TELEGRAMS TO SECRETARY STANTON") gives one letter per dateline. Pure functions.
 */
import type { Note } from '../../core/format.js';
import { capitalShare } from './headings.js';
import { isPlaceOnly, parseDateline, type Dateline } from './datelines.js';
import type { Paragraph } from './items.js';

export interface LetterParts {
	/** Source line where this letter starts. */
	line: number;
	classification?: string;
	dateline?: Dateline;
	/** A date printed under the signature instead of above the letter. */
	closing?: Dateline;
	address?: string;
	salutation?: string;
	body: string[];
	notes: Note[];
	signature?: string;
	/** True when the signature is Lincoln's. */
	signedByLincoln: boolean;
	/** The name signed, when another hand signed the letter ("EDWIN M. STANTON"). */
	otherSigner?: string;
	/** The first words of what the edition prints after the letter and which is left out. */
	appended?: string;
}

const CLASSIFICATION =
	/^[([]?\s*((?:Strictly private|Private and confidential|Private|Confidential|Sent in cipher|Cipher|For your own eye only|Unofficial|Secret)[.]?)\s*[)\]]?\.?\s*/i;
const SALUTATION =
	/^((?:MY|My)\s+(?:DEAR|[Dd]ear)\b[^:,]{0,40}?|(?:DEAR|Dear|FRIEND|Friend)\s+[^:,]{1,40}?|SIR|Sir|MADAM|Madam|GENTLEMEN|Gentlemen|[A-Z][A-Z.'\- ]{1,40}[A-Z.])\s*(:-+|:|,\s*-+|-{2,}|,(?=\s*$))\s*/;
const SALUTATION_INSIDE =
	/(?:^|[.:]\s+)((?:MY|My)\s+(?:DEAR|[Dd]ear)\b|(?:DEAR|Dear)\s+[A-Z]|SIR:|Sir:|MADAM|GENTLEMEN)/;
/** A closing before the signature: anything of the kind ending with a comma, or a short closing ending with a full stop. */
const VALEDICTION =
	/^(?:(?:Yours|Your|Very|Respectfully|Truly|With|As ever|I am|Affectionately|Most|Sincerely|Ever|In haste|Your's)\b[^!?]{0,60}[,;]|(?:Yours|Your's)(?: (?:very )?(?:truly|sincerely|respectfully|forever|as ever|affectionately))?\.?|As ever\.?|Your (?:friend|obedient servant)(?: as ever)?\.?)$/i;
const LINCOLN_SIGNATURE =
	/^(.*?)[,\s]*\b((?:A\.|ABRAHAM|ABRA\.)\s*LINCOLN|LINCOLN|A\. ?L)[.,]?(?:\s*\((?:Signed|Indorsed)\)\.?)?(?:\s+(.+))?$/;
const POSTSCRIPT = /^P\.\s?S\.?/;
const EDITORIAL = /^\[[\s\S]*\]\.?$/;

/** Whether a paragraph reads as an inside address: a name and office in capitals, no sentence. */
function isAddress(text: string): boolean {
	if (text.length > 140 || /:-/.test(text) || /[!?]/.test(text)) return false;
	const first = text.split(/,\s*/)[0] ?? text;
	if (/\b[a-z]+\s+[a-z]+\s+[a-z]+\b/.test(text)) return false;
	if (
		/^(?:Miss|Mrs\.|Mr\.|Dr\.|Hon\.|HON\.|Rev\.|Messrs\.|MESSRS\.)\s/.test(text) &&
		!/\b(?:I|you|we|is|was|have)\b/.test(text)
	)
		return true;
	return capitalShare(first) >= 0.6;
}

interface Signature {
	/** Lines of the paragraph before the signature, which belong to the body or the valediction. */
	before: string[];
	signature: string;
	/** The signer's name when it is not Lincoln's ("EDWIN M. STANTON"). */
	otherSigner?: string;
	closing?: string;
	/** A postscript printed on the signature's own line. */
	postscript?: string;
}

/** An office printed under a signature: "President United States.", "Secretary of War." */
const OFFICE_LINE = /^[A-Z][a-z]+(?:[ -](?:of|the|[A-Z][a-z]+))*\.?$/;
/** A signature at the end of a paragraph's last line, after its last sentence, perhaps with a postscript. */
const INLINE_SIGNATURE =
	/^(.*?[.!?"')])\s+((?:[A-Z][^.!?]{0,60},\s*)?(?:A\.\s*|ABRAHAM\s+)?LINCOLN\.?)(?:\s+(P\.\s?S\.[\s\S]*))?$/;

function lincolnLine(line: string): { lead: string; closing?: string } | undefined {
	const m = LINCOLN_SIGNATURE.exec(line);
	if (!m) return undefined;
	const lead = (m[1] ?? '').trim();
	if (lead !== '' && !VALEDICTION.test(lead) && !VALEDICTION.test(`${lead},`) && capitalShare(lead) < 0.9)
		return undefined;
	const trailing = m[3]?.trim();
	if (trailing === undefined || /^President\b[A-Za-z ,.]*$/.test(trailing)) return { lead };
	return parseDateline(trailing) ? { lead, closing: trailing } : undefined;
}

function otherLine(line: string): string | undefined {
	const name = line.replace(/^.*?,\s*(?=[A-Z]{2})/, (lead) =>
		VALEDICTION.test(lead.replace(/,\s*$/, '')) ? '' : lead,
	);
	const namePart = (name.split(',')[0] ?? name).replace(/\.$/, '').trim();
	if (/^(?:TELEGRAMS?|TO|LETTER|EXECUTIVE|WAR DEPARTMENT|WASHINGTON|HEADQUARTERS)\b/.test(namePart)) return undefined;
	return capitalShare(namePart) >= 0.85 && namePart.length <= 40 && !/:/.test(name) && /[A-Z]{3}/.test(namePart)
		? namePart
		: undefined;
}

/**
 * A short line ending with a colon that addresses the letter: "OFFICER in charge of Confederate
 * prisoners at Camp Chase, Ohio:", "Mr. SPEARS:", or the second line of an address
 * ("Williamsport, Maryland, via Harper's Ferry:").
 */
function isAddressLine(text: string, continuing: boolean): boolean {
	if (text.length > 110 || !/:$/.test(text) || /:-/.test(text)) return false;
	if (/^(?:[A-Z]{2,}[A-Z.'-]*|Mr\.|Mrs\.|Miss)\s/.test(text)) return true;
	return continuing && !/\b[a-z]+\s+[a-z]+\s+[a-z]+\b/.test(text);
}

function signatureOf(p: Paragraph, lincoln: boolean): Signature | undefined {
	const lines = p.lines.map((l) => l.trim());
	let last = lines.at(-1) ?? '';
	const before = lines.slice(0, -1);
	let office: string | undefined;
	const previous = before.at(-1);
	if (
		previous !== undefined &&
		OFFICE_LINE.test(last) &&
		last.length <= 40 &&
		(lincolnLine(previous) ?? otherLine(previous)) !== undefined
	) {
		office = last;
		last = before.pop() ?? '';
	}
	if (last.length > 80) return inlineSignature(p, lincoln);
	const signature = office === undefined ? last : `${last}\n${office}`;
	const own = lincoln ? lincolnLine(last) : undefined;
	if (own) {
		if (own.closing === undefined) return { before, signature };
		return { before, signature: last.slice(0, last.length - own.closing.length).trim(), closing: own.closing };
	}
	const other = otherLine(last);
	if (other !== undefined && !/LINCOLN/.test(other)) return { before, signature, otherSigner: other };
	return lincoln ? inlineSignature(p, lincoln) : undefined;
}

/** Whether Lincoln's signature comes before the next dateline (the next telegram of a series). */
function lincolnSignsLater(queue: readonly Paragraph[]): boolean {
	for (const q of queue) {
		if (parseDateline(q.text)?.rest === '') return false;
		const sig = signatureOf(q, true);
		if (sig !== undefined && sig.otherSigner === undefined) return true;
	}
	return false;
}

function inlineSignature(p: Paragraph, lincoln: boolean): Signature | undefined {
	if (!lincoln) return undefined;
	const m = INLINE_SIGNATURE.exec(p.text);
	if (!m?.[1] || !m[2]) return undefined;
	const lead = /^(.*?),\s*(?:A\.\s*|ABRAHAM\s+)?LINCOLN/.exec(m[2])?.[1];
	if (lead !== undefined && !VALEDICTION.test(`${lead},`)) return undefined;
	return { before: [m[1]], signature: m[2], ...(m[3] === undefined ? {} : { postscript: m[3] }) };
}

/**
 * Read the letters in the paragraphs that follow a heading. `tail` is what the heading line
 * printed after the recipient (a dateline, "Private."). `lincoln` is false for the few letters
 * by others that the edition prints.
 */
export function parseLetters(
	paragraphs: readonly Paragraph[],
	tail: string,
	tailLine: number,
	lincoln: boolean,
): LetterParts[] {
	const queue: Paragraph[] = [
		...(tail === '' ? [] : [{ line: tailLine, lines: [tail], text: tail }]),
		...paragraphs.map((p) => ({ ...p, lines: [...p.lines] })),
	];
	const letters: LetterParts[] = [];
	while (queue.length > 0) {
		const startLine = queue[0]?.line ?? tailLine;
		const letter = parseOne(queue, startLine, lincoln);
		if (!letter) break;
		letters.push(letter);
	}
	return letters;
}

function parseOne(queue: Paragraph[], line: number, lincoln: boolean): LetterParts | undefined {
	const letter: LetterParts = { line, body: [], notes: [], signedByLincoln: false };
	const addressParts: string[] = [];
	// The preamble: classification, dateline, inside address, salutation.
	for (let guard = 0; guard < 8 && queue.length > 0; guard += 1) {
		const p = queue[0];
		if (p === undefined) break;
		let text = p.text;
		const cls = CLASSIFICATION.exec(text);
		if (cls?.[1] && !/^[a-z]/.test(text.slice(cls[0].length))) {
			letter.classification = cls[1].replace(/\.$/, '');
			text = text.slice(cls[0].length).trim();
			if (text === '') {
				queue.shift();
				continue;
			}
		}
		if (letter.dateline === undefined) {
			const next = queue[1];
			if (isPlaceOnly(text) && next !== undefined) {
				const joined = parseDateline(`${text.replace(/\.$/, ',')} ${next.text}`);
				if (joined) {
					letter.dateline = joined;
					queue.shift();
					replaceHead(queue, joined.rest);
					continue;
				}
			}
			const dateline = parseDateline(text);
			if (
				dateline &&
				(dateline.place !== undefined ||
					dateline.date.year !== undefined ||
					dateline.rest === '' ||
					/^[A-Z]{2}/.test(dateline.rest))
			) {
				letter.dateline = dateline;
				// "Recvd 2 P.M." or "(Received 5 P.M.)" after a telegram's dateline is the hour it arrived: a note, not text.
				const received = /^\(?Rec(?:eive)?v?d\.?\s+[\d.:]+\s*[AP]\.?\s?M\.?\)?\.?\s*/i.exec(dateline.rest);
				if (received) letter.notes.push({ marker: 'received', paragraph: 0, offset: 0, text: received[0].trim() });
				replaceHead(queue, dateline.rest.slice(received?.[0].length ?? 0));
				continue;
			}
		}
		if (letter.dateline !== undefined && /^\(Received\b[^)]*\)\.?$/i.test(text)) {
			letter.notes.push({ marker: 'received', paragraph: 0, offset: 0, text });
			queue.shift();
			continue;
		}
		if (letter.salutation === undefined && addressParts.length < 3) {
			// A telegram's address and text may share a paragraph: "MAJOR-GENERAL HALLECK, Saint Louis, Mo.: If the rigor...".
			const glued = /^([A-Z][A-Z.'-]+\s[^:]{2,100}?):(?:-+\s*|\s+)(?=\S)/.exec(text);
			if (
				glued?.[1] &&
				capitalShare(glued[1].split(',')[0] ?? '') >= 0.6 &&
				!/\b[a-z]+\s+[a-z]+\s+[a-z]+\b/.test(glued[1]) &&
				!/^(?:MY|DEAR|FRIEND|SIR|MADAM|GENTLEMEN)\b/i.test(glued[1])
			) {
				addressParts.push(`${glued[1]}:`);
				replaceHead(queue, text.slice(glued[0].length));
				continue;
			}
			const inside = SALUTATION_INSIDE.exec(text);
			if (inside?.[1] && inside.index > 0 && inside.index < 80 && isAddress(text.slice(0, inside.index + 1))) {
				addressParts.push(text.slice(0, inside.index + 1).trim());
				text = text.slice(inside.index + inside[0].length - inside[1].length).trim();
			}
			const sal = SALUTATION.exec(text);
			const whole = sal !== null && sal[0].length >= text.length - 1;
			if (sal?.[1] && /^(?:MY|My|DEAR|Dear|FRIEND|Friend|SIR|Sir|MADAM|Madam|GENTLEMEN|Gentlemen)\b/.test(sal[1])) {
				letter.salutation = `${sal[1]}${sal[2]?.startsWith(',') ? ',' : ':'}`;
				replaceHead(queue, text.slice(sal[0].length));
				takeLateDateline(queue, letter);
				break;
			}
			const named = /^([A-Z][A-Z.,'\- ]{1,40}[A-Z.]):-+\s*/.exec(text);
			if (named?.[1] && named[0].length < text.length) {
				letter.salutation = `${named[1]}:`;
				replaceHead(queue, text.slice(named[0].length));
				break;
			}
			if (sal?.[1] && !whole && (sal[2] ?? '').includes('-')) {
				letter.salutation = `${sal[1]}:`;
				replaceHead(queue, text.slice(sal[0].length));
				break;
			}
			if (
				(isAddress(text) && !(letter.dateline === undefined && /^[A-Z][a-z]/.test(text))) ||
				isAddressLine(text, addressParts.length > 0)
			) {
				if (queue.length < 2) break;
				addressParts.push(text);
				queue.shift();
				continue;
			}
			if (text !== p.text) replaceHead(queue, text);
		}
		break;
	}
	if (addressParts.length > 0) letter.address = addressParts.join(' ');

	// The body, up to the signature.
	while (queue.length > 0) {
		const p = queue.shift();
		if (p === undefined) break;
		if (EDITORIAL.test(p.text)) {
			letter.notes.push(editorialNote(letter, p.text));
			continue;
		}
		const found = signatureOf(p, lincoln);
		// Another hand's name (a quoted despatch's signer) ends the letter only when Lincoln does not sign further on.
		if (found?.otherSigner !== undefined && lincoln && (letter.body.length === 0 || lincolnSignsLater(queue))) {
			letter.body.push(p.text);
			continue;
		}
		if (found) {
			letter.signedByLincoln = lincoln && found.otherSigner === undefined;
			if (found.otherSigner !== undefined) letter.otherSigner = found.otherSigner;
			const lines = [...found.before];
			const valediction: string[] = [];
			while (lines.length > 0 && VALEDICTION.test(lines.at(-1) ?? '') && valediction.length < 2)
				valediction.unshift(lines.pop() ?? '');
			if (lines.length > 0) letter.body.push(lines.join(' '));
			const previous = letter.body.at(-1);
			if (valediction.length === 0 && previous !== undefined && previous.length < 70 && VALEDICTION.test(previous))
				valediction.push(letter.body.pop() ?? '');
			// "...in the premises. Yours truly," ends the last paragraph: the closing belongs to the signature.
			const trailing = /(?<=[.!?]\s+)((?:Yours|Your|Very truly)\b[^.!?]{0,40}[,;])$/.exec(letter.body.at(-1) ?? '');
			if (valediction.length === 0 && trailing?.[1]) {
				const last = letter.body.pop() ?? '';
				letter.body.push(last.slice(0, last.length - trailing[1].length).trimEnd());
				valediction.push(trailing[1]);
			}
			letter.signature = [...valediction, found.signature].join('\n');
			if (found.closing !== undefined) letter.closing = parseDateline(found.closing);
			if (found.postscript !== undefined) letter.body.push(found.postscript);
			break;
		}
		letter.body.push(p.text);
	}

	// After the signature: a closing date, postscripts, the next telegram of a series, or matter left out.
	while (queue.length > 0) {
		const p = queue[0];
		if (p === undefined) break;
		if (POSTSCRIPT.test(p.text) || /^A\. ?L\.?$/.test(p.text)) {
			letter.body.push(p.text);
			queue.shift();
			continue;
		}
		const dateline = parseDateline(p.text);
		if (dateline && letter.dateline === undefined && letter.closing === undefined && dateline.rest === '') {
			letter.closing = dateline;
			queue.shift();
			continue;
		}
		// The next telegram of a series opens with its own dateline, alone or followed by the address.
		const opensTelegram =
			dateline !== undefined && (dateline.rest === '' || (isAddress(dateline.rest) && !/:-/.test(dateline.rest)));
		if (
			opensTelegram &&
			letter.dateline !== undefined &&
			!/^(?:INDORSEMENT|ENDORSEMENT|INCLOSURE|ENCLOSURE)/i.test(p.text) &&
			queue.some((q, i) => i > 0 && signatureOf(q, lincoln))
		) {
			return finish(letter);
		}
		// A comment in brackets after the letter is a note on it; a bare label ("[Indorsement.]") opens other matter.
		if (EDITORIAL.test(p.text) && p.text.length > 40) {
			letter.notes.push(editorialNote(letter, p.text));
			queue.shift();
			continue;
		}
		letter.appended = p.text.slice(0, 60);
		queue.length = 0;
	}
	return finish(letter);
}

/** An editor's note in brackets, placed where it stood: before the first paragraph, or at the end of the one it follows. */
function editorialNote(letter: LetterParts, text: string): Note {
	const previous = letter.body.at(-1);
	return { marker: 'editor', paragraph: Math.max(0, letter.body.length - 1), offset: previous?.length ?? 0, text };
}

function finish(letter: LetterParts): LetterParts {
	// "Yours very truly," with no name printed after it closes the letter all the same.
	const last = letter.body.at(-1);
	if (
		letter.signature === undefined &&
		last !== undefined &&
		letter.body.length > 1 &&
		last.length < 50 &&
		VALEDICTION.test(last) &&
		/,$/.test(last)
	) {
		letter.signature = letter.body.pop();
	}
	// A note after the last paragraph points at the end of it.
	letter.notes = letter.notes.map((n) => {
		const paragraph = Math.min(n.paragraph, Math.max(0, letter.body.length - 1));
		return { ...n, paragraph, offset: Math.min(n.offset, letter.body[paragraph]?.length ?? 0) };
	});
	return letter;
}

/** A dateline printed after the salutation ("DEAR DUBOIS:" / "BLOOMINGTON, Dec. 19, 1857."). */
function takeLateDateline(queue: Paragraph[], letter: LetterParts): void {
	const next = queue[0];
	if (letter.dateline !== undefined || next === undefined) return;
	const dateline = parseDateline(next.text);
	if (dateline?.rest === '' && dateline.date.year !== undefined) {
		letter.dateline = dateline;
		queue.shift();
	}
}

/** Replace the first paragraph by its unread end `rest`, keeping its printed lines so a signature on the last one is still found. */
function replaceHead(queue: Paragraph[], rest: string): void {
	const head = queue[0];
	if (head === undefined) return;
	const text = rest.trim();
	if (text === '') {
		queue.shift();
		return;
	}
	const lines: string[] = [];
	let suffix = '';
	for (const l of [...head.lines].reverse()) {
		const t = l.trim();
		const candidate = suffix === '' ? t : `${t} ${suffix}`;
		if (candidate.length >= text.length) {
			lines.unshift(text.slice(0, text.length - (suffix === '' ? 0 : suffix.length + 1)).trim());
			break;
		}
		lines.unshift(t);
		suffix = candidate;
	}
	queue[0] = { line: head.line, lines: lines.filter((l) => l !== ''), text };
}
