package tlang.frontend.lex;

/** Every kind of token the lexer produces; punctuation carries its spelling for messages. */
public enum TokenKind {
    IDENT("identifier"), LABEL("loop label"), INT("integer literal"), FLOAT("float literal"), STRING("string literal"), CHAR("character literal"),
    // keywords
    FN("`fn`"), LET("`let`"), MUT("`mut`"), IF("`if`"), ELSE("`else`"), WHILE("`while`"),
    LOOP("`loop`"), BREAK("`break`"), CONTINUE("`continue`"), RETURN("`return`"),
    TRUE("`true`"), FALSE("`false`"), AS("`as`"),
    STRUCT("`struct`"), IMPL("`impl`"), SELF_VALUE("`self`"), SELF_TYPE("`Self`"), PUB("`pub`"),
    ENUM("`enum`"), MATCH("`match`"), FOR("`for`"), IN("`in`"), CONST("`const`"), STATIC("`static`"),
    TRAIT("`trait`"), WHERE("`where`"), TYPE("`type`"), DYN("`dyn`"), CLASS("`class`"), MOVE("`move`"), UNSAFE("`unsafe`"),
    // punctuation
    LPAREN("`(`"), RPAREN("`)`"), LBRACE("`{`"), RBRACE("`}`"), LBRACKET("`[`"), RBRACKET("`]`"),
    COMMA("`,`"), SEMI("`;`"), COLON("`:`"), PATH_SEP("`::`"), ARROW("`->`"), FAT_ARROW("`=>`"), DOT("`.`"),
    DOT_DOT("`..`"), DOT_DOT_EQ("`..=`"), AT("`@`"), QUESTION("`?`"), HASH("`#`"),
    PLUS("`+`"), MINUS("`-`"), STAR("`*`"), SLASH("`/`"), PERCENT("`%`"),
    EQ("`=`"), EQ_EQ("`==`"), NOT_EQ("`!=`"), LT("`<`"), LE("`<=`"), GT("`>`"), GE("`>=`"),
    AND_AND("`&&`"), OR_OR("`||`"), BANG("`!`"),
    AMP("`&`"), PIPE("`|`"), CARET("`^`"), SHL("`<<`"), SHR("`>>`"),
    PLUS_EQ("`+=`"), MINUS_EQ("`-=`"), STAR_EQ("`*=`"), SLASH_EQ("`/=`"), PERCENT_EQ("`%=`"),
    AMP_EQ("`&=`"), PIPE_EQ("`|=`"), CARET_EQ("`^=`"), SHL_EQ("`<<=`"), SHR_EQ("`>>=`"),
    EOF("end of file");

    public final String description;

    TokenKind(String description) { this.description = description; }
}
