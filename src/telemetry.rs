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
    // Colour codes only for a person at a terminal, never into a file or a log collector.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(crate::progress::LogWriter::default)
        .with_ansi(std::io::stderr().is_terminal());
    // A second init (tests, demo after run) is harmless: the first subscriber stays.
    let _ = if json {
        builder.event_format(JsonLines).try_init()
    } else {
        builder.try_init()
    };
}

/// One JSON object per event: `timestamp`, `level`, `message`, the event's fields, `target`.
/// Unlike tracing-subscriber's JSON format, a field logged with `?` or `%` whose text is a JSON
/// array or object (a `Vec` or map's `Debug`, a `serde_json::Value`'s `Display`) is written as that
/// array or object, not as a string holding JSON; an error field is written with its causes, once.
pub struct JsonLines;

impl<S, N> tracing_subscriber::fmt::FormatEvent<S, N> for JsonLines
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
    N: for<'a> tracing_subscriber::fmt::FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        _ctx: &tracing_subscriber::fmt::FmtContext<'_, S, N>,
        mut writer: tracing_subscriber::fmt::format::Writer<'_>,
        event: &tracing::Event<'_>,
    ) -> std::fmt::Result {
        use tracing_subscriber::fmt::time::FormatTime;
        let mut map = serde_json::Map::new();
        let mut ts = String::new();
        tracing_subscriber::fmt::time::SystemTime
            .format_time(&mut tracing_subscriber::fmt::format::Writer::new(&mut ts))?;
        map.insert("timestamp".into(), ts.into());
        let meta = event.metadata();
        map.insert("level".into(), meta.level().as_str().into());
        event.record(&mut JsonFields(&mut map));
        map.insert("target".into(), meta.target().into());
        writeln!(writer, "{}", serde_json::Value::Object(map))
    }
}

struct JsonFields<'a>(&'a mut serde_json::Map<String, serde_json::Value>);

impl tracing::field::Visit for JsonFields<'_> {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.insert(field.name().into(), value.into());
    }
    fn record_i64(&mut self, field: &tracing::field::Field, value: i64) {
        self.0.insert(field.name().into(), value.into());
    }
    fn record_u64(&mut self, field: &tracing::field::Field, value: u64) {
        self.0.insert(field.name().into(), value.into());
    }
    fn record_f64(&mut self, field: &tracing::field::Field, value: f64) {
        self.0.insert(field.name().into(), value.into());
    }
    fn record_bool(&mut self, field: &tracing::field::Field, value: bool) {
        self.0.insert(field.name().into(), value.into());
    }
    fn record_error(
        &mut self,
        field: &tracing::field::Field,
        value: &(dyn std::error::Error + 'static),
    ) {
        self.0
            .insert(field.name().into(), error_chain(value).into());
    }
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        let text = format!("{value:?}");
        let structured = matches!(text.as_bytes().first(), Some(b'[' | b'{'))
            .then(|| serde_json::from_str::<serde_json::Value>(&text).ok())
            .flatten();
        let value = structured.unwrap_or(serde_json::Value::String(text));
        self.0.insert(field.name().into(), value);
    }
}

/// An error and its causes, each once: "outer: cause: root cause". A message that already ends
/// with its cause's text (an error that formats its source into itself) does not repeat it.
pub fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut out = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !out.ends_with(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = cause.source();
    }
    out
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
    /// All dead letters (the log line and summaries); the metric is by reason only.
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
    process: Process,
    /// Exact percentiles for the log line (the Prometheus histogram only has buckets).
    stage_us: Mutex<BTreeMap<&'static str, hdrhistogram::Histogram<u64>>>,
    last: Mutex<(Instant, u64)>,
}

impl Default for Stats {
    fn default() -> Self {
        let mut root = Registry::default();
        let process = Process::default();
        process.register(&mut root);
        let registry = root.sub_registry_with_prefix("tidings");
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
            process: Process::default(),
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
        // One counter, by reason: a total is `sum(tidings_dead_lettered_total)`.
        registry.register(
            "dead_lettered",
            "Records acknowledged by the dead-letter sink, by reason",
            stats.dead_letter_reasons.clone(),
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
        Stats {
            registry: root,
            process,
            ..stats
        }
    }
}

/// The standard `process_*` metrics (Prometheus client conventions), read from `/proc/self` at
/// each scrape; on a system without `/proc` they stay 0.
#[derive(Default)]
struct Process {
    cpu_seconds: Counter<f64, std::sync::atomic::AtomicU64>,
    resident_bytes: Gauge,
    virtual_bytes: Gauge,
    open_fds: Gauge,
    max_fds: Gauge,
    threads: Gauge,
    start_time_seconds: Gauge,
}

impl Process {
    fn register(&self, root: &mut Registry) {
        root.register(
            "process_cpu_seconds",
            "Total user and system CPU time spent in seconds",
            self.cpu_seconds.clone(),
        );
        for (name, help, g) in [
            (
                "process_resident_memory_bytes",
                "Resident memory size in bytes",
                &self.resident_bytes,
            ),
            (
                "process_virtual_memory_bytes",
                "Virtual memory size in bytes",
                &self.virtual_bytes,
            ),
            (
                "process_open_fds",
                "Number of open file descriptors",
                &self.open_fds,
            ),
            (
                "process_max_fds",
                "Maximum number of open file descriptors",
                &self.max_fds,
            ),
            (
                "process_threads",
                "Number of OS threads in the process",
                &self.threads,
            ),
            (
                "process_start_time_seconds",
                "Start time of the process since the Unix epoch in seconds",
                &self.start_time_seconds,
            ),
        ] {
            root.register(name, help, g.clone());
        }
    }

