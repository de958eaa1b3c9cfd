//! whatlang vs whichlang vs lingua (and tidings' own lang stage, whatlang plus its "und" policy) on the
//! 16 languages all three cover: accuracy by text length and speed, printed as Markdown tables.
//!
//! Test texts: lingua's per-language `testdata/` (single words, word pairs, sentences) from the cargo
//! registry. lingua's authors publish these to score lingua, so read its numbers as an upper bound.

use std::path::PathBuf;
use std::time::Instant;

use lingua::{Language, LanguageDetectorBuilder};
use tidings::stages::lang::{iso639_1, whichlang_code, LangConfig, LangStage};

const PER_KIND: usize = 200;
const PARAGRAPH_SENTENCES: usize = 8;

/// (ISO 639-1, lingua language, lingua model crate name).
const LANGS: &[(&str, Language, &str)] = &[
    ("ar", Language::Arabic, "arabic"),
    ("nl", Language::Dutch, "dutch"),
    ("en", Language::English, "english"),
    ("fr", Language::French, "french"),
    ("de", Language::German, "german"),
    ("hi", Language::Hindi, "hindi"),
    ("it", Language::Italian, "italian"),
    ("ja", Language::Japanese, "japanese"),
    ("ko", Language::Korean, "korean"),
    ("zh", Language::Chinese, "chinese"),
    ("pt", Language::Portuguese, "portuguese"),
    ("ru", Language::Russian, "russian"),
    ("es", Language::Spanish, "spanish"),
    ("sv", Language::Swedish, "swedish"),
    ("tr", Language::Turkish, "turkish"),
    ("vi", Language::Vietnamese, "vietnamese"),
];

fn testdata(model: &str, file: &str) -> Vec<String> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"));
    let prefix = format!("lingua-{model}-language-model-");
    let Ok(indexes) = std::fs::read_dir(home.join("registry/src")) else {
        return Vec::new();
    };
    for index in indexes.flatten() {
        let Ok(crates) = std::fs::read_dir(index.path()) else {
            continue;
        };
        for c in crates.flatten() {
            if c.file_name().to_string_lossy().starts_with(&prefix) {
                if let Ok(s) = std::fs::read_to_string(c.path().join("testdata").join(file)) {
                    return s
                        .lines()
                        .map(str::to_string)
                        .filter(|l| !l.is_empty())
                        .collect();
                }
            }
        }
    }
    Vec::new()
}

type Detect<'a> = Box<dyn Fn(&str) -> String + 'a>;

fn main() {
    let kinds = [
        ("single word", "single-words.txt"),
        ("word pair", "word-pairs.txt"),
        ("sentence", "sentences.txt"),
    ];
    // (kind, gold code, text)
    let mut cases: Vec<(&str, &str, String)> = Vec::new();
    for &(code, _, model) in LANGS {
        for (kind, file) in kinds {
            let lines = testdata(model, file);
            if lines.is_empty() {
                eprintln!(
                    "no lingua testdata for {model}: run `cargo fetch` in benches/langid-compare"
                );
                std::process::exit(2);
            }
            cases.extend(lines.iter().take(PER_KIND).map(|l| (kind, code, l.clone())));
            if kind == "sentence" {
                let paragraphs = lines
                    .chunks(PARAGRAPH_SENTENCES)
                    .take(PER_KIND / 4)
                    .map(|c| c.join(" "));
                cases.extend(paragraphs.map(|p| ("paragraph", code, p)));
            }
        }
    }

    let allow: Vec<whatlang::Lang> = whatlang::Lang::all()
        .iter()
        .copied()
        .filter(|l| LANGS.iter().any(|(c, _, _)| *c == iso639_1(*l)))
        .collect();
    let whatlang_all = whatlang::Detector::new();
    let whatlang_16 = whatlang::Detector::with_allowlist(allow);
    let t = Instant::now();
    let lingua = LanguageDetectorBuilder::from_languages(
        &LANGS.iter().map(|(_, l, _)| *l).collect::<Vec<_>>(),
    )
    .with_preloaded_language_models()
    .build();
    eprintln!(
        "lingua: models loaded in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let stage = LangStage::new(LangConfig::default());

    let detectors: Vec<(&str, Detect)> = vec![
        (
            "whatlang (69 langs)",
            Box::new(|s| {
                whatlang_all
                    .detect_lang(s)
                    .map_or("und", iso639_1)
                    .to_string()
            }),
        ),
        (
            "whatlang (same 16)",
            Box::new(|s| {
                whatlang_16
                    .detect_lang(s)
                    .map_or("und", iso639_1)
                    .to_string()
            }),
        ),
        (
            "whichlang (16)",
            Box::new(|s| whichlang_code(whichlang::detect_language(s)).to_string()),
        ),
        (
            "lingua (16, high accuracy)",
            Box::new(|s| {
                lingua
                    .detect_language_of(s)
                    .map_or("und".to_string(), |l| l.iso_code_639_1().to_string())
            }),
        ),
        (
            "tidings lang stage",
            Box::new(|s| stage.detect(s, None).code),
        ),
    ];

    let kinds_all = ["single word", "word pair", "sentence", "paragraph"];
    println!(
        "{} languages ({}), up to {PER_KIND} texts per language and length\n",
        LANGS.len(),
        LANGS.iter().map(|l| l.0).collect::<Vec<_>>().join(" ")
    );
    println!("| detector | single word | word pair | sentence | paragraph | und (all) | wrong (all) | sentences/s | MB/s (paragraphs) |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for (name, detect) in &detectors {
        let mut row = format!("| {name} |");
        let (mut und, mut wrong) = (0, 0);
        for kind in kinds_all {
            let of_kind: Vec<_> = cases.iter().filter(|c| c.0 == kind).collect();
            let mut right = 0;
            for (_, gold, text) in &of_kind {
                let got = detect(text);
                right += usize::from(got == *gold);
                und += usize::from(got == "und");
                wrong += usize::from(got != *gold && got != "und");
            }
            row += &format!(" {:.1} |", 100.0 * right as f64 / of_kind.len() as f64);
        }
        row += &format!(
            " {:.1}% | {:.1}% |",
            100.0 * und as f64 / cases.len() as f64,
            100.0 * wrong as f64 / cases.len() as f64
        );
        let speed = |kind: &str| {
            let texts: Vec<&str> = cases
                .iter()
                .filter(|c| c.0 == kind)
                .map(|c| c.2.as_str())
                .collect();
            let bytes: usize = texts.iter().map(|t| t.len()).sum();
            let t = Instant::now();
            for s in &texts {
                std::hint::black_box(detect(s));
            }
            let secs = t.elapsed().as_secs_f64();
            (texts.len() as f64 / secs, bytes as f64 / secs / 1e6)
        };
        row += &format!(
            " {:.0} | {:.2} |",
            speed("sentence").0,
            speed("paragraph").1
        );
        println!("{row}");
    }
}
