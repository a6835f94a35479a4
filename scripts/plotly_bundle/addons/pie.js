'use strict';
/* add-on plotly-pie.min.js: the pie trace (after plotly-basic.min.js) */
require('./register')([require('plotly.js/src/traces/pie')]);
