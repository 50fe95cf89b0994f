package io.possync.connector.buchhaltungsbutler.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Shipping;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings.RefundReceipt;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An order as a receipt and its postings: exact money, one posting per account and key, clear refusals. */
class ReceiptPlanTest {

    private static final BuchhaltungsButlerSettings SETTINGS = settings(RefundReceipt.NEGATIVE_INVOICE);

    private static BuchhaltungsButlerSettings settings(RefundReceipt refunds) {
        return BuchhaltungsButlerSettings.builder("client", Secret.of("s"), Secret.of("k"))
                .revenueAccount("*", "19", 8400).revenueAccount("*", "7", 8300).shippingAccount("*", 8401).refunds(refunds).build();
    }

    private static MappedRecord<Order> order(boolean pricesIncludeTax, String gross, Shipping shipping, OrderLine... lines) {
        Order o = Order.builder(new Ref("till", EntityType.ORDER, "1"), "BON-1", Instant.parse("2026-11-20T22:30:00Z"))
                .currency("EUR").pricesIncludeTax(pricesIncludeTax).lines(List.of(lines)).shipping(shipping)
                .totals(new OrderTotals(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(gross))).build();
        ObjectNode fields = Json.MAPPER.createObjectNode().put("invoice_number", "BON-1").put("debtor", "10000")
                .put("postingtext", "Verkauf BON-1").put("counterparty", "Barverkauf");
        return new MappedRecord<>(o, fields);
    }

    private static OrderLine line(String qty, String price, String rate) {
        return OrderLine.of("A", "A", new BigDecimal(qty), new BigDecimal(price), new BigDecimal(rate));
    }

    @Test
    void linesOfOneRateAreOnePostingAndTheReceiptDateIsTheSaleDayInTheTenantsZone() {
        ReceiptPlan plan = ReceiptPlan.of(order(true, "25.80", null, line("2", "9.95", "19"), line("1", "5.90", "19")), SETTINGS);

        assertThat(plan.postings()).containsExactly(new ReceiptPlan.Posting(8400, "19_vat", new BigDecimal("25.80"), "Verkauf BON-1"));
        assertThat(plan.receipt().path("date").asText()).isEqualTo("2026-11-20");
        assertThat(plan.receipt().path("amount").decimalValue()).isEqualByComparingTo("25.80");
        assertThat(plan.receipt().path("vat_rate").decimalValue()).isEqualByComparingTo("19");
        assertThat(plan.receipt().path("type").asText()).isEqualTo("invoice outbound");
    }

