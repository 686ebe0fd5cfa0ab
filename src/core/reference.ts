/** The forms a reference can take in a document. */
export type ReferenceForm =
  /** `EGN-12`, the canonical form. */
  | 'canonical'
  /** `EGN 12`, `egn-12`, `EGN n°12`…: recognized, not canonical. */
  | 'variant'
  /** A number continuing a list or range: the `8` of `EGN-7, 8 et 9`, the `5` of `EGN-3 à 5`. */
  | 'continuation'
  /**
   * Read from prose (`ProseScanner`): « la proposition n° 12 », « la première proposition », and each
   * number of « les propositions 6, 7 et 8 ».
   */
  | 'prose'
  /** A proposal's full title, written in a text (`ProseScanner`). */
  | 'title';

/** How a citation was written, as `egn-cite --format json` says it: an id, prose, or a title. */
export type CitationForm = 'id' | 'prose' | 'title';

/** The `CitationForm` of a reference's form. */
export function citationForm(form: ReferenceForm): CitationForm {
  return form === 'prose' || form === 'title' ? form : 'id';
}

/** One reference found in a text: one number, with its own range. */
export interface Reference {
  /** The proposal number as written (may not exist in the catalogue). */
  readonly number: number;
  /**
   * The digits as written (`12`, `012`, or 400 digits that `number` cannot hold: it is `Infinity` then),
   * for what shows the reference to a person; see `ReferenceScanner.writtenId`.
   */
  readonly digits: string;
  /** Offset of the first character of the reference in the scanned text (UTF-16 units). */
  readonly start: number;
  /** Offset one past its last character. */
  readonly end: number;
  readonly form: ReferenceForm;
  /** Whether a proposal with that number exists in the catalogue. */
  readonly exists: boolean;
  /**
   * For the end of a range (`EGN-3 à 5`, `EGN-3 à EGN-5`), the numbers strictly between the two ends that the
   * range also references (here: 4). Empty otherwise.
   */
  readonly implied: readonly number[];
}
