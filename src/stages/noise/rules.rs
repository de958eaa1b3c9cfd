//! The noise rules: which spans of an article's text are crawler leftovers, and what story facts
//! they state. Works on byte offsets of one `&str`; the stage converts to code points.
//!
//! The rules read three things, never a particular site's strings:
//! - **line shape**: word count, final punctuation, all capitals, a date at the start or the end;
//! - **position**: the head (before the first body paragraph) and the tail (after the last one);
//!   the crawler glues fields to the start and appends furniture at the end;
//! - **repetition**: the headline or a paragraph occurring again in the same article;
//!
//! plus the cue words of [`super::lexicon`] (data). A *body paragraph* is a line of at least
//! [`BODY_MIN_WORDS`] words that ends like a sentence, or any line of [`BODY_LONG_WORDS`] words.
//! Imports: `record` (kinds, carried facts) and the lexicon.

use std::collections::HashSet;

use regex::Regex;

use super::lexicon::{alternation, Lexicon, LexiconError};
use crate::record::{Carries, NoiseKind};

/// A line with this many words that ends like a sentence is story text (it fixes head and tail).
const BODY_MIN_WORDS: usize = 8;
/// A line this long is story text however it ends.
const BODY_LONG_WORDS: usize = 25;
/// Lines the crawler's fields and a dateline may occupy at the start.
const HEAD_LINES: usize = 3;
/// Longest line read as a banner, a navigation prompt or a credit: furniture is short.
const SHORT_WORDS: usize = 15;
/// Longest call to action: "Join ST's Telegram channel and get the latest …" is 14 words.
const PROMO_MAX_WORDS: usize = 30;
/// A print notice quotes the headline, so it may be long; a body paragraph that names the print
/// edition in passing is longer still.
const PRINT_MAX_WORDS: usize = 60;
/// A headline repeated with a site name after a separator ("Headline | The Site").
const SITE_SUFFIX_MAX_WORDS: usize = 5;
/// Longest line read as a list of agency names ("Agence France-Presse / Associated Press").
const WIRE_LIST_MAX_WORDS: usize = 6;
/// Repeated lines shorter than this are table rows or sub-headings, not repeated paragraphs.
const REPEATED_TEXT_MIN_WORDS: usize = 12;
/// A headline is at most this long; a longer first line is a paragraph.
const HEADLINE_MAX_WORDS: usize = 25;

/// Word edges for searches over whole texts. Unicode `\b` makes the regex crate leave its DFA on
/// any non-ASCII byte (2.6 MB/s on the seeds); a consumed non-word character (never a line break,
/// so a match stays on its line) or a line edge keeps the search in the DFA.
const START: &str = r"(?:(?m:^)|[^\p{L}\p{N}\n])";
const END: &str = r"(?:(?m:$)|[^\p{L}\p{N}\n])";

/// What a whole line is, if it is noise.
type Mark = Option<(NoiseKind, Carries)>;

/// One noise span in byte offsets of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: NoiseKind,
    pub start: usize,
    pub end: usize,
    pub carries: Carries,
}

/// A non-empty line: its byte range without surrounding white space, and its word count.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// Byte offset of the raw line (before trimming), for prefixes that keep their white space.
    raw: usize,
    start: usize,
    end: usize,
    words: usize,
}

/// The compiled rules; built once per stage.
pub struct Rules {
    lex: Lexicon,
    metadata: Regex,
    date_at_end: Regex,
    date: Regex,
    age: Regex,
    print: Regex,
    print_publication: Regex,
    cta_start: Regex,
    cta_object: Regex,
    cta_alone: HashSet<String>,
    navigation: HashSet<String>,
    /// Longest entry of `cta_alone` and `navigation`, in words: longer lines cannot equal one.
    whole_line_max_words: usize,
    navigation_start: Regex,
    credit_start: Regex,
    /// End marks that are symbols may trail the last paragraph; those with letters stand alone.
    symbol_marks: Vec<String>,
    word_marks: HashSet<String>,
}

