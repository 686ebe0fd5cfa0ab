import * as vscode from 'vscode';
import { SETTING_DEFAULTS } from '../core/generated/settingDefaults';
import { createFileFilter, enabledPatterns, FileFilter } from '../core/globMatcher';
import { OFFICE_GLOB } from './officeDocuments';

/** The filter of one workspace folder, from that folder's settings. */
export interface FolderFilter {
  readonly folder: vscode.WorkspaceFolder;
  readonly include: string;
  readonly exclude: string;
  /** `egn.index.exclude` and the enabled `files.exclude` patterns. */
  readonly excludes: readonly string[];
  readonly maxFileSize: number;
  /** Text files only when Office documents are read by their own reader (`officeFilter` picks those). */
  readonly filter: FileFilter;
  /** Word, LibreOffice and PDF documents under the same settings (`src/citations/officeIndexing.ts`). */
  readonly officeFilter: FileFilter;
}

/**
 * The index filter of every workspace folder (by folder URI), from each folder's own settings. With
 * `office`, the text readers leave Word, LibreOffice and PDF documents to the Office reader.
 */
export function readIndexFilters(office = false): Map<string, FolderFilter> {
  const filters = new Map<string, FolderFilter>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const egn = vscode.workspace.getConfiguration('egn.index', folder);
    const include = egn.get<string>('include', SETTING_DEFAULTS['egn.index.include']);
    const exclude = egn.get<string>('exclude', SETTING_DEFAULTS['egn.index.exclude']);
    const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude');
    // A catalogue file is no citing document, whatever egn.index.include takes in: its own comments
    // (the starter's « here FRA-1 ») and ids would count as citations.
    const catalogueFiles = vscode.workspace.getConfiguration('egn.catalogues', folder).get<string>('include', SETTING_DEFAULTS['egn.catalogues.include']);
    const excludes = [exclude, catalogueFiles, ...enabledPatterns(filesExclude)].filter((p) => p.trim().length > 0);
    const maxFileSize = egn.get<number>('maxFileSize', SETTING_DEFAULTS['egn.index.maxFileSize']);
    const textExcludes = office ? [...excludes, OFFICE_GLOB] : excludes;
    const filter = createFileFilter({ include, exclude: textExcludes, maxFileSize });
    const officeFilter = createFileFilter({ include, exclude: excludes, maxFileSize });
    filters.set(folder.uri.toString(), { folder, include, exclude, excludes: textExcludes, maxFileSize, filter, officeFilter });
  }
  return filters;
}

/** Whether a settings change asks for another index (`egn.index.include`, `exclude`, `maxFileSize`, `files.exclude`). */
export function affectsIndexFilters(e: vscode.ConfigurationChangeEvent): boolean {
  return ['include', 'exclude', 'maxFileSize'].some((k) => e.affectsConfiguration(`egn.index.${k}`)) || e.affectsConfiguration('files.exclude') || e.affectsConfiguration('egn.catalogues.include');
}

/** The filter of the folder of `uri` when it accepts `uri`, under that folder's settings. */
export function acceptingFilter(filters: ReadonlyMap<string, FolderFilter>, uri: vscode.Uri): FolderFilter | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const f = folder && filters.get(folder.uri.toString());
  return f && f.filter.accepts(relativePath(f.folder, uri)) ? f : undefined;
}

/** The POSIX path of `uri` relative to its workspace folder. */
export function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path.replace(/^\/+/, '');
}
