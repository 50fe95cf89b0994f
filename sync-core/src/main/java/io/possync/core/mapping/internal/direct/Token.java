package io.possync.core.mapping.internal.direct;

/**
 * One token of an expression.
 *
 * @param kind  what it is
 * @param text  as written
 * @param value its value: a string's text, a number's {@link java.math.BigDecimal}, a regex's {@link java.util.regex.Pattern}, a name
 */
record Token(Kind kind, String text, Object value) {

    enum Kind { NAME, VARIABLE, STRING, NUMBER, REGEX, OPERATOR, END }
}
