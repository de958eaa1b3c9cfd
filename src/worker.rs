//! The CPU side: a fixed pool of OS threads that decode, run the [`Pipeline`] and encode, between two
//! bounded channels. The async side never runs model code, and when the workers fall behind the job
//! queue fills and the source stops fetching (backpressure instead of memory growth).

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use tokio::sync::mpsc;

use crate::codec::Codec;
use crate::record::{Article, Origin};
use crate::stages::{Pipeline, StageError};
use crate::telemetry::Stats;

/// One raw input message and what the sink needs to route its result.
#[derive(Debug)]
pub struct Job {
    pub origin: Origin,
    /// The message value; None for a Kafka tombstone (null value), which is dead-lettered as such.
    pub payload: Option<Vec<u8>>,
    pub key: Option<Vec<u8>>,
    pub headers: Vec<(String, Vec<u8>)>,
    /// The offset tracker's epoch for Kafka records (0 for files).
    pub epoch: u64,
    /// Position in the source's order; file mode writes results in this order.
    pub seq: u64,
}

/// Why a record went to the dead-letter sink.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Stable reason: a decode kind ("not_json", ...) or "stage_failed".
    pub kind: &'static str,
    pub stage: Option<&'static str>,
    pub message: String,
    /// Set when the dead letter carries only the first bytes of the input (the whole did not fit in
    /// what the producer or broker accept): the input's full length.
    pub truncated_from: Option<usize>,
}

impl Failure {
    pub fn new(kind: &'static str, stage: Option<&'static str>, message: String) -> Self {
        Failure {
            kind,
            stage,
            message,
            truncated_from: None,
        }
    }
}

#[derive(Debug)]
pub enum Outcome {
    Enriched {
        job: Job,
        id: String,
        bytes: Vec<u8>,
    },
    DeadLetter {
        job: Job,
        failure: Failure,
    },
}

impl Outcome {
    pub fn job(&self) -> &Job {
        match self {
            Outcome::Enriched { job, .. } | Outcome::DeadLetter { job, .. } => job,
        }
    }
}

pub struct WorkerPool {
    handles: Vec<JoinHandle<()>>,
}

impl WorkerPool {
    /// Starts `threads` workers reading `jobs` and writing `outcomes`. They exit when `jobs` is closed
    /// and drained, which is how shutdown drains in-flight work.
    pub fn spawn(
        threads: usize,
        batch_size: usize,
        pipeline: Arc<Pipeline>,
        codec: Arc<Codec>,
        stats: Arc<Stats>,
        jobs: mpsc::Receiver<Job>,
        outcomes: mpsc::Sender<Outcome>,
    ) -> std::io::Result<Self> {
        let jobs = Arc::new(Mutex::new(jobs));
        let mut handles = Vec::new();
        for i in 0..threads.max(1) {
            let (jobs, outcomes) = (jobs.clone(), outcomes.clone());
            let (pipeline, codec, stats) = (pipeline.clone(), codec.clone(), stats.clone());
            handles.push(
                std::thread::Builder::new()
                    .name(format!("tidings-worker-{i}"))
                    .spawn(move || {
                        worker_loop(&jobs, &outcomes, &pipeline, &codec, &stats, batch_size)
                    })?,
            );
        }
        Ok(WorkerPool { handles })
    }

    /// Waits for every worker to finish (call after closing the job channel).
    pub fn join(self) {
        for h in self.handles {
            let _ = h.join();
        }
    }
}

fn take_batch(jobs: &Mutex<mpsc::Receiver<Job>>, max: usize) -> Vec<Job> {
    // A poisoned lock means another worker panicked mid-take; the receiver itself is still sound.
    let mut rx = jobs.lock().unwrap_or_else(|p| p.into_inner());
    let Some(first) = rx.blocking_recv() else {
        return Vec::new();
    };
    let mut batch = vec![first];
    while batch.len() < max {
        match rx.try_recv() {
            Ok(j) => batch.push(j),
            Err(_) => break,
        }
    }
    batch
}

fn worker_loop(
    jobs: &Mutex<mpsc::Receiver<Job>>,
    outcomes: &mpsc::Sender<Outcome>,
    pipeline: &Pipeline,
    codec: &Codec,
    stats: &Stats,
    batch_size: usize,
) {
    loop {
        let batch = take_batch(jobs, batch_size);
        if batch.is_empty() {
            return;
        }
        for outcome in process(batch, pipeline, codec, stats) {
            if outcomes.blocking_send(outcome).is_err() {
                return;
            }
        }
    }
}

/// Decode → stages → encode for a batch; every job yields exactly one outcome.
pub fn process(batch: Vec<Job>, pipeline: &Pipeline, codec: &Codec, stats: &Stats) -> Vec<Outcome> {
    let mut out = Vec::with_capacity(batch.len());
    let mut good: Vec<(Job, Article)> = Vec::with_capacity(batch.len());
    for job in batch {
        // A tombstone (null value) deletes a key in a compacted topic: there is no article in it, and
        // reading it as an empty message ("not_json") hid what it was.
        let Some(payload) = &job.payload else {
            out.push(Outcome::DeadLetter {
                job,
                failure: Failure::new("tombstone", None, "message has no value (tombstone)".into()),
            });
            continue;
        };
        match codec.decode(payload, &job.origin) {
            Ok(article) => good.push((job, article)),
            Err(e) => out.push(Outcome::DeadLetter {
                job,
                failure: Failure::new(e.kind(), None, e.to_string()),
            }),
        }
    }
    let (jobs, mut articles): (Vec<Job>, Vec<Article>) = good.into_iter().unzip();
    // A panic inside a stage (a bug, or a model runtime fault) must not kill the worker or lose records:
    // the whole batch is dead-lettered with the reason instead.
    let results = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pipeline.run_batch(&mut articles)
    }))
    .unwrap_or_else(|_| {
        articles
            .iter()
            .map(|_| {
                Err(StageError::Transient {
                    stage: "pipeline",
                    message: "stage panicked".into(),
                })
            })
            .collect()
    });
    for ((job, article), result) in jobs.into_iter().zip(articles).zip(results) {
        for (stage, ms) in &article.timings {
            stats.record_stage(stage, *ms);
        }
        match result {
            Ok(()) => {
                stats.record_noise(&article);
                let bytes = codec.encode(&article, &job.origin);
                out.push(Outcome::Enriched {
                    job,
                    id: article.id,
                    bytes,
                });
            }
            Err(e) => {
                let stage = match &e {
                    StageError::Input { stage, .. }
                    | StageError::Transient { stage, .. }
                    | StageError::Timeout { stage, .. } => *stage,
                };
                out.push(Outcome::DeadLetter {
                    job,
                    failure: Failure::new("stage_failed", Some(stage), e.to_string()),
                });
            }
        }
    }
    out
}
