// Every comparison operator on i64, and equality on bool and String.
fn show(label: String, v: bool) {
    println("{label}: {v}");
}

fn main() {
    let a = 3;
    let b = 7;
    show("3 == 7", a == b);
    show("3 != 7", a != b);
    show("3 < 7", a < b);
    show("3 <= 7", a <= b);
    show("3 > 7", a > b);
    show("3 >= 7", a >= b);
    show("7 <= 7", b <= 7);
    show("7 >= 7", b >= 7);
    show("7 < 7", b < 7);
    show("-1 < 0", -1 < 0);
    show("min < max", -9223372036854775807 - 1 < 9223372036854775807);
    show("true == true", true == true);
    show("true != false", true != false);
    show("false == false", false == false);
    show("\"abc\" == \"abc\"", "abc" == "abc");
    show("\"abc\" == \"abd\"", "abc" == "abd");
    show("\"abc\" != \"ab\"", "abc" != "ab");
    show("\"\" == \"\"", "" == "");
    let s1 = "same";
    let s2 = "same";
    show("s1 == s2", s1 == s2);
    show("(a < b) == true", (a < b) == true);
}
