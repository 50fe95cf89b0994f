package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API v1.0 (Business Central 14–16) on the wire, API v2.0 in the connector (FACTS.md §2.3): the
 * connector and its mappings think in v2.0 fields, and this converts at the boundary.
 *
 * <ul>
 *   <li>customers: flat {@code addressLine1/2, city, state, country, postalCode} ⇄ the complex
 *       {@code address} ({@code street, city, state, countryLetterCode, postalCode});</li>
 *   <li>sales documents: {@code sellTo*}, {@code billTo*}, {@code shipTo*} address fields ⇄
 *       {@code sellingPostalAddress}, {@code billingPostalAddress}, {@code shippingPostalAddress};</li>
 *   <li>document lines: v2.0's {@code lineObjectNumber} ⇄ v1.0's {@code itemId}/{@code accountId} on
 *       the way out and {@code lineDetails.number} on the way in;</li>
 *   <li>items: v1.0's complex {@code baseUnitOfMeasure} ⇄ {@code baseUnitOfMeasureCode};</li>
 *   <li>filters: {@code in (…)} (schema version 2.1, not in BC 14) ⇄ an {@code or} chain.</li>
 * </ul>
 */
final class ApiV1 {

    private static final Pattern IN = Pattern.compile("(\\w+) in \\(");
    private static final List<String> DOCUMENT_SETS = List.of("salesInvoices", "salesOrders", "salesQuotes", "salesCreditMemos");
    private static final Map<String, String> POSTAL = Map.of("sellTo", "sellingPostalAddress", "billTo", "billingPostalAddress",
            "shipTo", "shippingPostalAddress");

    private ApiV1() {
    }

    /** The entity set a URL or path addresses: its last segment's name, e.g. {@code salesInvoiceLines}. */
    static String entitySet(String url) {
        String path = url.replaceFirst("\\?.*$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        int paren = last.indexOf('(');
        return paren < 0 ? last : last.substring(0, paren);
    }

    // ------------------------------------------------------------------ out (v2.0 → v1.0)

    /**
     * {@code body} for {@code entitySet} in v1.0's shape. {@code ids} resolves line numbers: given
     * {@code "items"} or {@code "accounts"} and a number, the row's id, or null when unknown.
     */
    static JsonNode out(String entitySet, JsonNode body, IdResolver ids) {
        if (!(body instanceof ObjectNode in)) {
            return body;
        }
        ObjectNode o = in.deepCopy();
        if (entitySet.equals("customers")) {
            ObjectNode address = JsonNodeFactory.instance.objectNode();
            String line1 = text(o.remove("addressLine1"));
            String line2 = text(o.remove("addressLine2"));
            if (line1 != null || line2 != null) {
                address.put("street", line2 == null ? line1 : line1 == null ? line2 : line1 + "\n" + line2);
            }
            move(o, "city", address, "city");
            move(o, "state", address, "state");
            move(o, "country", address, "countryLetterCode");
            move(o, "postalCode", address, "postalCode");
            if (!address.isEmpty()) {
                o.set("address", address);
            }
        }
        if (DOCUMENT_SETS.contains(entitySet)) {
            POSTAL.forEach((prefix, complex) -> {
                ObjectNode address = JsonNodeFactory.instance.objectNode();
                String line1 = text(o.remove(prefix + "AddressLine1"));
                String line2 = text(o.remove(prefix + "AddressLine2"));
                if (line1 != null || line2 != null) {
                    address.put("street", line2 == null ? line1 : line1 == null ? line2 : line1 + "\n" + line2);
                }
                move(o, prefix + "City", address, "city");
                move(o, prefix + "State", address, "state");
                move(o, prefix + "Country", address, "countryLetterCode");
                move(o, prefix + "PostCode", address, "postalCode");
                if (!address.isEmpty()) {
                    o.set(complex, address);
                }
            });
            String lines = entitySet.substring(0, entitySet.length() - 1) + "Lines";
            if (o.get(lines) instanceof ArrayNode array) {
                ArrayNode converted = JsonNodeFactory.instance.arrayNode();
                array.forEach(line -> converted.add(out(lines, line, ids)));
                o.set(lines, converted);
            }
        }
        if (entitySet.endsWith("Lines") && o.has("lineObjectNumber")) {
            String type = BusinessCentralConverters.decodeEnum(o.path("lineType").asText("Item"));
            String set = type.equals("Account") ? "accounts" : type.equals("Item") ? "items" : null;
            String id = set == null ? null : ids.id(set, o.get("lineObjectNumber").asText());
            if (id != null) {
                o.remove("lineObjectNumber");
                o.put(set.equals("items") ? "itemId" : "accountId", id);
            }
        }
        if (entitySet.equals("items") && o.has("baseUnitOfMeasureCode")) {
            o.remove("baseUnitOfMeasureCode");
        }
        return o;
    }

    /** A filter without {@code in}: {@code number in ('A','B')} becomes {@code (number eq 'A' or number eq 'B')}. */
    static String filter(String filter) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        Matcher m = IN.matcher(filter);
        while (m.find(at)) {
            out.append(filter, at, m.start());
            String field = m.group(1);
            List<String> values = new ArrayList<>();
            int i = m.end();
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            for (; i < filter.length(); i++) {
                char c = filter.charAt(i);
                if (c == '\'' && quoted && i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
                    value.append("''");
                    i++;
                } else if (c == '\'') {
                    quoted = !quoted;
                    value.append(c);
                } else if (!quoted && (c == ',' || c == ')')) {
                    values.add(value.toString().trim());
                    value.setLength(0);
                    if (c == ')') {
                        break;
                    }
                } else {
                    value.append(c);
                }
            }
            out.append('(');
            for (int k = 0; k < values.size(); k++) {
                out.append(k == 0 ? "" : " or ").append(field).append(" eq ").append(values.get(k));
            }
            out.append(')');
            at = i + 1;
        }
        return out.append(filter.substring(Math.min(at, filter.length()))).toString();
    }

