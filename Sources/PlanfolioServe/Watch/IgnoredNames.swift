/// Names of the files editors make while they save, which the watcher
/// passes over so that a save is one change, not a burst of them.
///
/// Hidden names (`.RP-1.md.swp`, Emacs's `.#RP-1.md` lock, GNOME's
/// `.goutputstream-X`) are also what the input loader skips; backups
/// (`RP-1.md~`), Emacs's auto-save (`#RP-1.md#`), Vim's write test (`4913`,
/// and the other all-digit names it tries) and JetBrains' safe-write files
/// are never documents, and no document links to them.
public enum IgnoredNames {
    public static func isIgnored(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix(".") || name.hasSuffix("~") { return true }
        if name.count > 1, name.hasPrefix("#"), name.hasSuffix("#") { return true }
        if name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo") { return true }
        if name.hasSuffix("___jb_tmp___") || name.hasSuffix("___jb_old___") { return true }
        return name.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
