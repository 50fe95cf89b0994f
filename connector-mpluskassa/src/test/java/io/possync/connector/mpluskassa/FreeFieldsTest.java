package io.possync.connector.mpluskassa;

import io.possync.api.ContactPerson;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** MplusKASSA's free fields ({@code customFieldList}) of relations and articles: written from the mapping, read into customFields. */
class FreeFieldsTest {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();
    private final MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void mappedFreeFieldsAreWrittenToTheRelationAndReadBackIntoCustomFields() {
        Customer jan = Customer.builder(new Ref("shop", EntityType.CUSTOMER, "8"), Instant.parse("2026-12-01T08:00:00Z"))
                .email("jan@example.nl").contactPerson(ContactPerson.of("Jan", "Jansen")).customFields(Map.of("tier", "gold"))
                .build();

        engine.run(Flow.customers("relations").from(new ListSource<>("shop", List.of(jan))).to(mplus.relations())
                .mapping(m -> m.override("customFields", "{'loyalty': customFields.tier}")).build());

        long number = sandbox.relations().keySet().iterator().next();
        assertThat(sandbox.relationCustomFields(number)).containsExactly(Map.entry("loyalty", "gold"));
        assertThat(mplus.relations().fetch(String.valueOf(number))).hasValueSatisfying(c ->
                assertThat(c.customFields()).containsEntry("loyalty", "gold"));
    }

    @Test
    void anArticlesMappedFreeFieldsAreWrittenAndReadBack() {
        Product tee = Product.builder(new Ref("shop", EntityType.PRODUCT, "1"), "100001", Instant.parse("2026-12-01T08:00:00Z"))
                .name("Tee").price(new Price(new BigDecimal("19.95"), "EUR", true)).features(Map.of("origin", "Portugal")).build();

        engine.run(Flow.products("articles").from(new ListSource<>("shop", List.of(tee))).to(mplus.articles())
                .mapping(m -> m.override("customFields", "{'herkomst': features.origin}")).build());

        assertThat(sandbox.articleCustomFields(100001)).containsExactly(Map.entry("herkomst", "Portugal"));
        assertThat(mplus.articles().changesSince(Cursor.initial(), 10).records()).singleElement()
                .satisfies(p -> assertThat(p.customFields()).containsEntry("herkomst", "Portugal"));
    }
}
