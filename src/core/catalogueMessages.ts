/*
 * The messages about a catalogue file (loader, schema, set of catalogues), as codes with arguments,
 * so that the editor can show them in the user's language while the core stays free of `vscode`.
 * `CATALOGUE_MESSAGES` holds the English template of each code; the command line prints that English
 * (`renderCatalogueText`), and the editor translates the same template through `vscode.l10n.t`
 * (src/catalogues/catalogueErrorText.ts, checked against this table by a unit test).
 */

/** English template of each message, by code; `{0}`, `{1}`… are its arguments. */
export const CATALOGUE_MESSAGES = Object.freeze({
  atPath: '{0}: {1}',
  topLevel: '(top level)',
  internalError: 'The catalogue could not be loaded because of an internal error: {0}',
  notText: 'The catalogue must be given as text, got {0}.',
  tooLarge: 'The catalogue file is too large: {0} of text, more than the {1} a catalogue may have. It was not parsed; check that this is the right file.',
  sizeMegabytes: '{0} MB',
  sizeKilobytes: '{0} KB',
  empty: 'The catalogue file is empty.',
  notUtf8: 'The file is not valid UTF-8 text: it holds {0}, the replacement character a decoder puts for bytes that are not UTF-8. Save the catalogue as UTF-8.',
  binaryControl: 'The file holds the control character {0}, which YAML does not allow: it looks like binary data, not a YAML catalogue.',
  tooDeep: 'The file is nested more than {0} levels deep here; a catalogue needs about 10. It was not parsed: such depth is junk or an attack.',
  tooManyTokens: 'The file has more than {0} YAML tokens (keys, values, punctuation) by here, where a catalogue of 40 proposals has about {1}. It was not parsed; check that this is the right file.',
  // `{2}` is `{`: VS Code's l10n would read a bare brace as the start of a placeholder.
  tooManyFlows: 'The file opens more than {0} flow collections ([ or {2}) by here, more than a catalogue of {1} proposals needs. It was not parsed; check that this is the right file.',
  aliasBomb: 'The file expands YAML aliases (*name) more than {0} times, the way "billion laughs" attacks exhaust memory; it was rejected. A catalogue needs no aliases.',
  multipleDocuments: 'The file holds more than one YAML document (a second "---"); a catalogue is a single document.',
  tabIndent: 'A tab is used for indentation; YAML indents with spaces only.',
  yamlSyntax: 'YAML syntax error: {0}',
  keyMissing: 'A mapping key is missing or null; keys must be plain names such as "title".',
  keyAlias: 'A mapping key is an alias; keys must be plain names such as "title".',
  keyList: 'A mapping key is a list; keys must be plain names such as "title".',
  keyMapping: 'A mapping key is a mapping; keys must be plain names such as "title".',
  duplicateKey: 'The key {0} appears twice in the same mapping; each key may appear only once.',
  moreErrorsOne: '{0} more error not shown.',
  moreErrors: '{0} more errors not shown.',
  tooManyProposals: 'the catalogue has {0} proposals, more than the {1} a catalogue may have; split it into several files',
  duplicateGroupId: 'the id "{0}" is already used by {1}; theme and sub-theme ids must be unique',
  duplicateNumber: 'proposal number {0} is already used by {1}; each proposal appears once, in one group',
  unknownTheme: 'unknown theme "{0}": {1}. The themes are: {2}',
  noSuchTheme: 'no theme has that id',
  themeIsSubtheme: 'that is a sub-theme, not a theme',
  themeIsCommon: 'that is the group of common proposals, not a theme',
  endsBeforeStart: 'ends ({0}) before it starts ({1})',
  missingNumber: 'proposal {0} is missing: numbers must run from 1 to {1} without gaps, each proposal in a group',
  missingNumbers: 'proposals {0} to {1} are missing: numbers must run from 1 to {2} without gaps, each proposal in a group',
  textBidi: 'the text holds {0} ({1}), a bidirectional control character that makes text display in another order than it reads; remove it',
  keyBidi: 'the key holds {0} ({1}), a bidirectional control character that makes text display in another order than it reads; remove it',
  textControl: 'the text holds the control character {0}, which a catalogue text may not contain (a YAML escape such as "\\u0000" puts it there); remove it',
  keyControl: 'the key holds the control character {0}, which a catalogue text may not contain (a YAML escape such as "\\u0000" puts it there); remove it',
  tooManyFiles: 'More than {0} catalogue files match the setting egn.catalogues.include; this one was not loaded. Narrow the setting or merge catalogues.',
  prefixTaken: '"{0}" is already used by {1}; this catalogue was not loaded. Choose another prefix.',
  prefixOwnerBundled: 'the bundled EGN catalogue',
  prefixOwnerFile: 'the catalogue {0}',
  expectedType: 'expected {0}, got {1}',
  typeString: 'a string',
  typeInteger: 'an integer',
  typeNumber: 'a number',
  typeObject: 'a mapping',
  typeArray: 'a list',
  typeBoolean: 'a boolean (true or false)',
  typeNull: 'null',
  typeUnknown: 'something else',
  typeAlternatives: '{0} or {1}',
  mustBeOneOf: 'must be one of {0}, got {1}',
  mustBe: 'must be {0}, got {1}',
  mustMatchPattern: 'must match the pattern {0}, got {1}',
  mustNotBeEmpty: 'must not be empty',
  minLength: 'must be at least {0} characters long, got {1}',
  maxLength: 'must be at most {0} characters long, got {1}',
  minimum: 'must be at least {0}, got {1}',
  maximum: 'must be at most {0}, got {1}',
  required: 'missing the required property "{0}"',
  unknownProperty: 'unknown property "{0}"',
  unknownPropertyDidYouMean: 'unknown property "{0}" (did you mean "{1}"?)',
  unknownPropertyAllowed: 'unknown property "{0}" (allowed: {1})',
  mustNotBeEmptyList: 'must not be an empty list',
  minItems: 'must have at least {0} items, got {1}',
  maxItems: 'must have at most {0} items, got {1}',
  uniqueItems: 'repeats item {0} ({1}); items must be unique',
  oneOfNone: 'must match exactly one of {0} alternatives, but matches none',
  oneOfSeveral: 'must match exactly one of {0} alternatives, but matches {1}',
  anyOf: 'matches none of the allowed forms',
  not: 'matches a form that is not allowed here',
  otherKeyword: 'does not satisfy the schema keyword "{0}"',
  valueNull: 'null',
  valueNothing: 'nothing',
  valueString: 'the string {0}',
  valueInteger: 'the integer {0}',
  valueNumber: 'the number {0}',
  valueBoolean: 'the boolean {0}',
  valueList: 'a list',
  valueDate: 'a date (quote it to make it text)',
  valueBinary: 'binary data',
  valueMapOrSet: 'a YAML map or set with non-text keys',
  valueMapping: 'a mapping',
  valueOther: 'a {0}',
  /** A message of the schema that has no code of its own yet: said as it is, in English. */
  verbatim: '{0}',
  // The `errorMessage`s of data/catalogue.schema.json (a unit test checks each has its code).
  schemaPrefix: 'must be 2 to 12 ASCII letters or digits, starting with a letter (e.g. EGN or FRA)',
  schemaVersion: 'must be a short text on one line, quoted, such as "2024-09" or "1.2", at most 64 characters',
  schemaSlug: 'must be a lowercase slug of ASCII letters, digits and single hyphens (e.g. egal-acces), at most 64 characters',
  schemaText: 'must be non-empty text on one line, without leading or trailing spaces, at most 2000 characters',
  schemaParagraph: 'must be non-blank text, at most 10000 characters',
  schemaUrl: 'must be a web address starting with http:// or https://, at most 2000 characters',
  schemaDate: 'must be a quoted date "YYYY-MM-DD" or month "YYYY-MM"',
  schemaIcon: 'must be a codicon name such as organization or mortar-board',
  schemaGroupContent: 'must have either "subthemes" or "proposals", not both and not neither',
  schemaProseNouns: 'must be a list of one to ten nouns, such as [proposition]',
  schemaProseNames: 'must be a list of one to twenty names, such as [EGN]',
  // Where a fault is, as a writer names it (core/cataloguePlace.ts). `placeNamed` is the programmer's path
  // in English (what the command line prints); the editor shows its second argument, the writer's words.
  placeNamed: '{0}',
  placeTopField: 'field {0}',
  placeGroup: 'group {0}',
  placeSubtheme: 'sub-theme {0} of group {1}',
  placeProposal: 'proposal {0} of group {1}',
  placeSubthemeProposal: 'proposal {0} of sub-theme {1} of group {2}',
  placeField: '{0}, field {1}',
  unclosedQuote: 'The quoted text that starts here is never closed: add the closing {0} at its end.',
});

