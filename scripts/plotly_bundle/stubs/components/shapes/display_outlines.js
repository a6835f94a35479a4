'use strict';

// newsbook bundle: replaces plotly.js/src/components/shapes/display_outlines.js, the
// outline and vertex handles of an *active* shape (a shape with editable: true that
// was clicked, or one being drawn with a draw* dragmode). The book has neither, so
// shapes stay drawn but cannot be edited in place. Drops draw_newshape/newshapes.js
// and selections/draw_newselection/newselections.js with it.
module.exports = function displayOutlines() {};
