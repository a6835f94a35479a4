"""Issue 12, item 8: a people-and-organisations page (``people.md``) replaces Sphinx's
general index: names A-Z then one "Other scripts" group, each with its kind, the role the
text gives beside the name (verbatim, or none) and one link per chapter naming it."""
from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FEED, ROOT
from newsbook import cli
from newsbook.people import OTHER, letter, role_at
from newsbook.writers import split_pages
from newsbook.writers.escape import clean

HARBOUR = ROOT / "tests" / "feeds" / "harbourline-freshrss-2026.txt"
ENTRY = re.compile(r"^- \*\*(?P<name>.+?)\*\*(?: · (?P<kind>person|organisation))?"
                   r"(?: · \*(?P<role>.+?)\*)? — (?P<links>.+)$")
LINK = re.compile(r"\[(?P<label>(?:[^\]\\]|\\.)+)\]\(#(?P<anchor>p-[a-z0-9-]+)\)")


def plain(myst: str) -> str:
    """What the page shows for an escaped fragment."""
    return re.sub(r"\\(.)", r"\1", myst)


def people_pages(book: Path) -> list[str]:
    """people.md, then the pages its list is split into (a big book's), in toc order."""
    return ["people"] + [f for f in toc_files(book) if f.startswith("people/")]


def entries(book: Path) -> dict[str, dict]:
    """name -> {kind, role, links: [(label, anchor)]} as the page (or its parts) state them."""
    out = {}
    lines = [line for page in people_pages(book)
             for line in (book / f"{page}.md").read_text(encoding="utf-8").split("\n")]
    for line in lines:
        if line.startswith("- **"):
            m = ENTRY.match(line)
            assert m, line
            links = [(plain(x["label"]), x["anchor"]) for x in LINK.finditer(m["links"])]
            assert links, line
            out[plain(m["name"])] = {"kind": m["kind"] or "", "links": links,
                                     "role": plain(m["role"]) if m["role"] else ""}
    return out


def toc_files(book: Path) -> list[str]:
    toc = yaml.safe_load((book / "_toc.yml").read_text(encoding="utf-8"))
    return [c["file"] for p in toc["parts"] for c in p["chapters"]]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Path:
    """The bundled copy with the repository's curation, converted into a tmp --book."""
    book = tmp_path_factory.mktemp("people-bundled")
    shutil.copytree(ROOT / "data", book / "data", ignore=shutil.ignore_patterns("generated"))
    assert cli.main(["--book", str(book), "-q"]) == 0
    return book


@pytest.fixture(scope="module")
def harbour(tmp_path_factory) -> Path:
    """The small uncurated book, with pages so short that its people page and timeline are
    split as a big archive's are (:mod:`newsbook.writers.split_pages`), so the -W build
    below checks the split pages too."""
    book = tmp_path_factory.mktemp("people-harbour")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(split_pages, "PAGE_BYTES", 700)
        assert cli.main([str(HARBOUR), "--book", str(book), "-q"]) == 0
    return book


def test_bundled_page_lists_people_with_roles_and_chapter_links(bundled):
    found = entries(bundled)
    curated = yaml.safe_load((ROOT / "data/curation/people.yml").read_text(encoding="utf-8"))
    names = {e["name"] for e in curated["entries"]}
    assert set(found) <= names and len(found) >= 140
    bo = found["Bo Xilai"]
    assert bo["kind"] == "person"
    assert [label.rsplit(" (", 1)[0] for label, _ in bo["links"]] == ["CCP Purges as Camp"]
    assert bo["links"][0][1].startswith("p-2025-12-15-ccp-purges-as-camp-")
    assert int(bo["links"][0][0].rsplit("(", 1)[1].rstrip(")")) >= 10
    wang = found["Wang Lijun"]  # "Wang was the former Chongqing police chief and deputy mayor"
    assert wang["role"] == "former Chongqing police chief"
    assert found["Gu Kailai"]["role"] == "Bo’s wife"  # "…poisoning of Bo’s wife Gu Kailai"
    assert found["Huawei"]["kind"] == "organisation"  # "… of which Huawei is a premier member."
    assert found["Huawei"]["role"] == "premier member" and not found["Nvidia"]["role"]
    assert len(found["Xi Jinping"]["links"]) >= 4
    assert sum(1 for e in found.values() if e["role"]) >= 15


