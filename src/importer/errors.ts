/** A problem in a source document, named by file and line, and the field it affects. */
export class ImportError extends Error {
	constructor(
		readonly where: string,
		readonly field: string,
		detail: string,
	) {
		super(`${where}: ${field}: ${detail}`);
		this.name = 'ImportError';
	}
}
