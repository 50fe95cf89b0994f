package io.possync.connector.winstore.internal;

import io.possync.api.Address;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.api.internal.Unreadable;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreSettings;
import io.possync.connector.winstore.internal.WinstoreNames.StatusWord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.possync.connector.winstore.internal.WinstoreNames.Order.*;

/**
 * An order Winstore answers (PROPOSAL: the posted body's elements plus {@code orderid}, {@code status},
 * {@code source}, {@code modified}) as a canonical order. Its ref and number are the {@code ordernr}. A
 * position's {@code product_id} (a GTIN or an article number) becomes the SKU possync reads that
 * article or variant under, with the article's VAT rate, both from the article answers this connection
 * read; a product it never saw is a rejection naming the position. Prices include VAT (UNCONFIRMED);
 * {@code reduction} is the line's discount amount. The customer is a person with the order's e-mail and
 * invoice address, its ref the {@code customerid}; an order on the default debtor without an e-mail has none.
 */
public final class OrderRecords {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OrderRecords() {
    }

    /** The canonical order of {@code r}. */
    public static Order order(WireRecord r, WinstoreSettings settings, ArticleIndex index) {
        String number = r.text(NUMBER).orElseThrow(() -> Unreadable.missing(NUMBER));
        java.time.Instant modified = WinstoreConverters.instant(r, MODIFIED).orElseThrow(() -> Unreadable.missing(MODIFIED));
        java.time.Instant created = r.text(DATE).map(d -> {
            try {
                return LocalDateTime.parse(d, LOCAL).atZone(settings.zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw Unreadable.value(DATE, d, "a local time yyyy-MM-dd HH:mm:ss");
            }
        }).orElse(modified);
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal tax = BigDecimal.ZERO;
        List<WireRecord> positions = r.list(POSITIONS);
        for (int i = 0; i < positions.size(); i++) {
            WireRecord p = positions.get(i);
            String at = POSITIONS + "[" + i + "].";
            String product = p.text(PRODUCT_ID).orElseThrow(() -> Unreadable.missing(at + PRODUCT_ID));
            ArticleIndex.Sold sold = index.sold(product).orElseThrow(() -> io.possync.api.RecordRejectedException.builder("product "
                    + product + " is in no article answer of Winstore, so its SKU and VAT rate are unknown").fieldPath(at + PRODUCT_ID).build());
            BigDecimal rate = new BigDecimal(sold.vatRate().orElseThrow(() -> Unreadable.missing(at + "vat_rate")));
            BigDecimal quantity = decimal(p, AMOUNT, at);
            BigDecimal price = decimal(p, SINGLE_PRICE, at);
            BigDecimal discount = p.text(REDUCTION).isPresent() ? decimal(p, REDUCTION, at) : BigDecimal.ZERO;
            lines.add(new OrderLine(sold.sku(), product.matches("\\d{8}|\\d{12,14}") ? Optional.of(product) : Optional.empty(),
                    sold.sku(), quantity, price, rate, discount));
            BigDecimal gross = quantity.multiply(price).subtract(discount);
            tax = tax.add(gross.multiply(rate).divide(HUNDRED.add(rate), 2, RoundingMode.HALF_UP));
        }
        BigDecimal total = r.text(TOTAL).isPresent() ? decimal(r, TOTAL, "") : BigDecimal.ZERO;
        Order.Builder b = Order.builder(new Ref(Winstore.SYSTEM, EntityType.ORDER, number), number, modified).createdAt(created)
                .kind(OrderKind.ORDER).status(r.text(STATUS).flatMap(StatusWord::read).orElse(io.possync.api.OrderStatus.OPEN))
                .currency(r.text(CURRENCY).orElse(settings.currency())).pricesIncludeTax(true).lines(lines)
                .totals(new OrderTotals(total.subtract(tax), tax, total))
                .store(r.text(CHANNEL).or(() -> r.text(BRANCH)).orElse(null))
                .customFields(customFields(r));
        Optional<WireRecord> address = r.list(INVOICE_ADDRESS).stream().findFirst();
        address.flatMap(a -> a.text(COUNTRY_ISO)).ifPresent(country -> b.billingAddress(address(address.get(), country)));
        customer(r, address, settings, modified).ifPresent(b::customer);
        return b.build();
    }

    private static Optional<Customer> customer(WireRecord r, Optional<WireRecord> address, WinstoreSettings settings, java.time.Instant at) {
        String id = r.text(CUSTOMER_ID).orElse(settings.defaultCustomerId());
        Optional<String> email = r.text(EMAIL);
        if (email.isEmpty() && id.equals(settings.defaultCustomerId())) {
            return Optional.empty();
        }
        Customer.Builder c = Customer.builder(new Ref(Winstore.SYSTEM, EntityType.CUSTOMER, id), at).email(email.orElse(null));
        address.ifPresent(a -> {
            if (a.text(FIRST_NAME).isPresent() || a.text(LAST_NAME).isPresent()) {
                c.contactPerson(new ContactPerson(a.text(FIRST_NAME), a.text(LAST_NAME)));
            }
            a.text(COUNTRY_ISO).ifPresent(country -> c.billingAddress(address(a, country)));
        });
        return Optional.of(c.build());
    }

    private static Address address(WireRecord a, String country) {
        return Address.builder().street(a.text(STREET).orElse(null)).houseNumber(a.text(HOUSE_NUMBER).orElse(null))
                .postalCode(a.text(ZIP).orElse(null)).country(country).build();
    }

    private static Map<String, String> customFields(WireRecord r) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        r.text(ORDER_ID).ifPresent(v -> out.put("orderid", v));
        r.text(SOURCE).ifPresent(v -> out.put("source", v));
        r.text(BRANCH).ifPresent(v -> out.put("branch", v));
        return out;
    }

    private static BigDecimal decimal(WireRecord r, String name, String at) {
        String text = r.text(name).orElseThrow(() -> Unreadable.missing(at + name));
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw Unreadable.value(at + name, text, "a decimal number with '.'");
        }
    }
}
