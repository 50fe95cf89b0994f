package io.possync.connector.accountview.internal;

import io.possync.api.http.ApiRequest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A read of one business object ({@code GET /accountviewdata}): {@code BusinessObject}, paging by
 * {@code PageSize} and 1-based {@code PageNumber} (PROPOSAL P-4) with a stable {@code SortFields} key,
 * and filters {@code FilterControlSource{n}}, {@code FilterOperator{n}}, {@code FilterValueType{n}},
 * {@code FilterValue{n}}, {@code FilterIsListOfValues{n}} (several are combined with AND — UNCONFIRMED).
 * Date-times go as FoxPro literals {@code {^yyyy-mm-dd hh:mm:ss}}.
 */
public final class DataQuery {

    private static final DateTimeFormatter FOXPRO = DateTimeFormatter.ofPattern("'{^'yyyy-MM-dd HH:mm:ss'}'");

    private record Filter(String field, String operator, String type, String value, boolean list) {
    }

    private final String businessObject;
    private final List<Filter> filters = new ArrayList<>();
    private int pageSize = 200;
    private int pageNumber = 1;
    private String sortField;

    private DataQuery(String businessObject) {
        this.businessObject = businessObject;
    }

    /** A read of {@code businessObject} ({@code AR1}, {@code AK1} …). */
    public static DataQuery of(String businessObject) {
        return new DataQuery(businessObject);
    }

    /** Rows whose character field {@code field} equals {@code value}. */
    public DataQuery equal(String field, String value) {
        filters.add(new Filter(field, "Equal", "C", value, false));
        return this;
    }

    /** Rows whose character field {@code field} equals one of {@code values}. */
    public DataQuery oneOf(String field, Collection<String> values) {
        filters.add(new Filter(field, "Equal", "C", String.join(",", values), true));
        return this;
    }

    /** Rows whose date-time field {@code field} is on or after {@code at} (local time in {@code zone}). */
    public DataQuery onOrAfter(String field, Instant at, ZoneId zone) {
        filters.add(new Filter(field, "DateOnOrAfterDate", "T", FOXPRO.format(at.atZone(zone)), false));
        return this;
    }

    /** Page {@code number} (1-based) of {@code size} rows, sorted by {@code sortField}. */
    public DataQuery page(int number, int size, String sortField) {
        this.pageNumber = number;
        this.pageSize = size;
        this.sortField = sortField;
        return this;
    }

    /** The page size asked for. */
    public int pageSize() {
        return pageSize;
    }

    /** The request. */
    ApiRequest request(String companyId) {
        ApiRequest.Builder b = ApiRequest.get("accountviewdata").header("Accept", "application/json").header("X-Company", companyId)
                .query("BusinessObject", businessObject).query("PageSize", String.valueOf(pageSize))
                .query("PageNumber", String.valueOf(pageNumber)).accept(404);
        if (sortField != null) {
            b.query("SortFields", sortField).query("SortOrder", "ascending");
        }
        for (int i = 0; i < filters.size(); i++) {
            Filter f = filters.get(i);
            String n = String.valueOf(i + 1);
            b.query("FilterControlSource" + n, f.field()).query("FilterOperator" + n, f.operator())
                    .query("FilterValueType" + n, f.type()).query("FilterValue" + n, f.value())
                    .query("FilterIsListOfValues" + n, String.valueOf(f.list()));
        }
        return b.build();
    }
}
