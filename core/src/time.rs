//! Points in time as format 2 stores them (RFC 3339: `2018-11-17T01:42:27Z`, or with an
//! offset) and as the page shows them: in UTC, the same text in the prerendered page and
//! in the app, whatever the reader's time zone.

use crate::date::{IsoDate, MONTHS};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
}

impl Timestamp {
    /// Reads RFC 3339: a date, `T` (or `t` or a space), a time with optional fractions of a
    /// second, and `Z` or an offset `±HH:MM`. Impossible dates and times are refused.
    pub fn parse(s: &str) -> Option<Self> {
        let date = IsoDate::parse(s.get(..10)?)?;
        let rest = s.get(10..)?;
        let rest = rest
            .strip_prefix(['T', 't', ' '])
            .filter(|r| r.len() >= 8)?;
        let two = |at: usize| -> Option<i64> {
            let part = rest.get(at..at + 2)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        if rest.as_bytes().get(2) != Some(&b':') || rest.as_bytes().get(5) != Some(&b':') {
            return None;
        }
        let (hour, minute, second) = (two(0)?, two(3)?, two(6)?);
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut zone = &rest[8..];
        if let Some(fraction) = zone.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            zone = &fraction[digits..];
        }
        let offset = match zone {
            "Z" | "z" => 0,
            _ => {
                let sign = match zone.as_bytes().first()? {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let zone = &zone[1..];
                if zone.len() != 5 || zone.as_bytes()[2] != b':' {
                    return None;
                }
                let part = |r: std::ops::Range<usize>| -> Option<i64> {
                    let p = &zone[r];
                    p.bytes()
                        .all(|b| b.is_ascii_digit())
                        .then(|| p.parse().ok())?
                };
                let (h, m) = (part(0..2)?, part(3..5)?);
                if h > 23 || m > 59 {
                    return None;
                }
                sign * (h * 3600 + m * 60)
            }
        };
        let days = days_from_civil(date.year.into(), date.month.into(), date.day.into());
        let unix = days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset;
        Some(Self { unix })
    }

    /// From seconds since 1970, as the sources count them (`created_utc`, `created_at_i`).
    pub fn from_unix(unix: i64) -> Self {
        Self { unix }
    }

    fn parts(self) -> (i64, u32, u32, i64, i64) {
        let days = self.unix.div_euclid(86_400);
        let seconds = self.unix.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        (year, month, day, seconds / 3600, seconds % 3600 / 60)
    }

    /// `2018-11-17T01:42:27Z`: for `<time datetime>` and for writing files.
    pub fn rfc3339(self) -> String {
        let (year, month, day, hour, minute) = self.parts();
        let second = self.unix.rem_euclid(60);
        format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
    }

    /// `Nov 17, 2018, 01:42 UTC`: what the page shows.
    pub fn display(self) -> String {
        format!("{}{}", self.display_date(), self.display_clock())
    }

    /// `Nov 17, 2018`: the date alone, where a narrow screen has room for no more.
    pub fn display_date(self) -> String {
        let (year, month, day, _, _) = self.parts();
        format!("{} {day}, {year}", MONTHS[month as usize - 1])
    }

    /// `, 01:42 UTC`: the rest of [`Self::display`].
    pub fn display_clock(self) -> String {
        let (_, _, _, hour, minute) = self.parts();
        format!(", {hour:02}:{minute:02} UTC")
    }

    /// "3 hours ago", "9 years ago": how long before `now` (seconds since 1970). Only the
    /// browser knows now, so the page shows it where the prerender's text does not change
    /// (a tooltip).
    pub fn ago(self, now: i64) -> String {
        let seconds = now - self.unix;
        if seconds < 60 {
            return "just now".to_string();
        }
        let (n, unit) = match seconds {
            s if s < 3600 => (s / 60, "minute"),
            s if s < 86_400 => (s / 3600, "hour"),
            s if s < 30 * 86_400 => (s / 86_400, "day"),
            s if s < 365 * 86_400 => (s / (30 * 86_400), "month"),
            s => (s / (365 * 86_400), "year"),
        };
        let plural = if n == 1 { "" } else { "s" };
        format!("{n} {unit}{plural} ago")
    }
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_long_ago() {
        let t = Timestamp::parse("2018-11-17T01:42:27Z").unwrap();
        assert_eq!(t.ago(t.unix + 30), "just now");
        assert_eq!(t.ago(t.unix + 60), "1 minute ago");
        assert_eq!(t.ago(t.unix + 3 * 3600 + 5), "3 hours ago");
        assert_eq!(t.ago(t.unix + 2 * 86_400), "2 days ago");
        assert_eq!(t.ago(t.unix + 400 * 86_400), "1 year ago");
        assert_eq!(t.display_date(), "Nov 17, 2018");
        assert_eq!(t.display_clock(), ", 01:42 UTC");
    }

    #[test]
    fn reads_rfc_3339_with_offsets_and_fractions() {
        let t = Timestamp::parse("2018-11-17T01:42:27Z").unwrap();
        assert_eq!(t.unix, 1_542_418_947);
        assert_eq!(t.rfc3339(), "2018-11-17T01:42:27Z");
        assert_eq!(t.display(), "Nov 17, 2018, 01:42 UTC");
        let offset = Timestamp::parse("2013-02-05T14:48:25.123-05:00").unwrap();
        assert_eq!(offset.rfc3339(), "2013-02-05T19:48:25Z");
        assert_eq!(Timestamp::from_unix(0).rfc3339(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Timestamp::parse("2000-02-29 23:59:59+00:00")
                .unwrap()
                .display(),
            "Feb 29, 2000, 23:59 UTC"
        );
        for bad in [
            "",
            "2018-11-17",
            "2018-11-17T01:42Z",
            "2018-11-17T24:00:00Z",
            "2018-02-30T00:00:00Z",
            "2018-11-17T01:42:27",
            "2018-11-17T01:42:27+0100",
            "2018-11-17T01:42:27.Z",
            "yesterday",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }
}
