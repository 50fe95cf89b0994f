package io.possync.testkit.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API v1.0 on the wire (Business Central 14–16, connector-businesscentral/FACTS.md §2.3 and {@code specs/BCOAS1.0.yaml}):
 * customers carry the complex {@code address} ({@code street, city, state, countryLetterCode,
 * postalCode}), sales documents {@code sellingPostalAddress}, {@code billingPostalAddress} and
 * {@code shippingPostalAddress}, lines name their item or account by {@code itemId}/{@code accountId}
 * and answer {@code lineDetails}; v2.0-only properties are refused as unknown, {@code in} filters
 * (schema version 2.1) are refused, and so are the entity sets v1.0 does not have.
 */
public final class V1Wire implements SandboxApi.Wire {

    private static final Set<String> NOT_IN_V1 = Set.of("contacts", "contactsInformation", "itemVariants", "locations",
            "itemLedgerEntries", "salesShipments", "generalLedgerSetup");
    private static final Set<String> CUSTOMER_V2_ONLY = Set.of("addressLine1", "addressLine2", "city", "state", "country", "postalCode",
            "salesperson", "balanceDue", "creditLimit");
    private static final Map<String, String> POSTAL = Map.of("sellTo", "sellingPostalAddress", "billTo", "billingPostalAddress",
            "shipTo", "shippingPostalAddress");
    private static final List<String> ADDRESS_SUFFIXES = List.of("AddressLine1", "AddressLine2", "City", "State", "Country", "PostCode");
    private static final Set<String> LINE_V2_ONLY = Set.of("lineObjectNumber", "itemVariantId", "locationId");

    @Override
    public SandboxApi.Request in(SandboxApi.Request r, SandboxApi api) {
        String set = entitySet(r.path());
        for (String part : r.path().split("/")) {
            String name = part.replaceFirst("\\(.*$", "");
            if (NOT_IN_V1.contains(name)) {
                throw new SandboxApi.ApiError(404, "BadRequest_ResourceNotFound", "Resource not found for the segment '" + name + "'.");
            }
        }
        String filter = r.query().getOrDefault("$filter", "");
        if (filter.contains(" in (")) {
            throw new SandboxApi.ApiError(400, "BadRequest", "Invalid filter expression: the 'in' operator is not supported.");
        }
        if (!(r.body() instanceof ObjectNode body)) {
            return r;
        }
        return new SandboxApi.Request(r.method(), r.path(), r.query(), r.headers(), toV2(set, body, api));
    }

    private ObjectNode toV2(String set, ObjectNode body, SandboxApi api) {
        ObjectNode o = body.deepCopy();
        if (set.equals("customers")) {
            for (String f : CUSTOMER_V2_ONLY) {
                if (o.has(f)) {
                    throw unknown(f, "customer");
                }
            }
            if (o.get("address") instanceof ObjectNode address) {
                o.remove("address");
                flatten(address, o, "addressLine1", "addressLine2", "city", "state", "country", "postalCode");
            }
        }
        if (set.equals("salesInvoices") || set.equals("salesOrders")) {
            for (String prefix : POSTAL.keySet()) {
                for (String suffix : ADDRESS_SUFFIXES) {
                    if (o.has(prefix + suffix)) {
                        throw unknown(prefix + suffix, set);
                    }
                }
                if (o.get(POSTAL.get(prefix)) instanceof ObjectNode address) {
                    o.remove(POSTAL.get(prefix));
                    flatten(address, o, prefix + "AddressLine1", prefix + "AddressLine2", prefix + "City", prefix + "State",
                            prefix + "Country", prefix + "PostCode");
                }
            }
            String lines = set.equals("salesInvoices") ? "salesInvoiceLines" : "salesOrderLines";
            if (o.get(lines) instanceof ArrayNode array) {
                ArrayNode converted = JsonNodeFactory.instance.arrayNode();
                array.forEach(l -> converted.add(l instanceof ObjectNode line ? lineToV2(line, lines, api) : l));
                o.set(lines, converted);
            }
        }
        if (set.endsWith("Lines")) {
            return lineToV2(o, set, api);
        }
        return o;
    }

