package io.possync.connector.buchhaltungsbutler;

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
import io.possync.api.Ref;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic POS sales of a German shop with two tills: lines at 19 %, 7 % and 0 %, buyers in
 * Germany, Austria and the Netherlands, 30 % of sales with a known customer (half of them companies).
 */
final class GermanTill {

    static final List<String> COUNTRIES = List.of("DE", "AT", "NL");
    static final List<BigDecimal> RATES = List.of(new BigDecimal("19"), new BigDecimal("7"), BigDecimal.ZERO);

    private GermanTill() {
    }

    static List<Order> sales(int count, Instant firstDay, int days, long seed) {
        Random random = new Random(seed);
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            Instant created = firstDay.plus(random.nextInt(days), ChronoUnit.DAYS).plusSeconds(8 * 3600 + random.nextInt(10 * 3600));
            List<OrderLine> lines = new ArrayList<>();
            BigDecimal gross = BigDecimal.ZERO;
            BigDecimal tax = BigDecimal.ZERO;
            int n = 1 + random.nextInt(4);
            for (int l = 0; l < n; l++) {
                BigDecimal rate = RATES.get(random.nextInt(RATES.size()));
                BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(9900), 2);
                BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(3));
                lines.add(OrderLine.of("ART-" + random.nextInt(200), "Artikel", qty, price, rate));
                BigDecimal lineGross = price.multiply(qty);
                gross = gross.add(lineGross);
                tax = tax.add(lineGross.subtract(lineGross.divide(BigDecimal.ONE.add(rate.movePointLeft(2)), 2, RoundingMode.HALF_UP)));
            }
            Address address = Address.builder().street("Hauptstraße").houseNumber(String.valueOf(1 + i % 90))
                    .postalCode("10115").city("Berlin").country(country).build();
            Order.Builder b = Order.builder(new Ref("till", EntityType.ORDER, "S" + i), "BON-" + (100000 + i), created)
                    .createdAt(created).kind(OrderKind.INVOICE).status(OrderStatus.COMPLETED).currency("EUR")
                    .pricesIncludeTax(true).store(String.valueOf(1 + i % 2)).lines(lines).billingAddress(address)
                    .payments(List.of(new Payment(random.nextBoolean() ? "Bar" : "EC-Karte", gross)))
                    .totals(new OrderTotals(gross.subtract(tax), tax, gross));
            if (random.nextInt(10) < 3) {
                int k = random.nextInt(150);
                boolean company = k % 2 == 0;
                Address home = Address.builder().street("Marktplatz").houseNumber(String.valueOf(k)).postalCode("80331")
                        .city("München").country(COUNTRIES.get(k % 3)).build();
                Customer.Builder c = Customer.builder(new Ref("till", EntityType.CUSTOMER, "K" + k), firstDay)
                        .kind(company ? CustomerKind.COMPANY : CustomerKind.PERSON)
                        .contactPerson(ContactPerson.of("Erika", "Muster " + k))
                        .email("kunde" + k + "@example.de").billingAddress(home);
                if (company) {
                    c.companyName("Muster GmbH " + k);
                }
                b.customer(c.build());
            }
            out.add(b.build());
        }
        return out;
    }
}
