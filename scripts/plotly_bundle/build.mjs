// Builds newsbook's plotly.js bundle: the core (default out: ../../_static/plotly-basic.min.js),
// an add-on per addons/<name>.js beside it (plotly-<name>.min.js) and the licence file
// (PLOTLY_LICENSE.txt):
//   node build.mjs [--out FILE] [--analyze] [--no-terser]
// See README.md.
import * as esbuild from 'esbuild';
import { minify } from 'terser';
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { createRequire } from 'module';
import { stripMeta, keepExportKeys } from './strip-meta.mjs';
import { smashD3 } from './d3-smash.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const out = path.resolve(opt('--out', path.join(here, '..', '..', '_static', 'plotly-basic.min.js')));
const work = path.join(here, '.build');
fs.mkdirSync(work, { recursive: true });

const plotlyDir = path.dirname(require.resolve('plotly.js/package.json'));
const version = require('plotly.js/package.json').version;
const d3Dir = path.dirname(require.resolve('@plotly/d3/package.json'));
const plotlySrc = path.join(plotlyDir, 'src') + path.sep;
const stubDir = path.join(here, 'stubs');

// marker symbols offered (marker.symbol is validated against this list: any other name
// or number falls back to the default, circle). The kinds use circle, circle-open, x.
const SYMBOLS = new Set(['circle', 'square', 'diamond', 'cross', 'x', 'triangle-up',
  'triangle-down', 'triangle-left', 'triangle-right', 'star', 'hexagon', 'line-ew', 'line-ns']);
const TRIM = { 'components/drawing/symbol_defs.js': (src) => keepExportKeys(src, SYMBOLS) };

// d3 v3 with only the modules plotly.js's drawing code uses
const d3File = path.join(work, 'd3-newsbook.js');
fs.writeFileSync(d3File, smashD3(path.join(d3Dir, 'src')));

