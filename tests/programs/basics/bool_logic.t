// && and || short-circuit; ! negates.
fn t(label: String) -> bool {
    println("t({})", label);
    true
}

fn f(label: String) -> bool {
    println("f({})", label);
    false
}

fn main() {
    println("{}", true && false);
    println("{}", true || false);
    println("{}", !true);
    println("{}", !!true);
    println("-- and");
    let a = f("1") && t("2");
    println("a = {a}");
    let b = t("3") && f("4");
    println("b = {b}");
    println("-- or");
    let c = t("5") || f("6");
    println("c = {c}");
    let d = f("7") || t("8");
    println("d = {d}");
    println("-- mixed");
    // && binds tighter than ||
    let e = t("9") || f("10") && f("11");
    println("e = {e}");
    let g = f("12") && t("13") || t("14");
    println("g = {g}");
    let h = !(f("15") || f("16"));
    println("h = {h}");
    let x = 5;
    println("{}", x > 3 && x < 10);
    println("{}", x < 3 || x == 5);
    println("{}", true == !false);
    println("{}", false != false);
}
