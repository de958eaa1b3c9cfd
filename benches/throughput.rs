//! Stage throughput on the five seed articles (`../shared/seeds`), printed as numbers:
//!
//!     cargo bench --bench throughput
//!
//! - claims: MB/s of article text on one core (issue target: >= 10 MB/s per core), and the cost per
//!   number on one text of 5 k and of 500 k numbers (issue 14 item 3: the ratio must stay < 2);
//! - lang: MB/s of articles on one core (issue target: >= 10 MB/s), as the stage reads them and
//!   on the whole text;
//! - NER (shipped model): articles/s and tokens/s at 1 and 2 ONNX Runtime threads. Compare with
//!   `benches/ner_ort.py`, which runs the same model on the same windows through ONNX Runtime's own
//!   Python session.
//!
//! Under `cargo test --all-targets` (no `--bench` flag) each measurement runs once, as a smoke test.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;

use common::seeds;
use tidings::record::{Article, Field, Language};
use tidings::stages::claims::ClaimsStage;
use tidings::stages::lang::LangStage;
use tidings::stages::ner::{NerConfig, NerStage};
use tidings::stages::Stage;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `f` repeatedly for about `budget` (once when not benchmarking); returns runs per second.
fn rate(bench: bool, budget: Duration, mut f: impl FnMut()) -> f64 {
    f(); // warm-up: lazy regexes, model first run
    let started = Instant::now();
    let mut runs = 0u32;
    loop {
        f();
        runs += 1;
        if !bench || started.elapsed() >= budget {
            break;
        }
    }
    f64::from(runs) / started.elapsed().as_secs_f64()
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    // `cargo bench --bench throughput -- ner` measures NER only (benches/ner_compare.py);
    // `-- claims` the claim and language stages only.
    let ner_only = std::env::args().skip(1).any(|a| a == "ner");
    let claims_only = std::env::args().skip(1).any(|a| a == "claims");
    let texts = seeds();
    if texts.is_empty() {
        eprintln!("skipping: ../shared/seeds not found");
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let budget = Duration::from_secs(3);
    println!(
        "seeds: {} articles, {:.1} KB of text",
        texts.len(),
        bytes as f64 / 1e3
    );

    if !ner_only {
        claims_and_lang(bench, budget, &texts, bytes);
    }
    if !claims_only {
        ner(bench, budget, &texts);
    }
}

/// Median, lowest and highest of five one-second [`rate`]s: this box's neighbours make a single
/// three-second figure swing by a third.
fn rates(bench: bool, mut f: impl FnMut()) -> [f64; 3] {
    let mut r: Vec<f64> = (0..if bench { 5 } else { 1 })
        .map(|_| rate(bench, Duration::from_secs(1), &mut f))
        .collect();
    r.sort_by(f64::total_cmp);
    [r[r.len() / 2], r[0], r[r.len() - 1]]
}

fn claims_and_lang(bench: bool, budget: Duration, texts: &[String], bytes: usize) {
    let claims = ClaimsStage::new(Default::default());
    let [median, low, high] = rates(bench, || {
        for t in texts {
            let mut a = Article {
                text: t.clone(),
                ..Default::default()
            };
            claims.process(&mut a).expect("claims never fail");
        }
    })
    .map(|per_sec| per_sec * bytes as f64 / 1e6);
    println!("claims: {median:.2} MB/s on one core (median of five 1 s runs; {low:.2}-{high:.2})");

    // The demo's German, French and Spanish articles, read with their language's words (a Unicode
    // word boundary for measure nouns with umlauts and accents, where English has the ASCII one).
    let demo = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles.jsonl"),
    )
    .expect("examples/articles.jsonl ships with the repository");
    let other: Vec<Article> = demo
        .lines()
        // The file holds one deliberately broken line (the demo's dead letter).
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let id = v["id"].as_str()?;
            let code = ["de", "fr", "es"]
                .into_iter()
                .find(|c| id.starts_with(&format!("demo-{c}-")))?;
            let mut a = Article {
                text: v["text"].as_str()?.to_string(),
                ..Default::default()
            };
            a.language = Some(Language {
                code: code.into(),
                name: String::new(),
                script: "Latin".into(),
                confidence: 1.0,
                method: "bench".into(),
                reliable: true,
            });
            Some(a)
        })
        .collect();
    let other_bytes: usize = other.iter().map(|a| a.text.len()).sum();
    let [median, low, high] = rates(bench, || {
        for a in &other {
            claims.process(&mut a.clone()).expect("claims never fail");
        }
    })
    .map(|per_sec| per_sec * other_bytes as f64 / 1e6);
    // These articles are dense with figures, so MB/s alone would not compare with the seeds'.
    let figures: usize = other
        .iter()
        .map(|a| {
            let mut a = a.clone();
            claims.process(&mut a).expect("claims never fail");
            a.claims.map_or(0, |c| c.len())
        })
        .sum();
    let per_figure = other_bytes as f64 / (median * 1e6) / figures as f64 * 1e6;
    println!(
        "claims, de/fr/es demo articles ({} of them, {figures} figures): {median:.2} MB/s on one core ({low:.2}-{high:.2}), {per_figure:.1} us per figure",
        other.len()
    );

    // Issue 14 item 3: the cost per number must not grow with the number of numbers. The text is
    // the seed articles' sentences that hold a number, repeated (one article).
    let numbered: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.split_inclusive(". "))
        .filter(|s| s.contains(|c: char| c.is_ascii_digit()))
        .collect();
    let tagger = claims.tagger();
    let sizes: [usize; 2] = if bench {
        [5_000, 500_000]
    } else {
        [2_000, 20_000]
    };
    let mut per_number = Vec::new();
    for n in sizes {
        let block: String = numbered.concat();
        let per_block = tagger
            .tag(&block, Field::Text, "en", None, &[])
            .len()
            .max(1);
        let text = block.repeat(n.div_ceil(per_block));
        let started = Instant::now();
        let found = tagger.tag(&text, Field::Text, "en", None, &[]).len();
        let secs = started.elapsed().as_secs_f64();
        println!(
            "claims on one {:.1} MB text: {found} numbers in {secs:.2} s, {:.1} us per number",
            text.len() as f64 / 1e6,
            secs * 1e6 / found as f64
        );
        per_number.push(secs / found as f64);
    }
    println!(
        "claims cost per number, {} vs {} numbers: x{:.2} (issue target < 2)",
        sizes[1],
        sizes[0],
        per_number[1] / per_number[0]
    );

    // As the daemon runs it: title and the first `sample_chars` of the text (the rest of an article
    // is not read), so MB/s counts whole articles.
    let lang = LangStage::new(Default::default());
    let per_sec = rate(bench, budget, || {
        for t in texts {
            let (title, text) = t.split_once('\n').unwrap_or(("", t));
            let mut a = Article {
                title: title.to_string(),
                text: text.to_string(),
                ..Default::default()
            };
            lang.process(&mut a).expect("lang never fails");
        }
    });
    println!(
        "lang (articles, as the stage reads them): {:.2} MB/s on one core",
        per_sec * bytes as f64 / 1e6
    );
    let per_sec = rate(bench, budget, || {
        for t in texts {
            std::hint::black_box(lang.detect(t, None));
        }
    });
    println!(
        "lang (whole text of each article): {:.2} MB/s on one core",
        per_sec * bytes as f64 / 1e6
    );
}

