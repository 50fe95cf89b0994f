package io.possync.testkit.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The state of one Lightspeed Retail (R-Series) account in the sandbox, and the V3 query language
 * over it: field filters with operators ({@code >,}, {@code >=,}, {@code IN,[…]}, {@code ~,}),
 * {@code sort}, {@code load_relations}, {@code archived} and {@code after} cursors.
 *
 * <p>Records are kept in a regular form (relations as arrays, scalars as strings) and rendered with
 * the API's quirks by {@link Quirks}. Not thread-safe: the sandbox serialises calls.
 */
public final class RetailStore {

    /** A query or write the API refuses, answered with Lightspeed's error body. */
    public static final class ApiError extends RuntimeException {
        private final int status;

        public ApiError(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** One page of a list: the records (stored form, relations applied) and whether more follow. */
    public record ListPage(List<ObjectNode> records, Optional<String> nextAfter) {
    }

    private enum Kind { EMBEDDED, ONE, MANY }

    /** A relation {@code load_relations} can name. {@code element} is the resource of embedded elements. */
    private record Relation(String name, Kind kind, String field, String target, String element) {
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final Set<String> RESERVED = Set.of("limit", "sort", "load_relations", "after", "before", "offset",
            "archived", "count", "orderby", "orderby_desc");
    private static final Map<String, String> IDS = Map.ofEntries(
            Map.entry("Item", "itemID"), Map.entry("ItemMatrix", "itemMatrixID"), Map.entry("Customer", "customerID"),
            Map.entry("Sale", "saleID"), Map.entry("ItemShop", "itemShopID"), Map.entry("Category", "categoryID"),
            Map.entry("Shop", "shopID"), Map.entry("ItemAttributeSet", "itemAttributeSetID"),
            Map.entry("PaymentType", "paymentTypeID"), Map.entry("TaxClass", "taxClassID"),
            Map.entry("SaleLine", "saleLineID"), Map.entry("SalePayment", "salePaymentID"),
            Map.entry("Image", "imageID"), Map.entry("Employee", "employeeID"), Map.entry("Register", "registerID"));
    private static final Map<String, List<Relation>> RELATIONS = Map.of(
            "Item", List.of(
                    new Relation("Prices", Kind.EMBEDDED, null, null, null),
                    new Relation("ItemAttributes", Kind.EMBEDDED, null, null, "ItemAttributes"),
                    new Relation("Images", Kind.EMBEDDED, null, null, null),
                    new Relation("CustomFieldValues", Kind.EMBEDDED, null, null, null),
                    new Relation("Category", Kind.ONE, "categoryID", "Category", null),
                    new Relation("TaxClass", Kind.ONE, "taxClassID", "TaxClass", null),
                    new Relation("ItemShops", Kind.MANY, "itemID", "ItemShop", null)),
            "ItemAttributes", List.of(new Relation("ItemAttributeSet", Kind.ONE, "itemAttributeSetID", "ItemAttributeSet", null)),
            "ItemMatrix", List.of(
                    new Relation("Prices", Kind.EMBEDDED, null, null, null),
                    new Relation("ItemAttributeSet", Kind.ONE, "itemAttributeSetID", "ItemAttributeSet", null),
                    new Relation("Category", Kind.ONE, "categoryID", "Category", null)),
            "Customer", List.of(
                    new Relation("Contact", Kind.EMBEDDED, null, null, null),
                    new Relation("CustomFieldValues", Kind.EMBEDDED, null, null, null)),
            "Sale", List.of(
                    new Relation("SaleLines", Kind.EMBEDDED, null, null, "SaleLine"),
                    new Relation("SalePayments", Kind.EMBEDDED, null, null, "SalePayment"),
                    new Relation("Customer", Kind.ONE, "customerID", "Customer", null)),
            "SaleLine", List.of(new Relation("Item", Kind.ONE, "itemID", "Item", null)),
            "SalePayment", List.of(new Relation("PaymentType", Kind.ONE, "paymentTypeID", "PaymentType", null)),
            "ItemShop", List.of(new Relation("Item", Kind.ONE, "itemID", "Item", null)));

    private final java.util.function.Supplier<Instant> clock;
    private final Map<String, TreeMap<Long, ObjectNode>> tables = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private long changes;
    private String cachedKey;
    private long cachedAt = -1;
    private List<Keyed> cached;

    public RetailStore(java.util.function.Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** Whether {@code resource} is one this sandbox serves. */
    public static boolean knows(String resource) {
        return IDS.containsKey(resource) && !resource.equals("SaleLine") && !resource.equals("SalePayment");
    }

    /** The id field of {@code resource}. */
    public static String idField(String resource) {
        return IDS.get(resource);
    }

    // ---------------------------------------------------------------- reads

    /** The record {@code id} of {@code resource} with {@code relations} loaded. */
    public Optional<ObjectNode> get(String resource, String id, Set<String> relations) {
        ObjectNode row = table(resource).get(parseId(id));
        return row == null ? Optional.empty() : Optional.of(withRelations(resource, row, relations));
    }

    /** A page of {@code resource} matching {@code query} (the request's parameters). */
    public ListPage list(String resource, Map<String, String> query, Set<String> relations) {
        int limit = 100;
        if (query.containsKey("limit")) {
            try {
                limit = Integer.parseInt(query.get("limit"));
            } catch (NumberFormatException e) {
                throw new ApiError(400, "limit must be a number");
            }
            if (limit < 1 || limit > 100) {
                throw new ApiError(400, "limit must be between 1 and 100");
            }
        }
        String sort = query.getOrDefault("sort", idField(resource));
        boolean descending = sort.startsWith("-");
        String sortField = descending ? sort.substring(1) : sort;
        String id = idField(resource);
        // Each record's sort key is computed once: comparing parsed keys, not re-parsing text per comparison.
        Comparator<Keyed> order = Comparator.<Keyed, Comparable<Object>>comparing(Keyed::key).thenComparingLong(Keyed::id);
        if (descending) {
            order = order.reversed();
        }
        // Paging through a large result asks the same query again and again with another cursor: the
        // sorted result is kept until anything changes.
        Map<String, String> shape = new java.util.TreeMap<>(query);
        shape.remove("after");
        shape.remove("limit");
        String key = resource + "|" + sort + "|" + shape;
        List<Keyed> matching;
        if (key.equals(cachedKey) && changes == cachedAt) {
            matching = cached;
        } else {
            Predicate<ObjectNode> filter = filter(resource, query);
            matching = new ArrayList<>();
            // Paged by the stored key, not the row's id field, which a test may have blanked to play a malformed record.
            for (Map.Entry<Long, ObjectNode> entry : table(resource).entrySet()) {
                ObjectNode row = entry.getValue();
                if (filter.test(row)) {
                    matching.add(new Keyed(sortKey(row.path(sortField).asText(""), sortField), entry.getKey(), row));
                }
            }
            matching.sort(order);
            cached = matching;
            cachedKey = key;
            cachedAt = changes;
        }
        int start = 0;
        if (query.containsKey("after")) {
            String[] after = decodeCursor(query.get("after"));
            Keyed probe = new Keyed(sortKey(after[0], sortField), Long.parseLong(after[1]), null);
            int at = java.util.Collections.binarySearch(matching, probe, order);
            start = at >= 0 ? at + 1 : -at - 1;
        }
        int end = Math.min(matching.size(), start + limit);
        List<ObjectNode> page = new ArrayList<>();
        for (Keyed k : matching.subList(start, end)) {
            page.add(withRelations(resource, k.row(), relations));
        }
        Optional<String> next = Optional.empty();
        if (end < matching.size()) {
            ObjectNode last = matching.get(end - 1).row();
            next = Optional.of(encodeCursor(last.path(sortField).asText(""), last.path(id).asText()));
        }
        return new ListPage(page, next);
    }

    /** Copies of every stored record of {@code resource}, relations embedded as stored. */
    public List<ObjectNode> all(String resource) {
        List<ObjectNode> out = new ArrayList<>();
        table(resource).values().forEach(r -> out.add(r.deepCopy()));
        return out;
    }

    // ---------------------------------------------------------------- writes

    /** Stores a new record from a client's (or a test's) body; returns it with its id and time stamps. */
    public ObjectNode create(String resource, JsonNode body) {
        changes++;
        ObjectNode row = Quirks.normalize(unwrap(resource, body));
        validate(resource, row, true);
        String now = stamp();
        long id = sequences.merge(resource, 1L, Long::sum);
        row.put(idField(resource), String.valueOf(id));
        if (!row.hasNonNull("timeStamp")) {
            row.put("timeStamp", now);
        }
        if (!row.hasNonNull("createTime")) {
            row.put("createTime", row.path("timeStamp").asText());
        }
        if (hasArchivedFlag(resource) && !row.has("archived")) {
            row.put("archived", "false");
        }
        switch (resource) {
            case "Item" -> createItemShops(row);
            case "Sale" -> completeSale(row);
            case "Category" -> completeCategory(row);
            case "Customer" -> completeContact(row);
            default -> { }
        }
        table(resource).put(id, row);
        return row.deepCopy();
    }

    /**
     * A customer has the fields Lightspeed's documentation shows, and always a contact with its four lists,
     * empty ones too (rendered as Lightspeed sends them).
     */
    private static void completeContact(ObjectNode customer) {
        fill(customer, Map.of("title", "", "company", "", "companyRegistrationNumber", "", "vatNumber", "", "creditAccountID", "0",
                "customerTypeID", "0", "discountID", "0", "taxCategoryID", "0"));
        ObjectNode contact = customer.has("Contact") && customer.get("Contact").isObject() ? (ObjectNode) customer.get("Contact")
                : customer.putObject("Contact");
        for (String[] list : new String[][] {{"Addresses", "ContactAddress"}, {"Phones", "ContactPhone"}, {"Emails", "ContactEmail"},
                {"Websites", "ContactWebsite"}}) {
            if (!contact.has(list[0]) || !contact.get(list[0]).isObject()) {
                contact.putObject(list[0]).putArray(list[1]);
            }
        }
        for (String flag : List.of("noEmail", "noPhone", "noMail")) {
            if (!contact.has(flag)) {
                contact.put(flag, "false");
            }
        }
        if (!contact.has("custom")) {
            contact.put("custom", "");
        }
    }

    /** Applies a client's PUT body to record {@code id}; returns the record. */
    public ObjectNode update(String resource, String id, JsonNode body) {
        changes++;
        ObjectNode row = table(resource).get(parseId(id));
        if (row == null) {
            throw new ApiError(404, resource + " " + id + " not found");
        }
        ObjectNode changes = Quirks.normalize(unwrap(resource, body));
        changes.remove(idField(resource));
        ObjectNode candidate = row.deepCopy();
        changes.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "ItemShops" -> { }
                case "Prices" -> mergePrices(candidate, e.getValue());
                default -> candidate.set(e.getKey(), e.getValue());
            }
        });
        validate(resource, candidate, false);
        if (changes.has("ItemShops")) {
            updateItemShops(row.path("itemID").asText(), changes.path("ItemShops").path("ItemShop"));
        }
        candidate.put("timeStamp", stamp());
        table(resource).put(parseId(id), candidate);
        return candidate.deepCopy();
    }

