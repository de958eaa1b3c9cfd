//! NER on real models through the real ONNX Runtime: the shipped news model and the rampart BERT PII
//! model (fetched by `scripts/setup --test`). With `--features rust-bert`, module `rust_bert` runs the
//! same model on libtorch against the ONNX backend (`scripts/rust-bert`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tidings::record::Field;
use tidings::stages::ner::{NerConfig, NerStage};

/// Names the seed articles hold and any good news NER model must find (issue 4's list).
const SEED_ENTITIES: [(&str, &str); 9] = [
    ("Wilbur Ross", "PER"),
    ("Gao Feng", "PER"),
    ("Li Keqiang", "PER"),
    ("Ministry of Commerce", "ORG"),
    ("Global Times", "ORG"),
    ("Commerce Department", "ORG"),
    ("Beijing", "LOC"),
    ("China", "LOC"),
    ("Washington", "LOC"),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stage(model_dir: &Path, max_tokens: usize) -> NerStage {
    build(NerConfig {
        model_dir: model_dir.to_path_buf(),
        max_tokens,
        overlap_tokens: 8,
        threads: 1,
        ..Default::default()
    })
}

/// Builds a stage with the runtime scripts/setup installs (or $ORT_DYLIB_PATH).
fn build(config: NerConfig) -> NerStage {
    let runtime = root().join(tidings::stages::ner::model::DEFAULT_RUNTIME);
    let config = NerConfig {
        runtime_path: std::env::var_os("ORT_DYLIB_PATH")
            .map(PathBuf::from)
            .or(Some(runtime)),
        ..config
    };
    NerStage::build(&config).unwrap_or_else(|e| panic!("{e} — run scripts/setup --test first"))
}

/// `recognize` input: each text as the text field of its own article.
fn fields<'t>(texts: &[&'t str]) -> Vec<(usize, Field, &'t str)> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| (i, Field::Text, *t))
        .collect()
}

fn shipped(max_tokens: usize) -> NerStage {
    stage(&root().join("models/ner-minilm-conll"), max_tokens)
}

type Found = (String, String, usize, usize);

fn ents(s: &NerStage, text: &str) -> Vec<Found> {
    ents_batch(s, &[text]).remove(0)
}

/// Entities of several texts in one `recognize` call (windows of all texts share padded batches).
fn ents_batch(s: &NerStage, texts: &[&str]) -> Vec<Vec<Found>> {
    s.recognize(&fields(texts))
        .unwrap()
        .into_iter()
        .zip(texts)
        .map(|(found, text)| {
            found
                .into_iter()
                .map(|e| {
                    let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
                    assert_eq!(slice, e.text, "offsets are code points into the field");
                    (e.text, e.label, e.start, e.end)
                })
                .collect()
        })
        .collect()
}

/// The seed articles, in file-name order; None (and a message) when ../shared is absent.
fn seed_texts() -> Option<Vec<String>> {
    let dir = root().join("../shared/seeds");
    let Ok(files) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} not found", dir.display());
        return None;
    };
    let mut paths: Vec<PathBuf> = files.flatten().map(|e| e.path()).collect();
    paths.sort();
    Some(
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect(),
    )
}

/// Asserts every name of `SEED_ENTITIES` is among `found` (text, label) pairs.
fn assert_seed_entities(found: &BTreeSet<(String, String)>, engine: &str) {
    for (text, label) in SEED_ENTITIES {
        assert!(
            found.contains(&(text.to_string(), label.to_string())),
            "{text} as {label} not found by the {engine} backend in {found:?}"
        );
    }
}

#[test]
fn no_entity_runs_across_a_line_break() {
    let s = shipped(128);
    // Results tables and datelines: each line's names are separate places.
    let text = "BASEBALL - MAJOR LEAGUE RESULTS\nDETROIT\nCHICAGO\nNEW YORK 1996-08-28\nLOS ANGELES 4 SAN DIEGO 2\nTORONTO\nBOSTON";
    let found = ents(&s, text);
    for (t, ..) in &found {
        assert!(
            !t.contains('\n'),
            "entity across a line break: {t:?} in {found:?}"
        );
    }
    let names: BTreeSet<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
    for city in ["DETROIT", "CHICAGO", "TORONTO", "BOSTON"] {
        assert!(names.contains(city), "{city} missing: {found:?}");
    }
}

/// The shipped model stores int8 weights but computes in fp32 (training/weight_only.py): a window's
/// logits, and so an article's entities with their scores, are byte-identical whatever the batch size,
/// the thread count and the articles it shares model calls with. (With dynamic int8 activations they
/// were not: the quantisation scale was per batch.)
#[test]
fn entities_are_identical_whatever_the_batch_threads_or_neighbours() {
    let Some(seeds) = seed_texts() else { return };
    let at = |batch_size: usize, threads: usize| {
        build(NerConfig {
            model_dir: root().join("models/ner-minilm-conll"),
            batch_size,
            threads,
            ..Default::default()
        })
    };
    let json = |s: &NerStage, texts: &[&str]| -> Vec<String> {
        s.recognize(&fields(texts))
            .unwrap()
            .iter()
            .map(|e| serde_json::to_string(e).unwrap())
            .collect()
    };
    let one_by_one = at(1, 1);
    let alone: Vec<String> = seeds
        .iter()
        .map(|t| json(&one_by_one, &[t.as_str()]).remove(0))
        .collect();
    assert!(alone.iter().all(|e| e.len() > 2), "every seed has entities");
    // All seeds in one call, reversed, between a short headline and a long neighbour, so their
    // windows share padded batches with windows of other lengths.
    let long = seeds.concat();
    let mut mixed = vec!["SOCCER - LEADING ENGLISH RESULTS", long.as_str()];
    mixed.extend(seeds.iter().rev().map(String::as_str));
    for (batch_size, threads) in [(16, 2), (5, 1)] {
        let together = json(&at(batch_size, threads), &mixed);
        for (i, a) in alone.iter().enumerate() {
            assert_eq!(
                &together[mixed.len() - 1 - i],
                a,
                "seed {i}: batch {batch_size}, {threads} threads, with neighbours"
            );
        }
    }
}

