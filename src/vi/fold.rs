//! [`fold_words`] in one pass: the search index folds every notice's whole
//! text, and folding it as [`super::fold_text`] does (a decomposed copy, a
//! lowercased copy, then the words picked out) was a tenth of a build.

use std::sync::OnceLock;

use super::is_combining_mark;

/// [`super::fold_text`] for a search index: only the words, lowercase ASCII
/// letters and digits separated by single spaces (`Số 959/UBND-VHXH` →
/// `so 959 ubnd vhxh`). The search script folds a query the same way.
///
/// The same as splitting `fold_text(text)` at every character that is not
/// a lowercase ASCII letter or digit: each character is decomposed, its
/// marks dropped, `đ` made `d` and lowercased on its own (a mark dropped
/// joins the letters around it; canonical reordering only moves marks
/// among marks, which end a word or vanish wherever they stand).
pub fn fold_words(text: &str) -> String {
    let mut words = Words {
        out: String::with_capacity(text.len()),
        gap: false,
    };
    for c in text.chars() {
        if c.is_ascii() {
            words.push(c.to_ascii_lowercase());
            continue;
        }
        match table().get(c as usize - FIRST) {
            Some(Folded::Nothing) => {}
            Some(Folded::Ascii(bytes, n)) => {
                for &b in &bytes[..usize::from(*n)] {
                    words.push(char::from(b));
                }
            }
            Some(Folded::Slow) | None => fold_one(c, &mut |f| words.push(f)),
        }
    }
    words.out
}

/// Words being written: a space goes in only before a word that follows
/// another.
struct Words {
    out: String,
    /// Whether something that is not part of a word came since the last
    /// letter.
    gap: bool,
}

impl Words {
    fn push(&mut self, c: char) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if self.gap && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.gap = false;
            self.out.push(c);
        } else {
            self.gap = true;
        }
    }
}

/// One character folded: what `fold_text` makes of it, character by
/// character (any non-ASCII output is only a word's end).
fn fold_one(c: char, emit: &mut dyn FnMut(char)) {
    if is_combining_mark(c) {
        return;
    }
    unicode_normalization::char::decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        let d = if matches!(d, 'đ' | 'Đ') { 'd' } else { d };
        d.to_lowercase().for_each(&mut *emit);
    });
}

/// The first character the table covers: everything below is ASCII.
const FIRST: usize = 0x80;
/// Past the table (CJK and beyond): folded one by one.
const END: usize = 0x3000;

/// What [`fold_one`] makes of a character, kept for the common ones.
#[derive(Clone, Copy)]
enum Folded {
    /// A dropped mark: it joins what is around it.
    Nothing,
    /// Up to four characters, ASCII (anything else stored as a space).
    Ascii([u8; 4], u8),
    /// Longer: folded when met.
    Slow,
}

fn table() -> &'static [Folded] {
    static TABLE: OnceLock<Vec<Folded>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (FIRST..END)
            .map(|code| {
                let Some(c) = char::from_u32(code as u32) else {
                    return Folded::Ascii([b' ', 0, 0, 0], 1);
                };
                let mut out = Vec::new();
                fold_one(c, &mut |f| {
                    out.push(if f.is_ascii() { f as u8 } else { b' ' })
                });
                match out.len() {
                    0 => Folded::Nothing,
                    n @ 1..=4 => {
                        let mut bytes = [0; 4];
                        bytes[..n].copy_from_slice(&out);
                        Folded::Ascii(bytes, n as u8)
                    }
                    _ => Folded::Slow,
                }
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition: `fold_text`, split at what is not a word.
    fn reference(text: &str) -> String {
        super::super::fold_text(text)
            .split(|c: char| !c.is_ascii_lowercase() && !c.is_ascii_digit())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn words_of_vietnamese_text() {
        assert_eq!(
            fold_words("  Đường dây nóng: 1900 9038 – Số 959/UBND-VHXH!"),
            "duong day nong 1900 9038 so 959 ubnd vhxh"
        );
        assert_eq!(fold_words("…"), "");
        // Decomposed input (macOS): the marks vanish inside the word.
        assert_eq!(fold_words("Đu\u{31b}\u{300}o\u{31b}ng"), "duong");
        // A mark that is not Vietnamese's ends the word.
        assert_eq!(fold_words("ab\u{20dd}cd"), "ab cd");
        // Kelvin sign and dotted capital I fold to ASCII letters.
        assert_eq!(fold_words("\u{212a}\u{130}"), "ki");
        assert_eq!(fold_words("ΣΑΣ straße"), "stra e");
    }

    #[test]
    fn every_character_below_the_end_folds_as_the_definition() {
        for code in 0..(END as u32 + 0x100) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let text = format!("a{c}b {c} {c}{c}");
            assert_eq!(fold_words(&text), reference(&text), "U+{code:04X}");
        }
    }

    proptest! {
        #[test]
        fn any_text_folds_as_the_definition(text in "\\PC{0,40}") {
            prop_assert_eq!(fold_words(&text), reference(&text));
        }

        #[test]
        fn vietnamese_text_folds_as_the_definition(
            text in "[a-zA-Z0-9 àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵĐƯƠ\u{300}-\u{36f}–…“”.,;:!?/-]{0,60}"
        ) {
            prop_assert_eq!(fold_words(&text), reference(&text));
        }
    }
}