def test_every_role_is_verbatim_and_every_link_is_a_paragraph(bundled):
    lines = [clean(s) for s in FEED.read_text(encoding="utf-8").split("\n")]
    titles = {}
    for page in (bundled / "chapters").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        titles[page.stem] = (yaml.safe_load(text.split("---\n")[1])["title"], text)
    for name, e in entries(bundled).items():
        if e["role"]:
            assert any(e["role"] in line for line in lines), (name, e["role"])
        for label, anchor in e["links"]:
            stem = re.match(r"p-(\d{4}-\d\d-\d\d-.+)-\d+$", anchor)[1]
            title, text = titles[stem]
            assert label.startswith(clean(title) + " ("), (name, label)
            assert f"\n({anchor})=\n" in text, (name, anchor)


def test_root_and_toc_link_the_page_not_the_general_index(bundled):
    intro = (bundled / "intro.md").read_text(encoding="utf-8")
    assert "[people and organisations](people.md)" in intro and "genindex" not in intro
    assert toc_files(bundled)[-3:] == ["timeline", "glossary", "people"]
    groups = re.findall(r"^## (.+)$", (bundled / "people.md").read_text(encoding="utf-8"),
                        flags=re.M)
    assert groups == sorted(groups, key=lambda g: (g == OTHER, g))
    assert all(len(g) == 1 and "A" <= g <= "Z" or g == OTHER for g in groups)


def test_uncurated_book_lists_names_shared_by_articles(harbour):
    found = entries(harbour)
    assert {"Hana Lindqvist", "Sorang", "Meridian Terminal", "Noor Halvorsen"} <= set(found)
    for name, e in found.items():  # named in at least two articles, or speaks in one
        assert len(e["links"]) >= 2 or name == "Ines Marrow", name
    # the host who asks the questions in one interview ("Ines Marrow: …") is a person there
    assert found["Ines Marrow"]["kind"] == "person" and len(found["Ines Marrow"]["links"]) == 1
    assert not {"Belt", "Road", "Harbourline’s Ines Marrow"} & set(found)
    assert found["Hana Lindqvist"]["kind"] == "person"
    assert found["Noor Halvorsen"]["role"] == "data editor"  # "… is a data editor at …"
    assert "people" in toc_files(harbour)
    assert "(people.md)" in (harbour / "intro.md").read_text(encoding="utf-8")


def test_book_with_no_names_has_no_page(tmp_path):
    feed = tmp_path / "plain.txt"
    feed.write_text("Plain Words\n\n3 March 2026 at 09:00\n\nA short essay on nothing much, "
                    "written without a single name or number in it at all.\n\nAnother "
                    "paragraph, also without anybody in it, to be sure of that.\n",
                    encoding="utf-8")
    assert cli.main([str(feed), "--book", str(tmp_path / "b"), "-q"]) == 0
    assert not (tmp_path / "b" / "people.md").exists()
    assert "people" not in toc_files(tmp_path / "b")
    intro = (tmp_path / "b" / "intro.md").read_text(encoding="utf-8")
    assert "people.md" not in intro and "genindex" not in intro and "Across the book" not in intro


def test_hostile_names_and_titles_stay_text(tmp_path):
    from docutils import nodes
    from test_hostile import HOSTILE, hostile_feed, myst_doctree
    feed = tmp_path / "hostile.txt"
    feed.write_text(hostile_feed(HOSTILE), encoding="utf-8")
    book = tmp_path / "b"
    assert cli.main([str(feed), "--book", str(book), "-q"]) == 0
    text = (book / "people.md").read_text(encoding="utf-8")
    doc = myst_doctree(text)
    allowed = {"document", "section", "title", "paragraph", "Text", "strong", "emphasis",
               "bullet_list", "list_item", "reference", "system_message"}
    assert {type(n).__name__ for n in doc.findall()} <= allowed
    stems = {p.stem for p in (book / "chapters").glob("*.md")}
    refs = list(doc.findall(nodes.reference))
    assert refs
    for ref in refs:
        assert not ref.get("refuri"), ref
        stem = re.match(r"p-(.+)-\d+$", ref["refid"])[1]
        assert stem in stems, ref["refid"]
    for msg in doc.findall(nodes.system_message):  # only "target not in this file"
        assert "xref_missing" in msg.astext(), msg.astext()
    shown = doc.astext()
    for name in entries(book):
        assert name in shown


