//! The search index's files from each document's words (see `search` for
//! what they hold and how `tim-kiem.js` reads them), made so that a change
//! touches few of them:
//!
//! - documents are numbered campaigns, pages, then notices oldest first
//!   (see `search::docs`): a new notice is the last document and moves no
//!   other; one dated earlier renumbers those after it, which moves the
//!   end of every list in one pass without sorting again;
//! - words are kept by bucket ([`Postings`]), each with the numbers of its
//!   documents; a build adds a notice's words as its page is rendered and
//!   keeps no text, the preview keeps each document's words ([`State`]) and
//!   after a save moves only those of the documents that changed, then
//!   writes again only the buckets and title chunks they touch.

use std::collections::BTreeSet;
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use super::doc_lists::Lists;

/// Bits of a word's number within its bucket (a bucket never holds 4
/// million distinct words: the buckets split words by their first letters).
const LOCAL_BITS: u32 = 22;

/// How many buckets the words are spread over: about one for four
/// documents, so a bucket stays a few kilobytes, and a fixed number for a
/// given count of documents (a rebuild that keeps the index knows its files).
pub fn bucket_count(docs: usize) -> usize {
    (docs / 4).next_power_of_two().clamp(8, 512)
}

/// The bucket of a word: FNV-1a of its first three letters (the whole word
/// when shorter), as tim-kiem.js computes it. The index's words are ASCII.
pub fn bucket_of(word: &str, buckets: usize) -> usize {
    let key = &word.as_bytes()[..word.len().min(3)];
    let mut hash: u32 = 0x811c_9dc5;
    for &b in key {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % buckets
}

/// The words of one bucket: each word's number, and the documents it is in
/// (`document << 1 | in title`, in order once sorted).
struct Shard {
    ids: foldhash::HashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    docs: Lists,
}

impl Shard {
    fn new(docs: Lists) -> Shard {
        Shard {
            ids: foldhash::HashMap::default(),
            words: Vec::new(),
            docs,
        }
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.ids.insert(word.into(), id);
        self.words.push(word.into());
        self.docs.add_word();
        id
    }

    /// `{"word":[gaps…],…}`, words in byte order, gaps between document
    /// numbers doubled plus 1 in the title (the words are ASCII letters and
    /// digits: nothing to escape).
    fn json(&self) -> Vec<u8> {
        let mut order: Vec<usize> = (0..self.words.len())
            .filter(|&w| !self.docs.is_empty(w))
            .collect();
        order.sort_unstable_by(|&a, &b| self.words[a].cmp(&self.words[b]));
        let mut out = Vec::with_capacity(16 * 1024);
        out.push(b'{');
        let mut number = itoa_buffer();
        for (k, &w) in order.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            out.push(b'"');
            out.extend_from_slice(self.words[w].as_bytes());
            out.extend_from_slice(b"\":[");
            let mut first = true;
            self.docs.each_gap(w, |gap| {
                if !first {
                    out.push(b',');
                }
                first = false;
                out.extend_from_slice(format_u32(&mut number, gap));
            });
            out.push(b']');
        }
        out.push(b'}');
        out
    }
}

fn itoa_buffer() -> [u8; 10] {
    [0; 10]
}

fn format_u32(buf: &mut [u8; 10], mut n: u32) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[at..];
        }
    }
}

/// A document's words: `(bucket << 22 | word) << 1 | in title`, each word
/// once, in order.
pub type Terms = Vec<u32>;

/// Every word of the index by bucket, filled from many threads at once.
pub struct Postings {
    shards: Vec<Mutex<Shard>>,
}

impl Postings {
    /// The preview's, whose lists move after each save.
    pub fn new(buckets: usize) -> Postings {
        Postings::of(buckets, || Lists::Open(Vec::new()))
    }

    /// A build's, given each document in order (see [`Lists`]).
    pub fn packed(buckets: usize) -> Postings {
        Postings::of(buckets, || Lists::Packed(Vec::new()))
    }

    fn of(buckets: usize, lists: impl Fn() -> Lists) -> Postings {
        Postings {
            shards: (0..buckets)
                .map(|_| Mutex::new(Shard::new(lists())))
                .collect(),
        }
    }

    pub fn buckets(&self) -> usize {
        self.shards.len()
    }