impl Rules {
    pub fn new(lex: Lexicon) -> Result<Self, LexiconError> {
        let mut month_names: Vec<&String> = lex.month.keys().collect();
        month_names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let months = alternation(month_names);
        // Dates as sites print them: ISO (with an optional time), dotted day-first, and with a
        // month name either side of the day. Parsed by `parse_date`.
        let date = format!(
            r"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?|\d{{4}}/\d{{1,2}}/\d{{1,2}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|(?:{months})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}|\d{{1,2}}\.?(?:[ \t]+de)?[ \t]+(?:{months})\.?(?:[ \t]+de)?[ \t]+\d{{4}})"
        );
        let re = |pattern: String| {
            Regex::new(&pattern).map_err(|e| LexiconError {
                line: 0,
                message: format!("a rule built from the lexicon does not compile: {e}"),
            })
        };
        let word_marks: HashSet<String> = lex
            .end_mark
            .iter()
            .filter(|m| m.chars().any(char::is_alphanumeric))
            .cloned()
            .collect();
        let symbol_marks = lex
            .end_mark
            .iter()
            .filter(|m| !m.chars().any(char::is_alphanumeric))
            .cloned()
            .collect();
        Ok(Rules {
            metadata: re(format!(
                r"(?i)^[ \t]*(?:{})[ \t]*[:=]?[ \t]*({date})(?:[ \t]+|$)",
                alternation(&lex.metadata_key)
            ))?,
            date_at_end: re(format!(r"(?i)(?:^|[ \t])({date})$"))?,
            date: re(format!(r"(?i){START}{date}"))?,
            age: re(format!(
                r"(?i){START}(?:{}){END}[^\n]{{0,40}}?(?:{})[ \t]*(?:\d+|(?:{}))[ \t]+(?:{}){END}",
                alternation(&lex.age_subject),
                alternation(&lex.age_cue),
                alternation(&lex.age_count),
                alternation(&lex.age_unit)
            ))?,
            print: re(format!(
                r"(?i){START}(?:{}){END}",
                alternation(&lex.print_cue)
            ))?,
            // Case-sensitive on purpose: the publication is the run of capitalised words after
            // "of"/"der"/"de"… ("… print edition of The Straits Times on September 27 …"); the cue
            // match may have taken the space after it.
            print_publication: re(
                r"^[ \t]*(?:of|der|des|de|du|del|di|da|van)[ \t]+((?:[Tt]he[ \t]+)?\p{Lu}[\p{L}\p{M}'’&.\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’&.\-]*)*)"
                    .to_string(),
            )?,
            // The verb must end at a space or punctuation, not a hyphen: "Follow-up talks …" is news.
            cta_start: re(format!(
                r"(?i)^[^\p{{L}}\p{{N}}]{{0,3}}(?:{})(?:[ \t,:!]|$)",
                alternation(&lex.cta_verb)
            ))?,
            cta_object: re(format!(
                r"(?i){START}(?:{}){END}",
                alternation(&lex.cta_object)
            ))?,
            cta_alone: lex.cta_alone.iter().cloned().collect(),
            navigation: lex.navigation.iter().cloned().collect(),
            whole_line_max_words: lex
                .navigation
                .iter()
                .chain(&lex.cta_alone)
                .map(|p| p.split_whitespace().count())
                .max()
                .unwrap_or(0),
            navigation_start: re(format!(
                r"(?i)^[^\p{{L}}\p{{N}}]{{0,3}}({})(?:[ \t]*([:|›»>])|[ \t]|$)",
                alternation(&lex.navigation)
            ))?,
            credit_start: re(format!(
                r"(?i)^[—–\-\s]*({})\b[ \t]*(:?)[ \t]*",
                alternation(&lex.credit_cue)
            ))?,
            symbol_marks,
            word_marks,
            lex,
        })
    }

