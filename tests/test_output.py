"""Issue 12, items 4, 7 and 8: honest buttons, output that helps, reading fixes."""
from __future__ import annotations

import io
import json
import re
import subprocess
from fnmatch import fnmatch
from pathlib import Path

import yaml

from conftest import ROOT
from smallbook import NEW_ARTICLE, NEW_STEM, STEMS, convert, new_book, write_feed

from newsbook import maketools
from newsbook.writers import book_files


# ------------------------------------------------------------------ 4. honest buttons

def test_placeholder_repository_counts_as_unset():
    for url in ["", "https://github.com/your-org/chinatalk-book", "https://github.com/USERNAME/x",
                "https://github.com/<org>/book", "https://github.com/acme"]:
        assert book_files.repository_url({"repository_url": url}) == "", url
        config = book_files.build_config({"repository_url": url})
        assert not config["html"]["use_repository_button"]
        assert not any(config["launch_buttons"][k] for k in
                       ("binderhub_url", "colab_url", "jupyterhub_url"))
        assert config["repository"]["url"] == ""
    real = "https://github.com/chinatalk/book"
    config = book_files.build_config({"repository_url": real, "jupyterhub_url": "https://hub.x"})
    assert config["html"]["use_repository_button"] and config["repository"]["url"] == real
    assert config["launch_buttons"]["binderhub_url"] == "https://mybinder.org"
    assert config["launch_buttons"]["colab_url"] and config["launch_buttons"]["jupyterhub_url"]


def test_one_warning_says_where_to_set_the_repository(tmp_path, capsys):
    root = tmp_path
    (root / "data/curation").mkdir(parents=True)
    (root / "data/curation/book.yml").write_text(
        "title: T\nrepository_url: https://github.com/your-org/chinatalk-book\n", encoding="utf-8")
    new_book(root)
    err = capsys.readouterr().err
    warnings = [s for s in err.splitlines() if "[newsbook.no_repository]" in s]
    assert len(warnings) == 1
    assert warnings[0].startswith("data/curation/book.yml:2: warning: repository_url")
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    assert config["repository"]["url"] == "" and not config["html"]["use_repository_button"]
    (root / "data/curation/book.yml").write_text(
        "title: T\nrepository_url: https://github.com/chinatalk/book\n", encoding="utf-8")
    assert convert(root) == 0
    assert "no_repository" not in capsys.readouterr().err
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    assert config["repository"]["url"] == "https://github.com/chinatalk/book"


# ------------------------------------------------------------------ 7. output that helps

def test_summary_names_new_chapter_its_part_and_warnings(tmp_path, capsys):
    root = new_book(tmp_path)
    write_feed(root, "later.txt", [NEW_ARTICLE])
    capsys.readouterr()
    from newsbook import cli
    assert cli.main(["--book", str(root)]) == 0
    out = capsys.readouterr().out
    assert re.search(rf"new chapter: {NEW_STEM} -> part \"More\", \d+ charts?", out), out
    assert "needs action" in out and "repository_url" in out
    assert (root / "_build/newsbook-summary.txt").read_text(encoding="utf-8") in out.replace(
        f" in {root}\n", "\n", 1)
    assert "\x1b[" not in out


SAMPLE_LOG = """\x1b[01mRunning Sphinx v7.4.7\x1b[39;49;00m
\x1b[01mmyst v3.0.1:\x1b[39;49;00m MdParserConfig(commonmark_only=False, gfm_only=False)
myst-nb v1.4.0: NbParserConfig(custom_formats={})
updating environment: [new config] 1 added, 1 changed, 0 removed
\x1b[01mreading sources... \x1b[39;49;00m[ 50%] \x1b[35mchapters/a\x1b[39;49;00m
/b/chapters/a.md: Executing notebook using local CWD [mystnb]
[IPKernelApp] WARNING | Kernel is running over TCP without encryption. All communication...
/b/chapters/a.md: Executed notebook in 1.69 seconds [mystnb]
/b/chapters/a.md:12: WARNING: undefined label: 'nowhere'
build succeeded.
"""


