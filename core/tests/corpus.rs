//! The corpus of broken and unusual discussion files in `tests/corpus/`, one concern each.
//!
//! [`CORPUS`] gives every file its expected outcome: the exact `DataError`, whose message must
//! name the place (line and column, or comment and field), or a successful load with checks
//! of what it holds. A file without an entry fails [`every_file_has_an_expectation`]. The
//! three large cases (a chain of 100,000 replies, 100,000 siblings, one 5 MB body) are
//! generated here rather than committed, and listed in [`GENERATED`].
//!
//! Files are decoded as the browser's `Response.text()` does: UTF-8, with invalid bytes
//! replaced by U+FFFD.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use strum::IntoEnumIterator;
use threadview_core::data::{Block, Comment, DataError, DataErrorKind};
use threadview_core::{CommentId, Loaded};

/// What a corpus entry must produce.
enum Outcome {
    /// A JSON or shape error at `line`, `column` whose message starts with `message`. The
    /// line's text up to the column (or one further: serde_json reports a value it refused on
    /// sight one character early) ends with `at`, so the position really points at the fault.
    Syntax {
        line: usize,
        column: usize,
        message: &'static str,
        at: &'static str,
    },
    /// Exactly this error; its message must also contain `says`.
    Error(DataError, &'static str),
    /// A cycle of replies; the error names one of these comments.
    Cycle(&'static [CommentId]),
    /// The file loads; the function checks what it holds.
    Loads(fn(&Loaded)),
}

use Outcome::{Cycle, Error, Loads};

const fn syntax(line: usize, column: usize, message: &'static str, at: &'static str) -> Outcome {
    Outcome::Syntax {
        line,
        column,
        message,
        at,
    }
}

const fn id(n: u64) -> CommentId {
    CommentId::new(n)
}

const fn missing(n: u64, field: &'static str) -> Outcome {
    Error(
        DataError::MissingField { id: id(n), field },
        "is missing or null",
    )
}

/// Every file of `tests/corpus/` and what it must produce.
const CORPUS: &[(&str, Outcome)] = &[
    // --- Not a discussion file at all
    (
        "truncated.json",
        syntax(14, 42, "EOF while parsing a string", "\"author\": \"Fre"),
    ),
    ("not-json-prose.json", syntax(1, 1, "expected value", "T")),
    ("empty.json", Error(DataError::Empty, "the file is empty")),
    (
        "whitespace-only.json",
        Error(DataError::Empty, "the file is empty"),
    ),
    ("byte-order-mark.json", Loads(byte_order_mark)),
    (
        "top-level-array.json",
        syntax(1, 1, "invalid type: sequence, expected a JSON object", "["),
    ),
    ("trailing-comma.json", syntax(16, 3, "trailing comma", "]")),
    (
        "trailing-garbage.json",
        syntax(19, 1, "trailing characters", "{"),
    ),
    (
        "raw-control-character.json",
        syntax(
            14,
            106,
            "control character (\\u0000-\\u001F) found while parsing a string",
            "\"A tab\t",
        ),
    ),
    (
        "lone-surrogate.json",
        syntax(14, 125, "unexpected end of hex escape", "\\ud83d\""),
    ),
    ("invalid-utf8.json", Loads(invalid_utf8)),
    (
        "nesting-bomb.json",
        syntax(1, 22, "unknown field `extra`", "\"extra\""),
    ),
    // --- Versions and required fields
    (
        "version-3.json",
        Error(DataError::UnsupportedVersion(3), "format version 3"),
    ),
    (
        "version-3-with-new-fields.json",
        Error(DataError::UnsupportedVersion(3), "reads versions 1 and 2"),
    ),
    // --- Format 2
    ("format-2-rich.json", Loads(format_2_rich)),
    ("format-2-kinds.json", Loads(format_2_kinds)),
    (
        "format-2-bad-time.json",
        Error(
            DataError::BadTime {
                id: None,
                field: "time",
                value: String::new(),
            },
            "not a time like 2018-11-17T01:42:27Z",
        ),
    ),
    (
        "format-2-bad-url.json",
        Error(
            DataError::BadUrl {
                id: None,
                value: String::new(),
            },
            "not an http or https address",
        ),
    ),
    (
        "missing-version.json",
        syntax(17, 1, "missing field `version`", "}"),
    ),
    (
        "missing-article.json",
        syntax(9, 1, "missing field `article`", "}"),
    ),
    (
        "missing-headline.json",
        syntax(10, 3, "missing field `headline`", "}"),
    ),
    (
        "missing-comments.json",
        syntax(13, 1, "missing field `comments`", "}"),
    ),
    (
        "missing-id.json",
        Error(DataError::MissingId { index: 1 }, "has no \"id\""),
    ),
    ("missing-author.json", missing(2, "author")),
    ("missing-body.json", missing(2, "body")),
    ("missing-posts.json", missing(2, "posts")),
    ("missing-member-since.json", missing(2, "member_since")),
    // --- null where a value is required
    (
        "null-version.json",
        syntax(2, 17, "invalid type: null, expected u64", "null"),
    ),
    (
        "null-headline.json",
        syntax(4, 20, "invalid type: null, expected a string", "null"),
    ),
    (
        "null-comments.json",
        syntax(12, 18, "invalid type: null, expected a sequence", "null"),
    ),
    (
        "null-id.json",
        Error(DataError::MissingId { index: 1 }, "has no \"id\""),
    ),
    ("null-author.json", missing(2, "author")),
    ("null-body.json", missing(2, "body")),
    ("null-posts.json", missing(2, "posts")),
    ("null-member-since.json", missing(2, "member_since")),
    // --- Wrong types, and numbers written as strings
    (
        "string-id.json",
        syntax(
            14,
            15,
            "invalid type: string \"5\", expected u64",
            "\"id\": \"5\"",
        ),
    ),
    (
        "string-posts.json",
        syntax(
            14,
            60,
            "invalid type: string \"12\", expected u64",
            "\"posts\": \"12\"",
        ),
    ),
    (
        "string-parent.json",
        syntax(
            14,
            28,
            "invalid type: string \"1\", expected u64",
            "\"parent\": \"1\"",
        ),
    ),
    (
        "string-version.json",
        syntax(
            2,
            16,
            "invalid type: string \"1\", expected u64",
            "\"version\": \"1\"",
        ),
    ),
    (
        "float-id.json",
        syntax(
            14,
            15,
            "invalid type: floating point `5.0`, expected u64",
            "\"id\": 5.0",
        ),
    ),
    (
        "number-body.json",
        syntax(
            14,
            101,
            "invalid type: integer `42`, expected a string",
            "\"body\": 42",
        ),
    ),
    (
        "boolean-author.json",
        syntax(
            14,
            42,
            "invalid type: boolean `true`, expected a string",
            "\"author\": true",
        ),
    ),
    (
        "array-headline.json",
        syntax(
            4,
            16,
            "invalid type: sequence, expected a string",
            "\"headline\": [",
        ),
    ),
    (
        "object-comments.json",
        syntax(
            12,
            14,
            "invalid type: map, expected a sequence",
            "\"comments\": {",
        ),
    ),
    (
        "comment-as-array.json",
        syntax(14, 4, "invalid type: sequence, expected a JSON object", "["),
    ),
    (
        "unknown-field.json",
        syntax(
            14,
            139,
            "unknown field `likes`, expected one of",
            "\"likes\"",
        ),
    ),
    (
        "unknown-block.json",
        syntax(
            7,
            15,
            "unknown variant `quote`, expected `paragraph` or `subheading`",
            "\"quote\"",
        ),
    ),
    // --- Numbers out of range
    (
        "negative-id.json",
        syntax(
            14,
            14,
            "invalid value: integer `-5`, expected u64",
            "\"id\": -5",
        ),
    ),
    (
        "negative-posts.json",
        syntax(
            14,
            58,
            "invalid value: integer `-1`, expected u64",
            "\"posts\": -1",
        ),
    ),
    (
        "enormous-id.json",
        syntax(
            14,
            35,
            "invalid type: floating point `1e+23`, expected u64",
            "\"id\": 99999999999999999999999",
        ),
    ),
    (
        "id-u64-max-plus-one.json",
        syntax(
            14,
            32,
            "invalid type: floating point",
            "\"id\": 18446744073709551616",
        ),
    ),
    ("id-u64-max.json", Loads(id_u64_max)),
    // --- Empty or invalid values
    (
        "empty-body.json",
        Error(
            DataError::EmptyField {
                id: id(2),
                field: "body",
            },
            "is empty",
        ),
    ),
    (
        "blank-author.json",
        Error(
            DataError::EmptyField {
                id: id(2),
                field: "author",
            },
            "is empty",
        ),
    ),
    (
        "empty-headline.json",
        Error(DataError::EmptyArticle { field: "headline" }, "is empty"),
    ),
    (
        "bad-date.json",
        Error(
            DataError::BadDate {
                id: id(2),
                value: String::new(), // compared below: "2014-02-30"
            },
            "not a date like 2014-05-28",
        ),
    ),
    // --- The thread
    (
        "duplicate-id.json",
        Error(
            DataError::DuplicateId { id: id(2) },
            "appears more than once",
        ),
    ),
    (
        "own-parent.json",
        Error(DataError::OwnParent { id: id(2) }, "is its own parent"),
    ),
    ("cycle-of-three.json", Cycle(&[id(4), id(5), id(6)])),
    ("unknown-parent.json", Loads(unknown_parent)),
    ("reply-before-parent.json", Loads(reply_before_parent)),
    ("empty-comments.json", Loads(empty_comments)),
    // --- Text that is kept verbatim
    ("control-characters.json", Loads(control_characters)),
    ("right-to-left.json", Loads(right_to_left)),
    ("emoji-combining.json", Loads(emoji_combining)),
    ("long-word.json", Loads(long_word)),
    ("hostile-html.json", Loads(hostile_html)),
    ("hostile-script.json", Loads(hostile_script)),
    ("hostile-javascript-url.json", Loads(hostile_javascript_url)),
    ("hostile-template.json", Loads(hostile_template)),
];

/// Format 2: string ids, times, a score, a badge, rich text, a deleted comment that keeps
/// its reply, a removed one, and replies the file does not have.
fn format_2_kinds(loaded: &Loaded) {
    use threadview_core::data::Kind;
    let d = &loaded.discussion;
    let kinds: Vec<Option<Kind>> = d.comments.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            None,
            Some(Kind::Pingback),
            Some(Kind::Trackback),
            Some(Kind::Action),
            None,
            None
        ]
    );
    assert_eq!(Kind::Action.label(), "Moderator action");
    let warnings: Vec<Option<&str>> = d.comments.iter().map(|c| c.warning.as_deref()).collect();
    assert_eq!(
        warnings,
        [
            None,
            None,
            None,
            None,
            Some("Spoilers for the ending"),
            None
        ],
        "a blank warning is none"
    );
    assert_eq!(d.comments[4].body, "The butler did it.");
    assert_eq!(d.notes.len(), 2);
    assert!(d.notes[0].starts_with("3 comments marked as spam"));
}

