//! Hostile inputs at 1x, 2x and 4x their size (`cargo bench --bench hostile`): the
//! time of a whole in-process run, report included, and the ratio to the size below.
//! Linear cost shows ratios near 2; the quadratic costs issue 7 found showed 4.
//! The shapes are tests/common/hostile.rs, which tests/linear_time.rs asserts on.

#[path = "../tests/common/hostile.rs"]
mod hostile;

use std::time::{Duration, Instant};

fn run(case: &hostile::Case, n: usize) -> (usize, Duration) {
    let bytes = (case.make)(n);
    let opts = hostile::options(case);
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        hostile::verify_and_render(&bytes, &opts);
        best = best.min(t.elapsed());
    }
    (bytes.len(), best)
}

fn main() {
    println!("{:45} {:>9} {:>10} {:>10} {:>7}", "shape", "n", "bytes", "ms", "ratio");
    for case in hostile::cases() {
        let mut previous: Option<Duration> = None;
        for k in [4usize, 8, 16] {
            let n = case.n * k;
            let (len, t) = run(&case, n);
            let ratio = previous.map(|p| t.as_secs_f64() / p.as_secs_f64()).unwrap_or(f64::NAN);
            println!("{:45} {:>9} {:>10} {:>10.1} {:>7.2}", case.name, n, len, t.as_secs_f64() * 1e3, ratio);
            previous = Some(t);
        }
    }
}
