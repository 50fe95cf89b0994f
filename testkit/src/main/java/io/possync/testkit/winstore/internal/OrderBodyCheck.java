package io.possync.testkit.winstore.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order body of {@code PostOrderWithStatusCode} checked element by element against the layout
 * the public client sends: root {@code order}; its children in fixed order, {@code changeSavingPoints}
 * optional; {@code invoice_add} with its seven children; {@code positions} with {@code position}s of
 * five children and an optional {@code reduction}. An unknown, missing or misplaced element is a
 * {@link IllegalArgumentException} naming it (the sandbox answers 400).
 */
public final class OrderBodyCheck {

    static final List<String> ORDER = List.of("ordernr", "orderdate", "customerid", "email", "branch", "channel", "total", "currency",
            "changeSavingPoints?", "invoice_add", "positions");
    static final List<String> ADDRESS = List.of("fname", "lname", "street", "streetnr", "zip", "country", "countryISO");
    static final List<String> POSITION = List.of("product_id", "amount", "single_price", "type", "branch", "reduction?");

    private OrderBodyCheck() {
    }

    /** The body of a status post ({@code <orderstatus><ordernr/><status/></orderstatus>}), checked element by element. */
    public static Map<String, String> readStatus(byte[] body) {
        Element root = parse(body).getDocumentElement();
        if (!root.getTagName().equals("orderstatus")) {
            throw new IllegalArgumentException("the root element is <" + root.getTagName() + ">, not <orderstatus>");
        }
        Map<String, String> out = new LinkedHashMap<>();
        leaves(root, List.of("ordernr", "status"), "orderstatus").forEach((k, v) -> out.put(k, (String) v));
        return out;
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new IllegalArgumentException("malformed XML: " + e.getMessage());
        }
    }

    /** The order as a map (address and positions nested), after checking its layout and required values. */
    public static Map<String, Object> read(byte[] body) {
        Element root = parse(body).getDocumentElement();
        if (!root.getTagName().equals("order")) {
            throw new IllegalArgumentException("the root element is <" + root.getTagName() + ">, not <order>");
        }
        Map<String, Object> order = new LinkedHashMap<>();
        List<Element> children = elements(root);
        int at = 0;
        for (String expected : ORDER) {
            boolean optional = expected.endsWith("?");
            String name = optional ? expected.substring(0, expected.length() - 1) : expected;
            if (at < children.size() && children.get(at).getTagName().equals(name)) {
                Element e = children.get(at++);
                switch (name) {
                    case "invoice_add" -> order.put(name, leaves(e, ADDRESS, "invoice_add"));
                    case "positions" -> {
                        List<Map<String, Object>> positions = new ArrayList<>();
                        for (Element p : elements(e)) {
                            if (!p.getTagName().equals("position")) {
                                throw new IllegalArgumentException("<positions> holds <" + p.getTagName() + ">, not <position>");
                            }
                            positions.add(leaves(p, POSITION, "position " + (positions.size() + 1)));
                        }
                        order.put(name, positions);
                    }
                    default -> order.put(name, leaf(e));
                }
            } else if (!optional) {
                throw new IllegalArgumentException("<" + name + "> is missing or misplaced"
                        + (at < children.size() ? " (found <" + children.get(at).getTagName() + ">)" : ""));
            }
        }
        if (at < children.size()) {
            throw new IllegalArgumentException("unknown or misplaced element <" + children.get(at).getTagName() + ">");
        }
        return order;
    }

    private static Map<String, Object> leaves(Element parent, List<String> layout, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Element> children = elements(parent);
        int at = 0;
        for (String expected : layout) {
            boolean optional = expected.endsWith("?");
            String name = optional ? expected.substring(0, expected.length() - 1) : expected;
            if (at < children.size() && children.get(at).getTagName().equals(name)) {
                out.put(name, leaf(children.get(at++)));
            } else if (!optional) {
                throw new IllegalArgumentException(where + ": <" + name + "> is missing or misplaced");
            }
        }
        if (at < children.size()) {
            throw new IllegalArgumentException(where + ": unknown or misplaced element <" + children.get(at).getTagName() + ">");
        }
        return out;
    }

    private static String leaf(Element e) {
        boolean hasElements = false;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            hasElements |= n instanceof Element;
        }
        if (hasElements) {
            throw new IllegalArgumentException("<" + e.getTagName() + "> must hold text, not elements");
        }
        return e.getTextContent();
    }

    private static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                out.add(el);
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
                throw new IllegalArgumentException("<" + parent.getTagName() + "> holds loose text");
            }
        }
        return out;
    }
}
