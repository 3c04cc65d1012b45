//! Progress bars for imports and reports of large inputs, drawn on stderr only when stderr is a
//! terminal (never in pipes, files or CI logs).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Inputs with at least this many rows or records get a progress bar.
pub const LARGE: u64 = 1000;

fn visible(size: u64) -> bool {
    size >= LARGE && std::io::stderr().is_terminal()
}

/// A bar over `len` rows, shown when `len` is large.
pub fn bar(len: u64, message: impl Into<std::borrow::Cow<'static, str>>) -> ProgressBar {
    bar_if_large(len, len, message)
}

/// A bar over `len` steps, shown when the input's `size` is large.
pub fn bar_if_large(size: u64, len: u64, message: impl Into<std::borrow::Cow<'static, str>>) -> ProgressBar {
    if !visible(size) {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    pb.set_style(ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} ({elapsed})").expect("a valid template").progress_chars("=> "));
    pb.set_message(message);
    pb
}

/// A spinner for one long step, shown when the input's `size` is large.
pub fn spinner(size: u64, message: impl Into<std::borrow::Cow<'static, str>>) -> ProgressBar {
    if !visible(size) {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    pb.set_style(ProgressStyle::with_template("{spinner} {msg} ({elapsed})").expect("a valid template"));
    pb.set_message(message);
    pb.enable_steady_tick(std::time::Duration::from_millis(120));
    pb
}
