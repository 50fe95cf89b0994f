package io.possync.testkit.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.possync.api.ConfigurationException;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Product;
import io.possync.api.Ref;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A list as a change feed: read from a position, the latest version of a record fetched, a foreign cursor refused. */
class ListSourceTest {

    private static Product mug(String name, int minute) {
        return Product.builder(new Ref("pos", EntityType.PRODUCT, "MUG"), "MUG", Instant.parse("2026-12-01T08:00:00Z").plusSeconds(60L * minute))
                .name(name).build();
    }

    private final ListSource<Product> feed = new ListSource<>("pos", List.of(mug("Mug", 1), mug("Big mug", 2)));

    @Test
    void fetchGivesTheLatestVersionOfARecord() {
        assertThat(feed.fetch("MUG")).map(Product::name).hasValue("Big mug");
    }

    @Test
    void aCursorPastTheEndOfAShorterListReadsNothing() {
        assertThat(feed.changesSince(Cursor.of("5"), 10).records()).isEmpty();
    }

    @Test
    void aCursorThatIsNoPositionIsRefusedNamingIt() {
        assertThatThrownBy(() -> feed.changesSince(Cursor.of("{\"since\":1}"), 10)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("position");
    }
}
