import * as assert from 'assert';
import { formatContextDate } from '../../src/core/contextDateFormat';

const FR = 'du {0} au {1}';
const EN = '{0} to {1}';

describe('formatContextDate', () => {
  it('writes a period of one year in French with the year once: "du 14 septembre au 16 octobre 2020"', () => {
    assert.strictEqual(formatContextDate({ start: '2020-09-14', end: '2020-10-16', label: '' }, 'fr', FR), 'du 14 septembre au 16 octobre 2020');
  });

  it('writes a period in English with the year once', () => {
    assert.strictEqual(formatContextDate({ start: '2020-09-14', end: '2020-10-16', label: '' }, 'en', EN), 'September 14 to October 16, 2020');
  });

  it('keeps both years when a period spans two years', () => {
    assert.strictEqual(formatContextDate({ start: '2020-12-14', end: '2021-01-16', label: '' }, 'fr', FR), 'du 14 décembre 2020 au 16 janvier 2021');
  });

  it('writes a single day and a month in the display language, the first of a month "1er" in French', () => {
    assert.strictEqual(formatContextDate({ start: '2020-11-04', end: undefined, label: '' }, 'fr', FR), '4 novembre 2020');
    assert.strictEqual(formatContextDate({ start: '2020-11-01', end: undefined, label: '' }, 'fr-CA', FR), '1er novembre 2020');
    assert.strictEqual(formatContextDate({ start: '2020-06', end: undefined, label: '' }, 'fr', FR), 'juin 2020');
    assert.strictEqual(formatContextDate({ start: '2020-06', end: undefined, label: '' }, 'en', EN), 'June 2020');
  });

  it('returns text that is not an ISO date as written, and survives an unknown language tag', () => {
    assert.strictEqual(formatContextDate({ start: 'printemps 2020', end: undefined, label: '' }, 'fr', FR), 'printemps 2020');
    assert.match(formatContextDate({ start: '2020-11-04', end: undefined, label: '' }, 'not a tag!', EN), /2020/);
  });
});