fn format_2_rich(loaded: &Loaded) {
    use threadview_core::data::{Badge, Removal};
    use threadview_core::rich::{self, Block};
    let d = &loaded.discussion;
    let by = |text: &str| {
        let id: CommentId = text.parse().unwrap();
        &d.comments[loaded.thread.index_of(id).unwrap()]
    };
    assert_eq!(d.article.site.as_deref(), Some("Example News"));
    assert_eq!(d.article.time.unwrap().rfc3339(), "2018-11-17T01:42:27Z");
    assert_eq!(d.missing_replies, 3);
    let c1 = by("c1");
    assert_eq!(
        (c1.score, c1.badges.as_slice()),
        (Some(42), &[Badge::Op][..])
    );
    assert_eq!(
        c1.body.lines().next(),
        Some("Read this and not that, it is good.")
    );
    let blocks = c1.rich.as_ref().unwrap();
    assert!(matches!(&blocks[1], Block::Quote(_)));
    assert_eq!(
        blocks[2],
        Block::Code("fn main() {\n    println!(\"hi\");\n}\n".into())
    );
    assert_eq!(rich::plain_text(blocks), c1.body);
    let c2 = by("c2");
    assert_eq!(
        (c2.state, c2.author.as_str(), c2.body.as_str()),
        (Some(Removal::Deleted), "", "")
    );
    assert_eq!(c2.missing_replies, 12);
    let c3 = by("c3");
    assert_eq!(
        c3.parent,
        Some(c2.id),
        "the reply stays under the deleted comment"
    );
    assert_eq!(c3.time.unwrap().rfc3339(), "2018-11-17T08:00:00Z");
    assert_eq!(c3.paragraphs().count(), 2);
    assert_eq!(by("4").state, Some(Removal::Removed));
    assert!(loaded.thread.warnings().is_empty());
    assert_eq!(
        loaded.thread.depth(loaded.thread.index_of(c3.id).unwrap()),
        2
    );
}

