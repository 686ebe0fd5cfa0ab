import type { Proposal, SubTheme, Theme } from '../core/catalogue';

/**
 * A row of the catalogue tree: a thin wrapper around one model object, so that commands run from
 * the tree receive `{ proposal }` (the argument contract shared with `egn.insertReference` and
 * `egn.findCitations`). `id` is the stable tree id: `theme:<id>`, `subtheme:<id>`, `proposal:EGN-12`.
 */
export type CatalogueNode =
  | { readonly kind: 'theme'; readonly id: string; readonly theme: Theme }
  | { readonly kind: 'subtheme'; readonly id: string; readonly subtheme: SubTheme }
  | { readonly kind: 'proposal'; readonly id: string; readonly proposal: Proposal };
