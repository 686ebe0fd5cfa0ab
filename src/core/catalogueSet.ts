import type { Catalogue, Proposal } from './catalogue';
import { CatalogueError, LoadResult, pathError, positionOfPath, said } from './catalogueLoader';
import { catalogueText } from './catalogueMessages';
import { parseProposalId } from './catalogueModel';
import { MultiReferenceScanner } from './multiReferenceScanner';
import { ReferenceScanner } from './referenceScanner';

/** The source of the catalogue shipped with the extension (data/egn-2020.yaml). */
export const BUNDLED_SOURCE = 'bundled';

/**
 * How many workspace catalogue files are loaded, and how large each may be (the loader bounds the
 * rest: 1 MB of text, 5,000 proposals, parse time). Catalogues load in untrusted workspaces too.
 */
export const CATALOGUE_SET_LIMITS = Object.freeze({
  maxFiles: 20,
  /** Bytes on disk; a larger file is not read at all. */
  maxFileBytes: 1024 * 1024,
});

/** A catalogue in use, with where it comes from and its scanner. */
export interface LoadedCatalogue {
  readonly catalogue: Catalogue;
  /** `BUNDLED_SOURCE`, or the URI (as a string) of the workspace file. */
  readonly source: string;
  /** The scanner of its prefix (the one grammar of references). */
  readonly scanner: ReferenceScanner;
}

/** A workspace catalogue file once read and loaded: its text is kept to place later errors. */
export interface CatalogueFileLoad {
  /** The file's URI, as a string. */
  readonly source: string;
  readonly text: string;
  readonly result: LoadResult;
}

/** A file that was not loaded, or that loaded and was rejected, with its errors. */
export interface CatalogueProblem {
  readonly source: string;
  readonly errors: readonly CatalogueError[];
}

/** The outcome of `CatalogueSet.resolve`. */
export interface ResolvedCatalogues {
  readonly set: CatalogueSet;
  /** One entry per file with errors (syntax, schema, duplicate prefix, over the file limit). */
  readonly problems: readonly CatalogueProblem[];
}

/**
 * The catalogues in use: the bundled EGN catalogue first, then the workspace's, each prefix owned
 * by one catalogue (compared ignoring case, as references are). Immutable: a change of files makes
 * a new set (see `resolve`), which glue announces with an event.
 */
export class CatalogueSet {
  /** Every reference of every catalogue, each with its `LoadedCatalogue`. */
  readonly scanner: MultiReferenceScanner<LoadedCatalogue>;
  private readonly byPrefixKey: ReadonlyMap<string, LoadedCatalogue>;
  private readonly longestPrefixFirst: readonly LoadedCatalogue[];

  private constructor(readonly catalogues: readonly LoadedCatalogue[]) {
    this.byPrefixKey = new Map(catalogues.map((c) => [c.catalogue.prefix.toUpperCase(), c]));
    this.longestPrefixFirst = [...catalogues].sort((a, b) => b.catalogue.prefix.length - a.catalogue.prefix.length);
    this.scanner = new MultiReferenceScanner(catalogues.map((c) => ({ prefix: c.catalogue.prefix, scanner: c.scanner, catalogue: c })));
    Object.freeze(this);
  }

  /** A set of the given catalogues, in order; they must have distinct prefixes. */
  static of(catalogues: readonly { catalogue: Catalogue; source: string }[]): CatalogueSet {
    return new CatalogueSet(Object.freeze(catalogues.map((c) => Object.freeze({ ...c, scanner: scannerFor(c.catalogue) }))));
  }

  /**
   * The set made of the bundled catalogue and the loaded workspace files, and the problems of the
   * files left out. Rules, decided here only:
   * - the bundled catalogue comes first and keeps its prefix (`EGN`);
   * - files are taken in a stable order: those that owned a prefix in `previous` first (so that
   *   creating a second catalogue with a prefix never takes it from the one in use, nor does saving
   *   the first again), then by URI;
   * - at most `CATALOGUE_SET_LIMITS.maxFiles` files; the others are reported;
   * - a file whose prefix is already owned is rejected, with an error on its `prefix` line;
   * - a file that did not load is reported with its own errors, and no part of it is used.
   */
  static resolve(bundled: Catalogue | undefined, files: readonly CatalogueFileLoad[], previous?: CatalogueSet): ResolvedCatalogues {
    const accepted: { catalogue: Catalogue; source: string }[] = bundled ? [{ catalogue: bundled, source: BUNDLED_SOURCE }] : [];
    const owner = new Map<string, string>(bundled ? [[bundled.prefix.toUpperCase(), BUNDLED_SOURCE]] : []);
    const problems: CatalogueProblem[] = [];
    const ownedBefore = (f: CatalogueFileLoad): boolean =>
      f.result.ok && previous?.byPrefix(f.result.catalogue.prefix)?.source === f.source;
    const ordered = [...files].sort((a, b) => Number(ownedBefore(b)) - Number(ownedBefore(a)) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));

    ordered.forEach((file, i) => {
      if (i >= CATALOGUE_SET_LIMITS.maxFiles) {
        problems.push({ source: file.source, errors: [{ line: 1, column: 1, ...said(catalogueText('tooManyFiles', CATALOGUE_SET_LIMITS.maxFiles)) }] });
        return;
      }
      if (!file.result.ok) {
        problems.push({ source: file.source, errors: file.result.errors });
        return;
      }
      const catalogue = file.result.catalogue;
      const key = catalogue.prefix.toUpperCase();
      const taken = owner.get(key);
      if (taken !== undefined) {
        const by = taken === BUNDLED_SOURCE ? catalogueText('prefixOwnerBundled') : catalogueText('prefixOwnerFile', fileName(taken));
        problems.push({
          source: file.source,
          errors: [pathError(['prefix'], catalogueText('prefixTaken', catalogue.prefix, by), positionOfPath(file.text, ['prefix']))],
        });
        return;
      }
      owner.set(key, file.source);
      accepted.push({ catalogue, source: file.source });
    });
    return { set: CatalogueSet.of(accepted), problems };
  }

  /** The catalogue whose prefix is `prefix`, ignoring case. */
  byPrefix(prefix: string): LoadedCatalogue | undefined {
    return this.byPrefixKey.get(prefix.toUpperCase());
  }

  /** The catalogue loaded from `source` (`BUNDLED_SOURCE` or a file URI). */
  bySource(source: string): LoadedCatalogue | undefined {
    return this.catalogues.find((c) => c.source === source);
  }

  /** The bundled catalogue, when it loaded. */
  get bundled(): LoadedCatalogue | undefined {
    return this.bySource(BUNDLED_SOURCE);
  }

  /** The proposal an id names (`FRA-2`, `egn 12`), with its catalogue; undefined for an unknown one. */
  proposal(id: string): { readonly catalogue: LoadedCatalogue; readonly proposal: Proposal } | undefined {
    // `parseProposalId` needs the whole prefix then a number, so `FR` does not read `FRA-2`; where
    // two could (`FRA25`: FRA 25 or FRA2 5), the longer prefix wins.
    for (const c of this.longestPrefixFirst) {
      if (parseProposalId(id, c.catalogue.prefix) !== undefined) {
        const proposal = c.catalogue.byId(id);
        return proposal ? { catalogue: c, proposal } : undefined;
      }
    }
    return undefined;
  }
}

function scannerFor(catalogue: Catalogue): ReferenceScanner {
  return new ReferenceScanner(catalogue.prefix, (n) => catalogue.byNumber(n) !== undefined);
}

/** The last segment of a URI or path, decoded, for a message or a tooltip. */
export function fileName(source: string): string {
  const last = source.slice(source.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
