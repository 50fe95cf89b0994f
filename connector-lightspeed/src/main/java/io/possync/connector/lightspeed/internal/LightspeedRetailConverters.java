package io.possync.connector.lightspeed.internal;

import io.possync.connector.lightspeed.LightspeedRetail;
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
import io.possync.api.Payment;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.connector.lightspeed.LightspeedRetailSettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * R-Series records (as the API answers them, quirks and all) into the canonical model. Field names
 * and meanings are those of the API V3 resources; the connector README lists each with its source.
 */
public final class LightspeedRetailConverters {

    /** The SKU prefix of a configurable product made from an ItemMatrix (matrices carry no SKU of their own). */
    public static final String MATRIX_SKU_PREFIX = "matrix-";
    private static final String SYSTEM = LightspeedRetail.SYSTEM;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LightspeedRetailSettings settings;

    public LightspeedRetailConverters(LightspeedRetailSettings settings) {
        this.settings = settings;
    }

    // ---------------------------------------------------------------- items

    /** The SKU of an item: its custom SKU, else Lightspeed's system SKU. */
    public static String sku(JsonNode item) {
        return Lenient.text(item, "customSku").or(() -> Lenient.text(item, "systemSku")).orElse("");
    }

    /** An Item (with Prices, Category, ItemAttributes.ItemAttributeSet, Images and CustomFieldValues when loaded). */
    public Product item(JsonNode item) {
        String id = Lenient.required(item, "itemID");
        Optional<String> matrix = Lenient.id(item, "itemMatrixID");
        String itemType = Lenient.text(item, "itemType").orElse("default");
        ProductType type = matrix.isPresent() ? ProductType.VARIANT
                : itemType.equals("non_inventory") ? ProductType.VIRTUAL : ProductType.SIMPLE;
        Product.Builder b = Product.builder(new Ref(SYSTEM, EntityType.PRODUCT, id), sku(item), modified(item))
                .name(Lenient.text(item, "description").orElse(""))
                .type(type)
                .published(!Lenient.bool(item, "archived"))
                .raw(item);
        ean(item).ifPresent(b::ean);
        price(item.path("Prices")).ifPresent(b::price);
        BigDecimal cost = Lenient.decimal(item, "defaultCost");
        if (cost.signum() > 0) {
            b.cost(new Money(cost, settings.currency()));
        }
        category(item.path("Category")).ifPresent(c -> b.categories(List.of(c)));
        Lenient.id(item, "taxClassID").ifPresent(b::taxClass);
        matrix.ifPresent(m -> {
            b.parentSku(MATRIX_SKU_PREFIX + m);
            b.attributes(attributes(item.path("ItemAttributes")));
        });
        List<String> images = images(item.path("Images"));
        if (!images.isEmpty()) {
            b.imageUrls(images);
        }
        b.customFields(customFields(item.path("CustomFieldValues")));
        return b.build();
    }

    /** An ItemMatrix as a configurable product; its attribute set's names are the axes (values are on the variants). */
    public Product matrix(JsonNode matrix) {
        String id = Lenient.required(matrix, "itemMatrixID");
        Product.Builder b = Product.builder(new Ref(SYSTEM, EntityType.PRODUCT, MATRIX_SKU_PREFIX + id), MATRIX_SKU_PREFIX + id,
                        modified(matrix))
                .name(Lenient.text(matrix, "description").orElse(""))
                .type(ProductType.CONFIGURABLE)
                .published(!Lenient.bool(matrix, "archived"))
                .raw(matrix);
        price(matrix.path("Prices")).ifPresent(b::price);
        category(matrix.path("Category")).ifPresent(c -> b.categories(List.of(c)));
        Map<String, String> axes = new LinkedHashMap<>();
        for (String name : axisNames(matrix.path("ItemAttributeSet"))) {
            axes.put(name, "");
        }
        b.attributes(axes);
        return b.build();
    }

