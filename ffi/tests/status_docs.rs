//! The status codes as every document and binding writes them (issue 22: the status table checked
//! against the code): the README's list, the Java and C# documentation, and the Java and .NET
//! libraries' own enums all give each status the number the C ABI returns.

use kaoping::KpStatus;

/// Each status: the C ABI's value, its C name, its Java name, its C# name.
const STATUSES: [(KpStatus, &str, &str, &str); 7] = [
    (KpStatus::KpOk, "KP_OK", "OK", "Ok"),
    (KpStatus::KpInvalidInput, "KP_INVALID_INPUT", "INVALID_INPUT", "InvalidInput"),
    (KpStatus::KpNullPointer, "KP_NULL_POINTER", "NULL_POINTER", "NullPointer"),
    (KpStatus::KpInvalidUtf8, "KP_INVALID_UTF8", "INVALID_UTF8", "InvalidUtf8"),
    (KpStatus::KpInvalidArgument, "KP_INVALID_ARGUMENT", "INVALID_ARGUMENT", "InvalidArgument"),
    (KpStatus::KpInvalidHandle, "KP_INVALID_HANDLE", "INVALID_HANDLE", "InvalidHandle"),
    (KpStatus::KpPanic, "KP_PANIC", "PANIC", "Panic"),
];

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_status_has_one_number_everywhere() {
    let readme = read("README.md");
    let java_doc = read("docs/readme-java.md");
    let csharp_doc = read("docs/readme-csharp.md");
    let java_enum = read("java/src/main/java/org/kaoping/Status.java");
    let dotnet_enum = read("dotnet/Kaoping/NativeMethods.cs");
    let header = read("ffi/include/kaoping.h");
    for (status, c, java, csharp) in STATUSES {
        let n = status as i32;
        assert!(readme.contains(&format!("`{c}` {n}")), "README.md: `{c}` {n}");
        assert!(header.contains(&format!("{c} = {n},")), "kaoping.h: {c} = {n}");
        assert!(java_enum.contains(&format!("{java}({n})")), "Status.java: {java}({n})");
        assert!(dotnet_enum.contains(&format!("{csharp} = {n},")), "NativeMethods.cs: {csharp} = {n}");
        // the documents list every failure with its number
        if n != 0 {
            assert!(java_doc.contains(&format!("`{java}` ({n})")), "docs/readme-java.md: `{java}` ({n})");
            assert!(csharp_doc.contains(&format!("| `{csharp}` | {n} |")), "docs/readme-csharp.md: | `{csharp}` | {n} |");
        }
    }
}
