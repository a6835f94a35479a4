'use strict';
/* newsbook's plotly.js core (plotly-basic.min.js): plotly.js/src/core.js with fewer
 * components.  Traces: scatter, bar.  Components: legend, fx (hover), colorscale
 * (scatter/bar marker colours need it).  The pie trace and the annotations, shapes,
 * updatemenus and modebar components are add-ons (addons/, plotly-<name>.min.js),
 * registered after this file by addons/register.js, which puts the components back in
 * the order below.  The mode bar's layout defaults stay here (plot_api reads
 * fullLayout.modebar); drawing it (manage, buttons, icons) is the add-on's. */
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
// annotations, shapes, updatemenus are add-ons; until one is registered (it takes its
// stand-in's place, and so its place in the order: legend defaults read shapes) a
// stand-in gives the full layout the empty list the core reads (legend reads
// fullLayout.shapes, axes fullLayout.annotations)
function standIn(name) {
    return {
        moduleType: 'component',
        name: name,
        supplyLayoutDefaults: function(layoutIn, layoutOut) { layoutOut[name] = []; }
    };
}

register([
    standIn('annotations'),
    standIn('shapes'),
    standIn('updatemenus'),
    require('plotly.js/src/components/colorscale'),
    require('plotly.js/src/components/legend'),
    require('plotly.js/src/components/fx'), // after legend (unified hover reads legends)
    // the mode bar: its layout attributes and defaults (fullLayout.modebar), no `manage`
    // (Registry.getComponentMethod('modebar', 'manage') is a no-op until the add-on,
    // plotly-modebar.min.js, registers the real component in this one's place)
    {
        moduleType: 'component',
        name: 'modebar',
        layoutAttributes: require('plotly.js/src/components/modebar/attributes').default,
        supplyLayoutDefaults: require('plotly.js/src/components/modebar/defaults')
    }
]);
register([require('plotly.js/src/locale-en'), require('plotly.js/src/locale-en-us')]);
register([noSelect(require('plotly.js/src/traces/bar'))]);  // pie: an add-on

// P.Icons (the mode bar's icons): set by the modebar add-on
var Fx = require('plotly.js/src/components/fx');
var Plots = require('plotly.js/src/plots/plots');
P.Plots = { resize: Plots.resize, graphJson: Plots.graphJson, sendDataToCloud: Plots.sendDataToCloud };
P.Fx = { hover: Fx.hover, unhover: Fx.unhover, loneHover: Fx.loneHover, loneUnhover: Fx.loneUnhover };
