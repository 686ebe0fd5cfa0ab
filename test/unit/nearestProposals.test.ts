import * as assert from 'assert';
import { nearestNumbers } from '../../src/core/nearestProposals';

const ALL = Array.from({ length: 40 }, (_, k) => k + 1);

describe('nearestNumbers', () => {
  it('offers 4, 40, 1, 14… for EGN-41: a digit too many, a wrong last digit, swapped digits', () => {
    assert.deepStrictEqual(nearestNumbers(41, ALL, 7), [4, 40, 1, 11, 14, 21, 31]);
  });

  it('counts a swap of neighbouring digits as one edit: 14 for 41, 21 for 12', () => {
    assert.ok(nearestNumbers(41, ALL, 7).includes(14));
    assert.ok(nearestNumbers(12, [21, 35], 1).includes(21));
  });

  it('handles 0, big numbers and a count larger than the catalogue', () => {
    assert.deepStrictEqual(nearestNumbers(0, ALL, 3), [1, 2, 3]);
    assert.deepStrictEqual(nearestNumbers(123, ALL, 3), [12, 13, 23]);
    assert.strictEqual(nearestNumbers(41, ALL, 100).length, 40);
    assert.deepStrictEqual(nearestNumbers(41, ALL, 0), []);
  });

  it('never offers the number written', () => {
    assert.ok(!nearestNumbers(12, ALL, 40).includes(12));
  });
});
