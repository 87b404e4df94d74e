//! The bundled discussion, loaded as the page loads it, checked against the source page;
//! and the thread index on very deep and very wide threads, on a small stack.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use threadview_core::data::Block;
use threadview_core::{CommentId, Loaded};

const BUNDLED: &str = include_str!("../../data/discussion.json");

fn bundled() -> Loaded {
    Loaded::from_json(BUNDLED).expect("the bundled discussion loads")
}

fn id(n: u64) -> CommentId {
    CommentId::new(n)
}

/// Comments `ns`, as [`ids`] gives them.
fn ids_of(ns: impl IntoIterator<Item = u64>) -> Vec<CommentId> {
    ns.into_iter().map(id).collect()
}

/// The ids of the comments at these positions.
fn ids(loaded: &Loaded, positions: &[usize]) -> Vec<CommentId> {
    positions
        .iter()
        .map(|&i| loaded.discussion.comments[i].id)
        .collect()
}

fn position(loaded: &Loaded, n: u64) -> usize {
    loaded
        .thread
        .index_of(id(n))
        .unwrap_or_else(|| panic!("comment {n} is in the file"))
}

// ---------------------------------------------------------------------------------------
// The article

#[test]
fn article_has_headline_paragraphs_subheading_and_notice() {
    let article = bundled().discussion.article;
    assert_eq!(
        article.headline,
        "Huawei reportedly in talks to license its 5G networking technology to U.S. carriers"
    );

    // Seven paragraphs, the subheading after the fourth.
    let kinds: Vec<&str> = article
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph(_) => "p",
            Block::Subheading(_) => "h",
        })
        .collect();
    assert_eq!(kinds, ["p", "p", "p", "p", "h", "p", "p", "p"]);
    assert_eq!(
        article.body[4],
        Block::Subheading(
            "The U.S. has warned its allies not to use Huawei equipment in their 5G networks"
                .into()
        )
    );

    let paragraphs: Vec<&str> = article
        .body
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(text) => Some(text.as_str()),
            Block::Subheading(_) => None,
        })
        .collect();
    assert_eq!(paragraphs.len(), 7);
    assert!(paragraphs[0].starts_with(
        "Earlier this month, we told you that the Trump administration had painted itself \
         into a corner by banning Huawei, the world's largest networking equipment company,"
    ));
    assert!(
        paragraphs[1]
            .contains("Huawei's products-both phones and networking equipment-contain a backdoor")
    );
    assert!(paragraphs[3].ends_with(
        "it cost Huawei billions of dollars since 2009 to develop its 5G networking equipment."
    ));
    // The source's curly apostrophe stays curly; its straight quotes stay straight.
    assert!(paragraphs[4].starts_with(
        "A State Department official was not optimistic that a licensing deal would be \
         agreed to by U.S. carriers. \"It’s just not realistic that carriers"
    ));
    assert!(paragraphs[4].contains("by \"bugs,\" he could mean"));
    assert!(paragraphs[6].ends_with(
        "That is why the U.S. government would allow these licensing deals to take place."
    ));

    assert_eq!(
        article.notice.as_deref(),
        Some(
            "This copy is for your personal, non-commercial use only. You can order \
             presentation-ready copies for distribution to your colleagues, clients or \
             customers at or use the Reprints & Permissions tool that appears at the bottom \
             of each web page. Visit for samples and additional information."
        )
    );
}

// ---------------------------------------------------------------------------------------
// The comments