#[test]
fn shipped_model_finds_the_seed_entities() {
    let Some(texts) = seed_texts() else { return };
    let s = shipped(256);
    let found: BTreeSet<(String, String)> = texts
        .iter()
        .flat_map(|t| ents(&s, t))
        .map(|(t, l, _, _)| (t, l))
        .collect();
    assert_seed_entities(&found, "onnx");
}

#[test]
fn long_articles_are_windowed_without_split_or_duplicate_entities() {
    let sentence = "Officials in Beijing met Wilbur Ross of the Commerce Department on Monday. ";
    let n = sentence.chars().count();
    let text = sentence.repeat(12);
    // Reference: the sentence alone, in one window. With 24-token windows the 12 copies span ~10
    // windows; every copy must come out with exactly the reference's entities, none cut or doubled.
    let one = ents(&shipped(128), sentence);
    assert_eq!(one.len(), 3, "{one:?}");
    let expected: Vec<_> = (0..12)
        .flat_map(|k| {
            one.iter()
                .map(move |(t, l, s, e)| (t.clone(), l.clone(), s + k * n, e + k * n))
        })
        .collect();
    assert_eq!(ents(&shipped(24), &text), expected);
}

#[test]
fn empty_emoji_and_cjk_text_keep_offsets_right() {
    let s = shipped(256);
    assert!(ents(&s, "").is_empty());
    assert!(ents(&s, "   \n ").is_empty());
    let text = "😀😀 北京 said: Wilbur Ross visited Washington 🇺🇸 today.";
    let e = ents(&s, text);
    assert!(
        e.iter().any(|x| x.0 == "Wilbur Ross" && x.1 == "PER"),
        "{e:?}"
    );
    assert!(e.iter().any(|x| x.0 == "Washington"), "{e:?}");
}

#[test]
fn rampart_bert_model_runs_through_the_same_engine() {
    let dir = root().join(".cache/models/rampart");
    assert!(
        dir.is_dir(),
        "{} missing — run scripts/setup --test",
        dir.display()
    );
    let text =
        "Please contact John Smith at john.smith@example.com or call 415-555-0199. ".repeat(6);
    // 20-token windows: the e-mail address (≈9 tokens) crosses a window edge in several repetitions.
    let windowed = ents(&stage(&dir, 20), &text);
    for (surface, label) in [
        ("John", "GIVEN_NAME"),
        ("Smith", "SURNAME"),
        ("john.smith@example.com", "EMAIL"),
        ("415-555-0199", "PHONE"),
    ] {
        let n = windowed
            .iter()
            .filter(|e| e.0 == surface && e.1 == label)
            .count();
        assert_eq!(
            n, 6,
            "{surface} as {label} once per repetition, whole: {windowed:?}"
        );
    }
    assert_eq!(
        windowed.len(),
        24,
        "no fragments or duplicates: {windowed:?}"
    );
}

#[cfg(feature = "rust-bert")]
mod rust_bert {
    //! The rust-bert (libtorch) backend on the shipped model as converted by
    //! `training/onnx_to_torch.py`, checked against the ONNX backend.

    use super::*;
    use tidings::stages::ner::Backend;

    fn on(backend: Backend, model_dir: &Path) -> NerStage {
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
        on(
            Backend::RustBert,
            &root().join(".cache/models/ner-minilm-conll-torch"),
        )
    }

    fn onnx() -> NerStage {
        on(Backend::Onnx, &root().join("models/ner-minilm-conll"))
    }

    fn all(s: &NerStage, texts: &[String]) -> BTreeSet<Found> {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        ents_batch(s, &refs).into_iter().flatten().collect()
    }

    #[test]
    fn rust_bert_backend_finds_the_seed_entities() {
        let Some(texts) = seed_texts() else { return };
        let found = all(&torch(), &texts)
            .into_iter()
            .map(|(t, l, _, _)| (t, l))
            .collect();
        assert_seed_entities(&found, "rust-bert");
    }

    #[test]
    fn rust_bert_and_onnx_backends_agree_on_the_seeds() {
        let Some(texts) = seed_texts() else { return };
        let a = all(&onnx(), &texts);
        let b = all(&torch(), &texts);
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
        // The torch weights are the int8 ones dequantized, and ONNX Runtime also quantizes
        // activations on the fly: scores differ slightly, the entities should almost all be the same.
        assert!(agreement >= 0.9, "backends disagree: {agreement:.3}");
    }

    #[test]
    fn rust_bert_backend_handles_empty_text_and_long_articles() {
        let s = torch();
        let long = seed_texts().unwrap_or_default().concat().repeat(2);
        let mixed =
            "😀 Premier Li Keqiang met 北京 officials in Beijing on Monday, the Global Times said.";
        let found = ents_batch(&s, &["", mixed, &long]);
        assert!(found[0].is_empty());
        // Offsets after emoji and CJK are checked inside `ents_batch`; the names must match ONNX's.
        let want = ents(&onnx(), mixed);
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
}
