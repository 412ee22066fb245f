package tlang.midend.tir;

/** A source position kept in TIR for panic messages (and, later, debug info). */
public record Location(String file, int line, int column) {
    @Override public String toString() { return file + ":" + line + ":" + column; }
}