    fn shard(&self, b: usize) -> std::sync::MutexGuard<'_, Shard> {
        self.shards[b]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The words of an indexed text (its title's words, a line break, its
    /// body's: see `search::notice_text`), each given its number.
    pub fn terms(&self, text: &str) -> Terms {
        let (title, body) = text.split_once('\n').unwrap_or((text, ""));
        // Each word once, and whether the title has it: hashed, not sorted
        // (sorting a notice's thousand words was a tenth of a build). Only
        // the numbers are sorted; no file depends on the order words get
        // their numbers in (a bucket's words are written in byte order).
        let mut words: foldhash::HashMap<&str, bool> =
            foldhash::HashMap::with_capacity_and_hasher(256, Default::default());
        for word in title.split(' ').filter(|w| !w.is_empty()) {
            words.insert(word, true);
        }
        for word in body.split(' ').filter(|w| !w.is_empty()) {
            words.entry(word).or_insert(false);
        }
        let buckets = self.buckets();
        let mut terms: Terms = words
            .into_iter()
            .map(|(word, in_title)| {
                let b = bucket_of(word, buckets);
                let local = self.shard(b).intern(word);
                let id = (b as u32) << LOCAL_BITS | local;
                id << 1 | u32::from(in_title)
            })
            .collect();
        terms.sort_unstable();
        terms
    }

    /// Adds document `doc` to the lists of its words, at their ends (a
    /// build sorts them once at the end, see [`Postings::sort`]).
    pub fn push(&self, doc: u32, terms: &[u32]) {
        for &t in terms {
            let (b, local) = split(t);
            self.shard(b).docs.push(local, doc << 1 | (t & 1));
        }
    }

    /// Adds document `doc` in order; returns the buckets touched.
    fn insert(&mut self, doc: u32, terms: &[u32], touched: &mut BTreeSet<usize>) {
        for &t in terms {
            let (b, local) = split(t);
            let list = &mut self.shards[b]
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner)
                .docs
                .open()[local];
            let at = list.partition_point(|p| p >> 1 < doc);
            list.insert(at, doc << 1 | (t & 1));
            touched.insert(b);
        }
    }

    /// Takes document `doc` out of the lists of its words.
    fn remove(&mut self, doc: u32, terms: &[u32], touched: &mut BTreeSet<usize>) {
        for &t in terms {
            let (b, local) = split(t);
            let list = &mut self.shards[b]
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner)
                .docs
                .open()[local];
            let at = list.partition_point(|p| p >> 1 < doc);
            if list.get(at).is_some_and(|p| p >> 1 == doc) {
                list.remove(at);
            }
            touched.insert(b);
        }
    }

    /// Renumbers every list by `to` (old number → new, `None`: taken out),
    /// which keeps the documents' order, so lists stay sorted. Only the
    /// part of each list from the first document that moved is read (a
    /// notice added among the oldest moves few). Returns the buckets that
    /// changed.
    fn renumber(&mut self, to: &[Option<u32>]) -> BTreeSet<usize> {
        let first = to
            .iter()
            .enumerate()
            .position(|(o, n)| *n != Some(o as u32))
            .unwrap_or(to.len()) as u32;
        self.shards
            .par_iter_mut()
            .enumerate()
            .filter_map(|(b, shard)| {
                let shard = shard.get_mut().unwrap_or_else(PoisonError::into_inner);
                let mut changed = false;
                for list in shard.docs.open() {
                    let start = list.partition_point(|p| p >> 1 < first);
                    let mut kept = start;
                    for at in start..list.len() {
                        let p = list[at];
                        match to.get((p >> 1) as usize).copied().flatten() {
                            Some(n) => {
                                changed |= n != p >> 1;
                                list[kept] = n << 1 | (p & 1);
                                kept += 1;
                            }
                            None => changed = true,
                        }
                    }
                    list.truncate(kept);
                }
                changed.then_some(b)
            })
            .collect()
    }

    /// Puts every list in document order (a build's pages end in any order).
    pub fn sort(&mut self) {
        for shard in &mut self.shards {
            let shard = shard.get_mut().unwrap_or_else(PoisonError::into_inner);
            shard.docs.sort();
        }
    }

    /// Bucket `b`'s file.
    pub fn bucket_json(&self, b: usize) -> Vec<u8> {
        self.shard(b).json()
    }
}

fn split(term: u32) -> (usize, usize) {
    let id = term >> 1;
    (
        (id >> LOCAL_BITS) as usize,
        (id & ((1 << LOCAL_BITS) - 1)) as usize,
    )
}

mod state;
pub use state::{Changed, DocKey, Fresh, Row, State};

#[cfg(test)]
mod tests;
