//! The thread index: who answers whom, built from the flat comment list.
//!
//! Everything here is iterative, so a chain of 100,000 replies costs memory, not stack.
//! Comments are addressed by their position in [`Discussion::comments`](crate::data::Discussion).

use std::collections::HashMap;

use crate::CommentId;
use crate::data::{Comment, DataError};

#[derive(Clone, Debug, PartialEq)]
pub struct Thread {
    roots: Vec<usize>,
    children: Vec<Vec<usize>>,
    parent: Vec<Option<usize>>,
    depth: Vec<u32>,
    /// Every comment under each one, at any depth.
    descendants: Vec<u32>,
    /// All comments depth-first, the order the page reads in.
    order: Vec<usize>,
    /// Where each comment sits in `order`; its subtree follows it there.
    position: Vec<usize>,
    index: HashMap<CommentId, usize>,
    warnings: Vec<DataError>,
}

impl Thread {
    /// Links every comment to its parent. Children keep the order of the file.
    ///
    /// A reply to a comment that is not in the file is kept at the top level and reported
    /// in [`Thread::warnings`]: nothing the file holds is silently dropped. A cycle of
    /// replies cannot be placed anywhere, so it is an error.
    pub fn build(comments: &[Comment]) -> Result<Self, DataError> {
        let n = comments.len();
        let mut index = HashMap::with_capacity(n);
        for (i, c) in comments.iter().enumerate() {
            if index.insert(c.id, i).is_some() {
                return Err(DataError::DuplicateId { id: c.id });
            }
        }

        let mut roots = Vec::new();
        let mut children = vec![Vec::new(); n];
        let mut parent = vec![None; n];
        let mut warnings = Vec::new();
        for (i, c) in comments.iter().enumerate() {
            match c.parent {
                None => roots.push(i),
                Some(p) if p == c.id => return Err(DataError::OwnParent { id: c.id }),
                Some(p) => match index.get(&p) {
                    Some(&pi) => {
                        parent[i] = Some(pi);
                        children[pi].push(i);
                    }
                    None => {
                        warnings.push(DataError::UnknownParent {
                            id: c.id,
                            parent: p,
                        });
                        roots.push(i);
                    }
                },
            }
        }

        let mut order = Vec::with_capacity(n);
        let mut depth = vec![0u32; n];
        let mut stack: Vec<usize> = roots.iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            order.push(i);
            if let Some(p) = parent[i] {
                depth[i] = depth[p] + 1;
            }
            stack.extend(children[i].iter().rev().copied());
        }
        if order.len() < n {
            return Err(DataError::Cycle {
                id: comments[cycle_member(&order, &parent, n)].id,
            });
        }

        // Children come after their parent in `order`, so one backward pass sums subtrees.
        let mut descendants = vec![0u32; n];
        for &i in order.iter().rev() {
            if let Some(p) = parent[i] {
                descendants[p] += descendants[i] + 1;
            }
        }
        let mut position = vec![0; n];
        for (pos, &i) in order.iter().enumerate() {
            position[i] = pos;
        }

        Ok(Self {
            roots,
            children,
            parent,
            depth,
            descendants,
            order,
            position,
            index,
            warnings,
        })
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub fn roots(&self) -> &[usize] {
        &self.roots
    }

    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    pub fn parent(&self, i: usize) -> Option<usize> {
        self.parent[i]
    }

    /// 0 for a top-level comment.
    pub fn depth(&self, i: usize) -> u32 {
        self.depth[i]
    }

    pub fn descendants(&self, i: usize) -> u32 {
        self.descendants[i]
    }

    /// Everything under `i`, depth-first.
    pub fn subtree(&self, i: usize) -> &[usize] {
        let start = self.position[i] + 1;
        &self.order[start..start + self.descendants[i] as usize]
    }

    /// All comments depth-first: the reading order of the fully unfolded page.
    pub fn display_order(&self) -> &[usize] {
        &self.order
    }

    pub fn index_of(&self, id: CommentId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// Parent, grandparent, … up to the top level.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.parent[i], |&p| self.parent[p])
    }

    /// Problems that did not stop the page, such as replies to missing comments.
    pub fn warnings(&self) -> &[DataError] {
        &self.warnings
    }
}

/// Finds a comment that lies on a cycle, given that the depth-first walk from the roots
/// (`reached`) missed some comments. Following parents from any missed comment must loop.
fn cycle_member(reached: &[usize], parent: &[Option<usize>], n: usize) -> usize {
    let mut seen = vec![false; n];
    for &i in reached {
        seen[i] = true;
    }
    let start = (0..n)
        .find(|&i| !seen[i])
        .expect("some comment was not reached");
    let mut on_path = vec![false; n];
    let mut i = start;
    while !on_path[i] {
        on_path[i] = true;
        i = parent[i].expect("a comment not reached from a root has a parent");
    }
    i
}

/// Authors of the comments in `subtree`, each once, in reading order.
pub fn distinct_authors<'a>(comments: &'a [Comment], subtree: &[usize]) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    subtree
        .iter()
        .filter(|&&i| comments[i].state.is_none())
        .map(|&i| comments[i].author.as_str())
        .filter(|a| seen.insert(*a))
        .collect()
}
