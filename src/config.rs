//! The root [`Config`]: built-in defaults, then a TOML file, then `TIDINGS__SECTION__KEY` environment
//! variables, in that order of precedence. [`Config::validate`] reports every problem at once, so an
//! operator fixes a broken deployment in one round.

use std::collections::BTreeMap;
use std::path::Path;

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};

use crate::codec::CodecConfig;
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
    #[error("cannot read configuration: {0}")]
    Load(#[from] Box<figment::Error>),
    #[error("invalid configuration:\n  - {}", .0.join("\n  - "))]
    Invalid(Vec<String>),
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
        let mut fig = Figment::from(Serialized::defaults(Config::default()));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(ConfigError::Invalid(vec![format!(
                    "config file {} does not exist",
                    path.display()
                )]));
            }
            fig = fig.merge(Toml::file(path));
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
        let mut config: Config = fig
            .merge(
                Env::prefixed("TIDINGS__")
                    .filter(move |k| !client_property(k.as_str()))
                    .split("__"),
            )
            .extract()
            .map_err(|e| ConfigError::Load(Box::new(e)))?;
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
        config.validate()?;
        Ok(config)
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

    pub fn validate(&self) -> Result<(), ConfigError> {
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
                errors.push(format!("{name} must not be empty"));
            }
        }
        if k.input_topic == k.output_topic || k.input_topic == k.dead_letter_topic {
            errors.push(
                "kafka.output_topic and kafka.dead_letter_topic must differ from kafka.input_topic"
                    .into(),
            );
        }
        if !["none", "gzip", "snappy", "lz4", "zstd"].contains(&k.compression.as_str()) {
            errors.push(format!(
                "kafka.compression = {:?}: expected none, gzip, snappy, lz4 or zstd",
                k.compression
            ));
        }
        if !["earliest", "latest"].contains(&k.auto_offset_reset.as_str()) {
            errors.push(format!(
                "kafka.auto_offset_reset = {:?}: expected earliest or latest",
                k.auto_offset_reset
            ));
        }
        if self.telemetry.http_max_connections == 0 || self.telemetry.http_header_timeout_ms == 0 {
            errors.push(
                "telemetry.http_max_connections and telemetry.http_header_timeout_ms must be at least 1"
                    .into(),
            );
        }
        if self.telemetry.stall_secs == 0 {
            errors.push("telemetry.stall_secs must be at least 1".into());
        }
        if !self.telemetry.http_address.is_empty()
            && self
                .telemetry
                .http_address
                .parse::<std::net::SocketAddr>()
                .is_err()
        {
            errors.push(format!(
                "telemetry.http_address = {:?}: expected host:port such as 0.0.0.0:9464, or empty",
                self.telemetry.http_address
            ));
        }
        for (section, props) in [("consumer", &k.consumer), ("producer", &k.producer)] {
            let before = errors.len();
            for (name, value) in props {
                if let Err(e) = crate::kafka::properties::check(name, value) {
                    errors.push(format!("kafka.{section}.\"{name}\": {e}"));
                }
            }
            if errors.len() == before && !props.is_empty() {
                if let Err(e) = crate::kafka::properties::check_client(section, props) {
                    errors.push(format!("kafka.{section}: {e}"));
                }
            }
        }
        if k.exactly_once && k.commit_interval_ms < 10 {
            errors.push(
                "kafka.commit_interval_ms is the transaction length in exactly-once mode: use ≥ 10"
                    .into(),
            );
        }
        if self.workers.queue == 0 || self.workers.batch_size == 0 {
            errors.push("workers.queue and workers.batch_size must be at least 1".into());
        }
        if self.codec.max_bytes == 0 {
            errors.push("codec.max_bytes must be at least 1".into());
        }
        // An accepted input that fails must fit, whole, in its dead letter; otherwise the limits
        // contradict each other and records near the limit are truncated for no good reason.
        match crate::kafka::message_max_bytes(k) {
            Ok(limit) if self.codec.max_bytes + crate::kafka::DEAD_LETTER_ROOM > limit => {
                errors.push(format!(
                    "codec.max_bytes = {} leaves no room for a dead letter under the producer's \
                     message.max.bytes = {limit}: keep it at most {} (or raise \
                     kafka.producer.\"message.max.bytes\", and the topics' max.message.bytes with it)",
                    self.codec.max_bytes,
                    limit.saturating_sub(crate::kafka::DEAD_LETTER_ROOM)
                ))
            }
            Ok(_) => {}
            Err(e) => errors.push(e),
        }
        if self.codec.max_claims == 0 || self.codec.max_entities == 0 {
            errors.push("codec.max_claims and codec.max_entities must be at least 1".into());
        }
        if self.codec.text_fields.is_empty() {
            errors.push("codec.text_fields must name at least one field".into());
        }
        let ner = &self.stages.ner;
        if ner.enabled {
            if !ner.model_dir.is_dir() {
                errors.push(format!(
                    "stages.ner.model_dir {} is not a directory (set stages.ner.enabled = false to run without NER)",
                    ner.model_dir.display()
                ));
            }
            if ner.batch_size == 0 || ner.max_tokens < 16 {
                errors.push(
                    "stages.ner.batch_size must be ≥ 1 and stages.ner.max_tokens ≥ 16".into(),
                );
            }
        }
        if !(0.0..=1.0).contains(&self.stages.lang.min_margin) {
            errors.push("stages.lang.min_margin must lie in 0..=1".into());
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ConfigError::Invalid(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(c: &Config) -> Vec<String> {
        match c.validate() {
            Ok(()) => Vec::new(),
            Err(ConfigError::Invalid(v)) => v,
            Err(e) => vec![e.to_string()],
        }
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
