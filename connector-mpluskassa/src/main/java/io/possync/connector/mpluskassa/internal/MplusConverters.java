package io.possync.connector.mpluskassa.internal;

import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.api.Address;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderLine;
import io.possync.api.OrderStatus;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.internal.Unreadable;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MplusKASSA's XML entities into the canonical model (FACTS.md §3–§6). */
public final class MplusConverters {

    private MplusConverters() {
    }

    /**
     * An article as a product: SKU = {@code extArticleId} when set (the number the source system knows),
     * else the article number; prices from cents.
     */
    public static Product article(Element product, Element article, String currency, ZoneId zone) {
        String number = Xml.text(article, "articleNumber").orElseThrow(() -> Unreadable.missing("articleNumber"));
        Xml.longValue(article, "articleNumber");
        String sku = Xml.text(article, "extArticleId").orElse(number);
        Instant changed = MplusDates.instant(article, "changeTimestamp", zone).orElse(Instant.EPOCH);
        Product.Builder b = Product.builder(new Ref(MplusKassa.SYSTEM, EntityType.PRODUCT, number), sku, changed)
                .name(Xml.text(article, "description").or(() -> Xml.text(product, "description")).orElse(sku))
                .ean(Xml.text(article, "barcode").filter(s -> s.matches("\\d{8}|\\d{12,14}")).orElse(null))
                .published(Xml.text(article, "active").map(v -> bool("active", v)).orElse(true))
                .customFields(customFields(article));
        if (!Xml.text(article, "stockArticle").map(v -> bool("stockArticle", v)).orElse(true)) {
            b.stockManaged(false);
        }
        Optional<Long> incl = Xml.longValue(article, "priceIncl");
        Optional<Long> excl = Xml.longValue(article, "priceExcl");
        if (incl.isPresent()) {
            b.price(new Price(Unscaled.toDecimal(incl.get(), Unscaled.CENTS), currency, true));
        } else if (excl.isPresent()) {
            b.price(new Price(Unscaled.toDecimal(excl.get(), Unscaled.CENTS), currency, false));
        }
        return b.build();
    }

    /** A relation as a customer: a company when it has a company name, else a person. */
    /** An element's {@code customFieldList} as name → value (text, number, yes/no or date as written). */
    static Map<String, String> customFields(Element parent) {
        Map<String, String> out = new LinkedHashMap<>();
        Xml.child(parent, "customFieldList").ifPresent(list -> {
            for (Element f : Xml.children(list, "customField")) {
                Optional<String> name = Xml.text(f, "fieldName");
                Optional<String> value = Xml.text(f, "strValue").or(() -> Xml.text(f, "intValue")).or(() -> Xml.text(f, "boolValue"))
                        .or(() -> Xml.text(f, "dateValue"));
                if (name.isPresent() && value.isPresent()) {
                    out.put(name.get(), value.get());
                }
            }
        });
        return out;
    }

    public static Customer relation(Element r, ZoneId zone) {
        String number = Xml.text(r, "relationNumber").orElseThrow(() -> Unreadable.missing("relationNumber"));
        Instant changed = MplusDates.instant(r, "changeTimestamp", zone).orElse(Instant.EPOCH);
        Optional<String> company = Xml.text(r, "companyName");
        Customer.Builder b = Customer.builder(new Ref(MplusKassa.SYSTEM, EntityType.CUSTOMER, number), changed)
                .kind(company.isPresent() ? CustomerKind.COMPANY : CustomerKind.PERSON)
                .companyName(company.orElse(null))
                .email(Xml.text(r, "email").orElse(null))
                .phone(Xml.text(r, "telephone").or(() -> Xml.text(r, "mobile")).orElse(null))
                .vatNumber(Xml.text(r, "vatNumber").orElse(null))
                .group(Xml.text(r, "priceGroupNumber").filter(g -> !g.equals("0")).orElse(null))
                .customFields(customFields(r));
        Optional<String> person = company.isPresent() ? Xml.text(r, "contact") : Xml.text(r, "name");
        person.ifPresent(p -> {
            int space = p.lastIndexOf(' ');
            b.contactPerson(space < 0 ? ContactPerson.of(null, p) : ContactPerson.of(p.substring(0, space), p.substring(space + 1)));
        });
        Xml.text(r, "country").ifPresent(country -> b.billingAddress(Address.builder()
                .street(Xml.text(r, "address").orElse(null)).postalCode(Xml.text(r, "zipcode").orElse(null))
                .city(Xml.text(r, "city").orElse(null)).country(country).build()));
        return b.build();
    }

