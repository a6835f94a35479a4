'use strict';
/* modebar/buttons.js's only use of components/shapes/draw.js (the "erase active shape"
 * button, offered only with editable shapes or drawing modes): read from the shapes
 * add-on (addons/shapes.js) when it is registered, so the core need not hold the
 * shapes' drawing code. */
var Registry = require('plotly.js/src/registry');

exports.eraseActiveShape = function(gd) {
    return Registry.getComponentMethod('shapes', 'eraseActiveShape')(gd);
};
