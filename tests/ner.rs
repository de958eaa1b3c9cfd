//! NER on real models through the real ONNX Runtime: the shipped news model and the rampart BERT PII
//! model (fetched by `scripts/setup --test`).

use std::path::{Path, PathBuf};

use tidings::record::Field;
use tidings::stages::ner::{NerConfig, NerStage};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stage(model_dir: &Path, max_tokens: usize) -> NerStage {
    let runtime = root().join(tidings::stages::ner::model::DEFAULT_RUNTIME);
    let config = NerConfig {
        model_dir: model_dir.to_path_buf(),
        runtime_path: std::env::var_os("ORT_DYLIB_PATH")
            .map(PathBuf::from)
            .or(Some(runtime)),
        max_tokens,
        overlap_tokens: 8,
        threads: 1,
        ..Default::default()
    };
    NerStage::build(&config).unwrap_or_else(|e| panic!("{e} — run scripts/setup --test first"))
}

fn shipped(max_tokens: usize) -> NerStage {
    stage(&root().join("models/ner-minilm-conll"), max_tokens)
}

fn ents(s: &NerStage, text: &str) -> Vec<(String, String, usize, usize)> {
    let found = s.recognize(&[(0, Field::Text, text)]).unwrap().remove(0);
    for e in &found {
        let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
        assert_eq!(slice, e.text, "offsets are code points into the field");
    }
    found
        .into_iter()
        .map(|e| (e.text, e.label, e.start, e.end))
        .collect()
}

#[test]
fn shipped_model_finds_the_seed_entities() {
    let dir = root().join("../shared/seeds");
    let Ok(files) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} not found", dir.display());
        return;
    };
    let s = shipped(256);
    let mut found = std::collections::BTreeSet::new();
    for f in files.flatten() {
        let text = std::fs::read_to_string(f.path()).unwrap();
        for (t, l, _, _) in ents(&s, &text) {
            found.insert((t, l));
        }
    }
    for (text, label) in [
        ("Wilbur Ross", "PER"),
        ("Gao Feng", "PER"),
        ("Li Keqiang", "PER"),
        ("Ministry of Commerce", "ORG"),
        ("Commerce Department", "ORG"),
        ("Beijing", "LOC"),
        ("China", "LOC"),
        ("Washington", "LOC"),
    ] {
        assert!(
            found.contains(&(text.to_string(), label.to_string())),
            "{text} as {label} not in {found:?}"
        );
    }
    assert!(
        found.contains(&("Global Times".to_string(), "ORG".to_string())),
        "{found:?}"
    );
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
