//! Many `--signer` pins cost each one look-up: checking the pins (each names a supplied
//! key, spec 3.6) and the limits they set held every pin against every key supplied,
//! so 16,000 pins on as many KMS keys took 8 s of a run (debug build), four times the
//! time for twice the pins. A ratio within one run, as tests/linear_time.rs measures:
//! a quadratic cost gives about 4.

use aeb_verify::signatures::Trust;
use std::time::{Duration, Instant};

/// `n` KMS keys, each bound to its own key ID `kN` (one key file, read n times).
fn kms_keys(n: usize) -> Vec<aeb_verify::signatures::kms::KmsKey> {
    let file = [env!("CARGO_MANIFEST_DIR"), "fixtures", "signatures", "kms", "p256.pem"].join("/");
    let specs: Vec<String> = (0..n).map(|i| format!("k{i}={file}")).collect();
    let none: [&str; 0] = [];
    aeb_verify::inputs::keys::load(&none, &specs).expect("keys load").kms_keys
}

/// The pin checks alone, best of three: set_signers and check_limits over `n` pins.
fn cost(n: usize) -> Duration {
    let keys = kms_keys(n);
    let pins: Vec<String> = (0..n).map(|i| format!("k{i}")).collect();
    let once = || {
        let mut t = Trust::new(Vec::new(), keys.clone());
        t.min_signers = 1;
        let start = Instant::now();
        t.set_signers(pins.clone()).expect("every pin names a key");
        t.check_limits().expect("one signer can be met");
        start.elapsed()
    };
    (0..3).map(|_| once()).min().unwrap_or_default()
}

#[test]
fn checking_twice_the_pins_at_most_about_doubles_the_time() {
    let mut ratio = f64::INFINITY;
    for _ in 0..3 {
        let (one, two) = (cost(3000), cost(6000));
        ratio = ratio.min(two.as_secs_f64() / one.as_secs_f64().max(1e-6));
        eprintln!("3000 pins: {one:?}, 6000: {two:?}, ratio {ratio:.2}");
        if ratio <= 3.0 {
            break;
        }
    }
    assert!(ratio <= 3.0, "superlinear: ratio {ratio:.2}");
}
