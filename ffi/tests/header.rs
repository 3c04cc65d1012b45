//! The committed header must be what cbindgen generates from the crate now.
//! Regenerate with `KAOPING_BLESS=1 cargo test -p kaoping-ffi --test header`.

#[test]
fn committed_header_matches_cbindgen() {
    let fresh = include_str!(concat!(env!("OUT_DIR"), "/kaoping.h"));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/include/kaoping.h");
    if std::env::var_os("KAOPING_BLESS").is_some() {
        std::fs::write(path, fresh).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == fresh, "ffi/include/kaoping.h differs from cbindgen's output; regenerate with KAOPING_BLESS=1");
    // the ABI version in the header is the library's
    assert!(fresh.contains(&format!("#define KP_ABI_VERSION {}", kaoping::KP_ABI_VERSION)));
    // every exported function is documented (a comment line right above each prototype)
    let lines: Vec<&str> = fresh.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.contains(" kp_") && l.contains('(') && !l.trim_start().starts_with("//") {
            let above = lines[..i].iter().rev().find(|x| !x.trim().is_empty()).unwrap();
            assert!(above.trim_start().starts_with("//"), "undocumented: {l}");
        }
    }
}
