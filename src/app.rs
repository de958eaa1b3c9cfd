//! Wires source → workers → sinks and owns the shutdown order:
//! stop fetching → workers drain the queue → every outcome delivered (or the deadline passes) →
//! commit acknowledged offsets → return. Both modes share the worker pool and the pipeline.

use std::collections::BTreeMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::consumer::{CommitMode, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::producer::Producer;
use rdkafka::Message;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::sync::{mpsc, watch, Semaphore};
use tokio::task::JoinSet;

use crate::codec::Codec;
use crate::config::Config;
use crate::kafka;
use crate::offsets::OffsetTracker;
use crate::record::Origin;
use crate::stages::Pipeline;
use crate::telemetry::Stats;
use crate::worker::{Job, Outcome, WorkerPool};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("kafka: {0}")]
    Kafka(#[from] KafkaError),
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
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
        consumed: Stats::get(&stats.consumed),
        produced: Stats::get(&stats.produced),
        dead_lettered: Stats::get(&stats.dead_lettered),
        forced,
    }
}

/// Deliveries allowed in flight at once; more waits, which in turn fills the worker queues.
const MAX_PENDING_DELIVERIES: usize = 1024;

/// Runs the daemon against Kafka until `shutdown` resolves.
pub async fn run_kafka(
    config: &Config,
    pipeline: Arc<Pipeline>,
    shutdown: impl Future<Output = ()>,
) -> Result<Summary, AppError> {
    let stats = Arc::new(Stats::default());
    let tracker: kafka::Tracker = Arc::new(Mutex::new(OffsetTracker::new()));
    let lag: kafka::Lag = Arc::default();
    let consumer = Arc::new(kafka::consumer(
        &config.kafka,
        tracker.clone(),
        lag.clone(),
        Duration::from_secs(config.telemetry.stats_interval_secs),
    )?);
    let producer = kafka::producer(&config.kafka)?;
    let codec = Arc::new(Codec::new(config.codec.clone()));
    let (jobs_tx, jobs_rx) = mpsc::channel::<Job>(config.workers.queue);
    let (out_tx, mut out_rx) = mpsc::channel::<Outcome>(config.workers.queue);
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
        stages = ?pipeline.stage_names(), "tidings started"
    );

    let (stop_tx, stop_rx) = watch::channel(false);
    let delivery = {
        let (kcfg, consumer, tracker, stats, stop) = (
            config.kafka.clone(),
            consumer.clone(),
            tracker.clone(),
            stats.clone(),
            stop_rx.clone(),
        );
        tokio::spawn(async move {
            let permits = Arc::new(Semaphore::new(MAX_PENDING_DELIVERIES));
            let mut pending = JoinSet::new();
            while let Some(outcome) = out_rx.recv().await {
                let Ok(permit) = permits.clone().acquire_owned().await else {
                    break;
                };
                let (kcfg, producer, consumer, tracker, stats, stop) = (
                    kcfg.clone(),
                    producer.clone(),
                    consumer.clone(),
                    tracker.clone(),
                    stats.clone(),
                    stop.clone(),
                );
                pending.spawn(async move {
                    kafka::deliver(
                        outcome, &kcfg, &producer, &consumer, &tracker, &stats, &stop,
                    )
                    .await;
                    drop(permit);
                });
                while pending.try_join_next().is_some() {}
            }
            while pending.join_next().await.is_some() {}
            // Everything acknowledged has been stored; flush what the producer still holds.
            let _ = producer.flush(Duration::from_secs(5));
        })
    };
    let ticker = spawn_stats(config, stats.clone(), {
        let tracker = tracker.clone();
        move || (kafka::lock(&tracker).in_flight(), kafka::total_lag(&lag))
    });

    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            biased;
            _ = &mut shutdown => break,
            msg = consumer.recv() => match msg {
                Ok(m) => {
                    stats.consumed.fetch_add(1, Ordering::Relaxed);
                    let job = kafka::job_from_message(&m, &tracker);
                    let topic = m.topic().to_string();
                    drop(m);
                    tokio::select! {
                        biased;
                        _ = &mut shutdown => {
                            // Never handed to a worker, never acked: its offset stays uncommitted.
                            tracing::debug!(topic, "shutdown while the queue was full");
                            break;
                        }
                        sent = jobs_tx.send(job) => if sent.is_err() { break },
                    }
                }
                Err(e) => {
                    // librdkafka reconnects by itself; say so and keep going.
                    tracing::warn!(error = %e, "consumer error");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }
    }

    tracing::info!("shutting down: fetching stopped, draining in-flight work");
    drop(jobs_tx);
    let deadline = Duration::from_secs(config.shutdown.deadline_secs);
    let drained = tokio::time::timeout(deadline, async {
        let _ = tokio::task::spawn_blocking(move || pool.join()).await;
        let _ = delivery.await;
    })
    .await;
    let forced = drained.is_err();
    if forced {
        let _ = stop_tx.send(true);
        tracing::warn!(
            deadline_secs = config.shutdown.deadline_secs,
            "shutdown deadline passed; uncommitted records will be redelivered"
        );
    }
    ticker.abort();
    match consumer.commit_consumer_state(CommitMode::Sync) {
        Ok(()) | Err(KafkaError::ConsumerCommit(rdkafka::types::RDKafkaErrorCode::NoOffset)) => {}
        Err(e) => {
            tracing::warn!(error = %e, "final commit failed; the uncommitted tail will be redelivered")
        }
    }
    stats.log_line(kafka::lock(&tracker).in_flight(), None);
    consumer.unsubscribe();
    Ok(summary(&stats, forced))
}

