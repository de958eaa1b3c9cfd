//! Pure NER post-processing: windows over a long token sequence, merging window predictions, grouping
//! sub-words into words, and turning word labels into clean entity spans. No model here, so all of it
//! is unit-tested on hand-made inputs.

use serde::{Deserialize, Serialize};

/// One tokenizer token of a field, with its byte span in that field.
#[derive(Debug, Clone)]
pub struct Token {
    pub id: u32,
    pub start: usize,
    pub end: usize,
    /// The `token_type_ids` value fed to the model: 0, or the casing cue (see `Model::tokenize`).
    pub type_id: u32,
}

/// How sub-word predictions become one word label (as Hugging Face's `aggregation_strategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The word's first sub-word decides (how CoNLL models are trained).
    #[default]
    First,
    /// Mean of the sub-words' probabilities.
    Average,
    /// The sub-word with the single most confident label decides.
    Max,
}

/// Where windows may not reach across. Measured on whole eng.testa documents (README, "NER"): the
/// model was trained on single sentences and reads one sentence per window best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WindowMode {
    /// A window ends at every line break and every sentence end (long sentences are still cut).
    #[default]
    Sentence,
    /// A window ends at every line break; sentences of one line share windows.
    Line,
    /// Windows as long as the model allows, across lines, ending at a sentence end where one lies
    /// in their back half.
    Packed,
}

