'use strict';
/* plot_api/subroutines.js's ModeBar.manage(gd), through the registry: the mode bar is an
 * add-on (addons/modebar.js); until it is registered (a chart on a narrow screen, drawn
 * with displayModeBar: false) this does nothing. */
var Registry = require('plotly.js/src/registry');

exports.manage = function(gd) {
    return Registry.getComponentMethod('modebar', 'manage')(gd);
};
