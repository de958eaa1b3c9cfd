//! The one record type that flows through the pipeline: an [`Article`] as decoded from the crawler's JSON,
//! plus the annotations the stages add, and the versioned output shape ([`Enriched`]).
//!
//! Owns no I/O and imports nothing from the crate: stages, codec, sources and sinks all depend on it.
//!
//! Offsets: every span (`start`, `end`) counts **Unicode code points** into the named `field`
//! ("title" or "text"), end exclusive — what `text[start:end]` means in Python. Rust code that needs
//! byte offsets converts with [`CharIndex`].

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Output schema identifier; bumped on any breaking change to [`Enriched`].
pub const SCHEMA: &str = "tidings.enriched/v1";

/// Where a record came from, so acknowledgements and dead letters can point back at it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    Kafka {
        topic: String,
        partition: i32,
        offset: i64,
    },
    File {
        path: String,
        line: u64,
    },
}

impl Origin {
    /// (topic, partition, offset) of a Kafka record; None for a file line.
    pub fn kafka(&self) -> Option<(&str, i32, i64)> {
        match self {
            Origin::Kafka {
                topic,
                partition,
                offset,
            } => Some((topic, *partition, *offset)),
            Origin::File { .. } => None,
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Kafka {
                topic,
                partition,
                offset,
            } => write!(f, "{topic}/{partition}@{offset}"),
            Origin::File { path, line } => write!(f, "{path}:{line}"),
        }
    }
}

/// A crawled article after decoding and validation; stages fill in the annotation fields.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Stable id: the crawler's `id`, else derived from the URL, else from the origin.
    pub id: String,
    pub url: Option<String>,
    pub title: String,
    pub text: String,
    pub published_at: Option<String>,
    pub source: Option<String>,
    /// The crawler's language hint; used only as a tie-breaker by the language stage.
    pub lang_hint: Option<String>,
    /// Unknown input fields, passed through to the output untouched.
    pub extra: Map<String, Value>,
    pub language: Option<Language>,
    pub entities: Option<Vec<Entity>>,
    pub claims: Option<Vec<Claim>>,
    /// Crawler leftovers found by the noise stage (None when it did not run). NER and claims skip
    /// these spans; the text itself is never changed, so every offset stays valid.
    pub noise: Option<Vec<Noise>>,
    /// 64-bit SimHash of the story without its noise, so consumers can group syndicated copies.
    pub fingerprint: Option<u64>,
    /// Id of an earlier article of this instance's recent window with a fingerprint within the
    /// configured Hamming distance (see `stages::noise`).
    pub near_duplicate_of: Option<String>,
    /// Record fields that were empty in the input and were filled from noise (a `date …` prefix, a
    /// credit line), keyed by field name, with where the value came from.
    pub inferred: std::collections::BTreeMap<&'static str, Inferred>,
    /// Per-stage wall time in milliseconds, in pipeline order.
    pub timings: Vec<(&'static str, f64)>,
    /// Model identifiers of the stages that ran, for reproducibility.
    pub models: Map<String, Value>,
}

impl Article {
    /// The text of a named field; spans refer to fields by these names.
    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::Title => &self.title,
            Field::Text => &self.text,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Text,
}

impl Field {
    pub const ALL: [Field; 2] = [Field::Title, Field::Text];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code, or "und" when detection is not trustworthy.
    pub code: String,
    pub name: String,
    /// ISO 15924 script name, e.g. "Latin", "Cyrillic", "Han".
    pub script: String,
    pub confidence: f64,
    /// Which detector decided ("cld2", "lingua", "hint", ...), so users can audit surprises.
    pub method: String,
    /// A detector (not a hint) decided, on enough running text to act on: only a reliable language
    /// turns language-specific stages off or fixes the number format.
    #[serde(default)]
    pub reliable: bool,
}

