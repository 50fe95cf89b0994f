package io.possync.connector.accountview.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Address;
import io.possync.api.CategoryPath;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.internal.Unreadable;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.AccountViewSettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AccountView rows as canonical records. Date-times come as {@code yyyy-mm-ddThh:mm:ss} without a zone
 * (read in {@link AccountView#ZONE}, UNCONFIRMED) or with an offset; an empty string is no date.
 */
public final class AccountViewConverters {

    private AccountViewConverters() {
    }

    /**
     * A debtor ({@code CONTACT} row): a company when it has a main contact ({@code MAIN_CONT}, PROPOSAL P-6),
     * else a person whose name is {@code ACCT_NAME}.
     */
    public static Customer debtor(ObjectNode row, AccountViewSettings settings) {
        String number = text(row, "SUB_NR").orElseThrow(() -> Unreadable.missing("SUB_NR"));
        String name = text(row, "ACCT_NAME").orElse("");
        Optional<String> contact = text(row, "MAIN_CONT");
        Customer.Builder c = Customer.builder(new Ref(AccountView.SYSTEM, EntityType.CUSTOMER, number), changed(row))
                .email(text(row, "MAIL_BUS").orElse(null)).phone(text(row, "TEL_BUS").orElse(null))
                .vatNumber(text(row, "VAT_NR").orElse(null)).group(text(row, "RPL_GRP").orElse(null))
                .customFields(Map.of("SUB_NR", number));
        if (contact.isPresent()) {
            c.kind(CustomerKind.COMPANY).companyName(name).contactPerson(person(contact.get()));
        } else if (!name.isEmpty()) {
            c.kind(CustomerKind.PERSON).contactPerson(person(name));
        }
        Optional<String> street = text(row, "ADDRESS1");
        if (street.isPresent() || text(row, "POST_CODE").isPresent() || text(row, "CITY").isPresent()) {
            String[] parts = splitHouseNumber(street.orElse(""));
            c.billingAddress(Address.builder().street(parts[0].isEmpty() ? null : parts[0]).houseNumber(parts[1].isEmpty() ? null : parts[1])
                    .postalCode(text(row, "POST_CODE").orElse(null)).city(text(row, "CITY").orElse(null))
                    .country(text(row, "CNT_CODE").orElse(settings.homeCountry())).build());
        }
        return c.build();
    }

    /** An article ({@code ARTICLE} row); {@code groups} names article groups by code. */
    public static Product article(ObjectNode row, Map<String, String> groups, AccountViewSettings settings) {
        String code = text(row, "ART_CODE").orElseThrow(() -> Unreadable.missing("ART_CODE"));
        AccountViewSettings.ArticleFields f = settings.articleFields();
        Product.Builder p = Product.builder(new Ref(AccountView.SYSTEM, EntityType.PRODUCT, code), code, changed(row))
                .name(text(row, "ART_DESC1").orElse(code))
                .ean(text(row, f.barcode()).orElse(null)).taxClass(text(row, f.vatCode()).orElse(null))
                .published(!row.path(f.blocked()).asBoolean(false))
                .customFields(Map.of("ART_CODE", code));
        decimal(row, "PX_SELL").ifPresent(px -> p.price(new Price(px, "EUR", settings.pricesIncludeVat())));
        text(row, "AG_CODE").ifPresent(g -> p.categories(List.of(CategoryPath.of(groups.getOrDefault(g, g)))));
        text(row, "IMG_MEDIUM").filter(i -> i.startsWith("https://") || i.startsWith("http://")).ifPresent(i -> p.imageUrls(List.of(i)));
        return p.build();
    }

    /**
     * An article's stock: {@code QTY_AVAIL}, which an integrator describes as the available stock minus
     * sales reservations (UNCONFIRMED which field holds what), as both on hand and available, nothing
     * reserved — so every stock calculation writes {@code QTY_AVAIL}.
     */
    public static StockLevel stock(ObjectNode row, Instant now) {
        String code = text(row, "ART_CODE").orElseThrow(() -> Unreadable.missing("ART_CODE"));
        BigDecimal available = decimal(row, "QTY_AVAIL").orElse(BigDecimal.ZERO);
        Instant at = row.hasNonNull("CNG_DATE") && !row.path("CNG_DATE").asText().isEmpty() ? changed(row) : now;
        return new StockLevel(new Ref(AccountView.SYSTEM, EntityType.STOCK_LEVEL, code), code, "all", available, BigDecimal.ZERO,
                available, at, Optional.empty());
    }

    /**
     * A sales order ({@code SO_HDR} row with its {@code SO_LINE} rows) as an order, for order-status flows:
     * its ref AccountView's {@code ORD_NR}, its number the source's in {@code COMMENT1} (else {@code ORD_NR}),
     * its status from the settings' status field (PROPOSAL P-17; an unknown value is unreadable). A sales
     * order line carries no VAT rate that is known, so lines have rate 0 and the totals no tax.
     */
    public static io.possync.api.Order salesOrder(ObjectNode header, List<ObjectNode> lines, AccountViewSettings settings) {
        String id = text(header, "ORD_NR").orElseThrow(() -> Unreadable.missing("ORD_NR"));
        AccountViewSettings.OrderStatusField status = settings.orderStatus();
        String value = text(header, status.field()).orElse("");
        io.possync.api.OrderStatus canonical = status.values().get(value);
        if (canonical == null) {
            throw Unreadable.value(status.field(), value, "one of " + new java.util.TreeSet<>(status.values().keySet()));
        }
        List<io.possync.api.OrderLine> out = new java.util.ArrayList<>();
        BigDecimal gross = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode l = lines.get(i);
            BigDecimal qty = decimal(l, "ORD_QTY").orElse(BigDecimal.ONE);
            BigDecimal px = decimal(l, "ART_PX").orElse(BigDecimal.ZERO);
            String sku = text(l, "ART_CODE").orElseThrow(() -> Unreadable.missing("SO_LINE[" + out.size() + "].ART_CODE"));
            out.add(io.possync.api.OrderLine.of(sku, sku, qty, px, BigDecimal.ZERO));
            gross = gross.add(qty.multiply(px));
        }
        gross = gross.subtract(decimal(header, "PD_AMT").orElse(BigDecimal.ZERO));
        Instant at = changed(header);
        Instant ordered = text(header, "ORD_DATE").map(d -> instant("ORD_DATE", d)).orElse(at);
        return io.possync.api.Order.builder(new Ref(AccountView.SYSTEM, EntityType.ORDER, id), text(header, "COMMENT1").orElse(id), at)
                .createdAt(ordered).kind(io.possync.api.OrderKind.ORDER).status(canonical).currency("EUR").lines(out)
                .totals(new io.possync.api.OrderTotals(gross, BigDecimal.ZERO, gross))
                .customFields(Map.of("ORD_NR", id, "RPL_INV", text(header, "RPL_INV").orElse(""))).build();
    }

    /** {@code CNG_DATE}, else {@code INP_DATE}; a row with neither is unreadable. */
    public static Instant changed(ObjectNode row) {
        for (String field : new String[] {"CNG_DATE", "INP_DATE"}) {
            String v = row.path(field).asText("");
            if (!v.isEmpty()) {
                return instant(field, v);
            }
        }
        throw Unreadable.missing("CNG_DATE");
    }

    static Instant instant(String field, String v) {
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(AccountView.ZONE).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(AccountView.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw Unreadable.value(field, v, "a date-time yyyy-mm-ddThh:mm:ss");
        }
    }

    private static Optional<String> text(JsonNode row, String field) {
        JsonNode v = row.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return Optional.empty();
        }
        String s = v.asText().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<BigDecimal> decimal(JsonNode row, String field) {
        JsonNode v = row.path(field);
        if (v.isNumber()) {
            return Optional.of(v.decimalValue());
        }
        Optional<String> t = text(row, field);
        try {
            return t.map(BigDecimal::new);
        } catch (NumberFormatException e) {
            throw Unreadable.value(field, t.get(), "a number");
        }
    }

    private static ContactPerson person(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? new ContactPerson(Optional.empty(), Optional.of(name))
                : new ContactPerson(Optional.of(name.substring(0, space)), Optional.of(name.substring(space + 1)));
    }

    /** "Damrak 12a" → ["Damrak", "12a"]; no number → [street, ""]. */
    private static String[] splitHouseNumber(String address) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?)\\s+(\\d+\\S*)$").matcher(address);
        return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {address, ""};
    }
}
