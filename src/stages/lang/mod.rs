//! Language detection: which language (ISO 639-1) and script an article is written in, how sure the
//! stage is, and whether that decision may turn language-specific stages off.
//!
//! A cascade, chosen by measurement (`benches/langid-compare/run`, README *Quality*):
//! - **CLD2** (`cld2` crate, Google's compact detector in bundled C++) reads samples with at least
//!   `fast_min_letters` letters and answers in microseconds; its answer is taken when it calls itself
//!   reliable and names one of the languages lingua knows.
//! - Everything else — titles, short records, long text CLD2 is unsure of — gets a **soft vote**:
//!   lingua's confidences (75 languages, the most accurate detector here on short text, ~100× slower
//!   than CLD2) plus CLD2's and whatlang's answers; where lingua's best two are a known close pair
//!   (`close-pairs.tsv`: bs/hr, hi/mr, nb/nn…), the pair's fitted rule decides between them.
//! - When either path answers a language of a **group** no general detector separates ({id, ms},
//!   {bs, hr, sr}), the group's own small model decides within the group (`group.rs`, `groups.tsv`).
//!
//! The answer is "und" only when the evidence is split: no letters, or the vote's best two within
//! `min_margin`. The crawler's `lang` hint wins when detection is split, or when the sample has too
//! little running text to judge (tables, score lines, name lists), provided the text could be written
//! in the hint's language.
//!
//! `reliable` says whether the decision may be acted on: a detector's answer (not a hint, not "und")
//! over at least `min_running_letters` letters of running text — lines that read like prose rather
//! than a table or a headline. With that much prose, only the prose is judged. NER's language gate
//! and the claim tagger's number format read `reliable`.

use lingua::{IsoCode639_1, Language as Lingua, LanguageDetector, LanguageDetectorBuilder};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::OnceLock;

mod group;

use super::{Stage, StageError};
use crate::record::{Article, Language};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LangConfig {
    pub enabled: bool,
    /// Characters of text read after the title: language does not change mid-article often enough
    /// to pay for reading all of it.
    pub sample_chars: usize,
    /// Samples with at least this many letters are offered to CLD2 first.
    pub fast_min_letters: usize,
    /// The vote's best language must lead the runner-up by more than this, else "und" (0: only an
    /// exact tie, or no evidence, is "und").
    pub min_margin: f64,
    /// Letters of running text a decision needs to be `reliable` (to turn NER off, or to fix the
    /// number format).
    pub min_running_letters: usize,
}

impl Default for LangConfig {
    fn default() -> Self {
        LangConfig {
            enabled: true,
            sample_chars: 1000,
            fast_min_letters: 200,
            min_margin: 0.0,
            min_running_letters: 60,
        }
    }
}

pub struct LangStage {
    config: LangConfig,
    lingua: &'static LanguageDetector,
}

/// lingua's detector over all 75 languages, shared by every stage of the process. Its models are
/// finite-state transducers compiled into the binary and read in place, so "preloading" costs
/// milliseconds, not memory.
fn lingua() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        LanguageDetectorBuilder::from_all_languages()
            .with_preloaded_language_models()
            .build()
    })
}

/// One detector's verdict before the policy is applied.
struct Verdict {
    lang: Lingua,
    confidence: f64,
    method: &'static str,
    /// False when the evidence is split (the vote's best two within `min_margin`).
    decided: bool,
}

impl LangStage {
    pub fn new(config: LangConfig) -> Self {
        LangStage {
            config,
            lingua: lingua(),
        }
    }

