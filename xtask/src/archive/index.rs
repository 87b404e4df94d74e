//! The archive's index: every discussion with its title, when it started, how many
//! comments it has and when the last one came, in three orders, a hundred a page. Static
//! HTML, readable without JavaScript; the only script is the search, which loads
//! Pagefind when it is first used. Also the site's `404.html`.

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use threadview_core::head::escape;
use threadview_core::limits::ARCHIVE_PAGE;
use threadview_core::time::Timestamp;
use threadview_core::words;

use crate::Result;

/// One discussion as the index lists it.
pub struct Listed {
    pub slug: String,
    pub title: String,
    pub started: Option<Timestamp>,
    pub last: Option<Timestamp>,
    pub comments: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Latest,
    MostComments,
    Title,
}

impl Order {
    pub const ALL: [Self; 3] = [Self::Latest, Self::MostComments, Self::Title];

    fn label(self) -> &'static str {
        match self {
            Self::Latest => "Latest activity",
            Self::MostComments => "Most comments",
            Self::Title => "Title",
        }
    }

    /// The file of page `page` (from 1) in this order; the first page of the first order
    /// is the archive's `index.html`.
    pub fn file(self, page: usize) -> String {
        let stem = match self {
            Self::Latest => "latest",
            Self::MostComments => "most-comments",
            Self::Title => "by-title",
        };
        match (self, page) {
            (Self::Latest, 1) => "index.html".to_string(),
            (_, 1) => format!("{stem}.html"),
            (_, n) => format!("{stem}-{n}.html"),
        }
    }

    fn sort(self, listed: &mut [&Listed]) {
        match self {
            Self::Latest => listed.sort_by_key(|l| std::cmp::Reverse(l.last.or(l.started))),
            Self::MostComments => listed.sort_by_key(|l| std::cmp::Reverse(l.comments)),
            Self::Title => listed.sort_by_key(|l| l.title.to_lowercase()),
        }
    }
}

/// Every index page: its file name and its HTML. `left_out` is the line that counts the
/// threads with nothing to show.
pub fn pages(
    trunk_page: &str,
    listed: &[Listed],
    left_out: Option<&str>,
    lang: &str,
) -> Result<Vec<(String, String)>> {
    let total = listed.len();
    let count = total.div_ceil(ARCHIVE_PAGE).max(1);
    let mut out = Vec::new();
    for order in Order::ALL {
        let mut sorted: Vec<&Listed> = listed.iter().collect();
        order.sort(&mut sorted);
        for page in 1..=count {
            let rows = sorted
                .iter()
                .skip((page - 1) * ARCHIVE_PAGE)
                .take(ARCHIVE_PAGE);
            let body = format!(
                "<main class=\"archive\">\n<h1>Discussions ({total})</h1>\n{search}\n{orders}\n\
                 <ol class=\"archive-list\" start=\"{start}\">\n{rows}</ol>\n{pager}{left_out}</main>\n\
                 <script type=\"module\" src=\"search.js\"></script>",
                search = SEARCH,
                orders = orders_nav(order),
                start = (page - 1) * ARCHIVE_PAGE + 1,
                rows = rows.map(|l| row(l)).collect::<String>(),
                pager = pager(order, page, count),
                left_out = left_out
                    .map(|line| format!("<p class=\"archive-left-out\">{}</p>\n", escape(line)))
                    .unwrap_or_default(),
            );
            let title = match page {
                1 => format!("{total} discussions, by {}", order.label().to_lowercase()),
                n => format!(
                    "{total} discussions, by {}, page {n} of {count}",
                    order.label().to_lowercase()
                ),
            };
            out.push((
                order.file(page),
                static_page(trunk_page, "./", &title, lang, &body)?,
            ));
        }
    }
    Ok(out)
}

/// The page a host shows for an address that is not in the archive. It lives at the root
/// but is served for any path, so its links and stylesheets start from the archive's path
/// (`--base-url`'s, else `/`), not from where it is.
pub fn not_found(trunk_page: &str, base_path: &str, lang: &str) -> Result<String> {
    let body = format!(
        "<main class=\"archive\">\n<h1>Not found</h1>\n<p>There is no discussion at this \
         address. <a href=\"{}\">See every discussion</a>.</p>\n</main>",
        escape(base_path)
    );
    static_page(trunk_page, base_path, "Not found", lang, &body)
}

const SEARCH: &str = r##"<search class="archive-search">
  <form id="archive-search-form" role="search" action="#">
    <label for="archive-search-input">Search every comment</label>
    <input id="archive-search-input" type="search" name="q" autocomplete="off">
    <button type="submit">Search</button>
  </form>
  <p id="archive-search-status" role="status"></p>
  <ol id="archive-search-results"></ol>
</search>"##;

fn row(listed: &Listed) -> String {
    let time = |t: Timestamp| {
        format!(
            "<time datetime=\"{}\">{}</time>",
            t.rfc3339(),
            escape(&t.display_date())
        )
    };
    let mut meta = Vec::new();
    if let Some(started) = listed.started {
        meta.push(format!("Started {}", time(started)));
    }
    meta.push(words::comments(listed.comments));
    if let Some(last) = listed.last {
        meta.push(format!("last {}", time(last)));
    }
    format!(
        "<li class=\"archive-entry\"><h2 class=\"archive-title\"><a href=\"d/{}/\">{}</a></h2>\
         <p class=\"archive-meta\">{}</p></li>\n",
        escape(&listed.slug),
        escape(&listed.title),
        meta.join(" · ")
    )
}

