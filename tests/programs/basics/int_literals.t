// Decimal, hexadecimal, octal and binary literals, with `_` separators.
fn main() {
    println("{}", 0);
    println("{}", 1_000_000);
    println("{}", 0x10);
    println("{}", 0xdead_BEEF);
    println("{}", 0o17);
    println("{}", 0o7_7_7);
    println("{}", 0b1);
    println("{}", 0b1111_0000);
    println("{}", 9223372036854775807);
    println("{}", 0x7fff_ffff_ffff_ffff);
    println("{}", -9223372036854775808);
    println("{}", -0x8000_0000_0000_0000);
    println("{}", 0o777_777_777_777_777_777_777);
    println("{}", 0b0111111111111111111111111111111111111111111111111111111111111111);
    println("{}", 00042);
    println("{}", 1__2);
    let neg = -42;
    println("{}", neg);
    println("{}", - -42);
}