/// A generated case: its name, the generator of its text, and its outcome.
type Generated = (&'static str, fn() -> String, Outcome);

/// The large cases, generated: committing them would bloat the repository.
const GENERATED: &[Generated] = &[
    ("chain of 100,000 replies", chain_file, Loads(chain)),
    ("100,000 siblings", siblings_file, Loads(siblings)),
    ("one body of 5 MB", big_body_file, Loads(big_body)),
];

const BAD_DATE: &str = "2014-02-30";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The file as the browser would hand it to the app.
fn read(name: &str) -> String {
    let bytes = std::fs::read(corpus_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    String::from_utf8_lossy(&bytes).into_owned()
}

// ---------------------------------------------------------------------------------------
// The tests

#[test]
fn every_file_has_an_expectation() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/corpus exists")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    let listed: BTreeSet<String> = CORPUS.iter().map(|(name, _)| name.to_string()).collect();
    assert_eq!(listed.len(), CORPUS.len(), "a file is listed twice");
    let unlisted: Vec<&String> = on_disk.difference(&listed).collect();
    assert!(
        unlisted.is_empty(),
        "files in tests/corpus/ without an expected outcome in CORPUS: {unlisted:?}"
    );
    let absent: Vec<&String> = listed.difference(&on_disk).collect();
    assert!(
        absent.is_empty(),
        "CORPUS lists files that are not in tests/corpus/: {absent:?}"
    );
    assert!(CORPUS.len() >= 30, "{} files", CORPUS.len());
}

#[test]
fn every_file_gives_its_expected_outcome() {
    // On a small stack: nothing in parsing or threading may recurse per nesting level.
    on_small_stack(|| {
        let mut failed = Vec::new();
        for (name, outcome) in CORPUS {
            let text = read(name);
            if std::panic::catch_unwind(|| check(&text, outcome)).is_err() {
                failed.push(*name);
            }
        }
        assert!(failed.is_empty(), "failed corpus files: {failed:?}");
    });
}

#[test]
fn generated_large_cases() {
    on_small_stack(|| {
        for (name, generate, outcome) in GENERATED {
            let text = generate();
            if std::panic::catch_unwind(|| check(&text, outcome)).is_err() {
                panic!("generated case failed: {name}");
            }
        }
    });
}

/// The error table of the data-format docs is backed by a corpus file for each message.
#[test]
fn corpus_covers_every_kind_of_error() {
    let given: Vec<DataErrorKind> = CORPUS
        .iter()
        .filter_map(|(_, outcome)| match outcome {
            Outcome::Syntax { .. } => Some(DataErrorKind::Syntax),
            Error(e, _) => Some(e.kind()),
            Cycle(_) => Some(DataErrorKind::Cycle),
            Loads(_) => None,
        })
        .collect();
    // UnknownParent is a warning, checked by unknown-parent.json.
    for kind in DataErrorKind::iter().filter(|k| *k != DataErrorKind::UnknownParent) {
        let name: &'static str = kind.into();
        assert!(given.contains(&kind), "no corpus file gives {name}");
    }
    assert!(
        CORPUS
            .iter()
            .any(|(_, outcome)| matches!(outcome, Loads(_))),
        "no corpus file loads"
    );
}

fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no panic and no stack overflow");
}

