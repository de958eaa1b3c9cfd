//! The root [`Config`]: built-in defaults, then a TOML file, then `TIDINGS__SECTION__KEY` environment
//! variables, in that order of precedence. [`Config::validate`] reports every problem at once, so an
//! operator fixes a broken deployment in one round.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};

use crate::codec::CodecConfig;
use crate::resources::{Locator, SetBy};
use crate::stages::StagesConfig;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub kafka: KafkaConfig,
    pub codec: CodecConfig,
    pub stages: StagesConfig,
    pub workers: WorkersConfig,
    pub telemetry: TelemetryConfig,
    pub shutdown: ShutdownConfig,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct KafkaConfig {
    pub brokers: String,
    pub group_id: String,
    pub input_topic: String,
    pub output_topic: String,
    pub dead_letter_topic: String,
    /// none, gzip, snappy, lz4 or zstd.
    pub compression: String,
    /// Where a new consumer group starts: earliest or latest.
    pub auto_offset_reset: String,
    pub session_timeout_ms: u32,
    /// How often stored (acknowledged) offsets are committed.
    pub commit_interval_ms: u32,
    /// Exactly-once mode: output, dead letters and input offsets commit together in Kafka
    /// transactions every `commit_interval_ms`. Off = at-least-once (duplicates possible after a crash).
    pub exactly_once: bool,
    /// The producer's transactional.id in exactly-once mode. Must be stable across restarts of one
    /// instance (a restart then aborts what the crashed run left open) and unique across instances.
    /// Empty = "tidings-{group_id}-{hostname}".
    pub transactional_id: String,
    /// Extra librdkafka consumer properties (security.protocol, sasl.*, ...), checked against
    /// librdkafka at start; from the environment as `TIDINGS__KAFKA__CONSUMER__SASL_PASSWORD`
    /// ([`crate::kafka::properties`]).
    pub consumer: BTreeMap<String, String>,
    /// Extra librdkafka producer properties (same rules).
    pub producer: BTreeMap<String, String>,
}

impl Default for KafkaConfig {
    fn default() -> Self {
        KafkaConfig {
            brokers: "localhost:9092".into(),
            group_id: "tidings".into(),
            input_topic: "articles".into(),
            output_topic: "articles.enriched".into(),
            dead_letter_topic: "articles.dlq".into(),
            compression: "lz4".into(),
            auto_offset_reset: "earliest".into(),
            session_timeout_ms: 30_000,
            commit_interval_ms: 1_000,
            exactly_once: false,
            transactional_id: String::new(),
            consumer: BTreeMap::new(),
            producer: BTreeMap::new(),
        }
    }
}

