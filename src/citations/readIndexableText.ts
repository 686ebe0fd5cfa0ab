import * as vscode from 'vscode';
import { FileFilter, isProbablyBinary } from '../core/globMatcher';
import { decode } from '../core/indexBuilder';

/**
 * The text of a workspace file for the index, or undefined when it must not be indexed: missing,
 * not a file, over `egn.index.maxFileSize`, or binary. Reads through `vscode.workspace.fs`, which
 * works in remote and virtual workspaces alike.
 */
export async function readIndexableText(fs: vscode.FileSystem, uri: vscode.Uri, filter: FileFilter): Promise<string | undefined> {
  try {
    const stat = await fs.stat(uri);
    if (!(stat.type & vscode.FileType.File) || !filter.acceptsSize(stat.size)) {
      return undefined;
    }
    const bytes = await fs.readFile(uri);
    if (!filter.acceptsSize(bytes.length) || isProbablyBinary(bytes)) {
      return undefined;
    }
    return decode(bytes);
  } catch {
    // Deleted between the listing and the read, or unreadable: not part of the workspace's text.
    return undefined;
  }
}
