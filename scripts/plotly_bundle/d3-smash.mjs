// A d3 v3 build with only the modules plotly.js's drawing code calls: the source tree
// of @plotly/d3 joined the way d3's own build (smash) joins it -- each `import "x";`
// is replaced by file x (once), a trailing "/" meaning the folder's index.js.
import fs from 'fs';
import path from 'path';

export const D3_MODULES = [
  'compat/', 'core/', 'arrays/extent', 'format/', 'math/', 'color/', 'interpolate/',
  'event/', 'selection/', 'transition/', 'behavior/behavior', 'behavior/drag', 'scale/linear',
];

export function smashD3(srcDir, modules = D3_MODULES) {
  const seen = new Set();
  const load = (file) => {
    file = path.resolve(file);
    if (seen.has(file)) return '';
    seen.add(file);
    const dir = path.dirname(file);
    return fs.readFileSync(file, 'utf8').replace(/^import\s+"([^"]+)";[^\n]*$/gm, (_, p) =>
      load(path.join(dir, p.endsWith('/') ? p + 'index.js' : p + '.js')));
  };
  const want = ['start'].concat(modules, ['end'])
    .map((m) => `import "${m}";`).join('\n');
  const entry = path.join(srcDir, '__newsbook_entry__.js');
  seen.add(path.resolve(entry));
  return want.replace(/^import\s+"([^"]+)";$/gm, (_, p) =>
    load(path.join(srcDir, p.endsWith('/') ? p + 'index.js' : p + '.js')));
}
