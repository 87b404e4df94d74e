// Search across the archive, on its index page: a small module with no framework.
//
// Pagefind (pagefind/, built by xtask/pagefind-index.mjs) is imported only when the reader
// first focuses or types in the search box, so a reader who never searches downloads none
// of it. Each result is one comment: a link to it (the discussion's title and the author)
// and Pagefind's excerpt, rebuilt as text nodes and <mark> elements; no data is ever
// parsed as HTML. Works under the archive's CSP: script-src 'self' 'wasm-unsafe-eval'
// (pagefind.js, its same-origin worker and wasm), connect-src 'self' (the index).

const form = document.getElementById("archive-search-form");
const input = document.getElementById("archive-search-input");
const status = document.getElementById("archive-search-status");
const list = document.getElementById("archive-search-results");

/** Results shown at first, and added by each "More results". */
const PAGE_SIZE = 20;
const DEBOUNCE_MS = 250;

/** The archive's root: where this script, the index page and pagefind/ live. */
const root = new URL("./", import.meta.url);
const bundle = new URL("pagefind/", root);

let loading = null;
let timer = 0;
let generation = 0;
let shown = { results: [], next: 0, query: "" };

const more = document.createElement("button");
more.type = "button";
more.className = "archive-search-more";
more.textContent = "More results";
more.hidden = true;
list.after(more);

/** Pagefind, loaded once; a failed load is retried on the next search. */
function load() {
  loading ??= (async () => {
    const response = await fetch(new URL("pagefind-entry.json", bundle));
    if (!response.ok) throw new Error(`pagefind-entry.json: HTTP ${response.status}`);
    const languages = Object.entries((await response.json()).languages ?? {});
    // An archive without a single comment has no index to load.
    if (languages.length === 0) return { search: async () => ({ results: [] }) };
    const pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({ excerptLength: 30 });
    await pagefind.init();
    await mergeOtherLanguages(pagefind, languages);
    return pagefind;
  })().catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}

// Pagefind searches only the index of the page's language (the archive's commonest), but
// an archive can hold discussions in several, so every other language's index is merged
// in. They are all in the same bundle: it is named "…/pagefind/./" for the merge, because
// Pagefind skips merging an index at an address its primary index's address starts with.
// (A merged language is searched with the primary language's stemmer: exact words are
// found, other forms of a word may not be.)
async function mergeOtherLanguages(pagefind, languages) {
  const primary = primaryLanguage(languages);
  for (const [language] of languages) {
    if (language !== primary) {
      await pagefind.mergeIndex(`${bundle.href}./`, { language });
    }
  }
}

// The index Pagefind picks for the page (pagefind.js findIndex): the page's language, else
// its primary subtag, else the language with the most records.
function primaryLanguage(languages) {
  const lang = (document.documentElement.getAttribute("lang") || "unknown").toLowerCase();
  const names = languages.map(([name]) => name);
  if (names.includes(lang)) return lang;
  if (names.includes(lang.split("-")[0])) return lang.split("-")[0];
  const top = [...languages].sort((a, b) => b[1].page_count - a[1].page_count)[0];
  return top?.[0];
}

async function search(query) {
  const mine = ++generation;
  query = query.trim();
  if (!query) {
    show({ results: [], next: 0, query });
    status.textContent = "";
    return;
  }
  let pagefind;
  try {
    pagefind = await load();
  } catch (error) {
    if (mine === generation) fail("Search could not be loaded", error);
    return;
  }
  try {
    const found = await pagefind.search(query);
    if (mine !== generation) return;
    // Pagefind also matches the metadata (title, author), loosely ("bobcat" finds "bob"),
    // and then every comment of a discussion matches its title: only comments whose own
    // text matches are listed.
    const results = (found?.results ?? []).filter((r) => r.words?.length !== 0);
    show({ results, next: 0, query });
    await showMore(mine, false);
  } catch (error) {
    if (mine === generation) fail("Search failed", error);
  }
}

function fail(what, error) {
  show({ results: [], next: 0, query: "" });
  status.textContent = `${what}: ${error?.message ?? error}`;
}

function show(state) {
  shown = state;
  list.replaceChildren();
  more.hidden = true;
}

/** Appends the next page of results; `focus` moves focus to the first one added. */
async function showMore(mine, focus) {
  const { results, query } = shown;
  const page = results.slice(shown.next, shown.next + PAGE_SIZE);
  const data = await Promise.all(page.map((result) => result.data()));
  if (mine !== generation) return;
  shown.next += page.length;
  const items = data.map(item).filter(Boolean);
  list.append(...items);
  more.hidden = shown.next >= results.length;
  const n = results.length;
  status.textContent =
    n === 0
      ? `No results for “${query}”`
      : `${n} ${n === 1 ? "result" : "results"} for “${query}”` +
        (n > shown.next ? `, showing ${shown.next}` : "");
  if (focus) items[0]?.querySelector("a")?.focus();
}

function item(data) {
  const href = link(data.raw_url ?? data.url);
  if (!href) return null;
  const li = document.createElement("li");
  li.className = "archive-search-result";
  const a = document.createElement("a");
  a.className = "archive-search-link";
  a.href = href;
  const title = document.createElement("span");
  title.className = "archive-search-title";
  title.dir = "auto";
  title.textContent = data.meta?.title || "Untitled discussion";
  a.append(title);
  if (data.meta?.author) {
    const author = document.createElement("span");
    author.className = "archive-search-author";
    author.dir = "auto";
    author.textContent = data.meta.author;
    a.append(" — ", author);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "archive-search-excerpt";
  excerpt.dir = "auto";
  excerpt.append(...excerptNodes(data.excerpt ?? ""));
  li.append(a, excerpt);
  return li;
}

// A record's address is relative to the archive's root ("d/<slug>/#comment-5"). On the
// index page, at the root, it is used as it is; anywhere else it is resolved against the
// root. Only http(s) addresses are linked.
function link(raw) {
  if (typeof raw !== "string" || !raw) return null;
  const target = new URL(raw, root);
  if (target.protocol !== "https:" && target.protocol !== "http:") return null;
  const here = new URL("./", document.baseURI);
  return here.href === root.href && !/^[a-z][a-z0-9+.-]*:|^\//i.test(raw) ? raw : target.href;
}

const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'", "#x27": "'" };

// Pagefind's excerpt is the comment's text with < and > escaped and the matches wrapped in
// <mark>…</mark>: it becomes text nodes and <mark> elements, and any other markup stays text.
function excerptNodes(excerpt) {
  const nodes = [];
  let mark = null;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === "<mark>") {
      mark = document.createElement("mark");
    } else if (part === "</mark>") {
      if (mark) nodes.push(mark);
      mark = null;
    } else if (part) {
      const text = part.replace(/&(lt|gt|amp|quot|#39|#x27);/g, (_, name) => ENTITIES[name]);
      if (mark) mark.append(text);
      else nodes.push(document.createTextNode(text));
    }
  }
  if (mark) nodes.push(mark);
  return nodes;
}

function startLoading() {
  load().catch((error) => fail("Search could not be loaded", error));
}

input.addEventListener("focus", startLoading, { once: true });
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => search(input.value), DEBOUNCE_MS);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  search(input.value);
});
more.addEventListener("click", async () => {
  more.disabled = true;
  try {
    await showMore(generation, true);
  } finally {
    more.disabled = false;
  }
});

// A link to the index with ?q=… opens it with that search done.
const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  search(initial);
}
