//! Static archives: a whole Disqus or WordPress export, or a folder of discussions in any
//! format threadview reads or imports, becomes one static site: an index of the
//! discussions (`index`), one prerendered page per discussion at `d/<slug>/` with its data
//! beside it (`page`, addresses from `slug`), search across every comment (`search`),
//! and what a publisher needs to move (`moving`: redirects, a sitemap; takedowns in
//! `threadview_import::takedown`).
//!
//! The app is built once (Trunk, in `dist/`) and its assets are shared by every page: the
//! pages sit two folders down and load them from `../../`.

pub(crate) mod index;
mod moving;
mod page;
mod search;
mod slug;

use std::path::{Path, PathBuf};
use std::process::Command;

use threadview_core::Loaded;
use threadview_core::time::Timestamp;
use threadview_import::takedown::Takedowns;

use crate::{Result, compress, csp, run};

/// What `dist --data` was given besides the data.
#[derive(Default)]
pub struct Options {
    /// The archive's public address, for canonical links, `og:url` and the sitemap.
    pub base_url: Option<String>,
    /// A takedown list (`threadview_import::takedown`).
    pub remove: Option<PathBuf>,
    /// The language of every discussion, instead of recognising it.
    pub lang: Option<String>,
}

/// Whether `data` makes an archive: a folder, or an export of more than one thread with
/// comments (unless `--thread` picks one).
pub fn wanted(data: &Path, thread: Option<&str>) -> Result<bool> {
    if data.is_dir() {
        return Ok(true);
    }
    if thread.is_some() {
        return Ok(false);
    }
    let text = read(data)?;
    let threads =
        threadview_import::threads(&text).map_err(|e| format!("{}: {e}", data.display()))?;
    Ok(threads.iter().filter(|t| t.shown > 0).count() > 1)
}

/// One discussion of the archive, as imported.
struct Discussion {
    /// Where it came from, for messages: the file, and the thread's key in an export.
    source: String,
    key: String,
    json: String,
    loaded: Loaded,
    /// Its addresses on the old site.
    old: Vec<String>,
}

