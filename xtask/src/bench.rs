//! `cargo xtask bench`: every figure of BENCHMARKS.md from one run. The native half is
//! `core/benches/load.rs`; the browser half is `bench/run.mjs`, Playwright driving Chromium over
//! the release site, generated threads and the vanilla-JS baseline (`bench/baseline/`).
//! `bench/report.mjs` writes the report. Timing lives here, never in the test command.

use std::path::Path;
use std::process::Command;

use lol_html::html_content::Element;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use serde_json::{Value, json};

use crate::{Result, compress, root, run, tools};

/// Thread sizes the browser half loads, all from threadgen seed 1.
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
/// Real threads the browser half loads (the density scenario), imported from the
/// importer's fixtures into the site as the file named first.
const REAL_THREADS: [(&str, &str); 2] = [
    ("hn.json", "import/fixtures/hn-algolia-18475438.json"),
    (
        "reddit.json",
        "import/fixtures/reddit-funny-ba-dum-tsss.json",
    ),
];
const PORT: u16 = 4399;

/// `args` go to bench/run.mjs as they are (`--runs 3`, `--only bundled`).
pub fn run_all(args: &[String]) -> Result {
    tools::build_tools()?;
    tools::browser_tools()?;
    tools::bench_tools()?;
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;

    crate::write_limits()?;
    run(Command::new("cargo").args(["bench", "-p", "threadview-core", "--bench", "load"]))?;
    let dist = crate::dist()?;
    write_json(&out.join("size.json"), &sizes(&dist)?)?;

    let site = out.join("site");
    build_site(&dist, &site)?;
    std::thread::spawn(move || crate::serve::run(&site, PORT, "/"));
    run(Command::new("node")
        .arg("bench/run.mjs")
        .args(["--site", &format!("http://127.0.0.1:{PORT}/")])
        .args(["--out", "target/bench/browser.json"])
        .args(args))?;
    run(Command::new("node").arg("bench/report.mjs"))?;
    println!("xtask: report in BENCHMARKS.md, raw figures in bench/results.json");
    Ok(())
}

/// The release site, the baseline page beside it with the same stylesheets, the
/// generated threads and the imported real ones.
fn build_site(dist: &Path, site: &Path) -> Result {
    let _ = std::fs::remove_dir_all(site);
    copy_dir(dist, site)?;
    copy_dir(&root().join("style"), &site.join("style"))?;
    // The same page without the prerender, and the prerendered page without its scripts:
    // a plain static page of the same content, for the first-paint comparison.
    copy(
        &root().join(crate::PAGE_WITHOUT_PRERENDER),
        &site.join("plain.html"),
    )?;
    let index = std::fs::read_to_string(dist.join("index.html")).map_err(|e| e.to_string())?;
    std::fs::write(site.join("static.html"), without_scripts(&index)?)
        .map_err(|e| format!("static.html: {e}"))?;
    let baseline = root().join("bench/baseline");
    copy(&baseline.join("index.html"), &site.join("baseline.html"))?;
    copy(&baseline.join("baseline.js"), &site.join("baseline.js"))?;
    for size in SIZES {
        let path = site.join(format!("gen-{size}.json"));
        std::fs::write(&path, threadgen::generate(1, size))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    archive_index(dist, site)?;
    for (name, fixture) in REAL_THREADS {
        let text =
            std::fs::read_to_string(root().join(fixture)).map_err(|e| format!("{fixture}: {e}"))?;
        let json =
            threadview_import::import(&text, None, None).map_err(|e| format!("{fixture}: {e}"))?;
        std::fs::write(site.join(name), json).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

/// Discussions in the archive-index scenario's index.
const ARCHIVE_THREADS: usize = 10_000;

/// An archive's index of `ARCHIVE_THREADS` discussions in `archive-10000/`, as the archive
/// build writes it (xtask/src/archive/index.rs), with its stylesheets beside it. Titles are
/// the first words of threadgen's comments, so they read and compress like real ones.
fn archive_index(dist: &Path, site: &Path) -> Result {
    let text = threadgen::generate(1, ARCHIVE_THREADS);
    let loaded = threadview_core::Loaded::from_json(&text).map_err(|e| e.to_string())?;
    let listed: Vec<crate::archive::index::Listed> = loaded
        .discussion
        .comments
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let title: String = c.body.chars().take(60).collect();
            let i = i as i64;
            crate::archive::index::Listed {
                slug: format!("discussion-{i}"),
                title: title.trim().to_string(),
                started: Some(threadview_core::time::Timestamp::from_unix(
                    1_500_000_000 + i * 3_600,
                )),
                last: Some(threadview_core::time::Timestamp::from_unix(
                    1_700_000_000 - i * 600,
                )),
                comments: (i as usize * 7_919) % 400,
            }
        })
        .collect();
    let trunk_page = std::fs::read_to_string(root().join(crate::PAGE_WITHOUT_PRERENDER))
        .map_err(|e| e.to_string())?;
    let dir = site.join("archive-10000");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let left_out =
        Some("12 more threads are left out: no comments, or only spam or unapproved ones.");
    for (name, html) in crate::archive::index::pages(&trunk_page, &listed, left_out, "en")? {
        std::fs::write(dir.join(&name), html).map_err(|e| format!("{name}: {e}"))?;
    }
    for entry in std::fs::read_dir(dist).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".css") || name.ends_with(".svg") {
            copy(&path, &dir.join(&name))?;
        }
    }
    copy(
        &root().join("xtask/archive-assets/search.js"),
        &dir.join("search.js"),
    )
}