    /// Noise spans of `text`, in text order; `title` is the record's title (may be empty).
    pub fn find(&self, title: &str, text: &str) -> Vec<Found> {
        let lines = split_lines(text);
        if lines.is_empty() {
            return Vec::new();
        }
        // Whole-line noise per line, and spans inside lines (prefix, dateline date, end mark).
        let mut whole: Vec<Mark> = vec![None; lines.len()];
        let mut partial: Vec<Found> = Vec::new();

        self.head_fields(text, &lines, &mut whole, &mut partial);
        let banners = self.scan_cues(text, &lines, &mut whole);
        self.repetition(title, text, &lines, &mut whole);
        for (i, l) in lines.iter().enumerate() {
            if whole[i].is_none() {
                whole[i] = self.line_cues(&text[l.start..l.end], l.words);
            }
        }
        self.by_position(text, &lines, &banners, &mut whole);
        self.end_mark(text, &lines, &mut whole, &mut partial);

        let mut found: Vec<Found> = lines
            .iter()
            .zip(whole)
            .filter_map(|(l, w)| {
                w.map(|(kind, carries)| Found {
                    kind,
                    start: l.start,
                    end: l.end,
                    carries,
                })
            })
            .collect();
        found.extend(partial);
        found.sort_by_key(|f| (f.start, f.end));
        found
    }

    /// A crawler field (`date 2017-07-27`) glued before the body, and a wire dateline
    /// (`LONDON 1996-08-30`) whose date is metadata: only in the first lines.
    fn head_fields(
        &self,
        text: &str,
        lines: &[Line],
        whole: &mut [Mark],
        partial: &mut Vec<Found>,
    ) {
        for (i, l) in lines.iter().enumerate().take(HEAD_LINES) {
            let raw = &text[l.raw..l.end];
            if let Some(m) = self.metadata.captures(raw) {
                let (all, date) = (m.get(0), m.get(1));
                if let (Some(all), Some(date)) = (all, date) {
                    let carries = Carries {
                        published_at: parse_date(date.as_str(), &self.lex),
                        source: None,
                    };
                    if l.raw + all.end() >= l.end {
                        whole[i] = Some((NoiseKind::MetadataPrefix, carries));
                    } else {
                        partial.push(Found {
                            kind: NoiseKind::MetadataPrefix,
                            start: l.raw + all.start(),
                            end: l.raw + all.end(),
                            carries,
                        });
                    }
                    continue;
                }
            }
            let line = &text[l.start..l.end];
            if l.words > 8 {
                continue;
            }
            if let Some(date) = self.date_at_end.captures(line).and_then(|c| c.get(1)) {
                let place = line[..date.start()].trim();
                let first = place.split_whitespace().next().unwrap_or("");
                let caps_word = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !first.chars().any(char::is_lowercase);
                if !place.is_empty() && caps_word && !place.chars().any(|c| c.is_ascii_digit()) {
                    partial.push(Found {
                        kind: NoiseKind::Dateline,
                        start: l.start + date.start(),
                        end: l.start + date.end(),
                        carries: Carries {
                            published_at: parse_date(date.as_str(), &self.lex),
                            source: None,
                        },
                    });
                }
            }
        }
    }

    /// A print notice is searched once over the whole text, then placed on its line, which must be short
    /// enough to be furniture rather than a paragraph quoting it: a print notice (which must also
    /// give a date: "the print edition will close" is news) is marked here; the lines holding an
    /// age banner are returned, to be marked only in the head or tail ([`Rules::by_position`]).
    fn scan_cues(&self, text: &str, lines: &[Line], whole: &mut [Mark]) -> Vec<usize> {
        for m in self.print.find_iter(text) {
            let Some(i) = line_of(lines, m.start()) else {
                continue;
            };
            let l = lines[i];
            if whole[i].is_some() || l.words > PRINT_MAX_WORDS {
                continue;
            }
            let line = &text[l.start..l.end];
            let Some(published_at) = self
                .date
                .find(line)
                .and_then(|d| parse_date(d.as_str(), &self.lex))
            else {
                continue;
            };
            let source = self
                .print_publication
                .captures(&text[m.end()..l.end])
                .and_then(|c| c.get(1))
                .map(|p| trim_connectors(p.as_str()).to_string())
                .filter(|p| !p.is_empty());
            whole[i] = Some((
                NoiseKind::PrintNotice,
                Carries {
                    published_at: Some(published_at),
                    source,
                },
            ));
        }
        // Banners are short lines: only those are searched (a whole-text search costs more than
        // the rest of the stage together).
        (0..lines.len())
            .filter(|&i| {
                lines[i].words <= SHORT_WORDS
                    && self.age.is_match(&text[lines[i].start..lines[i].end])
            })
            .collect()
    }

