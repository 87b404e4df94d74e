//! `cargo xtask import` as a publisher runs it: every bad input is a clear message on
//! stderr and a non-zero exit, never a panic; what an import leaves out or changes is
//! printed as a note. Inputs are the importer fixtures (import/fixtures/SOURCES.md),
//! some edited here the way real exports go wrong.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../import/fixtures")
        .join(name)
}

/// A file of `text` in a fresh temporary folder, for one test.
fn input(test: &str, name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("threadview-cli-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// Where the import of `input` is written: beside it in a test's temporary folder, or in
/// one of its own for a fixture, which must stay as it is.
fn output_of(input: &Path) -> PathBuf {
    let name = input.file_stem().unwrap().to_string_lossy();
    let dir = if input.starts_with(std::env::temp_dir()) {
        input.parent().unwrap().to_path_buf()
    } else {
        let dir = std::env::temp_dir().join(format!("threadview-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    };
    dir.join(format!("{name}.out.json"))
}

fn import(input: &Path, extra: &[&str]) -> Run {
    let out = output_of(input);
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("import")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .args(extra)
        .output()
        .unwrap();
    let run = Run {
        ok: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    if !run.ok {
        assert!(!out.exists(), "a failed import writes nothing");
    }
    run
}

fn fails(run: &Run, message: &str) {
    assert!(!run.ok, "must fail: {}", run.stdout);
    assert!(run.stderr.contains(message), "{}", run.stderr);
}

#[test]
fn xml_that_is_not_well_formed_says_line_and_column() {
    let text = std::fs::read_to_string(fixture("disqus-isso-edgecases.xml")).unwrap();
    // A message cut short: the file ends inside `<post dsq:id="5">`.
    let cut = &text[..text
        .find("<thread dsq:id=\"2\" />\n        <parent")
        .unwrap()];
    let run = import(&input("cut", "cut.xml", cut), &[]);
    fails(&run, "not well-formed XML: line ");
    assert!(
        run.stderr.contains("cut.xml"),
        "names the file: {}",
        run.stderr
    );
    let mismatched = text.replacen("</message>", "</mesage>", 1);
    fails(
        &import(&input("tag", "tag.xml", &mismatched), &[]),
        "not well-formed XML: line 35, column",
    );
}

#[test]
fn an_unknown_format_lists_the_known_ones() {
    let run = import(&fixture("hn-algolia-18475438.json"), &["--from", "disquss"]);
    fails(
        &run,
        "unknown format \"disquss\": the formats are hn, reddit, disqus, wordpress, discourse, mastodon",
    );
    let run = import(
        &input("unknown", "page.html", "<html><p>hi</p></html>"),
        &[],
    );
    fails(&run, "neither a Disqus nor a WordPress export");
}

#[test]
fn a_multi_thread_export_asks_for_a_thread_and_refuses_one_it_lacks() {
    let export = fixture("disqus-tanglei-zh.xml");
    let run = import(&export, &[]);
    fails(
        &run,
        "this export holds 6 threads with comments: pick one with --thread ID",
    );
    assert!(
        run.stderr
            .contains("4516623578  \"保研个人陈述等材料分享\" (163 comments)"),
        "{}",
        run.stderr
    );
    fails(
        &import(&export, &["--thread", "999"]),
        "no thread \"999\" in this export",
    );
    let run = import(&export, &["--thread", "4516623578"]);
    assert!(run.ok, "{}", run.stderr);
    assert!(run.stdout.contains("163 comments"), "{}", run.stdout);
    // By its link as well.
    let run = import(
        &export,
        &["--thread", "http://www.tanglei.name/blog/graduation.html"],
    );
    assert!(
        run.ok && run.stdout.contains("25 comments"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_export_with_no_comments() {
    let empty = "<?xml version=\"1.0\"?>\n<disqus xmlns=\"http://disqus.com\" \
                 xmlns:dsq=\"http://disqus.com/disqus-internals\">\n\
                 <thread dsq:id=\"1\"><link>https://example.org/a</link><title>A</title></thread>\n\
                 </disqus>\n";
    fails(
        &import(&input("empty", "empty.xml", empty), &[]),
        "the export holds no comments to show",
    );
}

#[test]
fn duplicate_ids_keep_the_first_and_say_so() {
    let text = std::fs::read_to_string(fixture("disqus-isso-edgecases.xml")).unwrap();
    // Post 5 exported twice, the copy with other text.
    let start = text.find("<post dsq:id=\"5\">").unwrap();
    let end = start + text[start..].find("</post>").unwrap() + "</post>".len();
    let copy = text[start..end].replace("Hello, World.", "A later copy");
    let doubled = text.replacen("</disqus>", &format!("{copy}\n</disqus>"), 1);
    let path = input("dup", "dup.xml", &doubled);
    let run = import(&path, &["--thread", "2"]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "note: Comment 5 appeared more than once in the source; the first copy of each is kept"
        ),
        "{}",
        run.stdout
    );
    let written = std::fs::read_to_string(output_of(&path)).unwrap();
    assert!(written.contains("Hello, World.") && !written.contains("A later copy"));
}

#[test]
fn a_reply_to_a_missing_parent_is_kept_with_a_note() {
    let run = import(&fixture("mastodon-context-2017-string-ids.json"), &[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("note: Comment 6886129: reply to a comment that is not in the source"),
        "{}",
        run.stdout
    );
}
