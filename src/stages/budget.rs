//! The per-record time budget (`stages.timeout_ms`): a record whose stage runs too long is
//! dead-lettered (`stage_failed`, "timeout") instead of holding its worker — and, behind it, its
//! partition — for as long as the stage takes (a quadratic stage took 500 s on one article).
//!
//! A stage is plain synchronous code and cannot be interrupted, so the call runs on a helper thread
//! (one per worker, reused) over copies of the articles, and the worker waits at most
//! budget × articles for it. On time, the copies replace the originals. Over time, the helper is
//! left to finish on its own and end (its result is dropped; it keeps its CPU until then, which is
//! why the budget is a backstop, not a scheduler), the worker starts a fresh one, and each article of
//! the batch is run again alone with its own budget, so only the one that overran is dead-lettered
//! and the others are enriched.

use std::cell::RefCell;
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender};
use std::sync::Arc;
use std::time::Duration;

use super::{Stage, StageError};
use crate::record::Article;

type Results = Vec<Result<(), StageError>>;

enum Call {
    Done(Vec<Article>, Results),
    TimedOut,
    /// The stage panicked on the helper thread (the worker's own panic guard cannot see it there).
    Panicked,
    /// No thread could be started (a resource limit): the caller runs the stage unbudgeted.
    NoThread,
}

/// `stage.process_batch` over `articles`, each allowed `budget`.
pub(super) fn process_batch(
    stage: &Arc<dyn Stage>,
    articles: &mut [&mut Article],
    budget: Duration,
) -> Results {
    let copies = articles.iter().map(|a| (**a).clone()).collect();
    let limit = budget.saturating_mul(articles.len().max(1) as u32);
    match call(stage, copies, limit) {
        Call::NoThread => stage.process_batch(articles),
        Call::Done(done, results) => {
            for (slot, a) in articles.iter_mut().zip(done) {
                **slot = a;
            }
            results
        }
        Call::Panicked => articles.iter().map(|_| Err(panicked(stage))).collect(),
        Call::TimedOut => articles
            .iter_mut()
            .map(|a| match call(stage, vec![(**a).clone()], budget) {
                Call::Done(mut done, mut results) => {
                    if let Some(d) = done.pop() {
                        **a = d;
                    }
                    results.pop().unwrap_or(Ok(()))
                }
                Call::Panicked => Err(panicked(stage)),
                Call::NoThread => stage.process(a),
                Call::TimedOut => {
                    tracing::warn!(stage = stage.name(), id = %a.id, budget_ms = budget.as_millis() as u64,
                        "stage overran its time budget; the record is dead-lettered and the stage left to finish on its own");
                    Err(StageError::Timeout {
                        stage: stage.name(),
                        budget_ms: budget.as_millis() as u64,
                    })
                }
            })
            .collect(),
    }
}

fn panicked(stage: &Arc<dyn Stage>) -> StageError {
    StageError::Transient {
        stage: stage.name(),
        message: "stage panicked".into(),
    }
}

type Work = (Arc<dyn Stage>, Vec<Article>);
type Done = (Vec<Article>, Results);

/// A helper thread that runs stage calls for one worker thread, reused from call to call (a thread
/// per call cost a spawn and, through malloc's per-thread arenas, memory).
struct Helper {
    work: SyncSender<Work>,
    done: Receiver<Done>,
}

impl Helper {
    fn start() -> std::io::Result<Helper> {
        let (work_tx, work_rx) = sync_channel::<Work>(1);
        let (done_tx, done_rx) = sync_channel::<Done>(1);
        std::thread::Builder::new()
            .name("tidings-stage".into())
            .spawn(move || {
                // Ends when its worker drops the sender: the worker ended, or gave up on a call.
                while let Ok((stage, mut articles)) = work_rx.recv() {
                    let results = {
                        let mut refs: Vec<&mut Article> = articles.iter_mut().collect();
                        stage.process_batch(&mut refs)
                    };
                    if done_tx.send((articles, results)).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Helper {
            work: work_tx,
            done: done_rx,
        })
    }
}

thread_local! {
    /// This worker thread's helper; None until the first call and after one was abandoned.
    static HELPER: RefCell<Option<Helper>> = const { RefCell::new(None) };
}

fn call(stage: &Arc<dyn Stage>, articles: Vec<Article>, limit: Duration) -> Call {
    HELPER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            match Helper::start() {
                Ok(h) => *slot = Some(h),
                Err(e) => {
                    // Better unbudgeted than not at all.
                    tracing::warn!(error = %e, "no helper thread for the stage budget; running it unbudgeted");
                    return Call::NoThread;
                }
            }
        }
        let Some(helper) = slot.as_ref() else {
            return Call::NoThread;
        };
        if helper.work.send((Arc::clone(stage), articles)).is_err() {
            // The helper died (a panic in a stage): the next call starts a new one.
            *slot = None;
            return Call::Panicked;
        }
        match helper.done.recv_timeout(limit) {
            Ok((done, results)) => Call::Done(done, results),
            Err(RecvTimeoutError::Timeout) => {
                // Abandon it, still running: dropping its channels lets it end after this call.
                *slot = None;
                Call::TimedOut
            }
            Err(RecvTimeoutError::Disconnected) => {
                *slot = None;
                Call::Panicked
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marks each article it finishes; takes 2 s on an article whose text says "slow".
    struct Marks;

    impl Stage for Marks {
        fn name(&self) -> &'static str {
            "marks"
        }

        fn process(&self, article: &mut Article) -> Result<(), StageError> {
            if article.text.contains("slow") {
                std::thread::sleep(Duration::from_secs(2));
            }
            article.title = "done".into();
            Ok(())
        }
    }

    #[test]
    fn only_the_article_that_overruns_fails_and_the_others_keep_their_results() {
        let stage: Arc<dyn Stage> = Arc::new(Marks);
        let mut batch: Vec<Article> = ["fast", "slow", "fast too"]
            .iter()
            .map(|t| Article {
                text: t.to_string(),
                ..Default::default()
            })
            .collect();
        let mut refs: Vec<&mut Article> = batch.iter_mut().collect();
        let started = std::time::Instant::now();
        let results = process_batch(&stage, &mut refs, Duration::from_millis(100));
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "waited for the slow one"
        );
        assert!(results[0].is_ok() && results[2].is_ok(), "{results:?}");
        assert!(
            matches!(
                results[1],
                Err(StageError::Timeout {
                    stage: "marks",
                    budget_ms: 100
                })
            ),
            "{results:?}"
        );
        let titles: Vec<&str> = batch.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["done", "", "done"]);
    }
}
