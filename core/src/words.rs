//! Small phrases the page builds from numbers and names.

use crate::CommentId;

/// "1 reply", "8 replies".
pub fn replies(n: u32) -> String {
    if n == 1 {
        "1 reply".to_string()
    } else {
        format!("{n} replies")
    }
}

/// "1 comment", "163 comments".
pub fn comments(n: usize) -> String {
    if n == 1 {
        "1 comment".to_string()
    } else {
        format!("{n} comments")
    }
}

/// "Fred3", "Fred3 and Venom", "Fred3, Venom and DellB"; past `max` names,
/// "A, B, C and 4 others", so that a folded giant thread stays one line.
pub fn names(names: &[&str], max: usize) -> String {
    let shown = &names[..names.len().min(max)];
    let rest = names.len() - shown.len();
    match (shown, rest) {
        ([], _) => String::new(),
        ([one], 0) => one.to_string(),
        ([init @ .., last], 0) => format!("{} and {last}", init.join(", ")),
        (all, 1) => format!("{} and 1 other", all.join(", ")),
        (all, n) => format!("{} and {n} others", all.join(", ")),
    }
}

/// "1 point", "-3 points".
pub fn points(n: i64) -> String {
    if n == 1 {
        "1 point".to_string()
    } else {
        format!("{n} points")
    }
}

/// "1 more reply is not in this file", "12 more replies are not in this file".
pub fn missing(n: u64) -> String {
    if n == 1 {
        "1 more reply is not in this file".to_string()
    } else {
        format!("{n} more replies are not in this file")
    }
}

/// "5, 6, 8 and 10".
pub fn numbers(ids: &[CommentId]) -> String {
    let texts: Vec<String> = ids.iter().map(CommentId::to_string).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    names(&refs, usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_points_and_missing_replies() {
        assert_eq!(points(1), "1 point");
        assert_eq!(points(-3), "-3 points");
        assert_eq!(missing(1), "1 more reply is not in this file");
        assert_eq!(missing(12), "12 more replies are not in this file");
    }

    #[test]
    fn counts_replies() {
        assert_eq!(replies(1), "1 reply");
        assert_eq!(replies(8), "8 replies");
        assert_eq!(replies(0), "0 replies");
    }

    #[test]
    fn lists_names() {
        assert_eq!(names(&[], 5), "");
        assert_eq!(names(&["Fred3"], 5), "Fred3");
        assert_eq!(names(&["Fred3", "Venom"], 5), "Fred3 and Venom");
        assert_eq!(names(&["a", "b", "c"], 5), "a, b and c");
        assert_eq!(names(&["a", "b", "c"], 2), "a, b and 1 other");
        assert_eq!(names(&["a", "b", "c", "d"], 2), "a, b and 2 others");
        let ids = [5, 6, 8, 10].map(CommentId::new);
        assert_eq!(numbers(&ids), "5, 6, 8 and 10");
    }
}