fn check(text: &str, outcome: &Outcome) {
    let result = Loaded::from_json(text);
    match (outcome, result) {
        (Loads(checks), Ok(loaded)) => {
            assert_verbatim(text, &loaded);
            checks(&loaded);
        }
        (Loads(_), Err(e)) => panic!("expected the file to load, got {e:?}: {e}"),
        (
            Outcome::Syntax {
                line,
                column,
                message,
                at,
            },
            Err(error),
        ) => {
            let DataError::Syntax {
                line: l,
                column: c,
                message: m,
            } = &error
            else {
                panic!("expected a syntax error, got {error:?}: {error}");
            };
            assert_eq!((*l, *c), (*line, *column), "position of {m:?}");
            assert!(
                m.starts_with(message),
                "{m:?} should start with {message:?}"
            );
            let shown = error.to_string();
            assert!(
                shown.starts_with(&format!("line {line}, column {column}: ")),
                "{shown:?} names the line and column"
            );
            assert!(shown.ends_with(m.as_str()), "{shown:?}");
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let line_text = text.split('\n').nth(line - 1).expect("the line exists");
            let upto = |n: usize| line_text.get(..n.min(line_text.len())).unwrap_or("");
            assert!(
                upto(*column).ends_with(at) || upto(column + 1).ends_with(at),
                "line {line} {line_text:?} at column {column} should point at {at:?}"
            );
        }
        (Error(expected, says), Err(error)) => {
            match (expected, &error) {
                // The table cannot hold a String; the value is the date the file holds.
                (DataError::BadDate { id, .. }, DataError::BadDate { id: i, value }) => {
                    assert_eq!((i, value.as_str()), (id, BAD_DATE));
                }
                // Format 2's places are string ids, which a const table cannot hold either.
                (DataError::BadTime { .. }, DataError::BadTime { id, field, value }) => {
                    let place = id.map(|id| id.to_string());
                    assert_eq!(
                        (place.as_deref(), *field, value.as_str()),
                        (Some("c2"), "time", "yesterday")
                    );
                }
                (DataError::BadUrl { .. }, DataError::BadUrl { id, value }) => {
                    assert_eq!((*id, value.as_str()), (None, "javascript:alert(1)"));
                }
                _ => assert_eq!(&error, expected),
            }
            let shown = error.to_string();
            assert!(shown.contains(says), "{shown:?} should say {says:?}");
            for part in place(&error) {
                assert!(shown.contains(&part), "{shown:?} should name {part:?}");
            }
        }
        (Cycle(on_cycle), Err(error)) => {
            let DataError::Cycle { id } = error else {
                panic!("expected a cycle, got {error:?}: {error}");
            };
            assert!(on_cycle.contains(&id), "comment {id} is not on the cycle");
            let shown = error.to_string();
            assert!(shown.starts_with(&format!("comment {id} ")), "{shown:?}");
            assert!(shown.contains("cycle"), "{shown:?}");
        }
        (_, Ok(loaded)) => panic!(
            "expected an error, but the file loaded ({} comments)",
            loaded.discussion.comments.len()
        ),
    }
}