fn ner(bench: bool, budget: Duration, texts: &[String]) {
    let runtime = root().join(tidings::stages::ner::model::DEFAULT_RUNTIME);
    for threads in [1, 2] {
        let config = NerConfig {
            model_dir: root().join("models/ner-minilm-conll"),
            runtime_path: std::env::var_os("ORT_DYLIB_PATH")
                .map(PathBuf::from)
                .or(Some(runtime.clone())),
            threads,
            ..Default::default()
        };
        let ner = match NerStage::build(&config) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("skipping NER: {e} (run scripts/setup)");
                return;
            }
        };
        let inputs: Vec<(usize, Field, &str)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i, Field::Text, t.as_str()))
            .collect();
        let tokens = ner.token_count(&inputs).expect("NER inputs");
        if threads == 1 {
            let path = root().join("target/ner-bench-rows.json");
            dump_rows(&ner, &inputs, config.batch_size, &path);
        }
        let per_sec = rate(bench, budget, || {
            ner.recognize(&inputs).expect("NER runs");
        });
        println!(
            "ner ({threads} thread{}): {:.1} articles/s, {:.0} tokens/s ({} tokens per pass)",
            if threads == 1 { "" } else { "s" },
            per_sec * texts.len() as f64,
            per_sec * tokens as f64,
            tokens
        );
    }
}

/// Writes the model inputs of one NER pass for benches/ner_ort.py.
fn dump_rows(ner: &NerStage, inputs: &[(usize, Field, &str)], batch: usize, path: &Path) {
    let rows = ner.model_rows(inputs).expect("NER inputs");
    let json = serde_json::json!({
        "batch_size": batch,
        "articles": inputs.len(),
        "rows": rows.iter().map(|(ids, types)| serde_json::json!({"ids": ids, "types": types})).collect::<Vec<_>>(),
    });
    if let Err(e) = std::fs::write(path, json.to_string()) {
        eprintln!("cannot write {}: {e}", path.display());
    }
}
