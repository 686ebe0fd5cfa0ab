/**
 * The read-only model of a catalogue of proposals (the EGN 2020 catalogue in data/).
 * Built by `loadCatalogue`; nothing in it is hard-coded.
 */

/** One proposal, e.g. EGN-12. */
export interface Proposal {
  /** Canonical reference, `<prefix>-<number>`, e.g. `EGN-12`. */
  readonly id: string;
  readonly number: number;
  /** Official French title, letter for letter as the source page writes it. */
  readonly title: string;
  /** The group (theme, or the common proposals) that holds it. */
  readonly theme: Theme;
  /** The sub-theme that holds it, where the source has one. */
  readonly subtheme: SubTheme | undefined;
  /** Programmes and bodies its title names (PIX, CNED…). */
  readonly tags: readonly string[];
  /** Address (http or https, checked by the schema) of a page about it, when its catalogue gives one. */
  readonly url?: string;
  /** What it says beyond its title, when its catalogue gives it. */
  readonly description?: string;
}

/** A sub-theme of a theme (Gouvernance, Enseigner…). */
export interface SubTheme {
  /** Stable id, unique in the catalogue, e.g. `gouvernance`. */
  readonly id: string;
  readonly title: string;
  readonly theme: Theme;
  readonly proposals: readonly Proposal[];
}

/**
 * A group of proposals: one of the five themes, or the proposals common to several themes
 * (`kind: 'common'`).
 */
export interface Theme {
  /** Stable id, unique in the catalogue, e.g. `gouvernance-anticipation`. */
  readonly id: string;
  readonly kind: 'theme' | 'common';
  readonly title: string;
  /** Codicon name used by the tree. */
  readonly icon: string;
  /** Sub-themes in source order; empty where the source has none. */
  readonly subthemes: readonly SubTheme[];
  /** Every proposal of the group, in source order (through its sub-themes or directly). */
  readonly proposals: readonly Proposal[];
}

/** One of the "cinq grandes thématiques" the consultation was structured around. */
export interface Thematique {
  /** Label as the source writes it. */
  readonly label: string;
  /** The theme whose proposals answer it. */
  readonly theme: Theme;
}

/** A dated event of the consultation. */
export interface ContextDate {
  /** ISO date (`2020-11-04`) or month (`2020-06`). */
  readonly start: string;
  readonly end: string | undefined;
  /** What happened, in the source's words. */
  readonly label: string;
}

/** What the source page says about the consultation, for the overview. */
export interface CatalogueContext {
  readonly summary: string;
  readonly place: string;
  readonly dates: readonly ContextDate[];
  readonly phases: readonly string[];
  readonly thematiques: readonly Thematique[];
  readonly participativeSpaces: readonly string[];
  /** Intro sentence for the health-crisis challenges. */
  readonly crisisContext: string;
  /** The challenges named after the health crisis. */
  readonly challenges: readonly string[];
  /** Territorial EGN paragraph. */
  readonly territorial: string;
  /** "Mise à jour : …" of the source page. */
  readonly updated: string;
}

/** A catalogue's prose vocabulary: the nouns before a number, the names that give the context. */
export interface CatalogueProse {
  /** Singular nouns (`proposition`); the plural adds an s. */
  readonly nouns: readonly string[];
  /** Names of the catalogue (`États généraux du numérique`, `EGN`). */
  readonly names: readonly string[];
}

/** Result of a search: a proposal and why it matched. */
export interface SearchHit {
  readonly proposal: Proposal;
  readonly matchedOn: 'id' | 'number' | 'title' | 'tag';
}

/** The whole catalogue. */
export interface Catalogue {
  /** e.g. `egn-2020`. */
  readonly id: string;
  /** Prefix of references, e.g. `EGN`. */
  readonly prefix: string;
  readonly title: string;
  readonly themes: readonly Theme[];
  /** All proposals, sorted by number. */
  readonly proposals: readonly Proposal[];
  /**
   * What the source says about the consultation (the EGN overview). Only the bundled EGN catalogue
   * is sure to have one: narrow with `hasContext`.
   */
  readonly context: CatalogueContext | undefined;
  /** What the catalogue is, when its file says so. */
  readonly description?: string;
  /** Address (http or https, checked by the schema) of the page that publishes it, when its file gives one. */
  readonly source?: string;
  /** Version or date of the catalogue, as its publisher names it. */
  readonly version?: string;
  /**
   * How documents cite it in prose (« la proposition n° 12 »): its nouns and names, when its file
   * says; without them it has no prose citations (see `ProseScanner`).
   */
  readonly prose?: CatalogueProse;
  /** Looks a proposal up by id, ignoring case (`EGN-12`, `egn-12`, `EGN 12`). */
  byId(id: string): Proposal | undefined;
  byNumber(n: number): Proposal | undefined;
  /** Theme or sub-theme by id. */
  groupById(id: string): Theme | SubTheme | undefined;
  /**
   * Proposals matching every word of `query` on title, id, number or tag, ignoring case, accents and
   * apostrophe style, in number order. A query that is one number or id (`12`, `EGN-12`) finds that
   * proposal only; a blank query finds them all.
   */
  search(query: string): readonly SearchHit[];
  /** Other proposals sharing at least one tag with `p`. */
  related(p: Proposal): readonly Proposal[];
  /** Smallest and largest proposal numbers. */
  readonly range: { readonly min: number; readonly max: number };
}

/** A catalogue that has a context, as the bundled EGN catalogue does (its loader checks it). */
export type CatalogueWithContext = Catalogue & { readonly context: CatalogueContext };

/** Whether `catalogue` has a context (the overview of a consultation). */
export function hasContext(catalogue: Catalogue): catalogue is CatalogueWithContext {
  return catalogue.context !== undefined;
}
