'use strict';
/* Registers an add-on's modules with the core (plotly-basic.min.js) once it is there.
 * Components run their layout defaults in the order they were registered
 * (Registry.componentsRegistry's key order): legend's read shapes, fx's read legend. A
 * component add-on replaces the core's stand-in of the same name, so keeps its place; the
 * keys are put back in the one-bundle order all the same (a component with no stand-in
 * would otherwise come after legend and fx). */
var Registry = require('plotly.js/src/registry');

var ORDER = ['annotations', 'shapes', 'updatemenus', 'colorscale', 'legend', 'fx', 'modebar'];

module.exports = function(modules) {
    Registry.register(modules);
    var reg = Registry.componentsRegistry;
    var names = Object.keys(reg);
    var sorted = ORDER.filter(function(n) { return names.indexOf(n) >= 0; })
        .concat(names.filter(function(n) { return ORDER.indexOf(n) < 0; }));
    var mods = {};
    names.forEach(function(n) { mods[n] = reg[n]; delete reg[n]; });
    sorted.forEach(function(n) { reg[n] = mods[n]; });
};
