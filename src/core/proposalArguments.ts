import type { Catalogue, Proposal } from './catalogue';
import { CatalogueSet, LoadedCatalogue } from './catalogueSet';

/**
 * Where arguments are looked up: one catalogue (ids and numbers are its own), or the set of
 * catalogues in use (an id of any prefix, `FRA-2`; a bare number is the bundled EGN catalogue's, as
 * it always has been).
 */
export type ProposalSource = Catalogue | CatalogueSet;

/** A proposal of a catalogue in use, with that catalogue (its prefix, its source). */
export interface CatalogueProposal {
  readonly catalogue: LoadedCatalogue;
  readonly proposal: Proposal;
}

/** What `proposalsFromArguments` made of a command's arguments. */
export type ProposalArguments =
  | { readonly kind: 'none' }
  | { readonly kind: 'proposals'; readonly proposals: readonly Proposal[] }
  | { readonly kind: 'invalid'; readonly value: string };

/**
 * The proposals a command's arguments name: `'EGN-12'` (or `'FRA-2'` in a set), `12`, a `Proposal`,
 * a tree node (`{ proposal }`), or an array of those. A tree's context menu passes the clicked node
 * and then the selected nodes: the selection wins when it holds the clicked node.
 */
export function proposalsFromArguments(source: ProposalSource, args: readonly unknown[]): ProposalArguments {
  const catalogue = lookupOf(source);
  const [first, second] = args;
  if (first === undefined || first === null) {
    return { kind: 'none' };
  }
  if (Array.isArray(second)) {
    // A tree selection may mix themes and proposals: the proposals in it are what the writer meant.
    const selected = second.map((v) => proposalOf(catalogue, v)).filter((p): p is Proposal => p !== undefined);
    if (selected.length > 0) {
      return { kind: 'proposals', proposals: selected };
    }
  }
  const value = Array.isArray(first) ? first : [first];
  if (value.length === 0) {
    return { kind: 'none' };
  }
  const proposals: Proposal[] = [];
  for (const v of value) {
    const p = proposalOf(catalogue, v);
    if (!p) {
      return { kind: 'invalid', value: describe(v) };
    }
    proposals.push(p);
  }
  return { kind: 'proposals', proposals };
}

/**
 * The one proposal a command argument names: `'EGN-12'` (or `'FRA-2'` in a set), `12`, a `Proposal`
 * or anything with an `id` or a `number`, or a tree node / panel message with a `proposal` field
 * holding one of those. The one resolver of proposal arguments, for every command.
 */
export function proposalFromArgument(source: ProposalSource, v: unknown): Proposal | undefined {
  return proposalOf(lookupOf(source), v);
}

/**
 * `proposalFromArgument` over the catalogues in use, with the catalogue the proposal is of (for a
 * command that needs its prefix or its source: find citations, a proposal panel).
 */
export function catalogueProposalFromArgument(set: CatalogueSet, v: unknown): CatalogueProposal | undefined {
  return proposalOf(setLookup(set), v);
}

/** How ids and numbers are looked up, to a proposal (`T = Proposal`) or a proposal with its catalogue. */
interface Lookup<T> {
  byId(id: string): T | undefined;
  byNumber(n: number): T | undefined;
}

function setLookup(set: CatalogueSet): Lookup<CatalogueProposal> {
  return {
    byId: (id) => set.proposal(id),
    byNumber: (n) => {
      const bundled = set.bundled;
      const proposal = bundled?.catalogue.byNumber(n);
      return bundled && proposal && { catalogue: bundled, proposal };
    },
  };
}

function lookupOf(source: ProposalSource): Lookup<Proposal> {
  if (source instanceof CatalogueSet) {
    const found = setLookup(source);
    return { byId: (id) => found.byId(id)?.proposal, byNumber: (n) => found.byNumber(n)?.proposal };
  }
  return source;
}

function proposalOf<T>(catalogue: Lookup<T>, v: unknown): T | undefined {
  if (typeof v === 'string') {
    return catalogue.byId(v.trim());
  }
  if (typeof v === 'number') {
    return Number.isInteger(v) ? catalogue.byNumber(v) : undefined;
  }
  if (typeof v === 'object' && v !== null) {
    if ('proposal' in v) {
      return proposalOf(catalogue, (v as { proposal: unknown }).proposal);
    }
    // A proposal's id says which catalogue it is of; its number alone does not (`FRA-3` is not
    // `EGN-3`): an object with an id is resolved by it, never by its number.
    if ('id' in v && typeof (v as { id: unknown }).id === 'string') {
      return proposalOf(catalogue, (v as { id: string }).id);
    }
    if ('number' in v) {
      return proposalOf(catalogue, (v as { number: unknown }).number);
    }
    if ('id' in v) {
      return proposalOf(catalogue, (v as { id: unknown }).id);
    }
  }
  return undefined;
}

/** A short printable form of a bad argument, for the error message. */
function describe(v: unknown): string {
  let text: string;
  try {
    text = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