    /// Detects the language of a piece of text; exposed for the eval/bench commands and other stages.
    pub fn detect(&self, text: &str, hint: Option<&str>) -> Language {
        let script = whatlang::detect_script(text)
            .map_or_else(|| "Zyyy".to_string(), |s| s.name().to_string());
        let script = script.as_str();
        let hint_lang = hint.and_then(lang_from_hint);
        // With enough prose, judge the prose alone: a results table or a name list around it only
        // adds names, which read as any language.
        let prose = running_text(text);
        let prose_letters = letters(&prose);
        let enough_prose = prose_letters >= self.config.min_running_letters;
        let (sample, n) = if enough_prose {
            (prose.as_str(), prose_letters)
        } else {
            (text, letters(text))
        };
        // CLD2 runs once: the fast path takes its answer if reliable, the vote counts it otherwise.
        let verdict = (n > 0).then(|| {
            let cld = cld2_answer(sample);
            self.fast(sample, cld, n)
                .unwrap_or_else(|| self.careful(sample, cld))
        });
        // The hint is believed when detection cannot settle the question on its own, and only if the
        // text could be written in it (lingua gives a language outside the text's script 0).
        let unsure = verdict.as_ref().is_none_or(|v| !v.decided);
        if let Some(h) = hint_lang.filter(|_| unsure || !enough_prose) {
            if n == 0 || self.lingua.compute_language_confidence(sample, h) > 0.0 {
                return language(h, script, 0.5, "hint", false);
            }
        }
        match verdict {
            Some(v) if v.decided => {
                language(v.lang, script, round3(v.confidence), v.method, enough_prose)
            }
            Some(v) => und(script, round3(v.confidence), v.method),
            None => und(script, 0.0, "none"),
        }
    }

    /// CLD2 on long samples: taken when it says reliable and names a language lingua knows.
    fn fast(&self, text: &str, cld: Option<Cld2Answer>, letters: usize) -> Option<Verdict> {
        if letters < self.config.fast_min_letters {
            return None;
        }
        let (lang, reliable, confidence) = cld?;
        if !reliable {
            return None;
        }
        // lingua is not run on this path (it is what the path saves), so the group model decides
        // alone; CLD2's share stays the confidence.
        let (lang, method) = match group::group_of(lang) {
            Some(g) => (g.decide(text, lang, |_| 0.0), "cld2+group"),
            None => (lang, "cld2"),
        };
        Some(Verdict {
            lang,
            confidence,
            method,
            decided: true,
        })
    }

    /// Everything the fast path left (short text, or CLD2 unsure): a soft vote of lingua's
    /// confidences with CLD2's and whatlang's answers, then the close-pair table where lingua's best
    /// two are a pair it knows (bs/hr, hi/mr…); "und" if the best two stay within `min_margin`.
    /// Weights and table: `benches/langid-compare/fit_pairs.py`, fitted on the tune part only.
    fn careful(&self, text: &str, cld: Option<Cld2Answer>) -> Verdict {
        let values = self.lingua.compute_language_confidence_values(text);
        let top: Vec<(Lingua, f64)> = values.iter().copied().take(3).collect();
        let what = whatlang::detect(text).and_then(|i| {
            let code = IsoCode639_1::from_str(whatlang_code(i.lang())).ok()?;
            Some((Lingua::from_iso_code_639_1(&code), i.confidence()))
        });
        // Candidates in lingua's order first, so ties go to lingua.
        let mut score: Vec<(Lingua, f64)> = top.clone();
        let mut add = |lang: Lingua, weight: f64| match score.iter_mut().find(|(l, _)| *l == lang) {
            Some(entry) => entry.1 += weight,
            None => score.push((lang, weight)),
        };
        if let Some((lang, reliable, share)) = cld {
            add(
                lang,
                if reliable { W_CLD2_RELIABLE } else { 0.0 } + W_CLD2_SHARE * share,
            );
        }
        if let Some((lang, confidence)) = what {
            add(lang, W_WHATLANG * confidence);
        }
        let mut best = (Lingua::English, f64::MIN);
        let mut second = f64::MIN;
        for &(lang, s) in &score {
            if s > best.1 {
                second = best.1;
                best = (lang, s);
            } else if s > second {
                second = s;
            }
        }
        let confidence_of =
            |lang: Lingua| values.iter().find(|(l, _)| *l == lang).map_or(0.0, |v| v.1);
        let has_evidence = top.first().is_some_and(|v| v.1 > 0.0);
        let (lang, margin) = match (top.first(), top.get(1)) {
            (Some(&(l1, v1)), Some(&(l2, v2))) => match close_pairs().get(&(l1, l2)) {
                Some(PairRule::Cld2) => match cld.filter(|c| c.0 == l1 || c.0 == l2) {
                    Some((lang, ..)) => (lang, f64::INFINITY),
                    None => (best.0, best.1 - second),
                },
                // `lead` is what l1 needs over l2 to win.
                Some(PairRule::Lead(lead)) if v1 - v2 >= *lead => (l1, v1 - v2 - lead),
                Some(PairRule::Lead(lead)) => (l2, lead - (v1 - v2)),
                None => (best.0, best.1 - second),
            },
            _ => (best.0, best.1 - second),
        };
        // Inside a group the group model decides, leaning on lingua's confidences; a single word
        // is left to lingua, which reads one word better than the group model does on the tune part.
        let (lang, method) = match group::group_of(lang) {
            Some(g) if text.split_whitespace().nth(1).is_some() => (
                g.decide(text, lang, |l| W_LINGUA_IN_GROUP * confidence_of(l)),
                "lingua+group",
            ),
            _ => (lang, "lingua"),
        };
        Verdict {
            lang,
            confidence: confidence_of(lang),
            method,
            decided: has_evidence && margin > self.config.min_margin,
        }
    }
}

