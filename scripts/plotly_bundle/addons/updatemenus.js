'use strict';
/* add-on plotly-updatemenus.min.js: the updatemenus component (after plotly-basic.min.js) */
require('./register')([require('plotly.js/src/components/updatemenus')]);
