"""Charts for "Can Huawei Take On Nvidia's CUDA?"."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import PALETTE, hbar, note, timeline

CH = "2025-05-06-can-huawei-take-on-nvidias-cuda"


@chart("cuda_cann_timeline", dataset="cuda_cann_timeline", chapter=CH,
       title="18 years vs 6: Nvidia's CUDA moat and Huawei's catch-up",
       summary="Two-lane timeline: CUDA in 2007, AlexNet in 2012, PyTorch 2016–2022 and ONNX 2017, against "
               "Huawei's CANN since at least 2019, PyTorch Foundation membership in 2023, CANN 8.0 in 2024 "
               "and a commenter's forecast of maturity by 2027.",
       controls=True, widget={"filter": "lane"})
def cuda_cann_timeline(df: pd.DataFrame) -> go.Figure:
    fig = timeline(df, "18 years vs 6: Nvidia's CUDA moat and Huawei's catch-up")
    fig.update_xaxes(dtick=2)
    return fig


@chart("ascend_vs_h100", dataset="ascend_vs_h100", chapter=CH,
       title="Ascend 910C: up to 60% of H100 inference performance",
       summary="Bullet-style bars: Huawei's Ascend 910C reaches up to 60% of the Nvidia H100's inference "
               "performance, as DeepSeek engineers reportedly said.")
def ascend_vs_h100(df: pd.DataFrame) -> go.Figure:
    fig = hbar(df, "chip", "pct_of_h100", "Ascend 910C: up to 60% of H100 inference performance",
               "Inference performance (% of H100)", colour=PALETTE[5], qualifier="qualifier")
    fig.update_xaxes(range=[0, 115])
    note(fig, "Reported by DeepSeek engineers; 'potentially more with CANN optimizations'.", y=-0.35)
    return fig
