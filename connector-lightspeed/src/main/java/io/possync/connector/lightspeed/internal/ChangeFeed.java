package io.possync.connector.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.api.internal.Unreadable;
import io.possync.connector.lightspeed.LightspeedRetail;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * An incremental read of one resource by {@code timeStamp}: the first request filters
 * {@code timeStamp >= (last seen − overlap)} sorted by {@code timeStamp}, later pages follow the
 * server's {@code @attributes.next} verbatim. Records already delivered with the same time stamp
 * (re-read through the overlap, or equal time stamps around a page boundary) are dropped when their
 * content is unchanged too, so a read with no changes delivers nothing and a change within the second
 * of the last read is not lost.
 *
 * An older answer paged by offset ({@code @attributes} {@code count}, {@code offset}, {@code limit},
 * no {@code next}) is read on by offset.
 *
 * <p>The cursor is JSON: {@code since} (the time stamp the next read starts from), {@code next}
 * (the server's link while paging), {@code offset} (while paging an offset-paged answer), {@code max} and {@code seen} (id → time stamp and content
 * fingerprint of records delivered within the overlap window).
 */
public final class ChangeFeed<T extends CanonicalRecord> {

    private static final DateTimeFormatter FILTER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final LightspeedRetailSession session;
    private final String resource;
    private final String idField;
    private final EntityType type;
    private final Map<String, String> filters;
    private final List<String> relations;
    private final Function<JsonNode, List<T>> convert;

    /**
     * A feed of {@code resource} with fixed {@code filters} (e.g. {@code completed=true}) and
     * {@code relations}; {@code convert} turns one answer record into zero or more canonical records.
     */
    public ChangeFeed(LightspeedRetailSession session, String resource, String idField, EntityType type, Map<String, String> filters,
                      List<String> relations, Function<JsonNode, List<T>> convert) {
        this.session = session;
        this.resource = resource;
        this.idField = idField;
        this.type = type;
        this.filters = new LinkedHashMap<>(filters);
        this.relations = List.copyOf(relations);
        this.convert = convert;
    }

