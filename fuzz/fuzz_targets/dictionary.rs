//! Feeds arbitrary bytes to the dictionary loader: it must return an entry set
//! or a located error, never panic; what loads must build a tagger that tags.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let content = String::from_utf8_lossy(data);
    match gazetag::Dictionary::from_jsonl_str("fuzz.jsonl", &content) {
        Ok(dict) => {
            if let Ok(tagger) = gazetag::Tagger::builder().dictionary(dict).build() {
                let _ = tagger.tag(&content);
            }
        }
        Err(e) => {
            assert!(e.line().is_some(), "content errors name their line: {}", e);
        }
    }
});
