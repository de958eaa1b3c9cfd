//! Throughput of the noise stage (rules + fingerprint + near-duplicate window) on one core, printed
//! as MB/s of article text (issue 15 target: ≥ 20 MB/s):
//!
//!     cargo bench --bench noise
//!
//! Input: the five seed articles (`../shared/seeds`, crawled text with real noise) and the
//! CoNLL-2003 eng.testa documents (`../shared/data/conll2003/eng.testa`, clean news, one line per
//! sentence). Each article gets a fresh id, so the window holds (and is searched over) as many
//! fingerprints as it would in the daemon. Under `cargo test --all-targets` each measurement runs
//! once, as a smoke test.

use std::path::PathBuf;
use std::time::{Duration, Instant};

mod common;

use common::seeds;
use tidings::record::Article;
use tidings::stages::noise::{NoiseConfig, NoiseStage};
use tidings::stages::Stage;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// eng.testa's documents, one sentence per line (tokens joined by spaces).
fn conll() -> Vec<String> {
    let Ok(raw) = std::fs::read_to_string(shared().join("data/conll2003/eng.testa")) else {
        return Vec::new();
    };
    let mut docs: Vec<String> = Vec::new();
    let mut sentence: Vec<&str> = Vec::new();
    for line in raw.lines() {
        if line.starts_with("-DOCSTART-") {
            docs.push(String::new());
            continue;
        }
        match line.split(' ').next() {
            Some(token) if !token.is_empty() => sentence.push(token),
            _ => {
                if let (false, Some(doc)) = (sentence.is_empty(), docs.last_mut()) {
                    doc.push_str(&sentence.join(" "));
                    doc.push('\n');
                }
                sentence.clear();
            }
        }
    }
    docs.retain(|d| !d.is_empty());
    docs
}

/// MB/s of `texts` through the stage on this thread, for about `budget` (once when not benchmarking).
fn measure(stage: &NoiseStage, texts: &[String], bench: bool, budget: Duration) -> f64 {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut n = 0u64;
    let pass = |n: &mut u64| {
        for t in texts {
            *n += 1;
            let mut a = Article {
                id: n.to_string(),
                text: t.clone(),
                ..Default::default()
            };
            stage.process(&mut a).expect("the noise stage never fails");
            std::hint::black_box(&a);
        }
    };
    pass(&mut n); // warm-up: lazy regex states
    let started = Instant::now();
    let mut runs = 0u32;
    loop {
        pass(&mut n);
        runs += 1;
        if !bench || started.elapsed() >= budget {
            break;
        }
    }
    f64::from(runs) * bytes as f64 / started.elapsed().as_secs_f64() / 1e6
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let budget = Duration::from_secs(3);
    let stage = NoiseStage::build(&NoiseConfig::default()).expect("shipped lexicon");
    for (name, texts) in [("seeds", seeds()), ("eng.testa", conll())] {
        if texts.is_empty() {
            eprintln!("skipping {name}: not found under {}", shared().display());
            continue;
        }
        let kb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e3;
        let mbs = measure(&stage, &texts, bench, budget);
        println!(
            "noise stage on {name} ({} articles, {kb:.1} KB): {mbs:.1} MB/s on one core (target >= 20)",
            texts.len()
        );
    }
}
