#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| factdiff_fuzz::fuzz_segment(data));