#[test]
fn every_comment_has_its_author_posts_and_member_since() {
    let loaded = bundled();
    let expected = [
        (1, "meanestgenius", 22388, "May 28, 2014"),
        (3, "Fred3", 574, "Jan 16, 2018"),
        (4, "meanestgenius", 22388, "May 28, 2014"),
        (7, "Ashoaib", 3309, "Nov 15, 2013"),
        (9, "meanestgenius", 22388, "May 28, 2014"),
        (13, "Venom", 3778, "Dec 14, 2017"),
        (14, "frequency", 115, "Aug 13, 2013"),
        (17, "Venom", 3778, "Dec 14, 2017"),
        (15, "meanestgenius", 22388, "May 28, 2014"),
        (2, "DellB", 57, "Jun 07, 2015"),
        (12, "Venom", 3778, "Dec 14, 2017"),
        (11, "Venom", 3778, "Dec 14, 2017"),
        (16, "meanestgenius", 22388, "May 28, 2014"),
    ];
    let actual: Vec<(CommentId, &str, u64, String)> = loaded
        .discussion
        .comments
        .iter()
        .map(|c| {
            let since = c.member_since.expect("the seed has member-since dates");
            (
                c.id,
                c.author.as_str(),
                c.posts.unwrap_or(0),
                since.display(),
            )
        })
        .collect();
    let expected: Vec<(CommentId, &str, u64, String)> = expected
        .iter()
        .map(|&(n, author, posts, since)| (id(n), author, posts, since.to_string()))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn comment_texts_are_verbatim() {
    let loaded = bundled();
    let body = |n| {
        loaded.discussion.comments[position(&loaded, n)]
            .body
            .as_str()
    };
    assert_eq!(body(4), "Agreed. By \"U.S.\", I mean U.S. government.");
    assert_eq!(body(9), "Absolutely agree.");
    assert!(body(1).starts_with("If this report holds true, it looks like the U.S. has"));
    assert!(body(16).starts_with(
        "Because the U.S. has yet to provide any evidence of wrongdoings from Huawei, \
         that’s why."
    ));
    assert!(body(16).ends_with("The facts are greater than ones opinion."));
    // Every comment of the source is one paragraph.
    for c in &loaded.discussion.comments {
        assert_eq!(c.paragraphs().count(), 1, "comment {}", c.id);
    }
}

#[test]
fn every_comment_answers_the_right_parent() {
    let loaded = bundled();
    let expected: HashMap<CommentId, Option<CommentId>> = [
        (1, None),
        (3, Some(1)),
        (4, Some(3)),
        (7, Some(1)),
        (9, Some(7)),
        (13, Some(7)),
        (14, Some(13)),
        (17, Some(14)),
        (15, Some(13)),
        (2, None),
        (12, Some(2)),
        (11, None),
        (16, Some(11)),
    ]
    .into_iter()
    .map(|(n, parent): (u64, Option<u64>)| (id(n), parent.map(id)))
    .collect();
    assert_eq!(loaded.discussion.comments.len(), expected.len());
    for (i, c) in loaded.discussion.comments.iter().enumerate() {
        let linked = loaded
            .thread
            .parent(i)
            .map(|p| loaded.discussion.comments[p].id);
        assert_eq!(c.parent, expected[&c.id], "comment {} in the file", c.id);
        assert_eq!(linked, expected[&c.id], "comment {} in the thread", c.id);
    }
}

#[test]
fn roots_and_children_keep_file_order() {
    let loaded = bundled();
    let thread = &loaded.thread;
    assert_eq!(ids(&loaded, thread.roots()), ids_of([1, 2, 11]));
    let children = |n| ids(&loaded, thread.children(position(&loaded, n)));
    assert_eq!(children(1), ids_of([3, 7]));
    assert_eq!(children(3), ids_of([4]));
    assert_eq!(children(7), ids_of([9, 13]));
    assert_eq!(children(13), ids_of([14, 15]));
    assert_eq!(children(14), ids_of([17]));
    assert_eq!(children(2), ids_of([12]));
    assert_eq!(children(11), ids_of([16]));
    for leaf in [4, 9, 17, 15, 12, 16] {
        assert!(children(leaf).is_empty(), "comment {leaf} has no replies");
    }
}

#[test]
fn descendants_depths_and_display_order() {
    let loaded = bundled();
    let thread = &loaded.thread;
    let expected = [
        // (id, descendants, depth)
        (1, 8, 0),
        (3, 1, 1),
        (4, 0, 2),
        (7, 5, 1),
        (9, 0, 2),
        (13, 3, 2),
        (14, 1, 3),
        (17, 0, 4),
        (15, 0, 3),
        (2, 1, 0),
        (12, 0, 1),
        (11, 1, 0),
        (16, 0, 1),
    ];
    for (id, descendants, depth) in expected {
        let i = position(&loaded, id);
        assert_eq!(thread.descendants(i), descendants, "descendants of {id}");
        assert_eq!(thread.depth(i), depth, "depth of {id}");
        assert_eq!(
            thread.subtree(i).len(),
            descendants as usize,
            "subtree of {id}"
        );
    }

    // Depth-first, children in file order: exactly the order of the source page.
    let order = [1, 3, 4, 7, 9, 13, 14, 17, 15, 2, 12, 11, 16];
    assert_eq!(ids(&loaded, thread.display_order()), ids_of(order));
    assert_eq!(thread.len(), 13);

    assert_eq!(
        ids(&loaded, thread.subtree(position(&loaded, 7))),
        ids_of([9, 13, 14, 17, 15])
    );
    let ancestors: Vec<usize> = thread.ancestors(position(&loaded, 17)).collect();
    assert_eq!(ids(&loaded, &ancestors), ids_of([14, 13, 7, 1]));
    assert_eq!(
        thread.index_of(id(5)),
        None,
        "hidden comments are not in the thread"
    );
}

#[test]
fn authors_hidden_comments_and_no_warnings() {
    let loaded = bundled();
    let mut per_author: HashMap<&str, usize> = HashMap::new();
    for c in &loaded.discussion.comments {
        *per_author.entry(c.author.as_str()).or_default() += 1;
    }
    assert_eq!(per_author["meanestgenius"], 5);
    assert_eq!(per_author["Venom"], 4);
    assert_eq!(per_author["Fred3"], 1);
    assert_eq!(per_author["Ashoaib"], 1);
    assert_eq!(per_author["frequency"], 1);
    assert_eq!(per_author["DellB"], 1);

    let hidden = &loaded.discussion.hidden;
    assert_eq!(hidden.ids, ids_of([5, 6, 8, 10]));
    assert_eq!(
        hidden.notice.as_deref(),
        Some("* Some comments have been hidden, because they don't meet the discussions rules.")
    );
    assert!(loaded.thread.warnings().is_empty());
}

/// When the source page is at hand, each comment's header and body appear in it, in the
/// display order. The literal checks above do not need it; CI may not have it.
#[test]
fn matches_the_source_page_when_present() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/seed/discussion-page.txt"
    );
    let Ok(seed) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} is not here");
        return;
    };
    let loaded = bundled();
    let mut from = 0;
    for &i in loaded.thread.display_order() {
        let c = &loaded.discussion.comments[i];
        let block = format!(
            "{}. {}\n\nPosts: {}; Member since: {}\n\n{}\n",
            c.id,
            c.author,
            c.posts.expect("the seed has post counts"),
            c.member_since
                .expect("the seed has member-since dates")
                .display(),
            c.body
        );
        let at = seed[from..]
            .find(&block)
            .unwrap_or_else(|| panic!("comment {} is in the source, after the one before", c.id));
        from += at + block.len();
    }
    let article = &loaded.discussion.article;
    for block in &article.body {
        let (Block::Paragraph(text) | Block::Subheading(text)) = block;
        assert!(seed.contains(&format!("\n{text}\n")), "{text}");
    }
    assert!(seed.contains(article.notice.as_deref().unwrap()));
    assert!(seed.contains(loaded.discussion.hidden.notice.as_deref().unwrap()));
}

