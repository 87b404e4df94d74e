//! Page addresses of an archive: `d/<slug>/`, readable and stable.
//!
//! A slug comes from the thread's old address (its last path segment, which the old site
//! already kept unique and readable: `…/2012/01/03/template-comments/` gives
//! `template-comments`), else from its title, else from its id. Letters and digits are
//! kept in ASCII lower case, anything else becomes one `-`. When slugs clash, the oldest
//! thread keeps the plain one and the others add their id: a rebuild with more threads,
//! which are newer, changes no address.

/// What a slug is made from, for one thread.
pub struct Named<'a> {
    pub link: Option<&'a str>,
    pub title: &'a str,
    /// The thread's id in the export, or the file's name.
    pub key: &'a str,
    /// When the thread started (seconds since 1970), for who keeps a clashing slug.
    pub time: Option<i64>,
}

/// The slug of each thread, in the order given: unique, and never empty.
pub fn slugs(threads: &[Named<'_>]) -> Vec<String> {
    let bases: Vec<String> = threads.iter().map(base).collect();
    // Oldest first (no time counts as oldest), then by key: the order that decides clashes.
    let mut order: Vec<usize> = (0..threads.len()).collect();
    order.sort_by(|&a, &b| {
        (threads[a].time.unwrap_or(i64::MIN), threads[a].key)
            .cmp(&(threads[b].time.unwrap_or(i64::MIN), threads[b].key))
    });
    let mut taken = std::collections::HashSet::new();
    let mut out = vec![String::new(); threads.len()];
    for i in order {
        let mut slug = bases[i].clone();
        if taken.contains(&slug) {
            slug = format!("{}-{}", bases[i], slugify(threads[i].key));
            let mut n = 2;
            while taken.contains(&slug) {
                slug = format!("{}-{}-{n}", bases[i], slugify(threads[i].key));
                n += 1;
            }
        }
        taken.insert(slug.clone());
        out[i] = slug;
    }
    out
}

/// The slug a thread would have on its own.
fn base(thread: &Named<'_>) -> String {
    let from_link = thread.link.map(last_segment).map(slugify);
    [from_link, Some(slugify(thread.title))]
        .into_iter()
        .flatten()
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| match slugify(thread.key) {
            key if key.is_empty() => "thread".to_string(),
            key => format!("thread-{key}"),
        })
}

/// The last segment of a URL's path, without a file extension: `/blog/a-b.html` → `a-b`.
fn last_segment(link: &str) -> &str {
    let rest = link.split_once("://").map_or(link, |(_, rest)| rest);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segment = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    match segment.rsplit_once('.') {
        Some((stem, "html" | "htm" | "php" | "asp" | "aspx")) => stem,
        _ => segment,
    }
}

/// ASCII letters and digits in lower case; every other run becomes one `-`; at most 80.
fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 80 {
            break;
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named<'a>(link: Option<&'a str>, title: &'a str, key: &'a str, time: i64) -> Named<'a> {
        Named {
            link,
            title,
            key,
            time: Some(time),
        }
    }

    #[test]
    fn from_the_old_address_then_the_title_then_the_id() {
        let threads = [
            named(
                Some("https://wpthemetestdata.wordpress.com/2012/01/03/template-comments/"),
                "Template: Comments",
                "1148",
                1,
            ),
            named(
                Some("http://www.tanglei.name/blog/baoyan-experiences-share.html"),
                "保研个人陈述等材料分享",
                "4516623578",
                2,
            ),
            // WordPress's `?p=` link has no path: the title then.
            named(Some("http://example.org/?p=4"), "Hello, World!", "4", 3),
            // A Chinese title and no link: the id.
            named(None, "毕业了", "4590133152", 4),
            // Only punctuation, and no key to speak of.
            named(None, "?!…", "", 5),
        ];
        assert_eq!(
            slugs(&threads),
            [
                "template-comments",
                "baoyan-experiences-share",
                "hello-world",
                "thread-4590133152",
                "thread"
            ]
        );
    }

    #[test]
    fn clashes_keep_the_oldest_plain_and_more_threads_change_no_address() {
        let a = named(
            Some("http://www.tanglei.name/graduation/"),
            "毕业了",
            "4516623512",
            100,
        );
        let b = named(
            Some("http://www.tanglei.name/blog/graduation.html"),
            "毕业了",
            "4590133152",
            200,
        );
        assert_eq!(slugs(&[a, b]), ["graduation", "graduation-4590133152"]);
        // The same two with a newer clash and an unrelated thread added, in another order.
        let a = named(
            Some("http://www.tanglei.name/graduation/"),
            "毕业了",
            "4516623512",
            100,
        );
        let b = named(
            Some("http://www.tanglei.name/blog/graduation.html"),
            "毕业了",
            "4590133152",
            200,
        );
        let c = named(None, "Graduation", "9", 300);
        let d = named(None, "Other", "10", 50);
        assert_eq!(
            slugs(&[c, d, b, a]),
            [
                "graduation-9",
                "other",
                "graduation-4590133152",
                "graduation"
            ]
        );
        // Even a key that makes the same slug again gets a page.
        let e = named(None, "x", "1", 1);
        let f = named(None, "x", "1", 2);
        let g = named(None, "x", "1", 3);
        assert_eq!(slugs(&[e, f, g]), ["x", "x-1", "x-1-2"]);
    }
}