    /// The headline again (equal to the title field, or to the first line after it), possibly with
    /// a site name appended; and long paragraphs repeated verbatim.
    fn repetition(&self, title: &str, text: &str, lines: &[Line], whole: &mut [Mark]) {
        let title_key = normalise(title);
        let first = &lines[0];
        let first_key = if first.words <= HEADLINE_MAX_WORDS {
            normalise(&text[first.start..first.end])
        } else {
            String::new()
        };
        // Repeated paragraphs are compared verbatim (a crawler copies them byte for byte), which
        // spares lower-casing every paragraph; only headline-length lines are normalised.
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, l) in lines.iter().enumerate() {
            let line = &text[l.start..l.end];
            // Cheap test first: a repeat starts with the headline's first letter.
            let initial = first_alnum(line);
            let could_repeat = [&title_key, &first_key]
                .iter()
                .any(|h| h.chars().next().is_some_and(|c| Some(c) == initial));
            if could_repeat && l.words <= HEADLINE_MAX_WORDS + SITE_SUFFIX_MAX_WORDS {
                let key = normalise(line);
                let heads = [title_key.as_str(), first_key.as_str()];
                let repeats_headline = !key.is_empty()
                    && heads.iter().enumerate().any(|(h, head)| {
                        // The text's own first line is the headline's first occurrence.
                        let own_first = h == 1 && i == 0;
                        !head.is_empty()
                            && !own_first
                            && (key == *head || has_site_suffix(&key, head))
                    });
                if repeats_headline {
                    whole[i] = Some((NoiseKind::RepeatedTitle, Carries::default()));
                    continue;
                }
            }
            if l.words >= REPEATED_TEXT_MIN_WORDS && !seen.insert(line) {
                whole[i] = Some((NoiseKind::RepeatedText, Carries::default()));
            }
        }
    }

    /// Whole-line cues that hold anywhere: calls to action, navigation prompts standing alone or
    /// opening a link ("Read more: …"), and credit lines.
    fn line_cues(&self, line: &str, words: usize) -> Mark {
        if words <= PROMO_MAX_WORDS
            && self.cta_start.is_match(line)
            && self.cta_object.is_match(line)
        {
            return Some((NoiseKind::Promo, Carries::default()));
        }
        if words > SHORT_WORDS {
            return None;
        }
        if words <= self.whole_line_max_words {
            let key = normalise(line);
            if self.cta_alone.contains(&key) {
                return Some((NoiseKind::Promo, Carries::default()));
            }
            if self.navigation.contains(&key) {
                return Some((NoiseKind::Navigation, Carries::default()));
            }
        }
        if let Some(c) = self.navigation_start.captures(line) {
            if c.get(2).is_some_and(|sep| !sep.as_str().is_empty()) {
                return Some((NoiseKind::Navigation, Carries::default()));
            }
        }
        // A credit line is a few agency names; longer lines are not looked up (saves lower-casing
        // every short table row).
        let few = words <= WIRE_LIST_MAX_WORDS;
        if let Some(source) = few.then(|| self.wire_list(line)).flatten() {
            return Some((
                NoiseKind::Credit,
                Carries {
                    published_at: None,
                    source: Some(source),
                },
            ));
        }
        if let Some(c) = self.credit_start.captures(line) {
            let cue = c.get(1).map_or("", |m| m.as_str());
            let colon = c.get(2).is_some_and(|m| !m.as_str().is_empty());
            let rest = c.get(0).map_or("", |m| &line[m.end()..]);
            let source = self.wire_list(rest);
            if colon || cue.contains(char::is_whitespace) || source.is_some() {
                return Some((
                    NoiseKind::Credit,
                    Carries {
                        published_at: None,
                        source,
                    },
                ));
            }
        }
        None
    }

    /// Rules that need the article's shape: age banners and navigation headers (with the link
    /// lists under them) in the head or tail, and an all-capitals name standing alone at the very
    /// end (a credit). "The story is more than 200 years old." inside the body is story.
    fn by_position(&self, text: &str, lines: &[Line], banners: &[usize], whole: &mut [Mark]) {
        let body: Vec<usize> = (0..lines.len())
            .filter(|&i| {
                whole[i].is_none() && is_body(&text[lines[i].start..lines[i].end], lines[i].words)
            })
            .collect();
        let (first_body, last_body) = match (body.first(), body.last()) {
            (Some(&f), Some(&l)) => (Some(f), Some(l)),
            _ => (None, None),
        };
        let in_head = |i: usize| first_body.is_none_or(|f| i < f);
        let in_tail = |i: usize| last_body.is_none_or(|l| i > l);
        for &i in banners {
            if whole[i].is_none() && (in_head(i) || in_tail(i)) {
                whole[i] = Some((NoiseKind::AgeBanner, Carries::default()));
            }
        }
        let mut under_header = false;
        for (i, l) in lines.iter().enumerate() {
            let line = &text[l.start..l.end];
            if whole[i].is_some() {
                under_header = in_tail(i)
                    && whole[i]
                        .as_ref()
                        .is_some_and(|(k, _)| *k == NoiseKind::Navigation);
                continue;
            }
            if !(in_head(i) || in_tail(i)) || l.words > SHORT_WORDS {
                under_header = false;
                continue;
            }
            let headed = self.navigation_start.captures(line).is_some_and(|c| {
                c.get(1)
                    .is_some_and(|m| m.as_str().contains(char::is_whitespace))
                    && l.words <= 6
            });
            let listed = under_header && !ends_sentence(line);
            if (headed && !ends_sentence(line)) || listed {
                whole[i] = Some((NoiseKind::Navigation, Carries::default()));
                under_header = in_tail(i);
            } else {
                under_header = false;
            }
        }
        // Backwards from the end while every later line is noise: one short all-capitals line
        // there is a credit ("BLOOMBERG"). Two or more in a row are a table or a schedule
        // ("COLORADO AT ST LOUIS"), and the headline (line 0) never is a credit.
        let mut candidate: Option<usize> = None;
        for i in (1..lines.len()).rev() {
            if !in_tail(i) {
                break;
            }
            if whole[i].is_some() {
                continue;
            }
            let line = &text[lines[i].start..lines[i].end];
            if lines[i].words <= 3 && is_all_caps(line) && !line.chars().any(|c| c.is_ascii_digit())
            {
                if candidate.is_some() {
                    candidate = None;
                    break;
                }
                candidate = Some(i);
            } else {
                break;
            }
        }
        if let Some(i) = candidate {
            let line = &text[lines[i].start..lines[i].end];
            let source = self
                .wire_list(line)
                .unwrap_or_else(|| title_case(line.trim_matches(|c: char| !c.is_alphanumeric())));
            whole[i] = Some((
                NoiseKind::Credit,
                Carries {
                    published_at: None,
                    source: Some(source),
                },
            ));
        }
    }

    /// A site symbol after the last line of the story (" ®"), or a last line that is only an end
    /// mark ("■", "###", "-30-").
    fn end_mark(&self, text: &str, lines: &[Line], whole: &mut [Mark], partial: &mut Vec<Found>) {
        let Some(i) = (0..lines.len()).rev().find(|&i| whole[i].is_none()) else {
            return;
        };
        let l = lines[i];
        let line = &text[l.start..l.end];
        let word_mark = l.words <= 3 && self.word_marks.contains(&line.to_lowercase());
        if word_mark || is_symbol_mark(line, &self.symbol_marks) {
            whole[i] = Some((NoiseKind::SiteMark, Carries::default()));
            return;
        }
        // The last white-space-separated token, if it is made of end-mark symbols.
        let Some(ws) = line.rfind(char::is_whitespace) else {
            return;
        };
        let token = &line[ws..].trim_start();
        if is_symbol_mark(token, &self.symbol_marks) {
            let start = line[..ws].trim_end().len();
            partial.push(Found {
                kind: NoiseKind::SiteMark,
                start: l.start + start,
                end: l.end,
                carries: Carries::default(),
            });
        }
    }

    /// The agency named by a line that is only agency names ("BLOOMBERG", "(AFP)",
    /// "— Reuters/AP"), as the lexicon spells it.
    fn wire_list(&self, line: &str) -> Option<String> {
        let core = line.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '—' | '–' | '-' | '(' | ')' | '[' | ']' | '.' | ',')
        });
        if core.is_empty() || core.len() > 80 {
            return None;
        }
        let lower = core.to_lowercase();
        let mut first = None;
        for part in lower
            .split([',', '/', '&', ';'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
        {
            let name = self.lex.wire.get(part)?;
            first.get_or_insert_with(|| name.clone());
        }
        first
    }
}