/// The words of an error's message that say where the problem is.
fn place(error: &DataError) -> Vec<String> {
    match error {
        DataError::Syntax { line, column, .. } => vec![format!("line {line}, column {column}")],
        DataError::Empty => vec!["the file".into()],
        DataError::UnsupportedVersion(v) => vec![format!("version {v}")],
        DataError::MissingId { index } => {
            vec![format!("comment number {}", index + 1), "\"id\"".into()]
        }
        DataError::MissingField { id, field } | DataError::EmptyField { id, field } => {
            vec![format!("comment {id}:"), format!("\"{field}\"")]
        }
        DataError::BadDate { id, value } => vec![
            format!("comment {id}:"),
            "\"member_since\"".into(),
            format!("\"{value}\""),
        ],
        DataError::DuplicateId { id } | DataError::OwnParent { id } | DataError::Cycle { id } => {
            vec![format!("comment {id} ")]
        }
        DataError::UnknownParent { id, parent } => {
            vec![format!("comment {id} "), format!("comment {parent},")]
        }
        DataError::EmptyArticle { field } => vec![format!("article's \"{field}\"")],
        DataError::BadTime { id, field, value } => vec![
            id.map_or("the article:".into(), |id| format!("comment {id}:")),
            format!("\"{field}\""),
            format!("\"{value}\""),
        ],
        DataError::BadUrl { id, value } => vec![
            id.map_or("the article:".into(), |id| format!("comment {id}:")),
            format!("\"{value}\""),
        ],
    }
}

/// Every text of a loaded file is the one the JSON holds, character for character (comment
/// bodies with Windows line ends made `\n`), and every comment is in the thread once.
fn assert_verbatim(text: &str, loaded: &Loaded) {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
    // Format 2 files say what they hold in their own expectation.
    if value["version"] != 1 {
        return;
    }
    let s = |v: &Value| v.as_str().map(str::to_string);
    let article = &loaded.discussion.article;
    assert_eq!(
        s(&value["article"]["headline"]).as_ref(),
        Some(&article.headline)
    );
    assert_eq!(s(&value["article"]["notice"]), article.notice);
    let blocks = value["article"]["body"].as_array().unwrap();
    assert_eq!(blocks.len(), article.body.len());
    for (block, json) in article.body.iter().zip(blocks) {
        match block {
            Block::Paragraph(t) => assert_eq!(s(&json["paragraph"]).as_ref(), Some(t)),
            Block::Subheading(t) => assert_eq!(s(&json["subheading"]).as_ref(), Some(t)),
        }
    }
    let comments = value["comments"].as_array().unwrap();
    assert_eq!(comments.len(), loaded.discussion.comments.len());
    for (c, json) in loaded.discussion.comments.iter().zip(comments) {
        assert_eq!(json["id"].as_u64().map(id), Some(c.id));
        assert_eq!(json["parent"].as_u64().map(id), c.parent);
        assert_eq!(s(&json["author"]).as_ref(), Some(&c.author));
        assert_eq!(json["posts"].as_u64(), c.posts);
        let body = s(&json["body"]).unwrap().replace("\r\n", "\n");
        assert_eq!(body, c.body, "body of comment {}", c.id);
    }
    assert_eq!(
        s(&value["hidden"]["notice"]),
        loaded.discussion.hidden.notice
    );
    let mut order = loaded.thread.display_order().to_vec();
    order.sort_unstable();
    assert!(order.into_iter().eq(0..loaded.discussion.comments.len()));
}