    private static Optional<String> ean(JsonNode item) {
        Optional<String> ean = Lenient.text(item, "ean");
        if (ean.isPresent()) {
            return ean;
        }
        // A 12-digit UPC-A is the EAN-13 with a leading zero.
        return Lenient.text(item, "upc").map(u -> u.length() == 12 ? "0" + u : u);
    }

    private Optional<Price> price(JsonNode prices) {
        for (JsonNode p : Lenient.list(prices, "ItemPrice")) {
            if (Lenient.text(p, "useType").orElse("").equalsIgnoreCase(settings.priceLevel())) {
                return Optional.of(new Price(Lenient.decimal(p, "amount"), settings.currency(), settings.pricesIncludeTax()));
            }
        }
        return Optional.empty();
    }

    private static Optional<CategoryPath> category(JsonNode category) {
        Optional<String> path = Lenient.text(category, "fullPathName").or(() -> Lenient.text(category, "name"));
        // Lightspeed separates the levels of fullPathName with '|' ("Bikes|Electric"); a '/' may stand in a name.
        return path.map(p -> Arrays.stream(p.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .filter(segments -> !segments.isEmpty())
                .map(segments -> CategoryPath.of(segments.toArray(String[]::new)));
    }

    /**
     * An item's {@code attribute1..3} values named by its set's {@code attributeName} of the same number: a set
     * may leave a name blank ({@code attributeName1: ""}, {@code attributeName2: "Size"}), and the numbering
     * stays the set's, so the size is still {@code size}.
     */
    private static Map<String, String> attributes(JsonNode attributes) {
        JsonNode set = attributes.path("ItemAttributeSet");
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            int n = i;
            String name = Lenient.text(set, "attributeName" + n).map(a -> a.toLowerCase(Locale.ROOT)).orElse("attribute" + n);
            Lenient.text(attributes, "attribute" + n).ifPresent(v -> out.put(name, v));
        }
        return out;
    }

    /** The set's named axes, in their order; blank names are no axis. */
    private static List<String> axisNames(JsonNode set) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Lenient.text(set, "attributeName" + i).ifPresent(n -> names.add(n.toLowerCase(Locale.ROOT)));
        }
        return names;
    }

    private static List<String> images(JsonNode images) {
        List<JsonNode> list = new ArrayList<>(Lenient.list(images, "Image"));
        list.sort((a, b) -> Lenient.decimal(a, "ordering").compareTo(Lenient.decimal(b, "ordering")));
        List<String> urls = new ArrayList<>();
        for (JsonNode image : list) {
            // The image URL is baseImageURL + publicID (UNCONFIRMED: transformations and extension are left to the host).
            Optional<String> base = Lenient.text(image, "baseImageURL");
            Optional<String> publicId = Lenient.text(image, "publicID");
            if (base.isPresent() && publicId.isPresent()) {
                urls.add(base.get() + publicId.get());
            }
        }
        return urls;
    }

    private Map<String, String> customFields(JsonNode values) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> wanted = settings.customFields();
        for (JsonNode v : Lenient.list(values, "CustomFieldValue")) {
            Optional<String> name = Lenient.text(v, "name");
            if (name.isPresent() && wanted.contains(name.get())) {
                Lenient.text(v, "value").ifPresent(value -> out.put(name.get(), value));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- customers

    /** A Customer (with Contact when loaded): a company with a contact person when {@code company} is set, else a person. */
    public Customer customer(JsonNode customer) {
        String id = Lenient.required(customer, "customerID");
        Optional<String> company = Lenient.text(customer, "company");
        Optional<String> first = Lenient.text(customer, "firstName");
        Optional<String> last = Lenient.text(customer, "lastName");
        Customer.Builder b = Customer.builder(new Ref(SYSTEM, EntityType.CUSTOMER, id), modified(customer))
                .kind(company.isPresent() ? CustomerKind.COMPANY : CustomerKind.PERSON)
                .raw(customer);
        company.ifPresent(b::companyName);
        if (first.isPresent() || last.isPresent()) {
            b.contactPerson(ContactPerson.of(first.orElse(null), last.orElse(null)));
        }
        Lenient.text(customer, "vatNumber").ifPresent(b::vatNumber);
        Lenient.text(customer, "customerTypeID").filter(t -> !t.equals("0")).ifPresent(b::group);
        JsonNode contact = customer.path("Contact");
        email(contact).ifPresent(b::email);
        phone(contact).ifPresent(b::phone);
        List<JsonNode> addresses = Lenient.list(contact.path("Addresses"), "ContactAddress");
        if (!addresses.isEmpty()) {
            address(addresses.get(0)).ifPresent(a -> {
                b.billingAddress(a);
                b.shippingAddress(a);
            });
        }
        b.customFields(customFields(customer.path("CustomFieldValues")));
        return b.build();
    }

    private static Optional<String> email(JsonNode contact) {
        List<JsonNode> emails = Lenient.list(contact.path("Emails"), "ContactEmail");
        for (JsonNode e : emails) {
            if (Lenient.text(e, "useType").orElse("").equalsIgnoreCase("Primary")) {
                return Lenient.text(e, "address");
            }
        }
        return emails.isEmpty() ? Optional.empty() : Lenient.text(emails.get(0), "address");
    }

    private static Optional<String> phone(JsonNode contact) {
        List<JsonNode> phones = Lenient.list(contact.path("Phones"), "ContactPhone");
        for (String preferred : List.of("Mobile", "Work", "Home")) {
            for (JsonNode p : phones) {
                if (Lenient.text(p, "useType").orElse("").equalsIgnoreCase(preferred)) {
                    return Lenient.text(p, "number");
                }
            }
        }
        return phones.isEmpty() ? Optional.empty() : Lenient.text(phones.get(0), "number");
    }

    private static Optional<Address> address(JsonNode a) {
        Optional<String> country = Lenient.text(a, "countryCode").map(c -> c.toUpperCase(Locale.ROOT))
                .or(() -> Lenient.text(a, "country").flatMap(LightspeedRetailConverters::countryCode));
        if (country.isEmpty()) {
            return Optional.empty();
        }
        Address.Builder b = Address.builder().country(country.get());
        String street = String.join(" ", Lenient.text(a, "address1").orElse(""), Lenient.text(a, "address2").orElse("")).trim();
        if (!street.isEmpty()) {
            b.street(street);
        }
        Lenient.text(a, "zip").ifPresent(b::postalCode);
        Lenient.text(a, "city").ifPresent(b::city);
        Lenient.text(a, "state").ifPresent(b::region);
        return Optional.of(b.build());
    }

    /** ISO 3166 alpha-2 code of a country written out in English ("Netherlands" → NL), or the code itself. */
    static Optional<String> countryCode(String country) {
        String wanted = country.trim();
        if (wanted.length() == 2) {
            return Optional.of(wanted.toUpperCase(Locale.ROOT));
        }
        for (String code : Locale.getISOCountries()) {
            if (new Locale("", code).getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(wanted)) {
                return Optional.of(code);
            }
        }
        return switch (wanted.toUpperCase(Locale.ROOT)) {
            case "USA", "UNITED STATES OF AMERICA" -> Optional.of("US");
            case "UK", "GREAT BRITAIN" -> Optional.of("GB");
            default -> Optional.empty();
        };
    }

    // ---------------------------------------------------------------- sales

    /**
     * A Sale (with SaleLines.Item, SalePayments.PaymentType and Customer.Contact when loaded). Totals
     * are the sale's own {@code calcTotal} and taxes; lines carry the line and transaction discounts.
     */
    public Order sale(JsonNode sale) {
        String id = Lenient.required(sale, "saleID");
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode line : Lenient.list(sale.path("SaleLines"), "SaleLine")) {
            JsonNode item = line.path("Item");
            String sku = item.isObject() ? sku(item) : Lenient.id(line, "itemID").map(i -> "itemID:" + i).orElse("");
            BigDecimal rate = Lenient.decimal(line, "tax1Rate").add(Lenient.decimal(line, "tax2Rate")).multiply(HUNDRED)
                    .stripTrailingZeros();
            BigDecimal discount = Lenient.decimal(line, "calcLineDiscount").add(Lenient.decimal(line, "calcTransactionDiscount"));
            lines.add(new OrderLine(sku, ean(item), Lenient.text(item, "description").orElse(""),
                    Lenient.decimal(line, "unitQuantity"), Lenient.decimal(line, "unitPrice"),
                    rate.scale() < 0 ? rate.setScale(0) : rate, discount));
        }
        List<Payment> payments = new ArrayList<>();
        for (JsonNode p : Lenient.list(sale.path("SalePayments"), "SalePayment")) {
            String method = Lenient.text(p.path("PaymentType"), "name")
                    .orElse(Lenient.id(p, "paymentTypeID").map(t -> "paymentType:" + t).orElse("unknown"));
            payments.add(new Payment(method, Lenient.decimal(p, "amount")));
        }
        BigDecimal gross = Lenient.decimal(sale, "calcTotal");
        BigDecimal tax = Lenient.decimal(sale, "calcTax1").add(Lenient.decimal(sale, "calcTax2"));
        boolean voided = Lenient.bool(sale, "voided");
        boolean completed = Lenient.bool(sale, "completed");
        Instant created = Lenient.instant(sale, "completeTime").or(() -> Lenient.instant(sale, "createTime"))
                .orElse(modified(sale));
        Order.Builder b = Order.builder(new Ref(SYSTEM, EntityType.ORDER, id), id, modified(sale))
                .kind(OrderKind.INVOICE)
                .status(voided ? OrderStatus.CANCELLED : completed ? OrderStatus.COMPLETED : OrderStatus.OPEN)
                .createdAt(created)
                .lines(lines)
                .payments(payments)
                .currency(settings.currency())
                .pricesIncludeTax(settings.pricesIncludeTax())
                .totals(new OrderTotals(gross.subtract(tax), tax, gross))
                .raw(sale);
        Lenient.id(sale, "shopID").ifPresent(b::store);
        JsonNode customer = sale.path("Customer");
        if (customer.isObject() && Lenient.id(customer, "customerID").isPresent()) {
            Customer c = customer(customer);
            b.customer(c);
            c.billingAddress().ifPresent(b::billingAddress);
            c.shippingAddress().ifPresent(b::shippingAddress);
        }
        Lenient.text(sale, "referenceNumber").ifPresent(r -> b.customFields(Map.of("referenceNumber", r)));
        return b.build();
    }

    // ---------------------------------------------------------------- stock

    /** An ItemShop (with Item loaded) as the stock level of the item's SKU in that shop. */
    public static StockLevel itemShop(JsonNode itemShop) {
        String id = Lenient.required(itemShop, "itemShopID");
        JsonNode item = itemShop.path("Item");
        String sku = item.isObject() ? sku(item) : "itemID:" + Lenient.text(itemShop, "itemID").orElse("?");
        BigDecimal qoh = Lenient.decimal(itemShop, "qoh");
        // R-Series exposes no reserved quantity on ItemShop (backorder counts customer orders awaiting stock, not reservations).
        return new StockLevel(new Ref(SYSTEM, EntityType.STOCK_LEVEL, id), sku, Lenient.text(itemShop, "shopID").orElse("0"),
                qoh, BigDecimal.ZERO, qoh, modified(itemShop), Optional.of(itemShop));
    }

    private static Instant modified(JsonNode node) {
        return Lenient.instant(node, "timeStamp").orElse(Instant.EPOCH);
    }
}
