import { catalogueText, type CatalogueText } from './catalogueMessages';
import { formatJsonPath, type JsonPath } from './schemaValidator';

/**
 * Where a fault is in a catalogue, named as a writer names things: « proposition 2 du groupe 1, champ
 * titel » rather than `groups[0].proposals[1].titel`. Positions count from 1, as a reader counts the
 * entries of a list (the second proposal of the first group). The message keeps the programmer's path
 * as its English argument too (`placeNamed`): the command line prints that path, which scripts and
 * SARIF readers rely on; the editor shows the writer's words.
 */
export function placeOf(path: JsonPath): CatalogueText {
  return catalogueText('placeNamed', formatJsonPath(path), writerPlace(path));
}

function writerPlace(path: JsonPath): CatalogueText {
  const [groups, g, inner, s, leaf, p] = path;
  if (groups !== 'groups' || typeof g !== 'number') {
    return catalogueText('placeTopField', formatJsonPath(path));
  }
  let place: CatalogueText;
  let rest: JsonPath;
  if (inner === 'proposals' && typeof s === 'number') {
    place = catalogueText('placeProposal', s + 1, g + 1);
    rest = path.slice(4);
  } else if (inner === 'subthemes' && typeof s === 'number' && leaf === 'proposals' && typeof p === 'number') {
    place = catalogueText('placeSubthemeProposal', p + 1, s + 1, g + 1);
    rest = path.slice(6);
  } else if (inner === 'subthemes' && typeof s === 'number') {
    place = catalogueText('placeSubtheme', s + 1, g + 1);
    rest = path.slice(4);
  } else {
    place = catalogueText('placeGroup', g + 1);
    rest = path.slice(2);
  }
  return rest.length === 0 ? place : catalogueText('placeField', place, formatJsonPath(rest));
}
