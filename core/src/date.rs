//! Calendar dates as the data file stores them (`2014-05-28`) and as the page shows them
//! (`May 28, 2014`, the original page's style).

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Month names as the pages show them; times use them too (`crate::time`).
pub(crate) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl IsoDate {
    /// Reads `YYYY-MM-DD`, rejecting dates that do not exist (2014-02-30).
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Self {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// `May 28, 2014`; the day keeps two digits, as the original page prints it.
    pub fn display(&self) -> String {
        format!(
            "{} {:02}, {}",
            MONTHS[usize::from(self.month - 1)],
            self.day,
            self.year
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_the_original_page() {
        assert_eq!(
            IsoDate::parse("2014-05-28").unwrap().display(),
            "May 28, 2014"
        );
        assert_eq!(
            IsoDate::parse("2015-06-07").unwrap().display(),
            "Jun 07, 2015"
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "",
            "2014-5-28",
            "28.05.2014",
            "2014-13-01",
            "2014-02-30",
            "2015-02-29",
            "+014-05-28",
            "2014-05-2x",
        ] {
            assert_eq!(IsoDate::parse(bad), None, "{bad}");
        }
        assert!(IsoDate::parse("2016-02-29").is_some());
    }
}