/// Builds the archive of `data` into `out`, with the app from `assets` (Trunk's output)
/// and `trunk_page` (Trunk's `index.html`, before any prerender).
pub fn build(
    trunk_page: &str,
    assets: &Path,
    out: &Path,
    data: &Path,
    options: &Options,
) -> Result {
    let base_path = moving::base_path(options.base_url.as_deref())?;
    let base_url = options
        .base_url
        .as_deref()
        .map(|url| format!("{}/", url.trim_end_matches('/')));
    if let Some(lang) = &options.lang
        && !threadview_core::lang::is_valid(lang)
    {
        return Err(format!(
            "--lang {lang}: not a language tag like en, zh-CN or tr"
        ));
    }
    let takedowns = match &options.remove {
        Some(path) => {
            Some(Takedowns::parse(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))?)
        }
        None => None,
    };

    let (mut discussions, left_out) = gather(data)?;
    if discussions.is_empty() {
        return Err(format!(
            "{}: no discussion with comments to show",
            data.display()
        ));
    }
    if let Some(takedowns) = &takedowns {
        let mut removed = 0;
        for d in &mut discussions {
            let (json, n) = takedowns
                .apply_in(&d.json, &[&d.key])
                .map_err(|e| format!("{}: {e}", d.source))?;
            removed += n;
            d.loaded = load(&d.source, &json)?;
            d.json = json;
        }
        println!(
            "xtask: takedowns: {} removed",
            threadview_core::words::comments(removed)
        );
        for entry in takedowns.unmatched() {
            println!("xtask: takedown \"{entry}\" matches no comment");
        }
    }

    let named: Vec<slug::Named<'_>> = discussions
        .iter()
        .map(|d| slug::Named {
            link: d.loaded.discussion.article.url.as_deref(),
            title: &d.loaded.discussion.article.headline,
            key: &d.key,
            time: started(&d.loaded).map(|t| t.unix),
        })
        .collect();
    let slugs = slug::slugs(&named);

    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    copy_assets(assets, out)?;
    let mut pages = Vec::new();
    let mut prerender = Vec::new();
    let mut records = Vec::new();
    let mut listed = Vec::new();
    let mut moved = Vec::new();
    let mut languages: Vec<(String, usize)> = Vec::new();
    for (d, slug) in discussions.iter().zip(&slugs) {
        let comments = &d.loaded.discussion.comments;
        let lang = options.lang.clone().unwrap_or_else(|| {
            threadview_core::lang::detect(
                std::iter::once(d.loaded.discussion.article.headline.as_str())
                    .chain(comments.iter().map(|c| c.body.as_str())),
            )
            .to_string()
        });
        match languages.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, n)) => *n += 1,
            None => languages.push((lang.clone(), 1)),
        }
        let dir = out.join("d").join(slug);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let canonical = base_url.as_ref().map(|base| format!("{base}d/{slug}/"));
        let html = page::template(trunk_page, &lang, canonical.as_deref())?;
        let (page_file, data_file) = (dir.join("index.html"), dir.join("discussion.json"));
        write(&page_file, &html)?;
        write(&data_file, &d.json)?;
        prerender.push(page_file.clone());
        prerender.push(data_file);
        pages.push(page_file);
        let title = &d.loaded.discussion.article.headline;
        for c in comments.iter().filter(|c| c.state.is_none()) {
            records.push(search::Record {
                url: format!("d/{slug}/#comment-{}", c.id),
                title: title.clone(),
                author: c.author.clone(),
                content: c.body.clone(),
                language: lang.clone(),
            });
        }
        listed.push(index::Listed {
            slug: slug.clone(),
            title: title.clone(),
            started: started(&d.loaded),
            last: comments.iter().filter_map(|c| c.time).max(),
            comments: comments.len(),
        });
        moved.push(moving::Moved {
            slug: slug.clone(),
            old: d.old.clone(),
        });
    }
    // The pages are prerendered in one run of the prerender binary.
    run(Command::new("cargo")
        .args(["run", "--quiet", "--bin", "prerender", "--"])
        .args(&prerender))?;

    let lang = languages
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or("en", |(l, _)| l.as_str());
    let left_out_line = (left_out > 0).then(|| {
        format!(
            "{left_out} more {} left out: no comments, or only spam or unapproved ones.",
            if left_out == 1 {
                "thread is"
            } else {
                "threads are"
            }
        )
    });
    for (name, html) in index::pages(trunk_page, &listed, left_out_line.as_deref(), lang)? {
        let path = out.join(name);
        write(&path, &html)?;
        pages.push(path);
    }
    let not_found = out.join("404.html");
    write(&not_found, &index::not_found(trunk_page, &base_path, lang)?)?;
    pages.push(not_found);
    csp::apply_to(out, &pages)?;

    write(
        &out.join("_redirects"),
        &moving::netlify_redirects(&moved, &base_path),
    )?;
    write(
        &out.join("redirects.nginx.conf"),
        &moving::nginx_map(&moved, &base_path),
    )?;
    if let Some(base) = &base_url {
        write(&out.join("sitemap.xml"), &moving::sitemap(base, &slugs))?;
    }
    search::write_index(&records, out)?;
    let files = compress::precompress_tree(out)?;
    println!(
        "xtask: archive of {} discussions ({} searchable{}) in {}: {files} files precompressed",
        discussions.len(),
        threadview_core::words::comments(records.len()),
        left_out_line.map(|l| format!("; {l}")).unwrap_or_default(),
        out.display()
    );
    Ok(())
}

