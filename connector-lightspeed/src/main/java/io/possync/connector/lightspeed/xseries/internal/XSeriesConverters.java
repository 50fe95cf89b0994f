package io.possync.connector.lightspeed.xseries.internal;

import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.Address;
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
import io.possync.api.Payment;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.internal.Unreadable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * API 2.0 records into the canonical model. Field names are those of the public API reference
 * (see the connector README); amounts are read exactly from their JSON text, never through double.
 */
public final class XSeriesConverters {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final XSeriesSession session;

    public XSeriesConverters(XSeriesSession session) {
        this.session = session;
    }

    /** A product; a variant's parent SKU is its family parent's SKU (fetched once when not yet seen). */
    public Product product(JsonNode p) {
        String id = id(p, "id");
        String sku = text(p, "sku").orElse(id);
        Optional<String> parentId = text(p, "variant_parent_id");
        // has_variants marks every product of a family; only one without option values is the family's parent. A
        // product with option values whose answer names no parent (UNCONFIRMED whether every child names one) is
        // sold as itself.
        boolean hasOptionValues = p.path("variant_options").isArray() && !p.path("variant_options").isEmpty();
        ProductType type = parentId.isPresent() ? ProductType.VARIANT
                : p.path("has_variants").asBoolean(false) && !hasOptionValues ? ProductType.CONFIGURABLE : ProductType.SIMPLE;
        Product.Builder b = Product.builder(new Ref(LightspeedXSeries.SYSTEM, EntityType.PRODUCT, id), sku, instant(p, "updated_at"))
                .name(text(p, "variant_name").or(() -> text(p, "name")).orElse(sku))
                .type(type)
                .published(p.path("active").asBoolean(true) && p.path("deleted_at").isNull())
                .raw(p);
        if (!p.path("has_inventory").asBoolean(true)) {
            b.stockManaged(false);
        }
        ean(p).ifPresent(b::ean);
        String currency = session.settings().currency();
        decimal(p, session.settings().pricesIncludeTax() ? "price_including_tax" : "price_excluding_tax")
                .ifPresent(a -> b.price(new Price(a, currency, session.settings().pricesIncludeTax())));
        decimal(p, "supply_price").filter(c -> c.signum() > 0).ifPresent(c -> b.cost(new Money(c, currency)));
        text(p, "description").ifPresent(b::description);
        parentId.flatMap(session::product).flatMap(parent -> text(parent, "sku")).ifPresent(b::parentSku);
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode o : p.path("variant_options")) {
            text(o, "name").ifPresent(name -> text(o, "value").ifPresent(v -> options.put(name.toLowerCase(Locale.ROOT), v)));
        }
        b.attributes(options);
        text(p, "image_url").ifPresent(u -> b.imageUrls(List.of(u)));
        // Product types are now product categories (the OpenAPI document): a product's category is its product_type_id.
        text(p, "product_type_id").flatMap(c -> session.categories().path(c)).ifPresent(c -> b.categories(List.of(c)));
        return b.build();
    }

    /** A customer: a company (with its contact person) when {@code company_name} is set, else a person. */
    public Customer customer(JsonNode c) {
        String id = id(c, "id");
        Optional<String> company = text(c, "company_name");
        Customer.Builder b = Customer.builder(new Ref(LightspeedXSeries.SYSTEM, EntityType.CUSTOMER, id), instant(c, "updated_at"))
                .kind(company.isPresent() ? CustomerKind.COMPANY : CustomerKind.PERSON)
                .raw(c);
        company.ifPresent(b::companyName);
        Optional<String> first = text(c, "first_name");
        Optional<String> last = text(c, "last_name");
        if (first.isPresent() || last.isPresent()) {
            b.contactPerson(ContactPerson.of(first.orElse(null), last.orElse(null)));
        }
        text(c, "email").ifPresent(b::email);
        text(c, "mobile").or(() -> text(c, "phone")).ifPresent(b::phone);
        text(c, "customer_group_id").ifPresent(b::group);
        text(c, "physical_country_id").map(v -> v.toUpperCase(Locale.ROOT)).ifPresent(country -> {
            Address.Builder a = Address.builder().country(country);
            String street = String.join(" ", text(c, "physical_address_1").orElse(""), text(c, "physical_address_2").orElse("")).trim();
            if (!street.isEmpty()) {
                a.street(street);
            }
            text(c, "physical_postcode").ifPresent(a::postalCode);
            text(c, "physical_city").ifPresent(a::city);
            text(c, "physical_state").ifPresent(a::region);
            b.billingAddress(a.build());
            b.shippingAddress(a.build());
        });
        Map<String, String> custom = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            String field = "custom_field_" + i;
            text(c, field).ifPresent(v -> custom.put(field, v));
        }
        b.customFields(custom);
        return b.build();
    }

    /**
     * A sale with its line items (SKU from the product), payments and customer. The tax rate of a line
     * is its unit tax over its unit price, to two decimals.
     */
    public Order sale(JsonNode s) {
        String id = id(s, "id");
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode l : s.path("line_items")) {
            String productId = text(l, "product_id").orElse("");
            String sku = session.product(productId).flatMap(p -> text(p, "sku")).orElse("product:" + productId);
            String description = session.product(productId).flatMap(p -> text(p, "variant_name").or(() -> text(p, "name"))).orElse("");
            BigDecimal unitPrice = decimal(l, "unit_price").orElse(BigDecimal.ZERO);
            BigDecimal unitTax = decimal(l, "unit_tax").orElse(BigDecimal.ZERO);
            BigDecimal rate = unitPrice.signum() == 0 ? BigDecimal.ZERO
                    : unitTax.multiply(HUNDRED).divide(unitPrice, 2, RoundingMode.HALF_UP).stripTrailingZeros();
            BigDecimal quantity = decimal(l, "quantity").orElse(BigDecimal.ONE);
            BigDecimal discount = decimal(l, "total_discount")
                    .orElse(decimal(l, "unit_discount").orElse(BigDecimal.ZERO).multiply(quantity));
            lines.add(new OrderLine(sku, Optional.empty(), description, quantity, unitPrice,
                    rate.scale() < 0 ? rate.setScale(0) : rate, discount));
        }
        List<Payment> payments = new ArrayList<>();
        for (JsonNode p : s.path("payments")) {
            payments.add(new Payment(text(p, "name").orElse("payment"), decimal(p, "amount").orElse(BigDecimal.ZERO)));
        }
        BigDecimal net = decimal(s, "total_price").orElse(BigDecimal.ZERO);
        BigDecimal tax = decimal(s, "total_tax").orElse(BigDecimal.ZERO);
        String status = text(s, "status").orElse("");
        Order.Builder b = Order.builder(new Ref(LightspeedXSeries.SYSTEM, EntityType.ORDER, id), text(s, "invoice_number").orElse(id),
                        instant(s, "updated_at"))
                .kind(OrderKind.INVOICE)
                .status(status(status))
                .createdAt(text(s, "sale_date").map(v -> parse("sale_date", v)).orElse(instant(s, "created_at")))
                .lines(lines)
                .payments(payments)
                .currency(session.settings().currency())
                .pricesIncludeTax(false)
                .totals(new OrderTotals(net, tax, net.add(tax)))
                .raw(s);
        text(s, "outlet_id").ifPresent(b::store);
        text(s, "customer_id").flatMap(session::customer).ifPresent(c -> {
            Customer customer = customer(c);
            b.customer(customer);
            customer.billingAddress().ifPresent(b::billingAddress);
        });
        return b.build();
    }

    /** An inventory record as the stock level of its product in its outlet. */
    public StockLevel inventory(JsonNode i) {
        String productId = text(i, "product_id").orElse("");
        String sku = session.product(productId).flatMap(p -> text(p, "sku")).orElse("product:" + productId);
        BigDecimal level = decimal(i, "inventory_level").or(() -> decimal(i, "current_amount")).orElse(BigDecimal.ZERO);
        String outlet = text(i, "outlet_id").orElse("");
        String id = text(i, "id").orElse(productId + "@" + outlet);
        // Inventory records carry a version but no time stamp (UNCONFIRMED): the time of the read stands in.
        Instant at = text(i, "updated_at").map(v -> parse("updated_at", v)).orElseGet(() -> session.settings().connection().timeSource().now());
        return new StockLevel(new Ref(LightspeedXSeries.SYSTEM, EntityType.STOCK_LEVEL, id), sku, outlet, level, BigDecimal.ZERO, level,
                at, Optional.of(i));
    }

    /**
     * The product's EAN: X-Series keeps barcodes in {@code product_codes} ({@code type} EAN, UPC, ISBN, JAN, ITF or
     * CUSTOM, per the OpenAPI document); an EAN first, else a 12-digit UPC-A as EAN-13 with a leading zero.
     */
    private static Optional<String> ean(JsonNode p) {
        Optional<String> upc = Optional.empty();
        for (JsonNode code : p.path("product_codes")) {
            String type = code.path("type").asText("");
            Optional<String> value = text(code, "code");
            if (type.equalsIgnoreCase("EAN") && value.isPresent()) {
                return value;
            }
            if (type.equalsIgnoreCase("UPC") && upc.isEmpty()) {
                upc = value.map(u -> u.length() == 12 ? "0" + u : u);
            }
        }
        return upc;
    }

    /** A sale's status, as the X-Series OpenAPI document lists them; another value is unreadable. */
    public static OrderStatus status(String status) {
        return switch (status) {
            case "CLOSED", "ONACCOUNT_CLOSED", "LAYBY_CLOSED", "PICKED_UP_CLOSED", "SERVICE_CLOSED" -> OrderStatus.COMPLETED;
            case "DISPATCHED_CLOSED" -> OrderStatus.SHIPPED;
            case "AWAITING_DISPATCH", "AWAITING_PICKUP" -> OrderStatus.PAID;
            case "VOIDED" -> OrderStatus.CANCELLED;
            case "", "SAVED", "ONACCOUNT", "LAYBY", "SERVICE" -> OrderStatus.OPEN;
            default -> throw Unreadable.value("status", status, "a sale status X-Series documents (CLOSED, VOIDED, SAVED, …)");
        };
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            return Optional.empty();
        }
        String t = v.asText().trim();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** A required id: present, a string or number, not blank. */
    private static String id(JsonNode node, String field) {
        scalar(node, field, "an id");
        return text(node, field).orElseThrow(() -> Unreadable.missing(field));
    }

    /** An exact decimal, absent when missing or null; anything but a number (or numeric text) is unreadable. */
    private static Optional<BigDecimal> decimal(JsonNode node, String field) {
        scalar(node, field, "a number");
        return text(node, field).map(v -> {
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw Unreadable.value(field, v, "a number");
            }
        });
    }

    private static Instant instant(JsonNode node, String field) {
        scalar(node, field, "a time stamp");
        return text(node, field).map(v -> parse(field, v)).orElse(Instant.EPOCH);
    }

    private static void scalar(JsonNode node, String field, String expected) {
        if (node.path(field).isContainerNode()) {
            throw Unreadable.value(field, node.path(field), expected);
        }
    }

    private static Instant parse(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw Unreadable.value(field, text, "a time stamp");
            }
        }
    }
}
