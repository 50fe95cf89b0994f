package io.possync.connector.winstore.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.http.ApiResponse;
import io.possync.api.internal.Json;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one interpreter of Winstore's answers (README "UNCONFIRMED"): the body is XML or JSON as its
 * {@code Content-Type} says (anything else, or no body, is no records), read into {@link WireRecord}s
 * as the public client reads it — XML: each child of the root is a record, each child of a record a
 * field, a field with element children a list of records; JSON: an array of records, or one object
 * as one record. Values stay text; blank-padded values are trimmed. An XML field whose children are plain
 * values ({@code invoice_add}) is one nested record; one whose children have children
 * ({@code variants/variant}) is a list of them.
 *
 * <p>PROPOSAL: the outcome of a posted order is its HTTP status (200 created, 409 the order number
 * exists already); the body's {@code orderid} is Winstore's own number when it gives one.
 */
public final class WinstoreAnswers {

    private static final DocumentBuilderFactory XML = DocumentBuilderFactory.newInstance();

    static {
        try {
            XML.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            XML.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        XML.setNamespaceAware(false);
        XML.setExpandEntityReferences(false);
    }

    private WinstoreAnswers() {
    }

    /**
     * The records of {@code response}.
     *
     * @throws IllegalArgumentException when the body is not the XML or JSON its type says
     */
    public static List<WireRecord> records(ApiResponse response) {
        String type = response.header("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        byte[] body = response.body();
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return List.of();
        }
        if (type.startsWith("application/json")) {
            return json(body);
        }
        if (type.startsWith("application/xml") || type.startsWith("text/xml")) {
            return xml(body);
        }
        throw new IllegalArgumentException("an answer of type '" + type + "' is neither XML nor JSON");
    }

    /** The answer's {@code message}, for an error text; empty when it has none or is unreadable. */
    public static Optional<String> message(ApiResponse response) {
        try {
            return records(response).stream().findFirst().flatMap(r -> r.text(WinstoreNames.Result.MESSAGE));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    static List<WireRecord> json(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the answer is not JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (root.isObject()) {
            return List.of(jsonRecord(root));
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("the JSON answer is a " + root.getNodeType() + ", not records");
        }
        List<WireRecord> out = new ArrayList<>();
        for (JsonNode r : root) {
            if (!r.isObject()) {
                throw new IllegalArgumentException("a JSON record is a " + r.getNodeType() + ", not an object");
            }
            out.add(jsonRecord(r));
        }
        return out;
    }

    private static WireRecord jsonRecord(JsonNode r) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<WireRecord>> lists = new LinkedHashMap<>();
        r.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<WireRecord> nested = new ArrayList<>();
                v.forEach(n -> nested.add(n.isObject() ? jsonRecord(n) : new WireRecord(Map.of("value", text(n)), Map.of())));
                lists.put(e.getKey(), nested);
            } else if (v.isObject()) {
                lists.put(e.getKey(), List.of(jsonRecord(v)));
            } else if (!v.isNull()) {
                String text = text(v);
                if (!text.isEmpty()) {
                    fields.put(e.getKey(), text);
                }
            }
        });
        return new WireRecord(fields, lists);
    }

    private static String text(JsonNode v) {
        if (v.isBigDecimal() || v.isDouble() || v.isFloat()) {
            return v.decimalValue().toPlainString();
        }
        return v.asText().strip();
    }

    static List<WireRecord> xml(byte[] body) {
        Document doc;
        try {
            doc = XML.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new IllegalArgumentException("the answer is not XML (" + e.getClass().getSimpleName() + ")", e);
        }
        List<WireRecord> out = new ArrayList<>();
        for (Element record : elements(doc.getDocumentElement())) {
            out.add(xmlRecord(record));
        }
        return out;
    }

    private static WireRecord xmlRecord(Element record) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<WireRecord>> lists = new LinkedHashMap<>();
        for (Element field : elements(record)) {
            List<Element> children = elements(field);
            if (!children.isEmpty() && children.stream().allMatch(c -> !elements(c).isEmpty())) {
                List<WireRecord> nested = new ArrayList<>();
                children.forEach(c -> nested.add(xmlRecord(c)));
                lists.put(field.getTagName(), nested);
            } else if (!children.isEmpty()) {
                // Children that are plain values (invoice_add's fname, lname …): one nested record, not a list of empty ones.
                lists.put(field.getTagName(), List.of(xmlRecord(field)));
            } else {
                String text = field.getTextContent().strip();
                if (!text.isEmpty()) {
                    fields.put(field.getTagName(), text);
                }
            }
        }
        return new WireRecord(fields, lists);
    }

    private static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