/** The code of a message about a catalogue file. */
export type CatalogueMessageCode = keyof typeof CATALOGUE_MESSAGES;

/** A number written in the reader's way (`200,000` in English, `200 000` in French). */
export interface LocaleNumber {
  readonly localeNumber: number;
  /** Digits after the decimal separator; none when absent. */
  readonly fractionDigits?: number;
}

/** Items written one after the other with `, ` between them. */
export interface TextList {
  readonly items: readonly CatalogueArgument[];
}

/**
 * An argument of a message: a string shown as it is (a path, a value from the file, a name), a
 * number shown with its digits only (a line, a proposal number), a number in the reader's way, a
 * list, or another message (translated with the one holding it).
 */
export type CatalogueArgument = string | number | LocaleNumber | TextList | CatalogueText;

/** A message as a code and its arguments. */
export interface CatalogueText {
  readonly code: CatalogueMessageCode;
  readonly args: readonly CatalogueArgument[];
}

/** The message `code` with `args`. */
export function catalogueText(code: CatalogueMessageCode, ...args: CatalogueArgument[]): CatalogueText {
  return Object.freeze({ code, args: Object.freeze(args) });
}

/** The message `code` of `data/catalogue.schema.json`'s `errorMessage` text, if it is one of them. */
export function schemaErrorMessageCode(errorMessage: string): CatalogueMessageCode | undefined {
  const code = (Object.keys(CATALOGUE_MESSAGES) as CatalogueMessageCode[]).find((c) => c.startsWith('schema') && CATALOGUE_MESSAGES[c] === errorMessage);
  return code;
}