/// Soft-vote weights (fitted with the close-pair table, see `careful`).
const W_CLD2_RELIABLE: f64 = 0.05;
const W_CLD2_SHARE: f64 = 0.1;
const W_WHATLANG: f64 = 0.1;
/// Weight of lingua's confidence next to the group model's log-odds: 0, 5, 10, 20, 40 tried by
/// cross-validation on the tune part (`fit_groups.py --cv --dump`); 20 mended the most sentences.
const W_LINGUA_IN_GROUP: f64 = 20.0;

/// How a close pair is decided when lingua's best two are that pair.
#[derive(Debug, Clone, Copy, PartialEq)]
enum PairRule {
    /// The first of the two (in lookup order) wins if its confidence leads by at least this.
    Lead(f64),
    /// CLD2's answer, if it names one of the two.
    Cld2,
}

/// CLD2's best language, whether it calls the answer reliable, and that language's share of the text.
type Cld2Answer = (Lingua, bool, f64);

/// CLD2's best language (if lingua knows it), whether CLD2 calls the answer reliable, and its share.
fn cld2_answer(text: &str) -> Option<Cld2Answer> {
    let found = cld2::detect_language_ext(text, cld2::Format::Text, &Default::default());
    let top = found.scores.first()?;
    let code = IsoCode639_1::from_str(cld2_code(top.language?.0)).ok()?;
    Some((
        Lingua::from_iso_code_639_1(&code),
        found.reliability == cld2::Reliability::Reliable,
        f64::from(top.percent) / 100.0,
    ))
}

/// `close-pairs.tsv` as a map from (best, runner-up) to its rule, stored both ways round.
fn close_pairs() -> &'static HashMap<(Lingua, Lingua), PairRule> {
    static PAIRS: OnceLock<HashMap<(Lingua, Lingua), PairRule>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let lang = |code: &str| {
            IsoCode639_1::from_str(code)
                .ok()
                .map(|c| Lingua::from_iso_code_639_1(&c))
        };
        let mut map = HashMap::new();
        for line in include_str!("close-pairs.tsv").lines() {
            let fields: Vec<&str> = line
                .split('#')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            // The file is ours and a unit test checks every row parses; a bad row is skipped.
            let [a, b, rule] = fields[..] else { continue };
            let (Some(a), Some(b)) = (lang(a), lang(b)) else {
                continue;
            };
            if rule == "cld2" {
                map.insert((a, b), PairRule::Cld2);
                map.insert((b, a), PairRule::Cld2);
            } else if let Ok(t) = rule.parse::<f64>() {
                map.insert((a, b), PairRule::Lead(t));
                map.insert((b, a), PairRule::Lead(-t));
            }
        }
        map
    })
}