impl KafkaConfig {
    pub fn transactional_id(&self) -> String {
        if !self.transactional_id.is_empty() {
            return self.transactional_id.clone();
        }
        let host = std::env::var("HOSTNAME")
            .ok()
            .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "localhost".into());
        format!("tidings-{}-{host}", self.group_id)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WorkersConfig {
    /// Worker threads running the stages; 0 = one per core.
    pub count: usize,
    /// Articles waiting for a worker; the bound is what turns a slow stage into slower consumption.
    pub queue: usize,
    /// Articles a worker takes at once (NER batches windows across them).
    pub batch_size: usize,
}

impl Default for WorkersConfig {
    fn default() -> Self {
        WorkersConfig {
            count: 0,
            queue: 64,
            batch_size: 8,
        }
    }
}

impl WorkersConfig {
    pub fn threads(&self) -> usize {
        if self.count == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            self.count
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    /// JSON when stdout is not a terminal (a service), human-readable on a terminal.
    Auto,
    Json,
    Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct TelemetryConfig {
    pub log_format: LogFormat,
    /// tracing filter, e.g. "info" or "tidings=debug,rdkafka=warn"; RUST_LOG wins when set.
    pub log_level: String,
    /// Seconds between stats lines; 0 turns them off.
    pub stats_interval_secs: u64,
    /// Address of the HTTP endpoint (/healthz, /readyz, /metrics) in Kafka mode; empty = none.
    pub http_address: String,
    /// Not ready (and a warning each stats line) when nothing was delivered for this long while
    /// records wait: an unwritable topic, a lost broker or a wedged stage.
    pub stall_secs: u64,
    /// HTTP connections served at once; more are closed at accept (keeps slow or idle clients from
    /// using up file descriptors and starving the probes).
    pub http_max_connections: usize,
    /// Time an HTTP client has to send its request headers before the connection is closed.
    pub http_header_timeout_ms: u64,
}

impl Default for TelemetryConfig {
    fn default() -> Self {
        TelemetryConfig {
            log_format: LogFormat::Auto,
            log_level: "info".into(),
            stats_interval_secs: 10,
            http_address: "127.0.0.1:9464".into(),
            stall_secs: 60,
            http_max_connections: 64,
            http_header_timeout_ms: 5000,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ShutdownConfig {
    /// After SIGTERM, how long in-flight work may take to finish before the daemon exits anyway
    /// (uncommitted work is then redelivered on restart, never lost).
    pub deadline_secs: u64,
}

impl Default for ShutdownConfig {
    fn default() -> Self {
        ShutdownConfig { deadline_secs: 30 }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Every problem found, each naming where it was set (file and key, or environment variable).
    #[error("invalid configuration:\n  - {}", .0.join("\n  - "))]
    Invalid(Vec<String>),
}

/// One configuration problem: the key it concerns (a dotted path, for finding where it was set) and
/// what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub message: String,
}

impl Problem {
    fn new(key: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            key: key.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

/// A configuration layer whose keys can be removed: after a key fails to deserialise, it is taken
/// out and the rest is read again, so one run reports every bad key instead of the first.
struct Layer {
    meta: figment::Metadata,
    data: figment::value::Map<figment::Profile, figment::value::Dict>,
}

impl figment::Provider for Layer {
    fn metadata(&self) -> figment::Metadata {
        self.meta.clone()
    }

    fn data(
        &self,
    ) -> Result<figment::value::Map<figment::Profile, figment::value::Dict>, figment::Error> {
        Ok(self.data.clone())
    }
}

impl Layer {
    /// Reads a provider once; Err is the reason in words (a TOML syntax error with its line).
    fn of(p: impl figment::Provider) -> Result<Layer, String> {
        Ok(Layer {
            meta: p.metadata(),
            data: p.data().map_err(|e| e.kind.to_string())?,
        })
    }

    /// Removes the value at `path` (in every profile); true when there was one.
    fn remove(&mut self, path: &[String]) -> bool {
        fn walk(dict: &mut figment::value::Dict, path: &[String]) -> bool {
            match path {
                [] => false,
                [last] => dict.remove(last).is_some(),
                [first, rest @ ..] => match dict.get_mut(first) {
                    Some(figment::value::Value::Dict(_, inner)) => walk(inner, rest),
                    _ => false,
                },
            }
        }
        let mut removed = false;
        for dict in self.data.values_mut() {
            removed |= walk(dict, path);
        }
        removed
    }
}

/// A figment error in the operator's words: what is wrong, without serde's backticks.
fn describe(kind: &figment::error::Kind) -> String {
    use figment::error::Kind;
    let list = |names: &[&str]| names.join(", ");
    match kind {
        Kind::UnknownField(_, expected) => {
            format!("unknown key; known keys here: {}", list(expected))
        }
        Kind::UnknownVariant(v, expected) => {
            format!("unknown value {v:?}; expected one of {}", list(expected))
        }
        Kind::InvalidType(actual, expected) | Kind::InvalidValue(actual, expected) => {
            format!("expected {}, found {actual}", expected.trim_matches('`'))
        }
        Kind::InvalidLength(n, expected) => format!("expected {expected}, found {n} items"),
        Kind::MissingField(name) => format!("missing key {name}"),
        Kind::DuplicateField(name) => format!("key {name} given twice"),
        Kind::Message(m) => m.clone(),
        other => other.to_string(),
    }
}

/// Where a key was set, for error messages: `FILE: key` or `environment TIDINGS__A__B`.
fn place(meta: Option<&figment::Metadata>, key: &str) -> String {
    match meta {
        Some(m) => match &m.source {
            Some(figment::Source::File(path)) => format!("{}: {key}", path.display()),
            _ if m.name.contains("environment") => format!(
                "environment TIDINGS__{}",
                key.replace('.', "__").to_ascii_uppercase()
            ),
            _ => key.to_string(),
        },
        None => key.to_string(),
    }
}

/// Who set a key, for resolving a relative path it holds ([`crate::resources`]).
fn set_by(fig: &Figment, key: &str) -> SetBy {
    match fig.find_metadata(key) {
        Some(m) => match &m.source {
            Some(figment::Source::File(path)) => SetBy::File(path.clone()),
            _ if m.name.contains("environment") => SetBy::Caller,
            _ => SetBy::Default,
        },
        None => SetBy::Default,
    }
}

impl Config {
    /// Defaults ← file (if given) ← `TIDINGS__*` environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let vars: Vec<(String, String)> = std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
            .collect();
        Config::load_with(file, vars)
    }

    /// [`Config::load`] with the environment given (tests).
    pub fn load_with(
        file: Option<&Path>,
        env: Vec<(String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut layers = Vec::new();
        if let Some(path) = file {
            if !path.is_file() {
                return Err(ConfigError::Invalid(vec![format!(
                    "config file {} does not exist",
                    path.display()
                )]));
            }
            // A syntax error hides everything after it: report it alone.
            layers.push(
                Layer::of(Toml::file(path))
                    .map_err(|e| ConfigError::Invalid(vec![format!("{}: {e}", path.display())]))?,
            );
        }
        // librdkafka properties come from the environment verbatim, not through figment: it would
        // split their dotted names into nested keys and parse values ("1234" → a number, "[x" → an
        // error), and a password must arrive exactly as set.
        let client_property = |key: &str| {
            let key = key.to_ascii_uppercase();
            crate::kafka::properties::ENV_SECTIONS
                .iter()
                .any(|(prefix, _)| key.starts_with(prefix))
        };
        let env_layer = Layer::of(
            Env::prefixed("TIDINGS__")
                .filter(move |k| !client_property(k.as_str()))
                .split("__"),
        )
        .map_err(|e| ConfigError::Invalid(vec![format!("environment: {e}")]))?;
        layers.push(env_layer);

        // Read, take out each key that fails, read again: every bad key is reported at once.
        let mut problems: Vec<String> = Vec::new();
        let (fig, mut config) = loop {
            let mut fig = Figment::from(Serialized::defaults(Config::default()));
            for layer in &layers {
                fig = fig.merge(Layer {
                    meta: layer.meta.clone(),
                    data: layer.data.clone(),
                });
            }
            match fig.extract::<Config>() {
                Ok(config) => break (fig, config),
                Err(errors) => {
                    let mut removed = false;
                    for e in errors {
                        let mut path = e.path.clone();
                        if let figment::error::Kind::UnknownField(field, _) = &e.kind {
                            if path.last() != Some(field) {
                                path.push(field.clone());
                            }
                        }
                        let key = path.join(".");
                        problems.push(format!(
                            "{}: {}",
                            place(e.metadata.as_ref(), &key),
                            describe(&e.kind)
                        ));
                        for layer in &mut layers {
                            removed |= layer.remove(&path);
                        }
                    }
                    if !removed || problems.len() > 100 {
                        return Err(ConfigError::Invalid(problems));
                    }
                }
            }
        };
        let k = &mut config.kafka;
        for map in [&mut k.consumer, &mut k.producer] {
            *map = std::mem::take(map)
                .into_iter()
                .map(|(name, v)| (crate::kafka::properties::normalise(&name), v))
                .collect();
        }
        for (section, props) in crate::kafka::properties::from_env(env) {
            let map = if section == "consumer" {
                &mut k.consumer
            } else {
                &mut k.producer
            };
            map.extend(props);
        }
        let mut found = config.resolve_paths(&fig, &Locator::new());
        found.extend(config.problems());
        problems.extend(found.into_iter().map(|p| {
            let lookup = p.key.split(".\"").next().unwrap_or(&p.key);
            format!(
                "{}: {}",
                place(fig.find_metadata(lookup), &p.key),
                p.message
            )
        }));
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError::Invalid(problems))
        }
    }

    /// Turns the relative paths of shipped files (NER model, ONNX Runtime library) into the places
    /// they were found ([`crate::resources`]); a path found nowhere is a problem naming every place.
    fn resolve_paths(&mut self, fig: &Figment, locator: &Locator) -> Vec<Problem> {
        let mut problems = Vec::new();
        let ner = &mut self.stages.ner;
        if !ner.enabled {
            return problems;
        }
        let by = set_by(fig, "stages.ner.model_dir");
        match locator.data(&ner.model_dir, &by) {
            Ok(found) if found.is_dir() => ner.model_dir = found,
            Ok(found) => problems.push(Problem::new(
                "stages.ner.model_dir",
                format!("{} is not a directory", found.display()),
            )),
            Err(e) => problems.push(Problem::new(
                "stages.ner.model_dir",
                format!("{e} (set stages.ner.enabled = false to run without NER)"),
            )),
        }
        if ner.backend == crate::stages::ner::Backend::Onnx {
            let env_path = std::env::var_os("ORT_DYLIB_PATH").map(PathBuf::from);
            let by_key = set_by(fig, "stages.ner.runtime_path");
            let configured = match (&ner.runtime_path, &env_path) {
                (Some(p), _) => Some((p.as_path(), &by_key)),
                (None, Some(p)) => Some((p.as_path(), &SetBy::Caller)),
                (None, None) => None,
            };
            match locator.onnx_runtime(configured) {
                Ok(found) => ner.runtime_path = Some(found),
                Err(e) => problems.push(Problem::new(
                    "stages.ner.runtime_path",
                    format!(
                        "{e} (run scripts/setup, or set ORT_DYLIB_PATH or stages.ner.runtime_path)"
                    ),
                )),
            }
        }
        problems
    }

    /// The effective configuration as JSON with every secret value replaced (check-config, logs).
    pub fn redacted(&self) -> serde_json::Value {
        fn walk(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(map) => {
                    for (k, v) in map.iter_mut() {
                        if crate::kafka::properties::is_secret(k) && !v.is_object() {
                            *v = crate::kafka::properties::REDACTED.into();
                        } else {
                            walk(v);
                        }
                    }
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
                _ => {}
            }
        }
        // Serialising plain data cannot fail (string keys only, no I/O).
        let mut v = serde_json::to_value(self).unwrap_or_default();
        walk(&mut v);
        v
    }

    /// Every problem of an already-read configuration ([`Config::problems`]) as one error.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ConfigError::Invalid(
                problems.iter().map(Problem::to_string).collect(),
            ))
        }
    }

    /// Checks the values against each other and against librdkafka (each property set on a
    /// configuration, then each section on a client that connects nowhere), all at once.
    pub fn problems(&self) -> Vec<Problem> {
        let mut errors = Vec::new();
        let k = &self.kafka;
        for (name, v) in [
            ("kafka.brokers", &k.brokers),
            ("kafka.group_id", &k.group_id),
            ("kafka.input_topic", &k.input_topic),
            ("kafka.output_topic", &k.output_topic),
            ("kafka.dead_letter_topic", &k.dead_letter_topic),
        ] {
            if v.trim().is_empty() {
                errors.push(Problem::new(name, "must not be empty"));
            }
        }
        if k.input_topic == k.output_topic || k.input_topic == k.dead_letter_topic {
            errors.push(Problem::new(
                "kafka.input_topic",
                "kafka.output_topic and kafka.dead_letter_topic must differ from it",
            ));
        }
        if !["none", "gzip", "snappy", "lz4", "zstd"].contains(&k.compression.as_str()) {
            errors.push(Problem::new(
                "kafka.compression",
                format!(
                    "{:?}: expected none, gzip, snappy, lz4 or zstd",
                    k.compression
                ),
            ));
        }
        if !["earliest", "latest"].contains(&k.auto_offset_reset.as_str()) {
            errors.push(Problem::new(
                "kafka.auto_offset_reset",
                format!("{:?}: expected earliest or latest", k.auto_offset_reset),
            ));
        }
        let t = &self.telemetry;
        if t.http_max_connections == 0 {
            errors.push(Problem::new(
                "telemetry.http_max_connections",
                "must be at least 1",
            ));
        }
        if t.http_header_timeout_ms == 0 {
            errors.push(Problem::new(
                "telemetry.http_header_timeout_ms",
                "must be at least 1",
            ));
        }
        if t.stall_secs == 0 {
            errors.push(Problem::new("telemetry.stall_secs", "must be at least 1"));
        }
        if !t.http_address.is_empty() && !is_host_port(&t.http_address) {
            errors.push(Problem::new(
                "telemetry.http_address",
                format!(
                    "{:?}: expected host:port such as 0.0.0.0:9464 or localhost:9464, or empty",
                    t.http_address
                ),
            ));
        }
        for (section, props) in [("consumer", &k.consumer), ("producer", &k.producer)] {
            let before = errors.len();
            for (name, value) in props {
                if let Err(e) = crate::kafka::properties::check(name, value) {
                    errors.push(Problem::new(format!("kafka.{section}.\"{name}\""), e));
                }
            }
            // Every section is tried on a client, configured or not: some limits of this build
            // only show when librdkafka creates one.
            if errors.len() == before {
                if let Err(e) = crate::kafka::properties::check_client(section, props) {
                    errors.push(Problem::new(format!("kafka.{section}"), e));
                }
            }
        }
        if k.exactly_once && k.commit_interval_ms < 10 {
            errors.push(Problem::new(
                "kafka.commit_interval_ms",
                "is the transaction length in exactly-once mode: use ≥ 10",
            ));
        }
        if self.workers.queue == 0 {
            errors.push(Problem::new("workers.queue", "must be at least 1"));
        }
        if self.workers.batch_size == 0 {
            errors.push(Problem::new("workers.batch_size", "must be at least 1"));
        }
        if self.codec.max_bytes == 0 {
            errors.push(Problem::new("codec.max_bytes", "must be at least 1"));
        }
        // An accepted input that fails must fit, whole, in its dead letter; otherwise the limits
        // contradict each other and records near the limit are truncated for no good reason.
        match crate::kafka::message_max_bytes(k) {
            Ok(limit) if self.codec.max_bytes + crate::kafka::DEAD_LETTER_ROOM > limit => {
                errors.push(Problem::new(
                    "codec.max_bytes",
                    format!(
                        "{} leaves no room for a dead letter under the producer's \
                         message.max.bytes = {limit}: keep it at most {} (or raise \
                         kafka.producer.\"message.max.bytes\", and the topics' max.message.bytes with it)",
                        self.codec.max_bytes,
                        limit.saturating_sub(crate::kafka::DEAD_LETTER_ROOM)
                    ),
                ))
            }
            Ok(_) => {}
            Err(e) => errors.push(Problem::new("kafka.producer", e)),
        }
        if self.codec.max_claims == 0 {
            errors.push(Problem::new("codec.max_claims", "must be at least 1"));
        }
        if self.codec.max_entities == 0 {
            errors.push(Problem::new("codec.max_entities", "must be at least 1"));
        }
        if self.codec.text_fields.is_empty() {
            errors.push(Problem::new(
                "codec.text_fields",
                "must name at least one field",
            ));
        }
        let ner = &self.stages.ner;
        if ner.enabled {
            if ner.batch_size == 0 {
                errors.push(Problem::new("stages.ner.batch_size", "must be at least 1"));
            }
            if ner.max_tokens < 16 {
                errors.push(Problem::new("stages.ner.max_tokens", "must be at least 16"));
            }
        }
        if !(0.0..=1.0).contains(&self.stages.lang.min_margin) {
            errors.push(Problem::new("stages.lang.min_margin", "must lie in 0..=1"));
        }
        errors
    }
}

/// `host:port` with a port number and a host name or address (`localhost:9464`, `[::1]:9464`);
/// whether the name resolves is the bind's business, at start.
fn is_host_port(address: &str) -> bool {
    if address.parse::<std::net::SocketAddr>().is_ok() {
        return true;
    }
    match address.rsplit_once(':') {
        Some((host, port)) => {
            port.parse::<u16>().is_ok()
                && !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(c: &Config) -> Vec<String> {
        c.problems().iter().map(Problem::to_string).collect()
    }

    #[test]
    fn defaults_are_valid_without_the_ner_model() {
        let mut c = Config::default();
        c.stages.ner.enabled = false;
        assert_eq!(problems(&c), Vec::<String>::new());
    }

    /// Issue 14.2: codec.max_bytes (1 MiB then) above the producer's message.max.bytes (1 000 000)
    /// made every too_large dead letter unproducible.
    #[test]
    fn rejects_an_input_limit_the_producer_cannot_dead_letter() {
        let mut c = Config::default();
        c.stages.ner.enabled = false;
        c.codec.max_bytes = 1 << 20;
        let p = problems(&c);
        assert!(
            p.iter()
                .any(|e| e.contains("codec.max_bytes") && e.contains("1000000")),
            "{p:?}"
        );
        c.kafka
            .producer
            .insert("message.max.bytes".into(), "2000000".into());
        assert_eq!(problems(&c), Vec::<String>::new());
        c.kafka
            .producer
            .insert("message.max.bytes".into(), "lots".into());
        assert!(problems(&c).iter().any(|e| e.contains("\"lots\"")));
    }
}
