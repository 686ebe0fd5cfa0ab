import * as vscode from 'vscode';
import type { CatalogueError } from '../core/catalogueLoader';
import { CatalogueMessageCode, CatalogueTextRenderer, renderCatalogueText } from '../core/catalogueMessages';

/**
 * Each message about a catalogue file in the user's language: the English templates of
 * `CATALOGUE_MESSAGES` (core/catalogueMessages.ts, in the same order, as test/unit/catalogueMessages.test.ts
 * checks) as literal `vscode.l10n.t` calls, so that the l10n tooling finds them and
 * l10n/bundle.l10n.fr.json translates them.
 */
const TRANSLATED: { readonly [C in CatalogueMessageCode]: (a: readonly string[]) => string } = {
  atPath: (a) => vscode.l10n.t('{0}: {1}', a[0], a[1]),
  topLevel: (_a) => vscode.l10n.t('(top level)'),
  internalError: (a) => vscode.l10n.t('The catalogue could not be loaded because of an internal error: {0}', a[0]),
  notText: (a) => vscode.l10n.t('The catalogue must be given as text, got {0}.', a[0]),
  tooLarge: (a) => vscode.l10n.t('The catalogue file is too large: {0} of text, more than the {1} a catalogue may have. It was not parsed; check that this is the right file.', a[0], a[1]),
  sizeMegabytes: (a) => vscode.l10n.t('{0} MB', a[0]),
  sizeKilobytes: (a) => vscode.l10n.t('{0} KB', a[0]),
  empty: (_a) => vscode.l10n.t('The catalogue file is empty.'),
  notUtf8: (a) => vscode.l10n.t('The file is not valid UTF-8 text: it holds {0}, the replacement character a decoder puts for bytes that are not UTF-8. Save the catalogue as UTF-8.', a[0]),
  binaryControl: (a) => vscode.l10n.t('The file holds the control character {0}, which YAML does not allow: it looks like binary data, not a YAML catalogue.', a[0]),
  tooDeep: (a) => vscode.l10n.t('The file is nested more than {0} levels deep here; a catalogue needs about 10. It was not parsed: such depth is junk or an attack.', a[0]),
  tooManyTokens: (a) => vscode.l10n.t('The file has more than {0} YAML tokens (keys, values, punctuation) by here, where a catalogue of 40 proposals has about {1}. It was not parsed; check that this is the right file.', a[0], a[1]),
  tooManyFlows: (a) => vscode.l10n.t('The file opens more than {0} flow collections ([ or {2}) by here, more than a catalogue of {1} proposals needs. It was not parsed; check that this is the right file.', a[0], a[1], a[2]),
  aliasBomb: (a) => vscode.l10n.t('The file expands YAML aliases (*name) more than {0} times, the way "billion laughs" attacks exhaust memory; it was rejected. A catalogue needs no aliases.', a[0]),
  multipleDocuments: (_a) => vscode.l10n.t('The file holds more than one YAML document (a second "---"); a catalogue is a single document.'),
  tabIndent: (_a) => vscode.l10n.t('A tab is used for indentation; YAML indents with spaces only.'),
  yamlSyntax: (a) => vscode.l10n.t('YAML syntax error: {0}', a[0]),
  keyMissing: (_a) => vscode.l10n.t('A mapping key is missing or null; keys must be plain names such as "title".'),
  keyAlias: (_a) => vscode.l10n.t('A mapping key is an alias; keys must be plain names such as "title".'),
  keyList: (_a) => vscode.l10n.t('A mapping key is a list; keys must be plain names such as "title".'),
  keyMapping: (_a) => vscode.l10n.t('A mapping key is a mapping; keys must be plain names such as "title".'),
  duplicateKey: (a) => vscode.l10n.t('The key {0} appears twice in the same mapping; each key may appear only once.', a[0]),
  moreErrorsOne: (a) => vscode.l10n.t('{0} more error not shown.', a[0]),
  moreErrors: (a) => vscode.l10n.t('{0} more errors not shown.', a[0]),
  tooManyProposals: (a) => vscode.l10n.t('the catalogue has {0} proposals, more than the {1} a catalogue may have; split it into several files', a[0], a[1]),
  duplicateGroupId: (a) => vscode.l10n.t('the id "{0}" is already used by {1}; theme and sub-theme ids must be unique', a[0], a[1]),
  duplicateNumber: (a) => vscode.l10n.t('proposal number {0} is already used by {1}; each proposal appears once, in one group', a[0], a[1]),
  unknownTheme: (a) => vscode.l10n.t('unknown theme "{0}": {1}. The themes are: {2}', a[0], a[1], a[2]),
  noSuchTheme: (_a) => vscode.l10n.t('no theme has that id'),
  themeIsSubtheme: (_a) => vscode.l10n.t('that is a sub-theme, not a theme'),
  themeIsCommon: (_a) => vscode.l10n.t('that is the group of common proposals, not a theme'),
  endsBeforeStart: (a) => vscode.l10n.t('ends ({0}) before it starts ({1})', a[0], a[1]),
  missingNumber: (a) => vscode.l10n.t('proposal {0} is missing: numbers must run from 1 to {1} without gaps, each proposal in a group', a[0], a[1]),
  missingNumbers: (a) => vscode.l10n.t('proposals {0} to {1} are missing: numbers must run from 1 to {2} without gaps, each proposal in a group', a[0], a[1], a[2]),
  textBidi: (a) => vscode.l10n.t('the text holds {0} ({1}), a bidirectional control character that makes text display in another order than it reads; remove it', a[0], a[1]),
  keyBidi: (a) => vscode.l10n.t('the key holds {0} ({1}), a bidirectional control character that makes text display in another order than it reads; remove it', a[0], a[1]),
  textControl: (a) => vscode.l10n.t('the text holds the control character {0}, which a catalogue text may not contain (a YAML escape such as "\\u0000" puts it there); remove it', a[0]),
  keyControl: (a) => vscode.l10n.t('the key holds the control character {0}, which a catalogue text may not contain (a YAML escape such as "\\u0000" puts it there); remove it', a[0]),
  tooManyFiles: (a) => vscode.l10n.t('More than {0} catalogue files match the setting egn.catalogues.include; this one was not loaded. Narrow the setting or merge catalogues.', a[0]),
  prefixTaken: (a) => vscode.l10n.t('"{0}" is already used by {1}; this catalogue was not loaded. Choose another prefix.', a[0], a[1]),
  prefixOwnerBundled: (_a) => vscode.l10n.t('the bundled EGN catalogue'),
  prefixOwnerFile: (a) => vscode.l10n.t('the catalogue {0}', a[0]),
  expectedType: (a) => vscode.l10n.t('expected {0}, got {1}', a[0], a[1]),
  typeString: (_a) => vscode.l10n.t('a string'),
  typeInteger: (_a) => vscode.l10n.t('an integer'),
  typeNumber: (_a) => vscode.l10n.t('a number'),
  typeObject: (_a) => vscode.l10n.t('a mapping'),
  typeArray: (_a) => vscode.l10n.t('a list'),
  typeBoolean: (_a) => vscode.l10n.t('a boolean (true or false)'),
  typeNull: (_a) => vscode.l10n.t('null'),
  typeUnknown: (_a) => vscode.l10n.t('something else'),
  typeAlternatives: (a) => vscode.l10n.t('{0} or {1}', a[0], a[1]),
  mustBeOneOf: (a) => vscode.l10n.t('must be one of {0}, got {1}', a[0], a[1]),
  mustBe: (a) => vscode.l10n.t('must be {0}, got {1}', a[0], a[1]),
  mustMatchPattern: (a) => vscode.l10n.t('must match the pattern {0}, got {1}', a[0], a[1]),
  mustNotBeEmpty: (_a) => vscode.l10n.t('must not be empty'),
  minLength: (a) => vscode.l10n.t('must be at least {0} characters long, got {1}', a[0], a[1]),
  maxLength: (a) => vscode.l10n.t('must be at most {0} characters long, got {1}', a[0], a[1]),
  minimum: (a) => vscode.l10n.t('must be at least {0}, got {1}', a[0], a[1]),
  maximum: (a) => vscode.l10n.t('must be at most {0}, got {1}', a[0], a[1]),
  required: (a) => vscode.l10n.t('missing the required property "{0}"', a[0]),
  unknownProperty: (a) => vscode.l10n.t('unknown property "{0}"', a[0]),
  unknownPropertyDidYouMean: (a) => vscode.l10n.t('unknown property "{0}" (did you mean "{1}"?)', a[0], a[1]),
  unknownPropertyAllowed: (a) => vscode.l10n.t('unknown property "{0}" (allowed: {1})', a[0], a[1]),
  mustNotBeEmptyList: (_a) => vscode.l10n.t('must not be an empty list'),
  minItems: (a) => vscode.l10n.t('must have at least {0} items, got {1}', a[0], a[1]),
  maxItems: (a) => vscode.l10n.t('must have at most {0} items, got {1}', a[0], a[1]),
  uniqueItems: (a) => vscode.l10n.t('repeats item {0} ({1}); items must be unique', a[0], a[1]),
  oneOfNone: (a) => vscode.l10n.t('must match exactly one of {0} alternatives, but matches none', a[0]),
  oneOfSeveral: (a) => vscode.l10n.t('must match exactly one of {0} alternatives, but matches {1}', a[0], a[1]),
  anyOf: (_a) => vscode.l10n.t('matches none of the allowed forms'),
  not: (_a) => vscode.l10n.t('matches a form that is not allowed here'),
  otherKeyword: (a) => vscode.l10n.t('does not satisfy the schema keyword "{0}"', a[0]),
  valueNull: (_a) => vscode.l10n.t('null'),
  valueNothing: (_a) => vscode.l10n.t('nothing'),
  valueString: (a) => vscode.l10n.t('the string {0}', a[0]),
  valueInteger: (a) => vscode.l10n.t('the integer {0}', a[0]),
  valueNumber: (a) => vscode.l10n.t('the number {0}', a[0]),
  valueBoolean: (a) => vscode.l10n.t('the boolean {0}', a[0]),
  valueList: (_a) => vscode.l10n.t('a list'),
  valueDate: (_a) => vscode.l10n.t('a date (quote it to make it text)'),
  valueBinary: (_a) => vscode.l10n.t('binary data'),
  valueMapOrSet: (_a) => vscode.l10n.t('a YAML map or set with non-text keys'),
  valueMapping: (_a) => vscode.l10n.t('a mapping'),
  valueOther: (a) => vscode.l10n.t('a {0}', a[0]),
  verbatim: (a) => vscode.l10n.t('{0}', a[0]),
  schemaPrefix: (_a) => vscode.l10n.t('must be 2 to 12 ASCII letters or digits, starting with a letter (e.g. EGN or FRA)'),
  schemaVersion: (_a) => vscode.l10n.t('must be a short text on one line, quoted, such as "2024-09" or "1.2", at most 64 characters'),
  schemaSlug: (_a) => vscode.l10n.t('must be a lowercase slug of ASCII letters, digits and single hyphens (e.g. egal-acces), at most 64 characters'),
  schemaText: (_a) => vscode.l10n.t('must be non-empty text on one line, without leading or trailing spaces, at most 2000 characters'),
  schemaParagraph: (_a) => vscode.l10n.t('must be non-blank text, at most 10000 characters'),
  schemaUrl: (_a) => vscode.l10n.t('must be a web address starting with http:// or https://, at most 2000 characters'),
  schemaDate: (_a) => vscode.l10n.t('must be a quoted date "YYYY-MM-DD" or month "YYYY-MM"'),
  schemaIcon: (_a) => vscode.l10n.t('must be a codicon name such as organization or mortar-board'),
  schemaGroupContent: (_a) => vscode.l10n.t('must have either "subthemes" or "proposals", not both and not neither'),
  schemaProseNouns: (_a) => vscode.l10n.t('must be a list of one to ten nouns, such as [proposition]'),
  schemaProseNames: (_a) => vscode.l10n.t('must be a list of one to twenty names, such as [EGN]'),
  // The writer's words (the second argument), not the programmer's path the command line prints.
  placeNamed: (a) => vscode.l10n.t('{0}', a[1]),
  placeTopField: (a) => vscode.l10n.t('field {0}', a[0]),
  placeGroup: (a) => vscode.l10n.t('group {0}', a[0]),
  placeSubtheme: (a) => vscode.l10n.t('sub-theme {0} of group {1}', a[0], a[1]),
  placeProposal: (a) => vscode.l10n.t('proposal {0} of group {1}', a[0], a[1]),
  placeSubthemeProposal: (a) => vscode.l10n.t('proposal {0} of sub-theme {1} of group {2}', a[0], a[1], a[2]),
  placeField: (a) => vscode.l10n.t('{0}, field {1}', a[0], a[1]),
  unclosedQuote: (a) => vscode.l10n.t('The quoted text that starts here is never closed: add the closing {0} at its end.', a[0]),
};

/** Messages through `vscode.l10n.t`, numbers in the display language's way (`200 000` in French). */
const EDITOR_RENDERER: CatalogueTextRenderer = {
  message: (code, _template, args) => TRANSLATED[code](args),
  number: (n, fractionDigits) => {
    const options = { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
    try {
      return n.toLocaleString(vscode.env.language, options);
    } catch {
      // A display language Intl does not know (RangeError): the digits the CLI prints.
      return n.toLocaleString('en-US', options);
    }
  },
};

/** What is wrong in a catalogue file, in the user's language (its English `message` when it has no code). */
export function catalogueErrorText(error: CatalogueError): string {
  return error.text ? renderCatalogueText(error.text, EDITOR_RENDERER) : error.message;
}
