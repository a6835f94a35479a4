"""myst-nb mime plugin: the plotly JSON output is for live JupyterLab only.

Chart outputs carry ``text/html`` (drawn in the book by the shared offline
plotly.js) and ``application/vnd.plotly.v1+json`` (drawn natively in
JupyterLab). myst-nb renders every mime type of an output before choosing one
and warns on types it does not know; this plugin claims the plotly type and
renders it to nothing, so a real "unknown mime type" warning still fails the
build (-W) instead of being suppressed wholesale.
"""
from __future__ import annotations

PLOTLY_MIME = "application/vnd.plotly.v1+json"


class PlotlyJsonForLiveOnly:
    """Registered under the ``myst_nb.mime_renderers`` entry point group."""

    mime_priority_overrides = [("*", PLOTLY_MIME, None)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type == PLOTLY_MIME:
            return []
        return None
