import * as assert from 'assert';
import { escapeHtml, jsonForHtml } from '../../src/core/html';

describe('escapeHtml', () => {
  it('writes the characters that could open a tag, an entity or end an attribute as character references', () => {
    assert.strictEqual(escapeHtml(`<img src=x onerror="a('b')">&\``), '&#60;img src=x onerror=&#34;a(&#39;b&#39;)&#34;&#62;&#38;&#96;');
  });

  it('leaves French text, no-break spaces and typographic quotes as they are', () => {
    const text = 'l’éducation «\u00a0Pass’ connexion\u00a0» — 60\u00a0%';
    assert.strictEqual(escapeHtml(text), text);
  });

  it('escapes an already escaped string again (never decodes)', () => {
    assert.strictEqual(escapeHtml('&#60;'), '&#38;#60;');
  });
});

describe('jsonForHtml', () => {
  it('cannot end its script block, and reads back to the same value', () => {
    const value = { title: '</script><script>alert(1)</script>', sep: '\u2028\u2029', amp: 'a&b' };
    const json = jsonForHtml(value);
    assert.ok(!/[<>&\u2028\u2029]/.test(json), json);
    assert.deepStrictEqual(JSON.parse(json), value);
  });
});
