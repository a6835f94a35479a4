// Builds newsbook's plotly.js bundle and its licence file (PLOTLY_LICENSE.txt beside it):
//   node build.mjs [--out FILE] [--analyze] [--no-terser]
// (default out: ../../_static/plotly-basic.min.js). See README.md.
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

const bundle = (minify) => esbuild.build({
  entryPoints: [path.join(here, 'entry.js')],
  bundle: true, format: 'iife', globalName: 'Plotly', target: 'es2018',
  minify, write: false, metafile: true, legalComments: 'eof', charset: 'utf8',
  outfile: path.join(work, 'plotly.js'),
  define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
  alias: { stream: 'stream-browserify' }, logLevel: 'warning', plugins: [newsbook],
});
const result = await bundle(false);
let code = result.outputFiles[0].text;
fs.writeFileSync(path.join(work, 'meta.json'), JSON.stringify(result.metafile));

if (!args.includes('--no-terser')) {
  const t = await minify(code, {
    ecma: 2018,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: /@license|@preserve|^!/, ascii_only: false },
  });
  code = t.code;
} else {
  code = (await esbuild.transform(code, { minify: true, target: 'es2018', legalComments: 'eof' })).code;
}

const header = `/**
* plotly.js (basic - minified) v${version}
* newsbook custom: traces scatter, bar, pie; components annotations, shapes, updatemenus,
* legend, fx (hover), modebar. Left out: calendars, box/lasso selection, sliders, range
* slider/selector, images, error bars, colorbar drawing, grid, 3D annotations, locales
* other than en, PlotSchema/validate/makeTemplate. Built by scripts/plotly_bundle.
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
const footer = `
window.Plotly = Plotly;
return Plotly;
}));
`;
const text = header + code + footer;
fs.writeFileSync(out, text);
const gz = zlib.gzipSync(text, { level: 9 }).length;
console.log(`${path.relative(process.cwd(), out)}: ${Buffer.byteLength(text)} bytes, ${gz} gzipped; ` +
            `${stripped} attribute descriptions stripped`);

// the licence file beside the bundle: plotly.js's, then every bundled package's
const pkgs = new Map([['@plotly/d3', d3Dir]]);
for (const k of Object.keys(Object.values(result.metafile.outputs)[0].inputs)) {
  const m = k.match(/^(.*node_modules\/((@[^/]+\/)?[^/]+))\//);
  if (m && m[2] !== 'plotly.js') pkgs.set(m[2], path.resolve(m[1]));
}
const licenceOf = (dir) => {
  const f = fs.readdirSync(dir).find((n) => /^licen[cs]e/i.test(n));
  return f ? fs.readFileSync(path.join(dir, f), 'utf8').trim() : null;
};
let notices = fs.readFileSync(path.join(plotlyDir, 'LICENSE'), 'utf8').trim() + '\n\n' +
  '-'.repeat(78) + `\nplotly-basic.min.js is a custom build of plotly.js ${version} ` +
  '(scripts/plotly_bundle). It also\ncontains code of these packages, under their own licences:\n';
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
  const o = Object.values((await bundle(true)).metafile.outputs)[0];
  const by = {};
  for (const [k, v] of Object.entries(o.inputs)) {
    const m = k.match(/node_modules\/((@[^/]+\/)?[^/]+)\/(.*)/);
    const key = m ? (m[1] === 'plotly.js' ? m[3].split('/').slice(0, 3).join('/') : m[1])
                  : path.relative(here, k);
    by[key] = (by[key] || 0) + v.bytesInOutput;
  }
  console.log('minified bytes by module (esbuild metafile, before terser):');
  Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 40)
    .forEach(([k, v]) => console.log(String(v).padStart(9), k));
}