/// Non-empty lines of `text` with their trimmed byte ranges.
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let trimmed_start = raw.len() - raw.trim_start().len();
        let body = raw.trim();
        if !body.is_empty() {
            let start = offset + trimmed_start;
            lines.push(Line {
                raw: offset,
                start,
                end: start + body.len(),
                words: body.split_whitespace().count(),
            });
        }
        offset += raw.len();
    }
    lines
}

/// Index of the line holding byte `at`.
fn line_of(lines: &[Line], at: usize) -> Option<usize> {
    let i = lines.partition_point(|l| l.end <= at);
    (i < lines.len() && lines[i].raw <= at).then_some(i)
}

/// Lower case, single spaces, without surrounding punctuation: how two copies of a line compare.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            let from = out.len();
            out.push_str(word);
            out[from..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    let trimmed = out.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// The first letter or digit of `s`, lower-cased (as [`normalise`] would start).
fn first_alnum(s: &str) -> Option<char> {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .and_then(|c| c.to_lowercase().next())
}

/// `key` is `head` followed by a separator and a short site name ("headline | the site").
fn has_site_suffix(key: &str, head: &str) -> bool {
    let Some(rest) = key.strip_prefix(head) else {
        return false;
    };
    let rest = rest.trim_start();
    let Some(name) = rest
        .strip_prefix('|')
        .or_else(|| rest.strip_prefix('-'))
        .or_else(|| rest.strip_prefix('–'))
        .or_else(|| rest.strip_prefix('—'))
        .or_else(|| rest.strip_prefix("::"))
        .or_else(|| rest.strip_prefix('·'))
    else {
        return false;
    };
    let n = name.split_whitespace().count();
    (1..=SITE_SUFFIX_MAX_WORDS).contains(&n)
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', '…', ';'])
}

fn is_body(line: &str, words: usize) -> bool {
    words >= BODY_LONG_WORDS || (words >= BODY_MIN_WORDS && ends_sentence(line))
}

/// At least two letters, none of them lower case.
fn is_all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// The token is one or more end-mark symbols: a listed one, or a sign of the Geometric Shapes
/// block (■ □ ▪ ● ◆ …), which sites use as end-of-story marks.
fn is_symbol_mark(token: &str, marks: &[String]) -> bool {
    let mut rest = token.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        if let Some(m) = marks.iter().find(|m| rest.starts_with(m.as_str())) {
            rest = &rest[m.len()..];
        } else {
            let mut chars = rest.chars();
            match chars.next() {
                Some(c) if ('\u{25A0}'..='\u{25FF}').contains(&c) => rest = chars.as_str(),
                _ => return false,
            }
        }
    }
    true
}

