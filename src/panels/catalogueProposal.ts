import type { Proposal } from '../core/catalogue';
import { BUNDLED_SOURCE, CatalogueSet, LoadedCatalogue } from '../core/catalogueSet';
import { proposalFromArgument } from '../core/proposalArguments';
import type { ExtensionDeps } from '../deps';

/** A proposal of any catalogue in use, with its catalogue. */
export interface CatalogueProposal {
  readonly catalogue: LoadedCatalogue;
  readonly proposal: Proposal;
}

/** The catalogues in use: the workspace's set, or the bundled catalogue alone when there is none. */
export function cataloguesInUse(deps: ExtensionDeps): CatalogueSet {
  return deps.catalogues?.current ?? CatalogueSet.of([{ catalogue: deps.catalogue, source: BUNDLED_SOURCE }]);
}

/**
 * The proposal a command argument names, in any catalogue in use: an id of any prefix (`'FRA-2'`,
 * `'EGN-12'`), a `Proposal` or a tree node (`{ proposal }`), by its id; a bare number (`12`) names
 * an EGN proposal, as it always has (`proposalFromArgument`).
 */
export function findProposal(deps: ExtensionDeps, arg: unknown): CatalogueProposal | undefined {
  const set = cataloguesInUse(deps);
  const id = idOf(arg);
  if (id !== undefined) {
    const found = set.proposal(id);
    if (found) {
      return found;
    }
  }
  const proposal = proposalFromArgument(deps.catalogue, arg);
  const bundled = set.bundled;
  return proposal && bundled && bundled.catalogue.byId(proposal.id) === proposal ? { catalogue: bundled, proposal } : undefined;
}

function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') {
    return v.trim();
  }
  if (typeof v === 'object' && v !== null) {
    if ('proposal' in v) {
      return idOf((v as { proposal: unknown }).proposal);
    }
    if ('id' in v && typeof (v as { id: unknown }).id === 'string') {
      return (v as { id: string }).id.trim();
    }
  }
  return undefined;
}
