import type { Reference } from './reference';

/**
 * What a written reference can be reported as, and how loudly: the one table the editor's
 * diagnostics and `egn-cite check` read, the same for every catalogue in use (the bundled one is
 * catalogue 0, judged like the others).
 */
export const REFERENCE_RULES = Object.freeze({
  /** A reference to a proposal its catalogue does not have (`EGN-41`): a warning. */
  unknownProposal: { level: 'warning' },
  /**
   * A reference to an existing proposal written otherwise than its canonical form (`EGN 12`,
   * `egn-12`, `EGN n° 12`): a hint, only when `egn.diagnostics.nonCanonicalHint` asks for it.
   */
  nonCanonical: { level: 'hint' },
  /**
   * A citation read from prose or a title (« la proposition n° 12 »): a hint saying which proposal
   * it was read as, so that a wrong reading is easy to see; in the editor only (`egn-cite` keeps its
   * output to the problems above).
   */
  readFromProse: { level: 'hint' },
} as const);

/** The name of a rule of `REFERENCE_RULES`. */
export type ReferenceRule = keyof typeof REFERENCE_RULES;

/**
 * The rule `ref` breaks (or, for prose, the note it deserves), if any. `hints`: whether non-canonical
 * forms are reported; `prose`: whether citations read from prose are (the editor's hint).
 */
export function brokenRule(ref: Pick<Reference, 'exists' | 'form'>, hints: boolean, prose = false): ReferenceRule | undefined {
  if (!ref.exists) {
    return 'unknownProposal';
  }
  if (ref.form === 'prose' || ref.form === 'title') {
    return prose ? 'readFromProse' : undefined;
  }
  return hints && ref.form === 'variant' ? 'nonCanonical' : undefined;
}
