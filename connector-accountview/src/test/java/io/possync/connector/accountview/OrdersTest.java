package io.possync.connector.accountview;

import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.api.RecordRejectedException;
import io.possync.testkit.accountview.AccountViewSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sales orders and invoices: what AccountView lacks is a rejection naming the field, and the lines are booked as the settings say. */
class OrdersTest {

    private final AccountViewConnections connections = new AccountViewConnections();
    private final AccountViewSandbox sandbox = connections.sandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void anInvoiceBooksEachLineOnTheRevenueAccountAndVatCodeOfItsCountryAndShippingOnTheShippingAccount() {
        AccountView av = connections.connect();

        av.salesInvoices().create(Orders.mapped(Orders.sale("WEB-1"), av.salesInvoices().defaultMapping()));

        assertThat(sandbox.rows("DJ_PAGE")).singleElement().satisfies(p -> {
            assertThat(p.path("INV_NR").asText()).isEqualTo("WEB-1");
            assertThat(p.path("SUB_NR").asText()).isEqualTo("10001");
            assertThat(p.path("DJ_CODE").asText()).isEqualTo("800");
            assertThat(p.path("GROSS_FLG").asBoolean()).isTrue();
            assertThat(p.path("PERIOD").asInt()).isEqualTo(11);
        });
        assertThat(sandbox.rows("DJ_LINE")).extracting(l -> l.path("ACCT_NR").asText() + " " + l.path("VAT_CODE").asText() + " "
                + l.path("AMOUNT").decimalValue().stripTrailingZeros().toPlainString()).containsExactly("8000 2 24.2", "8050 2 4.95");
    }

    @Test
    void aLineWithoutAVatCodeForItsRateIsRefusedNamingTheLine() {
        AccountView av = connections.connect();
        var order = Orders.sale("WEB-2").toBuilder().lines(List.of(io.possync.api.OrderLine.of("ART001", "x", BigDecimal.ONE,
                BigDecimal.TEN, new BigDecimal("6")))).build();

        assertThatThrownBy(() -> av.salesInvoices().create(Orders.mapped(order, av.salesInvoices().defaultMapping())))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> assertThat(e.fieldPath()).contains("lines[0].VAT_CODE"));
        assertThat(sandbox.rows("DJ_PAGE")).isEmpty();
    }

    @Test
    void aSalesOrderOfAnArticleAccountViewLacksIsRefusedNamingTheLineAndTheOthersAreWritten() {
        sandbox.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel"));
        sandbox.seedArticle(Map.of("ART_CODE", "VERZEND", "ART_DESC1", "Verzendkosten"));
        AccountView av = connections.connect();
        var good = Orders.mapped(Orders.sale("WEB-3"), av.salesOrders().defaultMapping());
        var bad = Orders.mapped(Orders.sale("WEB-4").toBuilder().lines(List.of(io.possync.api.OrderLine.of("NOPE", "x", BigDecimal.ONE,
                BigDecimal.TEN, new BigDecimal("21")))).build(), av.salesOrders().defaultMapping());

        List<WriteResult> results = av.salesOrders().writeAll(List.of(new Write.Create<>(bad), new Write.Create<>(good)));

        assertThat(results.get(0)).isInstanceOfSatisfying(WriteResult.Failed.class, f -> assertThat(((RecordRejectedException) f.error())
                .fieldPath()).contains("lines[0].ART_CODE"));
        assertThat(results.get(1)).isInstanceOf(WriteResult.Written.class);
        assertThat(sandbox.rows("SO_HDR")).singleElement().satisfies(h -> assertThat(h.path("COMMENT1").asText()).isEqualTo("WEB-3"));
        assertThat(sandbox.rows("SO_LINE")).extracting(l -> l.path("ART_CODE").asText()).containsExactly("ART001", "VERZEND");
    }

    @Test
    void shippingCostsWithoutAShippingArticleAreRefusedNamingTheSetting() {
        sandbox.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel"));
        AccountView av = connections.connect(connections.settings().build().toBuilder().build());
        AccountView without = connections.connect(AccountViewSettings.builder(sandbox.clientId(), io.possync.api.http.Secret.of(sandbox.clientSecret()),
                io.possync.api.http.Secret.of(sandbox.refreshToken()), "DEMO").endpoints(sandbox.apiUri(), sandbox.tokenUri()).build());

        assertThatThrownBy(() -> without.salesOrders().create(Orders.mapped(Orders.sale("WEB-5"), without.salesOrders().defaultMapping())))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.fieldPath()).contains("shipping.cost");
                    assertThat(e.reason()).contains("shippingArticle");
                });
        assertThat(av.salesOrders().find(io.possync.api.NaturalKey.orderNumber("WEB-5"))).isEmpty();
    }

    @Test
    void anArticleAnsweredAsOneObjectInsteadOfAnArrayIsRead() {
        sandbox.seedArticle(Map.of("ART_CODE", "SOLO", "ART_DESC1", "The only one", "QTY_AVAIL", 4));
        AccountView av = connections.connect();

        assertThat(av.articles().fetch("SOLO")).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("The only one"));
        assertThat(av.stock().changesSince(io.possync.api.Cursor.initial(), 200).records()).singleElement()
                .satisfies(l -> assertThat(l.available()).isEqualByComparingTo("4"));
    }
}
