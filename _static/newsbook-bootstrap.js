/* newsbook-bootstrap.js: the parts of Bootstrap 5 the book's pages use, in place of the
 * theme's _static/scripts/bootstrap.js (81 kB: all of Bootstrap and Popper).
 *
 * pydata-sphinx-theme 0.17 uses bootstrap.js for four things, and this file does them:
 *  - tooltips on every [data-bs-toggle="tooltip"] (shown 500 ms after hover or focus,
 *    hidden 100 ms after leaving; side from data-bs-placement; text from title or
 *    data-bs-title), built like Bootstrap 5.3 builds them (div.tooltip.bs-tooltip-auto
 *    .fade[data-popper-placement] > .tooltip-arrow + .tooltip-inner, role="tooltip",
 *    aria-describedby on the element while shown) so the theme's CSS styles them;
 *  - menus on [data-bs-toggle="dropdown"] (the download and launch menus): a click toggles
 *    .show on the button and its .dropdown-menu and aria-expanded; a click elsewhere (or
 *    on an item), Escape or focus leaving the menu closes it; the arrow keys open it and
 *    move between its items; Escape puts the focus back on the button;
 *  - the back-to-top button #pst-back-to-top (shown while scrolling up below the header);
 *  - window.bootstrap.Tooltip / .Dropdown (new, getInstance, getOrCreateInstance; show,
 *    hide, toggle, update, dispose) for the theme's own scripts (no events, no other
 *    Bootstrap component).
 * newsbook.charts.loader puts it on every page in place of bootstrap.js, fetched on the
 * reader's first scroll, key or pointer move (a page that needs window.bootstrap at once
 * loads it deferred). Plain ES5, no dependencies.
 */
