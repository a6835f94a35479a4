'use strict';

// newsbook bundle: replaces plotly.js/src/components/selections/index.js. No box or lasso
// selection: the component is not registered, the traces lose selectPoints (so the
// mode bar shows no select2d/lasso2d buttons), and dragbox/plot_api get no-op hooks.
// Drops select.js, polybooljs and point-in-polygon (~40 kB minified).
var clearOutline = require('../shapes/handle_outline').clearOutline;
var noop = function() {};

module.exports = {
    moduleType: 'component',
    name: 'selections',
    draw: noop,
    drawOne: noop,
    reselect: noop,
    prepSelect: noop,
    clearOutline: clearOutline,
    clearSelectionsCache: noop,
    selectOnClick: noop
};
