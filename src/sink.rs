//! The output side of the one seam (source → workers → sink): a [`Sink`] takes every worker
//! [`Outcome`] — enriched record or dead letter — to its destination and acknowledges it through the
//! source's [`crate::source::Acker`]. Implementations: [`FileSink`] (JSON Lines to a file or stdout
//! plus a dead-letter file, here) and [`crate::kafka::KafkaSink`] (output and dead-letter topics,
//! at-least-once or exactly-once). Imports no rdkafka.

use std::collections::BTreeMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::io::AsyncWriteExt;
use tokio::sync::{mpsc, watch};

use crate::app::AppError;
use crate::telemetry::Stats;
use crate::worker::Outcome;

/// What [`crate::app::run`] tells a running sink, and what the sink tells it back.
pub struct Control<F> {
    /// Set at the shutdown deadline (or after a fatal error): stop retrying, stop waiting.
    pub stop: watch::Receiver<bool>,
    /// Set by the sink when it cannot go on; the run then stops consuming at once.
    pub fatal: watch::Sender<Option<F>>,
}

/// Where outcomes go. [`Sink::run`] consumes outcomes until the channel closes (the workers have
/// drained) and everything is delivered, or until [`Control::stop`] is set.
pub trait Sink: Send + 'static {
    /// An error after which nothing more can be delivered (e.g. a fenced transactional producer).
    type Fatal: Clone + Send + Sync + Into<AppError> + 'static;

    /// True when, after a forced stop, the run should still wait for [`Sink::run`] to return: a file
    /// sink then flushes what it has written at once, while a Kafka sink may be inside a 30 s
    /// produce call whose record is redelivered anyway.
    const WAIT_AFTER_STOP: bool;

    fn run(
        self,
        outcomes: mpsc::Receiver<Outcome>,
        control: Control<Self::Fatal>,
    ) -> impl Future<Output = Result<(), AppError>> + Send;
}

/// JSON Lines out, in input order; dead letters to their own JSON Lines file with the reason and the
/// original line.
pub struct FileSink {
    out: Box<dyn tokio::io::AsyncWrite + Unpin + Send>,
    dlq: DeadLetterFile,
    stats: Arc<Stats>,
}

impl FileSink {
    /// Creates `output` (None = stdout). The dead-letter file is created at the first dead letter:
    /// a clean run leaves no (empty or truncated) file behind.
    pub async fn create(
        output: Option<&PathBuf>,
        dead_letter: PathBuf,
        stats: Arc<Stats>,
    ) -> Result<Self, AppError> {
        let out: Box<dyn tokio::io::AsyncWrite + Unpin + Send> = match output {
            Some(p) => {
                Box::new(
                    tokio::fs::File::create(p)
                        .await
                        .map_err(|source| AppError::File {
                            action: "cannot create output",
                            path: p.clone(),
                            source,
                        })?,
                )
            }
            None => Box::new(tokio::io::stdout()),
        };
        Ok(FileSink {
            out,
            dlq: DeadLetterFile::new(dead_letter),
            stats,
        })
    }

    async fn write(
        mut self,
        mut outcomes: mpsc::Receiver<Outcome>,
        mut stop: watch::Receiver<bool>,
    ) -> Result<(), AppError> {
        // Workers finish out of order; hold results until every earlier line is written.
        let mut waiting: BTreeMap<u64, Outcome> = BTreeMap::new();
        let mut next = 0u64;
        loop {
            let o = tokio::select! {
                o = outcomes.recv() => o,
                // The shutdown deadline passed: keep what is written, flush it, stop waiting.
                _ = stop.changed() => {
                    self.out.flush().await?;
                    self.dlq.flush().await?;
                    return Ok(());
                }
            };
            let Some(o) = o else { break };
            waiting.insert(o.job().seq, o);
            while let Some(o) = waiting.remove(&next) {
                self.write_outcome(o).await?;
                next += 1;
            }
        }
        for (_, o) in std::mem::take(&mut waiting) {
            self.write_outcome(o).await?;
        }
        self.out.flush().await?;
        self.dlq.flush().await?;
        Ok(())
    }

