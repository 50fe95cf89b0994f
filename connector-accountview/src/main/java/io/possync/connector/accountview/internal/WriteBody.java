package io.possync.connector.accountview.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a write ({@code POST} or {@code PUT /accountviewdata}): {@code BookDate}, {@code BusinessObject},
 * the header table's definition ({@code RowId} first, then each field with its type letter), the
 * detail tables' definitions ({@code RowId}, {@code HeaderId}, fields), and the values as positional
 * arrays in definition order; a detail row's {@code HeaderId} is its header row's {@code RowId}.
 * Property names as the Go client writes them ({@code Name}, {@code Values}).
 */
public final class WriteBody {

    private static final DateTimeFormatter BOOK_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** One table's fields, in order, with their type letters ({@code C}, {@code N}, {@code T}, {@code L}). */
    public static final class Row {
        private final Map<String, String> types = new LinkedHashMap<>();
        private final Map<String, JsonNode> values = new LinkedHashMap<>();

        /** A field with its type letter and value (a JSON text, number or boolean). */
        public Row put(String field, String type, JsonNode value) {
            types.put(field, type);
            values.put(field, value);
            return this;
        }

        public Row text(String field, String value) {
            return put(field, "C", JsonNodeFactory.instance.textNode(value));
        }

        public Row number(String field, java.math.BigDecimal value) {
            return put(field, "N", JsonNodeFactory.instance.numberNode(value));
        }

        public Row dateTime(String field, Instant value) {
            return put(field, "T", JsonNodeFactory.instance.textNode(BOOK_DATE.format(value)));
        }

        public Row bool(String field, boolean value) {
            return put(field, "L", JsonNodeFactory.instance.booleanNode(value));
        }

        public Map<String, JsonNode> values() {
            return values;
        }
    }

    private WriteBody() {
    }

    /** The body writing {@code header} into {@code table} of {@code businessObject}, with {@code lines} into {@code lineTable}. */
    public static ObjectNode of(String businessObject, Instant bookDate, String table, Row header, String lineTable, List<Row> lines) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("BookDate", BOOK_DATE.format(bookDate));
        body.put("BusinessObject", businessObject);
        ObjectNode definition = body.putObject("Table").putObject("Definition");
        definition.put("Name", table);
        fields(definition.putArray("Fields"), List.of("RowId"), header);
        ObjectNode data = body.putObject("TableData");
        ArrayNode values = data.putObject("Data").putArray("Rows").addObject().putArray("Values");
        values.add("1");
        header.values.values().forEach(values::add);
        if (lineTable != null) {
            List<String> columns = new ArrayList<>();
            lines.forEach(l -> l.types.keySet().forEach(f -> {
                if (!columns.contains(f)) {
                    columns.add(f);
                }
            }));
            ObjectNode detail = ((ObjectNode) body.get("Table")).putArray("DetailDefinitions").addObject();
            detail.put("Name", lineTable);
            ArrayNode fields = detail.putArray("Fields");
            fields.addObject().put("Name", "RowId").put("FieldType", "C");
            fields.addObject().put("Name", "HeaderId").put("FieldType", "C");
            for (String c : columns) {
                String type = lines.stream().map(l -> l.types.get(c)).filter(java.util.Objects::nonNull).findFirst().orElse("C");
                fields.addObject().put("Name", c).put("FieldType", type);
            }
            ArrayNode rows = data.putArray("DetailData").addObject().putArray("Rows");
            for (int i = 0; i < lines.size(); i++) {
                ArrayNode v = rows.addObject().putArray("Values");
                v.add(String.valueOf(i + 1)).add("1");
                Row line = lines.get(i);
                columns.forEach(c -> v.add(line.values.getOrDefault(c, JsonNodeFactory.instance.nullNode())));
            }
        }
        return body;
    }

    private static void fields(ArrayNode fields, List<String> leading, Row row) {
        leading.forEach(f -> fields.addObject().put("Name", f).put("FieldType", "C"));
        row.types.forEach((f, t) -> fields.addObject().put("Name", f).put("FieldType", t));
    }
}
