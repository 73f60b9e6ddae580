/**
 * A small XML writer for project.qde. QDA-XML needs elements, attributes and text only (no
 * namespaces beyond the default one, no mixed content), so the one thing to get right is
 * escaping, which is tested on hostile input (tests/unit/refi-qda-xml.test.ts).
 *
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF)
 * become U+FFFD: a stored text holding one must not make the whole project unreadable.
 * Line breaks and tabs inside attribute values are written as character references, or a
 * parser would turn them into spaces.
 */

// Everything outside XML 1.0's Char production, and lone surrogate halves.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;");
}

export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

export type XmlAttributes = Record<string, string | number | boolean | null | undefined>;

/** One element: attributes in the order given (undefined and null left out), then children or text. */
export type XmlNode = { name: string; attributes?: XmlAttributes; children?: XmlNode[]; text?: string };

export const element = (name: string, attributes?: XmlAttributes, children?: XmlNode[]): XmlNode => ({
  name,
  attributes,
  children,
});
export const textElement = (name: string, text: string): XmlNode => ({ name, text });

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

function open(node: XmlNode): string {
  if (!NAME.test(node.name)) throw new Error(`not an XML name: ${node.name}`);
  const attributes = Object.entries(node.attributes ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => {
      if (!NAME.test(key)) throw new Error(`not an XML name: ${key}`);
      return ` ${key}="${xmlAttribute(String(value))}"`;
    })
    .join("");
  return `<${node.name}${attributes}`;
}

function write(node: XmlNode, depth: number, out: string[]): void {
  const indent = "  ".repeat(depth);
  const start = open(node);
  if (node.text !== undefined) {
    out.push(`${indent}${start}>${xmlText(node.text)}</${node.name}>`);
  } else if (node.children && node.children.length > 0) {
    out.push(`${indent}${start}>`);
    for (const child of node.children) write(child, depth + 1, out);
    out.push(`${indent}</${node.name}>`);
  } else {
    out.push(`${indent}${start}/>`);
  }
}

/** The document: UTF-8 declaration, no byte-order mark, LF line endings. */
export function xmlDocument(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return `${out.join("\n")}\n`;
}
