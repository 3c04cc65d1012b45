//! `kaoping import` of a CSV file with arbitrary bytes (UTF-8, UTF-16, GBK or neither; any
//! separator, quoting and cells) onto the sample roster: an error message or a valid dataset,
//! never a panic.
#![no_main]
use kaoping_cli::import::Format;
use libfuzzer_sys::fuzz_target;

#[path = "import_common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check(data, Format::Csv, "fuzz.csv", false);
});