/// The discussions in `data` (an export, or a folder of files), and how many threads are
/// left out for having nothing to show.
fn gather(data: &Path) -> Result<(Vec<Discussion>, usize)> {
    let files: Vec<PathBuf> = if data.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(data)
            .map_err(|e| format!("{}: {e}", data.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json" || e == "xml"))
            .collect();
        files.sort();
        files
    } else {
        vec![data.to_path_buf()]
    };
    let mut discussions = Vec::new();
    let mut left_out = 0;
    for file in files {
        let name = file.display().to_string();
        let text = read(&file)?;
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Ok(loaded) = Loaded::from_json(&text) {
            let old = loaded.discussion.article.url.iter().cloned().collect();
            discussions.push(Discussion {
                source: name,
                key: stem,
                json: text,
                loaded,
                old,
            });
            continue;
        }
        let threads = threadview_import::threads(&text).map_err(|e| format!("{name}: {e}"))?;
        if threads.is_empty() {
            let json =
                threadview_import::import(&text, None, None).map_err(|e| format!("{name}: {e}"))?;
            let loaded = load(&name, &json)?;
            let old = loaded.discussion.article.url.iter().cloned().collect();
            discussions.push(Discussion {
                source: name,
                key: stem,
                json,
                loaded,
                old,
            });
            continue;
        }
        let wordpress = text.contains("wordpress.org/export/");
        for thread in &threads {
            let Some(key) = thread.key() else {
                left_out += 1;
                continue;
            };
            if thread.shown == 0 {
                left_out += 1;
                continue;
            }
            let source = format!("{name}, thread {key}");
            let json = threadview_import::import(&text, None, Some(key))
                .map_err(|e| format!("{source}: {e}"))?;
            let loaded = load(&source, &json)?;
            let mut old: Vec<String> = thread.link.iter().cloned().collect();
            // WordPress's short links, `?p=ID`, on the same site.
            if wordpress
                && let (Some(id), Some(link)) = (&thread.id, &thread.link)
                && let Some(site) = site_of(link)
            {
                old.push(format!("{site}/?p={id}"));
            }
            discussions.push(Discussion {
                source,
                key: key.to_string(),
                json,
                loaded,
                old,
            });
        }
    }
    Ok((discussions, left_out))
}

/// `https://example.org` of `https://example.org/2012/01/post/`.
fn site_of(link: &str) -> Option<&str> {
    let (scheme, rest) = link.split_once("://")?;
    let host_end = rest.find('/').unwrap_or(rest.len());
    Some(&link[..scheme.len() + 3 + host_end])
}

/// When a discussion started: its article's time, or its first comment's.
fn started(loaded: &Loaded) -> Option<Timestamp> {
    loaded.discussion.article.time.or_else(|| {
        loaded
            .discussion
            .comments
            .iter()
            .filter_map(|c| c.time)
            .min()
    })
}

fn load(source: &str, json: &str) -> Result<Loaded> {
    Loaded::from_json(json)
        .map_err(|e| format!("{source}: the imported discussion does not load: {e}"))
}

/// The app's shared files from Trunk's output: the wasm, its script, the stylesheets
/// and the icon (not the bundled page and its data).
fn copy_assets(assets: &Path, out: &Path) -> Result {
    for entry in std::fs::read_dir(assets).map_err(|e| format!("{}: {e}", assets.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let shared = [".js", ".wasm", ".css", ".svg"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if path.is_file() && shared {
            std::fs::copy(&path, out.join(&*name))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of `files` for one test.
    fn folder(test: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("threadview-archive-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        dir
    }

    fn fixture(name: &str) -> String {
        read(&crate::root().join("import/fixtures").join(name)).unwrap()
    }

    #[test]
    fn a_folder_of_exports_and_discussions_gathers_every_thread_with_comments() {
        let dir = folder(
            "gather",
            &[
                ("tanglei.xml", &fixture("disqus-tanglei-zh.xml")),
                ("hn.json", &fixture("hn-algolia-18475438.json")),
                (
                    "seed.json",
                    &read(&crate::root().join("data/discussion.json")).unwrap(),
                ),
                ("notes.txt", "not read"),
            ],
        );
        let (discussions, left_out) = gather(&dir).unwrap();
        // Six of the export's nine threads have comments; the HN story and the seed are one each.
        assert_eq!(discussions.len(), 8);
        assert_eq!(left_out, 3);
        let hn = discussions.iter().find(|d| d.key == "hn").unwrap();
        assert_eq!(hn.loaded.discussion.comments.len(), 145);
        assert_eq!(hn.old, ["https://news.ycombinator.com/item?id=18475438"]);
        let thread = discussions.iter().find(|d| d.key == "4516623578").unwrap();
        assert_eq!(thread.loaded.discussion.comments.len(), 163);
        assert_eq!(
            thread.old,
            ["http://www.tanglei.name/blog/baoyan-experiences-share.html"]
        );
    }

    #[test]
    fn wordpress_threads_keep_their_short_links() {
        let dir = folder(
            "wordpress",
            &[("wxr.xml", &fixture("wxr-theme-unit-test.xml"))],
        );
        let (discussions, _) = gather(&dir).unwrap();
        let comments = discussions.iter().find(|d| d.key == "1148").unwrap();
        assert_eq!(
            comments.old,
            [
                "https://wpthemetestdata.wordpress.com/2012/01/03/template-comments/",
                "https://wpthemetestdata.wordpress.com/?p=1148"
            ]
        );
    }

    #[test]
    fn a_bad_file_in_the_folder_is_named_with_its_error() {
        let text = fixture("disqus-tanglei-zh.xml");
        let cut = &text[..text.len() / 2];
        let dir = folder(
            "bad",
            &[
                ("good.json", &fixture("hn-algolia-18475438.json")),
                ("cut.xml", cut),
            ],
        );
        let error = gather(&dir).err().unwrap();
        assert!(
            error.contains("cut.xml: not well-formed XML: line "),
            "{error}"
        );
        let dir = folder("empty", &[]);
        let error = build("", &dir, &dir.join("out"), &dir, &Options::default()).unwrap_err();
        assert!(
            error.ends_with("no discussion with comments to show"),
            "{error}"
        );
    }

    #[test]
    fn the_site_of_a_link() {
        assert_eq!(
            site_of("https://wpthemetestdata.wordpress.com/2012/01/03/template-comments/"),
            Some("https://wpthemetestdata.wordpress.com")
        );
        assert_eq!(site_of("http://example.org"), Some("http://example.org"));
        assert_eq!(site_of("example.org/x"), None);
    }
}