    // ------------------------------------------------------------------ in (v1.0 → v2.0)

    /** An answer (a collection with {@code value}, or one row) in v2.0's shape. */
    static JsonNode in(String entitySet, JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return answer;
        }
        if (answer.get("value") instanceof ArrayNode rows) {
            ObjectNode copy = ((ObjectNode) answer).deepCopy();
            ArrayNode converted = copy.putArray("value");
            rows.forEach(r -> converted.add(row(entitySet, r)));
            return copy;
        }
        return row(entitySet, answer);
    }

    private static JsonNode row(String entitySet, JsonNode row) {
        if (!(row instanceof ObjectNode in)) {
            return row;
        }
        ObjectNode o = in.deepCopy();
        if (o.get("address") instanceof ObjectNode address) {
            o.remove("address");
            flatten(address, o, "addressLine1", "addressLine2", "city", "state", "country", "postalCode");
        }
        POSTAL.forEach((prefix, complex) -> {
            if (o.get(complex) instanceof ObjectNode address) {
                o.remove(complex);
                flatten(address, o, prefix + "AddressLine1", prefix + "AddressLine2", prefix + "City", prefix + "State",
                        prefix + "Country", prefix + "PostCode");
            }
        });
        if (o.get("lineDetails") instanceof ObjectNode details && !o.has("lineObjectNumber")) {
            o.put("lineObjectNumber", details.path("number").asText(""));
        }
        if (o.get("baseUnitOfMeasure") instanceof ObjectNode uom && !o.has("baseUnitOfMeasureCode")) {
            o.put("baseUnitOfMeasureCode", uom.path("code").asText(uom.path("unitCode").asText("")));
        }
        for (String lines : List.of("salesInvoiceLines", "salesOrderLines")) {
            if (o.get(lines) instanceof ArrayNode array) {
                ArrayNode converted = JsonNodeFactory.instance.arrayNode();
                array.forEach(l -> converted.add(row(lines, l)));
                o.set(lines, converted);
            }
        }
        return o;
    }

    private static void flatten(ObjectNode address, ObjectNode into, String line1, String line2, String city, String state,
                                String country, String postalCode) {
        String street = address.path("street").asText("");
        int nl = street.indexOf('\n');
        into.put(line1, nl < 0 ? street : street.substring(0, nl));
        into.put(line2, nl < 0 ? "" : street.substring(nl + 1));
        into.put(city, address.path("city").asText(""));
        into.put(state, address.path("state").asText(""));
        into.put(country, address.path("countryLetterCode").asText(""));
        into.put(postalCode, address.path("postalCode").asText(""));
    }

    private static void move(ObjectNode from, String field, ObjectNode to, String as) {
        JsonNode v = from.remove(field);
        if (v != null && !v.isNull()) {
            to.set(as, v);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** Resolves a line's number to the id of its item or account. */
    @FunctionalInterface
    interface IdResolver {
        /** The id of the row of {@code entitySet} ({@code items}, {@code accounts}) with {@code number}, or null. */
        String id(String entitySet, String number);
    }
}
