"""The chart loader. The chart script lives in ``_static/newsbook-charts.js``. Every chart's
HTML carries only :data:`LOADER_JS`, a one-line bootstrap that hands the file its settings
(theme font colours, the phone-layout width, the plotly bundle) and adds it to the page
once. The file then draws each chart when it nears the viewport (IntersectionObserver),
fetching :data:`BUNDLE` once, asynchronously, on the first of them.

The page assets that keep the book's pages light are in :mod:`newsbook.charts.page_assets`.
"""
from __future__ import annotations

import json

BUNDLE = "_static/plotly-basic.min.js"
#: text colour per theme (style.py builds the plotly template from the same values; kept
#: here so the Sphinx extension never imports plotly)
FONT_COLOR = {"light": "#1f2328", "dark": "#e3e3e3"}
#: the chart script every chart page loads (once)
LOADER_FILE = "_static/newsbook-charts.js"

#: where the book build puts chart files, relative to the HTML root (here, not in
#: render.py: the build's last step writes them, and a build that draws no chart, such as
#: a rebuild with nothing to do, then need not import pandas and plotly: 0.5 s)
ASSET_DIR = "_charts"

#: below this plot width (px) charts switch to the compact phone layout
NARROW_PX = 600

#: how near the viewport (CSS margin) a chart starts loading
MARGIN = "400px 0px"

#: one line in every chart: settings for the loader, then, once per page, a watch on the
#: charts that adds the loader file only when the first of them nears the viewport (or
#: the page is printed), so a reader who never scrolls to a chart loads none of it. Until
#: the file has arrived the watch marks every chart that came near (``__nbNear``), so a
#: chart scrolled past meanwhile is drawn too; the file then takes the watch over.
LOADER_JS = (
    "(function(){var w=window,d=document,o;if(w.__newsbookChartsConfig)return;"
    "w.__newsbookChartsConfig=%(cfg)s;function go(){if(go.done)return;go.done=1;"
    "var s=d.createElement('script');s.async=true;"
    "s.src=(d.documentElement.dataset.content_root||'./')+'%(file)s';d.head.appendChild(s)}"
    "if(!('IntersectionObserver' in w))return go();o=w.__newsbookChartsWatch=new "
    "IntersectionObserver(function(e){for(var i=0;i<e.length;i++)if(e[i].isIntersecting)"
    "{e[i].target.__nbNear=1;go()}},{rootMargin:'%(margin)s'});"
    "function scan(){d.querySelectorAll('figure.nb-chart').forEach(function(f){o.observe(f)})}"
    "scan();d.addEventListener('DOMContentLoaded',scan);w.addEventListener('beforeprint',go)"
    "})();"
) % {"cfg": json.dumps({"fc": FONT_COLOR, "narrow": NARROW_PX, "bundle": BUNDLE,
                        "margin": MARGIN}, sort_keys=True, separators=(",", ":")),
     "file": LOADER_FILE, "margin": MARGIN}
