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

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
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

/// A document, told apart across rebuilds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocKey {
    Campaign(String),
    Page(PathBuf),
    Contacts,
    Apps,
    English,
    Notice(PathBuf),
}

/// A document's row in a title chunk: title, address, kind, date.
pub type Row = [String; 4];

/// What the preview keeps of the index between rebuilds: every document's
/// key, row and words, and the words' lists.
pub struct State {
    pub postings: Postings,
    keys: Vec<DocKey>,
    rows: Vec<Row>,
    terms: Vec<Terms>,
}

/// A document of the index as this build sees it: its key, its row, and
/// its words when this build made them (a notice whose page was rendered,
/// every document that is not a notice); `None`: unchanged since the last
/// build.
pub struct Fresh {
    pub key: DocKey,
    pub row: Option<Row>,
    pub terms: Option<Terms>,
}

/// The files of the index that a change made again.
pub struct Changed {
    /// Bucket numbers whose file must be written again.
    pub buckets: BTreeSet<usize>,
    /// Title chunks (by number) whose file must be written again.
    pub chunks: BTreeSet<usize>,
}

/// A document's row or words in the new state: made by this build, or the
/// last build's (by its old number).
enum Kept<T> {
    New(T),
    Old(usize),
}

impl<T: Default> Kept<T> {
    fn get<'a>(&'a self, old: &'a [T]) -> &'a T {
        match self {
            Kept::New(value) => value,
            Kept::Old(o) => &old[*o],
        }
    }

    /// Each old number is taken once (keys are unique).
    fn take(self, old: &mut [T]) -> T {
        match self {
            Kept::New(value) => value,
            Kept::Old(o) => std::mem::take(&mut old[o]),
        }
    }
}