    /** An order: lines with their article numbers as SKUs (or {@code extArticleId} when MplusKASSA names it), payments, totals. */
    public static Order order(Element o, String currency, ZoneId zone) {
        String id = Xml.text(o, "orderId").or(() -> Xml.text(o, "receiptId"))
                .orElseThrow(() -> Unreadable.missing(String.valueOf(o.getLocalName()).equals("receipt") ? "receiptId" : "orderId"));
        Instant entered = MplusDates.instant(o, "entryTimestamp", zone).orElse(Instant.EPOCH);
        boolean inclusive = !Xml.text(o, "vatMethod").orElse("VAT-METHOD-INCLUSIVE").equals("VAT-METHOD-EXCLUSIVE");
        List<OrderLine> lines = new ArrayList<>();
        for (Element list : Xml.children(o, "lineList")) {
            for (Element line : Xml.children(list, "line")) {
                Element data = Xml.child(line, "data").orElse(line);
                int places = Xml.text(data, "decimalPlaces").map(Integer::parseInt).orElse(0);
                BigDecimal quantity = Unscaled.toDecimal(Xml.longValue(data, "quantity").orElse(0L), places);
                long price = Xml.longValue(data, inclusive ? "price" : "priceExcl").orElse(0L);
                lines.add(new OrderLine(Xml.text(line, "articleNumber").orElse("?"), Optional.empty(), Xml.text(line, "text").orElse(""),
                        quantity.abs(), Unscaled.toDecimal(quantity.signum() < 0 ? -price : price, Unscaled.CENTS),
                        Xml.text(data, "vatPercentage").map(BigDecimal::new).orElse(BigDecimal.ZERO),
                        Unscaled.toDecimal(Xml.longValue(data, "discountAmount").orElse(0L), Unscaled.CENTS).abs()));
            }
        }
        List<Payment> payments = new ArrayList<>();
        for (Element list : Xml.children(o, "paymentList")) {
            for (Element p : Xml.children(list, "payment")) {
                payments.add(new Payment(Xml.text(p, "method").orElse("?"), Unscaled.toDecimal(Xml.longValue(p, "amount").orElse(0L),
                        Unscaled.CENTS)));
            }
        }
        BigDecimal gross = Unscaled.toDecimal(Xml.longValue(o, "totalInclAmount").orElse(0L), Unscaled.CENTS);
        BigDecimal net = Unscaled.toDecimal(Xml.longValue(o, "totalExclAmount").orElse(0L), Unscaled.CENTS);
        String number = Xml.text(o, "extOrderId").orElse(id);
        boolean cancelled = Xml.text(o, "cancelState").filter("ORDER-CANCEL-STATE-COMPLETE"::equals).isPresent();
        boolean delivered = Xml.text(o, "deliveryState").filter("ORDER-DELIVERY-STATE-COMPLETE"::equals).isPresent();
        boolean paid = Xml.text(o, "fullyPaid").map(Boolean::parseBoolean).orElse(false);
        return Order.builder(new Ref(MplusKassa.SYSTEM, EntityType.ORDER, id), number.length() > 35 ? number.substring(0, 35) : number,
                        entered)
                .kind(OrderKind.ORDER).status(cancelled ? OrderStatus.CANCELLED : delivered && paid ? OrderStatus.COMPLETED
                        : delivered ? OrderStatus.SHIPPED : paid ? OrderStatus.PAID : OrderStatus.OPEN)
                .createdAt(entered).currency(currency).pricesIncludeTax(inclusive).lines(lines).payments(payments)
                .totals(new OrderTotals(net, gross.subtract(net), gross))
                .store(Xml.text(o, "financialBranchNumber").orElse(null))
                .build();
    }

    /**
     * A till receipt as an invoice: its number from {@code receiptNumber} (branch-workplace-year-number,
     * else the receipt id), completed when paid, its relation as customer when given.
     */
    public static Order receipt(Element r, Optional<Customer> customer, String currency, ZoneId zone) {
        String id = Xml.text(r, "receiptId").orElse("");
        String number = Xml.child(r, "receiptNumber").map(n -> Xml.text(n, "branchNumber").orElse("0") + "-"
                + Xml.text(n, "workplaceNumber").orElse("0") + "-" + Xml.text(n, "year").orElse("0") + "-" + Xml.text(n, "number").orElse("0"))
                .orElse(id);
        Order asOrder = order(r, currency, zone);
        String state = Xml.text(r, "state").orElse("");
        return asOrder.toBuilder().sourceRef(new Ref(MplusKassa.SYSTEM, EntityType.ORDER, id))
                .number(number.length() > 35 ? number.substring(0, 35) : number)
                .kind(OrderKind.INVOICE)
                .status(state.endsWith("-PAID") || state.endsWith("-HANDLED") ? OrderStatus.COMPLETED : OrderStatus.OPEN)
                .customer(customer.orElse(null))
                .build();
    }

    private static boolean bool(String field, String value) {
        return switch (value) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw Unreadable.value(field, value, "true or false");
        };
    }
}
