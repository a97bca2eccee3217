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

#[cfg(test)]
mod tests {
    use super::parse_rfc3339;

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
