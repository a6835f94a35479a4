// Drops the documentation strings (description, role, hrName) from plotly.js's
// attribute declarations: they only feed Plotly.PlotSchema, which this bundle leaves out.
import * as acorn from 'acorn';

const KEYS = new Set(['description', 'role', 'hrName']);
const keyName = (p) => !p.computed && (p.key.type === 'Identifier' ? p.key.name : p.key.value);
// a value that only computes text: literals, names, member reads, operators, calls
// (['..'].join(' '), description helpers); nothing that assigns, creates objects or
// functions, so dropping it cannot change what the rest of the module does
const PURE = new Set(['Literal', 'Identifier', 'TemplateLiteral', 'TemplateElement',
  'MemberExpression', 'BinaryExpression', 'LogicalExpression', 'ConditionalExpression',
  'ArrayExpression', 'CallExpression', 'UnaryExpression', 'SpreadElement']);
const isText = (v) => {
  if (!v || typeof v.type !== 'string') return true;
  if (!PURE.has(v.type)) return false;
  if (v.type === 'UnaryExpression' && v.operator === 'delete') return false;
  for (const k in v) {
    const c = v[k];
    if (Array.isArray(c)) { if (!c.every(isText)) return false; }
    else if (c && typeof c.type === 'string' && !isText(c)) return false;
  }
  return true;
};

export function stripMeta(src) {
  const ast = acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true });
  const cuts = [];
  (function walk(n) {
    if (!n || typeof n.type !== 'string') return;
    if (n.type === 'ObjectExpression') {
      n.properties.forEach((p, i) => {
        if (p.type === 'Property' && !p.method && KEYS.has(keyName(p)) && isText(p.value)) {
          const next = n.properties[i + 1];
          const tail = /^\s*,/.exec(src.slice(p.end, p.end + 200));  // a trailing comma
          cuts.push([p.start, next ? next.start : p.end + (tail ? tail[0].length : 0)]);
        }
      });
    }
    for (const k in n) {
      const v = n[k];
      if (Array.isArray(v)) v.forEach(walk); else if (v && typeof v.type === 'string') walk(v);
    }
  })(ast);
  let out = '', at = 0;
  for (const [a, b] of cuts.sort((x, y) => x[0] - y[0])) { out += src.slice(at, a); at = b; }
  return { code: out + src.slice(at), cuts: cuts.length };
}

// Keeps only the named properties of the object literal assigned to module.exports
// (used for marker symbol definitions: the rest are never offered, see build.mjs).
export function keepExportKeys(src, keep) {
  const ast = acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'script' });
  const obj = ast.body.map((s) => s.type === 'ExpressionStatement' && s.expression).find((e) =>
    e && e.type === 'AssignmentExpression' && e.left.type === 'MemberExpression' &&
    e.left.object.name === 'module' && e.left.property.name === 'exports' &&
    e.right.type === 'ObjectExpression');
  if (!obj) throw new Error('keepExportKeys: no module.exports = {...}');
  const props = obj.right.properties;
  const missing = [...keep].filter((k) => !props.some((p) => keyName(p) === k));
  if (missing.length) throw new Error('keepExportKeys: not found: ' + missing.join(', '));
  let out = '', at = 0;
  props.forEach((p, i) => {
    if (keep.has(keyName(p))) return;
    const end = i + 1 < props.length ? props[i + 1].start : obj.right.end - 1;
    out += src.slice(at, p.start); at = end;
  });
  return out + src.slice(at);
}
