/* newsbook-search.js: search results that read well (loaded on search.html only).
 *
 * Sphinx's searchtools.js lists a page once per matching section, index entry and
 * glossary term, and takes each snippet from the text of the whole <main>: download
 * buttons (".md", "Binder"), tables mashed into one string ("20078222007year…"),
 * chart data. Here:
 *   - one result per page (the best-scoring one, whose link and label are kept);
 *   - the snippet is the sentence that holds the search word, from the article's
 *     paragraphs, list items and definitions only -- never tables, figures, charts,
 *     code cells, buttons or the chapter's meta box;
 *   - the word is found with or without diacritics ("Sanseito" shows "Sanseitō…").
 * Patched before searchtools' own DOMContentLoaded handler runs the query.
 */
(() => {
  "use strict";
  const SKIP = [".headerlink", "script", "style", "table", "figure", "svg", "button",
    "nav", "form", ".nb-chart", ".cell_input", ".cell_output", ".chapter-meta",
    ".bd-header-article", ".prev-next-area", ".toctree-wrapper", ".footnote-reference",
    ".sd-btn", ".dropdown", "details"].join(",");
  const BLOCKS = "p, li, dt, dd, h2, h3, h4, h5, h6, blockquote, .line";

  /* lower-case, diacritics removed, with a map back to the original offsets */
  const foldMap = (text) => {
    let folded = "";
    const at = [];
    for (let i = 0; i < text.length; i++) {
      const f = text[i].normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      for (let k = 0; k < f.length; k++) at.push(i);
      folded += f;
    }
    return [folded, at];
  };

  /* the readable text of an element: its text blocks, joined by spaces */
  const readable = (root) => {
    const copy = root.cloneNode(true);
    copy.querySelectorAll(SKIP).forEach((el) => el.remove());
    const parts = [];
    const leaves = [...copy.querySelectorAll(BLOCKS)].filter(
      (el) => !el.querySelector(BLOCKS));
    (leaves.length ? leaves : [copy]).forEach((el) => {
      const t = el.textContent.replace(/\s+/g, " ").trim();
      if (t) parts.push(/[.!?:。！？…”"')]$/.test(t) ? t : t + ".");
    });
    return parts.join(" ");
  };

  let lastQuery = "";

  const htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    const article = doc.querySelector("article.bd-article") ||
      doc.querySelector('[role="main"]');
    if (!article) return "";
    if (anchor) {
      let el = null;
      try { el = article.querySelector(anchor); } catch (e) { el = null; }
      if (el && el.tagName === "DT") {  // a glossary term: the term and its definition
        const dd = el.nextElementSibling;
        const text = readable(el) + (dd ? " " + readable(dd) : "");
        if (text.length > 20) return text;
      } else if (el) {
        const text = readable(el);
        if (text.length > 40) return text;
      }
    }
    return readable(article);
  };

  const summary = (htmlText, keywords, anchor) => {
    const text = htmlToText(htmlText, anchor);
    if (!text) return null;
    const [folded, at] = foldMap(text);
    const wanted = [lastQuery, ...keywords].map((k) => foldMap(String(k).trim())[0])
      .filter((k) => k);
    let hit = -1;
    for (const k of wanted) {
      hit = folded.indexOf(k);
      if (hit > -1) break;
    }
    let start = 0;
    if (hit > -1) {
      const pos = at[hit];
      // back to the start of the sentence, at most 160 characters back
      const before = text.slice(Math.max(0, pos - 160), pos);
      const ends = [...before.matchAll(/[.!?。！？](?:["'”’)]*)\s+/g)];
      if (ends.length) start = pos - before.length + ends[ends.length - 1].index +
        ends[ends.length - 1][0].length;
      else if (pos > 160) start = text.indexOf(" ", pos - 120) + 1;
    }
    let end = Math.min(text.length, start + 240);
    if (end < text.length) {
      const space = text.lastIndexOf(" ", end);
      if (space > start + 120) end = space;
    }
    const p = document.createElement("p");
    p.classList.add("context");
    p.textContent = (start > 0 && !/[.!?。！？]\W*$/.test(text.slice(0, start).trim()) ? "… " : "") +
      text.slice(start, end).trim() + (end < text.length ? " …" : "");
    return p;
  };

  /* one result per page: the best-scoring one (results are ordered worst to best) */
  const onePerPage = (results) => {
    const seen = new Set();
    const kept = [];
    for (let i = results.length - 1; i >= 0; i--) {
      if (seen.has(results[i][0])) continue;
      seen.add(results[i][0]);
      kept.push(results[i]);
    }
    return kept.reverse();
  };

  const patch = () => {
    if (typeof Search === "undefined" || Search.newsbookPatched) return;
    Search.newsbookPatched = true;
    const parse = Search._parseQuery;
    Search._parseQuery = (query) => {
      lastQuery = String(query || "");
      return parse(query);
    };
    const perform = Search._performSearch;
    Search._performSearch = (...args) => onePerPage(perform(...args));
    Search.htmlToText = htmlToText;
    Search.makeSearchSummary = summary;
  };
  window.newsbookSearch = { onePerPage, htmlToText, summary, patch };
  if (document.readyState !== "loading") patch();
  else document.addEventListener("DOMContentLoaded", patch);
})();