    async fn write_outcome(&mut self, o: Outcome) -> Result<(), AppError> {
        match o {
            Outcome::Enriched { bytes, .. } => {
                self.out.write_all(&bytes).await?;
                self.out.write_all(b"\n").await?;
                self.stats.produced.inc();
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
                self.dlq.write(&line).await?;
                self.stats.record_dead_letter(failure.kind);
            }
        }
        Ok(())
    }
}

impl Sink for FileSink {
    /// Write errors end the sink's task with the error; nothing else is fatal.
    type Fatal = std::convert::Infallible;
    const WAIT_AFTER_STOP: bool = true;

    fn run(
        self,
        outcomes: mpsc::Receiver<Outcome>,
        control: Control<Self::Fatal>,
    ) -> impl Future<Output = Result<(), AppError>> + Send {
        self.write(outcomes, control.stop)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Origin;
    use crate::worker::{Failure, Job};

    fn job(seq: u64) -> Job {
        Job {
            seq,
            origin: Origin::File {
                path: "in.jsonl".into(),
                line: seq + 1,
            },
            payload: Some(format!("line {seq}").into_bytes()),
            key: None,
            headers: Vec::new(),
            epoch: 0,
        }
    }

    async fn drive(sink: FileSink, outcomes: Vec<Outcome>) {
        let (tx, rx) = mpsc::channel(outcomes.len().max(1));
        let (_stop_tx, stop) = watch::channel(false);
        let (fatal, _) = watch::channel(None);
        for o in outcomes {
            tx.send(o).await.expect("send");
        }
        drop(tx);
        sink.run(rx, Control { stop, fatal }).await.expect("sink");
    }

    /// A file sink writing into `dir`: the sink, its output and dead-letter paths, its stats.
    async fn file_sink(dir: &std::path::Path) -> (FileSink, PathBuf, PathBuf, Arc<Stats>) {
        let (out, dlq) = (dir.join("out.jsonl"), dir.join("dlq.jsonl"));
        let stats = Arc::new(Stats::default());
        let sink = FileSink::create(Some(&out), dlq.clone(), stats.clone())
            .await
            .expect("create");
        (sink, out, dlq, stats)
    }

    #[tokio::test]
    async fn file_sink_writes_in_input_order_and_creates_no_dead_letter_file_for_a_clean_run() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (sink, out, dlq, stats) = file_sink(dir.path()).await;
        let enriched = |seq: u64| Outcome::Enriched {
            job: job(seq),
            id: seq.to_string(),
            bytes: format!("{{\"n\":{seq}}}").into_bytes(),
        };
        drive(sink, vec![enriched(2), enriched(0), enriched(1)]).await;
        let written = std::fs::read_to_string(&out).expect("output");
        assert_eq!(written, "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n");
        assert!(!dlq.exists(), "a clean run left a dead-letter file");
        assert_eq!(stats.produced.get(), 3);
    }

    #[tokio::test]
    async fn file_sink_dead_letters_carry_reason_origin_and_the_original_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (sink, out, dlq, stats) = file_sink(dir.path()).await;
        let failure = Failure::new("not_json", None, "expected value".into());
        drive(
            sink,
            vec![Outcome::DeadLetter {
                job: job(0),
                failure,
            }],
        )
        .await;
        let line: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&dlq).expect("dead letters"))
                .expect("one JSON line");
        assert_eq!(line["error"]["kind"], "not_json");
        assert_eq!(line["payload"], "line 0");
        assert_eq!(line["origin"]["line"], 1);
        assert_eq!(std::fs::read_to_string(&out).expect("output"), "");
        assert_eq!(stats.dead_lettered.get(), 1);
    }
}
