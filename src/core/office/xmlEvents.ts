import { SaxesParser } from 'saxes';
import { ExtractionRefused } from './extractedText';

/** What a document reader does with the XML of one part, element by element. */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

/** Thrown by a handler to stop reading a part early (the text cap is reached): not an error. */
export class StopReading extends Error {}

const utf8 = new TextDecoder('utf-8');

/**
 * Reads one XML part of a document with saxes: a small non-validating streaming parser that never
 * loads external entities; a DOCTYPE is refused outright (an OOXML package may not hold one, and
 * OpenDocument never needs one), which closes entity-expansion attacks. Element names are the
 * qualified names as written (`w:p`, `text:h`): Word and LibreOffice always use these prefixes.
 */
export function readXml(bytes: Uint8Array, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: string | undefined;
  parser.on('doctype', () => {
    throw new ExtractionRefused(`${part} holds a DOCTYPE (refused: entity expansion)`);
  });
  parser.on('error', (e) => {
    failure ??= e.message;
    throw new ExtractionRefused(`${part} is not well-formed XML (${e.message})`);
  });
  parser.on('opentag', (tag) => handlers.open(tag.name, tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(tag.name));
  parser.on('text', (t) => handlers.text(t));
  parser.on('cdata', (t) => handlers.text(t));
  try {
    parser.write(utf8.decode(bytes)).close();
  } catch (e) {
    if (e instanceof StopReading) {
      return;
    }
    if (e instanceof ExtractionRefused) {
      throw e;
    }
    throw new ExtractionRefused(`${part} is not well-formed XML (${failure ?? (e instanceof Error ? e.message : String(e))})`);
  }
}
