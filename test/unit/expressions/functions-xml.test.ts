import * as assert from 'node:assert/strict';
import type { EvaluationContext } from '../../../src/core/expressions';
import { ev, expectAll, failure } from './evaluate-helpers';

const PRODUCE =
  '<?xml version="1.0"?><produce><item><name>Gala</name><type>apple</type><count>20</count></item>' +
  '<item><name>Honeycrisp</name><type>apple</type><count>10</count></item></produce>';
const FILE = '<?xml version="1.0"?> <file xmlns="http://contoso.com"> <location>Paris</location> </file>';
const LISTING =
  '<EnumerationResults><Blobs><BlobPrefix><Name>2024/</Name></BlobPrefix><BlobPrefix><Name>2025/</Name></BlobPrefix></Blobs></EnumerationResults>';

/** An XML node as xpath() returns it (ADF's content object), from its XML text. */
function node(text: string): { '$content-type': string; $content: string } {
  return { '$content-type': 'application/xml;charset=utf-8', $content: Buffer.from(text, 'utf8').toString('base64') };
}

const XML_CONTEXT: EvaluationContext = {
  variables: (name) => (({ items: PRODUCE, file: FILE }) as Record<string, unknown>)[name],
  activity: (name) => (name === 'List Folders' ? { output: { Response: LISTING } } : undefined),
};

describe('expression functions: xml and xpath (documented examples)', () => {
  it('xpath: sum(), element node sets as XML values, text() values, namespaces and string()', () => {
    expectAll(
      [
        ["xpath(xml(variables('items')), 'sum(/produce/item/count)')", 30],
        [
          "xpath(xml(variables('items')), '/produce/item/name')",
          [node('<name>Gala</name>'), node('<name>Honeycrisp</name>')],
        ],
        ["xpath(xml(variables('items')), '/produce/item/name/text()')", ['Gala', 'Honeycrisp']],
        ["xpath(xml(variables('items')), 'count(/produce/item)')", 2],
        [
          'xpath(xml(variables(\'file\')), \'/*[name()="file"]/*[name()="location"]\')',
          [node('<location xmlns="http://contoso.com">Paris</location>')],
        ],
        [
          'xpath(xml(variables(\'file\')), \'/*[local-name()="file" and namespace-uri()="http://contoso.com"]/*[local-name()="location"]\')',
          [node('<location xmlns="http://contoso.com">Paris</location>')],
        ],
        ['xpath(xml(variables(\'file\')), \'string(/*[name()="file"]/*[name()="location"])\')', 'Paris'],
        ["xpath(xml(variables('items')), 'boolean(/produce/item)')", true],
      ],
      XML_CONTEXT,
    );
  });

  it('the corpus pattern: folder names from a blob listing, and [0] of a node set', () => {
    assert.deepEqual(
      ev(
        "xpath(xml(activity('List Folders').output.Response),'/EnumerationResults/Blobs/BlobPrefix/Name/text()')",
        XML_CONTEXT,
      ),
      ['2024/', '2025/'],
    );
    assert.equal(
      ev(
        'concat(xpath(xml(variables(\'file\')), \'/*[name()="file"]/*[name()="location"]\')[0], string(length(xpath(xml(variables(\'file\')), \'/*[name()="file"]/*[name()="location"]\'))))',
        XML_CONTEXT,
      ),
      '<location xmlns="http://contoso.com">Paris</location>1',
    );
  });

  it('element nodes are XML values, as real ADF returns them (the peer test xpath_example_08_a)', () => {
    // The expected output recorded in data-factory-testing-framework's xpath_example_08_a.
    assert.deepEqual(ev("xpath(xml(variables('items')), '/produce/item/name')", XML_CONTEXT), [
      { '$content-type': 'application/xml;charset=utf-8', $content: 'PG5hbWU+R2FsYTwvbmFtZT4=' },
      { '$content-type': 'application/xml;charset=utf-8', $content: 'PG5hbWU+SG9uZXljcmlzcDwvbmFtZT4=' },
    ]);
    // A selected node is XML again: xpath() over it, and its text in a string.
    assert.deepEqual(
      ev("xpath(xpath(xml(variables('items')), '/produce/item')[1], '/item/count/text()')", XML_CONTEXT),
      ['10'],
    );
    assert.equal(
      ev("string(xpath(xml(variables('items')), '/produce/item/name')[0])", XML_CONTEXT),
      '<name>Gala</name>',
    );
    assert.deepEqual(ev("xpath(xml('<a id=\"7\"/>'), '/a/@id')"), ['7']);
  });

  it('xml() of a JSON object with one root property', () => {
    expectAll([
      ['string(xml(json(\'{ "name": "Sophia Owen" }\')))', '<name>Sophia Owen</name>'],
      [
        'string(xml(json(\'{"person": {"name": "Sophia Owen", "city": "Seattle"}}\')))',
        '<person><name>Sophia Owen</name><city>Seattle</city></person>',
      ],
      ['string(xml(json(\'{"a": {"@id": "1", "#text": "x & y"}}\')))', '<a id="1">x &amp; y</a>'],
      ['string(xml(json(\'{"list": {"item": [1, 2]}}\')))', '<list><item>1</item><item>2</item></list>'],
      ["xml('<a/>')['$content-type']", 'application/xml;charset=utf-8'],
      ["xml('<a/>').$content", 'PGEvPg=='],
    ]);
    assert.match(failure('xml(json(\'{"a": 1, "b": 2}\'))').message, /exactly one root property/);
    assert.match(failure("xml('<a><b>')").message, /not valid XML/);
  });

  it('json() of XML: attributes as @name, repeated elements as arrays, the XML declaration as ?xml', () => {
    assert.deepEqual(ev("json(xml(variables('items')))", XML_CONTEXT), {
      '?xml': { '@version': '1.0' },
      produce: {
        item: [
          { name: 'Gala', type: 'apple', count: '20' },
          { name: 'Honeycrisp', type: 'apple', count: '10' },
        ],
      },
    });
    assert.deepEqual(ev('json(xml(\'<root><person id="1"><name>Sophia Owen</name></person></root>\'))'), {
      root: { person: { '@id': '1', name: 'Sophia Owen' } },
    });
    assert.match(failure("json('<a/>')").message, /use json\(xml\(\.\.\.\)\)/);
  });

  it('xpath() needs XML and a valid path', () => {
    assert.match(failure("xpath('not xml', '/a')").message, /expects XML/);
    assert.match(failure("xpath(xml('<a/>'), '///')").message, /cannot evaluate/);
  });
});
