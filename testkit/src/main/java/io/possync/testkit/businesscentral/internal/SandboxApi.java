package io.possync.testkit.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state and the OData behaviour of the Business Central sandbox, independent of HTTP so that
 * {@code $batch} runs its inner requests through the same code. Shapes follow the reference samples
 * (API v2.0); behaviours follow connector-businesscentral/FACTS.md §3–§8.
 */
public final class SandboxApi {

    /** A request as the API sees it. */
    public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, JsonNode body) {
    }

    /** An answer. */
    public record Response(int status, Map<String, String> headers, JsonNode body) {
        static Response of(int status, JsonNode body) {
            return new Response(status, Map.of(), body);
        }
    }

    /** How requests and answers look on the wire when that is not API v2.0 (the rows are kept in v2.0's shape). */
    public interface Wire {
        /** The request in v2.0's shape; throws {@link ApiError} for what this API version refuses. */
        Request in(Request request, SandboxApi api);

        /** The answer in the wire's shape. */
        Response out(Request request, Response response);
    }

    private Wire wire;

    /** Speaks another API version on the wire. */
    public synchronized void wire(Wire wire) {
        this.wire = wire;
    }

    /** The row of {@code set} with {@code id}, if there is one (for wires). */
    synchronized Optional<ObjectNode> row(String set, String id) {
        Map<String, ObjectNode> rows = data.get(set);
        return Optional.ofNullable(rows == null ? null : rows.get(id));
    }

    /** What one entity set accepts: number series, read-only fields, lengths, lines. */
    private record EntitySet(String name, String numberPrefix, Set<String> readOnly, Map<String, Integer> maxLength,
                             String linesName) {
    }

    private static final Map<String, EntitySet> SETS = Map.of(
            "customers", new EntitySet("customers", "C", Set.of("id", "balanceDue", "taxAreaDisplayName",
                    "lastModifiedDateTime"), Map.of("number", 20, "displayName", 100, "addressLine1", 100, "addressLine2", 50,
                    "city", 30, "state", 30, "postalCode", 20, "phoneNumber", 30, "email", 80,
                    "website", 80), null),
            "items", new EntitySet("items", "I", Set.of("id", "lastModifiedDateTime"), Map.of("number", 20,
                    "displayName", 100, "displayName2", 50, "gtin", 14, "itemCategoryCode", 20, "baseUnitOfMeasureCode", 10),
                    null),
            "salesInvoices", new EntitySet("salesInvoices", "S-INV", Set.of("id", "number", "customerName", "billToName",
                    "orderId", "orderNumber", "pricesIncludeTax", "remainingAmount", "totalAmountExcludingTax", "totalTaxAmount",
                    "totalAmountIncludingTax", "status", "lastModifiedDateTime", "discountAppliedBeforeTax"),
                    Map.of("externalDocumentNumber", 35, "customerNumber", 20, "phoneNumber", 30, "email", 80), "salesInvoiceLines"),
            "salesOrders", new EntitySet("salesOrders", "S-ORD", Set.of("id", "number", "customerName", "billToName",
                    "totalAmountExcludingTax", "totalTaxAmount", "totalAmountIncludingTax", "status", "lastModifiedDateTime",
                    "fullyShipped", "discountAppliedBeforeTax"),
                    Map.of("externalDocumentNumber", 35, "customerNumber", 20, "phoneNumber", 30, "email", 80), "salesOrderLines"),
            // Posted shipments: read-only in the API, written by posting (SalesPostings).
            "salesShipments", new EntitySet("salesShipments", "S-SHPT", Set.of(), Map.of(), "salesShipmentLines"));

    private static final Map<String, EntitySet> REFERENCE_SETS = Map.of(
            "paymentTerms", new EntitySet("paymentTerms", null, Set.of("id", "lastModifiedDateTime"), Map.of("code", 10), null),
            "paymentMethods", new EntitySet("paymentMethods", null, Set.of("id", "lastModifiedDateTime"), Map.of("code", 10), null),
            "shipmentMethods", new EntitySet("shipmentMethods", null, Set.of("id", "lastModifiedDateTime"), Map.of("code", 10), null),
            "taxAreas", new EntitySet("taxAreas", null, Set.of("id", "taxType", "lastModifiedDateTime"), Map.of("code", 20), null),
            "itemCategories", new EntitySet("itemCategories", null, Set.of("id", "lastModifiedDateTime"),
                    Map.of("code", 20, "displayName", 100), null),
            "itemVariants", new EntitySet("itemVariants", null, Set.of("id", "itemNumber", "lastModifiedDateTime"),
                    Map.of("code", 10, "description", 100), null),
            "contacts", new EntitySet("contacts", "CT", Set.of("id", "companyName", "lastInteractionDate", "lastModifiedDateTime"),
                    Map.of("number", 20, "displayName", 100, "companyNumber", 20, "jobTitle", 30, "email", 80, "phoneNumber", 30),
                    null),
            "customerPaymentJournals", new EntitySet("customerPaymentJournals", null, Set.of("id", "lastModifiedDateTime"),
                    Map.of("code", 10, "displayName", 100), null),
            "customerPayments", new EntitySet("customerPayments", null, Set.of("id", "journalId", "journalDisplayName",
                    "lineNumber", "lastModifiedDateTime"), Map.of("documentNumber", 20, "externalDocumentNumber", 35,
                    "description", 100, "customerNumber", 20, "comment", 250), null));

    /** Customer fields that point at reference data, and the entity set they point into. */
    private static final Map<String, String> CUSTOMER_RELATIONS = Map.of("paymentTermsId", "paymentTerms",
            "paymentMethodId", "paymentMethods", "shipmentMethodId", "shipmentMethods", "taxAreaId", "taxAreas");

    private static final Set<String> LINE_READ_ONLY = Set.of("id", "documentId", "discountAppliedBeforeTax",
            "amountExcludingTax", "taxPercent", "totalTaxAmount", "amountIncludingTax", "invoiceDiscountAllocation",
            "netAmount", "netTaxAmount", "netAmountIncludingTax");
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z.]+)(?:\\(([^)]*)\\))?");

    private final String companyId;
    private final String companyName;
    private final Clock clock;
    private final int pageSize;
    private final Map<String, Map<String, ObjectNode>> data = new LinkedHashMap<>();
    private final Map<String, Integer> numberSeries = new LinkedHashMap<>();
    private long lastModifiedMillis;

    /** A sandbox company. */
    public SandboxApi(String companyId, String companyName, Clock clock, int pageSize) {
        this.companyId = companyId;
        this.companyName = companyName;
        this.clock = clock;
        this.pageSize = pageSize;
        SETS.keySet().forEach(s -> data.put(s, new LinkedHashMap<>()));
        REFERENCE_SETS.keySet().forEach(s -> data.put(s, new LinkedHashMap<>()));
        // A Dutch company's reference data, in the shapes of the reference samples.
        for (String[] t : new String[][] {{"14 DAYS", "Net 14 days", "14D"}, {"30 DAYS", "Net 30 days", "30D"}, {"COD", "Cash on delivery", "0D"}}) {
            seed("paymentTerms", JsonNodeFactory.instance.objectNode().put("code", t[0]).put("displayName", t[1])
                    .put("dueDateCalculation", t[2]).put("discountDateCalculation", "").put("discountPercent", 0)
                    .put("calculateDiscountOnCreditMemos", false));
        }
        for (String[] m : new String[][] {{"CASH", "Cash"}, {"BANK", "Bank transfer"}, {"CARD", "Card payment"}}) {
            seed("paymentMethods", JsonNodeFactory.instance.objectNode().put("code", m[0]).put("displayName", m[1]));
        }
        for (String[] m : new String[][] {{"PICKUP", "Pick-up at store"}, {"POST", "Parcel service"}}) {
            seed("shipmentMethods", JsonNodeFactory.instance.objectNode().put("code", m[0]).put("displayName", m[1]));
        }
        for (String[] j : new String[][] {{"KAS", "Cash register"}, {"BANK", "Card payments"}}) {
            seed("customerPaymentJournals", JsonNodeFactory.instance.objectNode().put("code", j[0]).put("displayName", j[1])
                    .put("balancingAccountNumber", j[0].equals("KAS") ? "1000" : "1100"));
        }
        for (String[] t : new String[][] {{"BINNENLAND", "Domestic customers"}, {"EU", "EU customers"}, {"EXPORT", "Other countries"}}) {
            seed("taxAreas", JsonNodeFactory.instance.objectNode().put("code", t[0]).put("displayName", t[1]).put("taxType", "VAT"));
        }
    }

    private static EntitySet set(String name) {
        EntitySet s = SETS.get(name);
        return s != null ? s : REFERENCE_SETS.get(name);
    }

    /** Copies of every row of {@code set}, in insertion order. */
    public synchronized List<ObjectNode> rows(String set) {
        List<ObjectNode> out = new ArrayList<>();
        data.get(set).values().forEach(r -> out.add(r.deepCopy()));
        return out;
    }

    /** Adds a row as Business Central would have it (number and id assigned when missing). */
    public synchronized ObjectNode seed(String set, ObjectNode row) {
        ObjectNode copy = row.deepCopy();
        EntitySet es = set(set);
        if (!copy.hasNonNull("id")) {
            copy.put("id", UUID.randomUUID().toString());
        }
        if (!copy.hasNonNull("number") && es.numberPrefix() != null) {
            copy.put("number", nextNumber(es));
        }
        stamp(copy);
        data.get(set).put(copy.get("id").asText(), copy);
        return copy.deepCopy();
    }

    /** Posts a shipment of order {@code orderId}: {@code quantities} by item number, everything left when empty. */
    public synchronized ObjectNode postShipment(String orderId, Map<String, java.math.BigDecimal> quantities) {
        return new SalesPostings(this).ship(orderId, quantities);
    }

    /** Ships what is left of order {@code orderId}, posts its invoice and removes it ({@code Microsoft.NAV.shipAndInvoice}). */
    public synchronized void shipAndInvoice(String orderId) {
        new SalesPostings(this).shipAndInvoice(orderId);
    }

    /** The company's work date: today in UTC, as {@code yyyy-MM-dd}. */
    String today() {
        return java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
    }

    /** Removes a row (a posting that consumes its document, a user deleting it). */
    public synchronized void remove(String set, String id) {
        data.get(set).remove(id);
    }

    /** The next number of a series of posted documents ({@code S-SHPT} → {@code S-SHPT100001}). */
    synchronized String nextPostedNumber(String series) {
        return series + String.format("%06d", 100000 + numberSeries.merge(series, 1, Integer::sum));
    }

    /** Sets a row's field (as a user in the client would), stamping its modification time. */
    public synchronized void modify(String set, String id, String field, JsonNode value) {
        ObjectNode row = data.get(set).get(id);
        row.set(field, value);
        stamp(row);
    }

    /**
     * {@code PATCH items({id})/picture/pictureContent} with the image bytes (connector-businesscentral/FACTS.md §3.7): replaces
     * the item's picture; {@code GET items({id})/picture} describes it.
     */
    public synchronized Response picture(String method, String itemId, Map<String, String> headers, byte[] bytes) {
        ObjectNode item = data.get("items").get(itemId);
        if (item == null) {
            return error(404, "Internal_RecordNotFound", "The Item does not exist. Identification fields and values: Id='" + itemId + "'");
        }
        if (method.equals("GET")) {
            ObjectNode picture = JsonNodeFactory.instance.objectNode().put("id", itemId).put("parentType", "Item");
            picture.put("width", 0).put("height", 0).put("contentType", item.path("_pictureType").asText(""));
            picture.put("pictureContent@odata.mediaReadLink", "companies(" + companyId + ")/items(" + itemId + ")/picture/pictureContent");
            return Response.of(200, picture);
        }
        if (!method.equals("PATCH")) {
            return error(405, "BadRequest_MethodNotAllowed", "'" + method + "' is not allowed on a picture.");
        }
        if (headers.get("if-match") == null) {
            return error(400, "BadRequest_InvalidToken", "Could not validate the client concurrency token required by the service.");
        }
        item.put("_pictureType", headers.getOrDefault("content-type", ""));
        item.put("_pictureBytes", bytes.length);
        item.put("_pictureSha256", sha256(bytes));
        return Response.of(204, null);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives every row a new etag, as if another user had just saved it. */
    public synchronized void touchAll() {
        data.values().forEach(rows -> rows.values().forEach(this::stamp));
    }

    /** Handles one request: the whole OData surface the connector uses. */
    public synchronized Response handle(Request r) {
        try {
            if (wire != null) {
                Request original = r;
                return wire.out(original, route(wire.in(r, this)));
            }
            return route(r);
        } catch (ApiError e) {
            return error(e.status, e.code, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(400, "BadRequest_NotFound", "Bad Request - Error in query syntax: " + e.getMessage());
        }
    }

    private Response route(Request r) {
        String path = r.path();
        if (path.equals("companies")) {
            ObjectNode c = JsonNodeFactory.instance.objectNode().put("id", companyId).put("systemVersion", "24.0.16410.18056")
                    .put("name", companyName).put("displayName", companyName).put("businessProfileId", "");
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            page.putArray("value").add(c);
            return Response.of(200, page);
        }
        List<String[]> segments = new ArrayList<>();
        for (String part : path.split("/")) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new ApiError(400, "BadRequest_InvalidRequestUrl", "The request URL is not valid: " + path);
            }
            segments.add(new String[] {m.group(1), m.group(2)});
        }
        if (!segments.get(0)[0].equals("companies") || segments.get(0)[1] == null) {
            throw new ApiError(404, "BadRequest_ResourceNotFound", "Resource not found for the segment '" + segments.get(0)[0] + "'.");
        }
        if (!segments.get(0)[1].equals(companyId)) {
            throw new ApiError(404, "Internal_CompanyNotFound", "The company does not exist.");
        }
        if (segments.size() < 2 || set(segments.get(1)[0]) == null) {
            throw new ApiError(404, "BadRequest_ResourceNotFound", "Resource not found for the segment '"
                    + (segments.size() < 2 ? "" : segments.get(1)[0]) + "'.");
        }
        EntitySet set = set(segments.get(1)[0]);
        String key = segments.get(1)[1];
        if (set.name().equals("salesShipments") && !r.method().equals("GET")) {
            throw new ApiError(405, "BadRequest_MethodNotAllowed", "'" + r.method() + "' requests for 'salesShipments' are not"
                    + " allowed within Microsoft Dynamics 365 Business Central OData web services.");
        }
        if (segments.size() == 2 && key == null) {
            return switch (r.method()) {
                case "GET" -> list(set, r.query());
                case "POST" -> create(set, r.body());
                default -> throw new ApiError(405, "BadRequest_MethodNotAllowed", "'" + r.method() + "' requests for '"
                        + set.name() + "' of EdmType 'Collection' are not allowed within Microsoft Dynamics 365 Business Central OData web services.");
            };
        }
        ObjectNode row = data.get(set.name()).get(key);
        if (row == null) {
            throw new ApiError(404, "Internal_RecordNotFound", "The " + set.name() + " does not exist. Identification fields and values: Id='" + key + "'");
        }
        if (segments.size() == 3 && set.name().equals("items") && segments.get(2)[0].equals("itemVariants")
                && segments.get(2)[1] == null) {
            EntitySet variants = set("itemVariants");
            if (r.method().equals("POST") && r.body() instanceof ObjectNode body) {
                ObjectNode withItem = body.deepCopy();
                withItem.put("itemId", key);
                return create(variants, withItem);
            }
            if (r.method().equals("GET")) {
                Map<String, String> query = new LinkedHashMap<>(r.query());
                String byItem = "itemId eq " + key;
                query.put("$filter", query.containsKey("$filter") ? "(" + query.get("$filter") + ") and " + byItem : byItem);
                return list(variants, query);
            }
            throw new ApiError(405, "BadRequest_MethodNotAllowed", "'" + r.method() + "' is not allowed here.");
        }
        if (segments.size() == 3 && set.name().equals("customers") && segments.get(2)[0].equals("contactsInformation")
                && r.method().equals("GET")) {
            // The contacts linked to a customer through its business relation (connector-businesscentral/FACTS.md §3.3).
            ArrayNode value = JsonNodeFactory.instance.arrayNode();
            data.get("contacts").values().stream().filter(c -> c.path("_customerId").asText().equals(key)).forEach(c ->
                    value.addObject().put("contactId", c.get("id").asText()).put("contactNumber", c.path("number").asText())
                            .put("contactName", c.path("displayName").asText()).put("contactType", c.path("type").asText())
                            .put("relatedId", key).put("relatedType", "Customer"));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.set("value", value);
            return Response.of(200, out);
        }
        if (segments.size() == 3 && set.name().equals("customerPaymentJournals") && segments.get(2)[0].equals("customerPayments")
                && segments.get(2)[1] == null) {
            EntitySet payments = set("customerPayments");
            if (r.method().equals("POST") && r.body() instanceof ObjectNode body) {
                ObjectNode line = body.deepCopy();
                // The journal comes from the URL: "journalId" itself is read-only for clients.
                line.put("$journal", key).put("$journalCode", row.path("code").asText());
                return create(payments, line);
            }
            if (r.method().equals("GET")) {
                Map<String, String> query = new LinkedHashMap<>(r.query());
                String byJournal = "journalId eq " + key;
                query.put("$filter", query.containsKey("$filter") ? "(" + query.get("$filter") + ") and " + byJournal : byJournal);
                return list(payments, query);
            }
            throw new ApiError(405, "BadRequest_MethodNotAllowed", "'" + r.method() + "' is not allowed here.");
        }
        if (segments.size() == 3 && segments.get(2)[0].startsWith("Microsoft.NAV")) {
            return action(set, row, segments.get(2)[0].substring("Microsoft.NAV.".length()), r);
        }
        return switch (r.method()) {
            case "GET" -> Response.of(200, project(set, row, r.query()));
            case "PATCH" -> update(set, row, r);
            case "DELETE" -> {
                checkEtag(row, r.headers(), false);
                data.get(set.name()).remove(key);
                yield Response.of(204, null);
            }
            default -> throw new ApiError(405, "BadRequest_MethodNotAllowed", "'" + r.method() + "' is not allowed here.");
        };
    }

    /**
     * Bound actions: {@code salesInvoices(..)/Microsoft.NAV.post} posts a draft (status Open, a number
     * from the posted-invoice series; whether the posted invoice keeps the draft's id is UNCONFIRMED,
     * here it does); {@code salesOrders(..)/Microsoft.NAV.shipAndInvoice} ships what is left, posts the
     * invoice and removes the order ({@link SalesPostings}). Others are not part of the sandbox.
     */
    private Response action(EntitySet set, ObjectNode row, String action, Request r) {
        if (!r.method().equals("POST")) {
            throw new ApiError(405, "BadRequest_MethodNotAllowed", "Bound actions are invoked with POST.");
        }
        checkEtag(row, r.headers(), false);
        if (set.name().equals("salesInvoices") && action.equals("post")) {
            if (!row.path("status").asText().equals("Draft")) {
                throw new ApiError(400, "Application_DialogException", "The sales invoice " + row.path("number").asText()
                        + " is already posted.");
            }
            if (row.path("_lines").isEmpty()) {
                throw new ApiError(400, "Application_DialogException", "There is nothing to post.");
            }
            row.put("status", "Open");
            row.put("number", "PS-INV" + String.format("%06d", 100000 + numberSeries.merge("postedInvoices", 1, Integer::sum)));
            row.set("remainingAmount", row.path("totalAmountIncludingTax"));
            stamp(row);
            return Response.of(204, null);
        }
        if (set.name().equals("salesOrders") && action.equals("shipAndInvoice")) {
            new SalesPostings(this).shipAndInvoice(row.get("id").asText());
            return Response.of(204, null);
        }
        throw new ApiError(501, "BadRequest_MethodNotImplemented", "The action '" + action + "' is not part of this sandbox.");
    }

    private Response list(EntitySet set, Map<String, String> query) {
        List<ObjectNode> rows = new ArrayList<>(data.get(set.name()).values());
        String filter = query.get("$filter");
        if (filter != null && filter.matches("(?s).*\\sin\\s*\\(.*") && !"2.1".equals(query.get("$schemaversion"))) {
            throw new ApiError(400, "BadRequest_NotFound", "The 'in' operator requires $schemaversion=2.1.");
        }
        if (filter != null) {
            Predicate<JsonNode> p = ODataFilter.parse(filter);
            rows.removeIf(row -> !p.test(row));
        }
        String orderBy = query.get("$orderby");
        if (orderBy != null) {
            Comparator<JsonNode> order = null;
            for (String clause : orderBy.split(",")) {
                String[] parts = clause.trim().split("\\s+");
                String field = parts[0];
                Comparator<JsonNode> c = (a, b) -> compareValues(a.get(field), b.get(field));
                if (parts.length > 1 && parts[1].equalsIgnoreCase("desc")) {
                    c = c.reversed();
                }
                order = order == null ? c : order.thenComparing(c);
            }
            rows.sort(order);
        }
        int top = query.containsKey("$top") ? Integer.parseInt(query.get("$top")) : Integer.MAX_VALUE;
        int skip = query.containsKey("$skiptoken") ? Integer.parseInt(query.get("$skiptoken")) : 0;
        int limit = Math.min(top, rows.size());
        int end = Math.min(limit, skip + pageSize);
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.put("@odata.context", "$metadata#companies(" + companyId + ")/" + set.name());
        ArrayNode values = page.putArray("value");
        for (int i = skip; i < end; i++) {
            values.add(project(set, rows.get(i), query));
        }
        if (end < limit) {
            StringBuilder next = new StringBuilder("companies(" + companyId + ")/" + set.name() + "?aid=FIN");
            query.forEach((k, v) -> {
                if (!k.equals("$skiptoken") && !k.equals("aid")) {
                    next.append('&').append(k).append('=').append(encode(v));
                }
            });
            next.append("&$skiptoken=").append(end);
            page.put("@odata.nextLink", next.toString());
        }
        return Response.of(200, page);
    }

    private ObjectNode project(EntitySet set, ObjectNode row, Map<String, String> query) {
        ObjectNode out = row.deepCopy();
        String expand = query.get("$expand");
        if (set.linesName() != null && expand != null && expand.contains(set.linesName())) {
            ArrayNode lines = out.putArray(set.linesName());
            row.path("_lines").forEach(lines::add);
        }
        // Underscore fields are the sandbox's own bookkeeping (lines, picture), never part of an answer.
        List<String> internal = new ArrayList<>();
        out.fieldNames().forEachRemaining(f -> {
            if (f.startsWith("_")) {
                internal.add(f);
            }
        });
        out.remove(internal);
        String select = query.get("$select");
        if (select != null) {
            Set<String> keep = new java.util.HashSet<>(List.of(select.split(",")));
            keep.add("@odata.etag");
            keep.add("id");
            if (expand != null && set.linesName() != null) {
                keep.add(set.linesName());
            }
            out.retain(keep);
        }
        return out;
    }

    private Response create(EntitySet set, JsonNode body) {
        if (!(body instanceof ObjectNode in)) {
            throw new ApiError(400, "BadRequest", "Invalid Request Body");
        }
        ObjectNode row = in.deepCopy();
        ArrayNode lines = null;
        if (set.linesName() != null && row.has(set.linesName())) {
            lines = (ArrayNode) row.remove(set.linesName());
        }
        checkWritable(set.readOnly(), row);
        checkLengths(set, row);
        if (set.name().equals("items") && row.has("inventory")) {
            throw new ApiError(400, "Application_DialogException", "Inventory cannot be changed during on insert.");
        }
        if (set.name().equals("customers") || set.name().equals("items")) {
            if (row.path("displayName").asText("").isBlank()) {
                throw new ApiError(400, "BadRequest_RequiredParamNotProvided", "Field 'displayName' must not be blank or empty.");
            }
        }
        if (set.linesName() != null) {
            resolveCustomer(row);
        }
        if (set.name().equals("customers")) {
            checkRelations(row);
        }
        if (set.name().equals("items")) {
            checkCategory(row);
        }
        if (set.name().equals("contacts")) {
            String companyNumber = row.path("companyNumber").asText("");
            if (!companyNumber.isEmpty()) {
                ObjectNode company = data.get("contacts").values().stream()
                        .filter(c -> c.path("number").asText().equals(companyNumber) && c.path("type").asText().equals("Company"))
                        .findFirst().orElseThrow(() -> new ApiError(400, "Internal_InvalidTableRelation",
                                "The field Company No. of table Contact contains a value that cannot be found in the related table (Contact)."));
                row.put("companyName", company.path("displayName").asText());
            }
            if (!row.has("type")) {
                row.put("type", "Person");
            }
        }
        if (set.name().equals("customerPayments")) {
            row.set("journalId", row.remove("$journal"));
            row.set("journalDisplayName", row.remove("$journalCode"));
            String customerId = row.path("customerId").asText("");
            String customerNumber = row.path("customerNumber").asText("");
            ObjectNode customer = data.get("customers").values().stream()
                    .filter(c -> c.get("id").asText().equals(customerId) || c.path("number").asText().equals(customerNumber))
                    .findFirst().orElseThrow(() -> new ApiError(400, "Internal_InvalidTableRelation",
                            "The field Account No. of table Gen. Journal Line contains a value that cannot be found in the related table (Customer)."));
            row.put("customerId", customer.get("id").asText()).put("customerNumber", customer.path("number").asText());
            if (row.path("amount").decimalValue().signum() == 0) {
                throw new ApiError(400, "BadRequest_InvalidRequestBody", "Amount must not be 0.");
            }
            long journalLines = data.get("customerPayments").values().stream()
                    .filter(p -> p.path("journalId").asText().equals(row.path("journalId").asText())).count();
            row.put("lineNumber", (journalLines + 1) * 10000);
        }
        if (set.name().equals("itemVariants")) {
            ObjectNode item = data.get("items").get(row.path("itemId").asText(""));
            if (item == null) {
                throw new ApiError(400, "Internal_InvalidTableRelation", "The Item does not exist.");
            }
            String code = row.path("code").asText("");
            if (code.isBlank()) {
                throw new ApiError(400, "BadRequest_RequiredParamNotProvided", "Field 'code' must not be blank or empty.");
            }
            boolean taken = data.get("itemVariants").values().stream()
                    .anyMatch(v -> v.path("itemId").asText().equals(item.get("id").asText()) && v.path("code").asText().equals(code));
            if (taken) {
                throw new ApiError(409, "Internal_EntityWithSameKeyExists", "The record already exists.");
            }
            row.put("itemNumber", item.path("number").asText());
        }
        if (set.name().equals("itemCategories")) {
            String code = row.path("code").asText("");
            if (code.isBlank()) {
                throw new ApiError(400, "BadRequest_RequiredParamNotProvided", "Field 'code' must not be blank or empty.");
            }
            if (data.get("itemCategories").values().stream().anyMatch(c -> c.path("code").asText().equals(code))) {
                throw new ApiError(409, "Internal_EntityWithSameKeyExists", "The record already exists.");
            }
        }
        if (row.hasNonNull("number") && set.numberPrefix() != null && !set.name().startsWith("sales")) {
            boolean taken = data.get(set.name()).values().stream().anyMatch(r -> r.path("number").asText().equals(row.get("number").asText()));
            if (taken) {
                throw new ApiError(409, "Internal_EntityWithSameKeyExists", "The record already exists.");
            }
        } else if (set.numberPrefix() != null) {
            row.put("number", nextNumber(set));
        }
        row.put("id", UUID.randomUUID().toString());
        if (set.name().equals("items") && !row.has("inventory")) {
            row.put("inventory", 0);
        }
        if (set.linesName() != null) {
            row.put("status", "Draft");
            ArrayNode stored = row.putArray("_lines");
            if (lines != null) {
                int no = 10000;
                for (JsonNode line : lines) {
                    stored.add(line(row, (ObjectNode) line, no));
                    no += 10000;
                }
            }
            total(row);
        }
        stamp(row);
        data.get(set.name()).put(row.get("id").asText(), row);
        if (set.name().equals("customers")) {
            companyContact(row);
        }
        return Response.of(201, project(set, row, Map.of()));
    }

    /**
     * Business Central gives a company customer a company contact through the business relation the
     * Marketing Setup names for customers; person contacts hang under it.
     */
    private void companyContact(ObjectNode customer) {
        if (!customer.path("type").asText().equals("Company")) {
            return;
        }
        String customerId = customer.get("id").asText();
        boolean exists = data.get("contacts").values().stream().anyMatch(c -> c.path("_customerId").asText().equals(customerId));
        if (!exists) {
            ObjectNode contact = JsonNodeFactory.instance.objectNode().put("id", UUID.randomUUID().toString())
                    .put("number", nextNumber(set("contacts"))).put("type", "Company")
                    .put("displayName", customer.path("displayName").asText()).put("contactBusinessRelation", "Customer")
                    .put("_customerId", customerId);
            contact.put("companyNumber", contact.get("number").asText()).put("companyName", contact.get("displayName").asText());
            stamp(contact);
            data.get("contacts").put(contact.get("id").asText(), contact);
        }
    }

    private ObjectNode line(ObjectNode document, ObjectNode in, int lineNo) {
        ObjectNode line = in.deepCopy();
        if (line.has("sequence")) {
            // BC 22 regression (connector-businesscentral/FACTS.md §11): deep insert with `sequence` fails; clients must omit it.
            throw new ApiError(500, "Internal_ServerError", "You cannot change the value of the SystemId field.");
        }
        checkWritable(LINE_READ_ONLY, line);
        String type = line.path("lineType").asText("Item");
        if (type.equals("Item")) {
            String itemId = line.path("itemId").asText("");
            String number = line.path("lineObjectNumber").asText("");
            ObjectNode item = data.get("items").values().stream()
                    .filter(i -> i.get("id").asText().equals(itemId) || i.path("number").asText().equals(number))
                    .findFirst()
                    .orElseThrow(() -> new ApiError(400, "Internal_InvalidTableRelation", "The field No. of table Sales Line"
                            + " contains a value (" + (number.isEmpty() ? itemId : number) + ") that cannot be found in the related table (Item)."));
            line.put("itemId", item.get("id").asText());
            line.put("lineObjectNumber", item.path("number").asText());
            String variantId = line.path("itemVariantId").asText("");
            if (!variantId.isEmpty()) {
                ObjectNode variant = data.get("itemVariants").get(variantId);
                if (variant == null || !variant.path("itemId").asText().equals(item.get("id").asText())) {
                    throw new ApiError(400, "Internal_InvalidTableRelation", "The field Variant Code of table Sales Line contains a"
                            + " value that cannot be found in the related table (Item Variant).");
                }
            }
            if (!line.has("description")) {
                line.put("description", item.path("displayName").asText());
            }
            if (!line.has("unitPrice")) {
                line.set("unitPrice", item.path("unitPrice"));
            }
        }
        line.put("id", UUID.randomUUID().toString());
        line.put("documentId", document.get("id").asText());
        line.put("sequence", lineNo);
        line.put("lineType", type);
        BigDecimal qty = line.path("quantity").decimalValue();
        BigDecimal amount = qty.multiply(line.path("unitPrice").decimalValue()).subtract(line.path("discountAmount").decimalValue());
        line.put("amountIncludingTax", amount);
        return line;
    }

    private void total(ObjectNode document) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : document.path("_lines")) {
            sum = sum.add(line.path("amountIncludingTax").decimalValue());
        }
        document.put("totalAmountIncludingTax", sum);
    }

    private void checkRelations(ObjectNode customer) {
        CUSTOMER_RELATIONS.forEach((field, target) -> {
            String id = customer.path(field).asText("");
            if (!id.isEmpty() && !id.equals("00000000-0000-0000-0000-000000000000") && !data.get(target).containsKey(id)) {
                throw new ApiError(400, "Internal_InvalidTableRelation", "The field " + field + " of table Customer contains a"
                        + " value that cannot be found in the related table (" + target + ").");
            }
        });
    }

    private void checkCategory(ObjectNode item) {
        String code = item.path("itemCategoryCode").asText("");
        if (code.isEmpty()) {
            return;
        }
        ObjectNode category = data.get("itemCategories").values().stream().filter(c -> c.path("code").asText().equals(code))
                .findFirst().orElseThrow(() -> new ApiError(400, "Internal_InvalidTableRelation", "The field Item Category Code"
                        + " of table Item contains a value (" + code + ") that cannot be found in the related table (Item Category)."));
        item.put("itemCategoryId", category.get("id").asText());
    }

    private void resolveCustomer(ObjectNode document) {
        String id = document.path("customerId").asText("");
        String number = document.path("customerNumber").asText("");
        if (id.isEmpty() && number.isEmpty()) {
            throw new ApiError(400, "Application_DialogException", "A customerNumber or a customerID must be provided.");
        }
        ObjectNode customer = data.get("customers").values().stream()
                .filter(c -> c.get("id").asText().equals(id) || (!number.isEmpty() && c.path("number").asText().equals(number)))
                .findFirst()
                .orElseThrow(() -> new ApiError(400, "Internal_InvalidTableRelation", "The Customer does not exist."));
        document.put("customerId", customer.get("id").asText());
        document.put("customerNumber", customer.path("number").asText());
        document.put("customerName", customer.path("displayName").asText());
    }

    private Response update(EntitySet set, ObjectNode row, Request r) {
        checkEtag(row, r.headers(), true);
        if (!(r.body() instanceof ObjectNode in)) {
            throw new ApiError(400, "BadRequest", "Invalid Request Body");
        }
        if (set.linesName() != null && in.has(set.linesName())) {
            throw new ApiError(400, "BadRequest", "Deep update is not supported; update the lines individually.");
        }
        checkWritable(set.readOnly(), in);
        checkLengths(set, in);
        if (set.name().equals("customers")) {
            checkRelations(in);
        }
        if (set.name().equals("items")) {
            checkCategory(in);
        }
        in.fields().forEachRemaining(e -> row.set(e.getKey(), e.getValue()));
        stamp(row);
        if (set.name().equals("customers")) {
            companyContact(row);
        }
        return Response.of(200, project(set, row, Map.of()));
    }

    private void checkEtag(ObjectNode row, Map<String, String> headers, boolean required) {
        String ifMatch = headers.get("if-match");
        if (ifMatch == null) {
            if (required) {
                throw new ApiError(400, "BadRequest_InvalidToken", "Could not validate the client concurrency token required by"
                        + " the service. Please provide a valid token in the client request.");
            }
            return;
        }
        if (!ifMatch.equals("*") && !ifMatch.equals(row.path("@odata.etag").asText())) {
            throw new ApiError(409, "Request_EntityChanged", "Another user has already changed the record.");
        }
    }

    private static void checkWritable(Set<String> readOnly, ObjectNode row) {
        for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (readOnly.contains(field)) {
                throw new ApiError(400, "BadRequest_InvalidOperation", "Control '" + field + "' is read-only.");
            }
        }
    }

    private static void checkLengths(EntitySet set, ObjectNode row) {
        set.maxLength().forEach((field, max) -> {
            JsonNode v = row.get(field);
            if (v != null && v.isTextual() && v.asText().length() > max) {
                throw new ApiError(400, "Application_StringExceededLength", "The length of the string is " + v.asText().length()
                        + ", but it must be less than or equal to " + max + " characters. Value: " + v.asText());
            }
        });
    }

    private String nextNumber(EntitySet set) {
        int n = numberSeries.merge(set.name(), 1, Integer::sum);
        return set.numberPrefix() + String.format("%05d", 10000 + n);
    }

    private void stamp(ObjectNode row) {
        // Strictly increasing modification times, so equal instants only occur when a test seeds them.
        long now = Math.max(clock.millis(), lastModifiedMillis + 1);
        lastModifiedMillis = now;
        row.put("lastModifiedDateTime", Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.MILLIS).toString());
        String tag = Base64.getEncoder().encodeToString(("JzQ0O" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        row.put("@odata.etag", "W/\"" + tag + "\"");
    }

    private static int compareValues(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.asText().compareTo(b.asText());
    }

    /** Business Central's error body. */
    public static Response error(int status, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", code).put("message", message + "  CorrelationId:  " + UUID.randomUUID() + ".");
        return Response.of(status, body);
    }

    /** Splits a raw query string into decoded parameters. */
    public static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static String encode(String v) {
        return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Handles a JSON {@code $batch}: each inner request in order; with snapshot isolation, all or nothing. */
    public synchronized Response batch(JsonNode body, boolean snapshot) {
        JsonNode requests = body.path("requests");
        if (!requests.isArray()) {
            return error(400, "BadRequest", "Invalid Request Body");
        }
        if (requests.size() > 100) {
            return error(400, "BadRequest", "The batch request contains more than 100 operations.");
        }
        Map<String, Map<String, ObjectNode>> before = snapshot ? copyData() : null;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = out.putArray("responses");
        for (JsonNode inner : requests) {
            String url = inner.path("url").asText();
            int q = url.indexOf('?');
            Map<String, String> headers = new LinkedHashMap<>();
            inner.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(), h.getValue().asText()));
            Response r = handle(new Request(inner.path("method").asText("GET"), q < 0 ? url : url.substring(0, q),
                    parseQuery(q < 0 ? null : url.substring(q + 1)), headers, inner.get("body")));
            ObjectNode item = responses.addObject();
            item.set("id", inner.path("id"));
            item.put("status", r.status());
            item.putObject("headers").put("content-type", "application/json; odata.metadata=minimal").put("odata-version", "4.0");
            if (r.body() != null) {
                item.set("body", r.body());
            }
            if (snapshot && r.status() >= 400) {
                data.clear();
                data.putAll(before);
                ObjectNode failed = JsonNodeFactory.instance.objectNode();
                ArrayNode single = failed.putArray("responses");
                single.add(item);
                return Response.of(200, failed);
            }
        }
        return Response.of(200, out);
    }

    private Map<String, Map<String, ObjectNode>> copyData() {
        Map<String, Map<String, ObjectNode>> copy = new LinkedHashMap<>();
        data.forEach((set, rows) -> {
            Map<String, ObjectNode> r = new LinkedHashMap<>();
            rows.forEach((id, row) -> r.put(id, row.deepCopy()));
            copy.put(set, r);
        });
        return copy;
    }

    /** An error answer raised while handling. */
    static final class ApiError extends RuntimeException {
        final int status;
        final String code;

        ApiError(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new ApiError(400, "BadRequest", "Invalid Request Body");
        }
    }
}
