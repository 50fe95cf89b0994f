package io.possync.testkit.accountview.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.internal.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AccountView's field dictionaries ({@code DCT_FLD}: name, type, length, mandatory) of the tables the
 * sandbox keeps, from the public files the build copies into the testkit ({@code contact.json},
 * {@code dj_page.json}, {@code dj_line.json}). ARTICLE, SO_HDR and SO_LINE have no public dictionary:
 * their fields are those public clients read and write, with no length known, plus the order number and
 * status the connector's PROPOSALs P-10 and P-17 name.
 */
public final class Dictionary {

    /** One field: its type letter, length (0: unknown) and whether input is mandatory. */
    public record Field(String name, String type, int length, boolean mandatory) {
    }

    /** Keys AccountView fills itself when a write leaves them out (numbers, page and line codes). */
    static final Set<String> SYSTEM_FILLED = Set.of("SUB_NR", "PAGE_NR", "REC_ID", "SRC_ID", "SRC_TYPE", "DJ_CODE", "TRN_DATE");

    private static final Map<String, Map<String, Field>> TABLES = new HashMap<>();

    static {
        for (String table : new String[] {"contact", "dj_page", "dj_line"}) {
            TABLES.put(table.toUpperCase(java.util.Locale.ROOT), load(table));
        }
        TABLES.put("ARTICLE", fields("ART_CODE:C:10", "ART_DESC1:C:0", "AG_CODE:C:0", "PX_SELL:N:0", "QTY_AVAIL:N:0", "EAN_CODE:C:0",
                "VAT_CODE:C:2", "REC_BLK:L:0", "IMG_MEDIUM:C:0", "IMG_M_DATA:M:0"));
        TABLES.put("ART_GRP", fields("AG_CODE:C:0", "AG_DESC:C:0"));
        TABLES.put("SO_HDR", fields("INV_DATE:T:0", "RPL_INV:C:10", "DEL_DATE:T:0", "COMMENT1:C:0", "ORD_DATE:T:0", "RPL_DEL:C:10",
                "TO_EMAIL:C:0", "PD_AMT:N:0", "DEL_CODE:C:0", "ORD_NR:C:0", "ORD_STAT:C:1"));
        TABLES.put("SO_LINE", fields("DEL_DATE:T:0", "ART_CODE:C:10", "ORD_QTY:N:0", "ART_PX:N:0", "ORD_NR:C:0"));
    }

    private Dictionary() {
    }

    /** The field {@code name} of {@code table}, if the table has it. */
    public static Optional<Field> field(String table, String name) {
        return Optional.ofNullable(TABLES.getOrDefault(table, Map.of()).get(name));
    }

    /** The fields of {@code table} input must give (those AccountView fills itself left out). */
    public static Set<String> mandatory(String table) {
        Set<String> out = new java.util.LinkedHashSet<>();
        TABLES.getOrDefault(table, Map.of()).values().stream().filter(Field::mandatory).map(Field::name)
                .filter(n -> !SYSTEM_FILLED.contains(n)).forEach(out::add);
        return out;
    }

    private static Map<String, Field> load(String table) {
        String resource = "/io/possync/testkit/accountview/fields/" + table + ".json";
        try (InputStream in = Dictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the AccountView dictionary " + resource + " is not on the class path");
            }
            Map<String, Field> out = new LinkedHashMap<>();
            for (JsonNode f : Json.MAPPER.readTree(in)) {
                out.put(f.path("FIELD_NAME").asText(), new Field(f.path("FIELD_NAME").asText(), f.path("FIELD_TYPE").asText(),
                        f.path("FIELD_LEN").asInt(), f.path("INP_MAND").asBoolean()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("the AccountView dictionary " + resource + " cannot be read", e);
        }
    }

    private static Map<String, Field> fields(String... specs) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (String s : specs) {
            String[] p = s.split(":");
            out.put(p[0], new Field(p[0], p[1], Integer.parseInt(p[2]), false));
        }
        return out;
    }
}