/// The ids of the comments at these positions.
fn ids(loaded: &Loaded, positions: &[usize]) -> Vec<CommentId> {
    positions
        .iter()
        .map(|&i| loaded.discussion.comments[i].id)
        .collect()
}

/// The position of comment `n`.
fn position(loaded: &Loaded, n: u64) -> usize {
    loaded
        .thread
        .index_of(id(n))
        .unwrap_or_else(|| panic!("comment {n} is in the file"))
}

fn comment(loaded: &Loaded, n: u64) -> &Comment {
    &loaded.discussion.comments[position(loaded, n)]
}

/// Comments `ns`, as [`ids`] gives them.
fn ids_of(ns: impl IntoIterator<Item = u64>) -> Vec<CommentId> {
    ns.into_iter().map(id).collect()
}

fn texts(loaded: &Loaded) -> Vec<&str> {
    let d = &loaded.discussion;
    let mut all = vec![d.article.headline.as_str()];
    for block in &d.article.body {
        let (Block::Paragraph(t) | Block::Subheading(t)) = block;
        all.push(t);
    }
    all.extend(d.article.notice.as_deref());
    for c in &d.comments {
        all.push(&c.author);
        all.push(&c.body);
    }
    all.extend(d.hidden.notice.as_deref());
    all
}

// ---------------------------------------------------------------------------------------
// Checks of the files that load

fn byte_order_mark(loaded: &Loaded) {
    assert_eq!(loaded.discussion.article.headline, "Corpus headline");
    assert_eq!(
        ids(loaded, loaded.thread.display_order()),
        ids_of([1, 2, 3])
    );
    assert!(loaded.thread.warnings().is_empty());
}

fn invalid_utf8(loaded: &Loaded) {
    // The two bad bytes after "caf\u{e9} " each become one U+FFFD, as in the browser.
    assert_eq!(
        comment(loaded, 2).body,
        "Latin-1 caf\u{fffd} \u{fffd}\u{fffd} bytes"
    );
    // Only that text is touched: the rest of the file reads as written.
    assert_eq!(comment(loaded, 2).author, "Fred3");
    assert_eq!(comment(loaded, 1).body, "First comment.");
    assert_eq!(
        ids(loaded, loaded.thread.display_order()),
        ids_of([1, 2, 3])
    );
    assert!(loaded.thread.warnings().is_empty());
}

fn id_u64_max(loaded: &Loaded) {
    let thread = &loaded.thread;
    let max = position(loaded, u64::MAX);
    assert_eq!(loaded.discussion.comments[max].posts, Some(574));
    assert_eq!(comment(loaded, u64::MAX).parent, Some(id(1)));
    assert_eq!(ids(loaded, thread.children(max)), ids_of([3]));
    assert_eq!(comment(loaded, 3).parent, Some(id(u64::MAX)));
    assert_eq!(comment(loaded, 3).posts, Some(u64::MAX));
    assert_eq!(thread.depth(position(loaded, 3)), 2);
    assert!(thread.warnings().is_empty());
}

fn unknown_parent(loaded: &Loaded) {
    let thread = &loaded.thread;
    assert_eq!(loaded.discussion.comments.len(), 4, "nothing is dropped");
    assert_eq!(ids(loaded, thread.roots()), ids_of([1, 12, 20]));
    assert_eq!(
        ids(loaded, thread.children(position(loaded, 12))),
        ids_of([13])
    );
    assert_eq!(
        comment(loaded, 12).parent,
        Some(id(99)),
        "the reference is kept"
    );
    assert_eq!(comment(loaded, 20).parent, Some(id(0)));
    assert_eq!(
        thread.warnings(),
        [
            DataError::UnknownParent {
                id: id(12),
                parent: id(99)
            },
            DataError::UnknownParent {
                id: id(20),
                parent: id(0)
            },
        ]
    );
    assert_eq!(
        thread.warnings()[0].to_string(),
        "comment 12 replies to comment 99, which is not in the file"
    );
    for warning in thread.warnings() {
        for part in place(warning) {
            assert!(warning.to_string().contains(&part), "{warning}");
        }
    }
}

