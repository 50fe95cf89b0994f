package io.possync.connector.winstore;

import io.possync.api.Cursor;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Winstore's time stamps have whole seconds: what changes within the second of the last read is read again, what did not is not. */
class IncrementalReadTest {

    private final WinstoreConnections connections = new WinstoreConnections();
    private final WinstoreSandbox sandbox = connections.sandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aChangeWithinTheSecondOfTheFirstLoadIsReadAndTheUnchangedArticlesAreNot() {
        long shoe = sandbox.seedArticle(Map.of("artnr", "1001", "description", "Runner shoe"));
        sandbox.seedArticle(Map.of("artnr", "0057", "description", "Shoe spray"));
        WinstoreArticles articles = connections.connect(connections.settings().build()).articles();
        Page<Product> first = articles.changesSince(Cursor.initial(), 100);

        sandbox.modifyArticle(shoe, "description", "Runner shoe II");   // the clock has not moved
        Page<Product> next = articles.changesSince(first.next(), 100);

        assertThat(first.records()).hasSize(2);
        assertThat(next.records()).extracting(Product::name).containsExactly("Runner shoe II");
        assertThat(articles.changesSince(next.next(), 100).records()).isEmpty();
    }

    @Test
    void aStockRowChangedWithinTheSameSecondIsReadAgain() {
        sandbox.seedArticle(Map.of("artnr", "0057", "gtin", "010053790105", "description", "Shoe spray"));
        sandbox.setStock("010053790105", 1, 5, 0);
        Winstore winstore = connections.connect(connections.settings().build());
        winstore.articles().changesSince(Cursor.initial(), 100);
        var first = winstore.stock().changesSince(Cursor.initial(), 100);

        sandbox.setStock("010053790105", 1, 3, 0);
        var next = winstore.stock().changesSince(first.next(), 100);

        assertThat(next.records()).singleElement().satisfies(l -> assertThat(l.onHand()).isEqualByComparingTo("3"));
    }
}
