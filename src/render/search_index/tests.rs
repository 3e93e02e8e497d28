//! Tests of `search_index`: buckets, packed and open lists, updates.

use std::path::PathBuf;

use super::*;

#[test]
fn buckets_hash_the_first_three_letters() {
    // FNV-1a of "duo" is 0xee311ca7 (worked out in Python); "duong"
    // shares its bucket, as the script
    // expects when it looks up a prefix.
    assert_eq!(bucket_of("duong", 64), bucket_of("duo", 64));
    assert_eq!(bucket_of("duo", 1 << 31), 0xee31_1ca7_usize % (1 << 31));
    assert_eq!(bucket_count(7), 8);
    assert_eq!(bucket_count(1010), 256);
    assert_eq!(bucket_count(100_000), 512);
}

#[test]
fn a_bucket_lists_gaps_doubled_and_titles_odd() {
    let mut postings = Postings::new(1);
    let a = postings.terms("duong\nduong day");
    let b = postings.terms("x\nday");
    postings.push(3, &b);
    postings.push(0, &a);
    postings.sort();
    // duong: doc 0 in its title; day: docs 0 and 3 in bodies; x: doc 3's title.
    assert_eq!(
        String::from_utf8(postings.bucket_json(0)).unwrap(),
        r#"{"day":[0,6],"duong":[1],"x":[7]}"#
    );
}

#[test]
fn a_build_packed_bucket_is_the_same_file_in_any_order() {
    // The same words as above; documents given in order, as a build
    // gives them, and out of order.
    for order in [[0, 3], [3, 0]] {
        let mut postings = Postings::packed(1);
        let a = postings.terms("duong\nduong day");
        let b = postings.terms("x\nday");
        for doc in order {
            postings.push(doc, if doc == 0 { &a } else { &b });
        }
        postings.sort();
        assert_eq!(
            String::from_utf8(postings.bucket_json(0)).unwrap(),
            r#"{"day":[0,6],"duong":[1],"x":[7]}"#,
            "{order:?}"
        );
    }
}

#[test]
fn an_update_moves_only_what_changed() {
    let doc = |k: &str, words: Option<Terms>| Fresh {
        key: DocKey::Notice(PathBuf::from(k)),
        row: Some([k.into(), String::new(), String::new(), String::new()]),
        terms: words,
    };
    let postings = Postings::new(8);
    let (a, b) = (postings.terms("\nmot hai"), postings.terms("\nba"));
    let mut state = State::new(postings);
    state.fill(vec![doc("a", Some(a)), doc("b", Some(b))]);
    let full =
        |state: &State| -> Vec<Vec<u8>> { (0..8).map(|k| state.postings.bucket_json(k)).collect() };
    let before = full(&state);
    // Nothing new: nothing to write.
    let changed = state.update(vec![doc("a", None), doc("b", None)], 16);
    assert!(changed.buckets.is_empty() && changed.chunks.is_empty());
    assert_eq!(full(&state), before);
    // A third document at the end: its words' buckets, the last chunk.
    let c = state.postings.terms("\nmot bon");
    let changed = state.update(vec![doc("a", None), doc("b", None), doc("c", Some(c))], 2);
    assert_eq!(changed.chunks, BTreeSet::from([1]));
    let mut fresh = State::new(Postings::new(8));
    let (a2, b2, c2) = (
        fresh.postings.terms("\nmot hai"),
        fresh.postings.terms("\nba"),
        fresh.postings.terms("\nmot bon"),
    );
    fresh.fill(vec![
        doc("a", Some(a2)),
        doc("b", Some(b2)),
        doc("c", Some(c2)),
    ]);
    assert_eq!(full(&state), full(&fresh));
    let untouched: Vec<usize> = (0..8).filter(|k| !changed.buckets.contains(k)).collect();
    for k in untouched {
        assert_eq!(before[k], full(&state)[k], "bucket {k}");
    }
}

#[test]
fn new_words_in_place_move_only_the_words_lost_or_gained() {
    let doc = |k: &str, words: Option<Terms>| Fresh {
        key: DocKey::Notice(PathBuf::from(k)),
        row: Some([k.into(), String::new(), String::new(), String::new()]),
        terms: words,
    };
    let texts = ["mot\nhai ba bon nam", "sau\nbay tam"];
    let mut state = State::new(Postings::new(64));
    let first = ["a", "b"]
        .iter()
        .zip(texts)
        .map(|(k, t)| doc(k, Some(state.postings.terms(t))))
        .collect();
    state.fill(first);
    // "a" retitled: "mot" leaves its title, "chin" comes; the body stays.
    let retitled = state.postings.terms("chin\nhai ba bon nam mot");
    let changed = state.update(vec![doc("a", Some(retitled)), doc("b", None)], 16);
    let buckets =
        |words: &[&str]| -> BTreeSet<usize> { words.iter().map(|w| bucket_of(w, 64)).collect() };
    assert_eq!(changed.buckets, buckets(&["mot", "chin"]));
    let mut fresh = State::new(Postings::new(64));
    let again = ["chin\nhai ba bon nam mot", texts[1]]
        .iter()
        .zip(["a", "b"])
        .map(|(t, k)| doc(k, Some(fresh.postings.terms(t))))
        .collect();
    fresh.fill(again);
    for b in 0..64 {
        assert_eq!(
            state.postings.bucket_json(b),
            fresh.postings.bucket_json(b),
            "bucket {b}"
        );
    }
}

#[test]
fn a_document_added_first_renumbers_the_others_in_order() {
    let doc = |k: &str, words: Option<Terms>| Fresh {
        key: DocKey::Notice(PathBuf::from(k)),
        row: Some([k.into(), String::new(), String::new(), String::new()]),
        terms: words,
    };
    let texts = [("a", "\nmot hai"), ("b", "\nhai ba"), ("c", "\nmot ba")];
    let mut state = State::new(Postings::new(4));
    let first = texts
        .iter()
        .map(|(k, t)| doc(k, Some(state.postings.terms(t))))
        .collect();
    state.fill(first);
    // "n" first, "b" gone: a is 1, c is 2.
    let n = state.postings.terms("\nhai bon");
    let changed = state.update(vec![doc("n", Some(n)), doc("a", None), doc("c", None)], 2);
    let json = |state: &State| -> String {
        (0..4)
            .map(|b| String::from_utf8(state.postings.bucket_json(b)).unwrap())
            .collect()
    };
    // Worked out by hand: hai in n (0) and a (1), mot in a and c (1, 2),
    // ba in c (2), bon in n (0); gaps doubled.
    let mut words: Vec<String> = json(&state)
        .replace("}{", ",")
        .trim_matches(|c| c == '{' || c == '}')
        .split("],")
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(',').trim_end_matches(']').to_string() + "]")
        .collect();
    words.sort();
    assert_eq!(
        words,
        [
            r#""ba":[4]"#,
            r#""bon":[0]"#,
            r#""hai":[0,2]"#,
            r#""mot":[2,2]"#
        ]
    );
    // Rows n, a in the first chunk of two; c stayed third.
    assert_eq!(changed.chunks, BTreeSet::from([0]));
    assert_eq!(state.rows()[0][0], "n");
    assert_eq!(state.rows()[2][0], "c");
}