(function () {
  "use strict";
  var w = window, d = document;
  if (w.bootstrap) return;  // the real Bootstrap is on the page after all

  var TOOLTIP = '[data-bs-toggle="tooltip"]', DROPDOWN = '[data-bs-toggle="dropdown"]';
  var OPPOSITE = {top: "bottom", bottom: "top", left: "right", right: "left"};
  var SIDE = {start: "left", end: "right", auto: "top"};
  var shownTips = [];

  function attr(el, name) { return el.getAttribute("data-bs-" + name); }
  function px(v) {  // Popper rounds to device pixels: crisp text
    var r = w.devicePixelRatio || 1;
    return Math.round(v * r) / r;
  }
  function element(el) { return typeof el === "string" ? d.querySelector(el) : el; }
  /* where (0, 0) of an absolutely placed element's containing block is, in viewport px */
  function origin(el) {
    var op = el.offsetParent;
    if (op && op !== d.documentElement && getComputedStyle(op).position !== "static") {
      var b = op.getBoundingClientRect();
      return {x: b.left + op.clientLeft - op.scrollLeft, y: b.top + op.clientTop - op.scrollTop,
              cb: op};
    }
    return {x: -w.pageXOffset, y: -w.pageYOffset};
  }

  // ---------------------------------------------------------------- tooltips

  function Tooltip(el, config) {
    el = element(el);
    if (el.__nbTooltip) el.__nbTooltip.dispose();
    var c = config || {}, delay = c.delay || 0;
    if (typeof delay === "number") delay = {show: delay, hide: delay};
    this._element = el;
    this._config = {
      title: c.title !== undefined ? c.title : attr(el, "title"),
      placement: c.placement || attr(el, "placement") || "top",
      fallbackPlacements: c.fallbackPlacements || ["top", "right", "bottom", "left"],
      offset: c.offset || [0, 6],
      trigger: c.trigger || attr(el, "trigger") || "hover focus",
      delay: delay
    };
    this._active = {};
    this._timer = 0;
    this.tip = null;
    // like Bootstrap: the title moves to data-bs-original-title, so the browser's own
    // tooltip does not show as well, and names an element that has no other name
    var title = el.getAttribute("title");
    if (title) {
      if (!el.getAttribute("aria-label") && !el.textContent.trim()) {
        el.setAttribute("aria-label", title);
      }
      el.setAttribute("data-bs-original-title", title);
      el.removeAttribute("title");
    }
    var self = this, h = this._handlers = [];
    function listen(type, fn) { el.addEventListener(type, fn); h.push([type, fn]); }
    var triggers = this._config.trigger.split(" ");
    if (triggers.indexOf("hover") >= 0) {
      listen("mouseenter", function () { self._enter("hover"); });
      listen("mouseleave", function () { self._leave("hover"); });
    }
    if (triggers.indexOf("focus") >= 0) {
      listen("focusin", function () { self._enter("focus"); });
      listen("focusout", function () { self._leave("focus"); });
    }
    el.__nbTooltip = this;
  }

  Tooltip.prototype._title = function () {
    var t = this._config.title;
    if (typeof t === "function") t = t.call(this._element, this._element);
    return t || this._element.getAttribute("data-bs-original-title") || "";
  };
  Tooltip.prototype._enter = function (how) {
    this._active[how] = true;
    clearTimeout(this._timer);
    if (this.tip) return;
    var self = this;
    this._timer = setTimeout(function () { self.show(); }, this._config.delay.show);
  };
  Tooltip.prototype._leave = function (how) {
    delete this._active[how];
    for (var k in this._active) if (this._active[k]) return;
    clearTimeout(this._timer);
    var self = this;
    this._timer = setTimeout(function () { self.hide(); }, this._config.delay.hide);
  };

  Tooltip.prototype.show = function () {
    var el = this._element, title = this._title();
    clearTimeout(this._timer);
    if (this.tip || !title || !d.documentElement.contains(el) || !el.getClientRects().length) {
      return;
    }
    var tip = d.createElement("div");
    tip.className = "tooltip bs-tooltip-auto fade";
    tip.setAttribute("role", "tooltip");
    tip.id = "tooltip" + Math.floor(Math.random() * 1e6);
    tip.innerHTML = '<div class="tooltip-arrow"></div><div class="tooltip-inner"></div>';
    tip.lastChild.textContent = title;
    d.body.appendChild(tip);
    el.setAttribute("aria-describedby", tip.id);
    this.tip = tip;
    this.update();
    void tip.offsetWidth;  // start the fade from transparent
    tip.classList.add("show");
    if (shownTips.indexOf(this) < 0) shownTips.push(this);
  };

  Tooltip.prototype.hide = function () {
    clearTimeout(this._timer);
    this._active = {};
    var tip = this.tip;
    if (!tip) return;
    this.tip = null;
    tip.classList.remove("show");
    this._element.removeAttribute("aria-describedby");
    shownTips.splice(shownTips.indexOf(this), 1);
    setTimeout(function () {  // after the .fade transition (0.15 s)
      if (tip.parentNode) tip.parentNode.removeChild(tip);
    }, 150);
  };

  Tooltip.prototype.toggle = function () { if (this.tip) this.hide(); else this.show(); };

  Tooltip.prototype.dispose = function () {
    var el = this._element;
    this.hide();
    this._handlers.forEach(function (h) { el.removeEventListener(h[0], h[1]); });
    var title = el.getAttribute("data-bs-original-title");
    if (title) el.setAttribute("title", title);
    el.removeAttribute("data-bs-original-title");
    delete el.__nbTooltip;
  };

  /* Put the tip on its side of the element (the first of placement and the fallbacks
   * that fits in the viewport), centred on it, moved back into the viewport along the
   * side, the arrow still pointing at the element's centre. */
  Tooltip.prototype.update = function () {
    var tip = this.tip, el = this._element, c = this._config;
    if (!tip) return;
    var want = typeof c.placement === "function"
      ? c.placement.call(this, tip, el) : c.placement;
    want = SIDE[want] || want;
    var r = el.getBoundingClientRect(), vw = d.documentElement.clientWidth,
        vh = d.documentElement.clientHeight, skid = c.offset[0], dist = c.offset[1];
    var arrow = tip.firstChild;
    tip.style.cssText = "position:absolute;inset:0 auto auto 0;margin:0";
    arrow.style.position = "absolute";  // out of the flow before the tip is measured
    function size(side) {
      tip.setAttribute("data-popper-placement", side);
      var b = tip.getBoundingClientRect();
      return {w: b.width, h: b.height};
    }
    function fits(side, s) {
      return side === "top" ? r.top - dist - s.h >= 0
        : side === "bottom" ? r.bottom + dist + s.h <= vh
        : side === "left" ? r.left - dist - s.w >= 0 : r.right + dist + s.w <= vw;
    }
    var sides = [want].concat(c.fallbackPlacements), side = want, s = size(want);
    for (var i = 0; i < sides.length; i++) {
      var t = SIDE[sides[i]] || sides[i], ts = size(t);
      if (OPPOSITE[t] && fits(t, ts)) { side = t; s = ts; break; }
    }
    if (!OPPOSITE[side]) side = "top";
    s = size(side);
    var x, y, across = side === "top" || side === "bottom";
    if (across) {
      x = r.left + r.width / 2 - s.w / 2 + skid;
      y = side === "top" ? r.top - dist - s.h : r.bottom + dist;
      x = Math.max(0, Math.min(x, vw - s.w));
    } else {
      y = r.top + r.height / 2 - s.h / 2 + skid;
      x = side === "left" ? r.left - dist - s.w : r.right + dist;
      y = Math.max(0, Math.min(y, vh - s.h));
    }
    // as Popper does, a tip on the left is held by its right edge and one above by its
    // bottom edge (the same pixels as Bootstrap's)
    var o = origin(tip), cb = o.cb || d.documentElement,
        tx = px(x - o.x), ty = px(y - o.y);
    if (side === "left") tx = px(x + s.w - o.x - cb.clientWidth);
    if (side === "top") ty = px(y + s.h - o.y - cb.clientHeight);
    tip.style.inset = (side === "top" ? "auto " : "0 ") + (side === "left" ? "0 " : "auto ") +
      (side === "top" ? "0 " : "auto ") + (side === "left" ? "auto" : "0");
    tip.style.transform = "translate(" + tx + "px, " + ty + "px)";
    if (across) {
      var ax = r.left + r.width / 2 - x - arrow.offsetWidth / 2;
      ax = Math.max(0, Math.min(ax, s.w - arrow.offsetWidth));
      arrow.style.cssText = "position:absolute;left:0;transform:translate(" + px(ax) + "px, 0px)";
    } else {
      var ay = r.top + r.height / 2 - y - arrow.offsetHeight / 2;
      ay = Math.max(0, Math.min(ay, s.h - arrow.offsetHeight));
      arrow.style.cssText = "position:absolute;top:0;transform:translate(0px, " + px(ay) + "px)";
    }
  };

  // ---------------------------------------------------------------- dropdown menus

  function Dropdown(el) {
    el = element(el);
    this._element = el;
    var menu = el.nextElementSibling;
    while (menu && !menu.classList.contains("dropdown-menu")) menu = menu.nextElementSibling;
    this._menu = menu || el.parentNode.querySelector(".dropdown-menu");
    el.__nbDropdown = this;
  }

  Dropdown.prototype._shown = function () {
    return !!this._menu && this._menu.classList.contains("show");
  };
  Dropdown.prototype.toggle = function () { if (this._shown()) this.hide(); else this.show(); };

  Dropdown.prototype.show = function () {
    var el = this._element;
    if (!this._menu || this._shown() || el.disabled || el.classList.contains("disabled")) return;
    closeMenus(this);
    el.focus();
    el.setAttribute("aria-expanded", "true");
    el.classList.add("show");
    this._menu.classList.add("show");
    this.update();
  };

  Dropdown.prototype.hide = function () {
    if (!this._shown()) return;
    var el = this._element;
    this._menu.classList.remove("show");
    el.classList.remove("show");
    el.setAttribute("aria-expanded", "false");
    // a tooltip of an item (the menu's .md, .pdf) goes with the menu
    Array.prototype.forEach.call(this._menu.querySelectorAll(TOOLTIP), function (t) {
      if (t.__nbTooltip) t.__nbTooltip.hide();
    });
  };

  Dropdown.prototype.dispose = function () { this.hide(); delete this._element.__nbDropdown; };

  /* Below the button, its left edge on the button's (right edge with .dropdown-menu-end),
   * 2 px apart, as Popper places it; above the button if only there it fits; moved back
   * into the viewport sideways. In a navbar the theme's CSS places it (static). */
  Dropdown.prototype.update = function () {
    var el = this._element, menu = this._menu;
    if (!this._shown()) return;
    if (el.closest(".navbar")) { menu.setAttribute("data-bs-popper", "static"); return; }
    menu.style.cssText = "position:absolute;inset:0 auto auto 0;margin:0";
    var r = el.getBoundingClientRect(), mw = menu.offsetWidth, mh = menu.offsetHeight,
        vw = d.documentElement.clientWidth, vh = d.documentElement.clientHeight,
        end = menu.classList.contains("dropdown-menu-end"), place = "bottom";
    var x = end ? r.right - mw : r.left, y = r.bottom + 2;
    if (y + mh > vh && r.top - 2 - mh >= 0) { y = r.top - 2 - mh; place = "top"; }
    x = Math.max(0, Math.min(x, vw - mw));
    var o = origin(menu);
    menu.style.transform = "translate(" + px(x - o.x) + "px, " + px(y - o.y) + "px)";
    menu.setAttribute("data-popper-placement", place + (end ? "-end" : "-start"));
  };

  function openDropdowns() {
    return Array.prototype.slice.call(d.querySelectorAll(DROPDOWN + ".show"))
      .map(function (t) { return t.__nbDropdown; }).filter(Boolean);
  }
  function closeMenus(except) {
    openDropdowns().forEach(function (dd) { if (dd !== except) dd.hide(); });
  }
  function items(dd) {
    return Array.prototype.filter.call(
      dd._menu.querySelectorAll(".dropdown-item:not(.disabled):not(:disabled)"),
      function (i) { return i.getClientRects().length > 0; });
  }

  // a click on a menu button toggles its menu; any other click closes the open menus
  // (a click on an item too, but not one in a form field of the menu)
  d.addEventListener("click", function (e) {
    if (e.button === 2) return;
    var t = e.target.closest && e.target.closest(DROPDOWN);
    if (t) {
      if (t.tagName === "A") e.preventDefault();
      Dropdown.getOrCreateInstance(t).toggle();
      return;
    }
    openDropdowns().forEach(function (dd) {
      if (!(dd._menu.contains(e.target) && /input|select|option|textarea|form/i
        .test(e.target.tagName))) dd.hide();
    });
  });

  // arrows open a menu and walk its items (no wrapping); Escape closes it, back to its
  // button; Escape also dismisses a tooltip
  d.addEventListener("keydown", function (e) {
    var k = e.key, down = k === "ArrowDown" || k === "Down", up = k === "ArrowUp" || k === "Up",
        esc = k === "Escape" || k === "Esc";
    if (esc) shownTips.slice().forEach(function (t) { t.hide(); });
    if (!down && !up && !esc) return;
    var t = e.target, toggle = t.closest && t.closest(DROPDOWN), menu = !toggle && t.closest &&
      t.closest(".dropdown-menu");
    if (menu) {
      toggle = menu.parentNode.querySelector(DROPDOWN);
      if (!toggle || !toggle.__nbDropdown || toggle.__nbDropdown._menu !== menu) return;
    }
    if (!toggle || /input|textarea/i.test(t.tagName)) return;
    var dd = Dropdown.getOrCreateInstance(toggle);
    if (esc) {
      if (!dd._shown()) return;
      e.preventDefault();
      e.stopPropagation();
      dd.hide();
      toggle.focus();
      return;
    }
    e.preventDefault();
    dd.show();
    var list = items(dd), i = list.indexOf(t);
    if (!list.length) return;
    i = i < 0 ? (down ? 0 : list.length - 1)
      : Math.max(0, Math.min(list.length - 1, i + (down ? 1 : -1)));
    list[i].focus();
  });

  // focus moving out of an open menu (Tab) closes it
  d.addEventListener("focusin", function (e) {
    openDropdowns().forEach(function (dd) {
      if (e.target !== dd._element && !dd._menu.contains(e.target)) dd.hide();
    });
  });

  // keep shown tips and menus by their element while the page or a sidebar scrolls
  function reposition() {
    shownTips.forEach(function (t) { t.update(); });
    openDropdowns().forEach(function (dd) { dd.update(); });
  }
  w.addEventListener("resize", reposition);
  d.addEventListener("scroll", function () {
    if (shownTips.length) reposition();
  }, {passive: true, capture: true});

  // ---------------------------------------------------------------- the public API

  [Tooltip, Dropdown].forEach(function (C) {
    var key = C === Tooltip ? "__nbTooltip" : "__nbDropdown";
    C.getInstance = function (el) { el = element(el); return (el && el[key]) || null; };
    C.getOrCreateInstance = function (el, config) {
      return C.getInstance(el) || new C(element(el), typeof config === "object" ? config : {});
    };
  });
  w.bootstrap = {Tooltip: Tooltip, Dropdown: Dropdown};

  // ---------------------------------------------------------------- on the page

  function backToTop() {
    var btn = d.getElementById("pst-back-to-top"), header = d.querySelector(".bd-header");
    if (!btn) return;
    // (clicked, it goes at once and stays gone on the way up: a smooth scroll's events
    // showed it again, and on a busy machine it could still show at the top)
    var leaving = false;
    btn.addEventListener("click", function () {
      leaving = true;
      btn.style.display = "none";
      d.body.scrollTop = 0;
      d.documentElement.scrollTop = 0;
    });
    if (!header) return;
    // as the theme does: the header's bottom when this runs (it is sticky: about the
    // same wherever the page is scrolled to)
    var below = header.getBoundingClientRect().bottom, last = w.pageYOffset;
    w.addEventListener("scroll", function () {
      var y = w.pageYOffset;
      if (leaving && y > below && last > y) {
        last = y;
        return;
      }
      leaving = false;
      btn.style.display = last > y && y > below ? "block" : "none";
      last = y;
    }, {passive: true});
  }

  function start() {
    Array.prototype.forEach.call(d.querySelectorAll(TOOLTIP), function (el) {
      if (!el.__nbTooltip) new Tooltip(el, {delay: {show: 500, hide: 100}});
    });
    backToTop();
    // this file arrives on the reader's first move: a pointer already over an element
    // with a tooltip, or a keyboard focus already on one, gets it as if it came later
    var over = d.querySelectorAll(":hover"), last = over[over.length - 1];
    last = last && last.closest(TOOLTIP);
    if (last && last.__nbTooltip) last.__nbTooltip._enter("hover");
    var a = d.activeElement;
    try {
      if (a && a.__nbTooltip && a.matches(":focus-visible")) a.__nbTooltip._enter("focus");
    } catch (x) { /* no :focus-visible */ }
  }
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", start);
  else start();
})();
