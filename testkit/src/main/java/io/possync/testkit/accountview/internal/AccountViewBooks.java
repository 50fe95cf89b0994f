package io.possync.testkit.accountview.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.http.TimeSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The company behind the AccountView sandbox: debtors ({@code CONTACT}), articles ({@code ARTICLE}) and
 * their groups ({@code ART_GRP}), sales orders ({@code SO_HDR}/{@code SO_LINE}) and journal pages
 * ({@code DJ_PAGE}/{@code DJ_LINE}), with reads by business object, filters and pages, and writes checked
 * against the field dictionaries. Synchronized by the sandbox.
 */
public final class AccountViewBooks {

    /** A refused write or read: the HTTP status and the {@code ErrorMessage}. */
    public static final class Refusal extends RuntimeException {
        public final int status;

        public Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final Map<String, String[]> OBJECTS = Map.of("AR1", new String[] {"CONTACT", null}, "AK1", new String[] {"ARTICLE", null},
            "AG1", new String[] {"ART_GRP", null}, "SO1", new String[] {"SO_HDR", "SO_LINE"}, "DJ2", new String[] {"DJ_PAGE", "DJ_LINE"},
            "DJ2P", new String[] {"DJ_PAGE", "DJ_LINE"});
    /** Character keys AccountView pads with blanks to their length (as its answers show). */
    private static final Map<String, Integer> PADDED = Map.of("SUB_NR", 10, "ACCT_NR", 10, "SRC_CODE", 10, "ART_CODE", 10);

    private final TimeSource time;
    private final ZoneId zone;
    private final Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
    private int nextDebtor = 10_000;
    private int nextOrder = 0;
    private int nextPage = 0;
    private int nextLine = 0;

    public AccountViewBooks(TimeSource time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
        for (String t : List.of("CONTACT", "ARTICLE", "ART_GRP", "SO_HDR", "SO_LINE", "DJ_PAGE", "DJ_LINE")) {
            tables.put(t, new ArrayList<>());
        }
    }

    public List<ObjectNode> rows(String table) {
        return tables.get(table);
    }

    /** Now as AccountView writes a date-time: local, whole seconds, no zone. */
    public String now() {
        return LOCAL.format(time.now().atZone(zone));
    }

    /** Adds a row given as field → value, stamped with its change date and number. */
    public ObjectNode seed(String table, Map<String, ?> fields) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        fields.forEach((k, v) -> row.set(k, io.possync.api.internal.Json.MAPPER.valueToTree(v)));
        if (table.equals("CONTACT") && !row.hasNonNull("SUB_NR")) {
            row.put("SUB_NR", String.valueOf(++nextDebtor));
        }
        stamp(row, true);
        tables.get(table).add(row);
        return row;
    }

