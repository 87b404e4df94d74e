// The benchmark's baseline: a hand-written renderer, the near-limit reference (as `vanillajs`
// is in js-framework-benchmark). It builds the DOM the app builds for the fully unfolded
// thread (src/components/*.rs), with plain DOM calls only: one <template> clone per comment
// (the templates are in index.html), texts set with textContent so data is never markup, the
// whole page built detached and attached once. It validates only what it needs to draw.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const template = (id) => document.getElementById(id).content.firstElementChild;
const [COMMENT, TOGGLE, UNFOLD, CONTEXT] = ["comment", "toggle", "unfold", "context"].map((t) => template(`tpl-${t}`));

// For the few elements made once per page (and per paragraph), not worth a template.
function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const name in attrs) e.setAttribute(name, attrs[name]);
  if (text !== undefined) e.textContent = text;
  return e;
}

// The app's wording: src/words.rs and src/date.rs ("May 28, 2014", the day keeps 2 digits).
const replies = (n) => (n === 1 ? "1 reply" : `${n} replies`);
const numbers = (ids) =>
  ids.length < 2 ? ids.join("") : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
const since = (d) => `${MONTHS[+d.slice(5, 7) - 1]} ${d.slice(8, 10)}, ${+d.slice(0, 4)}`;

function render({ article, comments, hidden }) {
  // The thread index, as core/src/thread.rs builds it. Everything is a loop over arrays, never
  // recursion, so a 100,000-deep chain costs memory, not stack. (Chromium itself cannot lay
  // out nesting that deep: its tab crashes past about 1,200 levels, whoever built the DOM.)
  const n = comments.length;
  const index = new Map();
  for (let i = 0; i < n; i++) {
    if (index.has(comments[i].id)) throw new Error(`comment ${comments[i].id} appears more than once`);
    index.set(comments[i].id, i);
  }
  const parent = new Int32Array(n).fill(-1);
  const kids = new Array(n); // an array only for comments that have replies
  const roots = [], warnings = [];
  for (let i = 0; i < n; i++) {
    const p = comments[i].parent;
    const pi = p == null ? undefined : index.get(p);
    if (pi === undefined) {
      // A reply to a comment not in the file stays at the top level, with a warning (as the app).
      if (p != null) warnings.push(`comment ${comments[i].id} replies to comment ${p}, which is not in the file`);
      roots.push(i);
    } else {
      parent[i] = pi;
      (kids[pi] ??= []).push(i);
    }
  }
  // Depth-first reading order with an explicit stack; children pushed reversed so that
  // siblings come out in file order.
  const order = [], depth = new Int32Array(n), stack = roots.slice().reverse();
  while (stack.length) {
    const i = stack.pop();
    order.push(i);
    if (parent[i] >= 0) depth[i] = depth[parent[i]] + 1;
    const k = kids[i];
    if (k) for (let j = k.length - 1; j >= 0; j--) stack.push(k[j]);
  }
  // Whatever the walk from the top level did not reach hangs off a cycle (or its own parent).
  if (order.length < n) throw new Error("some comments form a cycle of replies that never reaches the top level");
  // Replies at any depth, for "Hide 8 replies": children follow parents in `order`, so one
  // backward pass sums every subtree.
  const total = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) if (parent[order[k]] >= 0) total[parent[order[k]]] += total[order[k]] + 1;

  const thread = el("ol", { class: "thread" });
  const lists = new Array(n); // each comment's ol.replies, where its replies are appended
  const above = new Int32Array(n); // comments drawn so far under each parent
  for (const i of order) {
    const c = comments[i], id = c.id;
    const li = COMMENT.cloneNode(true);
    li.id = `comment-${id}`;
    li.setAttribute("data-depth", depth[i]);
    const card = li.firstChild, meta = card.firstChild;
    const [link, author, posts, member] = meta.children;
    link.setAttribute("href", `#comment-${id}`);
    link.textContent = `#${id}`;
    author.title = `Highlight every comment by ${c.author}`;
    author.textContent = c.author;
    posts.textContent = `Posts: ${c.posts}`;
    member.textContent = `Member since ${since(c.member_since)}`;
    const body = meta.nextSibling, actions = body.nextSibling;
    // "in reply to" when the parent is not just above: 2 or more comments in between (ReplyContext).
    const p = parent[i];
    if (p >= 0) {
      if (above[p] >= 2) {
        const context = CONTEXT.cloneNode(true);
        context.lastChild.setAttribute("href", `#comment-${comments[p].id}`);
        context.lastChild.textContent = `${comments[p].author} #${comments[p].id}`;
        card.insertBefore(context, body);
      }
      above[p] += total[i] + 1;
    } else if (c.parent != null) {
      card.insertBefore(el("p", { class: "orphan-note" }, `In reply to comment #${c.parent}, which is not in this file`), body);
    }
    // Paragraphs as Comment::paragraphs (core/src/data.rs): split on blank lines, trimmed, empty dropped.
    for (const text of c.body.replace(/\r\n/g, "\n").split("\n\n")) {
      const t = text.trim();
      if (t) body.appendChild(el("p", undefined, t));
    }
    if (kids[i]) {
      const toggle = TOGGLE.cloneNode(true);
      toggle.setAttribute("aria-controls", `replies-${id}`);
      toggle.setAttribute("aria-label", `Hide ${replies(total[i])} to ${c.author}`);
      toggle.textContent = `Hide ${replies(total[i])}`;
      actions.appendChild(toggle);
      // Offered only where there are replies to replies, as in the app.
      if (total[i] > kids[i].length) {
        const unfold = UNFOLD.cloneNode(true);
        unfold.setAttribute("aria-label", `Unfold all below comment ${id} (${replies(total[i])})`);
        actions.appendChild(unfold);
      }
      li.appendChild((lists[i] = el("ol", { class: "replies", id: `replies-${id}` })));
    }
    (p >= 0 ? lists[p] : thread).appendChild(li);
  }
  // One listener for every fold button, instead of one per comment.
  thread.addEventListener("click", (event) => {
    const button = event.target.closest("button.toggle, button.unfold-below");
    if (!button) return;
    const li = button.closest("li.comment");
    if (button.classList.contains("toggle")) setOpen(li, li.lastElementChild.hidden);
    else for (const list of li.querySelectorAll("ol.replies[hidden]")) setOpen(list.parentElement, true);
  });

  const story = el("article", { class: "story" });
  story.appendChild(el("h1", undefined, article.headline));
  for (const block of article.body) {
    story.appendChild("subheading" in block ? el("h2", { class: "subheading" }, block.subheading) : el("p", undefined, block.paragraph));
  }
  if (article.notice != null) story.appendChild(el("footer", { class: "story-notice" })).appendChild(el("p", undefined, article.notice));

  const section = el("section", { class: "discussion", "aria-labelledby": "discussion-title" });
  section.appendChild(el("h2", { id: "discussion-title" }, `Reader comments (${n})`));
  if (warnings.length) {
    const note = section.appendChild(el("div", { class: "data-warnings", role: "note" }));
    note.appendChild(el("p", undefined, "This discussion file has problems. Every comment in it is still shown."));
    const list = note.appendChild(el("ul"));
    for (const w of warnings) list.appendChild(el("li", undefined, w));
  }
  section.appendChild(thread);
  if (hidden?.notice != null) section.appendChild(el("p", { class: "hidden-notice" }, hidden.notice));
  if (hidden?.ids?.length) section.appendChild(el("p", { class: "hidden-ids" }, `Hidden comments: ${numbers(hidden.ids)}`));
  document.title = article.headline;
  return [story, section];
}

