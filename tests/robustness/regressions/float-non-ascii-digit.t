// Known bug: the lexer takes any Unicode digit (Character.isDigit) into a float's fraction or
// exponent, here U+0663 ARABIC-INDIC DIGIT THREE, and Double.parseDouble then throws
// NumberFormatException: in tcc check at tlang.frontend.check.ConstEvaluator.eval (constants),
// in tcc build at tlang.midend.lower.AstToTir.lowerExpr (any float literal, e.g. `1.5e٣`).
const X: f64 = 1.٣;

fn main() {}
