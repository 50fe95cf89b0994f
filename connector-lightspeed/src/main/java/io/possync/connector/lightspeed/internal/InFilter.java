package io.possync.connector.lightspeed.internal;

import java.util.ArrayList;
import java.util.List;

/** Lookups of many values in one request with the V3 {@code IN} operator ({@code customSku=IN,[a,b]}). */
public final class InFilter {

    /** Values per request: keeps URLs well under common limits. */
    public static final int CHUNK = 50;

    private InFilter() {
    }

    /** Whether {@code value} can go into an IN list (the list syntax has no escaping for commas or brackets). */
    public static boolean listable(String value) {
        return !value.contains(",") && !value.contains("[") && !value.contains("]") && !value.contains("\"");
    }

    /** The {@code IN,[…]} expression for {@code values}. */
    public static String of(List<String> values) {
        return "IN,[" + String.join(",", values) + "]";
    }

    /** {@code values} in chunks of {@link #CHUNK}. */
    public static List<List<String>> chunks(List<String> values) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i += CHUNK) {
            out.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
        }
        return out;
    }
}
