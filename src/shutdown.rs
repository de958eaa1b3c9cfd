//! The shutdown trigger: a future that resolves on SIGTERM or SIGINT. `app::run_*` take any future,
//! so tests and the demo stop the pipeline without signals.

use std::future::Future;

/// Resolves on the first SIGTERM or SIGINT (Ctrl-C), counting from its first poll.
pub async fn signal() {
    install().await
}

/// Registers the handlers now and returns the future that resolves on the first signal since. The
/// binary calls it before loading the stages (a second or more), so a SIGTERM during start-up is a
/// clean stop rather than the default action, death by signal. Needs a tokio runtime context.
pub fn install() -> impl Future<Output = ()> + Send {
    #[cfg(unix)]
    let streams = {
        use tokio::signal::unix::{signal, SignalKind};
        (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        )
    };
    async move {
        #[cfg(unix)]
        match streams {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => tracing::info!("SIGTERM received"),
                    _ = int.recv() => tracing::info!("SIGINT received"),
                }
            }
            _ => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
