/**
 * A small strict XML 1.0 well-formedness checker for the feed tests (no XML parser is
 * installed; htmlparser2 forgives what a strict feed reader refuses). Throws on the
 * first fault; returns the element tree for checking required elements.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

// Characters XML 1.0 allows (§2.2).
const RE_BAD_CHAR = /[^\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const RE_NAME = /^[A-Za-z_:][\w.:-]*$/;
// `&amp;`, `&#60;`, `&#x3c;`
const RE_REF = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/y;
// `name="value"` or `name='value'` after whitespace.
const RE_ATTR = /\s+([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

function decode(text: string, where: string): string {
  if (RE_BAD_CHAR.test(text)) throw new Error(`character not allowed in XML in ${where}`);
  if (text.includes(']]>')) throw new Error(`']]>' in ${where}`);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp < 0) return out + text.slice(i);
    out += text.slice(i, amp);
    RE_REF.lastIndex = amp;
    const m = RE_REF.exec(text);
    if (!m) throw new Error(`bad entity reference in ${where}: ${text.slice(amp, amp + 10)}`);
    if (m[1]) out += { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[m[1]];
    else {
      const cp = parseInt(m[2] ?? m[3]!, m[2] ? 10 : 16);
      const c = String.fromCodePoint(cp);
      if (RE_BAD_CHAR.test(c))
        throw new Error(`character reference to a forbidden character in ${where}`);
      out += c;
    }
    i = RE_REF.lastIndex;
  }
  return out;
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const decl = /^<\?xml version="1\.0" encoding="utf-8"\?>/.exec(xml);
  if (decl) i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    const decoded = decode(text, 'text');
    if (stack.length) stack[stack.length - 1]!.text += decoded;
    else if (decoded.trim()) throw new Error('text outside the root element');
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error('unclosed tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1)) throw new Error(`mismatched </${tag.slice(1)}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameEnd = body.search(/\s|$/);
    const name = body.slice(0, nameEnd);
    if (!RE_NAME.test(name)) throw new Error(`bad element name '${name}'`);
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    let j = nameEnd;
    const rest = body;
    while (j < rest.length) {
      RE_ATTR.lastIndex = j;
      const m = RE_ATTR.exec(rest);
      if (!m) {
        if (rest.slice(j).trim()) throw new Error(`bad attributes in <${name}>`);
        break;
      }
      if (Object.hasOwn(el.attrs, m[1]!)) throw new Error(`duplicate attribute ${m[1]}`);
      el.attrs[m[1]!] = decode(m[2] ?? m[3]!, `attribute ${m[1]}`);
      j = RE_ATTR.lastIndex;
    }
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else if (root) throw new Error('more than one root element');
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}