    private static ObjectNode lineToV2(ObjectNode line, String set, SandboxApi api) {
        ObjectNode o = line.deepCopy();
        for (String f : LINE_V2_ONLY) {
            if (o.has(f)) {
                throw unknown(f, set.substring(0, set.length() - 1));
            }
        }
        if (o.hasNonNull("itemId")) {
            String id = o.remove("itemId").asText();
            ObjectNode item = api.row("items", id).orElseThrow(() -> new SandboxApi.ApiError(400, "BadRequest_NotFound",
                    "The item with id " + id + " does not exist."));
            o.put("lineObjectNumber", item.path("number").asText());
        }
        if (o.hasNonNull("accountId")) {
            String id = o.remove("accountId").asText();
            o.put("lineObjectNumber", api.row("accounts", id).map(a -> a.path("number").asText()).orElseThrow(() ->
                    new SandboxApi.ApiError(400, "BadRequest_NotFound", "The account with id " + id + " does not exist.")));
        }
        return o;
    }

    @Override
    public SandboxApi.Response out(SandboxApi.Request request, SandboxApi.Response response) {
        if (!(response.body() instanceof ObjectNode body) || body.has("error")) {
            return response;
        }
        String set = entitySet(request.path());
        ObjectNode o = body.deepCopy();
        if (o.get("value") instanceof ArrayNode rows) {
            ArrayNode converted = o.putArray("value");
            rows.forEach(row -> converted.add(row instanceof ObjectNode r ? toV1(set, r) : row));
        } else {
            o = toV1(set, o);
        }
        return new SandboxApi.Response(response.status(), response.headers(), o);
    }

    private static ObjectNode toV1(String set, ObjectNode row) {
        ObjectNode o = row.deepCopy();
        if (set.equals("customers")) {
            o.set("address", complex(o, "addressLine1", "addressLine2", "city", "state", "country", "postalCode"));
            CUSTOMER_V2_ONLY.forEach(o::remove);
        }
        if (set.equals("salesInvoices") || set.equals("salesOrders")) {
            POSTAL.forEach((prefix, complex) -> {
                o.set(complex, complex(o, prefix + "AddressLine1", prefix + "AddressLine2", prefix + "City", prefix + "State",
                        prefix + "Country", prefix + "PostCode"));
                ADDRESS_SUFFIXES.forEach(suffix -> o.remove(prefix + suffix));
            });
            for (String lines : List.of("salesInvoiceLines", "salesOrderLines")) {
                if (o.get(lines) instanceof ArrayNode array) {
                    ArrayNode converted = JsonNodeFactory.instance.arrayNode();
                    array.forEach(l -> converted.add(l instanceof ObjectNode line ? lineToV1(line) : l));
                    o.set(lines, converted);
                }
            }
        }
        if (set.endsWith("Lines")) {
            return lineToV1(o);
        }
        return o;
    }

    private static ObjectNode lineToV1(ObjectNode line) {
        ObjectNode o = line.deepCopy();
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("number", o.path("lineObjectNumber").asText(""));
        details.put("displayName", o.path("description").asText(""));
        o.set("lineDetails", details);
        LINE_V2_ONLY.forEach(o::remove);
        return o;
    }

    private static ObjectNode complex(ObjectNode o, String line1, String line2, String city, String state, String country, String postal) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        String l1 = o.path(line1).asText("");
        String l2 = o.path(line2).asText("");
        a.put("street", l2.isEmpty() ? l1 : l1 + "\n" + l2);
        a.put("city", o.path(city).asText(""));
        a.put("state", o.path(state).asText(""));
        a.put("countryLetterCode", o.path(country).asText(""));
        a.put("postalCode", o.path(postal).asText(""));
        return a;
    }

    private static void flatten(ObjectNode address, ObjectNode into, String line1, String line2, String city, String state,
                                String country, String postal) {
        String street = address.path("street").asText("");
        int nl = street.indexOf('\n');
        into.put(line1, nl < 0 ? street : street.substring(0, nl));
        if (nl >= 0) {
            into.put(line2, street.substring(nl + 1));
        }
        copy(address, "city", into, city);
        copy(address, "state", into, state);
        copy(address, "countryLetterCode", into, country);
        copy(address, "postalCode", into, postal);
    }

    private static void copy(ObjectNode from, String field, ObjectNode to, String as) {
        if (from.has(field)) {
            to.set(as, from.get(field));
        }
    }

    private static SandboxApi.ApiError unknown(String property, String entity) {
        return new SandboxApi.ApiError(400, "BadRequest_PropertyNotFound",
                "The property '" + property + "' does not exist on type 'Microsoft.NAV." + entity + "'.");
    }

    private static String entitySet(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        int paren = last.indexOf('(');
        return paren < 0 ? last : last.substring(0, paren);
    }
}