/// "BLOOMBERG" → "Bloomberg", "THE NATION" → "The Nation"; a lone short word is an acronym and
/// stays ("AFP").
fn title_case(s: &str) -> String {
    let lone = s.split_whitespace().count() == 1;
    s.split_whitespace()
        .map(|w| {
            if lone && w.chars().count() <= 4 {
                return w.to_string();
            }
            let mut chars = w.chars();
            let first: String = chars.next().map(|c| c.to_string()).unwrap_or_default();
            first + &chars.as_str().to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Drops connector words a capitalised run may end on ("Times of" → "Times").
fn trim_connectors(s: &str) -> &str {
    let mut s = s.trim();
    for tail in [" of", " de", " der", " la", " el"] {
        if let Some(t) = s.strip_suffix(tail) {
            s = t.trim_end();
        }
    }
    s.trim_end_matches(['.', ','])
}

/// A matched date as ISO 8601: `YYYY-MM-DD`, plus `THH:MM[:SS][zone]` when a time was given.
/// None when the numbers are not a calendar date (month 13, day 0).
fn parse_date(s: &str, lex: &Lexicon) -> Option<String> {
    let nums: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let lower = s.to_lowercase();
    let month_word = lower
        .split(|c: char| !c.is_alphabetic())
        .find_map(|w| lex.month.get(w).copied());
    let (y, m, d): (u32, u32, u32) = match (nums.as_slice(), month_word) {
        ([y, m, d, ..], None) if y.len() == 4 => {
            (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        ([d, m, y], None) if y.len() == 4 => (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        ([a, b], Some(m)) => {
            let (d, y) = if b.len() == 4 { (a, b) } else { (b, a) };
            (y.parse().ok()?, m, d.parse().ok()?)
        }
        _ => return None,
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    // An ISO date-time keeps its time as written.
    match s
        .find(['T', ' '])
        .filter(|_| nums.len() > 3 && month_word.is_none())
    {
        Some(t) => Some(format!("{date}T{}", &s[t + 1..])),
        None => Some(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Rules {
        Rules::new(Lexicon::parse(super::super::lexicon::SHIPPED).unwrap()).unwrap()
    }

    #[test]
    fn dates_parse_in_every_written_form() {
        let lex = Lexicon::parse(super::super::lexicon::SHIPPED).unwrap();
        for (s, want) in [
            ("2017-07-27", "2017-07-27"),
            ("September 27, 2017", "2017-09-27"),
            ("Sept. 3, 2019", "2019-09-03"),
            ("3 mars 2021", "2021-03-03"),
            ("14. März 2020", "2020-03-14"),
            ("05.11.2018", "2018-11-05"),
            ("2020-01-02T10:30:00Z", "2020-01-02T10:30:00Z"),
        ] {
            assert_eq!(parse_date(s, &lex).as_deref(), Some(want), "{s}");
        }
        assert_eq!(parse_date("2017-13-01", &lex), None);
    }

    #[test]
    fn offsets_cover_the_line_without_its_white_space() {
        let text = "Headline here\n\n  Body paragraph one is long enough to be body text here.  \n";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 2);
        assert_eq!(
            &text[lines[1].start..lines[1].end],
            "Body paragraph one is long enough to be body text here."
        );
        assert_eq!(line_of(&lines, lines[1].start + 3), Some(1));
    }

    #[test]
    fn a_symbol_glued_to_the_last_paragraph_is_a_site_mark() {
        let text = "Title\n\nThe story has one paragraph that ends the story here. ■\n\nRelated";
        let found = rules().find("", text);
        let mark = found
            .iter()
            .find(|f| f.kind == NoiseKind::SiteMark)
            .unwrap();
        assert_eq!(&text[mark.start..mark.end], " ■");
    }
}