let stripped = 0;
const newsbook = {
  name: 'newsbook',
  setup(b) {
    b.onResolve({ filter: /^@plotly\/d3$/ }, () => ({ path: d3File }));
    // registry.js requires maplibre-gl's CSS for map traces, which this bundle has not
    b.onResolve({ filter: /\.css$/ }, () => ({ path: 'css', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
    b.onResolve({ filter: /^culori$/ }, () => ({ path: path.join(here, 'culori-shim.mjs') }));
    b.onResolve({ filter: /^gl-mat4$/ }, () => ({ path: path.join(here, 'gl-mat4-shim.js') }));
    // the mode bar's erase-shape button: from the shapes add-on (shapes-draw-shim.js)
    b.onResolve({ filter: /^\.\.\/shapes\/draw$/ }, (a) =>
      (a.importer.endsWith(path.join('components', 'modebar', 'buttons.js'))
        ? { path: path.join(here, 'shapes-draw-shim.js') } : undefined));
    // the mode bar is an add-on (addons/modebar.js): the core calls its manage through
    // the registry, and its attributes need not the buttons (descriptions are stripped)
    b.onResolve({ filter: /^\.\.\/components\/modebar$/ }, (a) =>
      (a.importer.endsWith(path.join('plot_api', 'subroutines.js'))
        ? { path: path.join(here, 'modebar-manage-shim.js') } : undefined));
    b.onResolve({ filter: /^\.\/constants$/ }, (a) =>
      (a.importer.endsWith(path.join('components', 'modebar', 'attributes.js'))
        ? { path: path.join(here, 'modebar-constants-shim.js') } : undefined));
    b.onLoad({ filter: /\.js$/ }, (a) => {
      if (!a.path.startsWith(plotlySrc)) return undefined;
      const rel = a.path.slice(plotlySrc.length);
      const stub = path.join(stubDir, rel);
      if (fs.existsSync(stub)) return { contents: fs.readFileSync(stub, 'utf8'), loader: 'js' };
      let src = fs.readFileSync(a.path, 'utf8');
      if (TRIM[rel.split(path.sep).join('/')]) src = TRIM[rel.split(path.sep).join('/')](src);
      const r = stripMeta(src);
      stripped += r.cuts;
      return { contents: r.code, loader: 'js' };
    });
  },
};

const common = {
  bundle: true, target: 'es2018', write: false, metafile: true, legalComments: 'eof',
  charset: 'utf8', absWorkingDir: here,
  define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
  alias: { stream: 'stream-browserify' }, logLevel: 'warning',
};
const inputsOf = (r) => Object.values(r.metafile.outputs)[0].inputs;
// a metafile input's key: the absolute path of a file, namespace:path otherwise
const keyOf = (k) => (/^[a-z-]+:/.test(k) ? k : path.resolve(here, k));

// 1. the core's modules (entry.js alone)
const probe = await esbuild.build({ ...common, entryPoints: [path.join(here, 'entry.js')],
  format: 'iife', globalName: 'Plotly', minify: false, plugins: [newsbook] });
const coreKeys = new Set(Object.keys(inputsOf(probe)).map(keyOf).filter((k) => path.isAbsolute(k)));

// 2. the add-ons: every module the core already holds is read from the core's table
//    (Plotly._m(i)), so an add-on holds only what the core has not
const ADDONS = fs.readdirSync(path.join(here, 'addons')).filter((f) => f !== 'register.js' &&
  f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
const SKIP = { coreLink: 'skip' };
const coreLink = (used, index) => ({
  name: 'core-link',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (a) => {
      if (a.pluginData === SKIP || a.kind === 'entry-point') return undefined;
      const r = await b.resolve(a.path, { resolveDir: a.resolveDir, kind: a.kind,
                                          importer: a.importer, pluginData: SKIP });
      if (r.errors.length || r.external) return undefined;
      if (r.namespace === 'file' && coreKeys.has(r.path)) {
        used.add(r.path);
        // named relative to this folder: esbuild writes the name into the output
        return { path: path.relative(here, r.path).split(path.sep).join('/')
          .replace(/^node_modules\/plotly\.js\/src\//, ''), namespace: 'core',
                 pluginData: r.path };
      }
      return { path: r.path, namespace: r.namespace, pluginData: r.pluginData,
               sideEffects: r.sideEffects, suffix: r.suffix };
    });
    b.onLoad({ filter: /.*/, namespace: 'core' }, (a) => ({
      contents: `module.exports = window.Plotly._m(${index ? index.get(a.pluginData) : 0});`,
      loader: 'js', resolveDir: here }));
  },
});
const buildAddon = (name, used, index, minify = false) => esbuild.build({
  ...common, entryPoints: [path.join(here, 'addons', name + '.js')], format: 'iife', minify,
  plugins: [coreLink(used, index), newsbook] });
const used = new Set();
for (const name of ADDONS) await buildAddon(name, used, null);
// the table's indices: the modules add-ons read, in path order (the same every build)
const table = [...used].sort();
const index = new Map(table.map((k, i) => [k, i]));

// 3. the core: entry.js, and the table of the modules add-ons read, each required only
//    when an add-on asks (the core's own modules load in the order they always did)
const coreEntry = {
  name: 'core-entry',
  setup(b) {
    b.onResolve({ filter: /^newsbook-core$/ }, () => ({ path: 'core', namespace: 'core-entry' }));
    b.onLoad({ filter: /.*/, namespace: 'core-entry' }, () => ({
      loader: 'js', resolveDir: here,
      contents: `module.exports = require(${JSON.stringify(path.join(here, 'entry.js'))});\n` +
        'var m = [\n' + table.map((k) => `  () => require(${JSON.stringify(k)})`).join(',\n') +
        '\n];\nmodule.exports._m = function(i) { return m[i](); };\n',
    }));
  },
};
const bundle = (minify) => esbuild.build({
  ...common, entryPoints: ['newsbook-core'], format: 'iife', globalName: 'Plotly', minify,
  plugins: [coreEntry, newsbook],
});

const squeeze = async (code) => {
  if (args.includes('--no-terser')) {
    return (await esbuild.transform(code, { minify: true, target: 'es2018', legalComments: 'eof' })).code;
  }
  return (await minify(code, {
    ecma: 2018,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: /@license|@preserve|^!/, ascii_only: false },
  })).code;
};

const result = await bundle(false);
let code = result.outputFiles[0].text;
fs.writeFileSync(path.join(work, 'meta.json'), JSON.stringify(result.metafile));
code = await squeeze(code);

const header = `/**
* plotly.js (basic - minified) v${version}
* newsbook custom: traces scatter, bar; components legend, fx (hover). Add-ons
* beside it (plotly-<name>.min.js, loaded after it when a figure needs them): ${ADDONS.join(', ')}.
* Left out: calendars, box/lasso selection, sliders, range slider/selector, images, error
* bars, colorbar drawing, grid, 3D annotations, locales other than en,
* PlotSchema/validate/makeTemplate. Built by scripts/plotly_bundle.
* Copyright 2012-2026, Plotly, Inc.
* All rights reserved.
* Licensed under the MIT license
*/
(
 function(root, factory) {
  if (typeof module === "object" && module.exports) {
   module.exports = factory();
  } else {
   root.moduleName = factory();
  }
} (typeof self !== "undefined" ? self : this, () => {
"use strict";`;
// add-ons that arrived first run now (an add-on may load beside the core, not after it)
const footer = `
window.Plotly = Plotly;
(window.__plotlyAddons || []).splice(0).forEach(function(run) { run(); });
return Plotly;
}));
`;
const written = [];
const report = (file, text) => {
  fs.writeFileSync(file, text);
  const gz = zlib.gzipSync(text, { level: 9 }).length;
  written.push([path.basename(file), Buffer.byteLength(text), gz]);
  console.log(`${path.relative(process.cwd(), file)}: ${Buffer.byteLength(text)} bytes, ${gz} gzipped`);
};
report(out, header + code + footer);

const addonResults = [];
for (const name of ADDONS) {
  const r = await buildAddon(name, new Set(), index);
  addonResults.push([name, r]);
  const text = `/**
* plotly.js (basic - minified) v${version} add-on: ${name}
* newsbook custom, for ${path.basename(out)} (read from its module table; runs when it has
* loaded). Built by scripts/plotly_bundle.
* Copyright 2012-2026, Plotly, Inc.
* All rights reserved.
* Licensed under the MIT license
*/
(function(run) {
  var w = typeof window !== "undefined" ? window : self;
  if (w.Plotly && w.Plotly._m) run(); else (w.__plotlyAddons = w.__plotlyAddons || []).push(run);
})(function() {
"use strict";
${await squeeze(r.outputFiles[0].text)}
});
`;
  report(path.join(path.dirname(out), `plotly-${name}.min.js`), text);
}
console.log(`${stripped} attribute descriptions stripped; ${table.length} core modules read by add-ons`);
fs.writeFileSync(path.join(work, 'sizes.json'), JSON.stringify(written, null, 1));

// the licence file beside the bundle: plotly.js's, then every bundled package's
const pkgs = new Map([['@plotly/d3', d3Dir]]);
for (const k of [result, ...addonResults.map((x) => x[1])].flatMap((r) => Object.keys(inputsOf(r)))
  .filter((k) => !/^[a-z-]+:/.test(k))) {
  const m = k.match(/^(.*node_modules\/((@[^/]+\/)?[^/]+))\//);
  if (m && m[2] !== 'plotly.js') pkgs.set(m[2], path.resolve(here, m[1]));
}
const licenceOf = (dir) => {
  const f = fs.readdirSync(dir).find((n) => /^licen[cs]e/i.test(n));
  return f ? fs.readFileSync(path.join(dir, f), 'utf8').trim() : null;
};
let notices = fs.readFileSync(path.join(plotlyDir, 'LICENSE'), 'utf8').trim() + '\n\n' +
  '-'.repeat(78) + `\n${path.basename(out)} and its add-ons (${ADDONS.map((n) => `plotly-${n}.min.js`).join(', ')})\n` +
  `are a custom build of plotly.js ${version} (scripts/plotly_bundle). They also contain\n` +
  'code of these packages, under their own licences:\n';
for (const [name, dir] of [...pkgs].sort()) {
  const pj = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const text = licenceOf(dir);
  notices += `\n${'-'.repeat(78)}\n${name} ${pj.version} (${pj.license})\n\n` +
    (text || `${pj.license}; copyright ${typeof pj.author === 'object' ? pj.author.name : pj.author || 'its authors'}`) + '\n';
}
const licenceFile = path.join(path.dirname(out), 'PLOTLY_LICENSE.txt');
fs.writeFileSync(licenceFile, notices);

if (args.includes('--analyze')) {
  // esbuild-minified bytes per module (terser's output is ~4% smaller overall)
  const byModule = (r) => {
    const by = {};
    for (const [k, v] of Object.entries(inputsOf(r))) {
      const m = k.match(/node_modules\/((@[^/]+\/)?[^/]+)\/(.*)/);
      const key = m ? (m[1] === 'plotly.js' ? m[3].split('/').slice(0, 3).join('/') : m[1])
                    : k;
      by[key] = (by[key] || 0) + v.bytesInOutput;
    }
    return Object.entries(by).sort((a, b) => b[1] - a[1]);
  };
  console.log(`${path.basename(out)}: minified bytes by module (esbuild metafile, before terser):`);
  byModule(await bundle(true)).slice(0, 40)
    .forEach(([k, v]) => console.log(String(v).padStart(9), k));
  for (const name of ADDONS) {
    console.log(`plotly-${name}.min.js:`);
    byModule(await buildAddon(name, new Set(), index, true)).slice(0, 12)
      .forEach(([k, v]) => console.log(String(v).padStart(9), k));
  }
}
