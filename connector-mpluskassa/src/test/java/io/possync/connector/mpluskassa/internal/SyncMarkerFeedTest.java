package io.possync.connector.mpluskassa.internal;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.Ref;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging by sync marker: the next marker comes from the last record, and equal markers never skip a record. */
class SyncMarkerFeedTest {

    /** Records 1..n with these markers; the server answers markers greater than the one asked for (its bound, UNCONFIRMED). */
    private static SyncMarkerFeed<Product> feed(long... markers) {
        return new SyncMarkerFeed<>(EntityType.PRODUCT, (after, limit) -> {
            List<SyncMarkerFeed.Marked<Product>> out = new ArrayList<>();
            for (int i = 0; i < markers.length && out.size() < limit; i++) {
                if (markers[i] > after) {
                    String id = String.valueOf(i + 1);
                    out.add(SyncMarkerFeed.Marked.of(markers[i], id,
                            () -> Product.builder(new Ref("mpluskassa", EntityType.PRODUCT, id), id, Instant.EPOCH).name(id).build()));
                }
            }
            return out;
        });
    }

    private static List<String> readAll(SyncMarkerFeed<Product> feed, int limit) {
        List<String> ids = new ArrayList<>();
        Cursor cursor = Cursor.initial();
        for (int i = 0; i < 100; i++) {
            Page<Product> page = feed.read(cursor, limit);
            page.records().forEach(p -> ids.add(p.sku()));
            cursor = page.next();
            if (!page.hasMore()) {
                break;
            }
        }
        return ids;
    }

    @Test
    void recordsSharingAMarkerAcrossAPageBoundaryAreAllRead() {
        SyncMarkerFeed<Product> feed = feed(10, 11, 12, 12, 12, 13, 14);

        assertThat(readAll(feed, 3)).containsExactly("1", "2", "3", "4", "5", "6", "7");
    }

    @Test
    void aFullPageOfOneMarkerIsReadAgainWiderInsteadOfSkippingOrLooping() {
        SyncMarkerFeed<Product> feed = feed(20, 20, 20, 20, 20, 21);

        assertThat(readAll(feed, 2)).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void theCursorAfterTheLastPageIsTheHighestMarkerSoNothingComesTwice() {
        SyncMarkerFeed<Product> feed = feed(5, 6, 7);
        Page<Product> page = feed.read(Cursor.initial(), 10);

        assertThat(page.hasMore()).isFalse();
        assertThat(feed.read(page.next(), 10).records()).isEmpty();
    }
}
