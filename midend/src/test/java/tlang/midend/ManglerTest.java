package tlang.midend;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ManglerTest {
    @Test
    void roundTrips() {
        assertEquals("_TN5hello3fibE", Mangler.function("hello", "fib"));
        assertEquals("hello::fib", Mangler.demangle("_TN5hello3fibE"));
        assertEquals("a1::b_22", Mangler.demangle(Mangler.function("a1", "b_22")));
    }

    @Test
    void leavesForeignSymbolsAlone() {
        assertEquals("trt_write", Mangler.demangle("trt_write"));
        assertEquals("_TN9short", Mangler.demangle("_TN9short"));
    }
}
