package tlang.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How many `trt_rc_retain`/`trt_rc_release` calls the midend's RC passes (borrow-params,
 * rc-pairs, rc-region-pairs; docs/midend.md) leave in a few reference functions at -O2, read from
 * `tcc build --emit tir`, against the lowering's own at -O0. "Normal" counts leave out
 * cleanup code (what runs from a landing pad while a panic unwinds). Also the allocations
 * rc-reuse and stack-objects remove from two more reference functions.
 */
class RcCountTest {
    @TempDir Path work;

    private static final String SOURCE = """
            class Node {
                value: i64,
                next: Option<Node>,
            }

            impl Node {
                fn get(&self) -> i64 { self.value }

                // Like binary-trees' check: a copy of a field, passed on by `&self`.
                fn count(&self) -> i64 {
                    let mut n = 1;
                    if let Some(x) = self.next {
                        n += x.count();
                    }
                    n
                }
            }

            // Reads a field of a class parameter.
            fn field_of(n: Node) -> i64 {
                n.value
            }

            // Copies of a borrowed reference, each read through a method.
            fn copies(n: &Node) -> i64 {
                let a = n;
                let b = a;
                a.get() + b.get()
            }

            // A loop walking a linked list.
            fn sum(list: Option<Node>) -> i64 {
                let mut total = 0;
                let mut cur = list;
                while let Some(n) = cur {
                    total += n.value;
                    cur = n.next;
                }
                total
            }

            fn consume(n: Node) -> i64 {
                n.value + 1
            }

            // A local passed to a function as its last use.
            fn pass_last(v: i64) -> i64 {
                let n = Node { value: v, next: None };
                consume(n)
            }

            class State { step: i64, total: i64 }

            // A State replaced by one built from it: rc-reuse gives the new one the old
            // one's memory (one trt_rc_reuse in the loop; the first State is allocated).
            fn step_all(n: i64) -> i64 {
                let mut s = State { step: 0, total: 0 };
                for i in 0..n {
                    s = State { step: s.step + 1, total: s.total + i };
                }
                s.total
            }

            // An object that never leaves its function: stack-objects puts it in the frame.
            fn temporary(x: i64) -> i64 {
                let p = State { step: x, total: x };
                p.step + p.total
            }

            fn main() {
                let l = Node { value: 1, next: Some(Node { value: 2, next: None }) };
                println("{}", l.count());
            }
            """;

    /** Retains and releases of one function: in all its blocks, and outside cleanup code. */
    private record Counts(int retains, int releases, int normalRetains, int normalReleases) {}

    @Test
    void referenceFunctions() throws Exception {
        Map<String, Counts> c = counts("-O2", "--panic=unwind");
        // n.value: borrow-params moves the release of n into the caller, nothing is left.
        assertEquals(new Counts(0, 0, 0, 0), c.getOrDefault("m::field_of", none()), c.toString());
        // The two copies are released after a checked addition in a later block (and in
        // its landing pad): rc-region-pairs cancels both, since nothing in between releases.
        assertEquals(none(), c.getOrDefault("m::copies", none()), c.toString());
        // consume(n) is n's last use (a move), and after inlining only the object's own
        // release is left, on the normal path and in the landing pad.
        assertEquals(new Counts(0, 2, 0, 1), c.get("m::pass_last"), c.toString());
        // The binding's copy around the recursive call: count releases nothing once its
        // own pair is gone, so the pair goes (rc-region-pairs' fixed point).
        assertEquals(none(), c.getOrDefault("m::Node::count", none()), c.toString());
        // The list walk gives up the old `cur` on each step: its copies stay, but the
        // parameter `list` is moved into `cur` at its last use (last-use-move).
        assertEquals(2, c.get("m::sum").retains(), c.toString());
    }

    @Test
    void replacedObjectsReuseMemoryAndLocalOnesLiveInTheFrame() throws Exception {
        String o2 = tir("-O2"), o0 = tir("-O0");
        // rc-reuse: the replacement in the loop reuses; only the first State is allocated.
        assertEquals(1, calls(o2, "m::step_all", "trt_rc_reuse"), o2);
        assertEquals(1, calls(o2, "m::step_all", "trt_rc_alloc"), o2);
        assertEquals(0, calls(o0, "m::step_all", "trt_rc_reuse"), o0);
        assertEquals(2, calls(o0, "m::step_all", "trt_rc_alloc"), o0);
        // stack-objects: no heap allocation at all.
        assertEquals(0, calls(o2, "m::temporary", "trt_rc_alloc"), o2);
        assertEquals(1, calls(o0, "m::temporary", "trt_rc_alloc"), o0);
    }

