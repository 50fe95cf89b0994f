package io.possync.connector.winstore;

import io.possync.api.Cursor;
import io.possync.api.StockLevel;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the settings' warehouses count: their rows are summed per article, the others left out. */
class WarehousesTest {

    private final WinstoreConnections connections = new WinstoreConnections();
    private final WinstoreSandbox sandbox = connections.sandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theStockOfTheSelectedWarehousesIsSummedAndAChangeInOneOfThemIsReadWithTheArticlesOtherRows() {
        sandbox.seedArticle(Map.of("artnr", "1001", "description", "Runner shoe",
                "variants", List.of(Map.of("gtin", "08712345678906", "size", "42"), Map.of("gtin", "08712345678913", "size", "43"))));
        sandbox.setStock("08712345678906", 1, 5, 1);
        sandbox.setStock("08712345678906", 2, 7, 0);
        sandbox.setStock("08712345678913", 1, 3, 0);
        sandbox.setStock("08712345678913", 3, 9, 0);
        Winstore winstore = connections.connect(connections.settings().warehouses(1).build());
        winstore.articles().changesSince(Cursor.initial(), 100);

        var first = winstore.stock().changesSince(Cursor.initial(), 100);
        connections.advance(5);
        sandbox.setStock("08712345678913", 1, 1, 0);
        var next = winstore.stock().changesSince(first.next(), 100);

        assertThat(first.records()).singleElement().satisfies(l -> {
            assertThat(l.location()).isEqualTo("1");
            assertThat(l.onHand()).isEqualByComparingTo("8");
            assertThat(l.available()).isEqualByComparingTo("7");
        });
        assertThat(next.records()).singleElement().satisfies(l -> assertThat(l.onHand()).isEqualByComparingTo("6"));
    }

    @Test
    void aChangeOnlyInAnotherWarehouseIsNoChange() {
        sandbox.seedArticle(Map.of("artnr", "0057", "gtin", "010053790105", "description", "Shoe spray"));
        sandbox.setStock("010053790105", 1, 5, 0);
        Winstore winstore = connections.connect(connections.settings().warehouses(1).build());
        winstore.articles().changesSince(Cursor.initial(), 100);
        var first = winstore.stock().changesSince(Cursor.initial(), 100);
        connections.advance(5);
        sandbox.setStock("010053790105", 2, 50, 0);

        List<StockLevel> next = winstore.stock().changesSince(first.next(), 100).records();

        assertThat(next).isEmpty();
    }
}
