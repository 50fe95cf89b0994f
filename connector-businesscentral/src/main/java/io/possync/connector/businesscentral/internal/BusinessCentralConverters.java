package io.possync.connector.businesscentral.internal;

import io.possync.connector.businesscentral.BusinessCentral;
import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.Address;
import io.possync.api.CategoryPath;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.Money;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderLine;
import io.possync.api.OrderStatus;
import io.possync.api.OrderTotals;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.internal.Unreadable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Business Central API v2.0 rows to the canonical model, one method per entity. */
public final class BusinessCentralConverters {

    private static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

    private BusinessCentralConverters() {
    }

    /** Decodes OData's XML-escaped enum members: {@code In_x0020_Review} → {@code In Review}. */
    public static String decodeEnum(String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("_x", i) && i + 7 <= value.length() && value.charAt(i + 6) == '_') {
                try {
                    out.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
                    i += 7;
                    continue;
                } catch (NumberFormatException ignored) {
                    // not an escape
                }
            }
            out.append(value.charAt(i++));
        }
        return out.toString();
    }

    /** Encodes a caption as an OData enum member: {@code Non-Inventory} → {@code Non_x002D_Inventory}. */
    public static String encodeEnum(String caption) {
        StringBuilder out = new StringBuilder();
        for (char c : caption.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '_') {
                out.append(c);
            } else {
                out.append(String.format("_x%04X_", (int) c));
            }
        }
        return out.toString();
    }

    private static Optional<String> text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isContainerNode()) {
            throw Unreadable.value(field, value, "text");
        }
        String v = value.asText("");
        return v.isBlank() || v.equals(EMPTY_GUID) ? Optional.empty() : Optional.of(v);
    }

    /** A JSON number, as Business Central writes Edm.Decimal; missing or null is zero, anything else is unreadable. */
    private static BigDecimal decimal(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return BigDecimal.ZERO;
        }
        if (!value.isNumber()) {
            throw Unreadable.value(field, value, "a number");
        }
        return value.decimalValue();
    }

    private static boolean bool(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw Unreadable.value(field, value, "true or false");
        }
        return value.booleanValue();
    }

    /** An enum member (decoded) that must be one of {@code known}; missing is {@code fallback}. */
    private static String member(JsonNode row, String field, String fallback, java.util.Set<String> known) {
        String value = decodeEnum(text(row, field).orElse(fallback));
        if (!known.contains(value)) {
            throw Unreadable.value(field, value, "one of " + String.join(", ", new java.util.TreeSet<>(known)));
        }
        return value;
    }

    /** The row's id; a row without one is unreadable. */
    private static String id(JsonNode row) {
        return text(row, "id").orElseThrow(() -> Unreadable.missing("id"));
    }

    private static Instant modified(JsonNode row) {
        return text(row, "lastModifiedDateTime").map(v -> {
            try {
                return Instant.parse(v);
            } catch (java.time.format.DateTimeParseException e) {
                throw Unreadable.value("lastModifiedDateTime", v, "a time stamp");
            }
        }).orElse(Instant.EPOCH);
    }

    /**
     * A posted sales shipment as its order, shipped: the order's number ({@code orderNumber}), the shipped item lines
     * ({@code salesShipmentLines}) with their amounts, and the shipment's number and {@code externalDocumentNumber} as
     * custom fields. The ref is the shipment's; the shipments source puts the order's in its place.
     */
    public static Order shipment(JsonNode row, String currency) {
        String orderNumber = text(row, "orderNumber").orElseThrow(() -> Unreadable.missing("orderNumber"));
        boolean includesTax = bool(row, "pricesIncludeTax");
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (JsonNode line : row.path("salesShipmentLines")) {
            if (!decodeEnum(line.path("lineType").asText("Item")).equals("Item")) {
                continue;
            }
            BigDecimal quantity = decimal(line, "quantity");
            BigDecimal price = decimal(line, "unitPrice");
            BigDecimal rate = decimal(line, "taxPercent");
            BigDecimal discount = quantity.multiply(price).multiply(decimal(line, "discountPercent"))
                    .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
            BigDecimal amount = quantity.multiply(price).subtract(discount);
            BigDecimal factor = BigDecimal.ONE.add(rate.movePointLeft(2));
            net = net.add(includesTax ? amount.divide(factor, 2, java.math.RoundingMode.HALF_UP) : amount);
            gross = gross.add(includesTax ? amount : amount.multiply(factor).setScale(2, java.math.RoundingMode.HALF_UP));
            lines.add(new OrderLine(line.path("lineObjectNumber").asText("?"), Optional.empty(), line.path("description").asText(""),
                    quantity, price, rate, discount));
        }
        Instant modified = lenientModified(row);
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        text(row, "number").ifPresent(n -> fields.put("shipmentNumber", n));
        text(row, "externalDocumentNumber").ifPresent(e -> fields.put("externalDocumentNumber", e));
        return Order.builder(new Ref(BusinessCentral.SYSTEM, EntityType.ORDER, id(row)), orderNumber, modified)
                .kind(OrderKind.ORDER)
                .status(OrderStatus.SHIPPED)
                .createdAt(text(row, "postingDate").filter(d -> !d.startsWith("0001")).map(d -> day("postingDate", d)).orElse(modified))
                .currency(text(row, "currencyCode").orElse(currency))
                .pricesIncludeTax(includesTax)
                .lines(lines)
                .totals(new OrderTotals(net, gross.subtract(net), gross))
                .customFields(fields)
                .raw(row)
                .build();
    }

    /** {@code lastModifiedDateTime} as a time stamp, or a date (as the shipment documentation's example has it) at midnight UTC. */
    private static Instant lenientModified(JsonNode row) {
        Optional<String> value = text(row, "lastModifiedDateTime");
        if (value.isPresent() && value.get().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return day("lastModifiedDateTime", value.get());
        }
        return modified(row);
    }

    /** A customer row. */
    public static Customer customer(JsonNode row) {
        boolean company = member(row, "type", "Company", java.util.Set.of("Company", "Person")).equals("Company");
        String name = row.path("displayName").asText("");
        Customer.Builder b = Customer.builder(new Ref(BusinessCentral.SYSTEM, EntityType.CUSTOMER, id(row)), modified(row))
                .kind(company ? CustomerKind.COMPANY : CustomerKind.PERSON)
                .email(text(row, "email").orElse(null))
                .phone(text(row, "phoneNumber").orElse(null))
                .vatNumber(text(row, "taxRegistrationNumber").orElse(null))
                .raw(row);
        if (company) {
            b.companyName(name);
        } else {
            b.contactPerson(ContactPerson.of(null, name));
        }
        text(row, "country").ifPresent(country -> b.billingAddress(Address.builder()
                .street(text(row, "addressLine1").orElse(null)).city(text(row, "city").orElse(null))
                .region(text(row, "state").orElse(null)).postalCode(text(row, "postalCode").orElse(null))
                .country(country).build()));
        return b.build();
    }

    /** An item row. */
    public static Product item(JsonNode row, String currency) {
        String type = member(row, "type", "Inventory", java.util.Set.of("Inventory", "Service", "Non-Inventory"));
        Product.Builder b = Product.builder(new Ref(BusinessCentral.SYSTEM, EntityType.PRODUCT, id(row)),
                        row.path("number").asText(), modified(row))
                .name(row.path("displayName").asText(row.path("number").asText()))
                .ean(text(row, "gtin").orElse(null))
                .type(type.equals("Inventory") ? ProductType.SIMPLE : ProductType.VIRTUAL)
                .published(!bool(row, "blocked"))
                .taxClass(text(row, "taxGroupCode").orElse(null))
                .raw(row);
        if (row.has("unitPrice")) {
            b.price(new Price(decimal(row, "unitPrice"), currency, bool(row, "priceIncludesTax")));
        }
        if (row.has("unitCost")) {
            b.cost(new Money(decimal(row, "unitCost"), currency));
        }
        text(row, "itemCategoryCode").ifPresent(c -> b.categories(List.of(CategoryPath.of(c))));
        return b.build();
    }

    /** An item row's total inventory as a stock level (Business Central's standard API has no per-location stock). */
    public static StockLevel stock(JsonNode row) {
        BigDecimal inventory = decimal(row, "inventory");
        String sku = row.path("number").asText();
        return new StockLevel(new Ref(BusinessCentral.SYSTEM, EntityType.STOCK_LEVEL, sku + "@ALL"), sku, "ALL", inventory,
                BigDecimal.ZERO, inventory, modified(row), Optional.of(row));
    }

    /** A sales invoice or order row, with its lines when expanded. */
    public static Order salesDocument(JsonNode row, OrderKind kind, String linesSet, String currency) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode line : row.path(linesSet)) {
            if (!decodeEnum(line.path("lineType").asText("Item")).equals("Item")) {
                continue;
            }
            lines.add(new OrderLine(line.path("lineObjectNumber").asText("?"), Optional.empty(),
                    line.path("description").asText(""), decimal(line, "quantity"),
                    decimal(line, "unitPrice"), decimal(line, "taxPercent"),
                    decimal(line, "discountAmount")));
        }
        String status = member(row, "status", "Draft", java.util.Set.of(" ", "Draft", "In Review", "Open", "Paid", "Canceled",
                "Corrective"));
        OrderStatus canonical = switch (status) {
            case "Paid" -> OrderStatus.PAID;
            case "Canceled" -> OrderStatus.CANCELLED;
            case "Open" -> kind == OrderKind.INVOICE ? OrderStatus.COMPLETED : OrderStatus.OPEN;
            default -> OrderStatus.OPEN;
        };
        // A sales order whose lines are all shipped is shipped, whatever its document status says.
        if (kind == OrderKind.ORDER && canonical == OrderStatus.OPEN && row.path("fullyShipped").asBoolean(false)) {
            canonical = OrderStatus.SHIPPED;
        }
        String date = text(row, kind == OrderKind.INVOICE ? "invoiceDate" : "orderDate").orElse(null);
        Instant created = date == null || date.startsWith("0001") ? modified(row) : day(kind == OrderKind.INVOICE ? "invoiceDate"
                : "orderDate", date);
        BigDecimal gross = decimal(row, "totalAmountIncludingTax");
        BigDecimal net = decimal(row, "totalAmountExcludingTax");
        return Order.builder(new Ref(BusinessCentral.SYSTEM, EntityType.ORDER, id(row)),
                        row.path("number").asText(), modified(row))
                .kind(kind)
                .status(canonical)
                .createdAt(created)
                .currency(text(row, "currencyCode").orElse(currency))
                .pricesIncludeTax(bool(row, "pricesIncludeTax"))
                .lines(lines)
                .totals(new OrderTotals(net, decimal(row, "totalTaxAmount"), gross))
                .customFields(text(row, "externalDocumentNumber").map(e -> java.util.Map.of("externalDocumentNumber", e))
                        .orElse(java.util.Map.of()))
                .raw(row)
                .build();
    }

    private static Instant day(String field, String date) {
        try {
            return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw Unreadable.value(field, date, "a date");
        }
    }
}