impl Language {
    /// A detected Latin-script language, for the tests of stages that read `language`.
    #[cfg(test)]
    pub(crate) fn for_tests(code: &str, reliable: bool) -> Self {
        Language {
            code: code.into(),
            name: String::new(),
            script: "Latin".into(),
            confidence: 0.9,
            method: "test".into(),
            reliable,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub label: String,
    pub text: String,
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub score: f32,
}

/// A quantity found in the text and what it claims; see `stages::claims` for how each field is found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub text: String,
    pub field: Field,
    pub start: usize,
    pub end: usize,
    /// Code-point span of the sentence that holds the quantity.
    pub sentence: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
    pub kind: QuantityKind,
    /// Canonical unit id: ISO 4217 code for money, "percent", "percentage_point", "km", "year", "count"...
    pub unit: String,
    /// Lower-case singular unit name, as in the NewsQuant format ("dollar", "percentage", "job"), in
    /// the article's language where tidings knows it ("Prozent", "pour cent").
    pub unit_name: String,
    pub change: Change,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// Entities the claim is about: text plus the index into `entities` where NER found them.
    pub subject: Vec<SubjectRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asserted_by: Option<String>,
    pub is_claim: bool,
}

/// What kind of crawler leftover a [`Noise`] span is. The names are the output's `kind` strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoiseKind {
    /// A crawler field glued to the body, e.g. `date 2017-07-27` before the first sentence.
    MetadataPrefix,
    /// The date of a wire dateline (`LONDON 1996-08-30`); the place stays content.
    Dateline,
    /// A site banner about the article's age ("This article is more than 1 year old").
    AgeBanner,
    /// The headline again, after its first occurrence (or after the `title` field).
    RepeatedTitle,
    /// A paragraph repeated verbatim later in the same article.
    RepeatedText,
    /// A wire or agency credit line standing alone ("BLOOMBERG", "Reporting by …").
    Credit,
    /// A call to join, subscribe, follow or download.
    Promo,
    /// A notice that the article appeared in print, with its date and headline.
    PrintNotice,
    /// Section links, related-stories headers and tip-off prompts.
    Navigation,
    /// A trailing site symbol ("®", "■") after the story.
    SiteMark,
}

impl NoiseKind {
    pub const ALL: [NoiseKind; 10] = [
        NoiseKind::MetadataPrefix,
        NoiseKind::Dateline,
        NoiseKind::AgeBanner,
        NoiseKind::RepeatedTitle,
        NoiseKind::RepeatedText,
        NoiseKind::Credit,
        NoiseKind::Promo,
        NoiseKind::PrintNotice,
        NoiseKind::Navigation,
        NoiseKind::SiteMark,
    ];

    /// The output (and metric label) name.
    pub fn as_str(self) -> &'static str {
        match self {
            NoiseKind::MetadataPrefix => "metadata_prefix",
            NoiseKind::Dateline => "dateline",
            NoiseKind::AgeBanner => "age_banner",
            NoiseKind::RepeatedTitle => "repeated_title",
            NoiseKind::RepeatedText => "repeated_text",
            NoiseKind::Credit => "credit",
            NoiseKind::Promo => "promo",
            NoiseKind::PrintNotice => "print_notice",
            NoiseKind::Navigation => "navigation",
            NoiseKind::SiteMark => "site_mark",
        }
    }
}

/// A span of a field that is crawler noise, not story. Offsets are code points, like every span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Noise {
    pub kind: NoiseKind,
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Story facts the noise states (a print notice's date, a credit's agency), whether or not
    /// they were used to fill an empty record field.
    #[serde(default, skip_serializing_if = "Carries::is_empty")]
    pub carries: Carries,
}

/// Facts a noise span carries about the story.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Carries {
    /// ISO 8601 date (`YYYY-MM-DD`, or the date-time as written when it has a time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Carries {
    pub fn is_empty(&self) -> bool {
        self.published_at.is_none() && self.source.is_none()
    }
}

/// Provenance of a record field filled from noise: the value is an inference, not the crawler's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inferred {
    /// The kind of noise span the value was read from.
    pub from: NoiseKind,
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub low: f64,
    pub high: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectRef {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    Money,
    Percent,
    Count,
    Duration,
    Measure,
    Ratio,
}