impl State {
    pub fn new(postings: Postings) -> State {
        State {
            postings,
            keys: Vec::new(),
            rows: Vec::new(),
            terms: Vec::new(),
        }
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn keys(&self) -> &[DocKey] {
        &self.keys
    }

    /// The words of the document `key` had in the last build.
    pub fn terms_of(&self, key: &DocKey, hint: usize) -> Option<&Terms> {
        if self.keys.get(hint) == Some(key) {
            return self.terms.get(hint);
        }
        let at = self.keys.iter().position(|k| k == key)?;
        self.terms.get(at)
    }

    /// Moves the index to `docs` (in index order). A document of the last
    /// build whose words did not change keeps its place in every list,
    /// renumbered in one pass when documents before it came or went (they
    /// keep their order: a notice added shifts those after it); the others
    /// are taken out and put back. Says which files changed.
    pub fn update(&mut self, docs: Vec<Fresh>, chunk: usize) -> Changed {
        let old_keys = std::mem::take(&mut self.keys);
        let mut old_rows = std::mem::take(&mut self.rows);
        let mut old_terms = std::mem::take(&mut self.terms);
        // Most documents are where they were, or one place off (a notice
        // added or removed before them): looked for there first, since
        // hashing 10,000 paths costs more than the rest of a small change.
        let mut by_key: Option<HashMap<&DocKey, usize>> = None;
        let mut old_of = |id: usize, key: &DocKey| {
            let near = [Some(id), id.checked_add(1), id.checked_sub(1)];
            let mut near = near.into_iter().flatten();
            if let Some(o) = near.find(|&o| old_keys.get(o) == Some(key)) {
                return Some(o);
            }
            let by_key = by_key
                .get_or_insert_with(|| old_keys.iter().enumerate().map(|(i, k)| (k, i)).collect());
            by_key.get(key).copied()
        };
        // Old number → new, for the documents kept in the lists.
        let mut renumber: Vec<Option<u32>> = vec![None; old_keys.len()];
        let mut last_kept = None;
        let mut chunks = BTreeSet::new();
        let mut put_back = Vec::new();
        // New words, same number: only the words lost or gained move (a
        // retitled notice touches the buckets of its title's words, not of
        // all 300 of its words).
        let mut in_place = BTreeSet::new();
        let mut new_docs = Vec::with_capacity(docs.len());
        for (id, doc) in docs.into_iter().enumerate() {
            let old = old_of(id, &doc.key);
            let row = match (doc.row, old) {
                (Some(row), _) => Kept::New(row),
                (None, Some(o)) => Kept::Old(o),
                (None, None) => Kept::New(Row::default()),
            };
            if old_rows.get(id) != Some(row.get(&old_rows)) {
                chunks.insert(id / chunk);
            }
            let words = match (doc.terms, old) {
                (Some(words), Some(o)) if words == old_terms[o] => Kept::Old(o),
                (Some(words), _) => Kept::New(words),
                (None, Some(o)) => Kept::Old(o),
                (None, None) => Kept::New(Terms::new()),
            };
            match (&words, last_kept) {
                (Kept::Old(o), None) => {
                    (renumber[*o], last_kept) = (Some(id as u32), Some(*o));
                }
                (Kept::Old(o), Some(last)) if *o > last => {
                    (renumber[*o], last_kept) = (Some(id as u32), Some(*o));
                }
                _ => put_back.push(id),
            }
            if matches!(words, Kept::New(_)) && old == Some(id) {
                in_place.insert(id);
            }
            new_docs.push((doc.key, row, words));
        }
        // Fewer documents: the last chunk lost rows.
        if new_docs.len() < old_rows.len() && !new_docs.len().is_multiple_of(chunk) {
            chunks.insert(new_docs.len() / chunk);
        }
        let mut touched = BTreeSet::new();
        let moved = renumber
            .iter()
            .enumerate()
            .any(|(o, n)| n.is_some_and(|n| n as usize != o));
        if moved {
            touched = self.postings.renumber(&renumber);
            // Taken out by the renumbering: put back whole.
            in_place.clear();
        } else {
            for (o, n) in renumber.iter().enumerate() {
                if n.is_none() && !in_place.contains(&o) {
                    self.postings.remove(o as u32, &old_terms[o], &mut touched);
                }
            }
        }
        for (key, row, words) in new_docs {
            self.keys.push(key);
            self.rows.push(row.take(&mut old_rows));
            self.terms.push(words.take(&mut old_terms));
        }
        for id in put_back {
            let words = std::mem::take(&mut self.terms[id]);
            if in_place.contains(&id) {
                let (lost, gained) = differences(&old_terms[id], &words);
                self.postings.remove(id as u32, &lost, &mut touched);
                self.postings.insert(id as u32, &gained, &mut touched);
            } else {
                self.postings.insert(id as u32, &words, &mut touched);
            }
            self.terms[id] = words;
        }
        Changed {
            buckets: touched,
            chunks,
        }
    }

    /// The state of a whole build of `docs`, every document's words given.
    pub fn fill(&mut self, docs: Vec<Fresh>) {
        let mut touched = BTreeSet::new();
        for (id, doc) in docs.into_iter().enumerate() {
            let words = doc.terms.unwrap_or_default();
            self.postings.insert(id as u32, &words, &mut touched);
            self.keys.push(doc.key);
            self.rows.push(doc.row.unwrap_or_default());
            self.terms.push(words);
        }
    }
}

/// The terms only in `old` and those only in `new` (both sorted).
fn differences(old: &[u32], new: &[u32]) -> (Terms, Terms) {
    let (mut lost, mut gained) = (Terms::new(), Terms::new());
    let (mut i, mut j) = (0, 0);
    loop {
        match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) if a == b => {
                i += 1;
                j += 1;
            }
            (Some(&a), Some(&b)) if a < b => {
                lost.push(a);
                i += 1;
            }
            (Some(&a), None) => {
                lost.push(a);
                i += 1;
            }
            (_, Some(&b)) => {
                gained.push(b);
                j += 1;
            }
            (None, None) => return (lost, gained),
        }
    }
}

#[cfg(test)]
mod tests;
