'use strict';
/* add-on plotly-shapes.min.js: the shapes component (after plotly-basic.min.js); also
 * eraseActiveShape, which the core's mode bar reads from it (shapes-draw-shim.js) */
var shapes = require('plotly.js/src/components/shapes');
require('./register')([Object.assign({}, shapes, {
    eraseActiveShape: require('plotly.js/src/components/shapes/draw').eraseActiveShape
})]);