/// Token ranges that no window may cross under `mode`: lines, and for `Sentence` also sentences
/// (`sentence_end[i]`: token `i` closes a sentence, see [`sentence_ends`]).
pub fn segments(
    text: &str,
    tokens: &[Token],
    mode: WindowMode,
    sentence_end: &[bool],
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=tokens.len() {
        let cut = i == tokens.len()
            || match mode {
                WindowMode::Packed => false,
                WindowMode::Line => gap(text, tokens, i).contains('\n'),
                WindowMode::Sentence => gap(text, tokens, i).contains('\n') || sentence_end[i - 1],
            };
        if cut && i > start {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// Text between token `i - 1` and token `i`.
fn gap<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    text.get(tokens[i - 1].end..tokens[i].start).unwrap_or("")
}

/// Whether a sentence ends between tokens `i - 1` and `i`: a closing `.`, `!` or `?` (or its CJK
/// form), then space, then something that opens a sentence (a capital, a digit, a quote or bracket).
/// A dot after a short capitalised word or a single letter is an abbreviation ("U.S. officials",
/// "Mr. Smith"), not an end: keeping those together costs only a longer window.
fn sentence_ends_before(text: &str, tokens: &[Token], i: usize) -> bool {
    let piece = |k: usize| text.get(tokens[k].start..tokens[k].end).unwrap_or("");
    if i == 0 || i >= tokens.len() {
        return false;
    }
    let closing = piece(i - 1);
    if matches!(closing, "。" | "！" | "？") {
        return true;
    }
    if !matches!(closing, "." | "!" | "?") || gap(text, tokens, i).is_empty() {
        return false;
    }
    let opens = piece(i)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘(«[".contains(c));
    if !opens {
        return false;
    }
    if closing == "." && i >= 2 && tokens[i - 2].end == tokens[i - 1].start {
        let word = piece(i - 2);
        let short_capital = word.chars().count() <= 3
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(char::is_alphabetic);
        if short_capital {
            return false;
        }
    }
    true
}

/// Per token, whether it closes a sentence (the last token always does); computed once per field.
pub fn sentence_ends(text: &str, tokens: &[Token]) -> Vec<bool> {
    (0..tokens.len())
        .map(|i| i + 1 == tokens.len() || sentence_ends_before(text, tokens, i + 1))
        .collect()
}

/// Windows for a tokenized field: `windows` within each segment of `segments`.
pub fn field_windows(
    text: &str,
    tokens: &[Token],
    mode: WindowMode,
    max: usize,
    overlap: usize,
) -> Vec<(usize, usize)> {
    let ends = sentence_ends(text, tokens);
    segments(text, tokens, mode, &ends)
        .into_iter()
        .flat_map(|seg| {
            windows(seg.len(), max, overlap, &ends[seg.clone()])
                .into_iter()
                .map(move |(s, e)| (seg.start + s, seg.start + e))
        })
        .collect()
}

/// Splits `n` tokens into windows of at most `max` tokens, overlapping by about `overlap`, and ending at
/// sentence ends where one lies in the back half of the window (so most windows hold whole sentences).
/// `sentence_end[i]` says token `i` closes a sentence.
pub fn windows(n: usize, max: usize, overlap: usize, sentence_end: &[bool]) -> Vec<(usize, usize)> {
    let max = max.max(2);
    let overlap = overlap.min(max / 2);
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        let hard_end = (start + max).min(n);
        let mut end = hard_end;
        if hard_end < n {
            if let Some(cut) = (start + max / 2..hard_end).rev().find(|&i| sentence_end[i]) {
                end = cut + 1;
            }
        }
        out.push((start, end));
        if end >= n {
            break;
        }
        start = end.saturating_sub(overlap).max(start + 1);
    }
    out
}

/// For each token, the window whose edges are furthest from it: the prediction with the most context.
pub fn best_window_per_token(n: usize, wins: &[(usize, usize)]) -> Vec<usize> {
    let mut best = vec![(0usize, 0usize); n]; // (margin, window)
    for (w, &(s, e)) in wins.iter().enumerate() {
        for (t, slot) in best.iter_mut().enumerate().take(e).skip(s) {
            let margin = (t - s).min(e - 1 - t) + 1;
            if margin > slot.0 {
                *slot = (margin, w);
            }
        }
    }
    best.into_iter().map(|(_, w)| w).collect()
}

/// Groups tokens into words the way CoNLL tokenises: a run of tokens with no whitespace between them,
/// with leading/trailing punctuation and a possessive "'s" split off ("(MOFCOM)," → "(", "MOFCOM",
/// ")", ","), but an abbreviation's final dot kept ("U.S.").
pub fn words(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match runs.last_mut() {
            Some(r) if tokens[r.end - 1].end == t.start => r.end = i + 1,
            _ => runs.push(i..i + 1),
        }
    }
    let piece = |i: usize| text.get(tokens[i].start..tokens[i].end).unwrap_or("");
    let is_punct = |i: usize| {
        let p = piece(i);
        !p.is_empty() && p.chars().all(|c| !c.is_alphanumeric())
    };
    let mut out = Vec::new();
    for run in runs {
        let (mut s, mut e) = (run.start, run.end);
        let mut tail = Vec::new();
        let possessive =
            e - s == 2 && matches!(piece(s), "'" | "’") && piece(s + 1).eq_ignore_ascii_case("s");
        while s < e && is_punct(s) && !possessive {
            out.push(s..s + 1);
            s += 1;
        }
        loop {
            if e - s >= 3
                && matches!(piece(e - 2), "'" | "’")
                && piece(e - 1).eq_ignore_ascii_case("s")
            {
                tail.push(e - 2..e);
                e -= 2;
            } else if e > s && is_punct(e - 1) {
                if piece(e - 1) == "." && keeps_dot(&text[tokens[s].start..tokens[e - 2].end]) {
                    break;
                }
                // "C$", "A$", "HK$": the symbol belongs to the currency's name.
                if piece(e - 1).chars().all(|c| "$€£¥".contains(c)) {
                    break;
                }
                tail.push(e - 1..e);
                e -= 1;
            } else {
                break;
            }
        }
        if s < e {
            out.push(s..e);
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

/// Whether a word before a "." is an abbreviation that owns the dot, as CoNLL and news tokenisers
/// treat it: "U.S.", an initial ("P. Simmons"), or a common title/company abbreviation ("Corp.").
/// Splitting an initial's dot off would leave a lone "." word inside a person's name.
fn keeps_dot(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "plc",
        "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "mt", "ft", "no", "vs", "messrs",
        "rev", "bros", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
    ];
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial
        || word.contains('.')
        || word.chars().all(|c| c.is_ascii_digit())
        || ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// A label split into its scheme prefix and entity type: "B-PER" → ('B', "PER"); "PER" → ('I', "PER").
pub fn split_label(label: &str) -> (char, &str) {
    if label == "O" {
        return ('O', "");
    }
    match label.split_once(['-', '_']) {
        Some((p, t)) if p.len() == 1 && "BIESLU".contains(p) => {
            let p = p.chars().next().unwrap_or('I');
            (
                match p {
                    'L' => 'E',
                    'U' => 'S',
                    x => x,
                },
                t,
            )
        }
        _ => ('I', label),
    }
}

/// One word's chosen label and its probability.
#[derive(Debug, Clone)]
pub struct WordLabel {
    pub label: usize,
    pub score: f32,
}

/// Chooses each word's label from its tokens' probability rows.
pub fn aggregate(
    words: &[std::ops::Range<usize>],
    probs: &[Vec<f32>],
    how: Aggregation,
) -> Vec<WordLabel> {
    words
        .iter()
        .map(|w| match how {
            Aggregation::First => argmax(&probs[w.start]),
            Aggregation::Max => w
                .clone()
                .map(|t| argmax(&probs[t]))
                .fold(None::<WordLabel>, |best, x| match best {
                    Some(b) if b.score >= x.score => Some(b),
                    _ => Some(x),
                })
                .unwrap_or(WordLabel {
                    label: 0,
                    score: 0.0,
                }),
            Aggregation::Average => {
                let k = probs[w.start].len();
                let mut mean = vec![0f32; k];
                for t in w.clone() {
                    for (m, p) in mean.iter_mut().zip(&probs[t]) {
                        *m += p / w.len() as f32;
                    }
                }
                argmax(&mean)
            }
        })
        .collect()
}

fn argmax(row: &[f32]) -> WordLabel {
    let (label, score) = row
        .iter()
        .copied()
        .enumerate()
        .fold((0, f32::MIN), |b, (i, p)| if p > b.1 { (i, p) } else { b });
    WordLabel { label, score }
}

/// A decoded entity as word indices (end exclusive), its type and mean word score.
#[derive(Debug, Clone, PartialEq)]
pub struct WordSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub score: f32,
}

/// Turns word labels into entities under IOB1, IOB2 or BIOES, repairing bad sequences the way seqeval's
/// lenient mode does: an I- (or E-) after O or after another type opens a new entity.
pub fn spans(labels: &[WordLabel], names: &[String]) -> Vec<WordSpan> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String, f32)> = None;
    let close = |cur: &mut Option<(usize, String, f32)>, end: usize, out: &mut Vec<WordSpan>| {
        if let Some((s, label, sum)) = cur.take() {
            out.push(WordSpan {
                start: s,
                end,
                label,
                score: sum / (end - s) as f32,
            });
        }
    };
    for (i, w) in labels.iter().enumerate() {
        let name = names.get(w.label).map(String::as_str).unwrap_or("O");
        let (prefix, typ) = split_label(name);
        let continues = matches!(&cur, Some((_, t, _)) if t == typ);
        match prefix {
            'O' => close(&mut cur, i, &mut out),
            'B' | 'S' => {
                close(&mut cur, i, &mut out);
                cur = Some((i, typ.to_string(), w.score));
            }
            _ if continues => {
                if let Some(c) = cur.as_mut() {
                    c.2 += w.score;
                }
            }
            _ => {
                close(&mut cur, i, &mut out);
                cur = Some((i, typ.to_string(), w.score));
            }
        }
        if matches!(prefix, 'E' | 'S') {
            close(&mut cur, i + 1, &mut out);
        }
    }
    close(&mut cur, labels.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str, pieces: &[&str]) -> Vec<Token> {
        let lower = text.to_lowercase();
        let mut at = 0;
        pieces
            .iter()
            .map(|p| {
                let s = at + lower[at..].find(p).expect("piece in text");
                at = s + p.len();
                Token {
                    id: 0,
                    start: s,
                    end: at,
                    type_id: 0,
                }
            })
            .collect()
    }

    #[test]
    fn windows_cover_everything_overlap_and_prefer_sentence_ends() {
        let mut ends = vec![false; 100];
        ends[40] = true;
        let w = windows(100, 50, 10, &ends);
        assert_eq!(w[0], (0, 41), "cut after the sentence end in the back half");
        assert_eq!(w.last().map(|x| x.1), Some(100));
        for pair in w.windows(2) {
            assert!(pair[1].0 < pair[0].1, "windows overlap: {pair:?}");
        }
        assert_eq!(windows(0, 50, 10, &[]), vec![]);
        assert_eq!(windows(7, 50, 10, &[false; 7]), vec![(0, 7)]);
    }

    /// Whitespace- and punctuation-split tokens, enough for the window rules.
    fn simple_tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let word = c.is_alphanumeric();
            if let Some(s) = start.filter(|_| !word) {
                out.push(Token {
                    id: 0,
                    start: s,
                    end: i,
                    type_id: 0,
                });
                start = None;
            }
            if word && start.is_none() {
                start = Some(i);
            } else if !word && !c.is_whitespace() {
                let end = i + c.len_utf8();
                out.push(Token {
                    id: 0,
                    start: i,
                    end,
                    type_id: 0,
                });
            }
        }
        out
    }

    fn segment_texts(text: &str, mode: WindowMode) -> Vec<String> {
        let t = simple_tokens(text);
        segments(text, &t, mode, &sentence_ends(text, &t))
            .into_iter()
            .map(|r| text[t[r.start].start..t[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn sentence_windows_end_at_sentence_ends_and_line_breaks_but_not_abbreviations() {
        let text =
            "Mr. Smith met U.S. officials in Rome. He left at 9 a.m. on Monday.\nBONN 1996-08-30\n\
                    Prices rose 2.5 percent! \"We are pleased,\" he said. 1996 was good.";
        assert_eq!(
            segment_texts(text, WindowMode::Sentence),
            [
                "Mr. Smith met U.S. officials in Rome.",
                "He left at 9 a.m. on Monday.",
                "BONN 1996-08-30",
                "Prices rose 2.5 percent!",
                "\"We are pleased,\" he said.",
                "1996 was good.",
            ]
        );
        assert_eq!(segment_texts(text, WindowMode::Line).len(), 3);
        assert_eq!(segment_texts(text, WindowMode::Packed).len(), 1);
    }

    #[test]
    fn field_windows_never_cross_a_segment_and_cover_every_token() {
        let text = "One two three four five six seven.\nEight nine ten.";
        let t = simple_tokens(text);
        let w = field_windows(text, &t, WindowMode::Line, 4, 1);
        let line_two = t
            .iter()
            .position(|x| &text[x.start..x.end] == "Eight")
            .unwrap();
        assert!(
            w.iter().all(|&(s, e)| e <= line_two || s >= line_two),
            "{w:?}"
        );
        assert!((0..t.len()).all(|i| w.iter().any(|&(s, e)| s <= i && i < e)));
        assert!(w.iter().all(|&(s, e)| e - s <= 4));
    }

    #[test]
    fn each_token_takes_the_window_where_it_is_most_central() {
        let wins = [(0, 10), (6, 16)];
        let best = best_window_per_token(16, &wins);
        assert_eq!(best[2], 0);
        assert_eq!(best[13], 1);
        assert!(best
            .iter()
            .enumerate()
            .all(|(t, &w)| wins[w].0 <= t && t < wins[w].1));
    }

    #[test]
    fn words_split_punctuation_and_possessive_but_keep_abbreviations() {
        let text = "(MOFCOM), China's U.S. ok P. Simmons of Acme Corp. in Rome.";
        let t = toks(
            text,
            &[
                "(", "mo", "fcom", ")", ",", "china", "'", "s", "u", ".", "s", ".", "ok", "p", ".",
                "simmons", "of", "acme", "corp", ".", "in", "rome", ".",
            ],
        );
        let w: Vec<&str> = words(text, &t)
            .into_iter()
            .map(|r| &text[t[r.start].start..t[r.end - 1].end])
            .collect();
        assert_eq!(
            w,
            [
                "(", "MOFCOM", ")", ",", "China", "'s", "U.S.", "ok", "P.", "Simmons", "of",
                "Acme", "Corp.", "in", "Rome", "."
            ]
        );
    }

    #[test]
    fn label_schemes_are_repaired_into_clean_spans() {
        let names: Vec<String> = ["O", "B-PER", "I-PER", "E-PER", "S-LOC", "I-ORG"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let wl = |ls: &[usize]| {
            ls.iter()
                .map(|&l| WordLabel {
                    label: l,
                    score: 1.0,
                })
                .collect::<Vec<_>>()
        };
        // IOB2 / BIOES mixed: B I E | S | stray I-ORG opens an entity (IOB1 style).
        let s = spans(&wl(&[1, 2, 3, 4, 0, 5, 5]), &names);
        let got: Vec<(usize, usize, &str)> = s
            .iter()
            .map(|x| (x.start, x.end, x.label.as_str()))
            .collect();
        assert_eq!(got, [(0, 3, "PER"), (3, 4, "LOC"), (5, 7, "ORG")]);
        // An I- of another type never extends the open entity.
        let s = spans(&wl(&[1, 5]), &names);
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn aggregation_strategies_differ_as_documented() {
        let words: Vec<std::ops::Range<usize>> = std::iter::once(0..2).collect();
        let probs = vec![vec![0.6, 0.4], vec![0.0, 1.0]];
        assert_eq!(aggregate(&words, &probs, Aggregation::First)[0].label, 0);
        assert_eq!(aggregate(&words, &probs, Aggregation::Max)[0].label, 1);
        assert_eq!(aggregate(&words, &probs, Aggregation::Average)[0].label, 1);
    }
}
