//! The author pool: names, how often each one writes (a Zipf-like law), post counts and
//! join dates.

use crate::rng::Rng;
use crate::words::{FIRST_NAMES, NAME_ENDS, NAME_STARTS};

/// The author pool. Index 0 is the most prolific.
pub(crate) struct People {
    pub(crate) names: Vec<String>,
    /// Cumulative Zipf weights, for drawing an author by binary search.
    cumulative: Vec<u64>,
    /// Posts elsewhere on the site; busier authors have more.
    pub(crate) extra_posts: Vec<u64>,
    pub(crate) member_since: Vec<String>,
}

impl People {
    pub(crate) fn new(rng: &mut Rng, count: usize) -> Self {
        let mut taken = std::collections::HashSet::new();
        let mut names = Vec::with_capacity(count);
        for i in 0..count {
            let mut name = match rng.below(4) {
                0 => format!("{}{}", rng.pick(NAME_STARTS), rng.pick(NAME_ENDS)),
                1 => format!("{}{}", capitalise(rng.pick(NAME_ENDS)), rng.below(100)),
                2 => format!("{}_{}", rng.pick(NAME_STARTS), rng.pick(NAME_ENDS)),
                _ => format!(
                    "{}{}",
                    capitalise(rng.pick(FIRST_NAMES)),
                    (b'A' + rng.below(26) as u8) as char
                ),
            };
            // The index makes a clash unique; repeat in the unlikely case it clashes again.
            while !taken.insert(name.clone()) {
                name.push_str(&i.to_string());
            }
            names.push(name);
        }
        // Weight 1/(rank + 4): Zipf's law, flattened at the top so that the busiest author
        // writes a few percent of a large discussion rather than an eighth of it.
        let mut total = 0u64;
        let cumulative = (0..count as u64)
            .map(|rank| {
                total += 1_000_000_000 / (rank + 4);
                total
            })
            .collect();
        let extra_posts = (0..count as u64)
            .map(|rank| 40_000 / (rank + 1) + rng.below(60) as u64)
            .collect();
        let member_since = (0..count).map(|_| date(rng)).collect();
        Self {
            names,
            cumulative,
            extra_posts,
            member_since,
        }
    }

    pub(crate) fn draw(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().unwrap_or(&1);
        let x = ((u128::from(rng.next()) * u128::from(total)) >> 64) as u64;
        self.cumulative.partition_point(|&c| c <= x)
    }

    /// Someone other than `not`, for the other side of an argument.
    pub(crate) fn draw_other(&self, rng: &mut Rng, not: usize) -> usize {
        loop {
            let a = self.draw(rng);
            if a != not {
                return a;
            }
        }
    }
}

/// A real calendar date from 2006 to 2019.
fn date(rng: &mut Rng) -> String {
    let year = 2006 + rng.below(14);
    let month = 1 + rng.below(12);
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{year}-{month:02}-{:02}", 1 + rng.below(days))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real() {
        let mut rng = Rng::stream(1, 2);
        for _ in 0..10_000 {
            let d = date(&mut rng);
            let (y, m, day): (u32, u32, u32) = (
                d[..4].parse().unwrap(),
                d[5..7].parse().unwrap(),
                d[8..].parse().unwrap(),
            );
            assert!(
                (2006..=2019).contains(&y) && (1..=12).contains(&m) && day >= 1,
                "{d}"
            );
            // No century year in range, so every fourth year is a leap year.
            let february = if y.is_multiple_of(4) { 29 } else { 28 };
            let days = [31, february, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            assert!(day <= days[m as usize - 1], "{d}");
        }
    }

    #[test]
    fn names_are_unique() {
        let people = People::new(&mut Rng::stream(4, 2), 5000);
        let mut names = people.names.clone();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 5000);
    }
}
