/**
 * How a text is laid out in paragraphs and headings: what the prose grammar needs to know whether a
 * citation such as « la proposition n° 12 » stands where the catalogue is named (same paragraph, the
 * paragraph before, or a heading above it).
 *
 * The contract between the readers of documents and the prose grammar: text documents give their
 * language (paragraphs are blank-line separated, headings in the language's own syntax); documents
 * whose text is extracted (Word, LibreOffice, PDF) give `paragraphLines`: each line of the extracted
 * text is one paragraph, and the lines that are headings are listed with their level.
 */
export type TextLayout =
  | { readonly kind: 'markdown' | 'latex' | 'restructuredtext' | 'asciidoc' | 'plaintext' }
  | {
      readonly kind: 'paragraphLines';
      /** 0-based line → heading level (1 = top), for the lines of the extracted text that are headings. */
      readonly headingLines: ReadonlyMap<number, number>;
    };
