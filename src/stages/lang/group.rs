//! Group models: deciding *within* a group of languages that general detectors cannot tell apart
//! ({id, ms}, {bs, hr, sr}). Lingua, CLD2 and whatlang all read a Malay or Bosnian line as
//! Indonesian or Croatian far more often than the other way round; a small naive Bayes model per
//! group, fitted on the tune part of the dev set, moves the answer between the group's languages
//! and never outside them.
//!
//! The models are data (`groups.tsv`, written by `benches/langid-compare/fit_groups.py`); this file
//! holds only the feature extraction (which must match the script's) and the scoring. No I/O.

use lingua::{IsoCode639_1, Language as Lingua};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;
use std::sync::OnceLock;

/// One group's model: per feature, each language's log-probability minus the group's mean.
pub(super) struct GroupModel {
    /// The group's classes, in the order of each feature's weights: a language, and the one script
    /// it was learnt in when its training text had only one (`sr-Cyrillic`), else `None`.
    langs: Vec<Lingua>,
    scripts: Vec<Option<String>>,
    /// Feature → index into `weights` (a row of `langs.len()` numbers).
    index: HashMap<Box<str>, u32, BuildHasherDefault<Fnv>>,
    weights: Vec<f32>,
}

/// Every group model of `groups.tsv`, parsed once per process.
pub(super) fn groups() -> &'static [GroupModel] {
    static GROUPS: OnceLock<Vec<GroupModel>> = OnceLock::new();
    GROUPS.get_or_init(|| parse(include_str!("groups.tsv")))
}

/// The group `lang` belongs to, if any.
pub(super) fn group_of(lang: Lingua) -> Option<&'static GroupModel> {
    groups().iter().find(|g| g.langs.contains(&lang))
}

fn parse(text: &str) -> Vec<GroupModel> {
    let lang = |code: &str| {
        IsoCode639_1::from_str(code)
            .ok()
            .map(|c| Lingua::from_iso_code_639_1(&c))
    };
    let mut groups: Vec<GroupModel> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let Some(head) = fields.next() else { continue };
        if head == "group" {
            // The file is ours and a unit test checks every row parses; an unknown code drops the
            // whole group rather than misalign its weights.
            let classes: Vec<(&str, Option<String>)> = fields
                .map(|c| match c.split_once('-') {
                    Some((code, script)) => (code, Some(script.to_string())),
                    None => (c, None),
                })
                .collect();
            let langs: Option<Vec<Lingua>> = classes.iter().map(|c| lang(c.0)).collect();
            groups.push(GroupModel {
                langs: langs.unwrap_or_default(),
                scripts: classes.into_iter().map(|c| c.1).collect(),
                index: HashMap::default(),
                weights: Vec::new(),
            });
            continue;
        }
        let Some(group) = groups.last_mut() else {
            continue;
        };
        let row: Vec<f32> = fields.filter_map(|w| w.parse().ok()).collect();
        if row.len() != group.langs.len() || group.langs.is_empty() {
            continue;
        }
        let at = (group.weights.len() / row.len()) as u32;
        group.index.insert(head.into(), at);
        group.weights.extend(row);
    }
    groups.retain(|g| g.langs.len() >= 2);
    groups
}

impl GroupModel {
    /// The group's languages, for tests.
    #[cfg(test)]
    pub(super) fn langs(&self) -> &[Lingua] {
        &self.langs
    }

    /// Features known to the model, for tests.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.index.len()
    }

    /// The naive Bayes score of each of the group's languages (in `langs()` order), plus `prior`
    /// (e.g. lingua's confidence scaled), summed over the text's distinct features. A text without
    /// a known feature scores the prior alone.
    pub(super) fn scores(&self, text: &str, prior: impl Fn(Lingua) -> f64) -> Vec<f64> {
        let n = self.langs.len();
        let mut score: Vec<f64> = self.langs.iter().map(|&l| prior(l)).collect();
        // Binary features: a feature counts once however often it occurs (as fitted).
        let mut seen = vec![false; self.index.len()];
        for_each_feature(text, |feature| {
            let Some(&row) = self.index.get(feature) else {
                return;
            };
            let row = row as usize;
            if !std::mem::replace(&mut seen[row], true) {
                for (s, w) in score.iter_mut().zip(&self.weights[row * n..row * n + n]) {
                    *s += f64::from(*w);
                }
            }
        });
        score
    }

    /// The group's language with the best score, among the classes learnt in the text's script
    /// (or in every script). `current` wins ties, so a text the model knows nothing of keeps its
    /// answer, and is kept outright when the model never saw it in this script (Serbian in Latin).
    pub(super) fn decide(
        &self,
        text: &str,
        current: Lingua,
        prior: impl Fn(Lingua) -> f64,
    ) -> Lingua {
        let script = whatlang::detect_script(text).map(|s| s.name().to_string());
        let eligible: Vec<bool> = self
            .scripts
            .iter()
            .map(|s| s.is_none() || *s == script)
            .collect();
        let Some(mut best) =
            (0..self.langs.len()).find(|&i| self.langs[i] == current && eligible[i])
        else {
            return current;
        };
        let score = self.scores(text, prior);
        for (i, s) in score.iter().enumerate() {
            if eligible[i] && *s > score[best] {
                best = i;
            }
        }
        self.langs[best]
    }
}