/// `html` without `<script>` elements and the links that preload the app's code.
fn without_scripts(html: &str) -> Result<String> {
    let remove = |el: &mut Element| {
        el.remove();
        Ok(())
    };
    rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("script", remove))
            .append_element_content_handler(element!("link[rel=modulepreload]", remove))
            .append_element_content_handler(element!("link[rel=preload]", remove)),
    )
    .map_err(|e| format!("static.html: {e}"))
}

/// What a reader downloads (raw, gzip, brotli per file), the wasm's largest items by
/// twiggy, and the wasm under each wasm-opt setting.
fn sizes(dist: &Path) -> Result<Value> {
    let mut files = Vec::new();
    let mut totals = [0u64; 3];
    for entry in std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let path = entry.path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Some(extension) = ["wasm", "js", "css", "html"]
            .into_iter()
            .find(|e| name.ends_with(&format!(".{e}")))
        else {
            continue;
        };
        let len = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let with = |suffix: &str| dist.join(format!("{name}.{suffix}"));
        let figures = [len(&path), len(&with("gz")), len(&with("br"))];
        if extension != "html" {
            for (total, figure) in totals.iter_mut().zip(figures) {
                *total += figure;
            }
        }
        files.push(
            json!({"name": name, "raw": figures[0], "gzip": figures[1], "brotli": figures[2]}),
        );
    }
    files.sort_by_key(|f| std::cmp::Reverse(f["raw"].as_u64()));
    let (twiggy, wasm_opt) = wasm_breakdown()?;
    Ok(json!({
        "files": files,
        "totals": {"raw": totals[0], "gzip": totals[1], "brotli": totals[2]},
        "twiggy": twiggy,
        "wasm_opt": wasm_opt,
    }))
}

/// The wasm as wasm-bindgen leaves it (names kept), for twiggy, and through wasm-opt at
/// each level, with the flags index.html gives Trunk.
fn wasm_breakdown() -> Result<(Value, Value)> {
    let work = root().join("target/bench/wasm");
    let _ = std::fs::remove_dir_all(&work);
    run(tools::with_tool_path(Command::new("wasm-bindgen").args([
        "--target",
        "web",
        "--out-dir",
        "target/bench/wasm",
        "target/wasm32-unknown-unknown/release/threadview.wasm",
    ])))?;
    let unoptimised = work.join("threadview_bg.wasm");
    let top = Command::new(tools::cargo_bin().join("twiggy"))
        .args(["top", "-n", "1000000", "--format", "json"])
        .arg(&unoptimised)
        .output()
        .map_err(|e| format!("twiggy: {e}"))?;
    let items = serde_json::from_slice::<Vec<Value>>(&top.stdout)
        .map_err(|e| format!("twiggy's output: {e}"))?;
    Ok((by_crate(&items), wasm_opt_variants(&unoptimised)?))
}

