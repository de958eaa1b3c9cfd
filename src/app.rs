//! Wires source → workers → sink and owns the shutdown order, for both modes in one [`run`]:
//! stop fetching → workers drain the queue → every outcome delivered (or the deadline passes) →
//! commit acknowledged offsets → return. [`run_kafka`] and [`run_files`] only build their
//! [`Source`]/[`Sink`] pair.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, watch};

use crate::codec::Codec;
use crate::config::Config;
use crate::health::{Health, Phase};
use crate::http::{Endpoint, ProbeFn};
use crate::kafka::{KafkaError, KafkaSink, KafkaSource, ProducerFatal};
use crate::sink::{Control, FileSink, Sink};
use crate::source::{FileSource, Source};
use crate::stages::Pipeline;
use crate::telemetry::Stats;
use crate::worker::{Job, Outcome, WorkerPool};

// A variant with a `#[source]` does not repeat it in its message: `{:#}` prints the chain once.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("kafka")]
    Kafka(#[from] KafkaError),
    #[error("i/o")]
    Io(#[from] std::io::Error),
    /// A file of file mode that cannot be opened or written, with its path.
    #[error("{action} {}", path.display())]
    File {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    /// The sink cannot go on (e.g. a producer fenced by another instance with the same
    /// transactional id); undelivered records were not committed and are redelivered after a restart.
    #[error(transparent)]
    Fatal(ProducerFatal),
}

/// A sink with no fatal error of its own ([`FileSink`]) never produces this.
impl From<std::convert::Infallible> for AppError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

/// What a run did, for the caller's exit log and for tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub consumed: u64,
    pub produced: u64,
    pub dead_lettered: u64,
    /// True when the shutdown deadline cut the drain short (the rest is redelivered on restart).
    pub forced: bool,
}

fn summary(stats: &Stats, forced: bool) -> Summary {
    Summary {
        consumed: stats.consumed.get(),
        produced: stats.produced.get(),
        dead_lettered: stats.dead_lettered.get(),
        forced,
    }
}

/// Runs the daemon against Kafka until `shutdown` resolves.
pub async fn run_kafka(
    config: &Config,
    pipeline: Arc<Pipeline>,
    shutdown: impl Future<Output = ()>,
) -> Result<Summary, AppError> {
    let stats = Arc::new(stats_for(config));
    let health = Arc::new(Health::new(Duration::from_secs(
        config.telemetry.stall_secs,
    )));
    let endpoint = match config.telemetry.http_address.as_str() {
        "" => None,
        addr => Some(Endpoint::bind(addr, http_limits(config)).await?),
    };
    let source = KafkaSource::subscribe(
        &config.kafka,
        stats.clone(),
        health.clone(),
        Duration::from_secs(config.telemetry.stats_interval_secs),
    )?;
    let sink = KafkaSink::new(&config.kafka, source.acker(), stats.clone(), health.clone())?;
    tracing::info!(
        brokers = %config.kafka.brokers, input = %config.kafka.input_topic, output = %config.kafka.output_topic,
        dead_letter = %config.kafka.dead_letter_topic, workers = config.workers.threads(),
        exactly_once = config.kafka.exactly_once,
        stages = ?pipeline.stage_names(), "tidings started"
    );
    let parts = Parts {
        stats,
        health,
        endpoint,
    };
    run(config, pipeline, parts, source, sink, shutdown).await
}

/// JSON Lines in and out: the same pipeline with no broker. Output keeps input order; dead letters go
/// to their own JSON Lines file with the reason and the original line.
pub struct FileRun {
    /// None = stdin.
    pub input: Option<PathBuf>,
    /// None = stdout.
    pub output: Option<PathBuf>,
    pub dead_letter: PathBuf,
}

/// Runs the pipeline over JSON Lines until the input ends (then finishes whatever it takes) or
/// `shutdown` resolves (then the shutdown deadline bounds it).
pub async fn run_files(
    config: &Config,
    pipeline: Arc<Pipeline>,
    files: FileRun,
    shutdown: impl Future<Output = ()>,
) -> Result<Summary, AppError> {
    let stats = Arc::new(stats_for(config));
    let source = FileSource::open(files.input.as_ref()).await?;
    let sink = FileSink::create(files.output.as_ref(), files.dead_letter, stats.clone()).await?;
    // A person at a terminal sees a bar; everyone also gets the periodic stats line.
    let (size, read) = source.progress();
    let progress = crate::progress::Progress::start(size, read, stats.clone());
    let parts = Parts {
        stats,
        // Its own, unserved: file mode has no endpoint; the stats ticker still reads it.
        health: Arc::new(Health::new(Duration::from_secs(
            config.telemetry.stall_secs,
        ))),
        endpoint: None,
    };
    let summary = run(config, pipeline, parts, source, sink, shutdown).await;
    if let Some(p) = progress {
        p.finish();
    }
    summary
}

/// What a run reports to, built before its source and sink (which report to the same).
pub struct Parts {
    pub stats: Arc<Stats>,
    pub health: Arc<Health>,
    /// The operator's HTTP endpoint, already bound (None: not served).
    pub endpoint: Option<Endpoint>,
}

/// Source → workers → sink until the source ends or `shutdown` resolves, then the one shutdown
/// order. Input that ended by itself is finished whatever it takes; after a signal (while reading or
/// draining) the shutdown deadline bounds the drain (a stage may be stuck on one article), and after
/// a fatal sink error nothing more can be delivered, so the drain gets a second.
pub async fn run<S: Source, K: Sink>(
    config: &Config,
    pipeline: Arc<Pipeline>,
    parts: Parts,
    mut source: S,
    sink: K,
    shutdown: impl Future<Output = ()>,
) -> Result<Summary, AppError> {
    let Parts {
        stats,
        health,
        endpoint,
    } = parts;
    let probe = source.probe(&stats);
    let http = match endpoint {
        Some(e) => {
            tracing::info!(address = %e.local_addr()?, "http endpoint: /healthz /readyz /metrics");
            Some(e.serve(stats.clone(), health.clone(), probe.clone()))
        }
        None => None,
    };
    let codec = Arc::new(Codec::new(config.codec.clone()));
    let (jobs_tx, jobs_rx) = mpsc::channel::<Job>(config.workers.queue);
    let (out_tx, out_rx) = mpsc::channel::<Outcome>(config.workers.queue);
    let pool = WorkerPool::spawn(
        config.workers.threads(),
        config.workers.batch_size,
        pipeline,
        codec,
        stats.clone(),
        jobs_rx,
        out_tx,
    )?;
    let (stop_tx, stop_rx) = watch::channel(false);
    let (fatal_tx, mut fatal_rx) = watch::channel(None::<K::Fatal>);
    let mut delivery = tokio::spawn(sink.run(
        out_rx,
        Control {
            stop: stop_rx,
            fatal: fatal_tx,
        },
    ));
    let ticker = spawn_stats(config, stats.clone(), health.clone(), probe);

    tokio::pin!(shutdown);
    let mut fatal = None;
    let mut stopped = false;
    loop {
        let next = tokio::select! {
            biased;
            _ = &mut shutdown => {
                stopped = true;
                break;
            }
            // A sink without fatal errors drops its sender: `changed` then fails and the branch is off.
            Ok(()) = fatal_rx.changed() => {
                fatal = fatal_rx.borrow().clone();
                break;
            }
            next = source.next() => next?,
        };
        let Some(mut job) = next else { break };
        // Counter::inc returns the previous count: the record's 0-based position in the input,
        // which a file sink writes in.
        job.seq = stats.consumed.inc();
        let origin = job.origin.to_string();
        tokio::select! {
            biased;
            _ = &mut shutdown => {
                // Never handed to a worker, never acked: a Kafka offset stays uncommitted.
                tracing::debug!(origin, "shutdown while the queue was full");
                stopped = true;
                break;
            }
            sent = jobs_tx.send(job) => if sent.is_err() { break },
        }
    }

    health.set_phase(Phase::Draining);
    drop(jobs_tx);
    let mut joined = tokio::task::spawn_blocking(move || pool.join());
    let mut drain = Box::pin(async {
        (&mut joined).await.map_err(std::io::Error::other)?;
        (&mut delivery).await.map_err(std::io::Error::other)?
    });
    if !stopped && fatal.is_none() {
        // The input ended: finish it, unless a signal comes first.
        tokio::select! {
            drained = &mut drain => {
                ticker.abort();
                drained?;
                return Ok(finish(source, &stats, http, false));
            }
            _ = &mut shutdown => {}
        }
    }
    let deadline = if fatal.is_some() {
        // Nothing more can be delivered; what is not committed is redelivered after the restart.
        let _ = stop_tx.send(true);
        Duration::from_secs(1)
    } else {
        tracing::info!("shutting down: input stopped, draining in-flight work");
        Duration::from_secs(config.shutdown.deadline_secs)
    };
    let drained = tokio::time::timeout(deadline, &mut drain).await;
    drop(drain);
    let forced = drained.is_err();
    if forced && fatal.is_none() {
        let _ = stop_tx.send(true);
        tracing::warn!(
            deadline_secs = config.shutdown.deadline_secs,
            written = stats.produced.get() + stats.dead_lettered.get(),
            read = stats.consumed.get(),
            "shutdown deadline passed; {}",
            source.forced_note()
        );
    }
    let drained = match drained {
        Ok(d) => d,
        // Not the workers (one may be stuck on an article): a file sink flushes what it wrote as
        // soon as it is told to stop. The drain stopped short of the sink, so it is not finished.
        Err(_) if K::WAIT_AFTER_STOP => delivery.await.map_err(std::io::Error::other)?,
        Err(_) => Ok(()),
    };
    ticker.abort();
    let summary = finish(source, &stats, http, forced);
    match fatal {
        Some(e) => Err(e.into()),
        None => drained.map(|()| summary),
    }
}

/// The end of every run: commit what was acknowledged, the last stats line, leave the input.
fn finish<S: Source>(
    source: S,
    stats: &Stats,
    http: Option<tokio::task::JoinHandle<()>>,
    forced: bool,
) -> Summary {
    source.commit();
    stats.log_line(source.in_flight(), None);
    source.close();
    if let Some(h) = http {
        h.abort();
    }
    summary(stats, forced)
}

/// The run's metrics, with `tidings_build_info` describing this binary and its model.
fn stats_for(config: &Config) -> Stats {
    let mut stats = Stats::default();
    stats.register_build_info(&crate::version::BuildInfo::gather(&config.stages));
    stats
}

fn http_limits(config: &Config) -> crate::http::Limits {
    crate::http::Limits {
        max_connections: config.telemetry.http_max_connections,
        header_timeout: Duration::from_millis(config.telemetry.http_header_timeout_ms),
        // Long enough for any scrape; a keep-alive client simply reconnects after it.
        connection_timeout: Duration::from_secs(60),
    }
}

fn spawn_stats(
    config: &Config,
    stats: Arc<Stats>,
    health: Arc<Health>,
    probe: ProbeFn,
) -> tokio::task::JoinHandle<()> {
    let every = config.telemetry.stats_interval_secs;
    tokio::spawn(async move {
        if every == 0 {
            return;
        }
        let mut tick = tokio::time::interval(Duration::from_secs(every));
        tick.tick().await;
        loop {
            tick.tick().await;
            let p = probe();
            let backlog = p.backlog();
            stats.log_line(backlog.in_flight, backlog.lag);
            if let Err(why) = health.readiness(backlog) {
                if health.phase() == Phase::Running {
                    tracing::warn!(reason = %why, "not ready");
                }
            }
        }
    })
}