    /** The next page of changes after {@code cursor}, at most {@code limit} records requested. */
    public Page<T> read(Cursor cursor, int limit) {
        ObjectNode state = parse(cursor);
        Duration overlap = session.settings().overlap();
        JsonNode answer;
        if (state.hasNonNull("next")) {
            answer = session.follow(state.get("next").asText());
        } else {
            Map<String, String> query = new LinkedHashMap<>(filters);
            if (state.hasNonNull("since")) {
                Instant from = Instant.parse(state.get("since").asText()).minus(overlap);
                query.put("timeStamp", ">=," + FILTER.format(from.atOffset(ZoneOffset.UTC)));
            }
            query.put("sort", "timeStamp");
            query.put("limit", String.valueOf(Math.max(1, Math.min(limit, session.settings().connection().pageSize()))));
            if (!relations.isEmpty()) {
                query.put("load_relations", LightspeedRetailSession.relations(relations));
            }
            if (state.hasNonNull("offset")) {
                query.put("offset", state.get("offset").asText());
            }
            answer = session.list(resource, query);
        }
        ObjectNode seen = state.has("seen") ? (ObjectNode) state.get("seen") : JsonNodeFactory.instance.objectNode();
        Instant max = state.hasNonNull("max") ? Instant.parse(state.get("max").asText())
                : state.hasNonNull("since") ? Instant.parse(state.get("since").asText()) : null;
        List<T> records = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        List<JsonNode> rows = Lenient.list(answer, resource);
        for (int position = 0; position < rows.size(); position++) {
            JsonNode row = rows.get(position);
            String id = row.path(idField).isValueNode() ? Lenient.text(row, idField).orElse("") : "";
            String stamp = row.path("timeStamp").isValueNode() ? Lenient.text(row, "timeStamp").orElse("") : "";
            // Time stamps have whole seconds: a record changed again within the second it was read keeps its stamp,
            // so what was delivered is remembered as stamp and content, and only the same content is dropped.
            String version = stamp + "|" + contentOf(row);
            if (!id.isEmpty() && version.equals(seen.path(id).asText(null))) {
                continue;
            }
            Instant at;
            try {
                at = Lenient.instant(row, "timeStamp").orElse(null);
                records.addAll(convert.apply(row));
            } catch (RuntimeException e) {
                // One record Lightspeed sent in a shape we cannot read; the rest of the page goes on.
                Ref ref = new Ref(LightspeedRetail.SYSTEM, type, id.isEmpty() ? "(no " + idField + ", row " + (position + 1) + ")" : id);
                unreadable.add(Unreadable.record(ref, e));
                at = stamp.isEmpty() ? null : safeInstant(row);
            }
            if (at != null) {
                if (max == null || at.isAfter(max)) {
                    max = at;
                }
                seen.put(id, version);
            }
        }
        if (max != null) {
            prune(seen, max.minus(overlap).truncatedTo(ChronoUnit.SECONDS));
        }
        String next = answer.path("@attributes").path("next").asText("");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        OptionalLong nextOffset = next.isEmpty() ? nextOffset(answer.path("@attributes")) : OptionalLong.empty();
        if (nextOffset.isPresent()) {
            if (state.hasNonNull("since")) {
                out.put("since", state.get("since").asText());
            }
            out.put("offset", nextOffset.getAsLong());
            if (max != null) {
                out.put("max", max.toString());
            }
            out.set("seen", seen);
            return new Page<>(records, unreadable, Cursor.of(out.toString()), true);
        }
        if (!next.isEmpty()) {
            if (state.hasNonNull("since")) {
                out.put("since", state.get("since").asText());
            }
            out.put("next", next);
            if (max != null) {
                out.put("max", max.toString());
            }
            out.set("seen", seen);
            return new Page<>(records, unreadable, Cursor.of(out.toString()), true);
        }
        if (max != null) {
            out.put("since", max.toString());
        }
        out.set("seen", seen);
        return new Page<>(records, unreadable, Cursor.of(out.toString()), false);
    }

    /**
     * The offset of the next page of an older, offset-paged answer ({@code @attributes} with {@code count},
     * {@code offset} and {@code limit} and no {@code next}); empty on its last page.
     */
    private static OptionalLong nextOffset(JsonNode attributes) {
        try {
            long count = Long.parseLong(attributes.path("count").asText("-1"));
            long offset = Long.parseLong(attributes.path("offset").asText("-1"));
            long limit = Long.parseLong(attributes.path("limit").asText("-1"));
            return count >= 0 && offset >= 0 && limit > 0 && offset + limit < count ? OptionalLong.of(offset + limit) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Instant safeInstant(JsonNode row) {
        try {
            return Lenient.instant(row, "timeStamp").orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A short fingerprint of a row's own values, to tell two versions with one time stamp apart. Loaded
     * relations (a sale's customer, an item's shops) are left out: they change without the row changing.
     */
    private static String contentOf(JsonNode row) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        row.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                crc.update((f.getKey() + "=" + f.getValue().asText() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return Long.toHexString(crc.getValue());
    }

    private static void prune(ObjectNode seen, Instant oldest) {
        Iterator<Map.Entry<String, JsonNode>> it = seen.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String version = e.getValue().asText("");
            Instant at = Lenient.instant(JsonNodeFactory.instance.objectNode().put("t", version.substring(0, Math.max(0, version.indexOf('|')))),
                    "t").orElse(Instant.MIN);
            if (at.isBefore(oldest)) {
                it.remove();
            }
        }
    }

    private static ObjectNode parse(Cursor cursor) {
        if (cursor.isInitial()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(cursor.value());
            if (node instanceof ObjectNode o) {
                return o.deepCopy();
            }
        } catch (IOException e) {
            // falls through
        }
        throw new IllegalArgumentException("not a Lightspeed change cursor: " + cursor.value());
    }
}
