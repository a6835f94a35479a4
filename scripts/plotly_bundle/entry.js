'use strict';
/* newsbook's plotly.js entry: plotly.js/src/core.js with fewer components.
 * Traces: scatter, bar, pie.  Components: annotations, shapes, updatemenus,
 * legend, fx (hover), modebar, colorscale (scatter/bar marker colours need it). */
var P = exports;
P.version = require('plotly.js/src/version').version;
require('plotly.js/build/plotcss');

var Registry = require('plotly.js/src/registry');
var register = P.register = Registry.register;

var api = require('plotly.js/src/plot_api/plot_api');
var names = ['_doPlot', 'newPlot', 'restyle', 'relayout', 'redraw', 'update', '_guiRestyle',
    '_guiRelayout', '_guiUpdate', '_storeDirectGUIEdit', 'react', 'extendTraces', 'prependTraces',
    'addTraces', 'deleteTraces', 'moveTraces', 'purge', 'addFrames', 'deleteFrames', 'animate',
    'setPlotConfig'];
var methods = {};
names.forEach(function(n) { methods[n] = api[n]; });
methods.toImage = require('plotly.js/src/plot_api/to_image');
methods.downloadImage = require('plotly.js/src/snapshot/download');
Object.keys(methods).forEach(function(n) {
    if(n.charAt(0) !== '_') P[n] = methods[n];
    register({ moduleType: 'apiMethod', name: n, fn: methods[n] });
});

// trace modules without selectPoints: box/lasso selection is left out (stubs/), so the
// mode bar must not offer select2d/lasso2d
function noSelect(m) {
    var c = Object.assign({}, m);
    delete c.selectPoints;
    return c;
}

register(noSelect(require('plotly.js/src/traces/scatter')));
register([
    require('plotly.js/src/components/annotations'),
    require('plotly.js/src/components/shapes'),
    require('plotly.js/src/components/updatemenus'),
    require('plotly.js/src/components/colorscale'),
    require('plotly.js/src/components/legend'), // after shapes (legend defaults read shapes)
    require('plotly.js/src/components/fx'), // after legend (unified hover reads legends)
    require('plotly.js/src/components/modebar')
]);
register([require('plotly.js/src/locale-en'), require('plotly.js/src/locale-en-us')]);
register([noSelect(require('plotly.js/src/traces/bar')), require('plotly.js/src/traces/pie')]);

P.Icons = require('plotly.js/src/fonts/ploticon');
var Fx = require('plotly.js/src/components/fx');
var Plots = require('plotly.js/src/plots/plots');
P.Plots = { resize: Plots.resize, graphJson: Plots.graphJson, sendDataToCloud: Plots.sendDataToCloud };
P.Fx = { hover: Fx.hover, unhover: Fx.unhover, loneHover: Fx.loneHover, loneUnhover: Fx.loneUnhover };
