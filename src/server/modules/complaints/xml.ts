/**
 * A small XML serializer for the Open311 responses (GeoReport v2 requires XML, UTF-8, with the XML declaration).
 * A value is a string, number, boolean, null (an empty element), an array (repeated child elements named by the
 * caller) or an object (child elements in key order).
 */
export type XmlValue = string | number | boolean | null | undefined | XmlNode | XmlList;
export interface XmlNode {
  [key: string]: XmlValue;
}
/** Repeated elements: `{ $list: 'service', items: [...] }` becomes <service>...</service><service>...</service>. */
export interface XmlList {
  $list: string;
  items: XmlValue[];
}

/** Characters XML 1.0 cannot carry at all (control characters other than tab, LF and CR). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function isList(value: XmlValue): value is XmlList {
  return typeof value === 'object' && value !== null && '$list' in value && Array.isArray((value as XmlList).items);
}

function element(name: string, value: XmlValue, indent: string, out: string[]): void {
  if (!NAME.test(name)) throw new Error(`Not an XML element name: ${name}`);
  if (value === undefined) return;
  if (value === null || value === '') {
    out.push(`${indent}<${name}/>`);
    return;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push(`${indent}<${name}>${escapeXml(String(value))}</${name}>`);
    return;
  }
  const children: string[] = [];
  if (isList(value)) {
    for (const item of value.items) element(value.$list, item, `${indent}  `, children);
  } else {
    for (const [key, child] of Object.entries(value)) {
      if (isList(child)) {
        // A list inside an object is wrapped by its key: { services: { $list: 'service', ... } }.
        element(key, child, `${indent}  `, children);
      } else {
        element(key, child, `${indent}  `, children);
      }
    }
  }
  if (children.length === 0) out.push(`${indent}<${name}/>`);
  else out.push(`${indent}<${name}>`, ...children, `${indent}</${name}>`);
}

/** A whole document: declaration and one root element. */
export function toXml(root: string, value: XmlValue): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  element(root, value, '', out);
  return `${out.join('\n')}\n`;
}
