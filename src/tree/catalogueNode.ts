import type { Proposal, SubTheme, Theme } from '../core/catalogue';
import type { CatalogueProblem, LoadedCatalogue } from '../core/catalogueSet';

/**
 * A row of the catalogue tree: a thin wrapper around one model object, so that commands run from
 * the tree receive `{ proposal }` (the argument contract shared with `egn.insertReference` and
 * `egn.findCitations`). `id` is the stable tree id. The bundled EGN catalogue keeps the ids it has
 * always had (`theme:<id>`, `subtheme:<id>`, `proposal:EGN-12`); a workspace catalogue's group ids
 * carry its prefix (`theme:FRA:<id>`), since two catalogues may use the same group id, and its
 * proposals are `proposal:FRA-2` (prefixes are unique). A catalogue's root row is `catalogue:<PREFIX>`.
 */
export type CatalogueNode =
  | { readonly kind: 'catalogue'; readonly id: string; readonly loaded: LoadedCatalogue }
  | { readonly kind: 'theme'; readonly id: string; readonly theme: Theme }
  | { readonly kind: 'subtheme'; readonly id: string; readonly subtheme: SubTheme }
  | { readonly kind: 'proposal'; readonly id: string; readonly proposal: Proposal }
  /** A workspace catalogue file that did not load (`failed:<uri>`): its row opens the Problems view. */
  | { readonly kind: 'failedCatalogue'; readonly id: string; readonly problem: CatalogueProblem };
