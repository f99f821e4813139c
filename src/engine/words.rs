//! The word lists detectors and the segmenter read, as data:
//! `assets/lexicon/words.toml`, turned into constants by `build.rs`. Words
//! are folded (lowercase) forms.

include!(concat!(env!("OUT_DIR"), "/words.rs"));

#[cfg(test)]
mod tests {
    use super::{ALL, DISJOINT};

    fn list(name: &str) -> &'static [&'static str] {
        ALL.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, l)| *l)
            .unwrap_or_else(|| panic!("no list named {name}"))
    }

    #[test]
    fn no_list_repeats_a_word() {
        for (name, words) in ALL {
            for (i, w) in words.iter().enumerate() {
                assert!(!words[..i].contains(w), "{name} lists {w:?} twice");
            }
        }
    }

    #[test]
    fn words_are_folded_and_trimmed() {
        for (name, words) in ALL {
            for w in *words {
                assert!(!w.is_empty(), "{name} has an empty word");
                assert_eq!(*w, w.trim(), "{name}: {w:?} has spaces around it");
                assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lowercase");
            }
        }
    }

    #[test]
    fn lists_declared_disjoint_share_no_word() {
        assert!(!DISJOINT.is_empty());
        for (a, b) in DISJOINT {
            let shared: Vec<&&str> = list(a).iter().filter(|w| list(b).contains(w)).collect();
            assert!(shared.is_empty(), "{a} and {b} both list {shared:?}");
        }
    }

    #[test]
    fn no_contrast_word_is_in_two_classes() {
        let mut seen: Vec<(&str, usize, usize)> = Vec::new();
        for (f, family) in super::CONTRAST_FAMILIES.iter().enumerate() {
            assert!(family.len() > 1, "contrast family {f} has one class");
            for (c, class) in family.iter().enumerate() {
                for w in *class {
                    assert!(
                        !seen.iter().any(|(x, ..)| x == w),
                        "{w:?} is in two contrast classes"
                    );
                    seen.push((w, f, c));
                }
            }
        }
    }

    #[test]
    fn no_list_is_empty() {
        for (name, words) in ALL {
            assert!(!words.is_empty(), "{name} is empty");
        }
    }
}
