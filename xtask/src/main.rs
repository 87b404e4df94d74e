//! Project automation: `cargo xtask <command>`. See README.md.
//!
//! Every command installs what it needs first (pinned versions, reused when present), so
//! each works on a fresh machine that has only rustup/cargo, Node.js/npm and apt.

mod archive;
mod bench;
mod compress;
mod csp;
mod serve;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "usage: cargo xtask <command>

  serve [--port N]     set up, build the release site and serve it (default port 8080)
  dist [--data FILE [--thread ID]]
                       set up and build the release site into dist/, prerendered for the
                       bundled discussion or for FILE (which becomes dist/discussion.json;
                       an export is imported first, as `import` would)
  dist --data EXPORT-OR-FOLDER [--base-url URL] [--remove FILE] [--lang TAG]
                       a whole Disqus or WordPress export, or a folder of discussions and
                       exports, becomes an archive in dist/: an index, a page per
                       discussion, search, redirects from the old addresses. URL: the
                       archive's public address (canonical links, sitemap.xml); FILE: a
                       takedown list (docs/archive.md); TAG: the language of every page
  import INPUT -o OUTPUT.json [--from FORMAT] [--thread ID]
                       turn an export into a discussion file (format 2): a Hacker News
                       item (Algolia), a Reddit thread, a Disqus or WordPress export, a
                       Discourse topic or a Mastodon thread. FORMAT: hn, reddit, disqus,
                       wordpress, discourse or mastodon (else told from the content). ID:
                       the thread of a Disqus or WordPress export (its id, identifier or
                       link), or a comment to keep with its replies
  test                 set up and run every test: lints, native, browser components, end-to-end
  bench [--runs N] [--only NAME,...]
                       measure speed and size against the vanilla-JS baseline: BENCHMARKS.md
  static DIR [--port N] [--base /path/]
                       serve a built folder (used by the end-to-end tests)
  limits               write target/limits.json, the app's limits for the JavaScript tests
                       and bench (test and bench write it too)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_site(&args[1..]),
        Some("dist") => dist_args(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench::run_all(&args[1..]),
        Some("static") => static_server(&args[1..]),
        Some("limits") => write_limits(),
        Some("import") => import(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root, whatever directory cargo was started from.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn serve_site(args: &[String]) -> Result {
    let port = option(args, "--port")?.unwrap_or("8080").to_string();
    let dist = dist()?;
    serve::run(&dist, port_number(&port)?, "/")
}

fn static_server(args: &[String]) -> Result {
    let dir = args.first().ok_or(USAGE)?;
    let port = option(args, "--port")?.unwrap_or("8080");
    let base = option(args, "--base")?.unwrap_or("/");
    serve::run(&root().join(dir), port_number(port)?, base)
}

fn dist_args(args: &[String]) -> Result {
    let data = option(args, "--data")?.map(PathBuf::from);
    let thread = option(args, "--thread")?;
    let archive_options = archive::Options {
        base_url: option(args, "--base-url")?.map(str::to_string),
        remove: option(args, "--remove")?.map(PathBuf::from),
        lang: option(args, "--lang")?.map(str::to_string),
    };
    let Some(data) = data else {
        if thread.is_some() || archive_options.remove.is_some() {
            return Err("--thread and --remove are for the --data export: give --data too".into());
        }
        return dist_with(None).map(|_| ());
    };
    if archive::wanted(&data, thread)? {
        // A whole export, or a folder: the archive, in dist/.
        let dist = trunk_build()?;
        let trunk_page = std::fs::read_to_string(root().join(PAGE_WITHOUT_PRERENDER))
            .map_err(|e| e.to_string())?;
        let assets = root().join("target/trunk-assets");
        copy_dir(&dist, &assets)?;
        std::fs::remove_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
        return archive::build(&trunk_page, &assets, &dist, &data, &archive_options);
    }
    let data = discussion_file(&data, thread)?;
    dist_with(Some(&data)).map(|_| ())
}

/// Copies the files of `from` (not its folders) into `to`, emptied first.
fn copy_dir(from: &Path, to: &Path) -> Result {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            std::fs::copy(&path, to.join(path.file_name().unwrap_or_default()))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// `cargo xtask import INPUT -o OUTPUT.json [--from FORMAT] [--thread ID]`.
fn import(args: &[String]) -> Result {
    let input = args.first().filter(|a| !a.starts_with('-')).ok_or(USAGE)?;
    let output = option(args, "-o")?.ok_or("import needs -o OUTPUT.json")?;
    let from = option(args, "--from")?
        .map(str::parse::<threadview_import::Format>)
        .transpose()
        .map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let json = threadview_import::import(&text, from, option(args, "--thread")?)
        .map_err(|e| format!("{input}: {e}"))?;
    std::fs::write(output, &json).map_err(|e| format!("{output}: {e}"))?;
    println!("xtask: wrote {output}");
    print_notes(&json);
    Ok(())
}

/// What the import left out or changed, as the page will show it.
fn print_notes(json: &str) {
    if let Ok(loaded) = threadview_core::Loaded::from_json(json) {
        let d = &loaded.discussion;
        println!(
            "xtask: \"{}\": {} comments",
            d.article.headline,
            d.comments.len()
        );
        for note in &d.notes {
            println!("xtask: note: {note}");
        }
    }
}

/// The discussion file for `dist --data FILE`: FILE itself if it loads, or else FILE
/// imported (as `import` would, the format told from the content) into target/.
/// A whole multi-thread export becomes an archive in a later version; until then
/// `--thread` picks one of its threads, and the import's error lists them.
fn discussion_file(data: &Path, thread: Option<&str>) -> Result<PathBuf> {
    let text = std::fs::read_to_string(data).map_err(|e| format!("{}: {e}", data.display()))?;
    let Err(not_discussion) = threadview_core::Loaded::from_json(&text) else {
        if thread.is_some() {
            return Err(format!(
                "{} is a discussion file already: --thread is for exports",
                data.display()
            ));
        }
        return Ok(data.to_path_buf());
    };
    let json = threadview_import::import(&text, None, thread).map_err(|e| match e {
        threadview_import::ImportError::AlreadyDiscussion => {
            format!("{}: {not_discussion}", data.display())
        }
        // An XML export is plainly no discussion file: its own error says it all.
        e if text.trim_start().starts_with('<') => format!("{}: {e}", data.display()),
        e => format!(
            "{}: not a discussion file ({not_discussion}), nor an export to import ({e})",
            data.display()
        ),
    })?;
    let imported = root().join("target/imported-discussion.json");
    std::fs::create_dir_all(root().join("target")).map_err(|e| e.to_string())?;
    std::fs::write(&imported, &json).map_err(|e| format!("{}: {e}", imported.display()))?;
    println!(
        "xtask: imported {} into {}",
        data.display(),
        imported.display()
    );
    print_notes(&json);
    Ok(imported)
}

/// Builds the release site for the bundled discussion.
pub(crate) fn dist() -> Result<PathBuf> {
    dist_with(None)
}

/// Where `dist` keeps Trunk's page before the prerender: the benchmark compares both.
pub(crate) const PAGE_WITHOUT_PRERENDER: &str = "target/index-without-prerender.html";

/// Builds the app with Trunk and wasm-opt into dist/, and keeps Trunk's page as it made
/// it (`PAGE_WITHOUT_PRERENDER`) for the prerender, the archive and the benchmark.
fn trunk_build() -> Result<PathBuf> {
    tools::build_tools()?;
    run(tools::with_tool_path(
        Command::new("trunk").args(["build", "--release"]),
    ))?;
    let dist = root().join("dist");
    std::fs::copy(dist.join("index.html"), root().join(PAGE_WITHOUT_PRERENDER))
        .map_err(|e| e.to_string())?;
    Ok(dist)
}

/// Builds the release site with Trunk and wasm-opt, prerenders the discussion (`data`,
/// or the bundled one) into its page, and reports the size of each file.
fn dist_with(data: Option<&Path>) -> Result<PathBuf> {
    trunk_build()?;
    let dist = root().join("dist");
    let discussion = dist.join("discussion.json");
    if let Some(data) = data {
        std::fs::copy(data, &discussion).map_err(|e| format!("{}: {e}", data.display()))?;
    }
    let index = dist.join("index.html");
    run(Command::new("cargo")
        .args(["run", "--quiet", "--bin", "prerender", "--"])
        .arg(&index)
        .arg(&discussion))?;
    csp::apply(&dist)?;
    for file in compress::precompress(&dist)? {
        println!(
            "xtask: {:<44} {:>8} bytes, {:>7} gzip, {:>7} brotli",
            file.name, file.raw, file.gzip, file.brotli
        );
    }
    Ok(dist)
}

/// Where `limits` writes the app's limits (`threadview_core::limits`) for the JavaScript
/// that needs them: the end-to-end tests and the bench, through tests/model/limits.mjs.
const LIMITS: &str = "target/limits.json";

fn write_limits() -> Result {
    let path = root().join(LIMITS);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, threadview_core::limits::json())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn test() -> Result {
    write_limits()?;
    tools::build_tools()?;
    tools::browser_tools()?;
    run(Command::new("cargo").args(["fmt", "--all", "--", "--check"]))?;
    // xtask and the importers are native only (tokio does not build for wasm32, and the
    // app never links the importers): linted for the host alone.
    let clippy = ["clippy", "--workspace", "--all-targets", "--target"];
    let deny = ["--", "-D", "warnings"];
    run(Command::new("cargo")
        .args(clippy)
        .arg("x86_64-unknown-linux-gnu")
        .args(deny))?;
    run(Command::new("cargo")
        .args(clippy)
        .args(["wasm32-unknown-unknown", "--exclude", "xtask"])
        .args(["--exclude", "threadview-import"])
        .args(deny))?;
    run(Command::new("cargo").args(["test", "--workspace"]))?;
    // A million mutated files through the parser, validator and thread builder.
    run(Command::new("cargo")
        .args([
            "test",
            "--release",
            "-p",
            "threadview-core",
            "--test",
            "fuzz",
        ])
        .args(["--", "--nocapture"])
        .env("FUZZ_INPUTS", "1000000"))?;
    run(tools::with_tool_path(
        Command::new("cargo")
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "web",
                "--test",
                "web_panels",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            // The runner gives up after 20 s by default; a loaded CI machine needs longer.
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    ))?;
    dist()?;
    // The end-to-end tests check that a generated 10,000-comment thread loads and folds.
    let generated = root().join("target/e2e");
    std::fs::create_dir_all(&generated).map_err(|e| format!("{}: {e}", generated.display()))?;
    std::fs::write(
        generated.join("gen-10000.json"),
        threadgen::generate(1, 10_000),
    )
    .map_err(|e| format!("target/e2e/gen-10000.json: {e}"))?;
    // And that real threads, imported as a publisher would, read as they should.
    // One thread per format, picked from the multi-thread exports by id.
    for (fixture, thread, out) in [
        ("hn-algolia-18475438.json", None, "hn.json"),
        ("reddit-funny-ba-dum-tsss.json", None, "reddit.json"),
        ("disqus-tanglei-zh.xml", Some("4516623578"), "disqus.json"),
        ("wxr-theme-unit-test.xml", Some("1148"), "wordpress.json"),
        (
            "wxr-theme-unit-test.xml",
            Some("1149"),
            "wordpress-pingbacks.json",
        ),
        ("discourse-cf-2144-posts.json", None, "discourse.json"),
        (
            "mastodon-context-2017-string-ids.json",
            None,
            "mastodon.json",
        ),
    ] {
        let input = root().join("import/fixtures").join(fixture);
        let text = std::fs::read_to_string(&input).map_err(|e| format!("{fixture}: {e}"))?;
        let imported = threadview_import::import(&text, None, thread)
            .map_err(|e| format!("import/fixtures/{fixture}: {e}"))?;
        std::fs::write(generated.join(out), imported)
            .map_err(|e| format!("target/e2e/{out}: {e}"))?;
    }
    // And an archive of real exports, from the app just built: a Disqus export in
    // Chinese with six threads, a WordPress one in English with five, a Turkish one.
    let archive_input = generated.join("archive-input");
    let _ = std::fs::remove_dir_all(&archive_input);
    std::fs::create_dir_all(&archive_input).map_err(|e| e.to_string())?;
    for fixture in [
        "disqus-tanglei-zh.xml",
        "wxr-theme-unit-test.xml",
        "disqus-yesilmavihayat-tr.xml",
    ] {
        std::fs::copy(
            root().join("import/fixtures").join(fixture),
            archive_input.join(fixture),
        )
        .map_err(|e| format!("{fixture}: {e}"))?;
    }
    let trunk_page =
        std::fs::read_to_string(root().join(PAGE_WITHOUT_PRERENDER)).map_err(|e| e.to_string())?;
    // A publisher's takedown: one comment of the Chinese export, which has a reply.
    let takedowns = generated.join("takedowns.txt");
    std::fs::write(
        &takedowns,
        "# A request to remove a comment\ncomment 2473649308\n",
    )
    .map_err(|e| format!("{}: {e}", takedowns.display()))?;
    let archive_out = root().join("target/e2e-archive");
    let _ = std::fs::remove_dir_all(&archive_out);
    archive::build(
        &trunk_page,
        &root().join("dist"),
        &archive_out,
        &archive_input,
        &archive::Options {
            // Its public address has the path it is served at in the tests.
            base_url: Some("https://archive.example/old/comments/".to_string()),
            remove: Some(takedowns),
            lang: None,
        },
    )?;
    run(Command::new("npx")
        .args(["playwright", "test"])
        .current_dir(root().join("tests/e2e")))?;
    println!("xtask: every test passed");
    Ok(())
}

/// Runs a command from the workspace root, failing with its command line if it fails.
fn run(command: &mut Command) -> Result {
    if command.get_current_dir().is_none() {
        command.current_dir(root());
    }
    let line = format!("{command:?}");
    eprintln!("xtask: running {line}");
    let status = command.status().map_err(|e| format!("{line}: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("{line} failed ({status})"))
}

fn option<'a>(args: &'a [String], name: &str) -> Result<Option<&'a str>> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .map(|v| Some(v.as_str()))
            .ok_or_else(|| format!("{name} needs a value")),
    }
}

fn port_number(port: &str) -> Result<u16> {
    port.parse()
        .map_err(|_| format!("not a port number: {port}"))
}
