import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { citedNumbers } from '../../src/citations/citedNumbers';

const exists = (n: number): boolean => n >= 1 && n <= 40;

// The status bar's figure (test/ui/coverage.test.ts reads it on screen: "EGN 16/40").
describe('citedNumbers', () => {
  it('counts each existing proposal once, the numbers a range implies included, the unknown ones left out', () => {
    const scanner = new ReferenceScanner('EGN', exists);
    assert.deepStrictEqual(citedNumbers(scanner.scan('EGN-3 à 5, EGN-4 encore, EGN-41 et EGN-39 à 42.'), exists), [3, 4, 5, 39, 40]);
  });

  it('finds the 16 proposals of the plan fixture: 16 and 17 from "EGN-15 à 18", not EGN-41', () => {
    const text = fs.readFileSync(path.join(__dirname, '../../../test/fixtures/workspace/plan-numerique-academique.md'), 'utf8');
    const scanner = new ReferenceScanner('EGN', exists);
    assert.deepStrictEqual(citedNumbers(scanner.scan(text), exists), [1, 2, 4, 6, 7, 9, 10, 11, 12, 13, 15, 16, 17, 18, 21, 23]);
  });
});
