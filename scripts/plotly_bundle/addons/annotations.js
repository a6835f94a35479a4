'use strict';
/* add-on plotly-annotations.min.js: the annotations component (after plotly-basic.min.js) */
require('./register')([require('plotly.js/src/components/annotations')]);
