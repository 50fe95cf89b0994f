package io.possync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class CanonicalModelTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final Instant T = Instant.parse("2026-11-01T12:00:00Z");

    private static Set<String> violations(Object o) {
        return VALIDATOR.validate(o).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    private static Customer anna() {
        return Customer.builder(new Ref("pos", EntityType.CUSTOMER, "1"), T)
                .email("anna@example.com").contactPerson(ContactPerson.of("Anna", "de Vries"))
                .billingAddress(Address.builder().street("Keizersgracht").houseNumber("1").postalCode("1015 CJ")
                        .city("Amsterdam").country("NL").build())
                .customFields(Map.of("loyalty", "gold"))
                .build();
    }

    private static Order order(Customer c) {
        return Order.builder(new Ref("pos", EntityType.ORDER, "9"), "9", T).customer(c).currency("EUR")
                .lines(List.of(OrderLine.of("SKU", "Tee", new BigDecimal("2"), new BigDecimal("19.95"), new BigDecimal("21"))))
                .payments(List.of(new Payment("PIN", new BigDecimal("39.90"))))
                .shipping(new Shipping("postnl", new BigDecimal("4.95")))
                .totals(new OrderTotals(new BigDecimal("32.98"), new BigDecimal("6.92"), new BigDecimal("39.90")))
                .build();
    }

    @Test
    void aValidOrderHasNoViolations() {
        assertThat(violations(order(anna()))).isEmpty();
    }

    @Test
    void aMalformedEmailIsAViolationOnEmail() {
        assertThat(violations(anna().toBuilder().email("anna-at-example").build())).containsExactly("email");
    }

    @Test
    void anUnknownCountryIsAViolation() {
        Customer c = anna().toBuilder().billingAddress(Address.builder().country("XX").build()).build();

        assertThat(violations(c)).singleElement().asString().contains("billingAddress").contains("country");
    }

    @Test
    void anUnknownCurrencyIsAViolation() {
        assertThat(violations(order(anna()).toBuilder().currency("EURO").build())).containsExactly("currency");
    }

    @Test
    void aNegativeQuantityIsAViolation() {
        Order o = order(anna()).toBuilder().lines(List.of(OrderLine.of("SKU", "Tee", new BigDecimal("-1"),
                new BigDecimal("19.95"), new BigDecimal("21")))).build();

        assertThat(violations(o)).singleElement().asString().contains("lines[0]").contains("quantity");
    }

    @Test
    void moneyWithMoreThanFourDecimalsIsAViolation() {
        assertThat(violations(Money.of("1.23456", "EUR"))).containsExactly("amount");
    }

    @Test
    void anOrderWithoutLinesIsAViolation() {
        assertThat(violations(order(anna()).toBuilder().lines(List.of()).build())).containsExactly("lines");
    }

    @Test
    void nestedCustomerViolationsArePathed() {
        Order o = order(anna().toBuilder().email("nope").build());

        assertThat(violations(o)).singleElement().asString().startsWith("customer").endsWith("email");
    }

    @Test
    void noComponentIsEverNull() {
        Customer bare = new Customer(new Ref("pos", EntityType.CUSTOMER, "1"), null, null, null, null, null, null, null,
                null, null, null, null, T, null);

        assertThat(bare.kind()).isEqualTo(CustomerKind.PERSON);
        assertThat(bare.email()).isEmpty();
        assertThat(bare.group()).isEmpty();
        assertThat(bare.customFields()).isEmpty();
        assertThat(bare.raw()).isEmpty();
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        List<OrderLine> lines = new java.util.ArrayList<>(order(anna()).lines());
        Order o = order(anna()).toBuilder().lines(lines).build();
        lines.clear();

        assertThat(o.lines()).hasSize(1);
        assertThatThrownBy(() -> o.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ordersSurviveAJsonRoundTripExactly() throws Exception {
        ObjectMapper mapper = CanonicalJson.newMapper();
        Order original = order(anna());

        Order back = mapper.readValue(mapper.writeValueAsString(original), Order.class);

        assertThat(back).isEqualTo(original);
        assertThat(mapper.writeValueAsString(original)).contains("\"unitPrice\":19.95").contains("\"modifiedAt\":\"2026-11-01T12:00:00Z\"");
    }

    @Test
    void productsWithVariantsSurviveAJsonRoundTrip() throws Exception {
        ObjectMapper mapper = CanonicalJson.newMapper();
        Product variant = Product.builder(new Ref("pos", EntityType.PRODUCT, "2"), "TEE-M", T).name("Tee M")
                .type(ProductType.VARIANT).parentSku("TEE").attributes(Map.of("size", "M")).build();
        Product parent = Product.builder(new Ref("pos", EntityType.PRODUCT, "1"), "TEE", T).name("Tee")
                .type(ProductType.CONFIGURABLE).variants(List.of(variant))
                .categories(List.of(CategoryPath.of("Men", "Shirts")))
                .price(new Price(new BigDecimal("19.95"), "EUR", true)).published(false).build();

        assertThat(mapper.readValue(mapper.writeValueAsString(parent), Product.class)).isEqualTo(parent);
    }

    @Test
    void emailKeysMatchCaseInsensitively() {
        assertThat(NaturalKey.email(" Anna@Example.COM")).isEqualTo(NaturalKey.email("anna@example.com"));
    }

    @Test
    void aRefNeedsAllThreeParts() {
        assertThatThrownBy(() -> new Ref("pos", EntityType.ORDER, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
    }

    @Test
    void aRejectionSaysWhichRecordWhichFieldAndWhat() {
        RecordRejectedException e = RecordRejectedException.builder("name is longer than 100 characters")
                .record(new Ref("pos", EntityType.PRODUCT, "7")).fieldPath("displayName").vendorCode("BadRequest").build();

        assertThat(e).hasMessage("pos:PRODUCT:7: field 'displayName': name is longer than 100 characters (vendor code BadRequest)");
    }

    @Test
    void theDefaultWriteAllTurnsRecordFailuresIntoResultsAndKeepsOrder() {
        Sink<Customer> sink = new Sink<>() {
            @Override
            public Ref create(MappedRecord<Customer> record) {
                if (record.record().email().isEmpty()) {
                    throw RecordRejectedException.builder("no email").build();
                }
                return new Ref("erp", EntityType.CUSTOMER, "new-" + record.sourceRef().id());
            }

            @Override
            public MappingDefaults defaultMapping() {
                return MappingDefaults.builder().build();
            }

            @Override
            public Set<KeyType> supportedKeys() {
                return Set.of(KeyType.EMAIL);
            }

            @Override
            public Optional<Ref> find(NaturalKey key) {
                return Optional.empty();
            }

            @Override
            public Ref update(Ref target, MappedRecord<Customer> record) {
                throw TransientException.builder("erp answered HTTP 503").httpStatus(503).build();
            }

            @Override
            public String system() {
                return "erp";
            }
        };
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Customer ok = anna();
        Customer bad = anna().toBuilder().sourceRef(new Ref("pos", EntityType.CUSTOMER, "2")).email(null).build();

        List<WriteResult> results = sink.writeAll(List.of(new Write.Create<>(new MappedRecord<>(ok, node)),
                new Write.Create<>(new MappedRecord<>(bad, node)),
                new Write.Update<>(new Ref("erp", EntityType.CUSTOMER, "x"), new MappedRecord<>(ok, node))));

        assertThat(results.get(0)).isInstanceOf(WriteResult.Written.class);
        assertThat(results.get(1)).isInstanceOfSatisfying(WriteResult.Failed.class,
                f -> assertThat(f.error()).isInstanceOf(RecordRejectedException.class));
        assertThat(results.get(2)).isInstanceOfSatisfying(WriteResult.Failed.class,
                f -> assertThat(f.error()).isInstanceOf(TransientException.class));
    }
}