    private String tir(String opt) throws Exception {
        Path src = work.resolve("m.t"), tir = work.resolve("m" + opt + ".tir");
        Files.writeString(src, SOURCE);
        Tcc.Result r = Tcc.run("build", src.toString(), "--emit", "tir", opt, "-o", tir.toString());
        assertEquals(0, r.exitCode(), r.err());
        return Files.readString(tir);
    }

    /** Calls of {@code callee} in the function whose source name is {@code fn}. */
    private static int calls(String tir, String fn, String callee) {
        int n = 0;
        boolean in = false;
        for (String line : tir.split("\n")) {
            Matcher m = FN.matcher(line);
            if (m.find()) in = m.group(1).equals(fn);
            else if (line.startsWith("}")) in = false;
            else if (in && line.contains("call " + callee + "(")) n++;
        }
        return n;
    }

    @Test
    void underAbortBlocksMergeAndMorePairsCancel() throws Exception {
        Map<String, Counts> c = counts("-O2", "--panic=abort");
        assertEquals(none(), c.getOrDefault("m::field_of", none()), c.toString());
        assertEquals(none(), c.getOrDefault("m::copies", none()), c.toString());
        assertEquals(new Counts(0, 1, 0, 1), c.get("m::pass_last"), c.toString());
        assertEquals(none(), c.getOrDefault("m::Node::count", none()), c.toString());
    }

    @Test
    void theLoweringCountsEveryCopy() throws Exception {
        // -O0: no pass runs; what the passes start from (before inlining).
        Map<String, Counts> c = counts("-O0", "--panic=unwind");
        assertEquals(0, c.get("m::field_of").retains(), c.toString());
        assertEquals(2, c.get("m::field_of").releases(), c.toString());
        assertEquals(2, c.get("m::copies").retains(), c.toString());
        assertEquals(6, c.get("m::copies").releases(), c.toString());
    }

    private static Counts none() { return new Counts(0, 0, 0, 0); }

    private Map<String, Counts> counts(String opt, String panic) throws Exception {
        Path src = work.resolve("m.t"), tir = work.resolve("m.tir");
        Files.writeString(src, SOURCE);
        Tcc.Result r = Tcc.run("build", src.toString(), "--emit", "tir", opt, panic, "-o", tir.toString());
        assertEquals(0, r.exitCode(), r.err());
        return parse(Files.readString(tir));
    }

    private static final Pattern FN = Pattern.compile("^fn \\S+ \"([^\"]*)\"");
    private static final Pattern BLOCK = Pattern.compile("^b(\\d+)( \\(unwind b\\d+\\))?:");
    private static final Pattern TARGET = Pattern.compile("\\bb(\\d+)\\b");

    /** Per function (by its source name): its RC calls, in all blocks and outside cleanup code. */
    static Map<String, Counts> parse(String tir) {
        Map<String, Counts> out = new HashMap<>();
        String fn = null;
        Map<Integer, List<String>> blocks = new HashMap<>();
        int block = -1;
        for (String line : (tir + "\n}").split("\n")) {
            Matcher m = FN.matcher(line);
            if (m.find()) {
                fn = m.group(1);
                blocks = new HashMap<>();
                continue;
            }
            if (fn == null) continue;
            if (line.startsWith("}")) {
                out.put(fn, count(blocks));
                fn = null;
                continue;
            }
            Matcher b = BLOCK.matcher(line);
            if (b.find()) {
                block = Integer.parseInt(b.group(1));
                blocks.put(block, new ArrayList<>());
                continue;
            }
            blocks.get(block).add(line.strip());
        }
        return out;
    }

    private static Counts count(Map<Integer, List<String>> blocks) {
        // Cleanup code: what the landing pads reach by jumps and branches.
        Set<Integer> cleanup = new HashSet<>();
        List<Integer> work = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> e : blocks.entrySet()) {
            if (!e.getValue().isEmpty() && e.getValue().get(0).startsWith("landingpad")) work.add(e.getKey());
        }
        while (!work.isEmpty()) {
            int id = work.remove(work.size() - 1);
            if (!cleanup.add(id)) continue;
            for (String line : blocks.get(id)) {
                if (!line.startsWith("jump") && !line.startsWith("branch")) continue;
                Matcher t = TARGET.matcher(line);
                while (t.find()) work.add(Integer.parseInt(t.group(1)));
            }
        }
        int[] n = new int[4];
        for (Map.Entry<Integer, List<String>> e : blocks.entrySet()) {
            for (String line : e.getValue()) {
                int kind = line.contains("call trt_rc_retain(") ? 0 : line.contains("call trt_rc_release(") ? 1 : -1;
                if (kind < 0) continue;
                n[kind]++;
                if (!cleanup.contains(e.getKey())) n[2 + kind]++;
            }
        }
        return new Counts(n[0], n[1], n[2], n[3]);
    }
}
