package io.possync.core.mapping.internal.direct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the part of JSONata that mappings mostly use — paths with constant indexes, literals,
 * object and array constructors, conditions, comparisons, {@code and}/{@code or}, {@code &},
 * blocks with variables and the {@link Functions} — with JSONata's operator precedence. Anything
 * else throws {@link Unsupported}, and the expression stays with the JSONata interpreter.
 */
final class Parser {

    /** The expression uses something this parser does not take on. */
    static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private final List<Token> tokens;
    /** Expressions written in parentheses: an index after one applies to its whole result. */
    private final Set<Node> parenthesised = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private int position;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The expression's tree. */
    static Node parse(String expression) throws Unsupported {
        Parser p = new Parser(Lexer.tokens(expression));
        Node node = p.expression(0);
        if (p.peek().kind() != Token.Kind.END) {
            throw new Unsupported("trailing " + p.peek().text());
        }
        Set<String> bound = new HashSet<>();
        Set<String> read = new HashSet<>();
        variables(node, bound, read);
        read.removeAll(bound);
        read.remove("");
        read.remove("$");
        if (!read.isEmpty()) {
            throw new Unsupported("variables bound elsewhere: " + read);
        }
        return node;
    }

    /** Collects the names {@code node} binds and reads (a read of a function or host variable is not ours). */
    private static void variables(Node node, Set<String> bound, Set<String> read) {
        if (node instanceof Node.Variable v) {
            read.add(v.name());
        } else if (node instanceof Node.Binding b) {
            bound.add(b.name());
            variables(b.value(), bound, read);
        } else if (node instanceof Node.Path p) {
            p.steps().forEach(n -> variables(n, bound, read));
        } else if (node instanceof Node.ObjectConstructor o) {
            o.values().forEach(n -> variables(n, bound, read));
        } else if (node instanceof Node.ArrayConstructor a) {
            a.items().forEach(n -> variables(n, bound, read));
        } else if (node instanceof Node.Condition c) {
            variables(c.condition(), bound, read);
            variables(c.then(), bound, read);
            if (c.otherwise() != null) {
                variables(c.otherwise(), bound, read);
            }
        } else if (node instanceof Node.Logical l) {
            variables(l.left(), bound, read);
            variables(l.right(), bound, read);
        } else if (node instanceof Node.Equality e) {
            variables(e.left(), bound, read);
            variables(e.right(), bound, read);
        } else if (node instanceof Node.Comparison c) {
            variables(c.left(), bound, read);
            variables(c.right(), bound, read);
        } else if (node instanceof Node.Concatenation c) {
            variables(c.left(), bound, read);
            variables(c.right(), bound, read);
        } else if (node instanceof Node.Block b) {
            b.expressions().forEach(n -> variables(n, bound, read));
        } else if (node instanceof Node.Call c) {
            c.arguments().forEach(n -> variables(n, bound, read));
        } else if (node instanceof Node.Indexed i) {
            variables(i.group(), bound, read);
        }
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        return tokens.get(position++);
    }

    private boolean at(String operator) {
        Token t = peek();
        return t.kind() == Token.Kind.OPERATOR && t.text().equals(operator)
                || t.kind() == Token.Kind.NAME && (operator.equals("and") || operator.equals("or")) && t.text().equals(operator);
    }

    private void expect(String operator) throws Unsupported {
        if (!at(operator)) {
            throw new Unsupported("expected " + operator + " at " + peek().text());
        }
        position++;
    }

    private static int bindingPower(Token t) {
        if (t.kind() == Token.Kind.NAME) {
            return switch (t.text()) {
                case "and" -> 30;
                case "or" -> 25;
                default -> 0;
            };
        }
        if (t.kind() != Token.Kind.OPERATOR) {
            return 0;
        }
        return switch (t.text()) {
            case "[", "(" -> 80;
            case "." -> 75;
            case "{" -> 70;
            case "&", "-" -> 50;
            case "=", "!=", "<", "<=", ">", ">=" -> 40;
            case "?" -> 20;
            case ":=" -> 10;
            default -> 0;
        };
    }

    private Node expression(int rightBindingPower) throws Unsupported {
        Node left = prefix(next());
        while (rightBindingPower < bindingPower(peek())) {
            left = infix(next(), left);
        }
        return left;
    }

    private Node prefix(Token t) throws Unsupported {
        switch (t.kind()) {
            case STRING:
                return new Node.Literal(Values.text((String) t.value()));
            case NUMBER:
                return new Node.Literal(number((BigDecimal) t.value()));
            case REGEX:
                return new Node.Regex((Pattern) t.value());
            case VARIABLE:
                return new Node.Variable((String) t.value());
            case NAME:
                return switch (t.text()) {
                    case "true" -> new Node.Literal(BooleanNode.TRUE);
                    case "false" -> new Node.Literal(BooleanNode.FALSE);
                    case "null" -> new Node.Literal(NullNode.getInstance());
                    case "and", "or", "in", "function" -> throw new Unsupported("keyword " + t.text());
                    default -> new Node.Path(List.of(new Node.Name(t.text(), null)));
                };
            case OPERATOR:
                return switch (t.text()) {
                    case "(" -> block();
                    case "[" -> array();
                    case "{" -> object();
                    case "-" -> {
                        Token n = next();
                        if (n.kind() != Token.Kind.NUMBER) {
                            throw new Unsupported("unary minus");
                        }
                        yield new Node.Literal(Node.negative(number((BigDecimal) n.value())));
                    }
                    default -> throw new Unsupported("operator " + t.text() + " in prefix position");
                };
            default:
                throw new Unsupported("unexpected end");
        }
    }

