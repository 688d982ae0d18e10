/**
 * Text comparison for "nothing lost": NFKC folds full- and half-width forms
 * (the newspaper page uses ASCII commas in Chinese text), and all white space goes,
 * since Markdown and HTML reflow it.
 */
export function normalise(text: string): string {
	return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Sentences of a block of text: split after Chinese and Latin sentence ends and at line breaks. */
export function sentences(text: string): string[] {
	return text
		.split(/\n+/)
		.flatMap((line) => line.split(/(?<=[。！？!?；;])/))
		.map(normalise)
		// A fragment of punctuation alone (a closing quote after 。) carries no text.
		.filter((s) => /[\p{L}\p{N}]/u.test(s));
}
