'use strict';
// plotly.js's lib/matrix.js and lib/dom.js use two of gl-mat4's functions; its index
// requires all of them.
module.exports = { invert: require('gl-mat4/invert'), multiply: require('gl-mat4/multiply') };
