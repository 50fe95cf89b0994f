package io.possync.core.mapping.internal.direct;

import io.possync.core.mapping.internal.direct.Parser.Unsupported;
import io.possync.core.mapping.internal.direct.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Splits a JSONata expression into the {@link Token}s the {@link Parser} reads: names, variables, literals, regexes, operators. */
final class Lexer {

    private static final Set<String> OPERATORS = Set.of(".", "[", "]", "{", "}", "(", ")", ",", ";", ":", ":=", "?",
            "&", "=", "!=", "<", "<=", ">", ">=", "-");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "in", "true", "false", "null", "function");

    private Lexer() {
    }

    /** The tokens of {@code source}, ending with an {@link Token.Kind#END} token. */
    static List<Token> tokens(String source) throws Unsupported {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        Token previous = null;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            Token t;
            int start = i;
            if (c == '\'' || c == '"') {
                StringBuilder s = new StringBuilder();
                i++;
                while (true) {
                    if (i >= source.length()) {
                        throw new Unsupported("unterminated string");
                    }
                    char ch = source.charAt(i++);
                    if (ch == c) {
                        break;
                    }
                    if (ch == '\\') {
                        if (i >= source.length()) {
                            throw new Unsupported("escape at end");
                        }
                        char e = source.charAt(i++);
                        switch (e) {
                            case '\\', '"', '/' -> s.append(e);
                            case 'b' -> s.append('\b');
                            case 'f' -> s.append('\f');
                            case 'n' -> s.append('\n');
                            case 'r' -> s.append('\r');
                            case 't' -> s.append('\t');
                            case 'u' -> {
                                if (i + 4 > source.length()) {
                                    throw new Unsupported("short unicode escape");
                                }
                                String hex = source.substring(i, i + 4);
                                if (!hex.matches("[0-9a-fA-F]{4}")) {
                                    throw new Unsupported("unicode escape \\u" + hex);
                                }
                                s.append((char) Integer.parseInt(hex, 16));
                                i += 4;
                            }
                            default -> throw new Unsupported("escape \\" + e);
                        }
                    } else {
                        s.append(ch);
                    }
                }
                t = new Token(Kind.STRING, source.substring(start, i), s.toString());
            } else if (c >= '0' && c <= '9') {
                while (i < source.length() && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.'
                        || source.charAt(i) == 'e' || source.charAt(i) == 'E'
                        || ((source.charAt(i) == '+' || source.charAt(i) == '-')
                            && (source.charAt(i - 1) == 'e' || source.charAt(i - 1) == 'E')))) {
                    i++;
                }
                String text = source.substring(start, i);
                if (!text.matches("(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                    throw new Unsupported("number " + text);
                }
                BigDecimal value = new BigDecimal(text);
                if (Double.isInfinite(value.doubleValue())) {
                    throw new Unsupported("number " + text + " out of range"); // JSONata's S0102
                }
                t = new Token(Kind.NUMBER, text, value);
            } else if (c == '$') {
                i++;
                if (i < source.length() && source.charAt(i) == '$') {
                    i++;
                    t = new Token(Kind.VARIABLE, "$$", "$");
                } else {
                    while (i < source.length() && isNamePart(source.charAt(i))) {
                        i++;
                    }
                    t = new Token(Kind.VARIABLE, source.substring(start, i), source.substring(start + 1, i));
                }
            } else if (isNameStart(c)) {
                while (i < source.length() && isNamePart(source.charAt(i))) {
                    i++;
                }
                t = new Token(Kind.NAME, source.substring(start, i), source.substring(start, i));
            } else if (c == '/' && startsOperand(previous)) {
                i++;
                StringBuilder r = new StringBuilder();
                while (true) {
                    if (i >= source.length()) {
                        throw new Unsupported("unterminated regex");
                    }
                    char ch = source.charAt(i++);
                    if (ch == '/') {
                        break;
                    }
                    if (ch == '\\' && i < source.length()) {
                        r.append(ch);
                        ch = source.charAt(i++);
                    }
                    r.append(ch);
                }
                int flags = 0;
                while (i < source.length() && (source.charAt(i) == 'i' || source.charAt(i) == 'm')) {
                    flags |= source.charAt(i) == 'i' ? Pattern.CASE_INSENSITIVE : Pattern.MULTILINE;
                    i++;
                }
                if (r.isEmpty()) {
                    throw new Unsupported("empty regex");
                }
                try {
                    t = new Token(Kind.REGEX, source.substring(start, i), Pattern.compile(r.toString(), flags));
                } catch (PatternSyntaxException e) {
                    throw new Unsupported("regex " + r);
                }
            } else {
                String two = i + 1 < source.length() ? source.substring(i, i + 2) : "";
                String op = OPERATORS.contains(two) ? two : String.valueOf(c);
                if (!OPERATORS.contains(op) || two.equals("/*") || two.equals("?:") || two.equals("??")) {
                    throw new Unsupported("operator " + (two.isEmpty() ? op : two));
                }
                i += op.length();
                t = new Token(Kind.OPERATOR, op, op);
            }
            tokens.add(t);
            previous = t;
        }
        tokens.add(new Token(Kind.END, "(end)", null));
        return tokens;
    }

    /** Whether a {@code /} after {@code previous} begins a regex rather than dividing. */
    private static boolean startsOperand(Token previous) {
        if (previous == null) {
            return true;
        }
        if (previous.kind() == Kind.OPERATOR) {
            return !previous.text().equals(")") && !previous.text().equals("]") && !previous.text().equals("}");
        }
        return previous.kind() == Kind.NAME && KEYWORDS.contains(previous.text());
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