def test_roles_only_beside_the_name_and_verbatim():
    def role(text, name):
        at = text.index(name)
        return role_at(text, at, at + len(name))
    assert role("Wang Lijun, Chongqing's police chief, fled.", "Wang Lijun") == \
        "Chongqing's police chief"
    assert role("Later Chongqing police chief Wang Lijun fled.", "Wang Lijun") == \
        "Chongqing police chief"
    assert role("Heywood reached out to Bo Xilai’s wife, Gu Kailai, and", "Gu Kailai") == \
        "Bo Xilai’s wife"
    assert role("As ChinaTalk analyst Irene Zhang told me:", "Irene Zhang") == "ChinaTalk analyst"
    assert role("Huawei is the premier chip designer in China.", "Huawei") == ""
    assert role("Sorang tells it louder than most.", "Sorang") == ""
    assert role("Bo, Wang and Gu were there.", "Wang") == ""
    assert role("the president, Xi Jinping, said", "Xi Jinping") == ""
    assert role("Hana Lindqvist, who drove gantry cranes, said", "Hana Lindqvist") == ""
    # (a role held at a place the text names in capitals: the whole appositive)
    assert role("Dr. Helen Achterberg, an energy economist at Carrow University, argues",
                "Helen Achterberg") == "an energy economist at Carrow University"
    assert role("We asked Tobias Renn, chief strategist at Kestrel Asset Management, where",
                "Tobias Renn") == "chief strategist at Kestrel Asset Management"
    assert role("Ana Ruiz, who met him at Oxford University, said", "Ana Ruiz") == ""
    assert role("Ana Ruiz, a nurse at the hospital in town, said", "Ana Ruiz") == ""
    assert role("Dr. Lena Fischer is a marine biologist at the Kiel Institute.",
                "Lena Fischer") == "marine biologist"
    assert role("Councilmember Ana Ruiz, who chairs the committee", "Ana Ruiz") == \
        "Councilmember"
    assert role("Captain Amira Khan scored 21 of the 38.", "Amira Khan") == "Captain"
    assert role("Julian Okafor is The Tidy Ledger’s equities writer and covers banks.",
                "Julian Okafor") == "equities writer"
    assert role("Julian Okafor is our equities writer.", "Julian Okafor") == "equities writer"
    assert role("answers come from Dr Elena Marchetti, a GP in Bristol, who", "Elena Marchetti") \
        == "a GP in Bristol"


def test_groups_fold_diacritics_and_keep_other_scripts_together():
    assert letter("Ōno Taiichi") == "O" and letter("abe") == "A"
    assert {letter(n) for n in ("习近平", "港湾局", "こうわん", "해양수산부", "Путин", "3M")} == {OTHER}


