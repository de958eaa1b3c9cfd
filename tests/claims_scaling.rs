//! The claims tagger's cost grows linearly with the number of quantities in a text (issue 14 item 3:
//! 20 k numbers took 1 s, 40 k 3 s, 500 k 500 s, because rules re-read the sentence or the article
//! before every quantity).
//!
//! Timing on a shared 2-core box is noisy, so the test compares the *cost per quantity* of a small
//! and a 16× larger text of the same mix, each the best of a few runs, and allows 3×: a quadratic
//! part makes the ratio about 16× (it was 10–140× per pattern before the fix), linear code about 1×.
//! `cargo bench --bench throughput` prints the same ratio at the sizes (5 k and 500 k).

use std::time::Instant;

use tidings::record::{Entity, Field};
use tidings::stages::claims::Tagger;

/// Sentences that exercise each rule that once re-read text: sentence lookup, years, metrics,
/// speakers named earlier, entities, masks, ranges, currencies inherited across a sentence.
const SENTENCES: &[&str] = &[
    "Exports rose 5 percent to $3 million in 2017, the spokesman said. ",
    "Imports of 4.5 billion fell 2 percent, according to the Trade Office in Geneva. ",
    "A deficit of 1.6 billion ($2.54 billion) compared with 2.0 billion, Jones, 54, said. ",
];

/// One long run-on sentence: rules that read back to the sentence start must stay bounded.
const CLAUSE: &str = "a 2-1 win, 1403 GMT, 7 more years and 300 tonnes of steel at $40 a tonne; ";

/// A text with about `n` quantities, half in sentences and half in one run-on sentence, and
/// entities on every "Geneva" and "Jones" as the NER stage would give them.
fn text(n: usize) -> (String, Vec<Entity>) {
    let mut t = String::from("Trade Office officials met. ");
    let mut i = 0;
    while i < n / 2 {
        for s in SENTENCES {
            t.push_str(s);
            i += 3;
        }
    }
    t.push_str("Then ");
    while i < n {
        t.push_str(CLAUSE);
        i += 5;
    }
    t.push('.');
    let chars: Vec<char> = t.chars().collect();
    let mut entities = Vec::new();
    for (name, label) in [("Geneva", "LOC"), ("Jones", "PER")] {
        let pattern: Vec<char> = name.chars().collect();
        for start in 0..chars.len().saturating_sub(pattern.len()) {
            if chars[start..start + pattern.len()] == pattern[..] {
                entities.push(Entity {
                    label: label.into(),
                    text: name.into(),
                    field: Field::Text,
                    start,
                    end: start + pattern.len(),
                    score: 0.99,
                });
            }
        }
    }
    (t, entities)
}

/// Best-of-`runs` seconds per claim found, and the claims found.
fn cost_per_claim(tagger: &Tagger, n: usize, runs: usize) -> (f64, usize) {
    let (t, entities) = text(n);
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..runs {
        let started = Instant::now();
        found = tagger.tag(&t, Field::Text, "en", None, &entities).len();
        best = best.min(started.elapsed().as_secs_f64());
    }
    (best / found.max(1) as f64, found)
}

#[test]
fn cost_per_quantity_does_not_grow_with_the_text() {
    let tagger = Tagger::new();
    let (small, small_found) = cost_per_claim(&tagger, 1_000, 5);
    let (large, large_found) = cost_per_claim(&tagger, 16_000, 2);
    // The texts must really hold that many quantities, or the ratio says nothing.
    assert!(small_found >= 500, "{small_found} claims in the small text");
    assert!(
        large_found >= 16 * small_found * 9 / 10,
        "{large_found} vs {small_found}"
    );
    let ratio = large / small;
    eprintln!(
        "per claim: {:.1} us at {small_found}, {:.1} us at {large_found} (x{ratio:.2})",
        small * 1e6,
        large * 1e6
    );
    assert!(
        ratio < 3.0,
        "a 16x longer text costs {ratio:.1}x more per claim: something re-reads the text per quantity"
    );
}
