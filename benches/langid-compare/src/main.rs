//! Language-detection comparison behind the language stage's design (README, *Language*): every
//! candidate detector and tidings' own stage on the 75 languages of `../shared/data/langid/`, at four
//! lengths (single words, word pairs, sentences, paragraphs of 5 consecutive sentences), with correct,
//! undetermined (`und`) and wrong answers counted apart, plus speed.
//!
//! The dev files hold lines 501–1000 of lingua's own test files (the first 500 are held out). They
//! are split once more here: `--part tune` is each file's first 150 lines (what thresholds were tuned
//! on), `--part check` the other 350 (reported, never looked at line by line), `--part all` both.
//!
//! Usage: `benches/langid-compare/run [--part tune|check|all] [--only NAME,..] [--kind KIND]
//!        [--confusions] [--limit N] [--margin M] [--dump FILE]` (`--dump`: evidence per text for `fit_pairs.py`)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use lingua::{LanguageDetector, LanguageDetectorBuilder};
use tidings::stages::lang::{LangConfig, LangStage};

const TUNE_LINES: usize = 150;
const PARAGRAPH_SENTENCES: usize = 5;
const KINDS: [&str; 4] = ["single word", "word pair", "sentence", "paragraph"];

struct Case {
    kind: &'static str,
    gold: String,
    text: String,
}

type Detect<'a> = Box<dyn Fn(&str) -> String + 'a>;

fn shared_langid() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/langid");
    std::env::var_os("TIDINGS_LANGID")
        .map(PathBuf::from)
        .unwrap_or(root)
}

fn load(part: &str, limit: usize) -> Vec<Case> {
    let dir = shared_langid();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no {}: this comparison needs ../shared beside the repository", dir.display());
        std::process::exit(2);
    };
    let mut codes: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    codes.sort();
    let mut cases = Vec::new();
    for code in &codes {
        for (kind, file) in [
            ("single word", "single-words.txt"),
            ("word pair", "word-pairs.txt"),
            ("sentence", "sentences.txt"),
        ] {
            let text = std::fs::read_to_string(dir.join(code).join(file)).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            let lines: Vec<&str> = match part {
                "tune" => lines.iter().take(TUNE_LINES).copied().collect(),
                "check" => lines.iter().skip(TUNE_LINES).copied().collect(),
                _ => lines,
            };
            let lines: Vec<&str> = lines.into_iter().filter(|l| !l.trim().is_empty()).collect();
            cases.extend(lines.iter().take(limit).map(|l| Case {
                kind,
                gold: code.clone(),
                text: l.to_string(),
            }));
            if kind == "sentence" {
                cases.extend(
                    lines
                        .chunks_exact(PARAGRAPH_SENTENCES)
                        .take(limit)
                        .map(|c| Case {
                            kind: "paragraph",
                            gold: code.clone(),
                            text: c.join(" "),
                        }),
                );
            }
        }
    }
    cases
}

fn lingua_code(d: &LanguageDetector, s: &str) -> String {
    d.detect_language_of(s)
        .map_or("und".to_string(), |l| l.iso_code_639_1().to_string())
}

