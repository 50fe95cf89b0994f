package io.possync.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.Address;
import io.possync.api.CanonicalRecord;
import io.possync.api.CategoryPath;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.Money;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.Payment;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.Shipping;
import io.possync.api.StockLevel;
import io.possync.core.fixtures.Fixtures;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The plan is specified by Hibernate Validator: over generated records, valid and broken in every
 * constrained field, it calls a record certainly valid exactly when Hibernate Validator finds no
 * violation.
 */
class ConstraintPlanTest {

    private static final Validator HIBERNATE = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final Instant T = Instant.parse("2026-11-23T00:00:00Z");

    private final ConstraintPlan plan = new ConstraintPlan(HIBERNATE);

    @Test
    void validRecordsOfEveryTypeAreRecognisedWithoutHibernateValidator() {
        List<CanonicalRecord> valid = List.of(order(new Random(1)), customer(new Random(2)), product(new Random(3)),
                StockLevel.of("pos", "SKU-1", "shop", BigDecimal.TEN, BigDecimal.ONE, BigDecimal.valueOf(9), T));

        for (CanonicalRecord r : valid) {
            assertThat(HIBERNATE.validate(r)).as(r.toString()).isEmpty();
            assertThat(plan.certainlyValid(r)).as(r.getClass().getSimpleName()).isTrue();
        }
    }

    @Test
    void thePlanAgreesWithHibernateValidatorOnEveryBrokenField() {
        Random random = new Random(7);
        int invalid = 0;
        for (int i = 0; i < 400; i++) {
            CanonicalRecord r = switch (i % 3) {
                case 0 -> breakOrder(order(random), random);
                case 1 -> breakCustomer(customer(random), random);
                default -> breakProduct(product(random), random);
            };
            boolean hibernateValid = HIBERNATE.validate(r).isEmpty();
            invalid += hibernateValid ? 0 : 1;
            assertThat(plan.certainlyValid(r)).as("%s", r).isEqualTo(hibernateValid);
        }
        assertThat(invalid).isBetween(150, 390);
    }

    private static Order order(Random r) {
        Customer c = r.nextBoolean() ? customer(r) : null;
        Order.Builder b = Fixtures.order(String.valueOf(r.nextInt(1000)), c, T, "SKU-1", "SKU-2").toBuilder()
                .shipping(new Shipping("PostNL", new BigDecimal("4.95")))
                .billingAddress(Address.builder().street("Hoofdstraat").city("Utrecht").country("NL").build());
        return b.build();
    }

    private static Customer customer(Random r) {
        return Customer.builder(new Ref("pos", EntityType.CUSTOMER, "c" + r.nextInt(100)), T)
                .kind(CustomerKind.COMPANY).companyName("Jansen B.V.").contactPerson(ContactPerson.of("Anna", "Jansen"))
                .email("anna@example.com").phone("+31 6 12345678").language("nl")
                .billingAddress(Address.builder().street("Kerkstraat").postalCode("3511 AA").country("NL").build())
                .customFields(Map.of("loyalty", "gold")).build();
    }

    private static Product product(Random r) {
        Product variant = Product.builder(new Ref("pos", EntityType.PRODUCT, "v1"), "TEE-M", T).name("T-shirt M")
                .ean("8712345678906").build();
        return Product.builder(new Ref("pos", EntityType.PRODUCT, "p" + r.nextInt(100)), "TEE", T).name("T-shirt")
                .ean("87123456").price(new Price(new BigDecimal("19.95"), "EUR", true))
                .cost(new Money(new BigDecimal("7.10"), "EUR")).categories(List.of(new CategoryPath(List.of("Kleding"))))
                .variants(List.of(variant)).build();
    }

    private static Order breakOrder(Order o, Random r) {
        List<UnaryOperator<Order.Builder>> breaks = new ArrayList<>(List.of(
                b -> b.number(" "), b -> b.number("S".repeat(36)), b -> b.number("S".repeat(35)), b -> b.currency("EURO"),
                b -> b.currency("XXY"), b -> b.lines(List.of(line("", "1", "2.50", "21"))),
                b -> b.lines(List.of(line("SKU", "1.00001", "2.50", "21"))), b -> b.lines(List.of(line("SKU", "-1", "2.5", "21"))),
                b -> b.lines(List.of(line("SKU", "1", "2.50", "1000"))), b -> b.lines(List.of(line("SKU", "1", "2.5", "9.9999"))),
                b -> b.lines(List.of(line("S".repeat(65), "1", "2.5", "21"))), b -> b.lines(List.of(line("S".repeat(64), "1", "2", "0"))),
                b -> b.payments(List.of(new Payment(" ", BigDecimal.ONE))), b -> b.payments(List.of(new Payment("PIN",
                        new BigDecimal("1234567890123456")))), b -> b.shipping(new Shipping("DHL", new BigDecimal("-1"))),
                b -> b.billingAddress(Address.builder().country("XX").build()),
                b -> b.billingAddress(Address.builder().city("c".repeat(101)).country("NL").build()),
                b -> b.customer(breakCustomer(customer(r), r)), b -> b));
        return breaks.get(r.nextInt(breaks.size())).apply(o.toBuilder()).build();
    }

    private static Customer breakCustomer(Customer c, Random r) {
        List<UnaryOperator<Customer.Builder>> breaks = List.of(b -> b.email("not-an-email"), b -> b.email("a@b"),
                b -> b.email("x".repeat(250) + "@example.com"), b -> b.email("jörg@exämple.de"), b -> b.language("NLD"),
                b -> b.language("NL"), b -> b.companyName("C".repeat(201)), b -> b.phone("1".repeat(41)),
                b -> b.contactPerson(ContactPerson.of("A".repeat(101), "B")), b -> b.vatNumber("NL".repeat(16)),
                b -> b.billingAddress(Address.builder().postalCode("1".repeat(21)).country("BE").build()), b -> b);
        return breaks.get(r.nextInt(breaks.size())).apply(c.toBuilder()).build();
    }

    private static Product breakProduct(Product p, Random r) {
        List<UnaryOperator<Product.Builder>> breaks = List.of(b -> b.ean("123"), b -> b.ean("871234567890"),
                b -> b.price(new Price(new BigDecimal("-0.01"), "EUR", true)), b -> b.price(new Price(new BigDecimal("1.00001"),
                        "EUR", true)), b -> b.cost(new Money(BigDecimal.ONE, "eur")),
                b -> b.categories(List.of(new CategoryPath(List.of()))),
                b -> b.variants(List.of(p.toBuilder().sourceRef(new Ref("pos", EntityType.PRODUCT, "v")).ean("1").variants(List.of())
                        .build())), b -> b);
        try {
            return breaks.get(r.nextInt(breaks.size())).apply(p.toBuilder()).build();
        } catch (RuntimeException refusedByTheModel) {
            return p;
        }
    }

    private static OrderLine line(String sku, String quantity, String price, String rate) {
        return OrderLine.of(sku, "Line", new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(rate));
    }
}