/// twiggy's items summed by the crate their name starts with: which dependencies the
/// bytes come from, rather than a list of thousands of functions. The function-name
/// section is left out: it is debug information, and the release build strips it.
fn by_crate(items: &[Value]) -> Value {
    let mut sums: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    for item in items {
        let name = item["name"].as_str().unwrap_or("");
        if name.contains("function names") {
            continue;
        }
        let path = name
            .trim_start_matches(['<', '&', '*'])
            .trim_start_matches("mut ");
        let owner = match path.split_once("::") {
            // `<T as tachys::view::Render>::build` is code of the crate of the trait.
            Some((first, _)) => {
                let first = first.rsplit(" as ").next().unwrap_or(first);
                first.split('[').next().unwrap_or(first).to_string()
            }
            None if name.starts_with("data segment") => "data (strings, tables)".to_string(),
            None => "other (wasm-bindgen glue, tables)".to_string(),
        };
        *sums.entry(owner).or_default() += item["shallow_size"].as_u64().unwrap_or(0);
    }
    let total: u64 = sums.values().sum();
    let mut sums: Vec<(String, u64)> = sums.into_iter().collect();
    sums.sort_by_key(|(_, bytes)| std::cmp::Reverse(*bytes));
    sums.into_iter()
        .take(15)
        .map(|(owner, bytes)| {
            json!({"item": owner, "bytes": bytes, "percent": 100.0 * bytes as f64 / total as f64})
        })
        .collect()
}

fn wasm_opt_variants(unoptimised: &Path) -> Result<Value> {
    let work = unoptimised.parent().unwrap_or(unoptimised);
    let mut variants = Vec::new();
    for (variant, level) in [
        (
            "wasm-bindgen output, no wasm-opt (debug info stripped)",
            None,
        ),
        ("wasm-opt -O3", Some("-O3")),
        ("wasm-opt -Os", Some("-Os")),
        ("wasm-opt -Oz (the release build)", Some("-Oz")),
    ] {
        let output = work.join("variant.wasm");
        let mut command = Command::new("wasm-opt");
        command
            .arg(unoptimised)
            .arg("-o")
            .arg(&output)
            .args(WASM_OPT_FLAGS)
            .args(level);
        run(tools::with_tool_path(&mut command))?;
        let bytes = std::fs::read(&output).map_err(|e| e.to_string())?;
        variants.push(json!({
            "variant": variant,
            "raw": bytes.len(),
            "gzip": compress::gzip(&bytes)?.len(),
            "brotli": compress::brotli(&bytes)?.len(),
        }));
    }
    Ok(Value::Array(variants))
}

/// As index.html passes them to wasm-opt through Trunk.
const WASM_OPT_FLAGS: [&str; 9] = [
    "--strip-debug",
    "--strip-producers",
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

fn write_json(path: &Path, value: &Value) -> Result {
    std::fs::write(path, value.to_string()).map_err(|e| format!("{}: {e}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("{} to {}: {e}", from.display(), to.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let path = entry.path();
        if path.is_file() {
            copy(&path, &to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_static_page_keeps_everything_but_the_app() {
        let page = "<head><meta charset=\"utf-8\" />\n\
            <link rel=\"stylesheet\" href=\"./main-1.css\"/>\n\
            <link rel=\"preload\" href=\"discussion.json\" as=\"fetch\" crossorigin=\"anonymous\" />\n\
            <link rel=\"modulepreload\" href=\"./threadview-8b3e.js\"><link rel=\"preload\" href=\"./threadview-8b3e_bg.wasm\" as=\"fetch\" type=\"application/wasm\"></head>\n\
            <body><p>&lt;script&gt;kept&lt;/script&gt;</p>\n\
            <script type=\"module\">\nimport init from './threadview-8b3e.js';\n</script></body>";
        assert_eq!(
            without_scripts(page).unwrap(),
            "<head><meta charset=\"utf-8\" />\n\
            <link rel=\"stylesheet\" href=\"./main-1.css\"/>\n\n\
            </head>\n\
            <body><p>&lt;script&gt;kept&lt;/script&gt;</p>\n\
            </body>"
        );
    }
}
