//! Bytes read or written as UTF-8 text. The standard check takes its slow
//! path on Vietnamese text (a letter with a mark every few bytes): checking
//! every notice's text (read for the check, read again for its page, and the
//! page's body from the sanitizer) was a tenth of a build's CPU. Checked
//! with SIMD, then copied into a `String` (a copy costs a fraction of the
//! slow check), without `unsafe`.

use std::string::FromUtf8Error;

/// `bytes` as a `String`; the standard error, with its position, when they
/// are not UTF-8.
pub fn text_of(bytes: Vec<u8>) -> Result<String, FromUtf8Error> {
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => String::from_utf8(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::text_of;

    #[test]
    fn the_same_answers_as_the_standard_check() {
        let cases: [&[u8]; 6] = [
            b"",
            b"ascii only",
            "Ủy ban nhân dân xã Lộc Hà – thông báo".as_bytes(),
            b"\xff\xfe",
            b"Vi\xe1\xbb",
            b"ok \xed\xa0\x80 surrogate",
        ];
        for bytes in cases {
            let ours = text_of(bytes.to_vec());
            let std = String::from_utf8(bytes.to_vec());
            assert_eq!(ours.as_deref().ok(), std.as_deref().ok());
            assert_eq!(
                ours.err().map(|e| e.utf8_error().valid_up_to()),
                std.err().map(|e| e.utf8_error().valid_up_to())
            );
        }
    }
}
