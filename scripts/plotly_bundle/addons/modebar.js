'use strict';
/* add-on plotly-modebar.min.js: the mode bar (after plotly-basic.min.js), with its buttons
 * and icons; the core keeps its layout defaults, and calls its `manage` through the
 * registry (modebar-manage-shim.js), a no-op until this is registered. Also Plotly.Icons. */
require('./register')([require('plotly.js/src/components/modebar')]);
window.Plotly.Icons = require('plotly.js/src/fonts/ploticon');