fn orders_nav(current: Order) -> String {
    let links: String = Order::ALL
        .iter()
        .map(|&order| {
            let here = if order == current {
                " aria-current=\"page\""
            } else {
                ""
            };
            format!(
                "<li><a href=\"{}\"{here}>{}</a></li>",
                order.file(1),
                order.label()
            )
        })
        .collect();
    format!("<nav class=\"archive-orders\" aria-label=\"Order\"><ul>{links}</ul></nav>")
}

fn pager(order: Order, page: usize, count: usize) -> String {
    if count == 1 {
        return String::new();
    }
    let mut links = Vec::new();
    if page > 1 {
        links.push(format!(
            "<a href=\"{}\" rel=\"prev\">Previous</a>",
            order.file(page - 1)
        ));
    }
    for n in 1..=count {
        links.push(if n == page {
            format!(
                "<a href=\"{}\" aria-current=\"page\">{n}</a>",
                order.file(n)
            )
        } else {
            format!("<a href=\"{}\">{n}</a>", order.file(n))
        });
    }
    if page < count {
        links.push(format!(
            "<a href=\"{}\" rel=\"next\">Next</a>",
            order.file(page + 1)
        ));
    }
    format!(
        "<nav class=\"archive-pages\" aria-label=\"Pages\"><p>Page {page} of {count}</p>{}</nav>\n",
        links.join(" ")
    )
}

/// Trunk's page without the app: its stylesheets and icon (from `assets`, the archive's
/// root as seen from the page), a title, and `body` in place of the `<noscript>` line.
fn static_page(
    trunk_page: &str,
    assets: &str,
    title: &str,
    lang: &str,
    body: &str,
) -> Result<String> {
    rewrite_str(
        trunk_page,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("link[href^='./']", |link| {
                if let Some(href) = link.get_attribute("href") {
                    link.set_attribute("href", &format!("{assets}{}", &href[2..]))?;
                }
                Ok(())
            }))
            .append_element_content_handler(element!("html", |html| {
                html.set_attribute("lang", lang)?;
                Ok(())
            }))
            .append_element_content_handler(element!("head > title", |t| {
                t.set_inner_content(title, ContentType::Text);
                // What a link preview shows of the page.
                t.after(
                    &format!(
                        "\n    <meta name=\"description\" content=\"{title}\" />\n    \
                         <meta property=\"og:title\" content=\"{title}\" />\n    \
                         <meta property=\"og:type\" content=\"website\" />",
                        title = escape(title)
                    ),
                    ContentType::Html,
                );
                Ok(())
            }))
            .append_element_content_handler(element!(
                "script, link[rel=modulepreload], link[rel=preload]",
                |el| {
                    el.remove();
                    Ok(())
                }
            ))
            .append_element_content_handler(element!("body > noscript", |noscript| {
                noscript.replace(body, ContentType::Html);
                Ok(())
            })),
    )
    .map_err(|e| format!("Trunk's page could not be rewritten: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" />\
        <title>threadview</title><link rel=\"stylesheet\" href=\"./main.css\"/>\
        <link rel=\"preload\" href=\"discussion.json\" as=\"fetch\" />\
        <link rel=\"modulepreload\" href=\"./threadview.js\"></head><body>\
        <noscript>needs JavaScript</noscript><script type=\"module\">import './threadview.js';</script>\
        </body></html>";

    fn listed(n: usize) -> Vec<Listed> {
        (0..n)
            .map(|i| Listed {
                slug: format!("t{i}"),
                title: format!("Thread <{i}>"),
                started: Some(Timestamp::from_unix(1_000_000 + i as i64)),
                last: Some(Timestamp::from_unix(2_000_000 - i as i64)),
                comments: i % 7,
            })
            .collect()
    }

    #[test]
    fn three_orders_a_hundred_a_page_static_and_escaped() {
        let all = listed(ARCHIVE_PAGE + 1);
        let pages = pages(TRUNK, &all, Some("2 threads have no comments"), "en").unwrap();
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "index.html",
                "latest-2.html",
                "most-comments.html",
                "most-comments-2.html",
                "by-title.html",
                "by-title-2.html"
            ]
        );
        let (_, index) = &pages[0];
        assert!(!index.contains("threadview.js") && !index.contains("discussion.json"));
        assert!(index.contains("href=\"./main.css\""));
        assert!(index.contains("<script type=\"module\" src=\"search.js\"></script>"));
        assert!(index.contains("<title>101 discussions, by latest activity</title>"));
        assert!(index.contains(
            "<meta property=\"og:title\" content=\"101 discussions, by latest activity\" />"
        ));
        assert_eq!(
            index.matches("class=\"archive-entry\"").count(),
            ARCHIVE_PAGE
        );
        // Latest activity first: thread 0's last comment is the latest.
        assert!(index.find("d/t0/").unwrap() < index.find("d/t1/").unwrap());
        assert!(index.contains("Thread &lt;0&gt;"));
        assert!(index.contains("<a href=\"latest-2.html\" rel=\"next\">Next</a>"));
        assert!(index.contains("2 threads have no comments"));
        let (_, second) = &pages[1];
        assert_eq!(second.matches("class=\"archive-entry\"").count(), 1);
        assert!(second.contains("start=\"101\""));
        let (_, most) = &pages[2];
        assert!(
            most.contains("<a href=\"most-comments.html\" aria-current=\"page\">Most comments</a>")
        );
    }

    #[test]
    fn the_404_page_links_to_the_archive_path() {
        let page = not_found(TRUNK, "/comments/", "en").unwrap();
        assert!(page.contains("<a href=\"/comments/\">See every discussion</a>"));
        assert!(page.contains("href=\"/comments/main.css\""));
        assert!(!page.contains("<script"));
    }
}
