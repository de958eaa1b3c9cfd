//! Wires source → workers → sinks and owns the shutdown order:
//! stop fetching → workers drain the queue → every outcome delivered (or the deadline passes) →
//! commit acknowledged offsets → return. Both modes share the worker pool and the pipeline.

use std::collections::BTreeMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::sync::{mpsc, watch};

use crate::codec::Codec;
use crate::config::Config;
use crate::health::{Health, Phase};
use crate::http::{Endpoint, Probe, ProbeFn};
use crate::kafka::{self, KafkaError, Received};
use crate::offsets::OffsetTracker;
use crate::record::Origin;
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
    /// The producer cannot go on (e.g. fenced by another instance with the same transactional id);
    /// undelivered records were not committed and are redelivered after a restart.
    #[error("{0}")]
    Fatal(String),
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
    let tracker: kafka::Tracker = Arc::new(Mutex::new(OffsetTracker::new()));
    let lag: kafka::Lag = Arc::default();
    let endpoint = match config.telemetry.http_address.as_str() {
        "" => None,
        addr => Some(Endpoint::bind(addr, http_limits(config)).await?),
    };
    let consumer = Arc::new(kafka::consumer(
        &config.kafka,
        kafka::TidingsContext {
            tracker: tracker.clone(),
            lag: lag.clone(),
            stats: stats.clone(),
            health: health.clone(),
        },
        Duration::from_secs(config.telemetry.stats_interval_secs),
    )?);
    let producer = kafka::producer(&config.kafka)?;
    let probe: ProbeFn = {
        let (tracker, lag) = (tracker.clone(), lag.clone());
        Arc::new(move || Probe {
            in_flight: kafka::lock(&tracker).in_flight(),
            lag: lag.lock().unwrap_or_else(|p| p.into_inner()).clone(),
        })
    };
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
        pipeline.clone(),
        codec,
        stats.clone(),
        jobs_rx,
        out_tx,
    )?;
    tracing::info!(
        brokers = %config.kafka.brokers, input = %config.kafka.input_topic, output = %config.kafka.output_topic,
        dead_letter = %config.kafka.dead_letter_topic, workers = config.workers.threads(),
        exactly_once = config.kafka.exactly_once,
        stages = ?pipeline.stage_names(), "tidings started"
    );

    let (stop_tx, stop_rx) = watch::channel(false);
    let (fatal_tx, mut fatal_rx) = watch::channel(None::<String>);
    let sink = kafka::Sink {
        cfg: Arc::new(config.kafka.clone()),
        producer,
        consumer: consumer.clone(),
        tracker: tracker.clone(),
        stats: stats.clone(),
        health: health.clone(),
        stop: stop_rx,
        fatal: Arc::new(fatal_tx),
    };
    let delivery = if config.kafka.exactly_once {
        let every = Duration::from_millis(config.kafka.commit_interval_ms.into());
        tokio::spawn(kafka::transact::run(out_rx, sink, every))
    } else {
        tokio::spawn(kafka::deliver::run(out_rx, sink))
    };
    let ticker = spawn_stats(config, stats.clone(), health.clone(), probe);

    tokio::pin!(shutdown);
    let mut fatal = None;
    loop {
        tokio::select! {
            biased;
            _ = &mut shutdown => break,
            _ = fatal_rx.changed() => {
                fatal = fatal_rx.borrow().clone();
                break;
            }
            msg = kafka::receive(&consumer, &tracker, &stats) => match msg {
                Received::Revoked => {
                    stats.skipped_revoked.inc();
                }
                Received::Job(job) => {
                    stats.consumed.inc();
                    let origin = job.origin.to_string();
                    tokio::select! {
                        biased;
                        _ = &mut shutdown => {
                            // Never handed to a worker, never acked: its offset stays uncommitted.
                            tracing::debug!(origin, "shutdown while the queue was full");
                            break;
                        }
                        sent = jobs_tx.send(job) => if sent.is_err() { break },
                    }
                }
                Received::Error(e) => {
                    // librdkafka reconnects by itself; say so and keep going.
                    tracing::warn!(error = %e, "consumer error");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }
    }

    health.set_phase(Phase::Draining);
    drop(jobs_tx);
    let deadline = if fatal.is_some() {
        // Nothing more can be delivered; what is not committed is redelivered after the restart.
        let _ = stop_tx.send(true);
        Duration::from_secs(1)
    } else {
        tracing::info!("shutting down: fetching stopped, draining in-flight work");
        Duration::from_secs(config.shutdown.deadline_secs)
    };
    let drained = tokio::time::timeout(deadline, async {
        let _ = tokio::task::spawn_blocking(move || pool.join()).await;
        let _ = delivery.await;
    })
    .await;
    let forced = drained.is_err();
    if forced && fatal.is_none() {
        let _ = stop_tx.send(true);
        tracing::warn!(
            deadline_secs = config.shutdown.deadline_secs,
            "shutdown deadline passed; uncommitted records will be redelivered"
        );
    }
    ticker.abort();
    if !config.kafka.exactly_once {
        kafka::commit_final(&consumer, &stats);
    }
    stats.log_line(kafka::lock(&tracker).in_flight(), None);
    kafka::unsubscribe(&consumer);
    if let Some(h) = http {
        h.abort();
    }
    match fatal {
        Some(message) => Err(AppError::Fatal(message)),
        None => Ok(summary(&stats, forced)),
    }
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

/// JSON Lines in and out: the same pipeline with no broker. Output keeps input order; dead letters go
/// to their own JSON Lines file with the reason and the original line.
pub struct FileRun {
    /// None = stdin.
    pub input: Option<PathBuf>,
    /// None = stdout.
    pub output: Option<PathBuf>,
    pub dead_letter: PathBuf,
}

pub async fn run_files(
    config: &Config,
    pipeline: Arc<Pipeline>,
    files: FileRun,
    shutdown: impl Future<Output = ()>,
) -> Result<Summary, AppError> {
    let stats = Arc::new(stats_for(config));
    let codec = Arc::new(Codec::new(config.codec.clone()));
    let (jobs_tx, jobs_rx) = mpsc::channel::<Job>(config.workers.queue);
    let (out_tx, mut out_rx) = mpsc::channel::<Outcome>(config.workers.queue);
    let pool = WorkerPool::spawn(
        config.workers.threads(),
        config.workers.batch_size,
        pipeline,
        codec,
        stats.clone(),
        jobs_rx,
        out_tx,
    )?;
    let label = files
        .input
        .as_ref()
        .map_or("-".to_string(), |p| p.display().to_string());
    let file_error = |action, path: &PathBuf| {
        let path = path.clone();
        move |source| AppError::File {
            action,
            path,
            source,
        }
    };
    let reader: Box<dyn tokio::io::AsyncRead + Unpin + Send> = match &files.input {
        Some(p) => Box::new(
            tokio::fs::File::open(p)
                .await
                .map_err(file_error("cannot open input", p))?,
        ),
        None => Box::new(tokio::io::stdin()),
    };
    let mut out: Box<dyn tokio::io::AsyncWrite + Unpin + Send> = match &files.output {
        Some(p) => Box::new(
            tokio::fs::File::create(p)
                .await
                .map_err(file_error("cannot create output", p))?,
        ),
        None => Box::new(tokio::io::stdout()),
    };
    // Created at the first dead letter: a clean run leaves no (empty or truncated) file behind.
    let mut dlq = DeadLetterFile::new(files.dead_letter.clone());
    let ticker = spawn_stats(
        config,
        stats.clone(),
        Arc::new(Health::new(Duration::from_secs(
            config.telemetry.stall_secs,
        ))),
        {
            let stats = stats.clone();
            Arc::new(move || Probe {
                in_flight: stats
                    .consumed
                    .get()
                    .saturating_sub(stats.produced.get() + stats.dead_lettered.get())
                    as usize,
                lag: BTreeMap::new(),
            })
        },
    );

    let writer_stats = stats.clone();
    let (stop_tx, mut stop_rx) = watch::channel(false);
    let writer = tokio::spawn(async move {
        // Workers finish out of order; hold results until every earlier line is written.
        let mut waiting: BTreeMap<u64, Outcome> = BTreeMap::new();
        let mut next = 0u64;
        loop {
            let o = tokio::select! {
                o = out_rx.recv() => o,
                // The shutdown deadline passed: keep what is written, flush it, stop waiting.
                _ = stop_rx.changed() => {
                    out.flush().await?;
                    dlq.flush().await?;
                    return Ok(());
                }
            };
            let Some(o) = o else { break };
            waiting.insert(o.job().seq, o);
            while let Some(o) = waiting.remove(&next) {
                write_outcome(o, &mut out, &mut dlq, &writer_stats).await?;
                next += 1;
            }
        }
        for (_, o) in std::mem::take(&mut waiting) {
            write_outcome(o, &mut out, &mut dlq, &writer_stats).await?;
        }
        out.flush().await?;
        dlq.flush().await?;
        Ok::<_, AppError>(())
    });

    // Lines are read as bytes: one line that is not UTF-8 is a `not_utf8` dead letter with its line
    // number (the codec's check), not the end of the run as with `lines()`.
    let mut reader = BufReader::new(reader);
    let mut line = Vec::new();
    let mut n = 0u64;
    let mut stopped = false;
    tokio::pin!(shutdown);
    loop {
        line.clear();
        let read = tokio::select! {
            biased;
            _ = &mut shutdown => {
                stopped = true;
                break;
            }
            r = reader.read_until(b'\n', &mut line) => r?,
        };
        if read == 0 {
            break;
        }
        n += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        while line.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
            line.pop();
        }
        // Counter::inc returns the previous count: this line's 0-based position.
        let seq = stats.consumed.inc();
        let job = Job {
            seq,
            origin: Origin::File {
                path: label.clone(),
                line: n,
            },
            payload: Some(std::mem::take(&mut line)),
            key: None,
            headers: Vec::new(),
            epoch: 0,
        };
        let sent = tokio::select! {
            biased;
            _ = &mut shutdown => {
                stopped = true;
                break;
            }
            sent = jobs_tx.send(job) => sent,
        };
        if sent.is_err() {
            break;
        }
    }
    drop(jobs_tx);
    // Input read to the end finishes whatever it takes; after a signal (while reading or draining) the
    // deadline bounds it (a stage may be stuck on one article), and what is not written by then is
    // reported, not waited for.
    let drain = tokio::task::spawn_blocking(move || pool.join());
    tokio::pin!(drain);
    if !stopped {
        tokio::select! {
            joined = &mut drain => {
                joined.map_err(std::io::Error::other)?;
                let written = writer.await.map_err(std::io::Error::other)?;
                ticker.abort();
                written?;
                stats.log_line(0, None);
                return Ok(summary(&stats, false));
            }
            _ = &mut shutdown => {}
        }
    }
    tracing::info!("shutting down: reading stopped, finishing the lines already read");
    let deadline = Duration::from_secs(config.shutdown.deadline_secs);
    let forced = tokio::time::timeout(deadline, &mut drain).await.is_err();
    if forced {
        let _ = stop_tx.send(true);
        tracing::warn!(
            deadline_secs = config.shutdown.deadline_secs,
            written = stats.produced.get() + stats.dead_lettered.get(),
            read = stats.consumed.get(),
            "shutdown deadline passed; lines read but not written are not in the output"
        );
    }
    let written = writer.await.map_err(std::io::Error::other)?;
    ticker.abort();
    written?;
    stats.log_line(0, None);
    Ok(summary(&stats, forced))
}

/// File mode's dead-letter file, opened (and truncated) at the first dead letter of the run.
struct DeadLetterFile {
    path: PathBuf,
    file: Option<tokio::fs::File>,
}

impl DeadLetterFile {
    fn new(path: PathBuf) -> Self {
        DeadLetterFile { path, file: None }
    }

    async fn write(&mut self, line: &[u8]) -> Result<(), AppError> {
        let file = match &mut self.file {
            Some(f) => f,
            None => {
                let f = tokio::fs::File::create(&self.path)
                    .await
                    .map_err(|source| AppError::File {
                        action: "cannot create dead-letter file",
                        path: self.path.clone(),
                        source,
                    })?;
                self.file.insert(f)
            }
        };
        file.write_all(line).await?;
        Ok(())
    }

    async fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush().await,
            None => Ok(()),
        }
    }
}

async fn write_outcome(
    o: Outcome,
    out: &mut (dyn tokio::io::AsyncWrite + Unpin + Send),
    dlq: &mut DeadLetterFile,
    stats: &Stats,
) -> Result<(), AppError> {
    match o {
        Outcome::Enriched { bytes, .. } => {
            out.write_all(&bytes).await?;
            out.write_all(b"\n").await?;
            stats.produced.inc();
        }
        Outcome::DeadLetter { job, failure } => {
            tracing::warn!(kind = failure.kind, error = %failure.message, origin = %job.origin, "record dead-lettered");
            let record = serde_json::json!({
                "error": {"kind": failure.kind, "stage": failure.stage, "message": failure.message},
                "origin": job.origin,
                "payload": job.payload.as_deref().map(String::from_utf8_lossy),
            });
            let mut line = record.to_string().into_bytes();
            line.push(b'\n');
            dlq.write(&line).await?;
            stats.record_dead_letter(failure.kind);
        }
    }
    Ok(())
}