    private static JsonNode number(BigDecimal d) {
        return Values.number(d);
    }

    private Node block() throws Unsupported {
        List<Node> expressions = new ArrayList<>();
        while (!at(")")) {
            expressions.add(expression(0));
            if (!at(";")) {
                break;
            }
            position++;
        }
        expect(")");
        Node block = expressions.size() == 1 && !(expressions.get(0) instanceof Node.Binding)
                ? expressions.get(0) : new Node.Block(List.copyOf(expressions));
        parenthesised.add(block);
        return block;
    }

    private Node array() throws Unsupported {
        List<Node> items = new ArrayList<>();
        while (!at("]")) {
            Node item = expression(0);
            if (item instanceof Node.Regex) {
                throw new Unsupported("regex outside $contains");
            }
            items.add(item);
            if (!at(",")) {
                break;
            }
            position++;
        }
        expect("]");
        return new Node.ArrayConstructor(List.copyOf(items));
    }

    private Node object() throws Unsupported {
        List<String> keys = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (!at("}")) {
            Token key = next();
            if (key.kind() != Token.Kind.STRING || !seen.add((String) key.value())) {
                throw new Unsupported("object key " + key.text());
            }
            expect(":");
            keys.add((String) key.value());
            values.add(operand(expression(0)));
            if (!at(",")) {
                break;
            }
            position++;
        }
        expect("}");
        return new Node.ObjectConstructor(List.copyOf(keys), List.copyOf(values));
    }

    private Node infix(Token t, Node left) throws Unsupported {
        String op = t.text();
        int bp = bindingPower(t);
        switch (op) {
            case ".":
                return path(left, expression(bp));
            case "[":
                return index(left);
            case "(":
                return call(left);
            case "?": {
                Node then = operand(expression(0));
                Node otherwise = null;
                if (at(":")) {
                    position++;
                    otherwise = operand(expression(0));
                }
                return new Node.Condition(operand(left), then, otherwise);
            }
            case ":=":
                if (!(left instanceof Node.Variable v) || v.name().isEmpty() || v.name().equals("$")
                        || Functions.NAMES.contains(v.name())) {
                    throw new Unsupported("binding to " + left);
                }
                return new Node.Binding(v.name(), operand(expression(bp - 1)));
            case "and":
            case "or":
                return new Node.Logical(op.equals("and"), operand(left), operand(expression(bp)));
            case "=":
            case "!=":
                return new Node.Equality(op.equals("!="), operand(left), operand(expression(bp)));
            case "<":
            case "<=":
            case ">":
            case ">=":
                return new Node.Comparison(op, operand(left), operand(expression(bp)));
            case "&":
                return new Node.Concatenation(operand(left), operand(expression(bp)));
            default:
                throw new Unsupported("operator " + op);
        }
    }

    private static Node operand(Node n) throws Unsupported {
        if (n instanceof Node.Regex) {
            throw new Unsupported("regex outside $contains");
        }
        return n;
    }

    private Node path(Node left, Node right) throws Unsupported {
        List<Node> steps = new ArrayList<>(steps(left, true));
        steps.addAll(steps(right, false));
        return new Node.Path(List.copyOf(steps));
    }

    private static List<Node> steps(Node n, boolean first) throws Unsupported {
        if (n instanceof Node.Path p) {
            if (!first && p.steps().get(0) instanceof Node.Variable) {
                throw new Unsupported("variable inside a path");
            }
            return p.steps();
        }
        if (first && n instanceof Node.Variable) {
            return List.of(n);
        }
        if (!first && n instanceof Node.ObjectConstructor) {
            return List.of(n);
        }
        throw new Unsupported("path step " + n);
    }

    private Node index(Node left) throws Unsupported {
        boolean negative = at("-");
        if (negative) {
            position++;
        }
        Token n = next();
        expect("]");
        if (n.kind() == Token.Kind.NUMBER && parenthesised.contains(left) && left instanceof Node.Path group) {
            return new Node.Indexed(group, index(n, negative));
        }
        if (n.kind() != Token.Kind.NUMBER || !(left instanceof Node.Path p) || !(p.steps().get(p.steps().size() - 1)
                instanceof Node.Name name) || name.index() != null) {
            throw new Unsupported("predicate");
        }
        List<Node> steps = new ArrayList<>(p.steps());
        steps.set(steps.size() - 1, new Node.Name(name.name(), index(n, negative)));
        return new Node.Path(List.copyOf(steps));
    }

    private static int index(Token n, boolean negative) throws Unsupported {
        try {
            int i = ((BigDecimal) n.value()).intValueExact();
            return negative ? -i : i;
        } catch (ArithmeticException e) {
            throw new Unsupported("index " + n.text());
        }
    }

    private Node call(Node left) throws Unsupported {
        if (!(left instanceof Node.Variable v)) {
            throw new Unsupported("call of " + left);
        }
        List<Node> arguments = new ArrayList<>();
        while (!at(")")) {
            arguments.add(expression(0));
            if (!at(",")) {
                break;
            }
            position++;
        }
        expect(")");
        if (!Functions.supports(v.name(), arguments.size())) {
            throw new Unsupported("function $" + v.name() + " with " + arguments.size() + " arguments");
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i) instanceof Node.Regex && !(v.name().equals("contains") && i == 1)) {
                throw new Unsupported("regex argument");
            }
        }
        return new Node.Call(v.name(), List.copyOf(arguments));
    }
}
