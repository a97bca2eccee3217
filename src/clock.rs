//! Times written in a bundle, read as instants.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// An RFC 3339 time from a bundle, as an instant. A leap second (`:60`) is read as the
/// last instant of the second before it, on any day: the schema's `date-time` accepts
/// 23:59:60 UTC on every day, the `time` crate only at a month's end, and a time the
/// schema passed but the checks could not read skipped every time check (a bundle
/// dated `2099-01-15T23:59:60Z` was verified).
pub fn parse_rfc3339(text: &str) -> Option<OffsetDateTime> {
    if let Ok(t) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(t);
    }
    // "YYYY-MM-DDTHH:MM:60...": the seconds are bytes 17 and 18.
    if text.get(17..19) != Some("60") {
        return None;
    }
    let before = format!("{}59{}", text.get(..17)?, text.get(19..)?);
    let t = OffsetDateTime::parse(&before, &Rfc3339).ok()?;
    t.replace_nanosecond(999_999_999).ok()
}

/// An RFC 3339 time as a key that orders times as they happened, leap seconds included:
/// [`parse_rfc3339`] reads every instant of a leap second as one (the last of the second
/// before), so `23:59:60.5Z` was not after `23:59:60Z`; here it is, and both are after
/// `23:59:59.999999999Z` and before the next second. The second part is 0 outside a leap
/// second, and 1 plus the nanoseconds into it within one.
pub fn rfc3339_order(text: &str) -> Option<(OffsetDateTime, u32)> {
    let t = parse_rfc3339(text)?;
    if OffsetDateTime::parse(text, &Rfc3339).is_ok() && text.get(17..19) != Some("60") {
        return Some((t, 0));
    }
    // A leap second: its fraction, read from the same text with `59` for `60`.
    let before = format!("{}59{}", text.get(..17)?, text.get(19..)?);
    let into = OffsetDateTime::parse(&before, &Rfc3339).ok()?.nanosecond();
    Some((t, 1 + into))
}

#[cfg(test)]
mod tests {
    use super::{parse_rfc3339, rfc3339_order};

    #[test]
    fn leap_seconds_order_as_they_happened() {
        let key = |t: &str| rfc3339_order(t).unwrap();
        let times = [
            "2016-12-31T23:59:59.999999999Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "2017-01-01T05:29:60.9+05:30",
            "2017-01-01T00:00:00Z",
        ];
        for w in times.windows(2) {
            assert!(key(w[0]) < key(w[1]), "{} < {}", w[0], w[1]);
        }
        assert_eq!(key("2026-01-01T14:00:00+14:00"), key("2026-01-01T00:00:00Z"));
        assert!(rfc3339_order("2016-12-31T23:59:61Z").is_none());
    }

    #[test]
    fn a_leap_second_on_any_day_is_the_end_of_the_second_before() {
        let t = parse_rfc3339("2099-01-15T23:59:60Z").unwrap();
        assert_eq!(t, parse_rfc3339("2099-01-15T23:59:59.999999999Z").unwrap());
        let t = parse_rfc3339("2099-01-15T18:29:60.5-05:30").unwrap();
        assert_eq!(t, parse_rfc3339("2099-01-15T23:59:59.999999999Z").unwrap());
        // A month's end, as the `time` crate reads it.
        assert!(parse_rfc3339("2016-12-31T23:59:60Z").is_some());
        assert!(parse_rfc3339("2099-01-15T23:59:61Z").is_none());
        assert!(parse_rfc3339("2099-01-15T23:59:6").is_none());
        assert!(parse_rfc3339("2099-01-15T23:59:60").is_none());
        assert!(parse_rfc3339("日本語日本語日本語").is_none());
    }
}