    @Test
    void netPricesAreGrossedUpExactlyAndShippingGoesToItsAccountAtTheHighestRate() {
        ReceiptPlan plan = ReceiptPlan.of(order(false, "16.89", new Shipping("dhl", new BigDecimal("4.20")),
                line("3", "3.3333", "7"), line("1", "1.00", "19")), SETTINGS);

        assertThat(plan.postings()).extracting(ReceiptPlan.Posting::account, ReceiptPlan.Posting::vatKey, ReceiptPlan.Posting::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8300, "7_vat", new BigDecimal("10.70")),
                        org.assertj.core.groups.Tuple.tuple(8400, "19_vat", new BigDecimal("1.19")),
                        org.assertj.core.groups.Tuple.tuple(8401, "19_vat", new BigDecimal("5.00")));
        assertThat(plan.receipt().has("vat_rate")).as("mixed rates").isFalse();
        assertThat(plan.postingsItem("7").path("amounts").toString()).isEqualTo("[\"10.70\",\"1.19\",\"5.00\"]");
    }

    @Test
    void aCentOfRoundingAgainstTheOrdersTotalGoesToTheLargestPosting() {
        // 1.005 × 1.19 = 1.19595 → 1.20 and 2.005 → 2.01 add up to 3.21; the till says 3.22
        ReceiptPlan plan = ReceiptPlan.of(order(false, "3.22", null, line("1", "1.005", "19"), line("1", "2.005", "0")), settingsWithZero());

        assertThat(plan.postings()).extracting(ReceiptPlan.Posting::amount).containsExactly(new BigDecimal("1.20"), new BigDecimal("2.02"));
        assertThat(plan.amount()).isEqualByComparingTo("3.22");
    }

    private static BuchhaltungsButlerSettings settingsWithZero() {
        return BuchhaltungsButlerSettings.builder("client", Secret.of("s"), Secret.of("k"))
                .revenueAccount("*", "19", 8400).revenueAccount("*", "0", 8125).build();
    }

    @Test
    void linesThatDoNotAddUpToTheOrdersTotalAreRejectedNamingBothAmounts() {
        assertThatThrownBy(() -> ReceiptPlan.of(order(true, "30.00", null, line("1", "20.00", "19")), SETTINGS))
                .isInstanceOf(RecordRejectedException.class).hasMessageContaining("20.00").hasMessageContaining("30.00")
                .extracting(e -> ((RecordRejectedException) e).fieldPath().orElseThrow()).isEqualTo("totals.gross");
    }

    @Test
    void aZeroReceiptIsRejectedBecauseBuchhaltungsButlerRefuses000() {
        assertThatThrownBy(() -> ReceiptPlan.of(order(true, "0.00", null, line("1", "0.00", "19")), SETTINGS))
                .isInstanceOf(RecordRejectedException.class).hasMessageContaining("0.00");
    }

    @Test
    void aRateWithoutRevenueAccountIsRejectedNamingTheSettingToAdd() {
        assertThatThrownBy(() -> ReceiptPlan.of(order(true, "10.00", null, line("1", "10.00", "0")), SETTINGS))
                .isInstanceOf(RecordRejectedException.class).hasMessageContaining("no revenue account for DE at 0 %")
                .hasMessageContaining("\"*:0\"");
    }

    @Test
    void aReturnIsANegativeInvoiceByDefaultAndACreditNoteWithPositiveAmountsWhenAsked() {
        MappedRecord<Order> refund = order(true, "-19.90", null, line("2", "-9.95", "19"));

        ReceiptPlan negative = ReceiptPlan.of(refund, SETTINGS);
        ReceiptPlan credit = ReceiptPlan.of(refund, settings(RefundReceipt.CREDIT_NOTE));

        assertThat(negative.receipt().path("type").asText()).isEqualTo("invoice outbound");
        assertThat(negative.amount()).isEqualByComparingTo("-19.90");
        assertThat(negative.postings().get(0).amount()).isEqualByComparingTo("-19.90");
        assertThat(credit.receipt().path("type").asText()).isEqualTo("credit outbound");
        assertThat(credit.amount()).isEqualByComparingTo("19.90");
        assertThat(credit.postings().get(0).amount()).isEqualByComparingTo("19.90");
    }

    @Test
    void anOrderWithoutDebtorIsRejectedOnItsCustomer() {
        MappedRecord<Order> o = order(true, "1.00", null, line("1", "1.00", "19"));
        o.fields().remove("debtor");

        assertThatThrownBy(() -> ReceiptPlan.of(o, SETTINGS)).isInstanceOf(RecordRejectedException.class)
                .extracting(e -> ((RecordRejectedException) e).fieldPath().orElseThrow()).isEqualTo("customer");
    }

    @Test
    void everyPostingCarriesTheMappedTextAsItIs() {
        MappedRecord<Order> o = order(true, "15.85", null, line("1", "9.95", "19"), line("1", "5.90", "7"));

        assertThat(ReceiptPlan.of(o, SETTINGS).postings()).extracting(ReceiptPlan.Posting::text).containsOnly("Verkauf BON-1");
    }

    @Test
    void aPostingTextLongerThanBuchhaltungsButlerTakesIsRejectedNotCut() {
        MappedRecord<Order> o = order(true, "1.00", null, line("1", "1.00", "19"));
        o.fields().put("postingtext", "x".repeat(ReceiptPlan.MAX_POSTING_TEXT + 1));

        assertThatThrownBy(() -> ReceiptPlan.of(o, SETTINGS)).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("129 characters")
                .extracting(e -> ((RecordRejectedException) e).fieldPath().orElseThrow()).isEqualTo("postingtext");
    }

    @Test
    void aBlankCounterpartyIsRejectedNotReplaced() {
        MappedRecord<Order> o = order(true, "1.00", null, line("1", "1.00", "19"));
        o.fields().put("counterparty", " ");

        assertThatThrownBy(() -> ReceiptPlan.of(o, SETTINGS)).isInstanceOf(RecordRejectedException.class)
                .extracting(e -> ((RecordRejectedException) e).fieldPath().orElseThrow()).isEqualTo("counterparty");
    }

    @Test
    void aFeeNoLineCarriesIsRejectedNamingTheSettingThatBooksIt() {
        MappedRecord<Order> withFee = order(true, "231.50", null, line("1", "230.00", "19"));

        assertThatThrownBy(() -> ReceiptPlan.of(withFee, SETTINGS)).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("230.00").hasMessageContaining("231.50").hasMessageContaining("otherCharges");
    }

    @Test
    void aFeeNoLineCarriesIsItsOwnPostingOnTheOtherChargesAccount() {
        BuchhaltungsButlerSettings withCharges = SETTINGS.toBuilder().otherCharges(8607, "0_none").build();

        ReceiptPlan plan = ReceiptPlan.of(order(true, "231.50", null, line("1", "230.00", "19")), withCharges);

        assertThat(plan.postings()).extracting(ReceiptPlan.Posting::account, ReceiptPlan.Posting::vatKey, ReceiptPlan.Posting::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8400, "19_vat", new BigDecimal("230.00")),
                        org.assertj.core.groups.Tuple.tuple(8607, "0_none", new BigDecimal("1.50")));
        assertThat(plan.amount()).isEqualByComparingTo("231.50");
    }
}
