//! The input side of the one seam (source → workers → sink): a [`Source`] hands out raw records as
//! worker [`Job`]s and an [`Acker`] through which the sink reports each record done, so a source that
//! must remember what is finished (Kafka's offsets) learns it without the sink knowing the source.
//! Implementations: [`FileSource`] (JSON Lines from a file or stdin, here) and
//! [`crate::kafka::KafkaSource`] (the consumer group). Imports no rdkafka.

use std::collections::BTreeMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use tokio::io::{AsyncBufReadExt, BufReader};

use crate::http::{Probe, ProbeFn};
use crate::record::Origin;
use crate::telemetry::Stats;
use crate::worker::Job;

/// Where records come from. [`crate::app::run`] pulls [`Source::next`] until the input ends or the
/// shutdown begins, and closes the source after the sink has drained.
pub trait Source: Send {
    /// What the sink acknowledges finished records through.
    type Acker: Acker;

    /// The acker to hand to the sink (clones share the source's state).
    fn acker(&self) -> Self::Acker;

    /// The next record, or None when the input has ended (a file; a consumer group never ends).
    /// Transient errors are the source's to log and retry. Cancel-safe: it races the shutdown
    /// signal, and nothing read is lost when it is dropped unfinished.
    fn next(&mut self) -> impl Future<Output = Result<Option<Job>, std::io::Error>> + Send;

    /// Records handed out and not yet acknowledged, for the stats line and `/readyz`.
    fn probe(&self, stats: &Arc<Stats>) -> ProbeFn;

    /// Records still in flight at the end, for the last stats line.
    fn in_flight(&self) -> usize {
        0
    }

    /// After the sink drained: make what was acknowledged durable (Kafka: the final offset commit).
    fn commit(&self) {}

    /// Leaves the input (Kafka: the group, so its partitions move to the other members at once).
    fn close(self)
    where
        Self: Sized,
    {
    }

    /// What a forced stop (the shutdown deadline) means for the records read but not delivered.
    fn forced_note(&self) -> &'static str;
}

/// The back edge from the sink: a record has reached its output or dead-letter destination.
pub trait Acker: Clone + Send + Sync + 'static {
    fn ack(&self, job: &Job);
}

/// File input needs no acknowledgement: each line is read once, and a restart reads the file again.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoAck;

impl Acker for NoAck {
    fn ack(&self, _job: &Job) {}
}

/// JSON Lines from a file or stdin, one job per non-blank line, in order.
pub struct FileSource {
    /// The input's name in each record's origin ("-" for stdin).
    label: String,
    reader: BufReader<Box<dyn tokio::io::AsyncRead + Unpin + Send>>,
    /// Kept across calls: a read cut short by the shutdown signal keeps what it had read.
    line: Vec<u8>,
    /// 1-based number of the last line read (blank lines count, as an editor numbers them).
    number: u64,
    /// Bytes read so far, for the progress bar.
    read: Arc<AtomicU64>,
    /// The input's size in bytes (None: stdin).
    size: Option<u64>,
}

impl FileSource {
    /// Opens `input` (None = stdin).
    pub async fn open(input: Option<&PathBuf>) -> Result<Self, crate::app::AppError> {
        let reader: Box<dyn tokio::io::AsyncRead + Unpin + Send> = match input {
            Some(p) => Box::new(tokio::fs::File::open(p).await.map_err(|source| {
                crate::app::AppError::File {
                    action: "cannot open input",
                    path: p.clone(),
                    source,
                }
            })?),
            None => Box::new(tokio::io::stdin()),
        };
        let size = match input {
            Some(p) => tokio::fs::metadata(p).await.ok().map(|m| m.len()),
            None => None,
        };
        Ok(FileSource {
            label: input.map_or("-".to_string(), |p| p.display().to_string()),
            reader: BufReader::new(reader),
            line: Vec::new(),
            number: 0,
            read: Arc::default(),
            size,
        })
    }

    /// The input's size in bytes (None for stdin) and a live count of the bytes read.
    pub fn progress(&self) -> (Option<u64>, Arc<AtomicU64>) {
        (self.size, self.read.clone())
    }

    async fn read(&mut self) -> Result<Option<Job>, std::io::Error> {
        loop {
            // Lines are read as bytes: one line that is not UTF-8 is a `not_utf8` dead letter with
            // its line number (the codec's check), not the end of the run as with `lines()`.
            let n = self.reader.read_until(b'\n', &mut self.line).await?;
            if n == 0 {
                return Ok(None);
            }
            self.read.fetch_add(n as u64, Ordering::Relaxed);
            self.number += 1;
            let mut line = std::mem::take(&mut self.line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            while line.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                line.pop();
            }
            return Ok(Some(Job {
                seq: 0,
                origin: Origin::File {
                    path: self.label.clone(),
                    line: self.number,
                },
                payload: Some(line),
                key: None,
                headers: Vec::new(),
                epoch: 0,
            }));
        }
    }
}

impl Source for FileSource {
    type Acker = NoAck;

    fn acker(&self) -> NoAck {
        NoAck
    }

    fn next(&mut self) -> impl Future<Output = Result<Option<Job>, std::io::Error>> + Send {
        self.read()
    }

    fn probe(&self, stats: &Arc<Stats>) -> ProbeFn {
        let stats = stats.clone();
        Arc::new(move || Probe {
            in_flight: stats
                .consumed
                .get()
                .saturating_sub(stats.produced.get() + stats.dead_lettered.get())
                as usize,
            lag: BTreeMap::new(),
        })
    }

    fn forced_note(&self) -> &'static str {
        "lines read but not written are not in the output"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn file_source_numbers_lines_as_an_editor_skips_blank_ones_and_keeps_bytes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("in.jsonl");
        std::fs::write(&path, b"{\"a\":1}\r\n\n  \n\xff\xfe\n{\"b\":2}").expect("write input");
        let mut source = FileSource::open(Some(&path)).await.expect("open");
        let mut got = Vec::new();
        while let Some(job) = source.next().await.expect("read") {
            let Origin::File { line, .. } = job.origin else {
                panic!("origin {:?}", job.origin);
            };
            got.push((line, job.payload.expect("payload")));
        }
        assert_eq!(
            got,
            [
                (1, b"{\"a\":1}".to_vec()),
                (4, b"\xff\xfe".to_vec()),
                (5, b"{\"b\":2}".to_vec()),
            ]
        );
        // The end stays the end.
        assert!(source.next().await.expect("read").is_none());
    }

    #[tokio::test]
    async fn a_missing_input_file_names_its_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("absent.jsonl");
        let Err(e) = FileSource::open(Some(&path)).await else {
            panic!("opened a missing file");
        };
        assert!(e.to_string().contains("absent.jsonl"), "{e}");
    }
}