/// One TSV line per text with every detector's raw evidence, for exploring cascade rules offline.
fn dump(cases: &[Case], path: &str) {
    use std::io::Write;
    let lingua = LanguageDetectorBuilder::from_all_languages()
        .with_preloaded_language_models()
        .build();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("dump file"));
    for c in cases {
        let cld = cld2::detect_language_ext(&c.text, cld2::Format::Text, &Default::default());
        let code = |i: usize| {
            cld.scores
                .get(i)
                .and_then(|s| s.language)
                .map_or("und", |l| tidings::stages::lang::cld2_code(l.0))
        };
        let pct = |i: usize| cld.scores.get(i).map_or(0, |s| s.percent);
        let values = lingua.compute_language_confidence_values(c.text.as_str());
        let lv = |i: usize| {
            values
                .get(i)
                .map_or(("und".to_string(), 0.0), |(l, v)| (l.iso_code_639_1().to_string(), *v))
        };
        let (l1, c1) = lv(0);
        let (l2, c2) = lv(1);
        let (l3, c3) = lv(2);
        let letters = c.text.chars().filter(|c| c.is_alphabetic()).count();
        let wl = whatlang::detect(&c.text);
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.4}\t{}\t{:.4}\t{}\t{:.4}\t{}\t{}\t{:.3}",
            c.kind,
            c.gold,
            code(0),
            cld.reliability == cld2::Reliability::Reliable,
            pct(0),
            code(1),
            pct(1),
            l1,
            c1,
            l2,
            c2,
            l3,
            c3,
            letters,
            wl.as_ref()
                .map_or("und", |i| tidings::stages::lang::whatlang_code(i.lang())),
            wl.map_or(0.0, |i| i.confidence())
        );
    }
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let part = flag("--part").unwrap_or_else(|| "check".into());
    let limit: usize = flag("--limit")
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let only: Option<Vec<String>> =
        flag("--only").map(|v| v.split(',').map(str::to_string).collect());
    let confusions = args.iter().any(|a| a == "--confusions");
    let mut cases = load(&part, limit);
    if let Some(kind) = flag("--kind") {
        cases.retain(|c| c.kind == kind);
    }
    if let Some(path) = flag("--dump") {
        dump(&cases, &path);
        return;
    }
    let languages = cases
        .iter()
        .map(|c| c.gold.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();

    let whatlang = whatlang::Detector::new();
    let t = Instant::now();
    let lingua_high = LanguageDetectorBuilder::from_all_languages()
        .with_preloaded_language_models()
        .build();
    let lingua_low = LanguageDetectorBuilder::from_all_languages()
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build();
    eprintln!(
        "lingua: models loaded in {:.1} s, RSS {:.0} MB",
        t.elapsed().as_secs_f64(),
        rss_mb()
    );
    let t = Instant::now();
    let mut config = LangConfig::default();
    if let Some(m) = flag("--margin").and_then(|v| v.parse().ok()) {
        config.min_margin = m;
    }
    let stage = LangStage::new(config);
    eprintln!(
        "tidings lang stage: built in {:.1} s, RSS {:.0} MB",
        t.elapsed().as_secs_f64(),
        rss_mb()
    );

    let detectors: Vec<(&str, Detect)> = vec![
        (
            "whatlang 0.18",
            Box::new(|s| {
                whatlang
                    .detect_lang(s)
                    .map_or("und", tidings::stages::lang::whatlang_code)
                    .to_string()
            }),
        ),
        (
            "cld2 1.0.2",
            Box::new(|s| {
                cld2::detect_language(s, cld2::Format::Text)
                    .0
                    .map_or("und".to_string(), |l| {
                        tidings::stages::lang::cld2_code(l.0).to_string()
                    })
            }),
        ),
        ("lingua 1.8 high", Box::new(|s| lingua_code(&lingua_high, s))),
        ("lingua 1.8 low", Box::new(|s| lingua_code(&lingua_low, s))),
        ("tidings lang stage", Box::new(|s| stage.detect(s, None).code)),
    ];

    println!(
        "{languages} languages, part `{part}` of ../shared/data/langid ({} texts); correct % (und %, wrong %)\n",
        cases.len()
    );
    println!("| detector | single word | word pair | sentence | paragraph | sentences/s | MB/s (paragraphs) |");
    println!("|---|---|---|---|---|---|---|");
    for (name, detect) in &detectors {
        if only
            .as_ref()
            .is_some_and(|o| !o.iter().any(|n| name.starts_with(n.as_str())))
        {
            continue;
        }
        let mut row = format!("| {name} |");
        let mut confused: BTreeMap<(String, String, &str), usize> = BTreeMap::new();
        for kind in KINDS {
            let of_kind: Vec<&Case> = cases.iter().filter(|c| c.kind == kind).collect();
            if of_kind.is_empty() {
                row += " – |";
                continue;
            }
            let (mut right, mut und, mut wrong) = (0usize, 0usize, 0usize);
            for c in &of_kind {
                let got = detect(&c.text);
                if got == c.gold {
                    right += 1;
                } else if got == "und" {
                    und += 1;
                } else {
                    wrong += 1;
                    *confused.entry((c.gold.clone(), got, kind)).or_default() += 1;
                }
            }
            let pct = |n: usize| 100.0 * n as f64 / of_kind.len().max(1) as f64;
            row += &format!(
                " {:.1} ({:.1}, {:.1}) |",
                pct(right),
                pct(und),
                pct(wrong)
            );
        }
        let speed = |kind: &str| {
            let texts: Vec<&str> = cases
                .iter()
                .filter(|c| c.kind == kind)
                .map(|c| c.text.as_str())
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
        if confusions {
            let mut top: Vec<_> = confused.into_iter().collect();
            top.sort_by(|a, b| b.1.cmp(&a.1));
            for ((gold, got, kind), n) in top.into_iter().take(40) {
                eprintln!("  {name}: {gold}→{got} ({kind}) ×{n}");
            }
        }
    }
}
