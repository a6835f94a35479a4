"""The GitHub Pages workflow builds with the README's command and deploys _build/html."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def readme_section(title: str) -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert m, f"README has no '## {title}' section"
    return m.group(1)


def make_targets(text: str) -> list[str]:
    return re.findall(r"(?m)^\s*(?:-\s*)?(?:run:\s*)?make ([a-z][a-z-]*)\s*$", text)


def steps() -> list[dict]:
    return [s for job in workflow()["jobs"].values() for s in job.get("steps", [])]


def test_workflow_runs_the_readme_build_command():
    readme = make_targets(readme_section("Publish"))
    assert readme == ["book"], readme
    runs = [s["run"].strip() for s in steps() if "run" in s]
    assert [r for r in runs if r.startswith("make ")] == [f"make {readme[0]}"]
    # the README's first two commands name the same target
    assert re.search(rf"(?m)^make {readme[0]}\b", readme_section("Two commands"))


def test_the_make_target_exists():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"(?m)^book:", makefile)


def test_workflow_deploys_the_built_html():
    uses = {s["uses"].split("@")[0]: s for s in steps() if "uses" in s}
    for action in ("actions/checkout", "actions/setup-python",
                   "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses, action
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "_build/html"
    perms = workflow()["permissions"]
    assert perms["pages"] == "write" and perms["id-token"] == "write"
    on = workflow().get("on", workflow().get(True))  # YAML 1.1 reads "on" as True
    assert "main" in on["push"]["branches"]
