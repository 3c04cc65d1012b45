//! JSON text of results, byte for byte what `serde_json::to_string_pretty` writes (two-space
//! indentation), faster.
//!
//! serde_json's pretty printer writes a line's indentation one level at a time (a `write_all` of
//! two spaces per level, a call each). Results nest six to eight levels deep and a county
//! hall-year is some 600,000 lines, so that loop was a third of the time of writing its JSON.
//! [`Indented`] keeps serde_json's formatting rules and writes each line break with its whole
//! indentation in one slice. `tests` compare the bytes with serde_json's on nested, empty and
//! non-ASCII values; the crates' tests compare whole results.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io;

/// A line break followed by as many spaces as 64 levels of indentation take.
const BREAK: &[u8; 1 + 2 * 64] = &{
    let mut b = [b' '; 1 + 2 * 64];
    b[0] = b'\n';
    b
};

/// serde_json's `PrettyFormatter` with a two-space indent, each line break and its indentation
/// written at once.
#[derive(Debug, Default, Clone)]
pub struct Indented {
    level: usize,
    has_value: bool,
}

impl Indented {
    fn line<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        let spaces = 2 * self.level;
        if spaces < BREAK.len() {
            return w.write_all(&BREAK[..1 + spaces]);
        }
        // deeper than the buffer: the rest in buffer-sized pieces
        w.write_all(BREAK)?;
        let mut left = spaces - (BREAK.len() - 1);
        while left > 0 {
            let n = left.min(BREAK.len() - 1);
            w.write_all(&BREAK[1..1 + n])?;
            left -= n;
        }
        Ok(())
    }
}

impl Formatter for Indented {
    #[inline]
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(w)?;
        }
        w.write_all(b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.line(w)
    }

    #[inline]
    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(w)?;
        }
        w.write_all(b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.line(w)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The value as indented JSON written to `w` as it is made (no copy of the whole text in
/// memory): the same bytes as `serde_json::to_writer_pretty`.
pub fn to_writer_pretty<W: io::Write, T: Serialize + ?Sized>(w: W, value: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, Indented::default());
    value.serialize(&mut ser)
}

/// The value as indented JSON: the same bytes as `serde_json::to_string_pretty`.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Indented::default());
    value.serialize(&mut ser)?;
    // serde_json writes only UTF-8 (strings are `str`, escapes ASCII)
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn same(v: &serde_json::Value) {
        assert_eq!(to_string_pretty(v).unwrap(), serde_json::to_string_pretty(v).unwrap(), "{v}");
    }

    #[test]
    fn the_same_bytes_as_serde_json() {
        same(&json!(null));
        same(&json!(1));
        same(&json!("窗口 \"引号\" \n\t\u{1}"));
        same(&json!([]));
        same(&json!({}));
        same(&json!([[], {}, [[]], {"a": {}}, {"b": []}]));
        same(&json!({"a": [1, 2, {"b": [3, {"c": "d"}]}], "e": {"f": {"g": {"h": null}}}, "i": "是"}));
    }

    #[test]
    fn deeper_than_its_buffer() {
        // 70 levels: deeper than the 64 levels one slice of spaces covers
        let mut v = json!({"leaf": [1, 2]});
        for i in 0..70 {
            v = if i % 2 == 0 { json!([v, i]) } else { json!({"k": v, "n": i}) };
        }
        same(&v);
    }
}