/// What a claim says of its figure (NewsQuant's `change`): stated as is, approximate, a lower or upper
/// bound, or the amount of a rise or fall. Written as NewsQuant writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Change {
    #[default]
    #[serde(rename = "=")]
    Equal,
    #[serde(rename = "~")]
    Approx,
    /// "more than 5": the figure is a lower bound.
    #[serde(rename = ">")]
    More,
    /// "up to 5": the figure is an upper bound.
    #[serde(rename = "<")]
    Less,
    #[serde(rename = "up")]
    Up,
    #[serde(rename = "down")]
    Down,
}

impl Change {
    /// NewsQuant's spelling ("=", "~", ">", "<", "up", "down").
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Equal => "=",
            Change::Approx => "~",
            Change::More => ">",
            Change::Less => "<",
            Change::Up => "up",
            Change::Down => "down",
        }
    }

    /// A rise or a fall, not a bound or a plain figure.
    pub fn is_direction(self) -> bool {
        matches!(self, Change::Up | Change::Down)
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The output record, one per article. Optional stage outputs are absent (not empty) when the stage is
/// disabled, so consumers can tell "found nothing" from "did not look".
#[derive(Debug, Serialize)]
pub struct Enriched<'a> {
    pub schema: &'static str,
    pub id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub passthrough: &'a Map<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a Language>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<&'a [Entity]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<&'a [Claim]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noise: Option<&'a [Noise]>,
    /// [`Article::fingerprint`] as 16 lower-case hex digits (a JSON number would lose bits past 2^53).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near_duplicate_of: Option<&'a str>,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub inferred: &'a std::collections::BTreeMap<&'static str, Inferred>,
    pub processing: Processing<'a>,
}

#[derive(Debug, Serialize)]
pub struct Processing<'a> {
    pub tidings_version: &'static str,
    pub origin: &'a Origin,
    pub stage_ms: Map<String, Value>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub models: &'a Map<String, Value>,
    /// Lists cut to the codec's caps (`claims`/`entities` → `{kept, total}`); absent when nothing was cut.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub truncated: Map<String, Value>,
}

/// Maps byte offsets of one string to code-point offsets in O(log n), so stages can work on `&str`
/// byte ranges internally and still emit the code-point offsets the schema promises.
pub struct CharIndex {
    /// Byte offset of every char start, plus the string length as a sentinel.
    starts: Vec<usize>,
}

impl CharIndex {
    pub fn new(s: &str) -> Self {
        let mut starts: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
        starts.push(s.len());
        CharIndex { starts }
    }

    /// Code-point offset of a byte offset; a byte inside a char maps to that char's index.
    pub fn char_of(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of a code-point offset (clamped to the end).
    pub fn byte_of(&self, ch: usize) -> usize {
        self.starts[ch.min(self.starts.len() - 1)]
    }

    pub fn len_chars(&self) -> usize {
        self.starts.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_written_as_newsquant_writes_it_and_read_back() {
        use Change::*;
        for (c, text) in [
            (Equal, "="),
            (Approx, "~"),
            (More, ">"),
            (Less, "<"),
            (Up, "up"),
            (Down, "down"),
        ] {
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{text}\""));
            assert_eq!(c.to_string(), text);
            assert_eq!(
                serde_json::from_str::<Change>(&format!("\"{text}\"")).unwrap(),
                c
            );
        }
        assert!(serde_json::from_str::<Change>("\"sideways\"").is_err());
    }

    #[test]
    fn char_index_round_trips_multibyte_text() {
        let s = "a€😀b";
        let idx = CharIndex::new(s);
        assert_eq!(idx.len_chars(), 4);
        assert_eq!(idx.char_of(0), 0);
        assert_eq!(idx.char_of(1), 1);
        assert_eq!(idx.char_of(4), 2);
        assert_eq!(idx.char_of(8), 3);
        assert_eq!(idx.char_of(9), 4);
        for c in 0..=4 {
            assert_eq!(idx.char_of(idx.byte_of(c)), c);
        }
    }
}
