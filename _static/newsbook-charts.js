/* newsbook chart loader: draws the book's plotly charts, lazily.
 *
 * Every chart is a <figure class="nb-chart"> holding a reserved-height
 * <div class="nb-chart-plot"> and its figure JSON: inline in
 * <script type="application/json" class="nb-chart-json"> (a notebook's output), or in the
 * book a file named by the plot's data-fig (fetched when the chart nears the viewport); the
 * data table's rows likewise (tbody data-rows, fetched when it is opened). A one-line bootstrap inside
 * each chart (newsbook.charts.loader.LOADER_JS) sets window.__newsbookChartsConfig and
 * adds this file once per page. This file then
 *
 *  - watches every chart with an IntersectionObserver and, when the first one nears the
 *    viewport, fetches the shared plotly.js bundle once, asynchronously (pages whose
 *    charts are never scrolled to never load plotly.js);
 *  - the bundle is a core (scatter, bar, legend, hover) and add-ons beside it
 *    (plotly-<name>.min.js: the pie trace; shapes, annotations, update menus): a figure's
 *    add-ons (N.addons) are fetched once each, when its JSON has arrived, and it is drawn
 *    once they and the core are there; the mode bar is an add-on too, fetched only for a
 *    chart that shows it (N.bar: one at least `narrow` px wide), and when a chart first
 *    grows that wide;
 *  - draws each chart when it nears the viewport (the box keeps its height, so nothing
 *    shifts);
 *  - follows the theme: the text colour follows <html data-theme> (pydata-sphinx-theme;
 *    "auto" falls back to prefers-color-scheme) and is re-applied when it changes;
 *  - below `narrow` px plot width switches to a phone layout (smaller fonts, fewer ticks,
 *    slimmer margins, a horizontal legend at the bottom); crossing back restores the
 *    figure's own values, captured before the first draw;
 *  - a click on a point whose last customdata is a chapter URL opens that chapter
 *    (N.link: "chapters/<stem>.html#~<n>" is short for "chapters/<stem>.html#p-<stem>-<n>").
 */
