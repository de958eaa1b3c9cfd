//! The rust-bert (libtorch) NER backend against the ONNX Runtime one, on the shipped model converted by
//! `training/onnx_to_torch.py`. Runs only in a `--features rust-bert` build: `scripts/rust-bert`.
#![cfg(feature = "rust-bert")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tidings::record::Field;
use tidings::stages::ner::{Backend, NerConfig, NerStage};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stage(backend: Backend, model_dir: &Path) -> NerStage {
    let config = NerConfig {
        model_dir: model_dir.to_path_buf(),
        backend,
        runtime_path: Some(root().join(tidings::stages::ner::model::DEFAULT_RUNTIME)),
        threads: 2,
        ..Default::default()
    };
    NerStage::build(&config).unwrap_or_else(|e| panic!("{e} — run scripts/rust-bert"))
}

fn torch() -> NerStage {
    stage(
        Backend::RustBert,
        &root().join(".cache/models/ner-minilm-conll-torch"),
    )
}

fn seeds() -> Vec<String> {
    let dir = root().join("../shared/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

type Found = BTreeSet<(String, String, usize, usize)>;

fn entities(s: &NerStage, texts: &[String]) -> Vec<Found> {
    let input: Vec<(usize, Field, &str)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (i, Field::Text, t.as_str()))
        .collect();
    s.recognize(&input)
        .expect("inference")
        .into_iter()
        .zip(texts)
        .map(|(ents, text)| {
            ents.into_iter()
                .map(|e| {
                    let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
                    assert_eq!(slice, e.text, "offsets are code points into the field");
                    (e.text, e.label, e.start, e.end)
                })
                .collect()
        })
        .collect()
}

#[test]
fn rust_bert_backend_finds_the_seed_entities() {
    let texts = seeds();
    if texts.is_empty() {
        eprintln!("skipping: ../shared/seeds not found");
        return;
    }
    let found: BTreeSet<(String, String)> = entities(&torch(), &texts)
        .into_iter()
        .flatten()
        .map(|(t, l, _, _)| (t, l))
        .collect();
    for (text, label) in [
        ("Wilbur Ross", "PER"),
        ("Gao Feng", "PER"),
        ("Li Keqiang", "PER"),
        ("Ministry of Commerce", "ORG"),
        ("Global Times", "ORG"),
        ("Commerce Department", "ORG"),
        ("Beijing", "LOC"),
        ("China", "LOC"),
        ("Washington", "LOC"),
    ] {
        assert!(
            found.contains(&(text.to_string(), label.to_string())),
            "{text} as {label} not found by the rust-bert backend"
        );
    }
}

#[test]
fn rust_bert_and_onnx_backends_agree_on_the_seeds() {
    let texts = seeds();
    if texts.is_empty() {
        eprintln!("skipping: ../shared/seeds not found");
        return;
    }
    let onnx = stage(Backend::Onnx, &root().join("models/ner-minilm-conll"));
    let a: Found = entities(&onnx, &texts).into_iter().flatten().collect();
    let b: Found = entities(&torch(), &texts).into_iter().flatten().collect();
    let both = a.intersection(&b).count();
    let agreement = 2.0 * both as f64 / (a.len() + b.len()).max(1) as f64;
    println!(
        "seed entities: onnx {}, rust-bert {}, identical {both} (agreement {:.1}%)",
        a.len(),
        b.len(),
        100.0 * agreement
    );
    for e in a.symmetric_difference(&b) {
        println!(
            "  only in {}: {e:?}",
            if a.contains(e) { "onnx" } else { "rust-bert" }
        );
    }
    // The torch weights are the int8 ones dequantized, and ONNX Runtime also quantizes activations on
    // the fly: scores differ slightly, the entities should almost all be the same.
    assert!(agreement >= 0.9, "backends disagree: {agreement:.3}");
}

#[test]
fn rust_bert_backend_handles_empty_text_and_long_articles() {
    let s = torch();
    let long = seeds().concat().repeat(2);
    let mixed =
        "😀 Premier Li Keqiang met 北京 officials in Beijing on Monday, the Global Times said.";
    let texts = vec![String::new(), mixed.to_string(), long];
    let found = entities(&s, &texts);
    assert!(found[0].is_empty());
    // Offsets after emoji and CJK are checked inside `entities`; the names must match ONNX's.
    let onnx = stage(Backend::Onnx, &root().join("models/ner-minilm-conll"));
    let want = entities(&onnx, &texts[1..2]).remove(0);
    assert!(!want.is_empty());
    assert_eq!(
        found[1].iter().map(|e| &e.0).collect::<Vec<_>>(),
        want.iter().map(|e| &e.0).collect::<Vec<_>>()
    );
    assert!(
        found[2].len() > 20,
        "long article: {} entities",
        found[2].len()
    );
}
