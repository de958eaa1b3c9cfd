//! Logs and counters: the tracing subscriber (JSON for services, text on a terminal), the shared
//! [`Stats`] the pipeline updates, and the periodic stats line operators watch.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use hdrhistogram::Histogram;
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

/// Counters shared by the source, the workers and the sinks.
pub struct Stats {
    started: Instant,
    pub consumed: AtomicU64,
    pub produced: AtomicU64,
    pub dead_lettered: AtomicU64,
    pub delivery_retries: AtomicU64,
    dead_letter_reasons: Mutex<BTreeMap<&'static str, u64>>,
    stage_ms: Mutex<BTreeMap<&'static str, Histogram<u64>>>,
    last: Mutex<(Instant, u64)>,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            started: Instant::now(),
            consumed: AtomicU64::new(0),
            produced: AtomicU64::new(0),
            dead_lettered: AtomicU64::new(0),
            delivery_retries: AtomicU64::new(0),
            dead_letter_reasons: Mutex::new(BTreeMap::new()),
            stage_ms: Mutex::new(BTreeMap::new()),
            last: Mutex::new((Instant::now(), 0)),
        }
    }
}

impl Stats {
    pub fn record_stage(&self, stage: &'static str, ms: f64) {
        let mut h = self.stage_ms.lock().unwrap_or_else(|p| p.into_inner());
        // 3 significant figures is within hdrhistogram's valid 0..=5, so creation cannot fail.
        let hist = h
            .entry(stage)
            .or_insert_with(|| Histogram::new(3).expect("sigfig 3 is valid"));
        // Microseconds; a value too large for the histogram is dropped from the percentiles only.
        let _ = hist.record((ms * 1000.0).max(1.0) as u64);
    }

    pub fn record_dead_letter(&self, kind: &'static str) {
        self.dead_lettered.fetch_add(1, Ordering::Relaxed);
        *self
            .dead_letter_reasons
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(kind)
            .or_default() += 1;
    }

    pub fn get(c: &AtomicU64) -> u64 {
        c.load(Ordering::Relaxed)
    }

    /// Emits the periodic stats line; `in_flight` and `lag` come from the source, which owns them.
    pub fn log_line(&self, in_flight: usize, lag: Option<i64>) {
        let consumed = Self::get(&self.consumed);
        let produced = Self::get(&self.produced);
        let dead = Self::get(&self.dead_lettered);
        let rate = {
            let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
            let done = produced + dead;
            let secs = last.0.elapsed().as_secs_f64().max(1e-3);
            let r = (done - last.1.min(done)) as f64 / secs;
            *last = (Instant::now(), done);
            r
        };
        let stages: String = self
            .stage_ms
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
        let reasons = format!(
            "{:?}",
            self.dead_letter_reasons
                .lock()
                .unwrap_or_else(|p| p.into_inner())
        );
        tracing::info!(
            consumed,
            produced,
            dead_lettered = dead,
            dead_letter_reasons = %reasons,
            in_flight,
            articles_per_sec = (rate * 10.0).round() / 10.0,
            consumer_lag = lag,
            stages = %stages,
            uptime_secs = self.started.elapsed().as_secs(),
            "stats"
        );
    }
}
