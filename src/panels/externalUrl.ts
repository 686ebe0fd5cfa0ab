import * as vscode from 'vscode';

/**
 * The address a panel may open, or undefined: only an absolute http or https URL. Catalogue files
 * are untrusted (the loader already refuses other schemes; this is checked again where the address
 * is used, so that no `javascript:`, `command:` or `file:` address is ever opened).
 */
export function externalUrl(url: string | undefined): vscode.Uri | undefined {
  if (url === undefined || !/^https?:\/\/[^\s]+$/i.test(url)) {
    return undefined;
  }
  try {
    const uri = vscode.Uri.parse(url, true);
    return (uri.scheme === 'http' || uri.scheme === 'https') && uri.authority.length > 0 ? uri : undefined;
  } catch {
    return undefined;
  }
}
