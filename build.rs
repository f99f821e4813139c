//! Turns the embedded WordNet table (`assets/lexicon/wordnet.tsv.gz`, see
//! `assets/lexicon/derive_wordnet.py`) into a flat binary image that the
//! binary reads in place (`src/engine/wordnet.rs`): no decompression and
//! no parsing at start-up.
//!
//! Image layout, every number a little-endian u32:
//! a header of [`HEADER`] counts, then the sections in this order:
//! `meta[synsets]` (pos in bits 0–1, instance bit 2, lexicographer file in
//! bits 3–8, hypernym depth in bits 16–23), `ends[synsets * 4]` (where each
//! synset's hypernyms, antonyms, heads and pertainyms end in `links`; a
//! synset's links start where the previous one's end), `links`,
//! `names[synsets]` (the first lemma of each synset, `u32::MAX` for none),
//! `lemma_at[lemmas + 1]`, `sense_at[lemmas + 1]`, `senses`,
//! `irregular_at[irregular + 1]`, then the lemma bytes and the irregular
//! bytes (`inflected base base…`, sorted by inflected form).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

const SOURCE: &str = "assets/lexicon/wordnet.tsv.gz";
const HEADER: usize = 7;

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=build.rs");
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(SOURCE).expect("WordNet table present"))
        .read_to_string(&mut text)
        .expect("WordNet table is gzip of UTF-8");
    let image = Image::parse(&text).encode();
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("wordnet.bin"), image).expect("OUT_DIR is writable");
}

#[derive(Default)]
struct Image {
    meta: Vec<u32>,
    ends: Vec<u32>,
    links: Vec<u32>,
    hypers: Vec<(usize, usize)>,
    lemma_text: Vec<u8>,
    lemma_at: Vec<u32>,
    senses: Vec<u32>,
    sense_at: Vec<u32>,
    irregular: BTreeMap<String, Vec<String>>,
}

fn n32(n: usize) -> u32 {
    u32::try_from(n).expect("WordNet fits in u32 offsets")
}

impl Image {
    fn parse(text: &str) -> Self {
        let mut img = Self {
            lemma_at: vec![0],
            sense_at: vec![0],
            ..Self::default()
        };
        for line in text.lines() {
            let mut f = line.split(' ');
            match f.next() {
                Some("S") => img.synset(&mut f),
                Some("W") => {
                    if let Some(lemma) = f.next() {
                        img.lemma_text.extend_from_slice(lemma.as_bytes());
                        img.lemma_at.push(n32(img.lemma_text.len()));
                        img.senses.extend(f.filter_map(|x| x.parse::<u32>().ok()));
                        img.sense_at.push(n32(img.senses.len()));
                    }
                }
                Some("X") => {
                    if let (Some(inflected), Some(base)) = (f.next(), f.next()) {
                        img.irregular
                            .entry(inflected.to_owned())
                            .or_default()
                            .push(base.to_owned());
                    }
                }
                _ => {}
            }
        }
        img
    }

    fn synset<'t>(&mut self, f: &mut impl Iterator<Item = &'t str>) {
        let Some(tag) = f.next() else { return };
        let pos: u32 = match tag.as_bytes().first() {
            Some(b'n') => 0,
            Some(b'v') => 1,
            Some(b'a') => 2,
            _ => 3,
        };
        let rest = tag.get(1..).unwrap_or_default();
        let lexfile: u32 = rest.trim_end_matches('i').parse().unwrap_or(0);
        let instance = u32::from(rest.ends_with('i'));
        self.meta.push(pos | instance << 2 | (lexfile & 0x3f) << 3);
        let start = self.links.len();
        for _ in 0..4 {
            let field = f.next().unwrap_or("-");
            if field != "-" {
                self.links
                    .extend(field.split(',').filter_map(|x| x.parse::<u32>().ok()));
            }
            self.ends.push(n32(self.links.len()));
        }
        let hyper_end = self.ends[self.ends.len() - 4] as usize;
        self.hypers.push((start, hyper_end));
    }

    /// Depth of every synset: the shortest hypernym path to a root,
    /// memoised with an explicit stack (the hypernym graph is acyclic).
    fn depths(&self) -> Vec<u8> {
        const UNKNOWN: u8 = u8::MAX;
        let hypers = |s: usize| {
            let (from, to) = self.hypers[s];
            &self.links[from..to]
        };
        let n = self.meta.len();
        let mut depth = vec![UNKNOWN; n];
        for root in 0..n {
            let mut stack = vec![n32(root)];
            while let Some(&s) = stack.last() {
                if depth[s as usize] != UNKNOWN {
                    stack.pop();
                    continue;
                }
                let pending: Vec<u32> = hypers(s as usize)
                    .iter()
                    .copied()
                    .filter(|&h| depth[h as usize] == UNKNOWN && !stack.contains(&h))
                    .collect();
                if pending.is_empty() {
                    depth[s as usize] = hypers(s as usize)
                        .iter()
                        .map(|&h| depth[h as usize])
                        .filter(|&d| d != UNKNOWN)
                        .min()
                        .map_or(0, |d| d.saturating_add(1).min(UNKNOWN - 1));
                    stack.pop();
                } else {
                    stack.extend(pending);
                }
            }
        }
        depth
    }

    /// The first lemma listing each synset.
    fn names(&self) -> Vec<u32> {
        let mut names = vec![u32::MAX; self.meta.len()];
        for k in 0..self.lemma_at.len() - 1 {
            for &s in &self.senses[self.sense_at[k] as usize..self.sense_at[k + 1] as usize] {
                if let Some(n) = names.get_mut(s as usize)
                    && *n == u32::MAX
                {
                    *n = n32(k);
                }
            }
        }
        names
    }

    fn encode(&self) -> Vec<u8> {
        let meta: Vec<u32> = self
            .meta
            .iter()
            .zip(self.depths())
            .map(|(&m, d)| m | u32::from(d) << 16)
            .collect();
        let mut irregular_text = Vec::new();
        let mut irregular_at = vec![0];
        for (inflected, bases) in &self.irregular {
            irregular_text.extend_from_slice(inflected.as_bytes());
            for b in bases {
                irregular_text.push(b' ');
                irregular_text.extend_from_slice(b.as_bytes());
            }
            irregular_at.push(n32(irregular_text.len()));
        }
        let header = [
            meta.len(),
            self.links.len(),
            self.lemma_at.len() - 1,
            self.senses.len(),
            self.irregular.len(),
            self.lemma_text.len(),
            irregular_text.len(),
        ];
        assert_eq!(header.len(), HEADER);
        let mut out = Vec::new();
        let mut put = |xs: &[u32]| {
            for x in xs {
                out.extend_from_slice(&x.to_le_bytes());
            }
        };
        put(&header.map(n32));
        for section in [
            &meta,
            &self.ends,
            &self.links,
            &self.names(),
            &self.lemma_at,
            &self.sense_at,
            &self.senses,
            &irregular_at,
        ] {
            put(section);
        }
        out.extend_from_slice(&self.lemma_text);
        out.extend_from_slice(&irregular_text);
        out
    }
}