impl Stage for LangStage {
    fn name(&self) -> &'static str {
        "lang"
    }

    fn process(&self, article: &mut Article) -> Result<(), StageError> {
        let mut sample = String::with_capacity(article.title.len() + self.config.sample_chars + 2);
        sample.push_str(&article.title);
        sample.push('\n');
        sample.extend(article.text.chars().take(self.config.sample_chars));
        article.language = Some(self.detect(&sample, article.lang_hint.as_deref()));
        Ok(())
    }
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// Whether a line reads like prose: at least four words, most of them starting with a lower-case
/// (or caseless) letter. Tables, score lines, name lists and all-caps headlines are mostly names and
/// numbers, and a language guessed from them must not switch a stage off.
fn is_prose(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let lowerish = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_uppercase()))
        .count();
    words.len() >= 4 && lowerish * 2 > words.len()
}

/// The prose lines of `text`, one per line.
pub fn running_text(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().filter(|l| is_prose(l)) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Letters of running text (see [`running_text`]).
pub fn running_letters(text: &str) -> usize {
    letters(&running_text(text))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn language(lang: Lingua, script: &str, confidence: f64, method: &str, reliable: bool) -> Language {
    Language {
        code: lang.iso_code_639_1().to_string(),
        name: lang.to_string(),
        script: script.to_string(),
        confidence,
        method: method.to_string(),
        reliable,
    }
}

fn und(script: &str, confidence: f64, method: &str) -> Language {
    Language {
        code: "und".into(),
        name: "Undetermined".into(),
        script: script.to_string(),
        confidence,
        method: method.to_string(),
        reliable: false,
    }
}

/// Accepts "en", "en-US", "eng", "English" style hints.
fn lang_from_hint(hint: &str) -> Option<Lingua> {
    let base = hint.trim().split(['-', '_']).next()?;
    if base.len() == 2 {
        return IsoCode639_1::from_str(base)
            .ok()
            .map(|c| Lingua::from_iso_code_639_1(&c));
    }
    if base.len() == 3 {
        if let Ok(c) = lingua::IsoCode639_3::from_str(base) {
            return Some(Lingua::from_iso_code_639_3(&c));
        }
    }
    Lingua::from_str(base).ok()
}

/// CLD2 names a few languages by older codes; tidings speaks current ISO 639-1.
pub fn cld2_code(code: &str) -> &str {
    match code {
        "iw" => "he",
        "jw" => "jv",
        "no" => "nb",
        "zh-Hant" => "zh",
        "sr-ME" => "sr",
        other => other,
    }
}

/// whatlang names languages in ISO 639-3; tidings speaks ISO 639-1 (used by the comparison bench).
pub fn whatlang_code(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage() -> LangStage {
        LangStage::new(LangConfig::default())
    }

    #[test]
    fn detects_common_news_languages_with_script() {
        let cases = [
            (
                "The ministry said imports rose sharply in the first half of the year.",
                "en",
                "Latin",
            ),
            (
                "Die Regierung hat am Mittwoch neue Zölle auf Stahl angekündigt.",
                "de",
                "Latin",
            ),
            (
                "Le gouvernement a annoncé mercredi de nouveaux droits de douane sur l'acier.",
                "fr",
                "Latin",
            ),
            (
                "Правительство в среду объявило о новых пошлинах на сталь.",
                "ru",
                "Cyrillic",
            ),
            // Languages whatlang never knew: each used to get a confident wrong answer.
            (
                "Serikali imetangaza ushuru mpya kwa chuma na alumini siku ya Jumatano.",
                "sw",
                "Latin",
            ),
            (
                "Ríomhaire glúine nua a cheannaigh sí inné ón siopa sa bhaile mór.",
                "ga",
                "Latin",
            ),
        ];
        for (text, code, script) in cases {
            let l = stage().detect(text, None);
            assert_eq!(
                (l.code.as_str(), l.script.as_str()),
                (code, script),
                "{text}"
            );
        }
    }

    #[test]
    fn only_text_without_letters_is_undetermined() {
        for text in ["", "12:30 1996-08-24", "$309 - 4.28%"] {
            let l = stage().detect(text, None);
            assert_eq!(l.code, "und", "{text:?}");
            assert!(!l.reliable);
        }
        // Short text gets the best guess, marked as not reliable rather than blanked.
        let l = stage().detect("Exports rose in May", None);
        assert_eq!(l.code, "en");
        assert!(!l.reliable);
    }

    #[test]
    fn reliable_needs_a_detector_and_running_text() {
        let prose = "Die Bundesregierung hat am Mittwoch in Berlin angekündigt, dass die Zölle auf \
                     Stahl und Aluminium aus den Vereinigten Staaten zum ersten Juli steigen werden.";
        let l = stage().detect(prose, None);
        assert_eq!(l.code, "de");
        assert!(l.reliable, "{l:?}");
        // A headline, a results table and a name list are mostly names and numbers.
        for text in [
            "ZÖLLE AUF STAHL STEIGEN",
            "Hapoel Haifa 3 Maccabi Tel Aviv 1\nBeitar Jerusalem 2 Hapoel Petah Tikva 2\nMaccabi Haifa 0 Bnei Yehuda 1",
            "Mark Taylor, Michael Slater, Greg Blewett, Mark Waugh, Steve Waugh, Ricky Ponting, Ian Healy",
        ] {
            assert!(!stage().detect(text, None).reliable, "{text}");
        }
    }

    #[test]
    fn hint_wins_only_when_detection_cannot_decide_on_running_text() {
        // A name list: the crawler's word is better than a guess from names.
        let names = "Hapoel Haifa 3 Maccabi Tel Aviv 1\nBeitar Jerusalem 2 Hapoel Petah Tikva 2";
        let l = stage().detect(names, Some("en-GB"));
        assert_eq!((l.code.as_str(), l.method.as_str()), ("en", "hint"));
        assert!(!l.reliable);
        // A hint in another script is not believed.
        assert_ne!(
            stage().detect("Пошлины на сталь", Some("en")).method,
            "hint"
        );
        // Detection on running text beats a wrong hint.
        let l = stage().detect(
            "Die Regierung hat am Mittwoch neue Zölle auf Stahl und Aluminium aus den Vereinigten \
             Staaten angekündigt, die ab dem ersten Juli gelten sollen.",
            Some("en"),
        );
        assert_eq!(l.code, "de");
        assert_ne!(l.method, "hint");
    }

    #[test]
    fn title_only_records_get_a_language_that_does_not_gate() {
        let mut article = Article {
            title: "Zölle auf Stahl steigen um 4,5 Prozent".into(),
            ..Default::default()
        };
        stage().process(&mut article).expect("lang");
        let l = article.language.expect("a language");
        assert_eq!(l.code, "de");
        // One headline is too little running text to switch NER off or fix the number format.
        assert!(!l.reliable);
    }

    #[test]
    fn mixed_scripts_are_not_a_confident_latin_language() {
        let text = "مرحبا بكم في الأخبار 😀🎉 שלום לכולם והחדשות 🔥 الاقتصاد اليوم 📈 הכלכלה";
        let l = stage().detect(text, None);
        assert_ne!(l.script, "Latin", "{l:?}");
        assert!(
            ["ar", "he", "fa", "ur", "und"].contains(&l.code.as_str()),
            "{l:?}"
        );
    }

    #[test]
    fn running_letters_count_prose_lines_only() {
        assert_eq!(
            running_letters("SOCCER - ISRAELI FIRST DIVISION RESULTS."),
            0
        );
        assert_eq!(running_letters("Hapoel Haifa 3 Maccabi Tel Aviv 1"), 0);
        let line = "The club said on Sunday it would appeal.";
        assert_eq!(
            running_letters(&format!("RESULTS\n{line}")),
            line.chars().filter(|c| c.is_alphabetic()).count()
        );
    }

    /// Sentences written for this test (not from the dev set), each with words only its own
    /// language uses: Malay "bahawa", "kerajaan", "kewangan" against Indonesian "bahwa",
    /// "pemerintah", "keuangan"; Croatian "tisuća", "kolovoza", "sveučilište" against Bosnian
    /// "hiljada", "augusta", "univerzitet"; ekavian Serbian "reke", "nedelje" (in Latin lingua reads
    /// it as Bosnian, and the group model never saw Latin Serbian, so only the group is asserted).
    const GROUP_CASES: [(&str, &str); 7] = [
        (
            "Kerajaan Malaysia mengumumkan bahawa harga minyak akan dinaikkan minggu hadapan, \
             kata menteri kewangan semalam.",
            "ms",
        ),
        (
            "Pemerintah Indonesia mengumumkan bahwa harga bahan bakar akan naik minggu depan, \
             kata menteri keuangan kemarin.",
            "id",
        ),
        (
            "Sveučilište u Zagrebu primilo je u kolovozu više od tisuću novih studenata, \
             objavio je dekan u utorak.",
            "hr",
        ),
        (
            "Univerzitet u Sarajevu primio je u augustu više od hiljadu novih studenata, \
             saopćio je dekan u utorak.",
            "bs",
        ),
        (
            "Vodostaj reke je tokom prošle nedelje porastao za dva metra, saopštila je \
             uprava u ponedeljak.",
            "bs_hr_or_sr",
        ),
        (
            "Водостај реке је током прошле недеље порастао за два метра, саопштила је \
             управа у понедељак.",
            "sr",
        ),
        ("Harga minyak naik lagi", "id_or_ms"),
    ];

    #[test]
    fn the_group_model_separates_malay_indonesian_croatian_bosnian_serbian() {
        for (text, code) in GROUP_CASES {
            let l = stage().detect(text, None);
            if let Some(group) = code.strip_suffix("_or_ms").or(code.strip_suffix("_or_sr")) {
                let group: Vec<&str> = group.split('_').chain([&code[code.len() - 2..]]).collect();
                assert!(group.contains(&l.code.as_str()), "{text}: {l:?}");
                continue;
            }
            assert_eq!(l.code, code, "{text}: {l:?}");
            assert!(l.method.ends_with("+group"), "{text}: {l:?}");
        }
    }

    #[test]
    fn a_group_model_never_moves_a_language_outside_its_group() {
        let texts = GROUP_CASES.iter().map(|c| c.0).chain([
            "The ministry said imports rose.",
            "Die Regierung hat Zölle angekündigt.",
            "",
        ]);
        for model in group::groups() {
            for text in texts.clone() {
                for &current in model.langs() {
                    let got = model.decide(text, current, |_| 0.0);
                    assert!(model.langs().contains(&got), "{text}: {got:?}");
                    // Even a prior pulling hard towards a language outside the group is ignored.
                    let got =
                        model.decide(
                            text,
                            current,
                            |l| {
                                if l == Lingua::English {
                                    1e9
                                } else {
                                    0.0
                                }
                            },
                        );
                    assert!(model.langs().contains(&got), "{text}: {got:?}");
                }
            }
        }
        // And text in a language outside every group never reaches a group model.
        for text in [
            "The ministry said imports rose sharply in the first half of the year.",
            "Le gouvernement a annoncé mercredi de nouveaux droits de douane sur l'acier.",
        ] {
            assert!(
                !stage().detect(text, None).method.contains("group"),
                "{text}"
            );
        }
    }

    #[test]
    fn close_pairs_file_parses_completely() {
        let rows = include_str!("close-pairs.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert!(rows > 0);
        assert_eq!(
            close_pairs().len(),
            2 * rows,
            "a row of close-pairs.tsv did not parse"
        );
    }
}