/** How a renderer turns a template and its rendered arguments into text, and formats numbers. */
export interface CatalogueTextRenderer {
  /** The text of `code` (whose English template is `template`) with `args` put in. */
  message(code: CatalogueMessageCode, template: string, args: readonly string[]): string;
  /** `n` in the reader's way, with `fractionDigits` digits after the separator. */
  number(n: number, fractionDigits: number): string;
}

/** English: the templates as they are, numbers grouped with commas. */
export const ENGLISH_RENDERER: CatalogueTextRenderer = {
  message: (_code, template, args) => fillTemplate(template, args),
  number: (n, fractionDigits) => n.toLocaleString('en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
};

/** `{0}`, `{1}`… of `template` replaced by `args` (in one pass, so that an argument holding `{1}` stays as it is). */
export function fillTemplate(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => args[Number(i)] ?? whole);
}

/** `text` written out, in English unless another renderer is given. */
export function renderCatalogueText(text: CatalogueText, renderer: CatalogueTextRenderer = ENGLISH_RENDERER): string {
  return renderer.message(text.code, CATALOGUE_MESSAGES[text.code], text.args.map((a) => renderArgument(a, renderer)));
}

function renderArgument(a: CatalogueArgument, renderer: CatalogueTextRenderer): string {
  if (typeof a === 'string') {
    return a;
  }
  if (typeof a === 'number') {
    return String(a);
  }
  if ('localeNumber' in a) {
    return renderer.number(a.localeNumber, a.fractionDigits ?? 0);
  }
  if ('items' in a) {
    return a.items.map((i) => renderArgument(i, renderer)).join(', ');
  }
  return renderCatalogueText(a, renderer);
}
