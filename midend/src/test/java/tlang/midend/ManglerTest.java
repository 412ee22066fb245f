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
    void modulePathsAreSegments() {
        assertEquals("_TN3pkg8geometry6shapes4areaE", Mangler.function("pkg", "geometry::shapes::area"));
        assertEquals("pkg::geometry::shapes::area", Mangler.demangle(Mangler.function("pkg", "geometry::shapes::area")));
        assertEquals("_TN3pkg3geo5Point4normE", Mangler.function("pkg", "geo::Point", "norm"));
        assertEquals("_TN3pkg17Stack<geo::Point>4pushE", Mangler.function("pkg", "Stack<geo::Point>", "push"));
    }

    @Test
    void leavesForeignSymbolsAlone() {
        assertEquals("trt_write", Mangler.demangle("trt_write"));
        assertEquals("_TN9short", Mangler.demangle("_TN9short"));
    }
}