#[test]
fn comment_paragraphs_are_separated_by_a_blank_line() {
    let text = r#"{"version": 1, "article": {"headline": "H", "body": []}, "comments": [
        {"id": 1, "author": "A", "posts": 0, "member_since": "2014-05-28",
         "body": "One\nstill one.\r\n\r\nTwo.\n\n\n\n  Three.  \n\n"}]}"#;
    let loaded = Loaded::from_json(text).unwrap();
    let paragraphs: Vec<&str> = loaded.discussion.comments[0].paragraphs().collect();
    assert_eq!(paragraphs, ["One\nstill one.", "Two.", "Three."]);
}

// ---------------------------------------------------------------------------------------
// Big threads on a small stack: the index must not recurse.

const N: u64 = 100_000;

/// A version 1 file with these (id, parent) comments.
fn file_with(comments: impl Iterator<Item = (u64, Option<u64>)>) -> String {
    let list: Vec<String> = comments
        .map(|(id, parent)| {
            let parent = parent.map_or("null".to_string(), |p| p.to_string());
            format!(
                r#"{{"id":{id},"parent":{parent},"author":"a{id}","posts":1,"member_since":"2014-05-28","body":"b"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"version":1,"article":{{"headline":"H","body":[]}},"comments":[{}]}}"#,
        list.join(",\n")
    )
}

/// Runs `f` on a thread whose stack is far too small for a recursion 100,000 deep.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no panic and no stack overflow");
}

#[test]
fn a_chain_of_100_000_replies() {
    let text = file_with((0..N).map(|id| (id, id.checked_sub(1))));
    on_small_stack(move || {
        let loaded = Loaded::from_json(&text).unwrap();
        let thread = &loaded.thread;
        let (first, last) = (position(&loaded, 0), position(&loaded, N - 1));
        assert_eq!(thread.len(), N as usize);
        assert_eq!(thread.roots(), [first]);
        assert_eq!(thread.depth(last), 99_999);
        assert_eq!(thread.descendants(first), 99_999);
        assert_eq!(thread.descendants(last), 0);

        let subtree = thread.subtree(first);
        assert_eq!(subtree.len(), 99_999);
        assert!(ids(&loaded, subtree).into_iter().eq((1..N).map(id)));
        assert_eq!(thread.subtree(position(&loaded, N - 2)), [last]);

        assert_eq!(thread.ancestors(last).count(), 99_999);
        assert_eq!(
            thread.ancestors(last).next(),
            Some(position(&loaded, N - 2))
        );
        assert_eq!(thread.ancestors(last).last(), Some(first));
        assert!(
            ids(&loaded, thread.display_order())
                .into_iter()
                .eq((0..N).map(id))
        );
        assert!(thread.warnings().is_empty());
        drop(loaded);
    });
}

#[test]
fn a_comment_with_100_000_replies() {
    let text = file_with(std::iter::once((0, None)).chain((1..=N).map(|id| (id, Some(0)))));
    on_small_stack(move || {
        let loaded = Loaded::from_json(&text).unwrap();
        let thread = &loaded.thread;
        let root = position(&loaded, 0);
        assert_eq!(thread.len(), N as usize + 1);
        assert_eq!(thread.roots(), [root]);
        assert_eq!(thread.children(root).len(), N as usize);
        assert_eq!(thread.descendants(root), N as u32);
        assert_eq!(thread.subtree(root).len(), N as usize);

        let last = position(&loaded, N);
        assert_eq!(thread.depth(last), 1);
        assert_eq!(thread.descendants(last), 0);
        assert!(thread.subtree(last).is_empty());
        assert_eq!(thread.ancestors(last).collect::<Vec<_>>(), [root]);
        // Siblings keep the order of the file.
        assert!(
            ids(&loaded, thread.display_order())
                .into_iter()
                .eq((0..=N).map(id))
        );
    });
}

#[test]
fn a_cycle_at_the_end_of_a_long_chain_is_found_without_recursion() {
    // 0 is the top; 1..N form one long cycle (1 answers N-1, every other k answers k-1).
    let text = file_with(
        std::iter::once((0, None))
            .chain(std::iter::once((1, Some(N - 1))))
            .chain((2..N).map(|id| (id, Some(id - 1)))),
    );
    on_small_stack(move || {
        let error = Loaded::from_json(&text).unwrap_err();
        let threadview_core::data::DataError::Cycle { id: on } = error else {
            panic!("expected a cycle, got {error:?}");
        };
        assert!((id(1)..id(N)).contains(&on), "{on} is on the cycle");
    });
}