// Folding hides the replies list (the app removes it); the button says what a click will do.
function setOpen(li, open) {
  const button = li.firstChild.lastChild.firstChild;
  li.lastElementChild.hidden = !open;
  button.setAttribute("aria-expanded", open);
  const word = open ? "Hide" : "Show";
  button.textContent = button.textContent.replace(/^\S+/, word);
  button.setAttribute("aria-label", button.getAttribute("aria-label").replace(/^\S+/, word));
}

async function main() {
  const file = new URLSearchParams(location.search).get("data") || "discussion.json";
  const page = el("main", { id: "main" });
  try {
    // As the app, only a .json file of this site (the CSP's connect-src would refuse others anyway).
    if (!file.endsWith(".json") || new URL(file, location.href).origin !== location.origin) {
      throw new Error("?data= accepts only a relative path to a .json file in this site's folder");
    }
    const response = await fetch(file);
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
    // A byte-order mark is an encoding artefact the app accepts; JSON.parse does not.
    page.append(...render(JSON.parse((await response.text()).replace(/^\uFEFF/, ""))));
    document.body.appendChild(page);
    document.documentElement.dataset.rendered = "true";
  } catch (error) {
    // Any failure, from the network to a file of the wrong shape, is said in words on the page.
    page.replaceChildren(el("div", { class: "load-error", role: "alert" }));
    page.firstChild.append(el("h1", undefined, "The discussion could not be loaded"), el("p", { class: "error-detail" }, `${file}: ${error.message}`));
    document.body.appendChild(page);
    document.documentElement.dataset.rendered = "error";
  }
}

main();