@pytest.mark.slow
def test_page_builds_with_warnings_as_errors(harbour):
    """`jupyter-book build -W -n` of the small uncurated book; every link lands on an id."""
    jb = Path(sys.executable).parent / "jupyter-book"
    res = subprocess.run([str(jb), "build", str(harbour), "-W", "-n", "--keep-going"],
                         capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    html = harbour / "_build" / "html"
    pages = people_pages(harbour)
    assert len(pages) >= 3  # people.md and its parts
    page = "".join((html / f"{p}.html").read_text(encoding="utf-8") for p in pages)
    links = re.findall(r'href="(?:\.\./)?(chapters/[^"#]+\.html)#(p-[a-z0-9-]+)"', page)
    assert len(links) == sum(len(e["links"]) for e in entries(harbour).values()) >= 10
    for target, anchor in links:
        assert f'id="{anchor}"' in (html / target).read_text(encoding="utf-8"), anchor
    # the split pages: each listed in the toc right after its main page, linked from it
    # and linking back; the timeline's events are all on its parts, each to its paragraph
    files = toc_files(harbour)
    for main in ("people", "timeline"):
        parts = [f for f in files if f.startswith(f"{main}/")]
        assert parts and files[files.index(main) + 1:files.index(main) + 1 + len(parts)] == parts
        top = (html / f"{main}.html").read_text(encoding="utf-8")
        for part in parts:
            assert f'href="{part}.html"' in top, part
            assert f'href="../{main}.html"' in (html / f"{part}.html").read_text(encoding="utf-8")
    events = [line for f in files if f.startswith("timeline/")
              for line in (harbour / f"{f}.md").read_text(encoding="utf-8").split("\n")
              if line.startswith("- **")]
    with open(harbour / "data/generated/book_events.csv", encoding="utf-8", newline="") as fh:
        assert len(events) == len(list(csv.DictReader(fh))) >= 10
    # the root's list of articles, on pages by year: every article once, every link lands
    listed = []
    for part in [f for f in files if f.startswith("articles/")]:
        got = re.findall(r'href="\.\./(chapters/[^"#]+\.html)"',
                         (html / f"{part}.html").read_text(encoding="utf-8"))
        assert got and all((html / target).is_file() for target in got), part
        listed += got
    chapters = [f for f in files if f.startswith("chapters/")]
    assert sorted(set(listed)) == sorted(f"{c}.html" for c in chapters)
    intro = (html / "intro.html").read_text(encoding="utf-8")
    assert "Hana Lindqvist" in page and 'href="people.html"' in intro
    assert not re.findall(r'<a [^>]*href="genindex', intro)  # (only the theme's <link rel>)


def test_a_place_name_is_not_guessed_to_be_a_person():
    """Uncurated names: two capitalised words are a person unless the last one is a
    place word ("Carver Falls", "Xinghai Square"): then the kind is left unknown."""
    from newsbook.people import _guess_kind
    assert _guess_kind("Rosa Lindqvist") == "person"
    assert _guess_kind("Carver Falls") == ""
    assert _guess_kind("Xinghai Square") == ""
    assert _guess_kind("Millbrook Grain Exchange") == "organisation"
    assert _guess_kind("Grain Bureau") == "organisation"
    # (a street written short, and a school by its name and grade, were people)
    assert _guess_kind("Main St") == "" and _guess_kind("Delmar Ave.") == ""
    assert _guess_kind("Franklin Elementary") == "organisation"
    assert _guess_kind("High Street") == "" and _guess_kind("Jobs Act") == ""
    # (a firm by its "Co" and a public register were people)
    assert _guess_kind("Wharfedale Mortgage Co") == "organisation"
    assert _guess_kind("Land Registry") == "organisation"
    assert _guess_kind("Quayside Arena") == ""  # (a venue is a place)
    assert _guess_kind("Tóra Lamhauge") == "person"  # (accents and all)
    # (Portuguese and Spanish places, and a party by its members, were people)
    assert [_guess_kind(n) for n in ("Mato Grosso", "Rio Grande", "Arco Norte", "São Paulo")] \
        == ["", "", "", ""]
    assert _guess_kind("Liberal Democrats") == "organisation"
    assert _guess_kind("Marina Costa") == "person"


def test_clubs_funds_and_firms_are_organisations_and_a_funding_round_is_no_name():
    """"Albion League", "Dunmore United", "Ferrule Capital", "Hearthstone Energy" were
    people on an uncurated people page; "Series A" was a name two articles shared."""
    from newsbook.connections import _name_of_run
    from newsbook.people import _guess_kind
    assert {n: _guess_kind(n) for n in ("Albion League", "Dunmore United", "Kestrel Rovers",
                                        "Ferrule Capital", "Hearthstone Energy", "Ana Ruiz")} == {
        "Albion League": "organisation", "Dunmore United": "organisation",
        "Kestrel Rovers": "organisation", "Ferrule Capital": "organisation",
        "Hearthstone Energy": "organisation", "Ana Ruiz": "person"}
    assert _name_of_run("Series A")[0] == "" and _name_of_run("Series B")[0] == ""


def test_a_unit_in_capitals_names_no_one():
    """"MWh" was on an energy letter's people page, named in all five chapters."""
    from newsbook.connections import _name_of_run
    assert _name_of_run("MWh") == ("", False) and _name_of_run("GHz") == ("", False)
    assert _name_of_run("Maren Holt") == ("Maren Holt", False)


def test_titles_after_the_and_publishers_are_no_people():
    """A books letter's people page had "Salt Roads" (from "The Salt Roads", a novel),
    "Larkspur Books" and "Whitlock Prize" as people, and "the Whitlock" as a name."""
    from newsbook.connections import _name_of_run
    from newsbook.people import _guess_kind, candidates_of
    blocks = [("p-1", "Her novel The Salt Roads sold well, said Mara Vinter.", 1)]
    names = {"Salt Roads": ("p-1", 1, 0, 10), "Mara Vinter": ("p-1", 1, 0, 40)}
    assert candidates_of(names, blocks) == {"Salt Roads": "", "Mara Vinter": "person"}
    assert _guess_kind("Larkspur Books") == _guess_kind("Whitlock Prize") == "organisation"
    assert _name_of_run("Before the Whitlock") == ("Whitlock", True)


def test_a_title_before_a_full_name_is_not_the_name():
    """"Superintendent Nkechi Okafor" and "Dr. Nkechi Okafor" are one person, by name."""
    from newsbook.connections import _name_of_run
    assert _name_of_run("Superintendent Nkechi Okafor")[0] == "Nkechi Okafor"
    assert _name_of_run("Mayor Lin Chen")[0] == "Lin Chen"
    assert _name_of_run("Chief Executive")[0] == "Chief Executive"


def test_a_sponsors_names_a_shows_chapters_and_apps_are_no_one(tmp_path):
    """"Together with Pitchline Data" in every post, "00:00 — Cold open" in a show's
    chapters and "Apple Podcasts | Spotify | RSS" under each were listed as people; a body
    named "Kiel Institute for Coastal Ecology" was cut at "for" ("Coastal Ecology" a
    person)."""
    posts = []
    for day, topic in ((3, "the tides"), (10, "the kelp")):
        posts.append(
            f"Episode on {topic.title()}\n\n{day} March 2026 at 08:00\n\nThis week Lena Fischer "
            f"of the Kiel Institute for Coastal Ecology talks about {topic} with Maya Okafor "
            "and the whole team, at length and with care.\n\nTogether with Pitchline Data\n\n"
            "Pitchline Data has event data back to 2010. Visit pitchline.example today.\n\n"
            "Chapters\n\n00:00 — Cold open\n\n12:40 — Listener mail\n\nLena Fischer says the "
            f"water off Kiel is warmer every year, and Maya Okafor agrees about {topic}.\n\n"
            "Tidal Range is a listener-supported podcast about the ocean.\n\n"
            "Apple Podcasts | Spotify | RSS\n")
    feed = tmp_path / "tidal.txt"
    feed.write_text("Normal view\n\n" + "\n".join(posts), encoding="utf-8")
    book = tmp_path / "b"
    assert cli.main([str(feed), "--book", str(book), "-q"]) == 0
    found = entries(book)
    assert {"Lena Fischer", "Maya Okafor", "Kiel Institute for Coastal Ecology"} <= set(found)
    assert found["Kiel Institute for Coastal Ecology"]["kind"] == "organisation"
    assert not {"Pitchline Data", "Cold", "Listener", "Apple Podcasts", "Spotify",
                "Coastal Ecology", "Kiel Institute"} & set(found), sorted(found)
    pages = "".join(p.read_text(encoding="utf-8") for p in (book / "chapters").glob("*.md"))
    assert "listener-supported" not in pages and "Spotify" not in pages


def test_a_speakers_title_and_surname_is_no_name_of_its_own():
    """"<strong>Dr Marchetti:</strong>" under "answers come from Dr Elena Marchetti": the
    people page listed "Dr Marchetti" and "Elena Marchetti" apart; "Prof. Ana Ruiz:" is
    Ana Ruiz."""
    from newsbook.model import Article, Paragraph, Turn, interview_speakers
    from datetime import datetime
    art = Article("T", datetime(2026, 3, 1), (
        Paragraph("This month’s answers come from Dr Elena Marchetti, a GP.", 1),
        Turn("The Ward Round", (Paragraph("Why?", 2),), 2),
        Turn("Dr Marchetti", (Paragraph("Because.", 3),), 3),
        Turn("Prof. Ana Ruiz", (Paragraph("Indeed.", 4),), 4)), (), 1)
    assert interview_speakers(art) == {"The Ward Round", "Ana Ruiz"}


def test_a_century_in_roman_numerals_names_no_one():
    """"Au XIXe siècle, la vallée comptait …" in two articles: "Au XIXe" was a person."""
    from newsbook.connections import _name_of_run
    assert _name_of_run("Au XIXe")[0] == "" and _name_of_run("XXth")[0] == ""
    assert _name_of_run("Louis XIV")[0] == "Louis XIV"
