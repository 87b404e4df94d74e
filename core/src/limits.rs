//! Every limit of the app, said once. `cargo xtask` writes them to `target/limits.json`
//! (see [`json`]) for the JavaScript tests and the benchmark, which read them from there.

/// How many comments the first view draws before the rest start folded: a dozen screens
/// of reading, and few enough that a thread of 100,000 comments opens at once (drawing
/// costs the wasm about half a millisecond a comment; see BENCHMARKS.md).
pub const FIRST_VIEW: usize = 150;

/// Siblings drawn at once; more come a page at a time, so a comment with 100,000 replies
/// opens at once instead of freezing the tab. A hundred comments are many screens of
/// reading and draw within one frame budget's order of magnitude (see BENCHMARKS.md).
pub const PAGE: usize = 100;

/// How many levels one view renders before it offers "continue this thread".
pub const DEPTH_CAP: u32 = 8;

/// Replies drawn per frame while unfolding a whole branch or everything: at about a third
/// of a millisecond a comment, a frame's work stays near 20 ms (see BENCHMARKS.md).
pub const UNFOLD_STEP: usize = 60;

/// Comments read between two breaks while a file loads: each slice takes a few tens of
/// milliseconds, so the page keeps drawing and answering while 100,000 comments are read.
pub const COMMENTS_PER_SLICE: usize = 4_000;

/// Larger files are refused before parsing: parsing them would freeze the tab.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// After this long without a complete answer the request is abandoned.
pub const TIMEOUT_MS: u32 = 20_000;

/// The overview draws at most this many marks; past it, each mark stands for several
/// comments.
pub const OVERVIEW_MARKS: usize = 500;

/// The participants list names this many authors before "Show all".
pub const PARTICIPANTS_SHOWN: usize = 30;

/// What a link preview shows of the article, at most.
pub const DESCRIPTION_CHARS: usize = 200;

/// Discussions listed on one page of an archive's index: a static page of a hundred rows
/// is a few tens of kilobytes, so an index of 10,000 discussions stays light on a phone.
pub const ARCHIVE_PAGE: usize = 100;

/// The limits as JSON, for the JavaScript that tests and measures the app.
pub fn json() -> String {
    serde_json::json!({
        "FIRST_VIEW": FIRST_VIEW,
        "PAGE": PAGE,
        "DEPTH_CAP": DEPTH_CAP,
        "UNFOLD_STEP": UNFOLD_STEP,
        "COMMENTS_PER_SLICE": COMMENTS_PER_SLICE,
        "MAX_BYTES": MAX_BYTES,
        "TIMEOUT_MS": TIMEOUT_MS,
        "OVERVIEW_MARKS": OVERVIEW_MARKS,
        "PARTICIPANTS_SHOWN": PARTICIPANTS_SHOWN,
        "DESCRIPTION_CHARS": DESCRIPTION_CHARS,
        "ARCHIVE_PAGE": ARCHIVE_PAGE,
    })
    .to_string()
}
