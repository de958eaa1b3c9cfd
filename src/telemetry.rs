//! Logs and counters: the tracing subscriber (JSON for services, text on a terminal), the shared
//! [`Stats`] the pipeline updates, the periodic stats line operators watch, and the same numbers as
//! Prometheus metrics (served by [`crate::http`]).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Instant;

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use tracing_subscriber::EnvFilter;

use crate::config::{LogFormat, TelemetryConfig};

/// Installs the global subscriber; logs go to stderr so `--output -` keeps stdout clean JSON Lines.
pub fn init(config: &TelemetryConfig) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&config.log_level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let json = match config.log_format {
        LogFormat::Json => true,
        LogFormat::Text => false,
        LogFormat::Auto => !std::io::stderr().is_terminal(),
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second init (tests, demo after run) is harmless: the first subscriber stays.
    let _ = if json {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}

type Labels = Vec<(&'static str, String)>;

fn stage_histogram() -> Histogram {
    // 0.1 ms … ~3.3 s: claims take well under a millisecond, a slow NER batch seconds.
    Histogram::new(exponential_buckets(0.0001, 2.0, 16))
}

/// Counters shared by the source, the workers and the sinks. Each one is a Prometheus metric in
/// [`Stats::registry`] (a per-run registry, not a global one, so tests and the demo can run several
/// pipelines in one process); the periodic log line reads the same values.
pub struct Stats {
    started: Instant,
    pub consumed: Counter,
    pub produced: Counter,
    pub dead_lettered: Counter,
    pub delivery_retries: Counter,
    pub rebalances: Counter,
    pub commit_failures: Counter,
    pub skipped_revoked: Counter,
    /// Input headers dropped because their name is not UTF-8 (the record itself is processed).
    pub headers_dropped: Counter,
    dead_letter_reasons: Family<Labels, Counter>,
    /// The same counts for the log line (a metric family cannot be listed).
    reasons: Mutex<BTreeMap<&'static str, u64>>,
    transactions: Family<Labels, Counter>,
    stage_seconds: Family<Labels, Histogram, fn() -> Histogram>,
    /// Noise spans marked by the noise stage, by kind (`tidings_noise_spans_total{kind}`).
    noise_spans: Family<Labels, Counter>,
    /// Articles the noise stage found close to a recent one (`tidings_near_duplicates_total`).
    pub near_duplicates: Counter,
    in_flight: Gauge,
    lag: Family<Labels, Gauge>,
    registry: Registry,
    /// Exact percentiles for the log line (the Prometheus histogram only has buckets).
    stage_us: Mutex<BTreeMap<&'static str, hdrhistogram::Histogram<u64>>>,
    last: Mutex<(Instant, u64)>,
}

impl Default for Stats {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("tidings");
        let stats = Stats {
            started: Instant::now(),
            consumed: Counter::default(),
            produced: Counter::default(),
            dead_lettered: Counter::default(),
            delivery_retries: Counter::default(),
            rebalances: Counter::default(),
            commit_failures: Counter::default(),
            skipped_revoked: Counter::default(),
            headers_dropped: Counter::default(),
            dead_letter_reasons: Family::default(),
            reasons: Mutex::new(BTreeMap::new()),
            transactions: Family::default(),
            stage_seconds: Family::new_with_constructor(stage_histogram as fn() -> Histogram),
            noise_spans: Family::default(),
            near_duplicates: Counter::default(),
            in_flight: Gauge::default(),
            lag: Family::default(),
            registry: Registry::default(),
            stage_us: Mutex::new(BTreeMap::new()),
            last: Mutex::new((Instant::now(), 0)),
        };
        registry.register(
            "consumed",
            "Input records taken from the source",
            stats.consumed.clone(),
        );
        registry.register(
            "produced",
            "Enriched records acknowledged by the output sink",
            stats.produced.clone(),
        );
        registry.register(
            "dead_lettered_by_reason",
            "Records acknowledged by the dead-letter sink, by reason",
            stats.dead_letter_reasons.clone(),
        );
        registry.register(
            "dead_lettered",
            "Records acknowledged by the dead-letter sink",
            stats.dead_lettered.clone(),
        );
        registry.register(
            "delivery_retries",
            "Failed output or dead-letter writes that were retried (offsets held meanwhile)",
            stats.delivery_retries.clone(),
        );
        registry.register(
            "rebalances",
            "Consumer group rebalances seen",
            stats.rebalances.clone(),
        );
        registry.register(
            "commit_failures",
            "Offset commits the broker rejected",
            stats.commit_failures.clone(),
        );
        registry.register(
            "skipped_revoked",
            "Records fetched for a partition revoked before they were read (their new owner does them)",
            stats.skipped_revoked.clone(),
        );
        registry.register(
            "headers_dropped",
            "Input headers dropped because their name is not UTF-8 (the record is processed without them)",
            stats.headers_dropped.clone(),
        );
        registry.register(
            "transactions",
            "Exactly-once transactions, by result",
            stats.transactions.clone(),
        );
        registry.register(
            "stage_duration_seconds",
            "Time a stage spent per article (batch time shared out evenly)",
            stats.stage_seconds.clone(),
        );
        registry.register(
            "noise_spans",
            "Crawler-noise spans the noise stage marked, by kind",
            stats.noise_spans.clone(),
        );
        registry.register(
            "near_duplicates",
            "Articles marked near_duplicate_of a recent article of this instance",
            stats.near_duplicates.clone(),
        );
        registry.register(
            "in_flight",
            "Records taken from the source and not yet acknowledged by a sink",
            stats.in_flight.clone(),
        );
        registry.register(
            "consumer_lag",
            "Records behind the partition's high watermark, as librdkafka last reported",
            stats.lag.clone(),
        );
        Stats { registry, ..stats }
    }
}

impl Stats {
    pub fn record_stage(&self, stage: &'static str, ms: f64) {
        self.stage_seconds
            .get_or_create(&vec![("stage", stage.to_string())])
            .observe(ms / 1e3);
        let mut h = self.stage_us.lock().unwrap_or_else(|p| p.into_inner());
        // 3 significant figures is within hdrhistogram's valid 0..=5, so creation cannot fail.
        let hist = h
            .entry(stage)
            .or_insert_with(|| hdrhistogram::Histogram::new(3).expect("sigfig 3 is valid"));
        // Microseconds; a value too large for the histogram is dropped from the percentiles only.
        let _ = hist.record((ms * 1000.0).max(1.0) as u64);
    }

    /// Counts what the noise stage marked on one article.
    pub fn record_noise(&self, article: &crate::record::Article) {
        for n in article.noise.iter().flatten() {
            self.noise_spans
                .get_or_create(&vec![("kind", n.kind.as_str().to_string())])
                .inc();
        }
        if article.near_duplicate_of.is_some() {
            self.near_duplicates.inc();
        }
    }

    pub fn record_dead_letter(&self, kind: &'static str) {
        self.dead_lettered.inc();
        self.dead_letter_reasons
            .get_or_create(&vec![("reason", kind.to_string())])
            .inc();
        *self
            .reasons
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(kind)
            .or_default() += 1;
    }

    pub fn record_transaction(&self, result: &'static str) {
        self.transactions
            .get_or_create(&vec![("result", result.to_string())])
            .inc();
    }

    /// Sets the gauges the source owns (records in flight, lag per partition) just before a scrape.
    pub fn set_source_gauges(&self, in_flight: usize, lag: &BTreeMap<(String, i32), i64>) {
        self.in_flight.set(in_flight as i64);
        // Rebuilt each time so revoked partitions disappear instead of showing their last lag.
        self.lag.clear();
        for ((topic, partition), l) in lag {
            self.lag
                .get_or_create(&vec![
                    ("topic", topic.clone()),
                    ("partition", partition.to_string()),
                ])
                .set(*l);
        }
    }

    /// The registry in the Prometheus/OpenMetrics text format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }

    /// Emits the periodic stats line; `in_flight` and `lag` come from the source, which owns them.
    pub fn log_line(&self, in_flight: usize, lag: Option<i64>) {
        let consumed = self.consumed.get();
        let produced = self.produced.get();
        let dead = self.dead_lettered.get();
        let rate = {
            let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
            let done = produced + dead;
            let secs = last.0.elapsed().as_secs_f64().max(1e-3);
            let r = (done - last.1.min(done)) as f64 / secs;
            *last = (Instant::now(), done);
            r
        };
        let stages: String = self
            .stage_us
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .map(|(s, h)| {
                format!(
                    "{s}:p50={:.2}ms,p99={:.2}ms",
                    h.value_at_quantile(0.5) as f64 / 1e3,
                    h.value_at_quantile(0.99) as f64 / 1e3
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        let reasons = self
            .reasons
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        tracing::info!(
            consumed,
            produced,
            dead_lettered = dead,
            dead_letter_reasons = ?reasons,
            in_flight,
            articles_per_sec = (rate * 10.0).round() / 10.0,
            consumer_lag = lag,
            stages = %stages,
            uptime_secs = self.started.elapsed().as_secs(),
            "stats"
        );
    }
}
