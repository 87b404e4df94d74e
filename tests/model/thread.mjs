// The thread model the JavaScript tests and the benchmark check the app against: the
// rules of core/src/thread.rs and core/src/folds.rs, said once. Pure (no node imports), so
// a page may import it too. Comments are the file's objects ({ id, parent, author, … });
// everything here is addressed by comment id. `limits` is LIMITS from ./limits.mjs.

/** The thread index of `comments` (file order), as the app builds it; throws on a duplicate id, a comment that is its own parent or a cycle. */
export function buildThread(comments) {
  const n = comments.length;
  const index = new Map();
  comments.forEach((c, i) => {
    if (index.has(c.id)) throw new Error(`comment ${c.id} appears more than once`);
    index.set(c.id, i);
  });
  // Children in file order; a reply to a comment not in the file stands at the top level.
  const parent = new Array(n).fill(-1);
  const kids = Array.from({ length: n }, () => []);
  const rootIdx = [];
  comments.forEach((c, i) => {
    if (c.parent === c.id) throw new Error(`comment ${c.id} replies to itself`);
    const p = c.parent == null ? undefined : index.get(c.parent);
    if (p === undefined) rootIdx.push(i);
    else (parent[i] = p), kids[p].push(i);
  });
  // Depth-first reading order with an explicit stack: a chain can be thousands deep.
  const orderIdx = [];
  const depth = new Array(n).fill(0);
  const stack = [...rootIdx].reverse();
  while (stack.length) {
    const i = stack.pop();
    orderIdx.push(i);
    if (parent[i] >= 0) depth[i] = depth[parent[i]] + 1;
    for (let k = kids[i].length - 1; k >= 0; k--) stack.push(kids[i][k]);
  }
  if (orderIdx.length < n) throw new Error('some comments form a cycle of replies that never reaches the top level');
  // Children follow their parent in reading order, so one backward pass sums subtrees.
  const descendants = new Array(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    const i = orderIdx[k];
    if (parent[i] >= 0) descendants[parent[i]] += descendants[i] + 1;
  }
  const position = new Array(n);
  orderIdx.forEach((i, pos) => (position[i] = pos));

  const ids = (list) => list.map((i) => comments[i].id);
  const at = (id) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`no comment ${id} in this thread`);
    return i;
  };
  const order = ids(orderIdx);
  const subtree = (id) => {
    const i = at(id);
    return order.slice(position[i] + 1, position[i] + 1 + descendants[i]);
  };
  return {
    comments,
    byId: new Map(comments.map((c) => [c.id, c])),
    roots: ids(rootIdx),
    order,
    children: (id) => (id == null ? ids(rootIdx) : ids(kids[at(id)])),
    parent: (id) => (parent[at(id)] < 0 ? null : comments[parent[at(id)]].id),
    depth: (id) => depth[at(id)],
    descendants: (id) => descendants[at(id)],
    subtree,
    authors: (id) => [...new Set((id == null ? order : subtree(id)).map((k) => comments[index.get(k)].author))],
  };
}

/** The comments the first view starts folded (a Set of ids), as core/src/folds.rs `first_view` with FIRST_VIEW as the budget. */
export function firstFolded(thread, limits) {
  const { FIRST_VIEW, PAGE } = limits;
  // Only the first page of a long list is drawn, so only it counts and opens.
  const open = new Set();
  const queue = thread.roots.slice(0, PAGE);
  let drawn = queue.length;
  for (let q = 0; q < queue.length; q++) {
    const replies = thread.children(queue[q]).slice(0, PAGE);
    if (replies.length === 0 || drawn + replies.length > FIRST_VIEW) continue;
    drawn += replies.length;
    open.add(queue[q]);
    queue.push(...replies);
  }
  return new Set(thread.comments.map((c) => c.id).filter((id) => !open.has(id) && thread.children(id).length > 0));
}

/** Whether the full view draws a fold button on comment `id`: it has replies and sits above the last level (DEPTH_CAP). */
export function hasToggle(thread, id, limits) {
  return thread.children(id).length > 0 && thread.depth(id) < limits.DEPTH_CAP - 1;
}

/** The ids the full view draws, in page order, when `isOpen(id)` says which comments are unfolded (a PAGE of each list). */
export function drawnIds(thread, isOpen, limits) {
  const out = [];
  const walk = (list) => {
    for (const id of list.slice(0, limits.PAGE)) {
      out.push(id);
      if (hasToggle(thread, id, limits) && isOpen(id)) walk(thread.children(id));
    }
  };
  walk(thread.roots);
  return out;
}

/** The ids the first view draws, in page order. */
export function firstView(thread, limits) {
  const folded = firstFolded(thread, limits);
  return drawnIds(thread, (id) => !folded.has(id), limits);
}
