package tlang.frontend.modules;

import java.util.List;

/**
 * Where the prelude's items live in `std`, as Rust programmers expect to find them:
 * `use std::fmt::Display;`, `impl std::error::Error for ParseError`,
 * `std::cmp::Ordering::Less`. Each path names the prelude item of the same last name;
 * the resolver rewrites it to that item (the prelude is visible everywhere anyway, so the
 * path is for readers and for code written with Rust's habits).
 */
final class StdPaths {
    private StdPaths() {}

    /** A prelude item reachable as {@code path}. */
    record Entry(String path, Def.Kind kind) {
        String name() { return path.substring(path.lastIndexOf("::") + 2); }
        String module() { return path.substring(0, path.lastIndexOf("::")); }
    }

    static final List<Entry> ALL = List.of(
            new Entry("std::option::Option", Def.Kind.ENUM),
            new Entry("std::result::Result", Def.Kind.ENUM),
            new Entry("std::cmp::Ordering", Def.Kind.ENUM),
            new Entry("std::cmp::PartialEq", Def.Kind.TRAIT),
            new Entry("std::cmp::Eq", Def.Kind.TRAIT),
            new Entry("std::cmp::PartialOrd", Def.Kind.TRAIT),
            new Entry("std::cmp::Ord", Def.Kind.TRAIT),
            new Entry("std::default::Default", Def.Kind.TRAIT),
            new Entry("std::clone::Clone", Def.Kind.TRAIT),
            new Entry("std::marker::Copy", Def.Kind.TRAIT),
            new Entry("std::ops::Drop", Def.Kind.TRAIT),
            new Entry("std::marker::Class", Def.Kind.TRAIT),
            new Entry("std::rc::Weak", Def.Kind.STRUCT),
            new Entry("std::vec::Vec", Def.Kind.STRUCT),
            new Entry("std::mem::MemStats", Def.Kind.STRUCT),
            new Entry("std::mem::Arena", Def.Kind.STRUCT),
            new Entry("std::mem::ArenaRef", Def.Kind.STRUCT),
            new Entry("std::mem::Pool", Def.Kind.STRUCT),
            new Entry("std::mem::PoolKey", Def.Kind.STRUCT),
            new Entry("std::backtrace::Backtrace", Def.Kind.STRUCT),
            new Entry("std::collections::HashMap", Def.Kind.STRUCT),
            new Entry("std::collections::HashSet", Def.Kind.STRUCT),
            new Entry("std::collections::BTreeMap", Def.Kind.STRUCT),
            new Entry("std::collections::BTreeSet", Def.Kind.STRUCT),
            new Entry("std::collections::BinaryHeap", Def.Kind.STRUCT),
            new Entry("std::collections::Queue", Def.Kind.STRUCT),
            new Entry("std::collections::Stack", Def.Kind.STRUCT),
            new Entry("std::cmp::Reverse", Def.Kind.STRUCT),
            new Entry("std::iter::FromIterator", Def.Kind.TRAIT),
            new Entry("std::convert::From", Def.Kind.TRAIT),
            new Entry("std::fmt::Display", Def.Kind.TRAIT),
            new Entry("std::fmt::Debug", Def.Kind.TRAIT),
            new Entry("std::fmt::Formatter", Def.Kind.STRUCT),
            new Entry("std::error::Error", Def.Kind.TRAIT),
            new Entry("std::hash::Hash", Def.Kind.TRAIT),
            new Entry("std::hash::Hasher", Def.Kind.STRUCT),
            new Entry("std::iter::Iterator", Def.Kind.TRAIT),
            new Entry("std::iter::DoubleEndedIterator", Def.Kind.TRAIT),
            new Entry("std::iter::IntoIterator", Def.Kind.TRAIT),
            new Entry("std::iter::Sum", Def.Kind.TRAIT),
            new Entry("std::iter::Product", Def.Kind.TRAIT),
            new Entry("std::ops::Add", Def.Kind.TRAIT),
            new Entry("std::ops::Sub", Def.Kind.TRAIT),
            new Entry("std::ops::Mul", Def.Kind.TRAIT),
            new Entry("std::ops::Div", Def.Kind.TRAIT),
            new Entry("std::ops::Rem", Def.Kind.TRAIT),
            new Entry("std::ops::Neg", Def.Kind.TRAIT),
            new Entry("std::ops::Not", Def.Kind.TRAIT),
            new Entry("std::ops::Index", Def.Kind.TRAIT),
            new Entry("std::ops::IndexMut", Def.Kind.TRAIT),
            new Entry("std::ops::IndexPlace", Def.Kind.TRAIT),
            new Entry("std::ops::Fn", Def.Kind.TRAIT),
            new Entry("std::ops::Range", Def.Kind.STRUCT),
            new Entry("std::ops::RangeInclusive", Def.Kind.STRUCT));
}