    /** Changes one field of the row whose {@code key} is {@code value}; its change date and number move on. */
    public void modify(String table, String key, String value, String field, Object newValue) {
        ObjectNode row = tables.get(table).stream().filter(r -> r.path(key).asText().strip().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + table + " row with " + key + " " + value));
        row.set(field, io.possync.api.internal.Json.MAPPER.valueToTree(newValue));
        stamp(row, false);
    }

    private void stamp(ObjectNode row, boolean created) {
        String now = now();
        if (created) {
            row.put("INP_DATE", now);
            row.put("CNG_NR", 0);
        }
        row.put("CNG_DATE", now);
        row.put("CNG_NR", row.path("CNG_NR").asInt() + (created ? 0 : 1));
    }

    // ------------------------------------------------------------------ reads

    /** One filter of a read. */
    public record Filter(String field, String operator, String type, String value, boolean list) {
    }

    /** The answer to a read of {@code businessObject}: its table(s), rows filtered, sorted and paged. */
    public ObjectNode read(String businessObject, List<Filter> filters, int pageSize, int pageNumber, String sortField,
                           boolean singleRowAsObject) {
        String[] t = OBJECTS.get(businessObject.toUpperCase(Locale.ROOT));
        if (t == null) {
            throw new Refusal(400, "Unknown business object " + businessObject);
        }
        List<ObjectNode> rows = new ArrayList<>(tables.get(t[0]).stream().filter(r -> filters.stream().allMatch(f -> matches(r, f))).toList());
        if (sortField != null && !sortField.isEmpty()) {
            rows.sort(Comparator.comparing(r -> r.path(sortField.toUpperCase(Locale.ROOT)).asText()));
        }
        int from = Math.min(rows.size(), Math.max(0, (pageNumber - 1) * pageSize));
        List<ObjectNode> page = rows.subList(from, Math.min(rows.size(), from + pageSize));
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        if (page.size() == 1 && singleRowAsObject && t[0].equals("ARTICLE")) {
            answer.set(t[0], padded(page.get(0)));   // the one-row-as-object quirk public clients guard against
        } else {
            ArrayNode a = answer.putArray(t[0]);
            page.forEach(r -> a.add(padded(r)));
        }
        if (t[1] != null) {
            ArrayNode lines = answer.putArray(t[1]);
            String link = t[0].equals("SO_HDR") ? "ORD_NR" : "INV_NR";
            for (ObjectNode h : page) {
                tables.get(t[1]).stream().filter(l -> l.path("_" + link).asText().equals(h.path(link).asText()))
                        .forEach(l -> lines.add(withoutHidden(l)));
            }
        }
        if (t[0].equals("CONTACT")) {
            answer.putArray("USR_LINK");
        }
        return answer;
    }

    private static ObjectNode padded(ObjectNode row) {
        ObjectNode out = withoutHidden(row);
        PADDED.forEach((field, length) -> {
            if (out.path(field).isTextual()) {
                String v = out.get(field).asText();
                out.put(field, v.length() >= length ? v : v + " ".repeat(length - v.length()));
            }
        });
        return out;
    }

    private static ObjectNode withoutHidden(ObjectNode row) {
        ObjectNode out = row.deepCopy();
        List<String> hidden = new ArrayList<>();
        out.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("_")) {
                hidden.add(n);
            }
        });
        out.remove(hidden);
        return out;
    }

    private boolean matches(ObjectNode row, Filter f) {
        String actual = row.path(f.field().toUpperCase(Locale.ROOT)).asText("").strip();
        switch (f.operator()) {
            case "Equal" -> {
                if (f.list()) {
                    return List.of(f.value().split(",")).stream().map(String::strip).anyMatch(v -> v.equalsIgnoreCase(actual));
                }
                return actual.equalsIgnoreCase(f.value().strip());
            }
            case "Contains" -> {
                return actual.toLowerCase(Locale.ROOT).contains(f.value().toLowerCase(Locale.ROOT));
            }
            case "DateOnOrAfterDate" -> {
                if (actual.isEmpty()) {
                    return false;
                }
                return !LocalDateTime.parse(actual).isBefore(foxPro(f.value()));
            }
            default -> throw new Refusal(400, "Unknown filter operator " + f.operator());
        }
    }

    /** A FoxPro date(-time) literal {@code {^yyyy-mm-dd}} or {@code {^yyyy-mm-dd hh:mm:ss}}. */
    static LocalDateTime foxPro(String literal) {
        if (!literal.startsWith("{^") || !literal.endsWith("}")) {
            throw new Refusal(400, "FilterValue " + literal + " is no date literal {^yyyy-mm-dd hh:mm:ss}");
        }
        String inner = literal.substring(2, literal.length() - 1);
        try {
            return inner.length() == 10 ? LocalDate.parse(inner).atStartOfDay() : LocalDateTime.parse(inner.replace(' ', 'T'));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refusal(400, "FilterValue " + literal + " is no date literal {^yyyy-mm-dd hh:mm:ss}");
        }
    }

    // ------------------------------------------------------------------ writes

    /** Carries out a POST (insert) or PUT (update) body; returns the answer with the rows written. */
    public ObjectNode write(String method, JsonNode body) {
        String bo = prop(body, "BusinessObject").asText("").toUpperCase(Locale.ROOT);
        String[] t = OBJECTS.get(bo);
        if (t == null || bo.equals("DJ2P") || bo.equals("AG1") || bo.equals("AK1")) {
            throw new Refusal(400, "Business object " + bo + " takes no " + method);
        }
        JsonNode table = prop(body, "Table");
        JsonNode definition = prop(table, "Definition");
        String headerTable = prop(definition, "Name").asText("").toUpperCase(Locale.ROOT);
        if (!headerTable.equals(t[0])) {
            throw new Refusal(400, "Table " + headerTable + " is not the main table of " + bo);
        }
        List<String> headerFields = fieldNames(prop(definition, "Fields"), headerTable);
        JsonNode headerRows = prop(prop(prop(body, "TableData"), "Data"), "Rows");
        if (headerRows.size() != 1) {
            throw new Refusal(400, "One header row per write, was " + headerRows.size());
        }
        ObjectNode header = row(headerTable, headerFields, prop(headerRows.get(0), "Values"));
        List<ObjectNode> lines = new ArrayList<>();
        JsonNode details = prop(table, "DetailDefinitions");
        if (t[1] != null) {
            if (!details.isArray() || details.size() != 1 || !prop(details.get(0), "Name").asText("").equalsIgnoreCase(t[1])) {
                throw new Refusal(400, bo + " needs one detail table " + t[1]);
            }
            List<String> lineFields = fieldNames(prop(details.get(0), "Fields"), t[1]);
            JsonNode lineRows = prop(prop(prop(body, "TableData"), "DetailData").path(0), "Rows");
            for (JsonNode r : lineRows) {
                lines.add(row(t[1], lineFields, prop(r, "Values")));
            }
            if (lines.isEmpty()) {
                throw new Refusal(400, bo + " without lines");
            }
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        if (method.equals("PUT")) {
            if (!bo.equals("AR1")) {
                throw new Refusal(400, "Business object " + bo + " takes no PUT");
            }
            ObjectNode existing = tables.get("CONTACT").stream().filter(r -> r.path("SUB_NR").asText().equals(header.path("SUB_NR").asText()))
                    .findFirst().orElseThrow(() -> new Refusal(404, "Debtor " + header.path("SUB_NR").asText() + " does not exist"));
            header.fields().forEachRemaining(e -> existing.set(e.getKey(), e.getValue()));
            stamp(existing, false);
            answer.putArray("CONTACT").add(withoutHidden(existing));
            return answer;
        }
        for (String m : Dictionary.mandatory(headerTable)) {
            if (header.path(m).asText("").isBlank()) {
                throw new Refusal(200, "Field " + m + " of " + headerTable + " is mandatory");
            }
        }
        switch (bo) {
            case "AR1" -> {
                if (!header.hasNonNull("SUB_NR") || header.get("SUB_NR").asText().isBlank()) {
                    header.put("SUB_NR", String.valueOf(++nextDebtor));
                } else if (tables.get("CONTACT").stream().anyMatch(r -> r.path("SUB_NR").asText().equals(header.get("SUB_NR").asText()))) {
                    throw new Refusal(200, "Debtor " + header.get("SUB_NR").asText() + " already exists");
                }
            }
            case "SO1" -> {
                header.put("ORD_NR", LocalDate.ofInstant(time.now(), zone).getYear() + String.format("%06d", ++nextOrder));
                header.put("ORD_STAT", "O");   // PROPOSAL P-17: open
            }
            case "DJ2" -> {
                if (!header.hasNonNull("INV_NR") || header.get("INV_NR").asText().isBlank()) {
                    header.put("INV_NR", String.valueOf(900_000 + ++nextPage));
                } else {
                    ++nextPage;
                }
                header.put("PAGE_NR", String.valueOf(nextPage));
            }
            default -> { }
        }
        stamp(header, true);
        tables.get(t[0]).add(header);
        answer.putArray(t[0]).add(withoutHidden(header));
        if (t[1] != null) {
            ArrayNode out = answer.putArray(t[1]);
            String link = t[0].equals("SO_HDR") ? "ORD_NR" : "INV_NR";
            for (ObjectNode l : lines) {
                l.put("_" + link, header.get(link).asText());
                if (t[1].equals("SO_LINE")) {
                    l.put("ORD_NR", header.get("ORD_NR").asText());
                }
                if (t[1].equals("DJ_LINE")) {
                    l.put("REC_ID", String.valueOf(++nextLine));
                    l.put("PAGE_NR", header.get("PAGE_NR").asText());
                    l.put("DJ_CODE", header.path("DJ_CODE").asText());
                }
                tables.get(t[1]).add(l);
                out.add(withoutHidden(l));
            }
        }
        return answer;
    }

    /** The field names of a definition, each checked against the table's dictionary; {@code RowId}/{@code HeaderId} first. */
    private static List<String> fieldNames(JsonNode fields, String table) {
        List<String> names = new ArrayList<>();
        for (JsonNode f : fields) {
            String name = prop(f, "Name").asText("");
            String type = prop(f, "FieldType").asText("");
            if (!name.equals("RowId") && !name.equals("HeaderId")) {
                Dictionary.Field known = Dictionary.field(table, name.toUpperCase(Locale.ROOT))
                        .orElseThrow(() -> new Refusal(200, "Field " + name + " does not exist in table " + table));
                boolean typeFits = known.type().equals(type) || (known.type().equals("D") && type.equals("T"))
                        || (List.of("N", "Y", "B", "I").contains(known.type()) && List.of("N", "Y", "B", "I").contains(type))
                        || (known.type().equals("M") && type.equals("C"));
                if (!typeFits) {
                    throw new Refusal(200, "Field " + name + " of " + table + " is of type " + known.type() + ", not " + type);
                }
            }
            names.add(name.equals("RowId") || name.equals("HeaderId") ? name : name.toUpperCase(Locale.ROOT));
        }
        return names;
    }

    private static ObjectNode row(String table, List<String> names, JsonNode values) {
        if (values.size() != names.size()) {
            throw new Refusal(200, table + ": " + values.size() + " values for " + names.size() + " fields");
        }
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            JsonNode v = values.get(i);
            if (name.equals("RowId") || name.equals("HeaderId")) {
                continue;
            }
            Dictionary.Field f = Dictionary.field(table, name).orElseThrow();
            if (f.type().equals("C") && f.length() > 0 && v.isTextual() && v.asText().length() > f.length()) {
                throw new Refusal(200, "Value of " + table + "." + name + " is longer than " + f.length() + " characters");
            }
            row.set(name, v);
        }
        return row;
    }

    /** A property by name, case-insensitively (clients send {@code Name} and {@code name}, {@code Values} and {@code values}). */
    static JsonNode prop(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    public Instant instantOf(String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
}
