package io.possync.testkit.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The {@code $filter} subset the sandbox understands: {@code field op literal} with
 * {@code eq ne gt ge lt le}, {@code field in (literal, ...)}, joined by {@code and}, and {@code or}
 * between terms on the same field. Literals: quoted strings ({@code ''} escapes a quote), numbers,
 * booleans, and bare date-times, dates and GUIDs. String comparison ignores case (how Business
 * Central compares for these fields is UNCONFIRMED; see the reference, §4.2).
 */
public final class ODataFilter {

    private ODataFilter() {
    }

    /** A predicate for {@code expression}; throws {@link IllegalArgumentException} on syntax it does not know. */
    public static Predicate<JsonNode> parse(String expression) {
        List<String> tokens = tokenize(expression);
        Parser p = new Parser(tokens);
        Predicate<JsonNode> result = p.orExpression();
        if (p.pos != tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + tokens.get(p.pos) + "'");
        }
        return result;
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                StringBuilder lit = new StringBuilder("'");
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException("unterminated string literal");
                    }
                    char d = s.charAt(i);
                    if (d == '\'') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                            lit.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    lit.append(d);
                    i++;
                }
                out.add(lit.toString());
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "(),".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private static final class Parser {
        final List<String> tokens;
        int pos;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        String next() {
            if (pos >= tokens.size()) {
                throw new IllegalArgumentException("the filter ends too early");
            }
            return tokens.get(pos++);
        }

        boolean peek(String word) {
            return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
        }

        Predicate<JsonNode> orExpression() {
            Predicate<JsonNode> left = andExpression();
            while (peek("or")) {
                pos++;
                left = left.or(andExpression());
            }
            return left;
        }

        Predicate<JsonNode> andExpression() {
            Predicate<JsonNode> left = term();
            while (peek("and")) {
                pos++;
                left = left.and(term());
            }
            return left;
        }

        Predicate<JsonNode> term() {
            if (peek("(")) {
                pos++;
                Predicate<JsonNode> inner = orExpression();
                expect(")");
                return inner;
            }
            String field = next();
            String op = next().toLowerCase(Locale.ROOT);
            if (op.equals("in")) {
                expect("(");
                List<String> values = new ArrayList<>();
                values.add(next());
                while (peek(",")) {
                    pos++;
                    values.add(next());
                }
                expect(")");
                return row -> values.stream().anyMatch(v -> compare(row.get(field), v) == 0);
            }
            String literal = next();
            return switch (op) {
                case "eq" -> row -> compare(row.get(field), literal) == 0;
                case "ne" -> row -> compare(row.get(field), literal) != 0;
                case "gt" -> row -> compare(row.get(field), literal) > 0;
                case "ge" -> row -> compare(row.get(field), literal) >= 0;
                case "lt" -> row -> compare(row.get(field), literal) < 0;
                case "le" -> row -> compare(row.get(field), literal) <= 0;
                default -> throw new IllegalArgumentException("unknown operator '" + op + "'");
            };
        }

        void expect(String token) {
            String t = next();
            if (!t.equals(token)) {
                throw new IllegalArgumentException("expected '" + token + "' but found '" + t + "'");
            }
        }
    }

    /** Compares a stored value with a filter literal: negative, zero or positive. */
    static int compare(JsonNode value, String literal) {
        if (value == null || value.isNull()) {
            return literal.equals("null") ? 0 : -1;
        }
        if (literal.startsWith("'")) {
            return value.asText().compareToIgnoreCase(literal.substring(1));
        }
        if (value.isNumber()) {
            return value.decimalValue().compareTo(new BigDecimal(literal));
        }
        if (value.isBoolean()) {
            return Boolean.compare(value.asBoolean(), Boolean.parseBoolean(literal));
        }
        String text = value.asText();
        if (literal.contains("T") && literal.endsWith("Z")) {
            try {
                return Instant.parse(text).compareTo(Instant.parse(literal));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("cannot compare '" + text + "' with the date-time " + literal);
            }
        }
        return text.compareToIgnoreCase(literal);
    }
}
