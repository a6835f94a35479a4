'use strict';
/* components/modebar/attributes.js reads constants.js (which requires every button and
 * icon) only for the `add`/`remove` descriptions, which strip-meta.mjs drops; the core
 * holds the attributes without the buttons (the modebar add-on has the real constants). */
module.exports = { DRAW_MODES: [], backButtons: [], foreButtons: [] };
