//! The `tidings` binary: parse the command line, set up logging, load config, call the library.
//! Exit codes: 0 clean shutdown, 1 runtime failure, 2 configuration or start-up error.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};

use tidings::app::{self, FileRun};
use tidings::resources::{Locator, SetBy};
use tidings::{telemetry, Config, Pipeline};

#[derive(Parser)]
#[command(
    name = "tidings",
    version,
    // --version is ours: it reports the commit, librdkafka, ONNX Runtime and the model too.
    disable_version_flag = true,
    arg_required_else_help = true,
    about = "Enrich crawled news articles: language → entities → numeric claims.",
    long_about = "Reads crawled articles (JSON) from Kafka or JSON Lines, detects their language, finds named \
entities and every numeric claim, and writes one enriched JSON record per article. Bad input goes to a \
dead-letter topic (or file) with the reason.\n\nStart with `tidings demo`: it needs no broker."
)]
struct Cli {
    /// TOML configuration file (see config/default.toml); TIDINGS__SECTION__KEY env vars override it.
    #[arg(long, short, global = true, env = "TIDINGS_CONFIG")]
    config: Option<PathBuf>,
    /// Print the version, git commit, librdkafka and ONNX Runtime versions and the model's hash.
    #[arg(long, short = 'V')]
    version: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the daemon: consume from Kafka, enrich, produce (until SIGTERM/SIGINT).
    /// With --input/--output, run the same pipeline over JSON Lines files instead (no broker).
    Run {
        /// JSON Lines input file, or - for stdin; switches to file mode.
        #[arg(long)]
        input: Option<String>,
        /// JSON Lines output file, or - for stdout (file mode; default -). Needs --input.
        #[arg(long, requires = "input")]
        output: Option<String>,
        /// Where file mode writes rejected records with their reason (created at the first one).
        #[arg(long, default_value = "dead-letter.jsonl", requires = "input")]
        dead_letter: PathBuf,
    },
    /// Run the real pipeline on an in-process Kafka-protocol broker over the sample articles and print
    /// the enriched records. Needs nothing installed.
    Demo {
        /// JSON Lines file of articles to feed (default: the shipped examples/articles.jsonl, looked
        /// up beside the config file, the executable, its install layout and the build tree).
        #[arg(long)]
        articles: Option<PathBuf>,
        /// Print only the summary, not the records.
        #[arg(long)]
        quiet: bool,
    },
    /// Load and validate the configuration — every error at once, with its file and key; librdkafka
    /// properties set on clients that connect nowhere; the NER model loaded — then print the
    /// effective settings as JSON with secrets redacted. Exit 2 on any error.
    CheckConfig,
    /// Score a stage against gold data.
    Eval {
        /// text (Markdown tables) or json (tables as arrays of row objects, for scripts).
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
        #[command(subcommand)]
        what: EvalCommand,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

impl ReportFormat {
    fn print(self, report: &str) {
        match self {
            ReportFormat::Text => println!("{report}"),
            ReportFormat::Json => println!("{}", tidings::report::to_json(report)),
        }
    }
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Quantity extraction against a NewsQuant-format JSON file (or the seed claims gold).
    Claims {
        file: PathBuf,
        /// Directory of the articles the seed gold refers to (for seed-claims.json).
        #[arg(long)]
        docs: Option<PathBuf>,
        /// Also list, per sentence, gold quantities missed (at value+unit) and predictions unmatched.
        #[arg(long)]
        errors: bool,
        /// NewsQuant files: score all sentences, the tune part (index % 3 != 2) or the check part
        /// (index % 3 == 2). Rules are tuned by looking at tune errors only.
        #[arg(long, default_value = "all")]
        split: tidings::eval::Split,
    },
    /// NER against a CoNLL-format file (entity-level P/R/F1 per label, and on all-caps lines).
    /// By default each document (between -DOCSTART- lines) goes whole, sentences joined by line
    /// breaks, through the stages of `tidings run` (language stage and NER gate included).
    Ner {
        file: PathBuf,
        /// Score the model alone: one sentence per text, no language stage.
        #[arg(long)]
        sentences: bool,
        /// Join a document's sentences with spaces (one paragraph) instead of line breaks.
        #[arg(long, conflicts_with = "sentences")]
        paragraphs: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.version {
        return version(cli.config.as_deref());
    }
    let Some(command) = cli.command else {
        eprintln!("tidings: no command given (see tidings --help)");
        return ExitCode::from(2);
    };
    let config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("tidings: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&config.telemetry);
    match run(command, cli.config.as_deref(), config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Startup(e)) => {
            eprintln!("tidings: {e:#}");
            ExitCode::from(2)
        }
        Err(Failure::Runtime(e)) => {
            eprintln!("tidings: {e:#}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Startup(anyhow::Error),
    Runtime(anyhow::Error),
}

fn startup<E: Into<anyhow::Error>>(e: E) -> Failure {
    Failure::Startup(e.into())
}

fn runtime<E: Into<anyhow::Error>>(e: E) -> Failure {
    Failure::Runtime(e.into())
}

/// `tidings --version`: what is built in, and what the configuration would load.
fn version(config_file: Option<&std::path::Path>) -> ExitCode {
    let (config, problem) = match Config::load(config_file) {
        Ok(c) => (c, None),
        Err(e) => {
            // Still say what the binary is; the model part needs a valid configuration.
            let mut c = Config::default();
            c.stages.ner.enabled = false;
            (c, Some(e))
        }
    };
    println!("{}", tidings::version::BuildInfo::gather(&config.stages));
    match problem {
        Some(e) => {
            eprintln!("tidings: {e}");
            ExitCode::from(2)
        }
        None => ExitCode::SUCCESS,
    }
}

fn run(
    command: Command,
    config_file: Option<&std::path::Path>,
    config: Config,
) -> Result<(), Failure> {
    match command {
        Command::CheckConfig => {
            // Loading the model is part of the check: a corrupt or incompatible one fails here, not
            // at the first `run`.
            build_pipeline(&config)?;
            let json = serde_json::to_string_pretty(&config.redacted()).map_err(startup)?;
            println!("{json}");
            Ok(())
        }
        Command::Eval { format, what } => match what {
            EvalCommand::Claims {
                file,
                docs,
                errors,
                split,
            } => {
                let options = tidings::eval::ClaimsEval {
                    docs,
                    errors,
                    split,
                };
                tidings::eval::claims(&file, &options, &config)
                    .map(|report| format.print(&report))
                    .map_err(runtime)
            }
            EvalCommand::Ner {
                file,
                sentences,
                paragraphs,
            } => {
                let options = tidings::eval::NerEval {
                    sentences,
                    paragraphs,
                };
                tidings::eval::ner(&file, &options, &config)
                    .map(|report| format.print(&report))
                    .map_err(runtime)
            }
        },
        Command::Run {
            input,
            output,
            dead_letter,
        } => {
            let rt = runtime_for(&config)?;
            // Before the stages load: a SIGTERM while they do stops the run cleanly.
            let stop = {
                let _context = rt.enter();
                tidings::shutdown::install()
            };
            let pipeline = build_pipeline(&config)?;
            let summary = if input.is_some() || output.is_some() {
                let path = |s: Option<String>| s.filter(|s| s != "-").map(PathBuf::from);
                let files = FileRun {
                    input: path(input),
                    output: path(output),
                    dead_letter,
                };
                rt.block_on(app::run_files(&config, pipeline, files, stop))
                    .context("file pipeline")
                    .map_err(runtime)?
            } else {
                rt.block_on(app::run_kafka(&config, pipeline, stop))
                    .context("kafka pipeline")
                    .map_err(runtime)?
            };
            // Dropping the runtime would wait for its blocking tasks — the worker pool's join, stuck
            // behind a stage that is still running after the deadline — so a forced stop exited
            // minutes late. Tasks still queued are dropped; worker threads end with the process.
            rt.shutdown_timeout(Duration::from_millis(250));
            tracing::info!(
                consumed = summary.consumed,
                produced = summary.produced,
                dead_lettered = summary.dead_lettered,
                forced = summary.forced,
                "tidings stopped"
            );
            Ok(())
        }
        Command::Demo { articles, quiet } => {
            let articles = match articles {
                Some(a) => a,
                None => {
                    let by = config_file.map_or(SetBy::Default, |f| SetBy::File(f.to_path_buf()));
                    Locator::new()
                        .data(std::path::Path::new("examples/articles.jsonl"), &by)
                        .map_err(startup)?
                }
            };
            let pipeline = build_pipeline(&config)?;
            let rt = runtime_for(&config)?;
            let report = rt
                .block_on(tidings::demo::run(config, pipeline, &articles))
                .context("demo")
                .map_err(runtime)?;
            for r in &report.records {
                if quiet {
                    continue;
                }
                match serde_json::from_slice::<serde_json::Value>(&r.payload) {
                    Ok(v) if r.topic.ends_with("dlq") => println!(
                        "# dead letter (key {:?}), headers {:?}\n{v}",
                        r.key, r.headers
                    ),
                    Ok(v) => println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default()),
                    Err(_) => println!(
                        "# dead letter on {} (key {:?}): {:?}\n#   headers {:?}",
                        r.topic,
                        r.key,
                        String::from_utf8_lossy(&r.payload),
                        r.headers
                    ),
                }
            }
            let s = report.summary;
            eprintln!(
                "demo: {} consumed, {} enriched, {} dead-lettered in {:.1} s ({:.1} articles/s) through an in-process Kafka broker",
                s.consumed,
                s.produced,
                s.dead_lettered,
                report.elapsed.as_secs_f64(),
                s.consumed as f64 / report.elapsed.as_secs_f64().max(1e-3)
            );
            Ok(())
        }
    }
}

fn build_pipeline(config: &Config) -> Result<Arc<Pipeline>, Failure> {
    Pipeline::build(&config.stages)
        .map(Arc::new)
        .context("building the stages")
        .map_err(startup)
}

fn runtime_for(_config: &Config) -> Result<tokio::runtime::Runtime, Failure> {
    // The reactor only moves bytes; the stages run on the worker pool's own threads.
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(startup)
}
