// Generated from data/catalogue.schema.json by json-schema-to-typescript: do not edit.
// Regenerate with `npm run generate:types`; a unit test fails while this file is stale.

/**
 * A catalogue of numbered proposals (the 40 proposals of the EGN 2020, a national strategy's measures, an académie's roadmap…), grouped into themes and optional sub-themes. References to its proposals use its prefix: with prefix `FRA`, proposal 2 is `FRA-2`.
 */
export interface CatalogueFile {
  /**
   * Stable id of the catalogue, e.g. `egn-2020`.
   */
  id: string;
  /**
   * Prefix of the proposals' references, unique among the loaded catalogues: with prefix `EGN`, proposal 12 is `EGN-12`. References match it ignoring case.
   */
  prefix: string;
  /**
   * Title of the source, in its words.
   */
  title: string;
  /**
   * What the catalogue is, in a few sentences.
   */
  description?: string;
  /**
   * Where the catalogue comes from: the address (http or https) of the page that publishes it.
   */
  source?: string;
  /**
   * Version or date of the catalogue, as its publisher names it (e.g. `2024-09` or `1.2`).
   */
  version?: string;
  /**
   * How documents cite this catalogue's proposals in prose: the nouns that stand before a number (« la proposition n° 12 ») or after an ordinal (« la première proposition »), and the names that say the catalogue is meant (« États généraux du numérique »). Numbered and ordinal citations count only in a paragraph or under a heading that holds one of the names; titles count anywhere. Without this block, the catalogue has no prose citations, titles included.
   */
  prose?: {
    /**
     * Singular nouns, in lower case (« proposition », « action », « mesure »); the plural adds an s.
     *
     * @minItems 1
     * @maxItems 10
     */
    nouns: string[];
    /**
     * Names of the catalogue as documents write them (« États généraux du numérique », « EGN »), matched ignoring case, accents and spacing.
     *
     * @minItems 1
     * @maxItems 20
     */
    names: string[];
  };
  context?: ContextEntry;
  /**
   * The groups of proposals, in source order: the themes, then the proposals common to several themes.
   *
   * @minItems 1
   */
  groups: GroupEntry[];
}
/**
 * What the source says about the consultation that produced the proposals (used by the EGN overview); optional.
 */
export interface ContextEntry {
  summary: string;
  place: string;
  /**
   * @minItems 1
   */
  dates: DateEntry[];
  /**
   * @minItems 1
   */
  phases: string[];
  /**
   * @minItems 1
   */
  thematiques: ThematiqueEntry[];
  /**
   * @minItems 1
   */
  participativeSpaces: string[];
  crisisContext: string;
  /**
   * @minItems 1
   */
  challenges: string[];
  territorial: string;
  /**
   * The source's "Mise à jour" date, as it writes it.
   */
  updated: string;
}
export interface DateEntry {
  start: string;
  /**
   * Last day, for an event lasting several days.
   */
  end?: string;
  /**
   * What happened, in the source's words.
   */
  label: string;
}
export interface ThematiqueEntry {
  label: string;
  /**
   * Id of the group (of kind `theme`) whose proposals answer this thématique.
   */
  theme: string;
}
export interface GroupEntry {
  /**
   * Stable id, unique among all themes and sub-themes.
   */
  id: string;
  /**
   * `theme` (the default) for a theme of the source, `common` for the proposals common to several themes.
   */
  kind?: 'theme' | 'common';
  title: string;
  /**
   * Name of the codicon shown for the group (e.g. `organization`); `folder` when absent.
   */
  icon?: string;
  /**
   * The sub-themes, where the source has them.
   *
   * @minItems 1
   */
  subthemes?: SubThemeEntry[];
  /**
   * The proposals, where the source has no sub-themes.
   *
   * @minItems 1
   */
  proposals?: ProposalEntry[];
}
export interface SubThemeEntry {
  /**
   * Stable id, unique among all themes and sub-themes.
   */
  id: string;
  title: string;
  /**
   * @minItems 1
   */
  proposals: ProposalEntry[];
}
export interface ProposalEntry {
  /**
   * Number of the proposal; numbers run from 1 without gaps across the whole catalogue.
   */
  number: number;
  /**
   * Official title, letter for letter as the source writes it.
   */
  title: string;
  /**
   * Programmes and bodies the title names (PIX, CNED…): proposals sharing a tag are related.
   *
   * @minItems 1
   */
  tags?: string[];
  /**
   * Address (http or https) of the page about this proposal.
   */
  url?: string;
  /**
   * What the proposal says beyond its title.
   */
  description?: string;
}
