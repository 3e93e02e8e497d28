//! Gathers the words of each notice as its page is rendered: a build adds
//! them to the index at once and keeps no text, the preview keeps them for
//! [`State::update`](crate::render::search_index::State::update).
//!
//! A build's lists are packed as gaps (see `doc_lists`), which needs each
//! list's documents in order: the campaigns and pages (numbered first) are
//! given here, the notices as their pages come (oldest first, as they are
//! numbered), each held back until those before it came (pages render a
//! few hundred at a time, in order, so few wait).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::model::Notice;
use crate::render::ctx::Ctx;
use rayon::prelude::*;

use crate::render::search::{Doc, docs, notice_numbers, notice_text, text};
use crate::render::search_index::{Postings, State, Terms};

pub struct Collector<'s> {
    postings: &'s Postings,
    target: Target<'s>,
}

enum Target<'s> {
    /// A build's: each notice file's document number, and the words of the
    /// notices rendered ahead of the next one due.
    Build {
        numbers: HashMap<&'s Path, u32>,
        queue: Mutex<InOrder>,
    },
    /// The preview's: the words of each notice rendered.
    Keep(Mutex<HashMap<PathBuf, Terms>>),
}

/// The next document due, and those that came before their turn.
struct InOrder {
    next: u32,
    waiting: BTreeMap<u32, Terms>,
}

impl<'s> Collector<'s> {
    /// For a build, into `postings` (sized by `search::postings_for`): the
    /// documents before the notices are added now.
    pub fn build(ctx: &Ctx<'s>, postings: &'s Postings) -> Collector<'s> {
        let docs = docs(ctx);
        // The notices come after every other document (few: the campaigns
        // and pages), whose words are added now, in order.
        let notices = notice_numbers(&docs);
        let before: Vec<String> = docs[..notices.start]
            .par_iter()
            .map(|doc| text(ctx, doc))
            .collect();
        for (id, text) in before.iter().enumerate() {
            postings.push(id as u32, &postings.terms(text));
        }
        let numbers = docs
            .iter()
            .enumerate()
            .filter_map(|(id, doc)| match doc {
                Doc::Notice(n) => Some((n.file.as_path(), id as u32)),
                _ => None,
            })
            .collect();
        let queue = InOrder {
            next: notices.start as u32,
            waiting: BTreeMap::new(),
        };
        Collector {
            postings,
            target: Target::Build {
                numbers,
                queue: Mutex::new(queue),
            },
        }
    }

    /// For the preview, whose `state` outlives the build.
    pub fn keep(state: &'s State) -> Collector<'s> {
        Collector {
            postings: &state.postings,
            target: Target::Keep(Mutex::default()),
        }
    }

    /// The words of the notice in `file`, from its page's body.
    pub fn notice(&self, n: &Notice, body_html: &str) {
        let terms = self.postings.terms(&notice_text(n, body_html));
        match &self.target {
            Target::Build { numbers, queue } => {
                let Some(&id) = numbers.get(n.file.as_path()) else {
                    return;
                };
                let mut queue = lock(queue);
                if id != queue.next {
                    queue.waiting.insert(id, terms);
                    return;
                }
                self.postings.push(id, &terms);
                queue.next += 1;
                loop {
                    let next = queue.next;
                    let Some(terms) = queue.waiting.remove(&next) else {
                        break;
                    };
                    self.postings.push(next, &terms);
                    queue.next += 1;
                }
            }
            Target::Keep(fresh) => {
                lock(fresh).insert(n.file.clone(), terms);
            }
        }
    }

    /// Once every page is rendered: a build's notices still held back are
    /// added (in order: a notice whose page was not rendered held them);
    /// the preview gets the words of each notice rendered.
    pub fn finish(self) -> HashMap<PathBuf, Terms> {
        match self.target {
            Target::Build { queue, .. } => {
                let queue = queue.into_inner().unwrap_or_else(PoisonError::into_inner);
                for (id, terms) in queue.waiting {
                    self.postings.push(id, &terms);
                }
                HashMap::new()
            }
            Target::Keep(fresh) => fresh.into_inner().unwrap_or_else(PoisonError::into_inner),
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
