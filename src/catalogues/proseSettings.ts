import * as vscode from 'vscode';
import { Disposable } from '../core/dispose';
import { PROSE_DEFAULTS, type ProseSettings } from '../core/documentText';

/** Longest list of names `egn.prose.names` gives the grammar; more would only slow every paragraph. */
const MAX_NAMES = 20;

/**
 * The prose settings (`egn.prose.enabled`, `egn.prose.names`), read again when they change: a new
 * object each time, so that the document scans made with the old one are seen as stale.
 */
export class ProseSettingsWatch extends Disposable {
  private value = readProseSettings();
  private readonly changed = this.register(new vscode.EventEmitter<ProseSettings>());
  /** Fires with the new settings after a change of either. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('egn.prose')) {
        this.value = readProseSettings();
        this.changed.fire(this.value);
      }
    }));
  }

  get current(): ProseSettings {
    return this.value;
  }
}

/** The settings as the user gave them; a value of the wrong type counts as the default. */
function readProseSettings(): ProseSettings {
  const config = vscode.workspace.getConfiguration('egn.prose');
  const enabled = config.get<unknown>('enabled', true) !== false;
  const raw = config.get<unknown>('names', []);
  const names = Array.isArray(raw)
    ? raw.filter((n): n is string => typeof n === 'string').map((n) => n.trim()).filter((n) => n.length >= 2).slice(0, MAX_NAMES)
    : [];
  return enabled && names.length === 0 ? PROSE_DEFAULTS : Object.freeze({ enabled, names: Object.freeze(names) });
}