fn reply_before_parent(loaded: &Loaded) {
    let thread = &loaded.thread;
    assert_eq!(ids(loaded, thread.display_order()), ids_of([1, 2, 4]));
    assert_eq!(thread.depth(position(loaded, 4)), 2);
    assert!(thread.warnings().is_empty());
}

fn empty_comments(loaded: &Loaded) {
    assert!(loaded.discussion.comments.is_empty());
    assert!(loaded.thread.is_empty());
    assert_eq!(loaded.discussion.article.headline, "Corpus headline");
    assert_eq!(loaded.discussion.hidden.ids, ids_of([5]));
}

const CONTROL: &str = "NUL\0BEL\x07ESC\x1b[31mred\x1b[0m DEL\x7f C1\u{85} VT\x0b FF\x0c end";

fn control_characters(loaded: &Loaded) {
    let d = &loaded.discussion;
    assert_eq!(d.article.headline, "Headline with NUL\0 and BEL\x07");
    assert_eq!(
        d.article.body,
        [
            Block::Paragraph(format!("Paragraph {CONTROL}")),
            Block::Subheading("Subheading\x1b[1m".into()),
        ]
    );
    assert_eq!(d.article.notice.as_deref(), Some("Notice\0"));
    assert_eq!(comment(loaded, 1).author, "author\0nul");
    assert_eq!(comment(loaded, 1).body, format!("Body {CONTROL}"));
    // NUL is not white space: a comment of one NUL is not "empty".
    assert_eq!(comment(loaded, 2).author, "\0");
    assert_eq!(comment(loaded, 2).body, "\0");
    assert_eq!(d.hidden.notice.as_deref(), Some("Hidden notice\x07"));
}

fn right_to_left(loaded: &Loaded) {
    let d = &loaded.discussion;
    assert_eq!(d.article.headline, "عنوان المقال: هواوي والجيل الخامس");
    // A right-to-left override inside a name is kept, not interpreted.
    assert_eq!(comment(loaded, 1).author, "محمد\u{202e}evil.exe");
    assert_eq!(
        comment(loaded, 1).body,
        "هذا تعليق باللغة العربية. وهذا سطر ثانٍ."
    );
    assert_eq!(comment(loaded, 2).author, "אבי");
    assert_eq!(
        comment(loaded, 2).body,
        "תגובה בעברית, mixed with English and 123."
    );
}

const ZALGO: &str = "Z\u{364}\u{351}\u{307}a\u{308}\u{356}\u{32d}l\u{36e}\u{312}g\u{30c}\u{317}\u{35a}o\u{319}\u{314}";

fn emoji_combining(loaded: &Loaded) {
    let d = &loaded.discussion;
    let emoji = format!(
        "Family \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}, flag \u{1f1fa}\u{1f1f8}, \
         skin tone \u{1f44d}\u{1f3fd}, keycap 1\u{fe0f}\u{20e3}, {ZALGO}, \u{e9} as e\u{301}"
    );
    assert_eq!(d.article.headline, format!("Headline \u{1f389} {ZALGO}"));
    assert_eq!(comment(loaded, 1).body, emoji);
    assert_eq!(comment(loaded, 2).body, ZALGO.repeat(20));
    assert_eq!(comment(loaded, 2).author, "\u{1f642}");
    // Precomposed and decomposed é stay different: no normalisation.
    assert!(comment(loaded, 1).body.contains("\u{e9} as e\u{301}"));
}

fn long_word(loaded: &Loaded) {
    let body = &comment(loaded, 1).body;
    assert_eq!(body.len(), 500);
    assert!(!body.contains(char::is_whitespace));
    assert_eq!(*body, "Supercalifragilistic".repeat(25));
    assert_eq!(comment(loaded, 1).paragraphs().count(), 1);
    assert_eq!(comment(loaded, 1).author, "A".repeat(500));
    assert_eq!(loaded.discussion.article.headline.len(), 500);
}