def test_quiet_build_hides_noise_and_keeps_warnings(tmp_path):
    out = io.StringIO()
    log = tmp_path / "build.log"
    maketools.quiet_build(str(log), io.StringIO(SAMPLE_LOG), out)
    shown = out.getvalue()
    assert "undefined label" in shown
    for noise in ("Kernel is running", "MdParserConfig", "NbParserConfig", "\x1b[",
                  "reading sources", "Executing notebook"):
        assert noise not in shown, noise
    assert re.search(r"Book built in \d+ s \(2 pages read, 1 notebook executed; full log: ", shown)
    full = log.read_text(encoding="utf-8")
    assert "Kernel is running" in full and "\x1b[" not in full


def test_make_book_is_quiet_unless_verbose():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    build = make[make.index("\nbuild:"):make.index("\nbook:")]
    assert "ifeq ($(V),1)" in build and "newsbook.maketools quiet-build" in build
    assert "pipefail" in build
    book = make[make.index("\nbook:"):].split("\n\n")[0]
    assert "newsbook-summary.txt" in book.split("\n")[-2] or "newsbook-summary.txt" in book


def test_make_notebooks_shows_progress(tmp_path):
    src = tmp_path / "chapters"
    src.mkdir()
    for name in ("a", "b"):
        (src / f"{name}.md").write_text("---\njupytext:\n  text_representation:\n"
                                        "    extension: .md\n    format_name: myst\n---\n\n"
                                        f"# {name}\n", encoding="utf-8")
    out = io.StringIO()
    maketools.notebooks(str(src), str(tmp_path / "nb"), out)
    assert "[1/2]" in out.getvalue() and "[2/2]" in out.getvalue()
    assert sorted(p.name for p in (tmp_path / "nb").iterdir()) == ["a.ipynb", "b.ipynb"]


def test_make_dry_run_targets_exist():
    proc = subprocess.run(["make", "-n", "-C", str(ROOT), "build", "notebooks", "lab",
                           "STAMP=Makefile"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "jupyter_server_config.json" in proc.stdout


# ------------------------------------------------------------------ 8. reading fixes

def test_bio_byline_is_not_prefixed_with_by():
    assert book_files.byline_text("Jordan Li") == "**By** Jordan Li"
    assert book_files.byline_text("Jordan Li and Sam Wu") == "**By** Jordan Li and Sam Wu"
    bio = book_files.byline_text("Jordan Li is a made-up analyst who writes about cranes.")
    assert not bio.startswith("**By**") and "Jordan Li is a made" in bio.replace("\\", "")


def test_intro_shows_a_bio_once_without_by(tmp_path):
    root = new_book(tmp_path)
    intro = (root / "intro.md").read_text(encoding="utf-8")
    assert "**By** Jordan Li is" not in intro
    assert intro.count("Jordan Li is a made\\-up analyst") == 1
    chapter = (root / "chapters" / f"{STEMS[0]}.md").read_text(encoding="utf-8")
    body = chapter.split("\n---\n", 1)[1]  # after the front matter
    assert "**By** Jordan Li is" not in body
    assert body.count("Jordan Li is a made\\-up analyst") == 1


def test_lab_file_browser_hides_ipynb_twins():
    config = json.loads((ROOT / "binder/jupyter_server_config.json").read_text(encoding="utf-8"))
    globs = config["ContentsManager"]["hide_globs"]
    assert "__pycache__" in globs  # jupyter_server's defaults are kept
    hidden = lambda name: any(fnmatch(name, g) for g in globs)  # noqa: E731
    for twin in Path(ROOT / "chapters").glob("*.ipynb"):
        assert hidden(twin.name), twin.name
    for page in Path(ROOT / "chapters").glob("*.md"):
        assert not hidden(page.name), page.name
    assert not hidden("my-analysis.ipynb")
    assert "jupyter_server_config.json" in (ROOT / "binder/postBuild").read_text(encoding="utf-8")