fn spawn_stats(
    config: &Config,
    stats: Arc<Stats>,
    probe: impl Fn() -> (usize, Option<i64>) + Send + Sync + 'static,
) -> tokio::task::JoinHandle<()> {
    let every = config.telemetry.stats_interval_secs;
    let probe = Arc::new(probe);
    tokio::spawn(async move {
        if every == 0 {
            return;
        }
        let mut tick = tokio::time::interval(Duration::from_secs(every));
        tick.tick().await;
        loop {
            tick.tick().await;
            let p = probe.clone();
            // The lag probe asks the broker (blocking, bounded by a timeout): keep it off the reactor.
            if let Ok((in_flight, lag)) = tokio::task::spawn_blocking(move || p()).await {
                stats.log_line(in_flight, lag);
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
    let stats = Arc::new(Stats::default());
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
    let reader: Box<dyn tokio::io::AsyncRead + Unpin + Send> = match &files.input {
        Some(p) => Box::new(tokio::fs::File::open(p).await?),
        None => Box::new(tokio::io::stdin()),
    };
    let mut out: Box<dyn tokio::io::AsyncWrite + Unpin + Send> = match &files.output {
        Some(p) => Box::new(tokio::fs::File::create(p).await?),
        None => Box::new(tokio::io::stdout()),
    };
    let mut dlq = tokio::fs::File::create(&files.dead_letter).await?;

    let writer_stats = stats.clone();
    let writer = tokio::spawn(async move {
        // Workers finish out of order; hold results until every earlier line is written.
        let mut waiting: BTreeMap<u64, Outcome> = BTreeMap::new();
        let mut next = 0u64;
        while let Some(o) = out_rx.recv().await {
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
        Ok::<_, std::io::Error>(())
    });

    let mut lines = BufReader::new(reader).lines();
    let mut n = 0u64;
    tokio::pin!(shutdown);
    loop {
        let line = tokio::select! {
            biased;
            _ = &mut shutdown => break,
            l = lines.next_line() => l?,
        };
        let Some(line) = line else { break };
        n += 1;
        if line.trim().is_empty() {
            continue;
        }
        let seq = stats.consumed.fetch_add(1, Ordering::Relaxed);
        let job = Job {
            seq,
            origin: Origin::File {
                path: label.clone(),
                line: n,
            },
            payload: line.into_bytes(),
            key: None,
            headers: Vec::new(),
            epoch: 0,
        };
        if jobs_tx.send(job).await.is_err() {
            break;
        }
    }
    drop(jobs_tx);
    tokio::task::spawn_blocking(move || pool.join())
        .await
        .map_err(std::io::Error::other)?;
    writer.await.map_err(std::io::Error::other)??;
    Ok(summary(&stats, false))
}

async fn write_outcome(
    o: Outcome,
    out: &mut (dyn tokio::io::AsyncWrite + Unpin + Send),
    dlq: &mut tokio::fs::File,
    stats: &Stats,
) -> std::io::Result<()> {
    match o {
        Outcome::Enriched { bytes, .. } => {
            out.write_all(&bytes).await?;
            out.write_all(b"\n").await?;
            stats.produced.fetch_add(1, Ordering::Relaxed);
        }
        Outcome::DeadLetter { job, failure } => {
            tracing::warn!(kind = failure.kind, error = %failure.message, origin = %job.origin, "record dead-lettered");
            let record = serde_json::json!({
                "error": {"kind": failure.kind, "stage": failure.stage, "message": failure.message},
                "origin": job.origin,
                "payload": String::from_utf8_lossy(&job.payload),
            });
            dlq.write_all(record.to_string().as_bytes()).await?;
            dlq.write_all(b"\n").await?;
            stats.record_dead_letter(failure.kind);
        }
    }
    Ok(())
}