(function () {
  "use strict";
  var w = window, doc = document, h = doc.documentElement;
  if (w.__newsbookCharts) { w.__newsbookCharts.scan(); return; }
  var cfg = w.__newsbookChartsConfig || {};
  var N = w.__newsbookCharts = {
    q: [], done: [], loading: false, observer: null, got: {},
    fc: cfg.fc || { light: "#1f2328", dark: "#e3e3e3" },
    narrow: cfg.narrow || 600,
    bundle: cfg.bundle || "_static/plotly-basic.min.js",
    margin: cfg.margin || "400px 0px"
  };
  var root = function () { return h.dataset.content_root || "./"; };

  N.theme = function () {
    var t = h.dataset.theme;
    if (t !== "dark" && t !== "light") {
      t = w.matchMedia && w.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    }
    return t;
  };
  N.color = function () { return N.fc[N.theme()]; };
  N.get = function (o, p) {
    p = p.split(".");
    for (var i = 0; i < p.length; i++) { if (o == null) return null; o = o[p[i]]; }
    return o === undefined ? null : o;
  };
  N.keys = ["font.size", "margin.l", "margin.r", "margin.b", "legend.orientation", "legend.x",
    "legend.xanchor", "legend.y", "legend.yanchor", "legend.yref", "xaxis.nticks", "xaxis.tickmode",
    "yaxis.nticks", "yaxis.tickmode", "xaxis.tickvals", "xaxis.ticktext", "yaxis.tickvals",
    "yaxis.ticktext", "xaxis.title.text", "yaxis.title.text", "xaxis.tickangle", "height",
    "xaxis.tickfont.size", "yaxis.tickfont.size"];
  N.set = function (o, p, v) {
    p = p.split(/[.\[\]]+/).filter(Boolean);
    for (var i = 0; i < p.length - 1; i++) {
      if (o[p[i]] == null) o[p[i]] = /^\d+$/.test(p[i + 1]) ? [] : {};
      o = o[p[i]];
    }
    if (v === null) delete o[p[i]]; else o[p[i]] = v;
  };
  N.wrap = function (t, n) {
    if (typeof t !== "string" || t.length <= n || t.indexOf("<br") >= 0) return t;
    var o = [], c = "";
    /* long hyphenated words ("RMB-denominated", "Kyrgyz–Chinese") may break after the dash */
    t.replace(/([^\s\-\u2013\/]{3,}[\-\u2013\/])(?=[^\s\-\u2013\/]{3,})/g, "$1 ").split(" ").forEach(function (x) {
      var glue = /[\-\u2013\/]$/.test(c) ? "" : " ";
      if (c && (c + glue + x).length > n) { o.push(c); c = x; } else c = c ? c + glue + x : x;
    });
    if (c) o.push(c);
    return o.join("<br>");
  };
  /* the relayout patch for the current width: the figure's own values, or the phone layout */
  N.patch = function (d) {
    var o = d.__nbOrig, p = {}, k, n = d.clientWidth < N.narrow, fl = d._fullLayout || {};
    d.__nbNarrow = n;
    for (k = 0; k < N.keys.length; k++) p[N.keys[k]] = o[N.keys[k]];
    o.menus.forEach(function (m, i) {
      p["updatemenus[" + i + "].type"] = m[0];
      p["updatemenus[" + i + "].direction"] = m[1];
    });
    if (!n) return p;
    p.__narrow = true;
    p["font.size"] = 11;
    p["margin.l"] = Math.min(o["margin.l"] == null ? 56 : o["margin.l"], 8);
    p["margin.r"] = Math.min(o["margin.r"] == null ? 12 : o["margin.r"], 12);
    p["margin.b"] = Math.min(o["margin.b"] == null ? 48 : o["margin.b"], 40);
    if (fl.showlegend) {
      p["legend.orientation"] = "h"; p["legend.x"] = 0; p["legend.xanchor"] = "left";
      p["legend.yref"] = "container"; p["legend.y"] = 0; p["legend.yanchor"] = "bottom";
    }
    o.menus.forEach(function (m, i) {
      if (m[0] !== "dropdown") {
        p["updatemenus[" + i + "].type"] = "dropdown";
        p["updatemenus[" + i + "].direction"] = "down";
      }
    });
    var cw = Math.max(16, Math.floor((fl._size ? fl._size.w : d.clientWidth) / 7));
    ["xaxis", "yaxis"].forEach(function (a) {
      var ax = fl[a];
      if (!ax || ax.visible === false) return;
      if (ax.title && ax.title.text) p[a + ".title.text"] = N.wrap(ax.title.text, a === "xaxis" ? cw : 30);
      if (ax.type === "category") {
        var c = (ax._categories || []).slice(), tv = o[a + ".tickvals"], tt = o[a + ".ticktext"];
        if (!c.length) return;
        var lab = c.map(function (x) {
          var i = tv ? tv.indexOf(x) : -1;
          return String(i >= 0 && tt ? tt[i] : x).replace(/<br\s*\/?>/g, " ");
        });
        var tall = a === "xaxis" && c.length * 64 > d.clientWidth;
        if (tall) { p["xaxis.tickangle"] = -90; p["xaxis.tickfont.size"] = 10; }
        else if (o[a + ".tickfont.size"]) p[a + ".tickfont.size"] = 11;
        p[a + ".tickmode"] = "array";
        p[a + ".tickvals"] = c;
        /* y categories wrap short and small, so the plot keeps >= 250 px of a phone */
        if (a === "yaxis") p["yaxis.tickfont.size"] = 10;
        p[a + ".ticktext"] = lab.map(function (x) { return N.wrap(x, a === "yaxis" ? 11 : (tall ? 30 : 12)); });
        if (a === "yaxis" && p["yaxis.ticktext"].some(function (x) { return x.indexOf("<br>") >= 0; })) {
          p.height = Math.max(o.height || 450, c.length * 40 + 220);
        }
      } else {
        /* dates and numbers: one tick per ~90 px, so labels never touch */
        var most = Math.max(2, Math.min(5, Math.floor((fl._size ? fl._size.w : 300) / 90)));
        var vals = o[a + ".tickvals"], txt = o[a + ".ticktext"];
        if (vals && vals.length) {
          /* the figure's own ticks ("Nov 2026"): every k-th of them */
          var step = Math.ceil(vals.length / most);
          p[a + ".tickmode"] = "array";
          p[a + ".tickvals"] = vals.filter(function (x, i) { return i % step === 0; });
          if (txt) p[a + ".ticktext"] = txt.filter(function (x, i) { return i % step === 0; });
        } else {
          p[a + ".tickmode"] = "auto";
          p[a + ".nticks"] = most;
        }
      }
    });
    return p;
  };
  N.fit = function (d) {
    if ((d.clientWidth < N.narrow) === d.__nbNarrow) return Promise.resolve();
    var p = N.patch(d), l = JSON.parse(JSON.stringify(d.layout)), n = !!p.__narrow;
    for (var k in p) if (k !== "__narrow") N.set(l, k, p[k]);
    /* on a phone the mode bar would sit on the chart's menus: the menus and a tap's
       hover label are what a phone reader uses, so the bar is left out there; a wide
       chart shows it once its add-on is there (N.wantBar: on first use) */
    return w.Plotly.newPlot(d, d.data, l, { responsive: true, displaylogo: false,
                                            displayModeBar: !n && N.hasBar() }).then(function () {
      N.clicks(d);
      return N.unclip(d);
    });
  };
  /* value labels outside the bars must not run past the chart's edge (a phone plot is a
     third as wide as the one the figure was laid out for): widen the value axis by what
     the longest label overflows, measured, once per layout */
  N.unclip = function (d) {
    var fl = d._fullLayout, svg = d.querySelector("svg.main-svg");
    if (!fl || !svg || !fl.xaxis || fl.xaxis.type !== "linear" || !fl._size) return Promise.resolve();
    var edge = svg.getBoundingClientRect().right - 4, over = 0;
    d.querySelectorAll(".barlayer text, .scatterlayer .textpoint text").forEach(function (t) {
      over = Math.max(over, t.getBoundingClientRect().right - edge);
    });
    if (over <= 0) return Promise.resolve();
    var r = fl.xaxis.range, pw = fl._size.w;
    return w.Plotly.relayout(d, { "xaxis.range": [r[0], r[1] + (r[1] - r[0]) * (over + 8) /
                                            Math.max(40, pw - over - 8)] });
  };
  /* the figure: inline JSON (a notebook's output), or in the book a file fetched when the
     chart nears the viewport (fetched while plotly.js loads; the page stays light) */
  N.figure = function (f) {
    var d = f.querySelector(".nb-chart-plot"), j = f.querySelector("script.nb-chart-json");
    if (j) return Promise.resolve(JSON.parse(j.textContent));
    if (!d || !d.dataset.fig) return Promise.reject(new Error("no figure"));
    if (!f.__nbFig) {
      f.__nbFig = fetch(d.dataset.fig).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + d.dataset.fig);
        return r.json();
      });
    }
    return f.__nbFig;
  };
  /* the add-ons a figure needs: trace types not in the core, and layout components
     with items (in the figure, or named items of its template, which plotly draws too) */
  N.traceAddons = { pie: "pie" };
  N.layoutAddons = ["annotations", "shapes", "updatemenus"];
  N.addons = function (g) {
    var need = {}, l = (g && g.layout) || {}, t = (l.template && l.template.layout) || {};
    (g && g.data || []).forEach(function (tr) {
      var ty = (tr && tr.type) || "scatter";
      if (Object.prototype.hasOwnProperty.call(N.traceAddons, ty)) need[N.traceAddons[ty]] = 1;
    });
    N.layoutAddons.forEach(function (k) {
      if ((Array.isArray(l[k]) && l[k].length) || (Array.isArray(t[k]) && t[k].length)) need[k] = 1;
    });
    return Object.keys(need).sort();
  };
  /* each add-on once; it registers itself with the core when both are there */
  N.addon = function (name) {
    if (!N.got[name]) {
      N.got[name] = new Promise(function (ok, no) {
        var t = doc.createElement("script");
        t.async = true;
        t.src = root() + N.bundle.replace(/[^\/]*$/, "") + "plotly-" + name + ".min.js";
        t.onload = ok;
        t.onerror = no;
        doc.head.appendChild(t);
      });
    }
    return N.got[name];
  };
  N.need = function (g) { return Promise.all(N.addons(g).map(N.addon)); };
  /* the mode bar (plotly-modebar.min.js, 40 kB) is shown only on a chart at least
     `narrow` px wide, and fetched only when a reader first points at, touches or tabs
     into such a chart: it appears on hover, so a chart nobody uses never loads it (this
     kept a desktop timeline under 1 MB). That chart then gets the bar, each other one
     when first used, and a chart drawn after that has it at once. If it cannot load,
     charts stay without it. */
  N.bar = function (d) { return !!d && d.clientWidth >= N.narrow; };
  N.hasBar = function () { return !!(w.Plotly && w.Plotly.Icons); };
  N.modebar = function () { return N.addon("modebar").then(null, function () {}); };
  N.wantBar = function (d) {
    if (!N.bar(d) || d.__nbBar || !d._fullLayout) return;
    d.__nbBar = true;
    N.modebar().then(function () {
      if (!N.hasBar() || !N.bar(d) || !d._context || !d._fullLayout ||
          d.querySelector(".modebar-btn")) return null;
      /* no new draw (a click under way would be lost): the plot's config now allows the
         bar, and a mode-bar edit makes plotly add it (the bundle is pinned: tested) */
      d._context.displayModeBar = "hover";
      return w.Plotly.relayout(d, { "modebar.orientation": d._fullLayout.modebar.orientation });
    });
  };
  N.arm = function (d) {
    ["pointerenter", "focusin", "touchstart"].forEach(function (ev) {
      d.addEventListener(ev, function () { N.wantBar(d); }, { passive: true });
    });
  };
  N.needFor = function (g) { return N.need(g); };
  /* a point's chapter link: "chapters/<stem>.html(#<id>)", or its short form
     "chapters/<stem>.html#~<n>" for "chapters/<stem>.html#p-<stem>-<n>"; null otherwise */
  N.link = function (u) {
    if (typeof u !== "string") return null;
    var m = /^chapters\/([a-z0-9-]+)\.html#~(\d+)$/.exec(u);
    if (m) return "chapters/" + m[1] + ".html#p-" + m[1] + "-" + m[2];
    return /^chapters\/[a-z0-9-]+\.html(#[a-z0-9-]+)?$/.test(u) ? u : null;
  };
  N.draw = function (f) {
    var d = f.querySelector(".nb-chart-plot");
    if (!d || d.dataset.drawn) return;
    d.dataset.drawn = "1";
    N.figure(f).then(function (g) {
      N.needFor(g).then(function () { N.plot(d, g); }, function () { N.broken(d); });
    }, function () { N.broken(d); });
  };
  N.broken = function (d) {
    d.textContent = "The interactive chart could not load; the data table below has the figures.";
  };
  /* a click on a point opens its chapter link; set after every Plotly.newPlot (which
     purges the plot's listeners: N.fit's re-layout would otherwise drop it) */
  N.click = function (e) {
    var p = e && e.points && e.points[0], c = p && p.customdata, u = N.link(c && c[c.length - 1]);
    if (u) w.location.href = root() + u;
  };
  N.clicks = function (d) { d.on("plotly_click", N.click); };
  N.plot = function (d, g) {
    var l = g.layout || {}, o = {};
    N.keys.forEach(function (k) { o[k] = N.get(l, k); });
    o.menus = (l.updatemenus || []).map(function (m) { return [m.type || null, m.direction || null]; });
    d.__nbOrig = o; d.__nbNarrow = false;
    /* narrow or wide is known before the first draw: a chart that will take the phone
       layout (N.fit) never makes a mode bar (nor needs its add-on) */
    var cfg = { responsive: true, displaylogo: false };
    if (!N.bar(d) || !N.hasBar()) cfg.displayModeBar = false;
    N.arm(d);
    l.font = Object.assign({}, l.font, { color: N.color() });
    d.textContent = "";
    /* drawn hidden in the reserved box, shown once the layout for this width is settled
       (phone layout, labels unclipped): the reader never sees a layout change */
    d.style.visibility = "hidden";
    w.Plotly.newPlot(d, g.data || [], l, cfg).then(function () {
      N.done.push(d);
      N.clicks(d);
      var c = N.color();
      if (d._fullLayout && d._fullLayout.font.color !== c) w.Plotly.relayout(d, { "font.color": c });
      return N.fit(d).then(function () { return N.unclip(d); });
    }).then(function () { d.style.visibility = ""; }, function () { d.style.visibility = ""; });
  };
  N.flush = function () { while (N.q.length) N.draw(N.q.shift()); };
  N.fail = function () {
    N.q.forEach(function (f) {
      var d = f.querySelector(".nb-chart-plot");
      if (d) N.broken(d);
    });
  };
  /* a data table whose rows are a file: filled in when first opened, as text nodes
     (a cell is its text, or [text, link]; links must be book-relative page links) */
  N.safeHref = /^(?:(?:\.\.\/)*chapters\/[a-z0-9-]+\.html)?(?:#[A-Za-z][A-Za-z0-9_.:-]*)?$/;
  N.rows = function (det) {
    var tb = det.querySelector("tbody[data-rows]");
    if (!det.open || !tb || tb.__nbRows) return;
    tb.__nbRows = true;
    fetch(tb.dataset.rows).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (rows) {
      var frag = doc.createDocumentFragment();
      rows.forEach(function (row) {
        var tr = doc.createElement("tr");
        row.forEach(function (c) {
          var td = doc.createElement("td"), text = Array.isArray(c) ? c[0] : c;
          if (Array.isArray(c) && typeof c[1] === "string" && c[1] && N.safeHref.test(c[1])) {
            var a = doc.createElement("a");
            a.setAttribute("href", c[1]);
            a.textContent = text;
            td.appendChild(a);
          } else {
            td.textContent = text == null ? "" : String(text);
          }
          tr.appendChild(td);
        });
        frag.appendChild(tr);
      });
      tb.textContent = "";
      tb.appendChild(frag);
    }, function () { tb.__nbRows = false; });
  };
  doc.addEventListener("toggle", function (e) {
    var t = e.target;
    if (t && t.matches && t.matches("details.nb-chart-data")) N.rows(t);
  }, true);
  N.load = function () {
    if (w.Plotly) { N.flush(); return; }
    if (N.loading) return;
    N.loading = true;
    var t = doc.createElement("script");
    t.async = true;
    t.src = root() + N.bundle;
    t.onload = N.flush;
    t.onerror = N.fail;
    doc.head.appendChild(t);
  };
  /* a chart near the viewport: queue it, and draw once plotly.js is there */
  N.want = function (f) {
    /* its file, then its add-ons, load beside plotly.js */
    N.figure(f).then(function (g) { return N.needFor(g, f.querySelector(".nb-chart-plot")); })
      .catch(function () {});
    N.q.push(f); N.load();
  };
  N.scan = function () {
    /* the page's inline watch loaded this file; charts it saw come near are drawn now */
    if (w.__newsbookChartsWatch) { w.__newsbookChartsWatch.disconnect(); w.__newsbookChartsWatch = null; }
    var figs = doc.querySelectorAll("figure.nb-chart");
    for (var i = 0; i < figs.length; i++) {
      var f = figs[i];
      if (f.__nbSeen) continue;
      f.__nbSeen = true;
      if (f.__nbNear || !N.observer) N.want(f); else N.observer.observe(f);
    }
  };
  if ("IntersectionObserver" in w) {
    N.observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { N.observer.unobserve(e.target); N.want(e.target); }
      });
    }, { rootMargin: N.margin });
  }
  /* printing draws every chart that has not been drawn yet */
  w.addEventListener("beforeprint", function () {
    doc.querySelectorAll("figure.nb-chart").forEach(function (f) {
      if (N.observer) N.observer.unobserve(f);
      N.want(f);
    });
  });
  new MutationObserver(function () {
    var c = N.color();
    N.done.forEach(function (d) { w.Plotly.relayout(d, { "font.color": c }); });
  }).observe(h, { attributes: true, attributeFilter: ["data-theme"] });
  var rt;
  w.addEventListener("resize", function () {
    clearTimeout(rt);
    rt = setTimeout(function () {
      N.done.forEach(function (d) { N.fit(d).then(function () { return N.unclip(d); }); });
    }, 120);
  });
  N.scan();
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", N.scan);
  /* a data table opened before this file arrived (it loads when a chart nears the
     viewport, and a reader may open the table first): its toggle was missed, fill it now */
  doc.querySelectorAll("details.nb-chart-data[open]").forEach(N.rows);
})();
