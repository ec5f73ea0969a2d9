// xml(), xpath() and the XML side of json(). XML values travel as the runtime shows them,
// { "$content-type": "application/xml;charset=utf-8", "$content": "<base64 of the XML text>" }.
// Parsing uses @xmldom/xmldom, XPath 1.0 the `xpath` package.
import {
  DOMParser,
  onErrorStopParsing,
  XMLSerializer,
  type Document as XmlDocument,
  type Node as XmlNode,
} from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { invalidArgument } from './evaluation-error';
import { eager, stringArg, type CallEnvironment, type FunctionImplementations } from './function-types';
import { describeValue, isRecord, makeNumber, toAdfString, type Value } from './values';

export const XML_CONTENT_TYPE = 'application/xml;charset=utf-8';

interface XmlValue {
  readonly '$content-type': string;
  readonly $content: string;
}

export function isXmlValue(value: Value): value is XmlValue {
  return (
    isRecord(value) &&
    typeof value.$content === 'string' &&
    typeof value['$content-type'] === 'string' &&
    /xml/i.test(value['$content-type'])
  );
}

function xmlValue(text: string): XmlValue {
  return { '$content-type': XML_CONTENT_TYPE, $content: Buffer.from(text, 'utf8').toString('base64') };
}

/** The XML text of an XML value (or of a string holding XML). */
export function xmlText(value: Value): string | undefined {
  if (isXmlValue(value)) return Buffer.from(value.$content, 'base64').toString('utf8');
  if (typeof value === 'string' && value.trimStart().startsWith('<')) return value;
  return undefined;
}

function parseXml(text: string, env: CallEnvironment): XmlDocument {
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw invalidArgument(`${env.name}() got text that is not valid XML: ${reason}`);
  }
}

// ---- JSON to XML (what xml() does with a JSON object: one root property, '@name' attributes, '#text') ----

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function scalarText(value: Value): string {
  return typeof value === 'boolean' ? String(value) : toAdfString(value);
}

function elementXml(name: string, value: Value): string {
  if (Array.isArray(value)) return value.map((item) => elementXml(name, item)).join('');
  if (!isRecord(value)) return value === null ? `<${name} />` : `<${name}>${escapeXml(scalarText(value))}</${name}>`;
  let attributes = '';
  let content = '';
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('@')) attributes += ` ${key.slice(1)}="${escapeXml(scalarText(child))}"`;
    else if (key === '#text') content += escapeXml(scalarText(child));
    else content += elementXml(key, child);
  }
  return content === '' ? `<${name}${attributes} />` : `<${name}${attributes}>${content}</${name}>`;
}

function jsonToXml(value: Value, env: CallEnvironment): string {
  if (!isRecord(value)) throw invalidArgument(`${env.name}() converts a JSON object, not ${describeValue(value)}`);
  const roots = Object.entries(value).filter(([key]) => key !== '?xml');
  if (roots.length !== 1 || Array.isArray(roots[0][1])) {
    throw invalidArgument(`${env.name}() needs a JSON object with exactly one root property that is not an array`);
  }
  return elementXml(roots[0][0], roots[0][1]);
}

// ---- XML to JSON (json() of XML: '@name' attributes, '#text' mixed text, repeated names as arrays) ----

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const PROCESSING_INSTRUCTION = 7;
const DOCUMENT = 9;

function childrenOf(node: XmlNode): XmlNode[] {
  const list: XmlNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
}

function nodeToJson(node: XmlNode): Value {
  const element = node as unknown as {
    attributes?: { length: number; item(i: number): { name: string; value: string } | null };
  };
  const result: Record<string, Value> = {};
  const attributes = element.attributes;
  for (let i = 0; attributes && i < attributes.length; i++) {
    const attribute = attributes.item(i);
    if (attribute) result[`@${attribute.name}`] = attribute.value;
  }
  const texts: string[] = [];
  for (const child of childrenOf(node)) {
    if (child.nodeType === ELEMENT) addMember(result, child.nodeName, nodeToJson(child));
    else if ((child.nodeType === TEXT || child.nodeType === CDATA) && (child.nodeValue ?? '').trim() !== '')
      texts.push(child.nodeValue ?? '');
  }
  const hasMembers = Object.keys(result).length > 0;
  if (!hasMembers) return texts.length === 0 ? null : texts.join('');
  if (texts.length > 0) result['#text'] = texts.length === 1 ? texts[0] : texts;
  return result;
}

function addMember(target: Record<string, Value>, name: string, value: Value): void {
  if (!(name in target)) target[name] = value;
  else if (Array.isArray(target[name])) (target[name] as Value[]).push(value);
  else target[name] = [target[name], value];
}

export function xmlToJson(text: string, env: CallEnvironment): Value {
  const document = parseXml(text, env);
  const result: Record<string, Value> = {};
  const declaration = /^\s*<\?xml\s+([^?]*)\?>/.exec(text);
  if (declaration) {
    const attributes: Record<string, Value> = {};
    for (const match of declaration[1].matchAll(/([\w:-]+)\s*=\s*["']([^"']*)["']/g))
      attributes[`@${match[1]}`] = match[2];
    result['?xml'] = attributes;
  }
  for (const child of childrenOf(document as unknown as XmlNode)) {
    if (child.nodeType === ELEMENT) addMember(result, child.nodeName, nodeToJson(child));
    else if (child.nodeType === PROCESSING_INSTRUCTION && child.nodeName !== 'xml')
      addMember(result, `?${child.nodeName}`, child.nodeValue ?? '');
  }
  return result;
}

// ---- xpath() ----

/**
 * One selected node as ADF returns it: an element (or the document) is an XML value of its own, as in the
 * functional test of microsoft/data-factory-testing-framework (xpath_example_08_a: a node set is an array of
 * { "$content-type": "application/xml;charset=utf-8", "$content": base64 } objects); attributes and text
 * nodes are their text.
 */
function selectionValue(node: XmlNode): Value {
  if (node.nodeType === ELEMENT || node.nodeType === DOCUMENT)
    return xmlValue(new XMLSerializer().serializeToString(node));
  return node.nodeValue ?? '';
}

export const XML_FUNCTIONS: FunctionImplementations = {
  xml: eager(1, 1, ([value], env) => {
    if (isXmlValue(value)) return value;
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed.startsWith('<')) {
        parseXml(trimmed, env);
        return xmlValue(trimmed);
      }
      try {
        return xmlValue(jsonToXml(JSON.parse(trimmed) as Value, env));
      } catch (error) {
        if (error instanceof SyntaxError)
          throw invalidArgument(`xml() expects XML text or a JSON object, not ${describeValue(value)}`);
        throw error;
      }
    }
    return xmlValue(jsonToXml(value, env));
  }),
  xpath: eager(2, 2, (args, env) => {
    const text = xmlText(args[0]);
    if (text === undefined)
      throw invalidArgument(`xpath() expects XML (from xml()) as its first argument, not ${describeValue(args[0])}`);
    const expression = stringArg(args, 1, env);
    const document = parseXml(text, env);
    let selected: xpath.SelectReturnType;
    try {
      selected = xpath.select(expression, document as unknown as Node);
    } catch (error) {
      throw invalidArgument(
        `xpath() cannot evaluate '${expression}': ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (Array.isArray(selected)) return selected.map((node) => selectionValue(node as unknown as XmlNode));
    if (typeof selected === 'number') return makeNumber(selected, !Number.isInteger(selected));
    if (selected !== null && typeof selected === 'object') return selectionValue(selected as unknown as XmlNode);
    return selected;
  }),
};
