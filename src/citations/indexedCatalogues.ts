import * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';
import type { CatalogueSet } from '../core/catalogueSet';
import { createLinePrefilter } from '../core/candidateLines';
import { CitationIndex, ScannedReference, Subscription } from '../core/citationIndex';
import { Disposable } from '../core/dispose';
import type { FastFolderReader } from '../core/fastFolderReader';
import { MultiReferenceScanner } from '../core/multiReferenceScanner';
import { ReferenceScanner } from '../core/referenceScanner';
import { cataloguesWithProse, indexWholeTextReader, PROSE_OFF, type ProseSettings } from '../core/documentText';

/** The catalogues in use and their changes (`deps.catalogues`). */
export interface CatalogueSource {
  readonly current: CatalogueSet;
  readonly onDidChange: vscode.Event<unknown>;
}

/** Makes the fast reader of these catalogues (the host's `createFolderReader`). */
export type FolderReaderFactory = (catalogues: readonly Catalogue[]) => FastFolderReader | undefined;

/** `egn.prose.*` as the editor reads them (`OpenDocumentScans.prose`). */
export interface ProseSettingsSource {
  readonly current: ProseSettings;
  readonly onDidChange: vscode.Event<unknown>;
}

/** What a change of the catalogues in use did to the index. */
export type IndexedCataloguesChange =
  /** Same prefixes: only which citations exist may have changed (re-resolved at query time). */
  | 'existence'
  /** Other prefixes: a new, empty index (and reader) that must be filled again. */
  | 'replaced';

/**
 * Which catalogues the index reads, and the index and fast reader that go with them: chosen again
 * when the catalogues in use change. Position 0 is the bundled catalogue (`Citation.catalogue`).
 */
export class IndexedCatalogues extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<IndexedCataloguesChange>());
  /** Fires after the catalogues in use changed (see `IndexedCataloguesChange`). */
  readonly onDidChange = this.changed.event;
  private readonly contentChanged = this.register(new vscode.EventEmitter<void>());
  /** Fires after the current index's content changed. */
  readonly onDidChangeContent = this.contentChanged.event;
  #index: CitationIndex;
  private indexSubscription: Subscription;
  /** The versions used by the indexes replaced so far (see `version`). */
  private versionBase = 0;
  #list: readonly Catalogue[];
  #reader: FastFolderReader | undefined;

  constructor(
    private readonly catalogue: Catalogue,
    private readonly scanner: ReferenceScanner,
    reader: FastFolderReader | undefined,
    private readonly catalogues?: CatalogueSource,
    private readonly createReader?: FolderReaderFactory,
    private readonly prose?: ProseSettingsSource,
  ) {
    super();
    this.#reader = reader;
    this.#list = this.cataloguesInUse();
    // A reader for the list, unless the one given reads it (one catalogue, prose settings as its file says).
    if ((this.#list.length > 1 || this.#list[0] !== catalogue) && createReader) {
      this.#reader?.dispose();
      this.#reader = createReader(this.#list);
    }
    this.#index = this.makeIndex();
    this.indexSubscription = this.#index.onDidChange(() => this.contentChanged.fire());
    this.register({ dispose: () => { this.indexSubscription.dispose(); this.#reader?.dispose(); } });
    if (catalogues) {
      this.register(catalogues.onDidChange(() => this.onCataloguesChanged()));
    }
    // New egn.prose.* settings read every document again.
    if (prose) {
      this.register(prose.onDidChange(() => this.onCataloguesChanged(true)));
    }
  }

  /** The catalogues the index covers, bundled first. */
  get list(): readonly Catalogue[] {
    return this.#list;
  }

  get index(): CitationIndex {
    return this.#index;
  }

  /** The fast reader of these catalogues, when the host has one. */
  get reader(): FastFolderReader | undefined {
    return this.#reader;
  }

  /** Monotonic across the indexes this one replaced: callers cache answers by version. */
  get version(): number {
    return this.versionBase + this.#index.version;
  }

  /** The position of the catalogue of `prefix` in the index (ignoring case), if indexed. */
  positionOf(prefix: string): number | undefined {
    const key = prefix.toUpperCase();
    const k = this.#list.findIndex((c) => c.prefix.toUpperCase() === key);
    return k < 0 ? undefined : k;
  }

  /** The catalogues to index, bundled first, with the prose vocabulary the settings give them. */
  private cataloguesInUse(): readonly Catalogue[] {
    return cataloguesWithProse(this.cataloguesInUseAsLoaded(), this.prose?.current ?? PROSE_OFF);
  }

  /** The catalogues in use as loaded; `catalogue` alone without a catalogue source. */
  private cataloguesInUseAsLoaded(): readonly Catalogue[] {
    const set = this.catalogues?.current;
    if (!set || set.bundled?.catalogue.prefix.toUpperCase() !== this.catalogue.prefix.toUpperCase()) {
      return [this.catalogue];
    }
    // The bundled catalogue is the one the extension was given (`deps.catalogue`), at position 0.
    return [this.catalogue, ...set.catalogues.filter((c) => c !== set.bundled).map((c) => c.catalogue)];
  }

  /** An index of `list`: one catalogue keeps the one scanner; several are read in one pass. */
  private makeIndex(): CitationIndex {
    const list = this.#list;
    let scan: (text: string) => readonly ScannedReference[];
    if (list.length === 1) {
      scan = (text) => this.scanner.scan(text);
    } else {
      const multi = new MultiReferenceScanner(
        list.map((c, position) => ({
          prefix: c.prefix,
          scanner: position === 0 ? this.scanner : new ReferenceScanner(c.prefix, (n) => c.byNumber(n) !== undefined),
          catalogue: position,
        })),
      );
      scan = (text) => multi.scan(text);
    }
    // The prefilter also keeps the lines of prose needles; lines are scanned for ids and titles, and
    // a text holding a noun is read whole (src/core/documentText.ts).
    const whole = indexWholeTextReader(scan, list);
    // Read at query time: a catalogue whose proposals changed (same prefix) needs no rescan.
    return new CitationIndex(whole?.scanLine ?? scan, (n, position) => this.#list[position]?.byNumber(n) !== undefined, createLinePrefilter([...list.map((c) => c.prefix), ...(whole?.lineNeedles ?? [])]), whole);
  }

  /**
   * A new set of catalogues: when the prefixes are the same, only which citations exist may have
   * changed; otherwise a new index and reader, to be filled with every document read again.
   */
  private onCataloguesChanged(proseChanged = false): void {
    const before = this.#list.map((c) => c.prefix.toUpperCase()).join('\n');
    const list = this.cataloguesInUse();
    this.#list = list;
    if (!proseChanged && list.map((c) => c.prefix.toUpperCase()).join('\n') === before) {
      this.#index.existenceChanged();
      this.changed.fire('existence');
      return;
    }
    if (this.createReader) {
      this.#reader?.dispose();
      this.#reader = this.createReader(list);
    }
    this.indexSubscription.dispose();
    this.versionBase += this.#index.version + 1;
    this.#index = this.makeIndex();
    this.indexSubscription = this.#index.onDidChange(() => this.contentChanged.fire());
    this.changed.fire('replaced');
  }
}