    /** Sets one field of a stored record, as a user at the till would, and stamps the change. */
    public void modify(String resource, String id, String field, String value) {
        modify(resource, id, field, com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
    }

    /** Sets {@code field} to any JSON value (an object where text belongs, say) and moves the time stamp. */
    public void modify(String resource, String id, String field, JsonNode value) {
        changes++;
        ObjectNode row = table(resource).get(parseId(id));
        if (row == null) {
            throw new IllegalArgumentException(resource + " " + id + " does not exist");
        }
        row.set(field, value);
        row.put("timeStamp", stamp());
        if (resource.equals("ItemShop")) {
            refreshSummary(row.path("itemID").asText());
        }
    }

    /** The current time as the API writes it (second precision, with offset). */
    public String stamp() {
        return TIMESTAMP.format(clock.get().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- relations

    private ObjectNode withRelations(String resource, ObjectNode row, Set<String> relations) {
        ObjectNode out = row.deepCopy();
        for (Relation r : RELATIONS.getOrDefault(resource, List.of())) {
            boolean wanted = relations.contains(r.name());
            Set<String> nested = nested(relations, r.name());
            switch (r.kind()) {
                case EMBEDDED -> {
                    if (!wanted) {
                        out.remove(r.name());
                    } else if (r.element() != null && out.has(r.name())) {
                        JsonNode embedded = out.get(r.name());
                        if (embedded.isObject() && r.element().equals(r.name())) {
                            out.set(r.name(), withRelations(r.element(), (ObjectNode) embedded, nested));
                        } else if (embedded.isObject() && embedded.path(r.element()).isArray()) {
                            ArrayNode elements = JsonNodeFactory.instance.arrayNode();
                            embedded.path(r.element()).forEach(el -> elements.add(withRelations(r.element(), (ObjectNode) el, nested)));
                            ((ObjectNode) embedded).set(r.element(), elements);
                        }
                    }
                }
                case ONE -> {
                    String key = out.path(r.field()).asText("0");
                    if (wanted && !key.equals("0") && !key.isEmpty()) {
                        ObjectNode target = table(r.target()).get(parseId(key));
                        if (target != null) {
                            out.set(r.name(), withRelations(r.target(), target, nested));
                        }
                    }
                }
                case MANY -> {
                    if (wanted) {
                        ArrayNode children = JsonNodeFactory.instance.arrayNode();
                        String key = out.path(idField(resource)).asText();
                        for (ObjectNode child : table(r.target()).values()) {
                            if (child.path(r.field()).asText().equals(key)) {
                                children.add(withRelations(r.target(), child, nested));
                            }
                        }
                        out.putObject(r.name()).set(r.target(), children);
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> nested(Set<String> relations, String name) {
        Set<String> out = new LinkedHashSet<>();
        String prefix = name + ".";
        for (String r : relations) {
            if (r.startsWith(prefix)) {
                out.add(r.substring(prefix.length()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- filters

    private Predicate<ObjectNode> filter(String resource, Map<String, String> query) {
        List<Predicate<ObjectNode>> all = new ArrayList<>();
        if (hasArchivedFlag(resource)) {
            String archived = query.getOrDefault("archived", "false").toLowerCase(Locale.ROOT);
            switch (archived) {
                case "true", "1" -> { }
                case "only" -> all.add(r -> r.path("archived").asText().equals("true"));
                default -> all.add(r -> !r.path("archived").asText().equals("true"));
            }
        }
        for (Map.Entry<String, String> p : query.entrySet()) {
            if (RESERVED.contains(p.getKey())) {
                continue;
            }
            all.add(condition(p.getKey(), p.getValue()));
        }
        return r -> all.stream().allMatch(c -> c.test(r));
    }

    private static Predicate<ObjectNode> condition(String field, String expression) {
        String op = "=";
        String value = expression;
        int comma = expression.indexOf(',');
        if (comma > 0) {
            String prefix = expression.substring(0, comma);
            if (Set.of("=", "!=", "<", ">", "<=", ">=", "~", "!~", "IN", "><").contains(prefix)) {
                op = prefix;
                value = expression.substring(comma + 1);
            }
        }
        String operator = op;
        String operand = value;
        return row -> {
            List<String> actual = values(row, field);
            return switch (operator) {
                case "IN" -> {
                    String inner = operand.startsWith("[") && operand.endsWith("]") ? operand.substring(1, operand.length() - 1) : operand;
                    Set<String> options = new LinkedHashSet<>();
                    for (String o : inner.split(",")) {
                        options.add(o.trim().toLowerCase(Locale.ROOT));
                    }
                    yield actual.stream().anyMatch(a -> options.contains(a.toLowerCase(Locale.ROOT)));
                }
                case "~" -> actual.stream().anyMatch(a -> like(a, operand));
                case "!~" -> actual.stream().noneMatch(a -> like(a, operand));
                case "!=" -> actual.stream().noneMatch(a -> compare(field, a, operand) == 0);
                case "<" -> actual.stream().anyMatch(a -> compare(field, a, operand) < 0);
                case ">" -> actual.stream().anyMatch(a -> compare(field, a, operand) > 0);
                case "<=" -> actual.stream().anyMatch(a -> compare(field, a, operand) <= 0);
                case ">=" -> actual.stream().anyMatch(a -> compare(field, a, operand) >= 0);
                case "><" -> {
                    String[] range = operand.split(",", 2);
                    yield range.length == 2 && actual.stream()
                            .anyMatch(a -> compare(field, a, range[0]) >= 0 && compare(field, a, range[1]) <= 0);
                }
                default -> actual.stream().anyMatch(a -> compare(field, a, operand) == 0);
            };
        };
    }

    /** The values a (possibly dotted) filter field has on a record. {@code Contact.email} looks into every e-mail. */
    private static List<String> values(ObjectNode row, String field) {
        // Filtering customers on Contact.email is how lookups by e-mail work (UNCONFIRMED: modelled as
        // an exact, case-insensitive match on any of the customer's addresses).
        if (field.equals("Contact.email")) {
            List<String> emails = new ArrayList<>();
            row.path("Contact").path("Emails").path("ContactEmail").forEach(e -> emails.add(e.path("address").asText()));
            return emails;
        }
        JsonNode node = row;
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? List.of() : List.of(node.asText());
    }

    private static boolean like(String actual, String pattern) {
        String regex = "\\Q" + pattern.toLowerCase(Locale.ROOT).replace("%", "\\E.*\\Q") + "\\E";
        return actual.toLowerCase(Locale.ROOT).matches(regex);
    }

    private static int compare(String field, String actual, String operand) {
        if (isTime(field)) {
            Optional<Instant> a = instant(actual);
            Optional<Instant> b = instant(operand);
            if (a.isPresent() && b.isPresent()) {
                return a.get().compareTo(b.get());
            }
            throw new ApiError(400, "Invalid date for " + field + ": " + operand);
        }
        if (isNumber(actual) && isNumber(operand)) {
            return new BigDecimal(actual).compareTo(new BigDecimal(operand));
        }
        return actual.compareToIgnoreCase(operand);
    }

    private static boolean isNumber(String text) {
        return NUMBER.matcher(text).matches();
    }

    private record Keyed(Comparable<Object> key, long id, ObjectNode row) {
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> sortKey(String text, String field) {
        if (isTime(field)) {
            return (Comparable<Object>) (Comparable<?>) instant(text).orElse(Instant.EPOCH);
        }
        if (isNumber(text)) {
            return (Comparable<Object>) (Comparable<?>) new BigDecimal(text);
        }
        return (Comparable<Object>) (Comparable<?>) text.toLowerCase(Locale.ROOT);
    }

    private static boolean isTime(String field) {
        return field.equals("timeStamp") || field.endsWith("Time") || field.endsWith("Date");
    }

    private static final Map<String, Optional<Instant>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Parses the date forms clients send: with offset, with Z, or without zone (UTC). */
    public static Optional<Instant> instant(String text) {
        return PARSED.computeIfAbsent(text, RetailStore::parseInstant);
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static String encodeCursor(String sortValue, String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((sortValue + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decodeCursor(String after) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\n", 2);
            if (parts.length == 2) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw new ApiError(400, "Invalid value for after");
    }

    // ---------------------------------------------------------------- per-resource rules

    private static JsonNode unwrap(String resource, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiError(400, "The request body must be a JSON object");
        }
        if (body.size() == 1 && body.has(resource) && body.get(resource).isObject()) {
            return body.get(resource);
        }
        return body;
    }

    private void validate(String resource, ObjectNode row, boolean create) {
        switch (resource) {
            case "Item" -> {
                String description = row.path("description").asText("");
                if (description.isBlank()) {
                    throw new ApiError(400, "Item description is required");
                }
                // The real maximum is UNCONFIRMED; 255 is the length of the column in Lightspeed's exports.
                if (description.length() > 255) {
                    throw new ApiError(400, "Item description must be 255 characters or fewer");
                }
                for (String code : List.of("ean", "upc")) {
                    String v = row.path(code).asText("");
                    if (!v.isEmpty() && !v.matches("\\d{8,14}")) {
                        throw new ApiError(400, "Invalid " + code.toUpperCase(Locale.ROOT) + ": must be 8 to 14 digits");
                    }
                }
                requireReference(row, "categoryID", "Category");
                requireReference(row, "itemMatrixID", "ItemMatrix");
            }
            case "Customer" -> {
                if (row.path("firstName").asText("").isBlank() && row.path("lastName").asText("").isBlank()
                        && row.path("company").asText("").isBlank()) {
                    throw new ApiError(400, "A customer needs a first name, a last name or a company");
                }
            }
            case "Category" -> {
                if (row.path("name").asText("").isBlank()) {
                    throw new ApiError(400, "Category name is required");
                }
                requireReference(row, "parentID", "Category");
            }
            case "ItemMatrix" -> {
                if (row.path("description").asText("").isBlank()) {
                    throw new ApiError(400, "ItemMatrix description is required");
                }
                requireReference(row, "itemAttributeSetID", "ItemAttributeSet");
            }
            case "Sale" -> {
                for (JsonNode line : row.path("SaleLines").path("SaleLine")) {
                    if (!table("Item").containsKey(parseId(line.path("itemID").asText("0")))) {
                        throw new ApiError(400, "SaleLine itemID " + line.path("itemID").asText() + " does not exist");
                    }
                }
                requireReference(row, "customerID", "Customer");
                requireReference(row, "shopID", "Shop");
            }
            default -> { }
        }
    }

    private void requireReference(ObjectNode row, String field, String target) {
        String id = row.path(field).asText("0");
        if (!id.isEmpty() && !id.equals("0") && !table(target).containsKey(parseId(id))) {
            throw new ApiError(400, field + " " + id + " does not exist");
        }
    }

    private static boolean hasArchivedFlag(String resource) {
        return Set.of("Item", "ItemMatrix", "Customer", "Sale", "Category").contains(resource);
    }

    private void createItemShops(ObjectNode item) {
        Map<String, String> requested = new HashMap<>();
        item.path("ItemShops").path("ItemShop").forEach(s -> requested.put(s.path("shopID").asText(), s.path("qoh").asText("0")));
        item.remove("ItemShops");
        String itemId = item.path("itemID").asText();
        for (ObjectNode shop : table("Shop").values()) {
            String shopId = shop.path("shopID").asText();
            newItemShop(itemId, shopId, requested.getOrDefault(shopId, "0"), item.path("timeStamp").asText());
        }
        newItemShop(itemId, "0", "0", item.path("timeStamp").asText());
        refreshSummary(itemId);
    }

    private void newItemShop(String itemId, String shopId, String qoh, String stamp) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        long id = sequences.merge("ItemShop", 1L, Long::sum);
        s.put("itemShopID", String.valueOf(id)).put("qoh", qoh).put("backorder", "0").put("componentQoh", "0")
                .put("componentBackorder", "0").put("reorderPoint", "0").put("reorderLevel", "0")
                .put("timeStamp", stamp).put("itemID", itemId).put("shopID", shopId);
        table("ItemShop").put(id, s);
    }

    private void updateItemShops(String itemId, JsonNode changes) {
        for (JsonNode change : changes) {
            ObjectNode target = null;
            for (ObjectNode s : table("ItemShop").values()) {
                boolean byId = change.has("itemShopID") && s.path("itemShopID").asText().equals(change.path("itemShopID").asText());
                boolean byShop = !change.has("itemShopID") && s.path("itemID").asText().equals(itemId)
                        && s.path("shopID").asText().equals(change.path("shopID").asText());
                if (byId || byShop) {
                    target = s;
                }
            }
            if (target == null || !target.path("itemID").asText().equals(itemId)) {
                throw new ApiError(400, "ItemShop " + change.path("itemShopID").asText(change.path("shopID").asText())
                        + " does not belong to item " + itemId);
            }
            if (target.path("shopID").asText().equals("0")) {
                throw new ApiError(400, "The all-shops ItemShop (shopID 0) cannot be changed");
            }
            ObjectNode t = target;
            change.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("itemShopID") && !e.getKey().equals("itemID") && !e.getKey().equals("shopID")) {
                    t.set(e.getKey(), e.getValue());
                }
            });
            t.put("timeStamp", stamp());
        }
        refreshSummary(itemId);
    }

    private void refreshSummary(String itemId) {
        BigDecimal total = BigDecimal.ZERO;
        ObjectNode summary = null;
        for (ObjectNode s : table("ItemShop").values()) {
            if (s.path("itemID").asText().equals(itemId)) {
                if (s.path("shopID").asText().equals("0")) {
                    summary = s;
                } else {
                    total = total.add(new BigDecimal(s.path("qoh").asText("0")));
                }
            }
        }
        if (summary != null && !summary.path("qoh").asText().equals(total.toPlainString())) {
            summary.put("qoh", total.toPlainString()).put("timeStamp", stamp());
        }
    }

    private static void mergePrices(ObjectNode item, JsonNode prices) {
        Map<String, JsonNode> byUse = new LinkedHashMap<>();
        item.path("Prices").path("ItemPrice").forEach(p -> byUse.put(p.path("useType").asText(), p));
        prices.path("ItemPrice").forEach(p -> byUse.put(p.path("useType").asText("Default"), p));
        ArrayNode merged = JsonNodeFactory.instance.arrayNode();
        byUse.values().forEach(merged::add);
        item.putObject("Prices").set("ItemPrice", merged);
    }

    private void completeSale(ObjectNode sale) {
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        long lineId = sequences.getOrDefault("SaleLine", 0L);
        for (JsonNode line : sale.path("SaleLines").path("SaleLine")) {
            ObjectNode l = (ObjectNode) line;
            BigDecimal qty = new BigDecimal(l.path("unitQuantity").asText("1"));
            BigDecimal price = new BigDecimal(l.path("unitPrice").asText("0"));
            BigDecimal discount = new BigDecimal(l.path("calcLineDiscount").asText("0"));
            BigDecimal rate = new BigDecimal(l.path("tax1Rate").asText("0"));
            BigDecimal net = qty.multiply(price).subtract(discount).setScale(2, java.math.RoundingMode.HALF_UP);
            BigDecimal lineTax = net.multiply(rate).setScale(2, java.math.RoundingMode.HALF_UP);
            if (!l.has("saleLineID")) {
                l.put("saleLineID", String.valueOf(++lineId));
            }
            l.put("saleID", sale.path("saleID").asText());
            l.put("calcSubtotal", net.toPlainString()).put("calcTax1", lineTax.toPlainString())
                    .put("calcTotal", net.add(lineTax).toPlainString());
            subtotal = subtotal.add(net);
            tax = tax.add(lineTax);
        }
        sequences.put("SaleLine", lineId);
        if (!sale.has("calcTotal")) {
            sale.put("calcSubtotal", subtotal.toPlainString()).put("calcTax1", tax.toPlainString()).put("calcTax2", "0")
                    .put("calcDiscount", "0").put("calcTotal", subtotal.add(tax).toPlainString())
                    .put("total", subtotal.add(tax).toPlainString());
        }
        for (String flag : List.of("completed", "voided")) {
            if (!sale.has(flag)) {
                sale.put(flag, "false");
            }
        }
        // The rest of the fields Lightspeed's documentation shows on a sale, as it fills them for a plain sale.
        String total = sale.path("calcTotal").asText("0");
        String stamp = sale.path("timeStamp").asText(sale.path("createTime").asText(""));
        fill(sale, Map.ofEntries(Map.entry("discountPercent", "0"), Map.entry("enablePromotions", "true"), Map.entry("isTaxInclusive", "false"),
                Map.entry("updatetime", stamp), Map.entry("referenceNumber", ""), Map.entry("referenceNumberSource", ""),
                Map.entry("tax1Rate", "0"), Map.entry("tax2Rate", "0"), Map.entry("change", "0"), Map.entry("tipEnabled", "false"),
                Map.entry("receiptPreference", "printed"), Map.entry("displayableSubtotal", sale.path("calcSubtotal").asText("0")),
                Map.entry("ticketNumber", String.format("2200%08d", Long.parseLong(sale.path("saleID").asText("0")))),
                Map.entry("calcTaxable", sale.path("calcSubtotal").asText("0")), Map.entry("calcNonTaxable", "0"),
                Map.entry("calcAvgCost", "0"), Map.entry("calcFIFOCost", "0"), Map.entry("calcPayments", total), Map.entry("calcTips", "0"),
                Map.entry("total", total), Map.entry("totalDue", total), Map.entry("displayableTotal", total), Map.entry("balance", "0"),
                Map.entry("customerID", "0"), Map.entry("discountID", "0"), Map.entry("employeeID", "1"), Map.entry("tipEmployeeID", "0"),
                Map.entry("quoteID", "0"), Map.entry("registerID", "1"), Map.entry("shipToID", "0"), Map.entry("shopID", "1"),
                Map.entry("taxCategoryID", "1"), Map.entry("taxTotal", new BigDecimal(sale.path("calcTax1").asText("0"))
                        .add(new BigDecimal(sale.path("calcTax2").asText("0"))).toPlainString())));
        if (sale.path("completed").asText().equals("true")) {
            fill(sale, Map.of("completeTime", stamp));
        }
    }

    /** Sets each of {@code defaults} the record does not have yet. */
    private static void fill(ObjectNode row, Map<String, String> defaults) {
        defaults.forEach((field, value) -> {
            if (!row.has(field)) {
                row.put(field, value);
            }
        });
    }

    private void completeCategory(ObjectNode category) {
        String parent = category.path("parentID").asText("0");
        ObjectNode p = parent.equals("0") ? null : table("Category").get(parseId(parent));
        category.put("parentID", parent);
        category.put("nodeDepth", p == null ? "0" : String.valueOf(Integer.parseInt(p.path("nodeDepth").asText("0")) + 1));
        category.put("fullPathName", p == null ? category.path("name").asText()
                : p.path("fullPathName").asText() + "|" + category.path("name").asText());
    }

    private TreeMap<Long, ObjectNode> table(String resource) {
        return tables.computeIfAbsent(resource, r -> new TreeMap<>());
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "Invalid ID: " + id);
        }
    }
}