/// Every text field holds `payload` (comment 2: with " 2" after the name, and the payload
/// inside a sentence and as a paragraph of its own).
fn hostile(loaded: &Loaded, payload: &str) {
    let d = &loaded.discussion;
    assert_eq!(d.article.headline, payload);
    assert_eq!(
        d.article.body,
        [
            Block::Paragraph(payload.into()),
            Block::Subheading(payload.into())
        ]
    );
    assert_eq!(d.article.notice.as_deref(), Some(payload));
    assert_eq!(comment(loaded, 1).author, payload);
    assert_eq!(comment(loaded, 1).body, payload);
    assert_eq!(comment(loaded, 2).author, format!("{payload} 2"));
    let paragraphs: Vec<&str> = comment(loaded, 2).paragraphs().collect();
    assert_eq!(
        paragraphs,
        [format!("Before {payload} after.").as_str(), payload]
    );
    assert_eq!(d.hidden.notice.as_deref(), Some(payload));
    assert_eq!(texts(loaded).len(), 9, "every text field was checked");
}

fn hostile_html(loaded: &Loaded) {
    hostile(
        loaded,
        "<img src=x onerror=\"window.__pwned=1\"><b>bold</b><iframe src=\"data:text/html,<p>x</p>\"></iframe>",
    );
}

fn hostile_script(loaded: &Loaded) {
    hostile(loaded, "<script>window.__pwned=1</script>");
}

fn hostile_javascript_url(loaded: &Loaded) {
    hostile(
        loaded,
        "<a href=\"javascript:window.__pwned=1\">javascript:window.__pwned=1</a>",
    );
}

fn hostile_template(loaded: &Loaded) {
    hostile(
        loaded,
        "{{ window.__pwned=1 }} {{constructor.constructor('window.__pwned=1')()}} ${window.__pwned=1} {{7*7}}",
    );
}

// ---------------------------------------------------------------------------------------
// The generated cases

const BIG: u64 = 100_000;

/// A version 1 file with these (id, parent, body) comments.
fn file_with(comments: impl Iterator<Item = (u64, Option<u64>, String)>) -> String {
    let list: Vec<String> = comments
        .map(|(id, parent, body)| {
            serde_json::json!({
                "id": id, "parent": parent, "author": format!("a{}", id % 7), "posts": id,
                "member_since": "2014-05-28", "body": body
            })
            .to_string()
        })
        .collect();
    format!(
        "{{\"version\":1,\"article\":{{\"headline\":\"H\",\"body\":[]}},\"comments\":[\n{}\n]}}",
        list.join(",\n")
    )
}

fn chain_file() -> String {
    file_with((0..BIG).map(|id| (id, id.checked_sub(1), format!("reply {id}"))))
}

fn chain(loaded: &Loaded) {
    let thread = &loaded.thread;
    assert_eq!(thread.len(), BIG as usize);
    let last = position(loaded, BIG - 1);
    assert_eq!(thread.depth(last), BIG as u32 - 1);
    assert_eq!(thread.descendants(position(loaded, 0)), BIG as u32 - 1);
    assert_eq!(thread.ancestors(last).count(), BIG as usize - 1);
    assert_eq!(comment(loaded, 77_777).body, "reply 77777");
}

fn siblings_file() -> String {
    file_with(
        std::iter::once((0, None, "root".to_string()))
            .chain((1..=BIG).map(|id| (id, Some(0), format!("sibling {id}")))),
    )
}

fn siblings(loaded: &Loaded) {
    let thread = &loaded.thread;
    let root = position(loaded, 0);
    assert_eq!(thread.children(root).len(), BIG as usize);
    assert_eq!(thread.subtree(root).len(), BIG as usize);
    assert!(
        ids(loaded, thread.display_order())
            .into_iter()
            .eq((0..=BIG).map(id))
    );
}

/// 5 MiB of words from a fixed generator, in paragraphs of about 2,000 characters.
fn big_text() -> String {
    const WORDS: [&str; 8] = [
        "Huawei",
        "5G",
        "licensing",
        "carriers",
        "the",
        "backdoor",
        "née",
        "—",
    ];
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut text = String::with_capacity(5 * 1024 * 1024 + 16);
    while text.len() < 5 * 1024 * 1024 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        text.push_str(WORDS[(state % 8) as usize]);
        text.push_str(if state.is_multiple_of(300) {
            "\n\n"
        } else {
            " "
        });
    }
    text.push_str("end");
    text
}

fn big_body_file() -> String {
    file_with(std::iter::once((1, None, big_text())))
}

fn big_body(loaded: &Loaded) {
    let body = &comment(loaded, 1).body;
    assert!(body.len() >= 5 * 1024 * 1024);
    assert_eq!(*body, big_text());
    assert!(comment(loaded, 1).paragraphs().count() > 100);
}
