//! What the preview keeps of the search index between rebuilds, and how
//! a rebuild moves it: each document's key, row and words, and the words'
//! lists, of which only what a change touches is moved (see the parent
//! module).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use super::{Postings, Terms};

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
