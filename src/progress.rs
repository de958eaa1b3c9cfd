//! File mode's progress bar, for a person at a terminal: bytes of the input read (of its size, when
//! it is a file), lines written and dead-lettered, updated a few times a second. Only when stderr is
//! a terminal; services and redirected runs get the periodic stats line alone. Log lines written
//! while the bar is up go through [`LogWriter`], which lifts the bar for them, so the two never mix.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::telemetry::Stats;

/// The bar on screen, if any: the log writer must know it to print around it.
static ACTIVE: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// A running progress bar; [`Progress::finish`] (or dropping it) takes it off the screen.
pub struct Progress {
    bar: ProgressBar,
    ticker: tokio::task::JoinHandle<()>,
}

impl Progress {
    /// Starts the bar when stderr is a terminal (else None). `total`: the input's size in bytes,
    /// None for stdin; `read`: bytes read so far, kept by the source.
    pub fn start(total: Option<u64>, read: Arc<AtomicU64>, stats: Arc<Stats>) -> Option<Progress> {
        if !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
        let template = if total.is_some() {
            "{bar:20} {bytes}/{total_bytes} eta {eta}  {msg}"
        } else {
            "{spinner} {bytes} read {bytes_per_sec}  {msg}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        *ACTIVE.lock().unwrap_or_else(|p| p.into_inner()) = Some(bar.clone());
        let shown = bar.clone();
        let ticker = tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(200));
            loop {
                tick.tick().await;
                shown.set_position(read.load(Ordering::Relaxed));
                shown.set_message(format!(
                    "{} written, {} dead-lettered",
                    stats.produced.get(),
                    stats.dead_lettered.get()
                ));
            }
        });
        Some(Progress { bar, ticker })
    }

    pub fn finish(self) {}
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.ticker.abort();
        ACTIVE.lock().unwrap_or_else(|p| p.into_inner()).take();
        self.bar.finish_and_clear();
    }
}

/// stderr for the log subscriber: one formatted event per writer, printed with the progress bar
/// lifted when one is up.
#[derive(Default)]
pub struct LogWriter(Vec<u8>);

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for LogWriter {
    fn drop(&mut self) {
        let event = std::mem::take(&mut self.0);
        let write = || {
            let _ = std::io::stderr().lock().write_all(&event);
        };
        let bar = ACTIVE.lock().unwrap_or_else(|p| p.into_inner()).clone();
        match bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }
}