/// FNV-1a: a text asks for a few thousand short keys, and SipHash (the default, built against
/// hash flooding, which a fixed table of our own cannot suffer) made the lookups most of the cost.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Calls `f` with every feature occurrence of `text`: `w:` + each lower-cased word (a maximal run of
/// letters), and each character 1–4-gram of the word padded with a space on both sides (the lone
/// space excluded). Must match `features` in `benches/langid-compare/fit_groups.py`.
fn for_each_feature(text: &str, mut f: impl FnMut(&str)) {
    let lower = text.to_lowercase();
    let mut padded = String::with_capacity(64);
    let mut bounds: Vec<usize> = Vec::with_capacity(64);
    for word in lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        padded.clear();
        padded.push_str("w:");
        padded.push_str(word);
        f(&padded);
        padded.clear();
        padded.push(' ');
        padded.push_str(word);
        padded.push(' ');
        bounds.clear();
        bounds.extend(padded.char_indices().map(|(i, _)| i));
        bounds.push(padded.len());
        let chars = bounds.len() - 1;
        for n in 1..=4.min(chars) {
            for start in 0..=chars - n {
                let gram = &padded[bounds[start]..bounds[start + n]];
                if gram != " " {
                    f(gram);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_feature(text, |f| out.push(f.to_string()));
        out
    }

    #[test]
    fn features_are_words_and_padded_character_grams() {
        let f = features("Da, 12 Ćevapa!");
        assert!(f.contains(&"w:da".to_string()));
        assert!(f.contains(&"w:ćevapa".to_string()));
        // Grams of " da ": d, a, " d", da, "a ", " da", "da ", " da ".
        for g in [" d", "da", "a ", " da", "da ", " da ", " će", "apa "] {
            assert!(f.contains(&g.to_string()), "{g:?} missing from {f:?}");
        }
        // Numbers and punctuation are no words; a lone space is no feature.
        assert!(!f
            .iter()
            .any(|g| g.contains('1') || g.contains(',') || g == " "));
    }

    #[test]
    fn every_row_of_the_data_file_parses() {
        let text = include_str!("groups.tsv");
        let rows = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("group\t"))
            .count();
        let heads = text.lines().filter(|l| l.starts_with("group\t")).count();
        assert_eq!(
            groups().len(),
            heads,
            "a group line names an unknown language"
        );
        assert_eq!(
            groups().iter().map(GroupModel::len).sum::<usize>(),
            rows,
            "a feature row did not parse (or repeats a feature)"
        );
    }

    #[test]
    fn a_malformed_file_drops_what_it_cannot_read_and_keeps_the_rest() {
        let parsed = parse(
            "# comment\nstray\t1\t2\ngroup\tid\tms\nw:ya\t0.5\t-0.5\nbad\t1\nw:tak\tx\t1\n\
             group\tzz\tms\nw:ya\t1\t1\ngroup\tbs\thr\tsr\nw:je\t0\t0\t0\n",
        );
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].langs(), [Lingua::Indonesian, Lingua::Malay]);
        assert_eq!(parsed[0].len(), 1);
        assert_eq!(parsed[1].langs().len(), 3);
    }

    #[test]
    fn a_class_learnt_in_one_script_judges_only_that_script() {
        let group = &parse("group\tbs\thr\tsr-Cyrillic\nw:reka\t-1\t-1\t2\nw:река\t-1\t-1\t2\n")[0];
        // Latin Serbian: the model never saw it, so a Serbian answer stays and no Latin text
        // becomes Serbian.
        assert_eq!(
            group.decide("reka", Lingua::Serbian, |_| 0.0),
            Lingua::Serbian
        );
        assert_eq!(
            group.decide("reka", Lingua::Croatian, |_| 0.0),
            Lingua::Croatian
        );
        assert_eq!(
            group.decide("река", Lingua::Croatian, |_| 0.0),
            Lingua::Serbian
        );
    }

    #[test]
    fn a_text_the_model_does_not_know_keeps_its_answer() {
        let group = group_of(Lingua::Malay).expect("the id/ms group");
        for current in [Lingua::Indonesian, Lingua::Malay] {
            assert_eq!(group.decide("", current, |_| 0.0), current);
            assert_eq!(group.decide("1996 — 42", current, |_| 0.0), current);
        }
    }
}
