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
    /// Lower-case singular English unit name, as in the NewsQuant format ("dollar", "percentage", "job").
    pub unit_name: String,
    /// NewsQuant change: "=", "~", ">", "<", "up", "down".
    pub change: String,
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