    fn refresh(&self) {
        // /proc/self/stat fields after the parenthesised command name: state is field 3.
        let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
            return;
        };
        let Some(rest) = stat.rsplit_once(") ").map(|(_, r)| r) else {
            return;
        };
        let f: Vec<&str> = rest.split_whitespace().collect();
        let field = |n: usize| {
            f.get(n - 3)
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0)
        };
        // USER_HZ is 100 on every Linux the daemon targets (the kernel fixes it for /proc).
        const TICKS: f64 = 100.0;
        let cpu = (field(14) + field(15)) as f64 / TICKS;
        let seen = self.cpu_seconds.get();
        if cpu > seen {
            self.cpu_seconds.inc_by(cpu - seen);
        }
        self.threads.set(field(20) as i64);
        self.virtual_bytes.set(field(23) as i64);
        let boot = std::fs::read_to_string("/proc/stat").ok().and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("btime "))
                .and_then(|v| v.trim().parse::<u64>().ok())
        });
        if let Some(boot) = boot {
            self.start_time_seconds
                .set((boot as f64 + field(22) as f64 / TICKS) as i64);
        }
        if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
            let kb = status
                .lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<i64>().ok());
            if let Some(kb) = kb {
                self.resident_bytes.set(kb * 1024);
            }
        }
        if let Ok(fds) = std::fs::read_dir("/proc/self/fd") {
            self.open_fds.set(fds.count() as i64);
        }
        if let Ok(limits) = std::fs::read_to_string("/proc/self/limits") {
            let max = limits
                .lines()
                .find(|l| l.starts_with("Max open files"))
                .and_then(|l| l.split_whitespace().nth(3))
                .and_then(|v| v.parse::<i64>().ok());
            if let Some(max) = max {
                self.max_fds.set(max);
            }
        }
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

    /// Registers `tidings_build_info` (value 1, the facts as labels), once per run.
    pub fn register_build_info(&mut self, info: &crate::version::BuildInfo) {
        self.registry.register(
            "tidings_build",
            "Version, git commit, librdkafka, ONNX Runtime and NER model of this process",
            prometheus_client::metrics::info::Info::new(info.labels()),
        );
    }

    /// The registry in the Prometheus/OpenMetrics text format.
    pub fn render(&self) -> String {
        self.process.refresh();
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
        let ms = |us: u64| (us as f64 / 10.0).round() / 100.0;
        let stages: serde_json::Map<String, serde_json::Value> = self
            .stage_us
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .map(|(s, h)| {
                let p = serde_json::json!({
                    "p50_ms": ms(h.value_at_quantile(0.5)),
                    "p99_ms": ms(h.value_at_quantile(0.99)),
                });
                (s.to_string(), p)
            })
            .collect();
        let stages = serde_json::Value::Object(stages);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(text: &str, series: &str) -> Option<f64> {
        text.lines()
            .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
    }

    #[test]
    fn metrics_hold_one_dead_letter_counter_build_info_and_process_metrics() {
        let mut stats = Stats::default();
        let mut stages = crate::stages::StagesConfig::default();
        stages.ner.enabled = false;
        stats.register_build_info(&crate::version::BuildInfo::gather(&stages));
        stats.record_dead_letter("not_json");
        stats.record_dead_letter("not_json");
        stats.record_dead_letter("no_text");
        let text = stats.render();
        assert_eq!(
            sample(&text, "tidings_dead_lettered_total{reason=\"not_json\"}"),
            Some(2.0)
        );
        assert_eq!(
            text.matches("# TYPE tidings_dead_lettered").count(),
            1,
            "{text}"
        );
        let info = text
            .lines()
            .find(|l| l.starts_with("tidings_build_info{"))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(info.contains(&format!("commit=\"{}\"", crate::version::COMMIT)));
        assert!(info.ends_with(" 1"), "{info}");
        // This process has memory, open files and has used some CPU.
        assert!(sample(&text, "process_resident_memory_bytes").unwrap() > 1e6);
        assert!(sample(&text, "process_open_fds").unwrap() >= 3.0);
        assert!(sample(&text, "process_start_time_seconds").unwrap() > 1.5e9);
        assert!(
            sample(&text, "process_cpu_seconds_total").is_some(),
            "{text}"
        );
    }

    #[test]
    fn an_error_chain_is_printed_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let outer = crate::app::AppError::File {
            action: "cannot open input",
            path: "in.jsonl".into(),
            source: io,
        };
        assert_eq!(error_chain(&outer), "cannot open input in.jsonl: gone");
    }
}
